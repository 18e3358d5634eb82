"""Read state a person decides, and where they left each feed, in a real database file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread.model import Entry, Paragraph, Span
from liveread.store import NotFound, Store

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def post(key: str, minute: int | None) -> Entry:
    published = None if minute is None else T0 + timedelta(minutes=minute)
    return Entry(key=key, published=published, blocks=[Paragraph((Span(f"Body of {key}."),))])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "liveread.db") as opened:
        yield opened


def ids_by_key(store: Store, feed_id: int) -> dict[str, int]:
    return {stored.entry.key: stored.id for stored in store.entries(feed_id)}


def test_posts_are_marked_read_and_unread_and_counts_follow(store: Store) -> None:
    feed = store.add_feed("https://example.com/live/a")
    store.upsert_entries(feed.id, [post("a", 0), post("b", 1), post("c", 2)], seen_at=T0)
    ids = ids_by_key(store, feed.id)

    assert store.mark_read([ids["a"], ids["b"]]) == 2
    assert store.mark_read([ids["a"]]) == 0  # already read: nothing changed
    assert store.feed(feed.id).unread == 1
    assert store.mark_read([ids["a"]], read=False) == 1
    assert store.feed(feed.id).unread == 2
    assert {s.entry.key for s in store.entries(feed.id, unread_only=True)} == {"a", "c"}


def test_a_feed_and_then_everything_marked_read(store: Store) -> None:
    one = store.add_feed("https://example.com/live/a")
    two = store.add_feed("https://example.org/live/b")
    store.upsert_entries(one.id, [post("a", 0), post("b", 1)], seen_at=T0)
    store.upsert_entries(two.id, [post("x", 0), post("y", 1), post("z", 2)], seen_at=T0)

    assert store.mark_feed_read(one.id) == 2
    assert [f.unread for f in store.feeds()] == [0, 3]
    assert store.mark_feed_read(one.id, read=False) == 2
    assert [f.unread for f in store.feeds()] == [2, 3]
    assert store.mark_feed_read(one.id) == 2
    assert store.mark_all_read() == 3
    assert [f.unread for f in store.feeds()] == [0, 0]
    assert store.mark_all_read() == 0
    with pytest.raises(NotFound):
        store.mark_feed_read(999)


def test_a_visit_is_remembered_per_feed(store: Store, tmp_path: Path) -> None:
    one = store.add_feed("https://example.com/live/a")
    two = store.add_feed("https://example.org/live/b")
    assert store.feed(one.id).visited_at is None
    store.record_visit([one.id], T0)
    store.close()
    with Store(tmp_path / "liveread.db") as reopened:
        assert reopened.feed(one.id).visited_at == T0
        assert reopened.feed(two.id).visited_at is None


def test_oldest_first_is_the_newest_first_order_reversed(store: Store) -> None:
    """Undated posts (minutes of play) list last newest first, so first oldest first."""
    feed = store.add_feed("https://example.com/live/a")
    store.upsert_entries(feed.id, [post("b", 1), post("a", 0), post("c", 2)], seen_at=T0)
    store.upsert_entries(feed.id, [post("m", None)], seen_at=T0 + timedelta(minutes=5))
    newest = [s.entry.key for s in store.entries(feed.id)]
    oldest = [s.entry.key for s in store.entries(feed.id, oldest_first=True)]
    summaries = [s.key for s in store.entry_summaries(feed.id, oldest_first=True)]
    assert newest == ["c", "b", "a", "m"]
    assert oldest == summaries == newest[::-1]


def test_the_order_of_a_feed_is_kept(store: Store, tmp_path: Path) -> None:
    feed = store.add_feed("https://example.com/live/a")
    assert store.feed(feed.id).oldest_first is False
    store.set_oldest_first(feed.id, True)
    store.close()
    with Store(tmp_path / "liveread.db") as reopened:
        assert reopened.feed(feed.id).oldest_first is True
        reopened.set_oldest_first(feed.id, False)
        assert reopened.feed(feed.id).oldest_first is False
