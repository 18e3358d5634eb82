"""Pruning a feed's posts by age (`keep_days`) and by count (`max_posts_per_feed`) in real
database files: favourites, pinned posts and posts still on the page stay, and the feed's
counts and the search index follow what is deleted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread.model import Entry, Paragraph, Span
from liveread.store import MIGRATIONS, SCHEMA_VERSION, Pruned, PruneRule, Store, pruning, schema
from schemas import at_version

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
URL = "https://example.com/live/a"
OTHER_URL = "https://example.org/live/b"


def post(key: str, minute: int, *, pinned: bool = False) -> Entry:
    body = f"Report {key} from the harbour: word{key} appears only here."
    return Entry(
        key=key,
        published=NOW - timedelta(days=60) + timedelta(minutes=minute),
        pinned=pinned,
        blocks=[Paragraph((Span(body),))],
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


def kept_counts(store: Store) -> dict[int, tuple[int, int]]:
    return {feed.id: (feed.unread, feed.total) for feed in store.feeds()}


def keys(store: Store, feed_id: int) -> set[str]:
    return {stored.entry.key for stored in store.entries(feed_id)}


def favourite(store: Store, feed_id: int, key: str) -> None:
    (found,) = store.named_summaries(feed_id, keys=[key])
    store.set_favourite(found.id, True, at=NOW)


def aged_feed(store: Store) -> int:
    """A feed with posts o1..o4 first seen 40 days before NOW and n1, n2 five days before;
    o2 is a favourite, o3 pinned, o1 and n1 read."""
    feed = store.add_feed(URL, "Harbour live").id
    old = [post("o1", 1), post("o2", 2), post("o3", 3, pinned=True), post("o4", 4)]
    store.upsert_entries(feed, old, seen_at=NOW - timedelta(days=40))
    store.upsert_entries(feed, [post("n1", 5), post("n2", 6)], seen_at=NOW - timedelta(days=5))
    favourite(store, feed, "o2")
    ids = {s.entry.key: s.id for s in store.entries(feed)}
    store.mark_read([ids["o1"], ids["n1"]])
    return feed


def test_by_age_removes_old_posts_but_favourites_and_pinned_ones(store: Store, db: Path):
    feed = aged_feed(store)
    other = store.add_feed(OTHER_URL, "Other live").id
    store.upsert_entries(other, [post("x1", 1)], seen_at=NOW - timedelta(days=90))

    pruned = store.prune_feed(feed, PruneRule(keep_days=30), now=NOW)

    assert pruned == Pruned(feed, "Harbour live", by_age=2, by_count=0)
    assert keys(store, feed) == {"o2", "o3", "n1", "n2"}
    assert keys(store, other) == {"x1"}  # another feed is its own business
    assert kept_counts(store) == counted(db) == {feed: (3, 4), other: (1, 1)}
    (kept,) = store.favourites()
    assert kept.entry.key == "o2" and kept.entry_id is not None  # the live post stays too


def test_pruned_posts_are_still_known_to_their_feed(store: Store):
    """A page still showing a pruned post shows nothing new: a refresh neither stores it
    again nor counts it as arriving."""
    feed = aged_feed(store)
    store.prune_feed(feed, PruneRule(keep_days=30), now=NOW)
    assert keys(store, feed) == {"o2", "o3", "n1", "n2"}

    assert store.known_keys(feed, ["o1", "o4", "n2", "new"]) == {"o1", "o4", "n2"}


def test_the_search_index_forgets_pruned_posts(store: Store):
    feed = aged_feed(store)
    assert [s.entry.key for s in store.search("wordo4")] == ["o4"]

    store.prune_feed(feed, PruneRule(keep_days=30), now=NOW)

    assert store.search("wordo4") == []
    assert store.search("wordo1") == []
    assert [s.entry.key for s in store.search("wordo2")] == ["o2"]
    assert len(store.search("harbour")) == 4
    # The index itself holds no row for the deleted posts (not merely hidden by the join).
    rows = store._db.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'harbour'")
    assert rows.fetchone()[0] == 4


def test_by_count_keeps_the_newest_and_favourites_beyond_them(store: Store, db: Path):
    feed = store.add_feed(URL, "Harbour live").id
    store.upsert_entries(feed, [post(f"p{n}", n) for n in range(10)], seen_at=NOW)
    favourite(store, feed, "p1")
    store.mark_read(s.id for s in store.entries(feed) if s.entry.key in ("p0", "p8"))

    pruned = store.prune_feed(feed, PruneRule(max_posts=4), now=NOW)

    # p9..p6 are the newest four; of p5..p0, the favourite p1 stays.
    assert pruned.by_count == 5 and pruned.by_age == 0
    assert keys(store, feed) == {"p9", "p8", "p7", "p6", "p1"}
    assert kept_counts(store) == counted(db) == {feed: (4, 5)}
    assert store.prune_feed(feed, PruneRule(max_posts=4), now=NOW).total == 0


def test_age_and_count_together_count_each_post_once(store: Store, db: Path):
    feed = aged_feed(store)

    pruned = store.prune_feed(feed, PruneRule(keep_days=30, max_posts=2), now=NOW)

    # o1, o4 go by age; of the rest (n2, n1, o3 pinned, o2 favourite) the newest two stay.
    assert (pruned.by_age, pruned.by_count) == (2, 0)
    assert keys(store, feed) == {"o2", "o3", "n1", "n2"}

    feed_b = store.add_feed(OTHER_URL, "Other").id
    store.upsert_entries(feed_b, [post("b1", 1)], seen_at=NOW - timedelta(days=40))
    store.upsert_entries(feed_b, [post(f"b{n}", n) for n in (2, 3, 4)], seen_at=NOW)
    pruned = store.prune_feed(feed_b, PruneRule(keep_days=30, max_posts=2), now=NOW)
    assert (pruned.by_age, pruned.by_count) == (1, 1)
    assert keys(store, feed_b) == {"b4", "b3"}
    assert kept_counts(store) == counted(db)


def test_posts_still_on_the_page_are_spared(store: Store):
    feed = store.add_feed(URL, "Harbour live").id
    store.upsert_entries(feed, [post(f"p{n}", n) for n in range(6)], seen_at=NOW)

    pruned = store.prune_feed(feed, PruneRule(max_posts=2), now=NOW, spare=["p0", "p1"])

    assert pruned.by_count == 2
    assert keys(store, feed) == {"p5", "p4", "p1", "p0"}


def test_a_dry_run_counts_and_changes_nothing(store: Store, db: Path):
    feed = aged_feed(store)
    counts_before = kept_counts(store)
    with closing(sqlite3.connect(db)) as con:
        rows_before = con.execute("SELECT * FROM entries ORDER BY id").fetchall()

    pruned = store.prune_feed(feed, PruneRule(keep_days=30, max_posts=1), now=NOW, dry_run=True)

    assert (pruned.by_age, pruned.by_count) == (2, 1)
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("SELECT * FROM entries ORDER BY id").fetchall() == rows_before
    assert kept_counts(store) == counts_before
    assert len(store.search("harbour")) == 6
    # And the real run removes what the dry run counted.
    assert store.prune_feed(feed, PruneRule(keep_days=30, max_posts=1), now=NOW) == pruned


def test_many_posts_go_a_batch_at_a_time(
    store: Store, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pruning, "BATCH", 3)
    feed = store.add_feed(URL, "Harbour live").id
    store.upsert_entries(feed, [post(f"p{n}", n) for n in range(20)], seen_at=NOW)
    commits: list[str] = []
    store._db.set_trace_callback(lambda text: commits.append(text) if text == "COMMIT" else None)

    assert store.prune_feed(feed, PruneRule(max_posts=5), now=NOW).by_count == 15

    store._db.set_trace_callback(None)
    assert len(commits) == 5  # 15 posts, 3 per transaction
    assert keys(store, feed) == {f"p{n}" for n in range(15, 20)}
    assert kept_counts(store) == counted(db) == {feed: (5, 5)}


def test_a_rule_with_no_limits_and_a_feed_with_nothing_due_remove_nothing(store: Store):
    feed = aged_feed(store)
    assert store.prune_feed(feed, PruneRule(), now=NOW).total == 0
    assert store.prune_feed(feed, PruneRule(keep_days=60, max_posts=6), now=NOW).total == 0
    assert len(keys(store, feed)) == 6


def test_posts_by_age_are_found_by_index(store: Store):
    plan = store._db.execute(
        "EXPLAIN QUERY PLAN " + pruning._OLD,
        {"feed": 1, "url": URL, "spare": "[]", "cutoff": "2026-01-01T00:00:00Z"},
    ).fetchall()
    steps = " ".join(row[-1] for row in plan)
    assert "entries_feed_seen (feed_id=? AND first_seen_at<?)" in steps


def test_a_database_of_the_version_before_gains_the_age_index_and_pruned_keys(db: Path):
    before = MIGRATIONS.index(schema._migrate_v12)
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        at_version(con, before)
        con.execute("INSERT INTO feeds (url, added_at) VALUES (?, '2026-01-01T00:00:00Z')", (URL,))
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        names = store._db.execute("SELECT name FROM sqlite_master")
        assert {"entries_feed_seen", "pruned"} <= {name for (name,) in names}
        store.upsert_entries(1, [post("a", 1)], seen_at=NOW - timedelta(days=9))
        assert store.prune_feed(1, PruneRule(keep_days=7), now=NOW).by_age == 1


def test_a_pruned_post_is_not_stored_again_by_a_later_refresh(store: Store, db: Path):
    feed = aged_feed(store)
    store.prune_feed(feed, PruneRule(keep_days=30), now=NOW)

    # The page still shows o1 and o4 (gone), n2 (kept) and a new post.
    again = store.upsert_entries(
        feed, [post("o1", 1), post("o4", 4), post("n2", 6), post("n3", 7)], seen_at=NOW
    )

    assert again.new == ["n3"]
    assert keys(store, feed) == {"o2", "o3", "n1", "n2", "n3"}
    assert kept_counts(store) == counted(db)


def test_removing_a_feed_forgets_its_pruned_keys(store: Store):
    feed = aged_feed(store)
    store.prune_feed(feed, PruneRule(keep_days=30), now=NOW)
    assert store._db.execute("SELECT count(*) FROM pruned").fetchone()[0] == 2
    store.remove_feed(feed)
    assert store._db.execute("SELECT count(*) FROM pruned").fetchone()[0] == 0
