"""Search a page at a time: ranked within windows of the newest matches, every match once
across pages, and run on the core's own read-only connection, which neither waits for a
write nor holds the store while it reads. Real SQLite files in tmp_path."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import SNIPPET_CLOSE, SNIPPET_OPEN, Store, StoreError, fts_query
from liveread.store.search import WINDOW

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
URL = "https://example.com/live/a"


def post(key: str, minute: int, body: str, title: str = "") -> Entry:
    return Entry(
        key=key,
        published=T0 + timedelta(minutes=minute),
        title=title,
        blocks=[Paragraph((Span(body),))],
    )


def ranked_over_all(store: Store, query: str) -> list[int]:
    """Every match of `query` in one bm25 ranking, as a single ranked query orders them."""
    match = fts_query(query)
    rows = store._db.execute(
        "SELECT e.id FROM entries_fts JOIN entries AS e ON e.id = entries_fts.rowid "
        "WHERE entries_fts MATCH ? "
        "ORDER BY bm25(entries_fts, 4.0, 1.0), e.published DESC, e.id DESC",
        (match,),
    )
    return [row[0] for row in rows]


def all_pages(store: Store, query: str, size: int) -> list[int]:
    found: list[int] = []
    while page := store.search_hits(query, limit=size, offset=len(found)):
        found += [hit.entry.id for hit in page]
    return found


def many_posts(store: Store, count: int, *, strong: Collection[int] = ()) -> list[int]:
    """`count` posts that all hold "storm", stored oldest first, then one that does not; the
    posts numbered in `strong` have it in their title too. Returns their ids, oldest first."""
    feed = store.add_feed(URL)
    posts = [
        post(
            f"p{n}",
            n,
            f"Post {n}: a storm warning for the coast, number {n}.",
            title=f"Storm update {n}" if n in strong else f"Update {n}",
        )
        for n in range(count)
    ]
    store.upsert_entries(feed.id, [*posts, post("calm", count, "Nothing to report.")], seen_at=T0)
    ids = {s.entry.key: s.id for s in store.entries(feed.id)}
    return [ids[f"p{n}"] for n in range(count)]


# -- ranking and paging ------------------------------------------------------------------------


def test_a_rare_word_is_ranked_over_all_its_matches(store: Store) -> None:
    feed = store.add_feed(URL)
    bodies = [
        "Flooding closed the road.",
        "Flooding, flooding and more flooding after a night of flooding.",
        "The river rose overnight and flooding reached the square by the old market hall.",
        "Nothing about the weather.",
        "Flooding again.",
    ]
    posts = [post(f"b{n}", n, body) for n, body in enumerate(bodies)]
    posts.append(post("t", 9, "Rain all night.", title="Flooding in the valley"))
    store.upsert_entries(feed.id, posts, seen_at=T0)

    hits = store.search_hits("flooding")
    expected = ranked_over_all(store, "flooding")
    assert [hit.entry.id for hit in hits] == expected
    assert len(expected) == 5
    assert hits[0].entry.entry.key == "t"  # the title weighs most
    assert [hit.score for hit in hits] == sorted(hit.score for hit in hits)
    assert f"{SNIPPET_OPEN}Flooding{SNIPPET_CLOSE}" in hits[1].snippet
    # Pages of two make up the same ranking.
    assert all_pages(store, "flooding", 2) == expected
    assert [h.entry.id for h in store.search_hits("flooding", limit=2, offset=3)] == expected[3:5]


def test_pages_hold_every_match_once_in_a_stable_order(store: Store) -> None:
    count = WINDOW + WINDOW // 2
    ids = many_posts(store, count, strong={0, 5, count - 3})

    pages = all_pages(store, "storm", 300)
    assert sorted(pages) == sorted(ids)  # every match once, the post without it never
    assert all_pages(store, "storm", 300) == pages
    assert all_pages(store, "storm", 777) == pages  # other page sizes, same order
    # A page across the end of a window runs on into the next one.
    across = store.search_hits("storm", limit=100, offset=WINDOW - 40)
    assert [hit.entry.id for hit in across] == pages[WINDOW - 40 : WINDOW + 60]
    assert store.search_hits("storm", limit=10, offset=count) == []


def test_a_common_word_ranks_its_newest_matches_first(store: Store) -> None:
    """More matches than a window: the first page is the best of the newest `WINDOW`
    matches; older ones, however good, come on later pages, ranked among their own."""
    count = WINDOW + 300
    old_strong, new_strong = {3, 7}, {count - 1000, count - 10}
    ids = many_posts(store, count, strong=old_strong | new_strong)

    first = store.search_hits("storm", limit=20)
    assert len(first) == 20
    newest = set(ids[-WINDOW:])
    assert {hit.entry.id for hit in first} <= newest
    assert [hit.entry.id for hit in first[:2]] == [ids[count - 10], ids[count - 1000]]

    later = store.search_hits("storm", limit=300, offset=WINDOW)
    assert {hit.entry.id for hit in later} == set(ids[:-WINDOW])
    assert [hit.entry.id for hit in later[:2]] == [ids[7], ids[3]]
    assert [hit.score for hit in later] == sorted(hit.score for hit in later)


def test_a_common_word_ranks_title_matches_first_then_the_newest(store: Store) -> None:
    """bm25 would put the short post that repeats the word first; for a word in more posts
    than a window the rank is the title, then the newest, whatever the text repeats."""
    count = WINDOW + 50
    ids = many_posts(store, count, strong={count - 40})
    feed_id = store.entry(ids[0]).feed_id
    repeated = post("repeats", count - 30, "Storm storm storm storm.", title="Repeats")
    store.upsert_entries(feed_id, [repeated], seen_at=T0)
    repeated_id = next(s.id for s in store.entries(feed_id) if s.entry.key == "repeats")
    assert ranked_over_all(store, "storm")[0] == repeated_id  # what bm25 alone would say

    first = [hit.entry.id for hit in store.search_hits("storm", limit=40)]
    assert first[0] == ids[count - 40]  # "Storm update" in its title
    published = [store.entry(i).entry.published for i in first[1:]]
    assert published == sorted(published, reverse=True)
    assert first.index(repeated_id) == 1 + sum(p > repeated.published for p in published)
    # Several terms, a prefix among them: a title holding any of them counts.
    hits = store.search_hits("coast sto*", limit=5)
    assert hits[0].entry.id == ids[count - 40]
    assert hits[0].score < hits[1].score


def test_a_feed_of_its_own_and_queries_that_match_nothing(store: Store) -> None:
    ids = many_posts(store, 30)
    other = store.add_feed("https://example.com/live/b")
    store.upsert_entries(other.id, [post("x", 0, "A storm elsewhere.")], seen_at=T0)
    feed_id = store.entry(ids[0]).feed_id
    assert sorted(s.id for s in store.search("storm", limit=50, feed_id=feed_id)) == ids
    assert [s.entry.key for s in store.search("storm", feed_id=other.id)] == ["x"]
    assert store.search_hits("hurricane") == []
    assert store.search_hits("storm", limit=0) == []
    assert store.search_hits('" * -') == []
    with pytest.raises(ValueError, match="offset"):
        store.search_hits("storm", offset=-1)


# -- its own connection ------------------------------------------------------------------------


def test_a_search_reads_while_another_connection_holds_a_write(db: Path) -> None:
    with Store(db) as store:
        many_posts(store, 5)
    with Core(Store(db)) as core, closing(sqlite3.connect(db, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE entries SET title = 'Storm news' WHERE key = 'p1'")
        try:
            hits = core.search("storm")
            assert len(hits) == 5
            assert "Storm news" not in {hit.entry.entry.title for hit in hits}  # uncommitted
        finally:
            writer.execute("COMMIT")
        assert core.search("storm")[0].entry.entry.title == "Storm news"


def test_a_search_does_not_wait_for_the_store_or_hold_it(db: Path) -> None:
    with Store(db) as store:
        many_posts(store, 50)
    with Core(Store(db)) as core:
        core.search("storm")  # the search connection, opened
        searcher = core.searcher
        assert searcher is not core.store and searcher.read_only

        # The main store busy (its lock held, as by a refresh's write): a search still runs.
        with ThreadPoolExecutor(max_workers=1) as pool:
            held, release = threading.Event(), threading.Event()

            def hold_store() -> None:
                with core.store._lock:
                    held.set()
                    release.wait(10)

            holding = pool.submit(hold_store)
            assert held.wait(10)
            try:
                assert len(core.search("storm", limit=10)) == 10
                assert not holding.done()
            finally:
                release.set()
            holding.result()

        # A search under way (paused inside its read): the main store reads and writes.
        inside, resume = threading.Event(), threading.Event()

        def pause_once() -> int:
            if searcher._db.in_transaction and not inside.is_set():
                inside.set()
                resume.wait(10)
            return 0

        searcher._db.set_progress_handler(pause_once, 1)
        with ThreadPoolExecutor(max_workers=1) as pool:
            searching = pool.submit(core.search, "storm", limit=10)
            assert inside.wait(10)
            try:
                assert core.store.mark_all_read() == 51  # and the calm one
                assert len(core.store.entry_summaries(limit=5)) == 5
                assert not searching.done()
            finally:
                resume.set()
            assert len(searching.result()) == 10
        searcher._db.set_progress_handler(None, 1)


def test_the_search_connection_closes_with_the_core(db: Path) -> None:
    core = Core(Store(db))
    core.search("storm")
    searcher = core.searcher
    core.close()
    with pytest.raises(StoreError, match="closed"):
        searcher.search_hits("storm")
    with pytest.raises(StoreError, match="closed"):
        core.search("storm")
