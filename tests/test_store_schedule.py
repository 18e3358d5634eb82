"""Each feed's polling schedule as the store keeps it: the migration that adds it, the writes
that set it (with a fetch, in the refresh's one transaction, or by the user) and the post
times it is computed from."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread.model import Entry, Paragraph, Span
from liveread.store import MIGRATIONS, SCHEMA_VERSION, Refresh, Store, schema
from schemas import at_version

URL = "https://example.com/live"
T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def post(key: str, published: datetime | None, *, pinned: bool = False) -> Entry:
    body = [Paragraph([Span(f"Update {key} from the course.")])]
    return Entry(key=key, published=published, blocks=body, pinned=pinned)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "liveread.db") as opened:
        yield opened


def test_a_database_of_the_version_before_gains_the_schedule_and_keeps_its_feeds(
    tmp_path: Path,
):
    path = tmp_path / "old.db"
    before = MIGRATIONS.index(schema._migrate_v9)
    with closing(sqlite3.connect(path, isolation_level=None)) as con:
        at_version(con, before)
        con.execute(
            "INSERT INTO feeds (url, title, added_at, last_fetch_at, is_live)"
            f" VALUES ('{URL}', 'Old', '2024-05-01T11:00:00Z', '2024-05-01T11:30:00Z', 1)"
        )
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (feed,) = store.feeds()
        assert (feed.title, feed.is_live) == ("Old", True)
        assert (feed.next_fetch_at, feed.poll_reason, feed.poll_interval) == (None, None, None)
        assert feed.user_interval is None
        store.record_fetch(feed.id, at=T0, error=None, schedule=(T0, "quiet", 90.0))
        assert store.feed(feed.id).next_fetch_at == T0


def test_a_fetch_records_the_schedule_it_is_given_and_keeps_it_when_given_none(store: Store):
    feed = store.add_feed(URL)
    later = T0 + timedelta(minutes=2)
    store.record_fetch(feed.id, at=T0, error=None, schedule=(later, "arriving", 30.0))
    got = store.feed(feed.id)
    assert (got.next_fetch_at, got.poll_reason, got.poll_interval) == (later, "arriving", 30.0)
    store.record_fetch(feed.id, at=T0, error="HTTP 500")
    assert store.feed(feed.id).next_fetch_at == later
    store.record_fetch(feed.id, at=T0, error="HTTP 500", schedule=(None, "ended", None))
    got = store.feed(feed.id)
    assert (got.next_fetch_at, got.poll_reason, got.poll_interval) == (None, "ended", None)


def test_a_refresh_stores_its_schedule_with_its_posts(store: Store):
    feed = store.add_feed(URL)
    later = T0 + timedelta(minutes=5)
    plan = Refresh([post("a", T0)], at=T0, reader_version="1", schedule=(later, "quiet", 300.0))
    store.store_refresh(feed.id, plan)
    got = store.feed(feed.id)
    assert (got.total, got.next_fetch_at, got.poll_reason) == (1, later, "quiet")
    store.store_refresh(feed.id, Refresh([post("b", T0)], at=T0, reader_version="1"))
    assert store.feed(feed.id).next_fetch_at == later  # none given: kept


def test_the_users_interval_is_kept_with_its_next_fetch(store: Store):
    feed = store.add_feed(URL)
    store.set_user_interval(feed.id, 300.0, next_at=T0, reason="set")
    got = store.feed(feed.id)
    assert (got.user_interval, got.next_fetch_at, got.poll_reason) == (300.0, T0, "set")
    assert got.poll_interval == 300.0
    store.set_user_interval(feed.id, None, next_at=None, reason=None)
    got = store.feed(feed.id)
    assert (got.user_interval, got.next_fetch_at, got.poll_reason) == (None, None, None)


def test_post_times_are_the_newest_unpinned_posts_newest_first(store: Store):
    feed = store.add_feed(URL)
    posts = [
        post("old", T0 - timedelta(hours=3)),
        post("pinned", T0 - timedelta(days=9), pinned=True),
        post("new", T0 - timedelta(minutes=1)),
        post("mid", T0 - timedelta(minutes=30)),
        post("undated", None),
    ]
    store.upsert_entries(feed.id, posts, seen_at=T0)
    times = store.post_times(feed.id, 3)
    assert times == [T0, T0 - timedelta(minutes=1), T0 - timedelta(minutes=30)]
