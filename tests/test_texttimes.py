"""Times read from the visible text of live blogs: markers at the start of posts, day headings,
zone statements, a site's zone, and the clock that turns a list of posts into UTC times.

Every expected value is worked out by hand from the text (and, for the real pages, from the
ground truth in ../shared/eval/truth), not copied from the module's output."""

from __future__ import annotations

import json
import re
import string
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.parse import textmarkers, timewords
from liveread.parse.texttimes import (
    ZONE_WORDS,
    Clock,
    Marker,
    may_start_marker,
    read_day,
    read_marker,
    zone_for,
    zone_statement,
)
from liveread.parse.timewords import fold

SHARED = Path(__file__).parents[1].parent / "shared"
REAL = SHARED / "fixtures" / "real"
TRUTH = SHARED / "eval" / "truth"

JULY_18 = date(2024, 7, 18)


def utc(text: str) -> datetime:
    """'2024-07-18T09:04' as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def marker(text: str, language: str | None = None) -> Marker:
    found = read_marker(text, language)
    assert found is not None, f"no marker in {text!r}"
    return found


# --------------------------------------------------------------------------------------------
# Clock times at the start of a post


@pytest.mark.parametrize(
    ("text", "hour", "minute", "label", "rest"),
    [
        # DW: a bold "HH:MM" then the post, NBSPs around it
        ("13:47 All public buildings", 13, 47, "13:47", "All public buildings"),
        ("13:40\xa0\xa0All the victims", 13, 40, "13:40", "All the victims"),
        ("12:31\xa0Nils Duquet", 12, 31, "12:31", "Nils Duquet"),
        ("  13:47 | Text", 13, 47, "13:47", "Text"),
        ("13:47 – Text", 13, 47, "13:47", "Text"),
        ("13:47 - Text", 13, 47, "13:47", "Text"),
        ("23:59: Text", 23, 59, "23:59", "Text"),
        ("9:05 Text", 9, 5, "9:05", "Text"),
        ("0:30 text in lower case", 0, 30, "0:30", "text in lower case"),
        ("13:47", 13, 47, "13:47", ""),
        ("13:47Police said", 13, 47, "13:47", "Police said"),  # <strong>13:47</strong>Police
        # Spanish as the RAE writes it: a space inside "p. m."
        ("10:45 p. m. El presidente", 22, 45, "10:45 p. m.", "El presidente"),
        ("10:45 a. m.", 10, 45, "10:45 a. m.", ""),
        ("9:05 P. M. | Texto", 21, 5, "9:05 P. M.", "Texto"),
        # "horas", "hrs", "hs" after the clock, as "Uhr": Spain, Mexico, Argentina
        ("13.02 horas", 13, 2, "13.02 horas", ""),
        ("13.02 horas: El Gobierno", 13, 2, "13.02 horas", "El Gobierno"),
        ("13:02 hs. El Gobierno", 13, 2, "13:02 hs", "El Gobierno"),
        ("8.05 hrs | Texto", 8, 5, "8.05 hrs", "Texto"),
        # German: "Uhr", the ticker's "+++"
        ("11.04 Uhr: Israelische Drohne tötet", 11, 4, "11.04 Uhr", "Israelische Drohne tötet"),
        ("1.10 Uhr: Heftiger Schusswechsel", 1, 10, "1.10 Uhr", "Heftiger Schusswechsel"),
        ("10.30 Uhr: Israel schickt Panzer", 10, 30, "10.30 Uhr", "Israel schickt Panzer"),
        ("+++ 10.30 Uhr: Panzer +++", 10, 30, "10.30 Uhr", "Panzer +++"),
        ("10 Uhr: Beginn der Sitzung", 10, 0, "10 Uhr", "Beginn der Sitzung"),
        ("10:45 Uhr Text", 10, 45, "10:45 Uhr", "Text"),
        # a bare dotted time: only with a separator or nothing after it
        ("11.04: Text", 11, 4, "11.04", "Text"),
        ("09.30 – Text", 9, 30, "09.30", "Text"),
        ("11.04", 11, 4, "11.04", ""),
        # English, 12 hours
        ("2:02 p.m. ET Biden spoke", 14, 2, "2:02 p.m. ET", "Biden spoke"),
        ("2:02pm Text", 14, 2, "2:02pm", "Text"),
        ("2.02pm: Text", 14, 2, "2.02pm", "Text"),
        ("11am: Polls open", 11, 0, "11am", "Polls open"),
        ("11 a.m. Polls open", 11, 0, "11 a.m.", "Polls open"),
        ("12:05 a.m. Text", 0, 5, "12:05 a.m.", "Text"),
        ("12 pm Lunch", 12, 0, "12 pm", "Lunch"),
        ("12:30 PM Text", 12, 30, "12:30 PM", "Text"),
        ("02:23:15 PM IST Text", 14, 23, "02:23:15 PM IST", "Text"),  # seconds before am/pm
        ("9\u202fPM Text", 21, 0, "9 PM", "Text"),
        ("14.02 BST Text", 14, 2, "14.02 BST", "Text"),
        ("14:00 GMT: Text", 14, 0, "14:00 GMT", "Text"),
        ("22:30 Am Montag", 22, 30, "22:30", "Am Montag"),  # German "Am" is no a.m.
        # French
        ("14h23 Le président", 14, 23, "14h23", "Le président"),
        ("14 h 23 : Le président", 14, 23, "14 h 23", "Le président"),
        ("14h Le président", 14, 0, "14h", "Le président"),
        ("14h00 - Début du conseil", 14, 0, "14h00", "Début du conseil"),
        ("8h05 Ouverture", 8, 5, "8h05", "Ouverture"),
        # Italian, Polish, Dutch, Spanish
        ("Ore 14.30 - Il premier", 14, 30, "14.30", "Il premier"),
        ("ore 9 Apertura dei seggi", 9, 0, "9", "Apertura dei seggi"),
        ("16:56 Israele", 16, 56, "16:56", "Israele"),
        ("godz. 14:30 Prezydent", 14, 30, "14:30", "Prezydent"),
        ("15 uur: Kabinet", 15, 0, "15 uur", "Kabinet"),
        ("14.30 uur: Kabinet", 14, 30, "14.30 uur", "Kabinet"),
        ("14u23 Treinverkeer", 14, 23, "14u23", "Treinverkeer"),  # Flemish
        ("9u02", 9, 2, "9u02", ""),
        ("14:30 El presidente", 14, 30, "14:30", "El presidente"),
        ("13.47 h: El presidente", 13, 47, "13.47 h", "El presidente"),
    ],
)
def test_clock_markers(text: str, hour: int, minute: int, label: str, rest: str) -> None:
    found = marker(text)
    assert (found.kind, found.hour, found.minute, found.label) == ("clock", hour, minute, label)
    assert text[found.end :] == rest


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("2:02 p.m. ET", "America/New_York"),
        ("2 PM EDT", "America/New_York"),
        ("2:02 p.m. CT Biden", "America/Chicago"),
        ("13:47 CT: Text", "America/Chicago"),  # 24 hours, but a separator after it
        ("13:47 CT scans show", None),
        ("13:47 ETA", None),
        ("14:00 GMT", "UTC"),
        ("14:00 UTC", "UTC"),
        ("14:00 UTC+2 Text", "UTC+02:00"),
        ("14:00 GMT-5 Text", "UTC-05:00"),
        ("14:00 GMT+05:30 Text", "UTC+05:30"),
        ("14:00 CET+1 Text", None),
        ("14:00 GMT+15 Text", None),
        ("11.04 Uhr MESZ: Text", "Europe/Berlin"),
        ("09:00 (MEZ) Text", "Europe/Berlin"),
        ("8:30 p.m. AEST", "Australia/Sydney"),
        ("19:00 IST", "Asia/Kolkata"),
        ("7:55 PM GST", "Asia/Dubai"),
        ("9:40pm PHT", "Asia/Manila"),
        ("21:40 PKT", "Asia/Karachi"),
        ("14.20 WIB Text", "Asia/Jakarta"),
        ("10:15 ICT", "Asia/Bangkok"),
        ("13:47 Text", None),
    ],
)
def test_a_zone_written_after_the_time(text: str, zone: str | None) -> None:
    found = marker(text)
    assert (str(found.zone) if found.zone else None) == zone


def test_a_zone_the_marker_does_not_take_stays_in_the_text() -> None:
    assert read_marker("13:47 CT scans show") == Marker(
        "clock", hour=13, minute=47, label="13:47", end=6
    )
    found = marker("14:00 CET+1 Text")
    assert ("14:00 CET+1 Text"[found.end :], found.label) == ("CET+1 Text", "14:00")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\xa0",
        "Police said",
        "A man was arrested",
        "10 horas de paro",
        "24 hs de paro",
        "May said",
        "Il presidente",
        "2024 was a year",
        "2024:",
        "2024",
        "3.5 million people",
        "10 things we know",
        "10 Downing Street",
        "24/7 coverage",
        "9/11 memorial",
        "7/7 bombings",
        "12/25",
        "1/2 cup",
        "020 7946 0958",
        "+44 20 7946 0958",
        "1. FC Köln",
        "1.",
        "1990s",
        "3D printing",
        "5G network",
        "100%",
        "€12.50",
        "12.50 euros",
        "12.50 Euro",  # a bare dotted time followed by a word: a price
        "11.04 Israel",  # ...or a date
        "2:1 win for Arsenal",  # a score: one digit a side
        "1:0 für Bayern",
        "13:47:05",
        "2:05:30 Kipchoge crosses the line",  # a race time: no am/pm after its seconds
        "10:00-12:00",
        "25:00",
        "13:75",
        "13:47police",
        "24h Le Mans",
        "5h de route",
        "13pm",
        "0am",
        "11 amendments",
        "HT",
        "FT",
        "Mi-temps",
        "ore",
        "godz. Prezydent",
    ],
)
def test_no_marker(text: str) -> None:
    assert read_marker(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "il\ty a 5 min",  # a head whose spaces squashing changes
        "il  y a 5 min",
        "à\u00a014h: Le président",
        "+++ 10.30 Uhr: Text",
        "Gestern, 14.00 Uhr",
        "Vor 2 Stunden",
        "Ieri alle 14.30",
    ],
)
def test_a_text_that_may_start_with_a_marker_is_not_turned_away(text: str) -> None:
    assert may_start_marker(text)


@pytest.mark.parametrize("text", ["Politics", "«Quote»", "(AP)", "— Reuters", "Österreich"])
def test_a_text_no_marker_can_start_is_turned_away(text: str) -> None:
    assert read_marker(text) is None
    assert not may_start_marker(text)


def test_no_opening_of_a_real_page_with_a_marker_is_turned_away() -> None:
    """Whatever `read_marker` finds in an element's opening, squashed or not, the cheap test
    before it lets through."""
    missed = []
    for page in sorted(REAL.glob("*/*.html")):
        tree = LexborHTMLParser(page.read_bytes())
        for node in tree.css("p, span, strong, b, li, h2, h3, time, div"):
            opening = node.text(deep=True, separator=" ")[:200].lstrip()
            if not opening:
                continue
            for text in (opening, " ".join(opening.split())):
                if read_marker(text) is not None and not may_start_marker(text):
                    missed.append(text)
    assert missed == []


# --------------------------------------------------------------------------------------------
# Relative times, minutes of play


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("16 min ago", 960),
        ("16 mins ago", 960),
        ("16m ago", 960),
        ("2 hours ago", 7200),
        ("2h ago", 7200),
        ("2 hrs ago", 7200),
        ("an hour ago", 3600),
        ("An hour ago", 3600),
        ("a minute ago", 60),
        ("one hour ago", 3600),
        ("30 seconds ago", 30),
        ("2 days ago", 172800),
        ("just now", 0),
        ("Just now:", 0),
        ("vor 2 Stunden", 7200),
        ("vor 16 Minuten", 960),
        ("Vor einer Stunde", 3600),
        ("vor 5 Min.", 300),
        ("vor 1 Std.", 3600),
        ("vor 2 Tagen", 172800),
        ("gerade eben", 0),
        ("il y a 3 heures", 10800),
        ("Il y a 5 min", 300),
        ("il y a une heure", 3600),
        ("il y a 2 h", 7200),
        ("à l'instant", 0),
        ("3 ore fa", 10800),
        ("5 minuti fa", 300),
        ("un'ora fa", 3600),
        ("un’ora fa", 3600),
        ("1 giorno fa", 86400),
        ("hace 2 horas", 7200),
        ("hace 5 minutos", 300),
        ("Hace una hora", 3600),
        ("hace 1 día", 86400),
        ("2 godziny temu", 7200),
        ("5 godzin temu", 18000),
        ("godzinę temu", 3600),
        ("minutę temu", 60),
        ("5 minut temu", 300),
        ("2 dni temu", 172800),
        ("przed chwilą", 0),
        ("3 uur geleden", 10800),
        ("5 minuten geleden", 300),
        ("1 minuut geleden", 60),
        ("een uur geleden", 3600),
        ("2 dagen geleden", 172800),
        ("zojuist", 0),
        ("Moments ago", 0),
        ("a few seconds ago", 0),
        ("vor wenigen Sekunden", 0),
        ("il y a quelques secondes", 0),
        ("hace un momento", 0),
        ("hace unos segundos", 0),
        ("Hace instantes", 0),
        ("Poco fa", 0),
        ("il y a quelques instants", 0),
        ("chwilę temu", 0),
        ("een ogenblik geleden", 0),
        ("1 hr 5 min ago", 3900),
        ("1h 5m ago", 3900),
        ("2 hours, 3 minutes ago", 7380),
        ("vor 1 Std. 5 Min.", 3900),
        ("hace 1 hora 20 minutos", 4800),
        ("Hace 1 hora y 20 minutos", 4800),
        ("il y a 1 heure et 20 minutes", 4800),
        ("1 ora e 20 minuti fa", 4800),
        ("1 uur en 20 minuten geleden", 4800),  # no clock "1 uur" (one o'clock)
        ("1 hour and 20 minutes ago", 4800),
    ],
)
def test_relative_markers(text: str, seconds: int) -> None:
    found = marker(text)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))
    assert found.label == text.rstrip(":")
    assert found.end == len(text)


@pytest.mark.parametrize("text", ["hace unos minutos", "há uns minutos"])
def test_a_word_for_one_runs_not_on_into_a_unit(text: str) -> None:
    """A word for one is no count glued to a unit: "unos" is no "uno" and "s" (a second)."""
    assert read_marker(text, "es") is None


def test_the_text_after_a_relative_marker() -> None:
    found = marker("16 min ago Police said")
    assert ("16 min ago Police said"[found.end :], found.label) == ("Police said", "16 min ago")
    found = marker("vor 2 Stunden | Berlin")
    assert "vor 2 Stunden | Berlin"[found.end :] == "Berlin"
    # A number and a word after the time are the text's, not more of the time.
    found = marker("vor 2 Stunden 3 Tote bei Unfall")
    assert (found.ago, found.label) == (timedelta(hours=2), "vor 2 Stunden")


@pytest.mark.parametrize(
    "text",
    [
        "Vor Ort",
        "vor 2 Jahren",
        "In 2 hours",
        "2 hours",
        "2 hours agony",
        "an hour",
        "Just now, police said",
        "Il y a des",
        "hace calor",
        "ago",
        "temu",
    ],
)
def test_no_relative_marker(text: str) -> None:
    assert read_marker(text) is None


@pytest.mark.parametrize(
    ("text", "minute", "label", "rest"),
    [
        ("95'", 95, "95'", ""),
        ("95’ C'est terminé", 95, "95’", "C'est terminé"),
        ("95'C'est terminé", 95, "95'", "C'est terminé"),
        ("45'+2", 45, "45'+2", ""),
        ("45' + 2 Carton jaune", 45, "45' + 2", "Carton jaune"),
        ("90+3'", 90, "90+3'", ""),
        ("45+2' Penalty", 45, "45+2'", "Penalty"),
        ("1'", 1, "1'", ""),
        ("120'", 120, "120'", ""),
        ("45′", 45, "45′", ""),
    ],
)
def test_minutes_of_play(text: str, minute: int, label: str, rest: str) -> None:
    found = marker(text)
    assert (found.kind, found.minute, found.hour, found.label) == ("minute", minute, None, label)
    assert text[found.end :] == rest


@pytest.mark.parametrize("text", ["150'", "80's music", "6'2\" tall", "5' 11\" tall"])
def test_no_minute_of_play(text: str) -> None:
    assert read_marker(text) is None


QUICK_FORMS = [
    "13:47",
    "9:05 Polizei",
    "13:40\xa0 \xa0All the victims",
    "13:47 All public buildings",
    "13:47 A demonstration",
    "13:47 L'ASVEL",
    "13:47 DW understands",
    "13:47 am",
    "1:47 pm Biden",
    "1:47 P.M.",
    "13:47 AM",
    "13:47 Uhr",
    "13:47 Uhrzeit",
    "13:47 uur",
    "13:47 h",
    "13:47 hier",
    "13:47 CET",
    "13:47 CT scans",
    "13:47 (CET)",
    "13:47  CET",
    "13:47 - 14:00",
    "13:47 ",
    "24:00 Text",
    "13:60 Text",
    "13:475",
    "95'",
    "95’ C'est terminé",
    "95'C'est terminé",
    "45' +2",
    "45' 11\" tall",
    "130' Fin",
    "131' Fin",
    "5' 11\" tall",
    '09:35 "Today is not a day"',
    "13:47 «Oui»",
    "13:47 - Text",
    "13:47 (CET) Text",
    "45' 88'",
    "11.04 Uhr: Israelische Armee",
    "1.10 Uhr: Heftiger Schusswechsel",
    "11.04\xa0Uhr",
    "11.04 Uhr MESZ: Text",
    "11.04 Uhrzeit",
    "11.04 Uhr:12",
    "14.30 uur Kabinet",
    "18.07.2024, 11.08 Uhr",
    "10:15 June 4, 2024",
    "10:15 June 4, 2024 Text",
    "10:15 Junior doctors",
    "10:15 Juni",
    "10:15 août 2024",
]


@pytest.mark.parametrize("text", QUICK_FORMS)
def test_the_quick_reading_of_common_forms_is_the_general_one(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clock or minute of play is read without regular expressions where nothing after it
    could change the reading: whatever it reads, the general reading reads the same."""
    quick = read_marker(text)
    monkeypatch.setattr(textmarkers, "_quick_marker", lambda text: None)
    assert quick == read_marker(text)


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("16 min ago", "relative", "16 min ago"),
        ("5 August 14:00", "moment", "5 August 14:00"),
        ("3 de agosto a las 14:00", "moment", "3 de agosto a las 14:00"),
        ("10 Uhr: Text", "clock", "10 Uhr"),
        ("2 PM EDT", "clock", "2 PM EDT"),
        ("10 h 30 Le président", "clock", "10 h 30"),
    ],
)
def test_a_number_and_a_word_a_marker_goes_on_with(text: str, kind: str, label: str) -> None:
    found = marker(text)
    assert (found.kind, found.label) == (kind, label)


@pytest.mark.parametrize("text", ["22 J. Delaplace", "6 Nations", "10 Downing Street", "3 ans"])
def test_a_number_and_a_word_no_marker_goes_on_with(text: str) -> None:
    assert read_marker(text) is None


def test_month_names_match_only_their_folded_form_in_ascii() -> None:
    """Numbers before a plain ASCII word are turned away when the word, folded, is no month:
    that holds only while no month's spelling has a letter a case-blind pattern matches to
    another ASCII letter than the one it folds to (a Turkish dotless "ı" matches "I", and
    folds to "i"). Spellings in another script (Greek) fold to no ASCII at all."""
    spellings = [s for names in timewords.MONTHS.values() for n in names for s in n.split()]
    assert all(
        fold(spelling).isascii() or not any(char.isascii() for char in fold(spelling))
        for spelling in spellings
    )
    accented = {char for spelling in spellings for char in spelling if not char.isascii()}
    letters = string.ascii_letters
    assert not [
        c
        for c in accented
        for a in letters
        if re.fullmatch(re.escape(c), a, re.I) and fold(c) != a.lower()
    ]


def test_the_quick_reading_reads_the_common_forms() -> None:
    assert textmarkers._quick_marker("13:47 All public buildings") == Marker(
        "clock", hour=13, minute=47, label="13:47", end=6
    )
    assert textmarkers._quick_marker("95’ C'est terminé") == Marker(
        "minute", minute=95, label="95’", end=4
    )
    assert textmarkers._quick_marker("13:47 A demonstration") == Marker(
        "clock", hour=13, minute=47, label="13:47", end=6
    )
    assert textmarkers._quick_marker("11.04 Uhr: Israelische Armee") == Marker(
        "clock", hour=11, minute=4, label="11.04 Uhr", end=11
    )
    assert textmarkers._quick_marker("13:47 CET") is None  # a zone: read the general way


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("for 6 minutter siden", 360),
        ("för 3 timmar sedan", 10800),
        ("for 1 time siden", 3600),
        ("há 5 minutos", 300),
        ("5 minutos atrás", 300),
        ("5 min. siden", 300),
        ("for 5 min. siden", 300),
        ("5 minutter siden", 300),
        ("2 timer siden", 7200),
        ("3 minuuttia sitten", 180),
        ("2 tuntia sitten", 7200),
        ("minuutti sitten", 60),
        ("tunti sitten", 3600),
        ("há 2 horas", 7200),
        ("há um minuto", 60),
        ("há uma hora", 3600),
    ],
)
def test_times_ago_in_more_languages(text: str, seconds: int) -> None:
    found = marker(text)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


def test_a_time_ago_before_the_text() -> None:
    found = marker("41 min. siden Vejen er spærret")
    assert (found.ago, found.label) == (timedelta(minutes=41), "41 min. siden")


@pytest.mark.parametrize(
    "text", ["for 2 hours the road was shut", "for 6 siden", "for 6 ago", "vor 6 minutter siden"]
)
def test_half_of_a_time_written_around_is_none(text: str) -> None:
    assert read_marker(text) is None


@pytest.mark.parametrize(
    ("text", "language", "days_back", "hour", "minute"),
    [
        ("Ontem, 23:50", "pt", 1, 23, 50),
        ("Ontem às 23:50 Texto", "pt", 1, 23, 50),
        ("Hoje, 09:40", "pt", 0, 9, 40),
        ("Anteontem, 21:05", "pt", 2, 21, 5),
        ("eilen klo 23.12", "fi", 1, 23, 12),
        ("Tänään klo 8.15 Teksti", "fi", 0, 8, 15),
        ("i går kl. 23.41 Tekst", "da", 1, 23, 41),
        ("I dag kl. 09.12 Tekst", "nb", 0, 9, 12),
        ("i forgårs kl. 22.00", "da", 2, 22, 0),
    ],
)
def test_days_named_in_nordic_and_portuguese(
    text: str, language: str, days_back: int, hour: int, minute: int
) -> None:
    found = marker(text, language)
    assert (found.kind, found.days_back, found.hour, found.minute) == (
        "clock",
        days_back,
        hour,
        minute,
    )


@pytest.mark.parametrize(
    ("text", "month_day", "hour", "minute"),
    [
        ("16/02 às 01:52", (2, 16), 1, 52),
        ("16/02 as 01:52 Texto", (2, 16), 1, 52),
        ("15 de fevereiro às 23:48", (2, 15), 23, 48),
        ("13. juni kl. 09.12 Tekst", (6, 13), 9, 12),
        ("21.11. klo 14.02 Teksti", (11, 21), 14, 2),
    ],
)
def test_a_date_then_its_clock_after_a_word(
    text: str, month_day: tuple[int, int], hour: int, minute: int
) -> None:
    found = marker(text, "pt")
    assert (found.kind, found.month_day, found.hour, found.minute) == (
        "moment",
        month_day,
        hour,
        minute,
    )


@pytest.mark.parametrize("text", ["Aujourd'hui à 14h23", "Aujourd’hui, 14:23", "aujourd'hui 14h23"])
def test_french_today_before_a_clock(text: str) -> None:
    found = marker(text, "fr")
    assert (found.kind, found.days_back, found.hour, found.minute) == ("clock", 0, 14, 23)
    assert text[found.end :] == ""


@pytest.mark.parametrize(
    ("text", "back", "hour"),
    [("i går 23:15", 1, 23), ("Igår, 21:40", 1, 21), ("i dag 14:00", 0, 14)],
)
def test_swedish_day_words_before_a_clock(text: str, back: int, hour: int) -> None:
    found = marker(text)
    assert (found.kind, found.days_back, found.hour) == ("clock", back, hour)


@pytest.mark.parametrize(
    ("text", "kind", "month_day", "hour", "minute", "label", "rest"),
    [
        (
            "Update vom 15. März, 8.20 Uhr: Der Pegel",
            "moment",
            (3, 15),
            8,
            20,
            "Update vom 15. März, 8.20 Uhr",
            "Der Pegel",
        ),
        ("Update, 7.15 Uhr: Auch", "clock", None, 7, 15, "Update, 7.15 Uhr", "Auch"),
        (
            "Erstmeldung vom 14. März, 17.30 Uhr: Nach",
            "moment",
            (3, 14),
            17,
            30,
            "Erstmeldung vom 14. März, 17.30 Uhr",
            "Nach",
        ),
        ("UPDATE 14:20 – Police say", "clock", None, 14, 20, "UPDATE 14:20", "Police say"),
        ("Aktualisierung, 9.05 Uhr:", "clock", None, 9, 5, "Aktualisierung, 9.05 Uhr", ""),
        ("Mise à jour 14h20 : Le maire", "clock", None, 14, 20, "Mise à jour 14h20", "Le maire"),
        ("mise a jour du 5 mars à 14h20 : Le", "moment", (3, 5), 14, 20, None, "Le"),
        ("Aggiornamento ore 14.20: Il", "clock", None, 14, 20, "Aggiornamento ore 14.20", "Il"),
        ("Actualización 14:20", "clock", None, 14, 20, "Actualización 14:20", ""),
        ("Actualización a las 14:20 El", "clock", None, 14, 20, None, "El"),
        ("Update 2:31 p.m.: Officials", "clock", None, 14, 31, "Update 2:31 p.m.", "Officials"),
        ("Bijgewerkt om 14.20 uur: De", "clock", None, 14, 20, "Bijgewerkt om 14.20 uur", "De"),
        ("Aktualizacja, godz. 14:20 Policja", "clock", None, 14, 20, None, "Policja"),
        ("+++ Update, 14:20 Uhr +++ Text", "clock", None, 14, 20, "Update, 14:20 Uhr", "Text"),
    ],
)
def test_a_word_of_update_before_a_time(
    text: str,
    kind: str,
    month_day: tuple[int, int] | None,
    hour: int,
    minute: int,
    label: str | None,
    rest: str,
) -> None:
    """The update word is part of the marker: its label, and cut from the text with it."""
    found = marker(text, "de")
    assert (found.kind, found.month_day, found.hour, found.minute) == (
        kind,
        month_day,
        hour,
        minute,
    )
    assert text[found.end :] == rest
    if label is not None:
        assert found.label == label
    assert may_start_marker(text)


@pytest.mark.parametrize(
    "text",
    [
        "Update your app to 14:20",
        "Update: 14 people died",
        "Update 2: the police",
        "Update vom 15. März: Text",
        "Aktualisierung der Daten um 14 Uhr",
        "Erstmeldung",
        "Update 16 min ago",
        "Posted by Dana Whitfield",
        "Published 2024 figures show",
        "Posted 95' Goal",
        "Publié le 19/07/2024 à 17h42",
        "Published June 4, 2024 at 2:31 p.m.",
        "Posted 2:31 PM, June 4, 2024",
        "Updated guidance says",
        "Updated on 5 March 2024",
        "Last updated June 4, 2024 at 2:31 p.m.",
        "Last night 14 people died",
        "Aktualisiert am 15.03.2024",
        "Mis à jour le 19/07/2024 à 17h42",
    ],
)
def test_a_word_of_update_with_no_time_after_it_is_no_marker(text: str) -> None:
    assert read_marker(text) is None


@pytest.mark.parametrize(
    ("text", "kind", "hour", "minute", "label", "rest"),
    [
        (
            "Posted 2:31 p.m. ET Officials said",
            "clock",
            14,
            31,
            "Posted 2:31 p.m. ET",
            "Officials said",
        ),
        ("Published 3:05 PM EDT", "clock", 15, 5, None, ""),
        ("Published: 14:20 – Text", "clock", 14, 20, "Published: 14:20", "Text"),
        ("Posted at 00:52 GMT", "clock", 0, 52, "Posted at 00:52 GMT", ""),
        ("Veröffentlicht um 14.20 Uhr: Text", "clock", 14, 20, None, "Text"),
        ("Publié à 14h20 : Le maire", "clock", 14, 20, "Publié à 14h20", "Le maire"),
        ("Pubblicato alle 14.20", "clock", 14, 20, None, ""),
        ("Publicado a las 14:20", "clock", 14, 20, None, ""),
        ("Geplaatst om 14.20 uur", "clock", 14, 20, None, ""),
        ("Opublikowano o godz. 14:20", "clock", 14, 20, None, ""),
        ("Posted 5 min ago", "relative", None, None, "Posted 5 min ago", ""),
        ("Veröffentlicht vor 2 Stunden", "relative", None, None, None, ""),
        ("Updated 1:14 AM ET Voters", "clock", 1, 14, "Updated 1:14 AM ET", "Voters"),
        ("Last updated 3:05 PM EDT", "clock", 15, 5, "Last updated 3:05 PM EDT", ""),
        ("Updated 5 min ago", "relative", None, None, "Updated 5 min ago", ""),
        ("Aktualisiert 14:20 Uhr: Text", "clock", 14, 20, "Aktualisiert 14:20 Uhr", "Text"),
        ("Zuletzt aktualisiert: 14.20 Uhr", "clock", 14, 20, None, ""),
        ("Mis à jour à 14h20 : Le maire", "clock", 14, 20, "Mis à jour à 14h20", "Le maire"),
        ("Aggiornato alle 14.20", "clock", 14, 20, None, ""),
        ("Actualizado 14:20", "clock", 14, 20, None, ""),
        ("Bijgewerkt 14:20", "clock", 14, 20, None, ""),
        ("Zaktualizowano 14:20", "clock", 14, 20, None, ""),
    ],
)
def test_a_word_of_posting_before_a_time(
    text: str, kind: str, hour: int | None, minute: int | None, label: str | None, rest: str
) -> None:
    """ "Posted", "Published", "Updated" and their kin in the other languages open a clock
    or a time ago as a word of update does: part of the marker, cut from the text with it."""
    found = marker(text, "en")
    assert (found.kind, found.hour, found.minute) == (kind, hour, minute)
    assert text[found.end :] == rest
    if label is not None:
        assert found.label == label
    assert may_start_marker(text)


def test_a_word_of_posting_before_a_time_ago_reads_the_time_ago() -> None:
    assert marker("Published 5 min ago").ago == timedelta(minutes=5)
    assert marker("Posted an hour ago").ago == timedelta(hours=1)


# --------------------------------------------------------------------------------------------
# Moments: a date, then a time


@pytest.mark.parametrize(
    ("text", "day", "month_day", "hour", "minute", "rest"),
    [
        ("5 August 14:00 Text", None, (8, 5), 14, 0, "Text"),
        ("5 August 2024, 14:00: Text", date(2024, 8, 5), None, 14, 0, "Text"),
        ("Monday 5 August 2024 14:00 Text", date(2024, 8, 5), None, 14, 0, "Text"),
        ("August 5, 2024 2:02 p.m. ET Text", date(2024, 8, 5), None, 14, 2, "Text"),
        ("Aug. 5 at 2:02 p.m. Text", None, (8, 5), 14, 2, "Text"),
        ("18.07.2024 11:04 Text", date(2024, 7, 18), None, 11, 4, "Text"),
        ("18.07.2024, 11.04 Uhr: Text", date(2024, 7, 18), None, 11, 4, "Text"),
        ("Donnerstag, 18. Juli 2024, 11.04 Uhr: Text", date(2024, 7, 18), None, 11, 4, "Text"),
        ("18. Juli um 11.04 Uhr: Text", None, (7, 18), 11, 4, "Text"),
        ("lundi 5 août à 14h30 Text", None, (8, 5), 14, 30, "Text"),
        ("5 août 2024 à 14h Le président", date(2024, 8, 5), None, 14, 0, "Le président"),
        ("18 luglio 2024 alle 14.30 - Testo", date(2024, 7, 18), None, 14, 30, "Testo"),
        ("sábado, 3 de agosto a las 14:00 Texto", None, (8, 3), 14, 0, "Texto"),
        ("18 lipca 2024 o godz. 14:00 Tekst", date(2024, 7, 18), None, 14, 0, "Tekst"),
        ("donderdag 18 juli om 14.30 uur: Tekst", None, (7, 18), 14, 30, "Tekst"),
        ("2024-07-18 11:04 Text", date(2024, 7, 18), None, 11, 4, "Text"),
        ("18/07/2024 11:04 Text", date(2024, 7, 18), None, 11, 4, "Text"),
        ("17.07.2024 • 23:10 Uhr Text", date(2024, 7, 17), None, 23, 10, "Text"),
        ("April 14, 2026 / 7:10 PM EDT Text", date(2026, 4, 14), None, 19, 10, "Text"),
        # The clock first, then its date.
        ("12:42 a.m. ET, June 5, 2024", date(2024, 6, 5), None, 0, 42, ""),
        ("11:58 p.m. ET, June 4, 2024 - Text", date(2024, 6, 4), None, 23, 58, "Text"),
        ("2:31 PM on Jun 4, 2024 Text", date(2024, 6, 4), None, 14, 31, "Text"),
        ("14:23, 18 July 2024", date(2024, 7, 18), None, 14, 23, ""),
        ("14:23 Uhr, 18.07.2024: Text", date(2024, 7, 18), None, 14, 23, "Text"),
        ("9:05 a.m., 5 June", None, (6, 5), 9, 5, ""),
    ],
)
def test_moments(
    text: str,
    day: date | None,
    month_day: tuple[int, int] | None,
    hour: int,
    minute: int,
    rest: str,
) -> None:
    found = marker(text)
    assert (found.kind, found.day, found.month_day) == ("moment", day, month_day)
    assert (found.hour, found.minute) == (hour, minute)
    assert text[found.end :] == rest


def test_the_language_orders_a_slashed_date() -> None:
    assert marker("05/08/2024 10:00", "en-US").day == date(2024, 5, 8)
    assert marker("05/08/2024 10:00", "en-GB").day == date(2024, 8, 5)
    assert marker("05/08/2024 10:00").day == date(2024, 8, 5)
    assert marker("07/18/2024 10:00").day == date(2024, 7, 18)  # only one order names a month


@pytest.mark.parametrize(
    "text",
    [
        "5 August marks the anniversary",
        "18.07.2024",
        "Monday 5 August",
        "5 August 2024 10 Downing Street",
        "31 June 2024 10:00",
    ],
)
def test_no_moment(text: str) -> None:
    assert read_marker(text) is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("13:47 5 August marks the anniversary", "5 August marks the anniversary"),
        ("14:00 18 July, the day before, was calmer", "18 July, the day before, was calmer"),
    ],
)
def test_a_date_running_on_into_text_after_a_clock_is_not_its_date(text: str, rest: str) -> None:
    found = read_marker(text)
    assert found is not None and found.kind == "clock"
    assert text[found.end :] == rest


# --------------------------------------------------------------------------------------------
# Day headings


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Donnerstag, 18.\xa07.", "de", date(2024, 7, 18)),
        ("Mittwoch, 17. Juli", "de", date(2024, 7, 17)),
        ("Mittwoch, 17. Juli 2024", "de", date(2024, 7, 17)),
        ("Heute, 18. Juli", "de", date(2024, 7, 18)),
        ("18.07.2024", "de", date(2024, 7, 18)),
        ("18.07.", "de", date(2024, 7, 18)),
        ("18. 7. 2024", "de", date(2024, 7, 18)),
        ("18.07.24", "de", date(2024, 7, 18)),
        ("Mär 3", "de", date(2024, 3, 3)),
        ("Monday 5 August", "en", date(2024, 8, 5)),
        ("Monday, August 5", "en", date(2024, 8, 5)),
        ("Monday, August 5, 2024", "en", date(2024, 8, 5)),
        ("Monday 5 August.", "en", date(2024, 8, 5)),
        ("August 5th", "en", date(2024, 8, 5)),
        ("5th of August", "en", date(2024, 8, 5)),
        ("5 August 2024", "en", date(2024, 8, 5)),
        ("Mon 5 Aug", "en", date(2024, 8, 5)),
        ("Thu 18 Jul", "en", date(2024, 7, 18)),
        ("Sept. 5", "en", date(2024, 9, 5)),
        ("lundi 5 août", "fr", date(2024, 8, 5)),
        ("Lundi 5 Août 2024", "fr", date(2024, 8, 5)),
        ("1er août", "fr", date(2024, 8, 1)),
        ("18 juillet 2024", "fr", date(2024, 7, 18)),
        ("mercredi 17 juil.", "fr", date(2024, 7, 17)),
        ("févr. 2", "fr", date(2024, 2, 2)),
        ("18 luglio 2024", "it", date(2024, 7, 18)),
        ("giovedì 18 luglio", "it", date(2024, 7, 18)),
        ("sábado, 3 de agosto", "es", date(2024, 8, 3)),
        ("sabado 3 de agosto", "es", date(2024, 8, 3)),
        ("3 de agosto de 2024", "es", date(2024, 8, 3)),
        ("czwartek, 18 lipca", "pl", date(2024, 7, 18)),
        ("środa, 17 lipca 2024", "pl", date(2024, 7, 17)),
        ("sroda 17 lipca", "pl", date(2024, 7, 17)),
        ("donderdag 18 juli", "nl", date(2024, 7, 18)),
        ("woensdag 17 juli 2024", "nl", date(2024, 7, 17)),
        ("18/07", None, date(2024, 7, 18)),
        ("18/07/2024", None, date(2024, 7, 18)),
        ("2024-07-18", None, date(2024, 7, 18)),
        # 12 January 2024 is 188 days before the 18th of July, 12 January 2025 178 after
        ("12 January", "en", date(2025, 1, 12)),
    ],
)
def test_day_headings(text: str, language: str | None, expected: date) -> None:
    assert read_day(text, language, near=JULY_18) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Today", "en", date(2024, 7, 18)),
        ("Yesterday", "en", date(2024, 7, 17)),
        ("Heute", "de", date(2024, 7, 18)),
        ("Gestern:", "de", date(2024, 7, 17)),
        ("Aujourd'hui", "fr", date(2024, 7, 18)),
        ("Aujourd’hui", "fr", date(2024, 7, 18)),
        ("Hier", "fr", date(2024, 7, 17)),
        ("Hier", None, date(2024, 7, 17)),
        ("Hier", "de", None),  # "here"
        ("Hier", "nl-BE", None),
        ("Oggi", "it", date(2024, 7, 18)),
        ("Ieri", "it", date(2024, 7, 17)),
        ("Hoy", "es", date(2024, 7, 18)),
        ("Ayer", "es", date(2024, 7, 17)),
        ("Dzisiaj", "pl", date(2024, 7, 18)),
        ("Wczoraj", "pl", date(2024, 7, 17)),
        ("Vandaag", "nl", date(2024, 7, 18)),
        ("Gisteren", "nl", date(2024, 7, 17)),
    ],
)
def test_days_named_from_the_page_date(text: str, language: str | None, expected: date) -> None:
    assert read_day(text, language, near=JULY_18) == expected


@pytest.mark.parametrize(
    ("text", "near", "expected"),
    [
        ("28 December", date(2025, 1, 2), date(2024, 12, 28)),
        ("2 January", date(2024, 12, 30), date(2025, 1, 2)),
        ("Dienstag, 31. 12.", date(2025, 1, 1), date(2024, 12, 31)),
        ("Mittwoch, 1. 1.", date(2024, 12, 31), date(2025, 1, 1)),
        ("29 February", date(2025, 3, 1), date(2024, 2, 29)),
        ("29 February", date(2022, 1, 1), None),  # no leap year from 2021 to 2023
        ("28 December 2023", date(2030, 1, 1), date(2023, 12, 28)),  # a written year wins
    ],
)
def test_a_missing_year_is_the_nearest(text: str, near: date, expected: date | None) -> None:
    assert read_day(text, near=near) == expected


def test_without_a_page_date_only_a_written_year_gives_a_day() -> None:
    assert read_day("5 August") is None
    assert read_day("Today") is None
    assert read_day("5 August 2024") == date(2024, 8, 5)


def test_month_first_for_us_english() -> None:
    assert read_day("07/18", "en-US", near=JULY_18) == date(2024, 7, 18)
    assert read_day("05/08", "en-US", near=JULY_18) == date(2024, 5, 8)
    assert read_day("05/08", "en_us", near=JULY_18) == date(2024, 5, 8)
    assert read_day("05/08", "en-GB", near=JULY_18) == date(2024, 8, 5)
    assert read_day("05/08", None, near=JULY_18) == date(2024, 8, 5)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "18.7",
        "24/7",
        "9/11",
        "2024",
        "May",
        "Monday",
        "Police 5 August",
        "5 Augusts",
        "31 June",
        "Wednesday 31 June",
        "30. 2.",
        "Live-Ticker",
        "Das Wichtigste in Kürze:",
        "5 August marks the day",
        "10 Downing Street",
        "18 July 2024 11:04",
        "Monday 5 August 2024, the day the riots spread to another ten towns",
    ],
)
def test_no_day_heading(text: str) -> None:
    assert read_day(text, "en", near=JULY_18) is None


# --------------------------------------------------------------------------------------------
# Zones


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("All updates are in Universal Coordinated Time (UTC)", "UTC"),
        ("All times in UTC", "UTC"),
        ("All times in GMT", "UTC"),
        ("All times GMT+1", "UTC+01:00"),
        ("All times stated are UK", "Europe/London"),
        ("All times are BST", "Europe/London"),
        ("Times are ET.", "America/New_York"),
        ("All times Eastern", "America/New_York"),
        ("All times are Pacific Time", "America/Los_Angeles"),
        ("All times shown are in Central European Time (CET)", "Europe/Berlin"),
        ("All times are Central Time", "America/Chicago"),
        ("All times are Central.", "America/Chicago"),
        ("This story will be updated. All times Central", "America/Chicago"),
        ("All times are Mountain, and all figures are provisional", "America/Denver"),
        ("All times IST", "Asia/Kolkata"),
        ("All times AEST", "Australia/Sydney"),
        ("Alle Zeiten in MESZ", "Europe/Berlin"),
        ("Alle Zeitangaben in MEZ", "Europe/Berlin"),
        ("Uhrzeiten in mitteleuropäischer Sommerzeit", "Europe/Berlin"),
        ("Alle Zeiten sind Schweizer Zeit", "Europe/Zurich"),
        ("Les heures sont indiquées en heure de Paris", "Europe/Paris"),
        ("heure française", "Europe/Paris"),
        ("Gli orari sono in ora italiana", "Europe/Rome"),
        ("Todas las horas en hora peninsular", "Europe/Madrid"),
        ("Horario peninsular", "Europe/Madrid"),
        ("Wszystkie godziny podano według czasu polskiego", "Europe/Warsaw"),
        ("Alle tijden zijn in Nederlandse tijd", "Europe/Amsterdam"),
    ],
)
def test_zone_statements(text: str, zone: str) -> None:
    found = zone_statement(text)
    assert found is not None and str(found) == zone


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The vote closes at 10pm GMT",
        "Police said the attack began at 9pm ET",
        "The UK government said",
        "All times are approximate.",
        "Schools were shut three times. The UK exam board said",
        "Updates from central London are coming in",
        "Updates from the mountain rescue team follow below",
    ],
)
def test_no_zone_statement(text: str) -> None:
    assert zone_statement(text) is None


@pytest.mark.parametrize(
    ("url", "language", "zone"),
    [
        ("https://www.nzz.ch/international/x-ld.1759794", "de", "Europe/Zurich"),
        ("https://www.bbc.co.uk/news/live/world-52627824", None, "Europe/London"),
        ("https://www.spiegel.de/", "de", "Europe/Berlin"),
        ("https://www.derstandard.at/", "de", "Europe/Vienna"),
        ("https://www.lemonde.fr/", "fr", "Europe/Paris"),
        ("https://www.lesoir.be/", "fr", "Europe/Brussels"),
        ("https://www.repubblica.it/esteri/", "it", "Europe/Rome"),
        ("https://elpais.es/", "es", "Europe/Madrid"),
        ("https://wyborcza.pl/", "pl", "Europe/Warsaw"),
        ("https://nos.nl/", "nl", "Europe/Amsterdam"),
        ("https://www.irishtimes.ie/", "en", "Europe/Dublin"),
        ("https://www.abc.net.au/news", "en", "Australia/Sydney"),
        ("https://www.nzherald.co.nz/", "en", "Pacific/Auckland"),
        ("https://www.thehindu.in/", "en", "Asia/Kolkata"),
        ("https://www.cbc.ca/news", "en", "America/Toronto"),
        ("https://news.example.ae/", "en", "Asia/Dubai"),
        ("https://example.com/", "en-PH", "Asia/Manila"),
        ("https://example.com/", "ms-MY", "Asia/Kuala_Lumpur"),
        ("https://example.com/", "id-ID", "Asia/Jakarta"),
        ("https://example.com/", "th-TH", "Asia/Bangkok"),
        ("https://example.com/", "ur-PK", "Asia/Karachi"),
        ("https://example.com/", "ar-SA", "Asia/Riyadh"),
        ("https://example.com/", "ar-QA", "Asia/Qatar"),
        ("https://www.dw.com/en/live", "en", "UTC"),
        ("https://www.dw.com/de/live", "de", "Europe/Berlin"),
        ("https://example.com/", "de-CH", "Europe/Zurich"),
        ("https://example.com/", "de_AT", "Europe/Vienna"),
        ("https://example.com/", "en-GB", "Europe/London"),
        ("https://example.com/", "pt-BR", "America/Sao_Paulo"),
        ("https://example.com/", "pt", "UTC"),
        ("https://example.com/", "es-MX", "America/Mexico_City"),
        ("https://example.com/", "es", "Europe/Madrid"),
        ("https://example.com/", "zh-Hant-TW", "Asia/Taipei"),
        ("https://example.com/", "uk", "Europe/Kyiv"),  # Ukrainian
        ("https://example.co/", "fr", "Europe/Paris"),  # .co is sold to anyone
        ("https://www.lemonde.fr./", None, "Europe/Paris"),
        ("http://127.0.0.1:8000/live", None, "UTC"),
        ("not an address", None, "UTC"),
        ("https://[::1", None, "UTC"),
    ],
)
def test_zone_for(url: str, language: str | None, zone: str) -> None:
    assert str(zone_for(url, language)) == zone


def test_zone_words_are_zones() -> None:
    assert ZONE_WORDS["MESZ"] == ZoneInfo("Europe/Berlin")
    assert ZONE_WORDS["ET"] == ZoneInfo("America/New_York")
    assert ZONE_WORDS["GMT"] is UTC
    assert "BST" in ZONE_WORDS and "XYZ" not in ZONE_WORDS
    assert len(ZONE_WORDS) == len(list(ZONE_WORDS)) == len(timewords.ZONE_NAMES)


def test_every_zone_named_in_the_data_exists() -> None:
    names = {
        *timewords.ZONE_NAMES.values(),
        *timewords.COUNTRY_ZONES.values(),
        *timewords.LANGUAGE_ZONES.values(),
        *(name for _, name in timewords.STATED_ZONES),
        *(name for _, name in timewords.ZONE_PHRASES),
        *(name for names in timewords.OTHER_ZONE_MEANINGS.values() for name in names),
    }
    for name in names:
        assert ZoneInfo(name).utcoffset(datetime(2024, 1, 1)) is not None, name


def test_abbreviations_of_several_zones_name_different_ones_by_default() -> None:
    defaults = [timewords.ZONE_NAMES[word] for word in timewords.OTHER_ZONE_MEANINGS]
    assert len(set(defaults)) == len(defaults)  # a default zone tells which word was written


@pytest.mark.parametrize("table", [timewords.MONTHS, timewords.WEEKDAYS])
def test_no_spelling_names_two_months_or_weekdays(table: dict[str, tuple[str, ...]]) -> None:
    meanings: dict[str, set[int]] = defaultdict(set)
    for names in table.values():
        for number, spellings in enumerate(names, 1):
            for spelling in spellings.split():
                meanings[fold(spelling)].add(number)
    assert {word: found for word, found in meanings.items() if len(found) > 1} == {}


def test_fold() -> None:
    assert [fold(word) for word in ("Août", "ŚRODA", "Październik", "łut", "aujourd’hui")] == [
        "aout",
        "sroda",
        "pazdziernik",
        "lut",
        "aujourd'hui",
    ]


# --------------------------------------------------------------------------------------------
# The clock of a list of posts

ZURICH = ZoneInfo("Europe/Zurich")
BERLIN = ZoneInfo("Europe/Berlin")

NZZ_TICKER = [
    # (heading or post text, the post's time in UTC) as on the NZZ page, newest first
    ("Donnerstag, 18.\xa07.", None),
    ("11.04 Uhr: Israelische Drohne tötet offenbar libanesischen Extremisten", "2024-07-18T09:04"),
    ("06.20 Uhr: USA schliessen provisorischen Hafen vor Gaza-Küste", "2024-07-18T04:20"),
    ("Mittwoch, 17.\xa07.", None),
    ("15.32 Uhr: Weiterhin tödliche Angriffe im Gazastreifen", "2024-07-17T13:32"),
    ("13.28 Uhr: Human Rights Watch: Hamas-Massaker", "2024-07-17T11:28"),
    ("2.59 Uhr: Hamas-Befehlshaber drängen", "2024-07-17T00:59"),
    ("1.10 Uhr: Heftiger Schusswechsel an Israels Grenze", "2024-07-16T23:10"),
    ("Dienstag, 16.\xa07.", None),
    ("19.27 Uhr: Israels Armee hat laut eigenen Angaben", "2024-07-16T17:27"),
    ("18.20 Uhr: Israelische Armee will ab Sonntag", "2024-07-16T16:20"),
    ("14.56 Uhr: Mindestens 28 Tote", "2024-07-16T12:56"),
    ("3.41 Uhr: Blinken unterstreicht", "2024-07-16T01:41"),
    ("1.30 Uhr: Zwei Tote", "2024-07-15T23:30"),
    ("1.26 Uhr: Erneuter Beschuss", "2024-07-15T23:26"),
]


def test_nzz_day_headings_and_summer_time() -> None:
    clock = Clock(ZURICH, reference=datetime.fromisoformat("2024-07-18T13:08:27+02:00"))
    for text, expected in NZZ_TICKER:
        if expected is None:
            day = read_day(text, "de", near=JULY_18)
            assert day is not None
            clock.day_heading(day)
        else:
            assert clock.time_of(read_marker(text, "de")) == utc(expected), text


def run(clock: Clock, stamps: list[str]) -> list[datetime | None]:
    return [clock.time_of(read_marker(stamp)) for stamp in stamps]


def test_a_later_time_in_a_newest_first_list_is_the_day_before() -> None:
    clock = Clock(UTC, date(2024, 3, 10))
    assert run(clock, ["01:15", "00:05", "23:50", "08:00", "08:00", "23:58"]) == [
        utc("2024-03-10T01:15"),
        utc("2024-03-10T00:05"),
        utc("2024-03-09T23:50"),
        utc("2024-03-09T08:00"),
        utc("2024-03-09T08:00"),  # two posts in one minute: the same day
        utc("2024-03-08T23:58"),
    ]


def test_12_hour_times_without_am_or_pm_keep_the_lists_order() -> None:
    """On a page of 12-hour clocks: the first post's the latest not after the page's own time
    (15:45), each next one's the latest not after the one above; across midnight the evening;
    "09:15" (24-hour style) and "3:40 p.m." as written."""
    reference = datetime(2024, 4, 11, 15, 45, tzinfo=UTC)
    clock = Clock(UTC, reference=reference, twelve_hour=True)
    stamps = ["3:40", "2:23", "12:50", "11:15", "09:15", "12:05", "11:40", "3:40 p.m."]
    assert run(clock, stamps) == [
        utc("2024-04-11T15:40"),
        utc("2024-04-11T14:23"),
        utc("2024-04-11T12:50"),
        utc("2024-04-11T11:15"),
        utc("2024-04-11T09:15"),
        utc("2024-04-11T00:05"),
        utc("2024-04-10T23:40"),
        utc("2024-04-10T15:40"),
    ]
    early = Clock(UTC, reference=datetime(2024, 4, 11, 9, 0, tzinfo=UTC), twelve_hour=True)
    assert run(early, ["8:50", "7:05"]) == [utc("2024-04-11T08:50"), utc("2024-04-11T07:05")]
    past_midnight = Clock(UTC, reference=datetime(2024, 4, 11, 0, 10, tzinfo=UTC), twelve_hour=True)
    assert run(past_midnight, ["12:05", "11:50"]) == [
        utc("2024-04-11T00:05"),
        utc("2024-04-10T23:50"),
    ]
    assert run(Clock(UTC, reference=past_midnight.reference, twelve_hour=True), ["11:50"]) == [
        utc("2024-04-10T23:50")
    ]
    oldest = Clock(UTC, date(2024, 4, 11), newest_first=False, twelve_hour=True)
    assert run(oldest, ["9:10", "11:30", "1:15", "4:05"]) == [
        utc("2024-04-11T09:10"),
        utc("2024-04-11T11:30"),
        utc("2024-04-11T13:15"),
        utc("2024-04-11T16:05"),
    ]
    assert run(Clock(UTC, reference=reference), ["3:40", "2:23"]) == [
        utc("2024-04-11T03:40"),
        utc("2024-04-11T02:23"),
    ]


def test_a_list_through_the_hour_summer_time_repeats_stays_on_its_day() -> None:
    """New York, 3 Nov 2024: 1:00 to 2:00 comes twice (EDT, then EST). Newest first, "01:45"
    below "01:20" is that hour's first pass, not the day before; oldest first, "01:05" after
    "01:45" is its second pass."""
    new_york = ZoneInfo("America/New_York")
    clock = Clock(new_york, date(2024, 11, 3))
    assert run(clock, ["02:10", "01:20", "01:45", "01:05", "23:30"]) == [
        utc("2024-11-03T07:10"),
        utc("2024-11-03T05:20"),
        utc("2024-11-03T05:45"),
        utc("2024-11-03T05:05"),
        utc("2024-11-03T03:30"),
    ]
    oldest = Clock(new_york, date(2024, 11, 3), newest_first=False)
    assert run(oldest, ["01:45", "01:05"]) == [utc("2024-11-03T05:45"), utc("2024-11-03T06:05")]


def test_an_earlier_time_in_an_oldest_first_list_is_the_day_after() -> None:
    clock = Clock(UTC, date(2024, 3, 9), newest_first=False)
    assert run(clock, ["22:00", "23:50", "00:10", "09:00"]) == [
        utc("2024-03-09T22:00"),
        utc("2024-03-09T23:50"),
        utc("2024-03-10T00:10"),
        utc("2024-03-10T09:00"),
    ]


def test_a_day_heading_names_the_day_of_the_posts_below_it() -> None:
    clock = Clock(UTC, date(2024, 3, 10))
    assert clock.time_of(read_marker("09:00")) == utc("2024-03-10T09:00")
    clock.day_heading(date(2024, 3, 9))
    # later than the post above, but the heading says which day: no midnight crossing
    assert run(clock, ["10:00", "11:00"]) == [utc("2024-03-09T10:00"), utc("2024-03-09T11:00")]


def test_a_time_after_the_pages_own_time_is_the_day_before() -> None:
    clock = Clock(UTC, reference=utc("2024-03-10T00:10"))
    assert run(clock, ["23:58", "23:40", "00:05"]) == [
        utc("2024-03-09T23:58"),
        utc("2024-03-09T23:40"),
        utc("2024-03-09T00:05"),
    ]
    slack = Clock(UTC, reference=utc("2024-03-10T12:00"))
    assert slack.time_of(read_marker("12:45")) == utc("2024-03-10T12:45")
    assert Clock(UTC, reference=utc("2024-03-10T12:00")).time_of(read_marker("13:30")) == utc(
        "2024-03-09T13:30"
    )


def test_times_after_the_pages_start_are_that_day() -> None:
    """A page that says only when it was first published: its posts come after that."""
    clock = Clock(UTC, reference=utc("2024-03-10T08:00"), reference_is_start=True)
    assert run(clock, ["19:42", "18:00", "08:05"]) == [
        utc("2024-03-10T19:42"),
        utc("2024-03-10T18:00"),
        utc("2024-03-10T08:05"),
    ]


def test_the_newest_post_is_not_before_the_pages_start() -> None:
    """Published at 21:00: "00:52" on top is the day after; the walk back from there may
    still pass the start (a page shows what it shows), and an oldest-first list, whose
    first post is its oldest, is left as written."""
    start = utc("2025-02-03T21:00")
    clock = Clock(UTC, reference=start, reference_is_start=True)
    assert run(clock, ["00:52", "00:15", "23:48", "20:30"]) == [
        utc("2025-02-04T00:52"),
        utc("2025-02-04T00:15"),
        utc("2025-02-03T23:48"),
        utc("2025-02-03T20:30"),
    ]
    oldest_first = Clock(UTC, reference=start, reference_is_start=True, newest_first=False)
    assert run(oldest_first, ["10:05", "18:02"]) == [
        utc("2025-02-03T10:05"),
        utc("2025-02-03T18:02"),
    ]


def test_a_pinned_post_out_of_order_moves_nothing() -> None:
    clock = Clock(UTC, date(2024, 3, 10))
    assert clock.time_of(read_marker("13:00"), in_order=False) == utc("2024-03-10T13:00")
    assert run(clock, ["14:30", "13:15"]) == [utc("2024-03-10T14:30"), utc("2024-03-10T13:15")]


def test_times_across_the_clock_changes() -> None:
    spring = Clock(BERLIN, date(2024, 3, 31))
    assert run(spring, ["03:30", "01:30"]) == [utc("2024-03-31T01:30"), utc("2024-03-31T00:30")]
    autumn = Clock(BERLIN, date(2024, 10, 27))
    assert run(autumn, ["03:30", "02:30", "01:30"]) == [
        utc("2024-10-27T02:30"),
        utc("2024-10-27T00:30"),  # 2.30 happens twice: read as the first, summer time
        utc("2024-10-26T23:30"),
    ]


def test_a_zone_on_the_marker_wins_over_the_clocks() -> None:
    london = ZoneInfo("Europe/London")
    assert Clock(london, date(2024, 11, 1)).time_of(read_marker("2:02 p.m. ET")) == utc(
        "2024-11-01T18:02"
    )
    assert Clock(london, date(2024, 11, 4)).time_of(read_marker("2:02 p.m. ET")) == utc(
        "2024-11-04T19:02"
    )
    assert Clock(london, date(2024, 7, 1)).time_of(read_marker("14:00")) == utc("2024-07-01T13:00")


@pytest.mark.parametrize(
    ("page_zone", "stamp", "expected"),
    [
        ("Europe/Dublin", "19:00 IST", "2024-07-01T18:00"),  # Irish Standard Time, summer
        ("Asia/Jerusalem", "19:00 IST", "2024-07-01T16:00"),  # Israel Standard Time (IDT)
        ("Europe/London", "19:00 IST", "2024-07-01T13:30"),  # India's, named anywhere else
        ("UTC", "19:00 IST", "2024-07-01T13:30"),
        ("Asia/Shanghai", "19:00 CST", "2024-07-01T11:00"),  # China Standard Time
        ("Asia/Shanghai", "19:00 CDT", "2024-07-02T00:00"),  # names Chicago alone
        ("Europe/London", "19:00 CST", "2024-07-02T00:00"),
    ],
)
def test_an_abbreviation_of_several_zones_is_the_pages_own_where_it_names_it(
    page_zone: str, stamp: str, expected: str
) -> None:
    zone = UTC if page_zone == "UTC" else ZoneInfo(page_zone)
    assert Clock(zone, date(2024, 7, 1)).time_of(read_marker(stamp)) == utc(expected)


def test_moments_and_the_posts_after_them() -> None:
    clock = Clock(UTC, date(2025, 1, 2))
    assert clock.time_of(read_marker("28 December 23:10")) == utc("2024-12-28T23:10")
    clock = Clock(ZURICH, date(2024, 8, 6))
    assert run(clock, ["5 August 2024, 00:30", "23:50"]) == [
        utc("2024-08-04T22:30"),
        utc("2024-08-04T21:50"),  # 23.50 on the 4th, the day before the moment's
    ]


def test_relative_times_count_back_from_the_pages_time() -> None:
    clock = Clock(BERLIN, reference=datetime.fromisoformat("2024-03-10T12:00:00+01:00"))
    found = clock.time_of(read_marker("16 min ago"))
    assert found == utc("2024-03-10T10:44") and found.tzinfo is UTC
    assert Clock(UTC, date(2024, 3, 10)).time_of(read_marker("16 min ago")) is None


def test_what_gives_no_time() -> None:
    clock = Clock(UTC, date(2024, 3, 10))
    assert clock.time_of(None) is None
    assert clock.time_of(read_marker("95'")) is None
    assert Clock(UTC).time_of(read_marker("13:47")) is None  # no day known
    assert Clock(UTC).time_of(read_marker("5 August 13:47")) is None  # nor a year
    assert Clock(UTC).time_of(read_marker("5 August 2024 13:47")) == utc("2024-08-05T13:47")
    with pytest.raises(ValueError, match="aware"):
        Clock(UTC, reference=datetime(2024, 3, 10, 12))


# --------------------------------------------------------------------------------------------
# The real pages with no machine-readable times (../shared/fixtures/real/STRUCTURE.md §8)


@cache
def real_page(name: str) -> LexborHTMLParser:
    paths = list((REAL / name).glob("*.html"))
    if not paths:
        pytest.skip("../shared/fixtures/real not found")
    return LexborHTMLParser(paths[0].read_text(encoding="utf-8"))


def truth_times(name: str) -> list[datetime | None]:
    paths = list(TRUTH.glob(f"{name}_*.json"))
    if not paths:
        pytest.skip("../shared/eval/truth not found")
    entries = json.loads(paths[0].read_text(encoding="utf-8"))["entries"]
    return [
        datetime.fromisoformat(entry["published_utc"]) if entry["published_utc"] else None
        for entry in entries
    ]


def test_dw_page() -> None:
    tree = real_page("dw")
    paragraphs = [p.text() for p in tree.css("div.longText > p")]
    zone = next(z for text in paragraphs if (z := zone_statement(text)) is not None)
    dated = next(li for li in tree.css("ul.smallList li") if "Date" in li.text())
    page_day = read_day(dated.text(deep=False), "en")
    assert (zone, page_day) == (UTC, date(2020, 2, 20))
    clock = Clock(zone, page_day)
    markers = [found for text in paragraphs if (found := read_marker(text, "en"))]
    assert [clock.time_of(found) for found in markers] == truth_times("dw")


def test_nzz_page() -> None:
    tree = real_page("nzz")
    url = "https://www.nzz.ch/international/israel-und-gaza-ld.1759794"
    clock = Clock(zone_for(url, "de"), JULY_18)
    times = []
    for node in tree.css("section.container--article h2, section.container--article h5"):
        if node.tag == "h2":
            if (day := read_day(node.text(), "de", near=JULY_18)) is not None:
                clock.day_heading(day)
        else:
            times.append(clock.time_of(read_marker(node.text(), "de")))
    assert times == truth_times("nzz")


def test_sportsfr_page() -> None:
    tree = real_page("sportsfr")
    comments = tree.css("div.live-match-comments > div.live-match-comment")
    markers = [read_marker(c.css_first(".live-match-comment-time").text(), "fr") for c in comments]
    assert [(m.kind, m.label) if m else None for m in markers] == [
        ("minute", f"{c.attributes['data-time']}'") for c in comments
    ]
    clock = Clock(zone_for("https://www.sports.fr/direct-foot/", "fr"), date(2020, 9, 27))
    assert [clock.time_of(m) for m in markers] == truth_times("sportsfr")


@pytest.mark.parametrize(
    ("text", "hour", "minute", "days_back"),
    [
        ("kl. 17.55 Första start", 17, 55, None),
        ("wczoraj, 22:45", 22, 45, 1),
        ("Gestern, 14.00 Uhr: Sturm", 14, 0, 1),
        ("Yesterday 5:30pm", 17, 30, 1),
        ("hier, 18h30", 18, 30, 1),
        ("Heute um 14:00 Uhr", 14, 0, 0),
        ("18時40分", 18, 40, None),
        ("9時", 9, 0, None),
    ],
)
def test_more_clock_forms(text: str, hour: int, minute: int, days_back: int | None):
    marker = read_marker(text, "pl")
    assert marker is not None and marker.kind == "clock"
    assert (marker.hour, marker.minute, marker.days_back) == (hour, minute, days_back)


@pytest.mark.parametrize("text", ["1時間に52ミリの雨", "Hier steht es", "Gestern war es kalt"])
def test_no_more_clock_forms(text: str):
    assert read_marker(text, "de") is None


def test_a_day_named_before_a_clock_counts_back_from_the_page_day():
    clock = Clock(ZoneInfo("Europe/Warsaw"), date(2024, 7, 18))
    today = read_marker("09:10")
    yesterday = read_marker("wczoraj, 22:45")
    assert clock.time_of(today) == datetime(2024, 7, 18, 7, 10, tzinfo=UTC)
    assert clock.time_of(yesterday) == datetime(2024, 7, 17, 20, 45, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7月17日（水）", date(2024, 7, 17)), ("2024年1月2日", date(2024, 1, 2)), ("7月", None)],
)
def test_japanese_days(text: str, expected: date | None):
    assert read_day(text, "ja", near=date(2024, 7, 18)) == expected


@pytest.mark.parametrize(
    ("text", "language", "weekday", "hour", "minute", "rest"),
    [
        ("Sa., 23:40 Uhr", "de", 5, 23, 40, ""),
        ("Samstag, 23:40 Uhr: Sturm", "de", 5, 23, 40, "Sturm"),
        ("Mon 9:50 AM PDT", "en", 0, 9, 50, ""),
        ("Monday, 9:50 AM PDT Apple", "en", 0, 9, 50, "Apple"),
        ("jeudi à 14h20", "fr", 3, 14, 20, ""),
        ("Sun 08:15", None, 6, 8, 15, ""),
    ],
)
def test_a_weekday_before_a_clock(
    text: str, language: str | None, weekday: int, hour: int, minute: int, rest: str
) -> None:
    found = marker(text, language)
    assert (found.kind, found.weekday, found.hour, found.minute) == (
        "clock",
        weekday,
        hour,
        minute,
    )
    assert text[found.end :] == rest


@pytest.mark.parametrize(
    ("text", "language"), [("So 9:50 it was", "en"), ("Do 14:00", "fr"), ("Monday was 9:50", "en")]
)
def test_no_weekday_of_another_language_nor_one_apart_from_its_clock(
    text: str, language: str
) -> None:
    found = read_marker(text, language)
    assert found is None or found.weekday is None


def test_a_weekday_names_the_latest_such_day_on_or_before_the_page_day() -> None:
    """The page's day is a Sunday: Saturday is the day before, Sunday the page's own day,
    Monday six days before."""
    berlin = ZoneInfo("Europe/Berlin")
    clock = Clock(berlin, date(2025, 10, 12))
    times = [
        clock.time_of(read_marker(text, "de"))
        for text in ("So., 01:20 Uhr", "Sa., 23:40 Uhr", "Montag, 9:15 Uhr")
    ]
    assert times == [
        datetime(2025, 10, 12, 1, 20, tzinfo=berlin),
        datetime(2025, 10, 11, 23, 40, tzinfo=berlin),
        datetime(2025, 10, 6, 9, 15, tzinfo=berlin),
    ]


@pytest.mark.parametrize(
    ("text", "hour", "minute", "rest"),
    [
        ("Pinned post from 9.32pm", 21, 32, ""),
        ("Pinned · 9.32pm", 21, 32, ""),
        ("Angeheftet seit 10:30 Uhr: Was wir wissen", 10, 30, "Was wir wissen"),
        ("Épinglé à 14h30", 14, 30, ""),
    ],
)
def test_the_time_a_pinning_label_holds(text: str, hour: int, minute: int, rest: str) -> None:
    found = marker(text)
    assert (found.kind, found.hour, found.minute, found.pinned) == ("clock", hour, minute, True)
    assert text[found.end :] == rest


@pytest.mark.parametrize(
    "text", ["Pinned", "Pinned at 10 Downing Street", "Fast 10 Uhr kam es zum Unfall"]
)
def test_no_time_after_a_pinning_label(text: str) -> None:
    assert read_marker(text) is None


@pytest.mark.parametrize(
    ("text", "day", "month_day"),
    [
        ("18-07-2024 14:23", date(2024, 7, 18), None),
        ("18-07-24, 14:23", date(2024, 7, 18), None),
        ("18.07. 14:23", None, (7, 18)),  # "14" is the hour, not the year of "18.07.14"
        ("18.07.24 14:23", date(2024, 7, 18), None),
    ],
)
def test_a_date_in_numbers_then_its_clock(
    text: str, day: date | None, month_day: tuple[int, int] | None
) -> None:
    found = marker(text, "nl")
    assert (found.kind, found.day, found.month_day, found.hour, found.minute) == (
        "moment",
        day,
        month_day,
        14,
        23,
    )


@pytest.mark.parametrize("text", ["3-1 win at 14:00", "12-10 14:23 the score stood"])
def test_a_score_before_a_clock_is_no_date(text: str) -> None:
    found = read_marker(text, "en")
    assert found is None or found.kind != "moment"


def test_a_day_heading_in_numbers_with_dashes() -> None:
    assert read_day("18-07-2024", "nl") == date(2024, 7, 18)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2024-07-18T11:10:00.000Z Jubilee line reopens", timedelta(0)),
        ("2024-07-18T12:10:00+01:00", timedelta(hours=1)),
        ("2024-07-18 11:10:00 Jubilee line reopens", None),
    ],
)
def test_a_moment_written_as_iso_8601(text: str, offset: timedelta | None) -> None:
    found = marker(text, "en")
    assert (found.kind, found.day, found.minute) == ("moment", date(2024, 7, 18), 10)
    assert (found.zone.utcoffset(None) if found.zone else None) == offset
    assert not text[found.end :].startswith(("0", ":", "+", "Z"))


@pytest.mark.parametrize("text", ["2024-07-18", "2024-02-30T11:10:00Z", "2024-07-18T25:10:00Z"])
def test_no_moment_of_a_date_alone_or_of_no_real_day(text: str) -> None:
    assert read_marker(text, "en") is None
