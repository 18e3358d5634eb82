"""What a list row shows: the time and age, marks and who on one line, the title on the next;
and which title that is (`list_titles`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from liveread.ui.lists import Row, row_prompt
from liveread.ui.titles import list_titles

NOW = datetime(2024, 8, 5, 20, 0, tzinfo=UTC)


def row(**kwargs: object) -> Row:
    fields: dict[str, object] = dict(
        ref="e1",
        published=None,
        title="Goal!",
        excerpt="",
        authors=(),
        kind="post",
        key_event=False,
        pinned=False,
        is_read=True,
        is_favourite=False,
        edited=False,
    )
    fields.update(kwargs)
    return Row(**fields)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_row_is_time_age_marks_and_who_then_the_title():
    shown = row(
        published=NOW - timedelta(minutes=5),
        authors=("Ines Halloran", "Tobias Wren"),
        is_read=False,
        key_event=True,
        is_favourite=True,
    )
    first, second = row_prompt(shown, NOW).plain.split("\n")
    assert first.split() == ["19:55", "5", "min", "●◆★", "Ines", "Halloran,", "Tobias", "Wren"]
    assert second == "Goal!"


def test_marks_and_names_line_up_whatever_the_age():
    starts = {
        row_prompt(row(published=NOW - ago, is_read=False), NOW).plain.index("●")
        for ago in (timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=45))
    }
    assert len(starts) == 1


def test_a_row_is_two_lines_however_the_text_runs():
    """A title or name with line breaks of its own still makes one line each (the list cuts
    each line to its width; it never wraps them)."""
    shown = row(title="Goal!\nWhat a strike\n", authors=("Ines\nHalloran",))
    assert row_prompt(shown, NOW).plain.count("\n") == 1


@pytest.mark.parametrize(
    ("feed_title", "shown"),
    [
        ("Harbour Bridge Marathon 2026 – live", "Harbour Bridge · "),
        ("Storm Imogen: ferries cancelled", "Storm Imogen · "),
        ("Storm Imogen", "Storm Imogen · "),
        ("Weltmeisterschaftsqualifikation live", "Weltmeisterschaft… · "),
    ],
)
def test_in_all_feeds_a_long_feed_title_gives_its_first_words_before_who_wrote(
    feed_title: str, shown: str
) -> None:
    first = row_prompt(row(feed_title=feed_title, authors=("Ines Halloran",)), NOW).plain
    assert first.split("\n")[0].endswith(f"  {shown}Ines Halloran")


def test_the_list_title_replaces_the_posts_own():
    assert row_prompt(row(), NOW, title="England held a training session").plain.endswith(
        "\nEngland held a training session"
    )


def test_a_minute_of_play_stands_where_the_time_would():
    assert row_prompt(row(label="90'+5"), NOW).plain.startswith("90'+5")
    assert "--:--" not in row_prompt(row(label="90'+5"), NOW).plain


def test_a_post_without_time_or_stamp_says_so():
    assert "--:--" in row_prompt(row(), NOW).plain


# ---------------------------------------------------------------------------------------------
# Which title a row shows

HEADLINE = "Women’s World Cup LIVE: England news as Lionesses prepare for Australia semi-final"


def post(n: int, title: str, feed: str = "1", headline: str = HEADLINE) -> Row:
    return row(
        ref=f"e{n}",
        title=title,
        excerpt=f"Opening words of post {n}…",
        feed=feed,
        headline=headline,
    )


def test_a_title_that_repeats_the_blogs_headline_gives_way_to_the_first_words():
    rows = [post(1, "Women's World Cup"), post(2, "Who do England play next?")]
    assert list_titles(rows) == {
        "e1": "Opening words of post 1…",
        "e2": "Who do England play next?",
    }


def test_the_whole_headline_as_a_title_gives_way_too():
    rows = [post(1, HEADLINE.upper() + "."), post(2, "Kick-off")]
    assert list_titles(rows)["e1"] == "Opening words of post 1…"


def test_a_title_most_posts_share_gives_way_to_the_first_words():
    rows = [post(n, "Latest updates", headline="Storm Imogen") for n in range(3)]
    rows.append(post(3, "Ferries cancelled", headline="Storm Imogen"))
    shown = list_titles(rows)
    assert [shown[f"e{n}"] for n in range(3)] == [f"Opening words of post {n}…" for n in range(3)]
    assert shown["e3"] == "Ferries cancelled"


def test_titles_that_tell_posts_apart_stay():
    rows = [
        post(1, "Women's World Cup final tickets sold out"),  # begins like the headline, no more
        post(2, "England"),
        post(3, "England"),  # shared by two of five: not most
        post(4, "Australia"),
        post(5, "Spain"),
    ]
    assert list_titles(rows) == {r.ref: r.title for r in rows}


def test_each_feed_is_counted_on_its_own():
    """In All feeds, a title most posts of one feed share is replaced there only."""
    storm = [post(n, "Latest", feed="1", headline="Storm Imogen") for n in range(2)]
    council = [post(n, "Latest" if n == 2 else f"Vote {n}", "2", "Budget") for n in range(2, 6)]
    shown = list_titles(storm + council)
    assert (shown["e0"], shown["e1"]) == ("Opening words of post 0…", "Opening words of post 1…")
    assert shown["e2"] == "Latest"


def test_without_first_words_the_title_stays():
    rows = [row(ref=f"e{n}", title="Live", feed="1", headline="Live") for n in range(3)]
    assert set(list_titles(rows).values()) == {"Live"}


def test_a_post_without_a_title_shows_its_first_words_or_says_it_has_no_text():
    rows = [post(1, ""), row(ref="e2", title="", feed="1")]
    assert list_titles(rows) == {"e1": "Opening words of post 1…", "e2": "(no text)"}
