"""A refresh writes what changed: posts stored under the same source digest are not
rewritten, nor looked at when the reading says they are unchanged since the stored one; in
real database files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from liveread.model import Entry, Paragraph, Span
from liveread.store import MIGRATIONS, SCHEMA_VERSION, Refresh, Store, database
from liveread.store.rows import entry_params

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
URL = "https://example.com/live"


def post(key: str, body: str = "") -> Entry:
    return Entry(
        key=key,
        published=T0 + timedelta(minutes=int(key.strip("p"))),
        blocks=[Paragraph((Span(body or f"Body of {key}."),))],
    )


def refresh(
    entries: list[Entry],
    digests: dict[str, str],
    *,
    unchanged: frozenset[str] = frozenset(),
    since: str | None = None,
    reading: str | None = None,
) -> Refresh:
    return Refresh(
        entries,
        at=T0,
        reader_version="9/test",
        digests=digests,
        unchanged=unchanged,
        since=since,
        reading=reading,
    )


@pytest.fixture
def written(store: Store, db: Path) -> Callable[[], list[str]]:
    """The keys of the entries inserted or updated since it was last called, sorted, as a
    trigger in the database file records them."""
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        con.execute("CREATE TABLE written (key TEXT)")
        for event in ("INSERT", "UPDATE"):
            con.execute(
                f"CREATE TRIGGER log_{event.lower()} AFTER {event} ON entries "
                "BEGIN INSERT INTO written VALUES (new.key); END"
            )

    def since_last() -> list[str]:
        with closing(sqlite3.connect(db, isolation_level=None)) as con:
            keys = sorted(key for (key,) in con.execute("SELECT key FROM written"))
            con.execute("DELETE FROM written")
        return keys

    return since_last


def stored(db: Path) -> dict[str, tuple[int, str, str | None]]:
    """Each post's (id, text, source digest), read by a connection of its own."""
    with closing(sqlite3.connect(db)) as con:
        return {
            key: (id_, text, digest)
            for key, id_, text, digest in con.execute(
                "SELECT key, id, text, source_digest FROM entries"
            )
        }


def test_an_unchanged_post_is_not_rewritten_an_edited_one_is_a_new_one_inserted(
    store: Store, db: Path, written: Callable[[], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    encoded: list[str] = []

    def spy(entry: Entry) -> dict[str, Any]:
        encoded.append(entry.key)
        return entry_params(entry)

    monkeypatch.setattr(database, "entry_params", spy)
    feed = store.add_feed(URL).id
    first = store.store_refresh(feed, refresh([post("p1"), post("p2")], {"p1": "d1", "p2": "d2"}))
    assert (first.new, written()) == (["p1", "p2"], ["p1", "p2"])
    before = stored(db)
    assert before["p1"][2] == "d1"

    edited = post("p2", "Body of p2, corrected.")
    result = store.store_refresh(
        feed, refresh([post("p3"), edited, post("p1")], {"p1": "d1", "p2": "d2+", "p3": "d3"})
    )
    assert (result.new, result.edited, result.unchanged) == (["p3"], ["p2"], 1)
    assert written() == ["p2", "p3"]
    assert sorted(encoded) == ["p1", "p2", "p2", "p3"]  # p1 once: when it was new
    after = stored(db)
    assert after["p1"] == before["p1"]
    assert after["p2"][1:] == ("Body of p2, corrected.", "d2+")


def test_a_post_whose_digest_is_unchanged_keeps_its_stored_text(
    store: Store, db: Path, written: Callable[[], list[str]]
) -> None:
    """Its text read anew may differ (a neighbour tipped a page-wide rule): it is the same
    source, stored once, and not an edit."""
    feed = store.add_feed(URL).id
    store.store_refresh(feed, refresh([post("p1", "Text. Sign-off.")], {"p1": "d1"}))
    written()
    result = store.store_refresh(feed, refresh([post("p1", "Text.")], {"p1": "d1"}))
    assert (result.new, result.edited, result.unchanged) == ([], [], 1)
    assert written() == []
    assert stored(db)["p1"][1] == "Text. Sign-off."


def test_posts_unchanged_since_the_stored_reading_are_not_looked_at(
    store: Store, db: Path, written: Callable[[], list[str]]
) -> None:
    feed = store.add_feed(URL).id
    store.store_refresh(feed, refresh([post("p1")], {"p1": "d1"}, reading="r1"))
    written()
    read: list[str] = []
    store._db.set_trace_callback(read.append)
    # p1 is said unchanged since r1, the reading stored: its entry is not even compared.
    store.store_refresh(
        feed,
        refresh(
            [post("p2"), post("p1", "Not what is stored.")],
            {"p1": "d1", "p2": "d2"},
            unchanged=frozenset({"p1"}),
            since="r1",
            reading="r2",
        ),
    )
    store._db.set_trace_callback(None)
    assert written() == ["p2"]
    looked_up = [statement for statement in read if "source_digest FROM entries" in statement]
    assert any('"p2"' in statement for statement in looked_up)
    assert all('"p1"' not in statement for statement in looked_up)
    assert stored(db)["p1"][1] == "Body of p1."


def test_unchanged_since_a_reading_never_stored_is_checked_against_the_digests(
    store: Store, db: Path, written: Callable[[], list[str]]
) -> None:
    """A reading whose store failed (or another process's) vouches for nothing."""
    feed = store.add_feed(URL).id
    store.store_refresh(feed, refresh([post("p1")], {"p1": "d1"}, reading="r1"))
    written()
    result = store.store_refresh(
        feed,
        refresh(
            [post("p1", "Edited meanwhile.")],
            {"p1": "d1+"},
            unchanged=frozenset({"p1"}),
            since="r0",  # not the reading stored
            reading="r2",
        ),
    )
    assert result.edited == ["p1"] and written() == ["p1"]


def test_posts_written_without_a_reading_or_pruned_make_the_stored_reading_unknown(
    store: Store, db: Path
) -> None:
    feed = store.add_feed(URL).id
    store.store_refresh(feed, refresh([post("p1"), post("p2")], {}, reading="r1"))
    store.prune(feed, keep=1)  # p1, the older, goes
    result = store.store_refresh(
        feed,
        refresh(
            [post("p2"), post("p1")],
            {},
            unchanged=frozenset({"p1", "p2"}),
            since="r1",
            reading="r2",
        ),
    )
    assert result.new == ["p1"]
    store.upsert_entries(feed, [post("p3")], seen_at=T0)
    result = store.store_refresh(
        feed,
        refresh(
            [post("p3", "Changed.")],
            {},
            unchanged=frozenset({"p3"}),
            since="r2",
            reading="r3",
        ),
    )
    assert result.edited == ["p3"]


def test_counts_stay_right_through_refreshes_that_skip_unchanged_posts(store: Store) -> None:
    feed = store.add_feed(URL).id
    digests = {f"p{n}": f"d{n}" for n in range(1, 5)}
    store.store_refresh(feed, refresh([post("p1"), post("p2")], digests, reading="r1"))
    assert (store.feed(feed).unread, store.feed(feed).total) == (2, 2)
    store.mark_read([s.id for s in store.entries(feed) if s.entry.key == "p1"])
    for reading, since, keys in (("r2", "r1", 3), ("r3", "r2", 4), ("r4", "r3", 4)):
        entries = [post(f"p{n}") for n in range(keys, 0, -1)]
        store.store_refresh(
            feed,
            refresh(
                entries,
                digests,
                unchanged=frozenset(f"p{n}" for n in range(1, keys)),
                since=since,
                reading=reading,
            ),
        )
    assert (store.feed(feed).unread, store.feed(feed).total) == (3, 4)
    assert store.count_entries(feed) == 4


def test_a_schema_7_database_gains_source_digests_and_keeps_its_posts(db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        for migrate in MIGRATIONS[:7]:
            migrate(con)
        con.execute("PRAGMA user_version = 7")
        con.execute(f"INSERT INTO feeds (url, added_at) VALUES ('{URL}', '2024-05-01T11:00:00Z')")
        entry = post("p1")
        params = entry_params(entry)
        con.execute(
            "INSERT INTO entries (feed_id, key, blocks, text, content_hash, first_seen_at)"
            " VALUES (1, 'p1', ?, ?, ?, '2024-05-01T12:00:00Z')",
            (params["blocks"], entry.text, entry.content_hash),
        )
        con.execute("UPDATE feeds SET total_count = 1, unread_count = 1")
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert stored(db)["p1"][2] is None
        assert store.feed(1).total == 1
        # The first refresh compares its content (the same) and records its digest quietly.
        result = store.store_refresh(1, refresh([post("p1")], {"p1": "d1"}, reading="r1"))
        assert (result.new, result.edited, result.unchanged) == ([], [], 1)
        assert stored(db)["p1"][2] == "d1"
        assert store.entries(1)[0].edited_at is None


def test_posts_left_out_count_as_unchanged(store: Store) -> None:
    feed = store.add_feed(URL).id
    digests = {"p1": "d1", "p2": "d2", "p3": "d3"}
    store.store_refresh(feed, refresh([post("p1"), post("p2")], digests, reading="r1"))
    result = store.store_refresh(
        feed,
        refresh(
            [post("p3"), post("p2"), post("p1"), post("p1")],
            digests,
            unchanged=frozenset({"p1"}),  # p2 is left out by its digest
            since="r1",
            reading="r2",
        ),
    )
    assert (result.new, result.edited, result.unchanged) == (["p3"], [], 2)
