"""Edited posts keep their earlier versions: in real database files, across a restart, ten
at most a post, none for a reparse, gone with their post."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from liveread.model import Entry, Paragraph, Span
from liveread.store import MIGRATIONS, SCHEMA_VERSION, Store
from liveread.store.rows import entry_params
from schemas import at_version

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
URL = "https://example.com/live"
LONG = " ".join(["The council has closed the roads along the harbour until the race ends."] * 9)


def post(body: str, *, title: str = "Road closures", key: str = "p1") -> Entry:
    return Entry(
        key=key,
        published=T0,
        title=title,
        authors=["Mattias Leclercq"],
        blocks=[Paragraph((Span(body),))],
    )


def minutes(n: int) -> datetime:
    return T0 + timedelta(minutes=n)


def edited_feed(store: Store, *bodies: str) -> tuple[int, int]:
    """A feed whose post p1 was stored with each of `bodies` in turn, a minute apart: its
    feed id and the post's id."""
    feed = store.add_feed(URL)
    for n, body in enumerate(bodies):
        store.upsert_entries(feed.id, [post(body)], seen_at=minutes(n))
    (stored,) = store.entries(feed.id)
    return feed.id, stored.id


def test_an_edit_keeps_the_version_it_replaced_and_a_restart_keeps_it(db: Path) -> None:
    with Store(db) as store:
        _, post_id = edited_feed(store, "The Ministry said so.", "The minister said so.")
    with Store(db) as reopened:
        (earlier,) = reopened.history(post_id)
        assert reopened.entry(post_id).entry.text == "The minister said so."
    assert earlier.text == "The Ministry said so."
    assert (earlier.title, earlier.authors) == ("Road closures", ("Mattias Leclercq",))
    assert (earlier.current_from, earlier.replaced_at) == (minutes(0), minutes(1))


def test_versions_come_oldest_first_each_current_from_the_edit_before(store: Store) -> None:
    _, post_id = edited_feed(store, "one", "two", "three")
    history = store.history(post_id)
    assert [v.text for v in history] == ["one", "two"]
    assert [(v.current_from, v.replaced_at) for v in history] == [
        (minutes(0), minutes(1)),
        (minutes(1), minutes(2)),
    ]


def test_blocks_are_kept_in_the_form_the_post_stored_them(store: Store, db: Path) -> None:
    _, post_id = edited_feed(store, LONG, LONG + " Updated.")
    (earlier,) = store.history(post_id)
    assert earlier.text == LONG
    with closing(sqlite3.connect(db)) as con:
        (kept,) = con.execute("SELECT blocks FROM entry_versions").fetchone()
    assert kept == entry_params(post(LONG))["blocks"]
    assert isinstance(kept, bytes)  # deflated, as the post held it


def test_a_post_keeps_its_ten_latest_earlier_versions(store: Store) -> None:
    bodies = [f"Version {n}." for n in range(13)]
    _, post_id = edited_feed(store, *bodies)
    assert [v.text for v in store.history(post_id)] == bodies[2:12]


def test_an_unchanged_post_and_a_new_post_have_no_history(store: Store) -> None:
    feed_id, _ = edited_feed(store, "Same.", "Same.")
    store.upsert_entries(feed_id, [post("Other.", key="p2")], seen_at=minutes(5))
    assert [store.history(s.id) for s in store.entries(feed_id)] == [[], []]


def test_a_reparse_is_no_edit_and_keeps_no_version(store: Store) -> None:
    feed = store.add_feed(URL)
    store.upsert_entries(feed.id, [post("Read by the old reader.")], seen_at=minutes(0))
    store.upsert_entries(feed.id, [post("Read by the new reader.")], seen_at=minutes(1), quiet=True)
    (stored,) = store.entries(feed.id)
    assert stored.entry.text == "Read by the new reader."
    assert store.history(stored.id) == []


def count_versions(db: Path) -> int:
    with closing(sqlite3.connect(db)) as con:
        return int(con.execute("SELECT count(*) FROM entry_versions").fetchone()[0])


def test_history_goes_with_its_removed_feed(store: Store, db: Path) -> None:
    feed_id, post_id = edited_feed(store, "one", "two")
    assert count_versions(db) == 1
    store.remove_feed(feed_id)
    assert store.history(post_id) == []
    assert count_versions(db) == 0


def test_history_goes_with_a_pruned_post_only(store: Store, db: Path) -> None:
    feed_id, pruned_id = edited_feed(store, "one", "two")
    later = post("A later post.", key="p2")
    later.published = minutes(30)
    store.upsert_entries(feed_id, [later], seen_at=minutes(30))
    later.blocks = [Paragraph((Span("A later post, edited."),))]
    store.upsert_entries(feed_id, [later], seen_at=minutes(31))
    kept_id = next(s.id for s in store.entries(feed_id) if s.entry.key == "p2")
    assert store.prune(feed_id, keep=1) == 1
    assert store.history(pruned_id) == []
    assert [v.text for v in store.history(kept_id)] == ["A later post."]
    assert count_versions(db) == 1


def version_before_history() -> int:
    """The schema version before the one that keeps earlier versions of posts."""
    with closing(sqlite3.connect(":memory:")) as con:
        for number, migrate in enumerate(MIGRATIONS):
            migrate(con)
            if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'entry_versions'").fetchone():
                return number
    raise AssertionError("no migration makes entry_versions")


def test_a_database_from_before_history_gains_it_and_keeps_its_posts(db: Path) -> None:
    before = version_before_history()
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        at_version(con, before)
        con.execute("INSERT INTO feeds (url, added_at) VALUES (?, '2024-05-01T11:00:00Z')", (URL,))
        old = post("The Ministry said so.")
        con.execute(
            "INSERT INTO entries (feed_id, key, title, authors, blocks, text, content_hash,"
            " first_seen_at) VALUES (1, ?, ?, ?, ?, ?, ?, '2024-05-01T12:00:00Z')",
            (old.key, old.title, '["Mattias Leclercq"]', entry_params(old)["blocks"], old.text,
             old.content_hash),
        )  # fmt: skip
        con.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        (stored,) = store.entries(1)
        assert store.history(stored.id) == []
        store.upsert_entries(1, [post("The minister said so.")], seen_at=minutes(1))
        (earlier,) = store.history(stored.id)
    assert earlier.text == "The Ministry said so."
    assert (earlier.current_from, earlier.replaced_at) == (T0, minutes(1))
