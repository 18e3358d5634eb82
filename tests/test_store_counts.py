"""Each feed's unread and total counts, kept by the database as posts change, against a fresh
count of the posts, in real database files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from faults import build, damage_posts
from liveread.model import Entry, Paragraph, Span
from liveread.store import MIGRATIONS, SCHEMA_VERSION, Store, doctor
from liveread.store.rows import entry_params

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
URL_A = "https://example.com/live/a"
URL_B = "https://example.org/live/b"


def post(key: str, minute: int, body: str = "") -> Entry:
    return Entry(
        key=key,
        published=T0 + timedelta(minutes=minute),
        blocks=[Paragraph((Span(body or f"Body of {key}."),))],
    )


def counted(db: Path) -> dict[int, tuple[int, int]]:
    """Each feed's (unread, total), counted afresh from its posts by a connection of its own."""
    with closing(sqlite3.connect(db)) as con:
        return {
            feed_id: (unread, total)
            for feed_id, unread, total in con.execute(
                "SELECT f.id,"
                " (SELECT count(*) FROM entries WHERE feed_id = f.id AND is_read = 0),"
                " (SELECT count(*) FROM entries WHERE feed_id = f.id) FROM feeds AS f"
            )
        }


def listed(store: Store) -> dict[int, tuple[int, int]]:
    return {feed.id: (feed.unread, feed.total) for feed in store.feeds()}


def assert_counts(store: Store, expected: dict[int, tuple[int, int]]) -> None:
    """The store lists `expected`, which a fresh count agrees with (so the expectation is
    the posts' own, and not merely what the store says)."""
    assert counted(store.path) == expected
    assert listed(store) == expected
    for feed_id, counts in expected.items():
        feed = store.feed(feed_id)
        assert (feed.unread, feed.total) == counts


def ids(store: Store, feed_id: int) -> dict[str, int]:
    return {stored.entry.key: stored.id for stored in store.entries(feed_id)}


def test_counts_follow_every_change_to_posts(store: Store) -> None:
    a = store.add_feed(URL_A).id
    b = store.add_feed(URL_B).id
    assert_counts(store, {a: (0, 0), b: (0, 0)})

    store.upsert_entries(a, [post(f"a{n}", n) for n in range(5)], seen_at=T0)
    store.upsert_entries(b, [post("b0", 0), post("b1", 1)], seen_at=T0)
    assert_counts(store, {a: (5, 5), b: (2, 2)})

    # A refresh bringing two new posts and three unchanged ones.
    later = T0 + timedelta(hours=1)
    store.upsert_entries(a, [post(f"a{n}", n) for n in range(7)], seen_at=later)
    assert_counts(store, {a: (7, 7), b: (2, 2)})

    a_ids = ids(store, a)
    assert store.mark_read([a_ids["a0"], a_ids["a1"], a_ids["a2"]]) == 3
    assert_counts(store, {a: (4, 7), b: (2, 2)})
    assert store.mark_read([a_ids["a0"], a_ids["a1"]]) == 0  # already read: no change
    assert_counts(store, {a: (4, 7), b: (2, 2)})
    assert store.mark_read([a_ids["a1"]], read=False) == 1
    assert_counts(store, {a: (5, 7), b: (2, 2)})

    # An edit turns a read post unread; an edit of an unread post leaves the count.
    edited = [post("a0", 0, "Edited."), post("a3", 3, "Edited too.")]
    result = store.upsert_entries(a, edited, seen_at=later)
    assert result.edited == ["a0", "a3"]
    assert_counts(store, {a: (6, 7), b: (2, 2)})

    assert store.mark_feed_read(a) == 6
    assert_counts(store, {a: (0, 7), b: (2, 2)})
    store.upsert_entries(a, [post("a7", 7)], seen_at=later)
    assert_counts(store, {a: (1, 8), b: (2, 2)})

    assert store.prune(a, keep=3) == 5  # a7 (unread) is among the newest three kept
    assert_counts(store, {a: (1, 3), b: (2, 2)})
    store.mark_read([ids(store, b)["b0"]])
    assert store.prune(b, keep=0) == 2
    assert_counts(store, {a: (1, 3), b: (0, 0)})

    store.upsert_entries(b, [post("b2", 2), post("b3", 3)], seen_at=later)
    assert store.mark_all_read() == 3
    assert_counts(store, {a: (0, 3), b: (0, 2)})

    store.remove_feed(a)  # its posts go by cascade, and the other feed's counts stay
    assert_counts(store, {b: (0, 2)})


def test_counts_follow_a_post_moved_to_another_feed(store: Store) -> None:
    a = store.add_feed(URL_A).id
    b = store.add_feed(URL_B).id
    store.upsert_entries(a, [post("x", 0), post("y", 1)], seen_at=T0)
    x, y = ids(store, a)["x"], ids(store, a)["y"]
    store.mark_read([y])
    con = store._db
    con.execute("UPDATE entries SET feed_id = ? WHERE id = ?", (b, y))
    assert_counts(store, {a: (1, 1), b: (0, 1)})
    con.execute("UPDATE entries SET feed_id = ?, is_read = 1 WHERE id = ?", (b, x))
    assert_counts(store, {a: (0, 0), b: (0, 2)})


def test_counts_stay_right_when_a_new_reader_keys_posts_anew(store: Store) -> None:
    feed = store.add_feed(URL_A).id
    store.upsert_entries(feed, [post("h1", 0, "Same."), post("h2", 1), post("h3", 2)], seen_at=T0)
    store.mark_read([ids(store, feed)["h1"]])
    anew = [post("101", 0, "Same."), post("104", 4)]
    result = store.upsert_entries(feed, anew, seen_at=T0 + timedelta(hours=1), quiet=True)
    assert result.new == ["104"]
    assert sorted(ids(store, feed)) == ["101", "104", "h2", "h3"]
    assert_counts(store, {feed: (3, 4)})


def test_a_salvaged_database_counts_the_posts_it_kept(db: Path) -> None:
    built = build(db)
    damage_posts(db)
    report = doctor.salvage(db, now=datetime(2024, 5, 2, 9, 30))
    assert 0 < report.posts.kept < report.posts.total  # some posts were lost
    with Store(db) as store:
        expected = counted(db)
        sound_total = expected[built.sound_feed][1]
        assert expected[built.sound_feed] == (sound_total - len(built.read), sound_total)
        assert sum(total for _, total in expected.values()) == report.posts.kept
        assert_counts(store, expected)
        store.mark_feed_read(built.damaged_feed)
        expected[built.damaged_feed] = (0, expected[built.damaged_feed][1])
        assert_counts(store, expected)


def test_a_schema_6_database_with_posts_migrates_to_right_counts(db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        for migrate in MIGRATIONS[:6]:
            migrate(con)
        con.execute("PRAGMA user_version = 6")
        for url in (URL_A, URL_B, "https://example.net/live/empty"):
            con.execute(
                "INSERT INTO feeds (url, added_at) VALUES (?, '2024-05-01T11:00:00Z')", (url,)
            )
        for feed_id, key, is_read in ((1, "a", 0), (1, "b", 1), (1, "c", 0), (2, "d", 1)):
            entry = post(key, 0)
            params = entry_params(entry) | {"text": entry.text, "hash": entry.content_hash}
            con.execute(
                "INSERT INTO entries (feed_id, key, blocks, text, content_hash, first_seen_at,"
                " is_read) VALUES (?, ?, ?, ?, ?, '2024-05-01T12:00:00Z', ?)",
                (feed_id, key, params["blocks"], params["text"], params["hash"], is_read),
            )
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert_counts(store, {1: (2, 3), 2: (0, 1), 3: (0, 0)})
        store.upsert_entries(2, [post("e", 1)], seen_at=T0)  # kept up from then on
        assert_counts(store, {1: (2, 3), 2: (1, 2), 3: (0, 0)})


def _remove(store: Store, feed: int) -> None:
    store.prune(feed, keep=1)


def _read(store: Store, feed: int) -> None:
    store.mark_feed_read(feed)


def _move(store: Store, feed: int) -> None:
    other = store.add_feed(URL_B).id
    store._db.execute("UPDATE entries SET feed_id = ? WHERE feed_id = ?", (other, feed))


@pytest.mark.parametrize(
    ("trigger", "change"),
    [
        ("entries_count_delete", _remove),
        ("entries_count_read", _read),
        ("entries_count_move", _move),
    ],
)
def test_each_count_trigger_is_what_keeps_its_change_counted(
    db: Path, trigger: str, change: Callable[[Store, int], None]
) -> None:
    for dropped in (False, True):
        path = db.with_name(f"{dropped}.db")
        with Store(path) as store:
            feed = store.add_feed(URL_A).id
            store.upsert_entries(feed, [post("x", 0), post("y", 1)], seen_at=T0)
            if dropped:
                store._db.execute(f"DROP TRIGGER {trigger}")
            change(store, feed)
            assert (listed(store) == counted(path)) is not dropped
