"""Where the "new since your last visit" divider goes, whatever the list holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from liveread.store import EntrySummary
from liveread.ui.visits import NewPlace, new_refs, place_new

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def summary(entry_id: int, feed_id: int, seen_minute: int) -> EntrySummary:
    return EntrySummary(
        id=entry_id,
        feed_id=feed_id,
        feed_title="",
        key=str(entry_id),
        url=None,
        published=None,
        updated=None,
        first_seen_at=T0 + timedelta(minutes=seen_minute),
        edited_at=None,
        title="",
        excerpt="",
        authors=(),
        kind="post",
        key_event=False,
        pinned=False,
        summary=False,
        breaking=False,
        is_read=False,
        is_favourite=False,
    )


def test_new_posts_are_those_first_seen_after_their_own_feeds_visit() -> None:
    summaries = [summary(1, 1, 5), summary(2, 1, 1), summary(3, 2, 5), summary(4, 3, 9)]
    visits = {1: T0 + timedelta(minutes=2), 2: T0 + timedelta(minutes=6), 3: None}
    assert new_refs(summaries, visits) == {"e1"}  # feed 3 was never opened: no divider


REFS = ["e1", "e2", "e3", "e4"]


@pytest.mark.parametrize(
    ("new", "oldest_first", "place"),
    [
        pytest.param({"e1", "e2"}, False, NewPlace(2, "e2"), id="newest first"),
        pytest.param({"e3", "e4"}, True, NewPlace(2, "e3"), id="oldest first"),
        pytest.param({"e1", "e3"}, False, NewPlace(1, "e1"), id="a post dated back stays out"),
        pytest.param(set(), False, NewPlace(None, None), id="nothing new"),
        pytest.param(set(REFS), False, NewPlace(None, "e4"), id="nothing but new"),
        pytest.param({"e3"}, False, NewPlace(None, "e3"), id="only a post dated back"),
    ],
)
def test_the_divider_closes_the_run_of_new_posts_at_the_newest_end(
    new: set[str], oldest_first: bool, place: NewPlace
) -> None:
    assert place_new(REFS, new, oldest_first=oldest_first) == place


def test_an_empty_list_has_no_divider() -> None:
    assert place_new([], set(), oldest_first=False) == NewPlace(None, None)
