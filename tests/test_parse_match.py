"""Match commentaries on small pages: posts stamped only with a minute of play ("67'") among
posts with a clock time, and posts stamped with the stage of the match ("HT") instead."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from liveread.parse import parse
from liveread.parse.textmarkers import read_marker

URL = "https://sport.example.com/live/city-united"
PLAY = "The home side press high and win the ball back in the opposition half once more."


def commentary(stamps: list[tuple[str, str]], language: str = "en") -> str:
    """A commentary whose posts are `(stamp, opening)`, in page order."""
    posts = "".join(
        f"<div class=i><span class=t>{stamp}</span><p>{opening}. {PLAY}</p></div>"
        for stamp, opening in stamps
    )
    return (
        f"<html lang={language}><head><title>City v United: live</title>"
        "<meta property='article:published_time' content='2024-10-19T12:30:00Z'></head>"
        f"<body><main><div class=feed>{posts}</div></main></body></html>"
    )


def at(hour: int, minute: int) -> datetime:
    return datetime(2024, 10, 19, hour, minute, tzinfo=UTC)


def read(html: str) -> list[tuple[str, datetime | None]]:
    return [(entry.text.split(".")[0], entry.published) for entry in parse(html, URL).entries]


def test_match_posts_above_the_timed_posts_before_kick_off_stay_above_them() -> None:
    html = commentary(
        [("67'", "Goal"), ("1'", "Kick-off"), ("14:41", "Welcome"), ("14:10", "News")]
    )
    assert read(html) == [
        ("Goal", None),
        ("Kick-off", None),
        ("Welcome", at(14, 41)),
        ("News", at(14, 10)),
    ]


def test_match_posts_stay_between_the_timed_posts_around_them() -> None:
    html = commentary(
        [("17:02", "Reaction"), ("90'", "Whistle"), ("1'", "Kick-off"), ("14:41", "Welcome")]
    )
    assert read(html) == [
        ("Reaction", at(17, 2)),
        ("Whistle", None),
        ("Kick-off", None),
        ("Welcome", at(14, 41)),
    ]


def test_a_commentary_written_oldest_first_is_read_newest_first_match_posts_too() -> None:
    stamps = [("14:10", "News"), ("14:41", "Welcome"), ("1'", "Kick-off"), ("67'", "Goal")]
    html = commentary([*stamps, ("17:02", "Reaction")])
    assert read(html) == [
        ("Reaction", at(17, 2)),
        ("Goal", None),
        ("Kick-off", None),
        ("Welcome", at(14, 41)),
        ("News", at(14, 10)),
    ]


@pytest.mark.parametrize(
    ("stamp", "language"),
    [
        ("HT", "en"),
        ("Halbzeit", "de"),
        ("Pause", "de"),
        ("MT", "fr"),
        ("FIN", "fr"),
        ("Descanso", "es"),
        ("Intervallo", "it"),
        ("Rust", "nl"),
        ("Przerwa", "pl"),
    ],
)
def test_the_stage_of_the_match_in_a_minutes_place_is_the_posts_label(
    stamp: str, language: str
) -> None:
    html = commentary(
        [("88’", "Corner"), (stamp, "Break"), ("40’", "Shot"), ("12’", "Goal")], language
    )
    entries = parse(html, URL).entries
    assert [entry.label for entry in entries] == ["88’", stamp, "40’", "12’"]
    assert entries[1].text.startswith("Break. ")


def test_the_stage_of_the_match_is_a_label_where_the_minute_opens_the_post_box() -> None:
    """The minute is the first line of a box whose text runs on ("<li><div>31'</div><h3>…"):
    the stage of the match in that line's element is the label too."""
    posts = "".join(
        f"<li class=c><div class=c__when>{stamp}</div><h3>{title}</h3><p>{PLAY}</p></li>"
        for stamp, title in [("61'", "Equaliser"), ("Descanso", "Break"), ("31'", "Opener")]
    )
    html = (
        "<html lang=es><head><title>Directo</title></head><body><main>"
        f"<ul class=list>{posts}</ul></main></body></html>"
    )
    entries = parse(html, URL).entries
    assert [(entry.label, entry.title) for entry in entries] == [
        ("61'", "Equaliser"),
        ("Descanso", "Break"),
        ("31'", "Opener"),
    ]
    assert entries[1].text == PLAY


def test_a_short_text_in_a_minutes_place_naming_no_stage_of_the_match_is_no_label() -> None:
    html = commentary([("88’", "Corner"), ("Video", "Replay"), ("40’", "Shot"), ("12’", "Goal")])
    entries = parse(html, URL).entries
    assert [entry.label for entry in entries] == ["88’", "", "40’", "12’"]


def test_a_games_clock_is_the_posts_label_and_gives_no_time() -> None:
    """US sports: a quarter's clock, an inning, the end of a period ("Q3 5:42", "Top 7th",
    "End of 2nd") is read as a minute of play is, not as a clock time of day ("5:42")."""
    stamps = ["OT 2:10", "End of regulation", "Q4 0:45", "3rd Qtr 8:15", "End of 2nd", "3Q 5:42"]
    html = commentary([(stamp, f"Play {n}") for n, stamp in enumerate(stamps)])
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published) for entry in entries] == [
        (stamp, None) for stamp in stamps
    ]
    assert [entry.text.split(".")[0] for entry in entries] == [f"Play {n}" for n in range(6)]


def test_a_minute_written_as_a_french_ordinal_is_a_minute_of_play() -> None:
    """L'Équipe-style commentary: "80e", "45e+2", "1re" in the minute's place."""
    stamps = ["80e", "45e+2", "12e", "1re"]
    html = commentary([(stamp, f"Action {n}") for n, stamp in enumerate(stamps)], "fr")
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published) for entry in entries] == [
        (stamp, None) for stamp in stamps
    ]
    assert [entry.text.split(".")[0] for entry in entries] == [f"Action {n}" for n in range(4)]


@pytest.mark.parametrize("text", ["12e arrondissement", "3e étage", "1re classe du Tour"])
def test_an_ordinal_in_prose_is_no_minute_of_play(text: str) -> None:
    assert read_marker(text, "fr") is None


def test_the_half_written_after_a_minute_of_play_is_part_of_its_stamp() -> None:
    """Italian commentary counts minutes by half: "12' st" (secondo tempo), "40' pt"."""
    stamps = ["45'+3' st", "12' s.t.", "40' pt", "3' pt"]
    html = commentary([(stamp, f"Azione {n}") for n, stamp in enumerate(stamps)], "it")
    assert [(entry.label, entry.published) for entry in parse(html, URL).entries] == [
        (stamp, None) for stamp in stamps
    ]
    opening = read_marker("12' pt - Rigore per i padroni di casa")
    assert opening is not None and opening.label == "12' pt"
    assert read_marker("12' stop al gioco") == read_marker("12' Stop al gioco")


def test_a_lap_or_a_hole_is_the_posts_label_and_gives_no_time() -> None:
    """Lap-by-lap race commentary ("Lap 23/57", "Tour 23/78", "Giro 12") and a golfer's hole
    stamp posts as a minute of play does."""
    stamps = ["Lap 57/57", "Tour 23/78", "Lap 15 of 57", "Giro 12", "Thru 14", "18th hole"]
    html = commentary([(stamp, f"Move {n}") for n, stamp in enumerate(stamps)])
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published) for entry in entries] == [
        (stamp, None) for stamp in stamps
    ]
    assert [entry.text.split(".")[0] for entry in entries] == [f"Move {n}" for n in range(6)]
    assert read_marker("Tour de France 2024") is None


def test_a_races_distance_is_the_posts_label_beside_its_time_or_alone() -> None:
    """Cycling: "km 98" raced, "32 km to go", "à 12 km de l'arrivée" left."""
    stamps = ["à 12 km de l'arrivée", "32 km to go", "a 40 km dal traguardo", "km 98", "Km 0"]
    html = commentary([(stamp, f"Attaque {n}") for n, stamp in enumerate(stamps)], "fr")
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published) for entry in entries] == [
        (stamp, None) for stamp in stamps
    ]
    assert [entry.text.split(".")[0] for entry in entries] == [f"Attaque {n}" for n in range(5)]
    assert read_marker("32 km of roads are closed") is None
    assert read_marker("A 32 km detour") is None


def test_a_stage_and_the_time_of_day_in_one_box_leave_no_stage_in_the_text() -> None:
    """A stage beside the time in one box ("Thru 14 6:22 p.m."), read as a whole (its class
    sounds like a date): the stage goes with the time."""
    posts = "".join(
        f"<div class=update><div class=update__meta><span>{stamp}</span> "
        f"<span>{clock}</span></div><p>{opening}. {PLAY}</p></div>"
        for stamp, clock, opening in [
            ("18th hole", "15:05", "Par"),
            ("Thru 14", "14:22", "Birdie"),
            ("Halftime", "13:34", "Break"),
        ]
    )
    html = (
        "<html lang=en><head><title>Final round live</title>"
        "<meta property='article:published_time' content='2024-10-19T12:30:00Z'></head><body>"
        f"<main><div class=feed>{posts}</div></main></body></html>"
    )
    entries = parse(html, URL).entries
    assert [(entry.published, entry.text[:6]) for entry in entries] == [
        (at(15, 5), "Par. T"),
        (at(14, 22), "Birdie"),
        (at(13, 34), "Break."),
    ]


def test_a_games_clock_before_its_period_is_the_label_and_gives_no_time() -> None:
    """A clock first, then the period ("10:42 – 1st Qtr"), is no time of day."""
    stamps = ["0:21 – 4th Qtr", "6:14 - Q4", "9:55 Q3", "2:03 2Q", "10:42 – 1st Qtr"]
    html = commentary([(stamp, f"Play {n}") for n, stamp in enumerate(stamps)])
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published) for entry in entries] == [
        (stamp, None) for stamp in stamps
    ]
    for text in ("10:42 – 1st quarter results beat forecasts", "10:42 Q3: Revenue rose"):
        clock = read_marker(text)
        assert clock is not None and (clock.kind, clock.hour) == ("clock", 10)


def test_a_games_clock_beside_a_clock_time_is_the_label_and_the_time_is_kept() -> None:
    posts = "".join(
        f"<div class=e><div class=m><span class=p>{stamp}</span><time>{clock}</time></div>"
        f"<p>{opening}. {PLAY}</p></div>"
        for stamp, clock, opening in [
            ("Bottom of the 9th", "15:02", "Walk-off"),
            ("Top 7th", "14:20", "Homer"),
            ("Halftime", "13:55", "Break"),
            ("Mid 5th", "13:31", "Change"),
        ]
    )
    html = (
        "<html lang=en><head><title>Game live</title>"
        "<meta property='article:published_time' content='2024-10-19T12:30:00Z'></head><body><main>"
        f"<div class=feed>{posts}</div></main></body></html>"
    )
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published, entry.text[:5]) for entry in entries] == [
        ("Bottom of the 9th", at(15, 2), "Walk-"),
        ("Top 7th", at(14, 20), "Homer"),
        ("Halftime", at(13, 55), "Break"),
        ("Mid 5th", at(13, 31), "Chang"),
    ]


@pytest.mark.parametrize("text", ["Q3: Revenue rose", "Top 10th-ranked", "3rd", "End of an era"])
def test_a_quarter_or_ordinal_in_prose_is_no_games_clock(text: str) -> None:
    assert read_marker(text) is None


def test_headings_opening_with_an_inning_or_a_stage_are_posts_of_a_flat_game_blog() -> None:
    headings = [
        "Top 9th: Walk-off",
        "Bottom of the 8th: Quiet",
        "Top 5th: Rally",
        "Pregame: Lineups",
    ]
    body = "".join(f"<h3>{heading}</h3><p>{PLAY}</p>" for heading in headings)
    html = (
        "<html lang=en><head><title>Game 5 live updates</title></head><body><main><article>"
        f"<h1>Game 5 live updates</h1><div class=entry-content>{body}</div></article></main>"
        "</body></html>"
    )
    entries = parse(html, URL).entries
    assert [(entry.label, entry.title, entry.published) for entry in entries] == [
        ("Top 9th", "Walk-off", None),
        ("Bottom of the 8th", "Quiet", None),
        ("Top 5th", "Rally", None),
        ("Pregame", "Lineups", None),
    ]


def test_a_games_clock_written_apart_from_its_period_is_the_label_not_a_time_of_day() -> None:
    posts = "".join(
        f"<div class=e><div class=h><span class=p>{period}</span> <span class=c>{clock}</span>"
        f"</div><p>{opening}. {PLAY}</p></div>"
        for period, clock, opening in [
            ("Q4", "6:41", "Drive"),
            ("3rd", "8:15", "Run"),
            ("2Q", "1:02", "Punt"),
        ]
    )
    posts += f"<div class=e><div class=h><span class=p>Q1</span></div><p>Kick. {PLAY}</p></div>"
    html = (
        "<html lang=en><head><title>Game live</title>"
        "<meta property='article:published_time' content='2024-10-19T12:30:00Z'></head><body>"
        f"<main><div class=feed>{posts}</div></main></body></html>"
    )
    entries = parse(html, URL).entries
    assert [(entry.label, entry.published, entry.text[:4]) for entry in entries] == [
        ("Q4 6:41", None, "Driv"),
        ("3rd 8:15", None, "Run."),
        ("2Q 1:02", None, "Punt"),
        ("Q1", None, "Kick"),
    ]
