"""The SQLite store, against real database files in tmp_path."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread import paths
from liveread.model import Embed, Entry, Image, Paragraph, Span
from liveread.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Refresh,
    Store,
    StoreError,
    fts_query,
)
from liveread.store.rows import entry_params

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
URL_A = "https://example.com/live/a"
URL_B = "https://example.org/live/b"


def para(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def make_entry(key: str, minute: int | None = 0, body: str = "", **kw: object) -> Entry:
    published = None if minute is None else T0 + timedelta(minutes=minute)
    return Entry(
        key=key,
        published=published,
        blocks=[para(body or f"Body of {key}.")],
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "liveread.db"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store(db) as s:
        yield s


def raw(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(path))


# -- feeds -------------------------------------------------------------------------------------


def test_add_list_and_remove_feeds(store: Store) -> None:
    a = store.add_feed(URL_A, "Election live")
    b = store.add_feed(URL_B)
    assert a.title == "Election live"
    assert (b.title, b.label, b.unread, b.total, b.is_live) == ("", URL_B, 0, 0, None)
    assert a.added_at.tzinfo == UTC
    assert [f.url for f in store.feeds()] == [URL_A, URL_B]

    with pytest.raises(StoreError, match=f"^already following {URL_A}$"):
        store.add_feed(URL_A)

    store.remove_feed(a.id)
    assert [f.url for f in store.feeds()] == [URL_B]
    with pytest.raises(StoreError, match="no feed #"):
        store.remove_feed(a.id)


def test_feed_lookup(store: Store) -> None:
    a = store.add_feed(URL_A, "Ukraine war live")
    b = store.add_feed(URL_B, "UK politics live")
    assert store.feed(a.id) == a
    assert store.feed(str(b.id)) == b
    assert store.feed(f"#{b.id}") == b
    assert store.feed(URL_B) == b
    assert store.feed(URL_B + "#block-7") == b  # the fragment is not part of the address
    assert store.feed("WAR") == a
    assert store.feed("uk politics live", exact=True) == b
    with pytest.raises(StoreError, match=r"^'live' matches several feeds: .*Ukraine.*UK pol"):
        store.feed("live")
    with pytest.raises(StoreError, match=r"^no feed matches 'cricket'$"):
        store.feed("cricket")
    with pytest.raises(StoreError, match="no feed #999"):
        store.feed(999)


def test_a_number_is_only_ever_an_id(store: Store) -> None:
    """Every loopback address holds "127" and many hold a date: a number never matches them."""
    store.add_feed("http://127.0.0.1:8011/live/2024-11-05", "Election night")
    with pytest.raises(StoreError, match=r"^no feed #7$"):
        store.feed("7")
    with pytest.raises(StoreError, match=r"^no feed #11$"):
        store.feed("11")


def test_exact_lookup_needs_a_whole_title_or_address(store: Store) -> None:
    store.add_feed(URL_A, "Ukraine war live")
    with pytest.raises(StoreError, match=r"^no feed matches 'war' \(give its id"):
        store.feed("war", exact=True)
    with pytest.raises(StoreError, match=r"no feed matches 'example\.org'"):
        store.feed("example.org", exact=True)
    with pytest.raises(StoreError, match=r"no feed matches 'example\.org'"):
        store.feed("example.org")  # pieces of addresses never match


def test_a_posts_label_is_stored_with_it_and_its_favourite_copy(store: Store) -> None:
    feed = store.add_feed(URL_A)
    minute = Entry("m95", title="", blocks=[para("Full time.")], label="90'+5")
    store.upsert_entries(feed.id, [minute], seen_at=T0)
    (stored,) = store.entries(feed.id)
    assert stored.entry.label == "90'+5"
    assert store.entry_summaries(feed.id)[0].label == "90'+5"
    store.set_favourite(stored.id, True)
    assert store.favourites()[0].entry.label == "90'+5"


def test_a_refresh_is_stored_whole_in_one_transaction(store: Store, db: Path) -> None:
    feed = store.add_feed(URL_A)
    store.record_fetch(feed.id, at=T0, error="HTTP 503")
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    result = store.store_refresh(
        feed.id,
        Refresh(
            [make_entry("a"), make_entry("b", 1)],
            at=T0 + timedelta(minutes=1),
            reader_version="7/bbc-2",
            title="Live: storms",
            is_live=True,
            validators=('"v1"', "Wed, 01 May 2024"),
        ),
    )
    store._db.set_trace_callback(None)
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE",
        "COMMIT",
    ]
    assert result.new == ["a", "b"]
    got = store.feed(feed.id)
    assert (got.title, got.is_live, got.reader_version) == ("Live: storms", True, "7/bbc-2")
    assert (got.etag, got.last_modified) == ('"v1"', "Wed, 01 May 2024")
    assert (got.last_ok_at, got.last_error, got.total) == (T0 + timedelta(minutes=1), None, 2)

    # What the page does not say is kept: an empty title, an unknown live state, no validators.
    store.store_refresh(feed.id, Refresh([make_entry("a")], at=T0, reader_version="7/bbc-2"))
    again = store.feed(feed.id)
    assert (again.title, again.is_live, again.etag) == ("Live: storms", True, '"v1"')


def test_a_refresh_that_fails_at_its_last_step_leaves_nothing_behind(store: Store) -> None:
    feed = store.add_feed(URL_A, "Before")
    store.upsert_entries(feed.id, [make_entry("a")], seen_at=T0)
    # The fetch record is the refresh's last write: make it fail, after the entries went in.
    store._db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF last_ok_at ON feeds "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="refused"):
        store.store_refresh(
            feed.id, Refresh([make_entry("b"), make_entry("c")], at=T0, reader_version="7/bbc-2")
        )
    store._db.execute("DROP TRIGGER refuse")
    got = store.feed(feed.id)
    assert (got.title, got.total, got.last_fetch_at, got.reader_version) == (
        "Before",
        1,
        None,
        None,
    )
    assert store.search("Body") and [s.entry.key for s in store.entries()] == ["a"]


def test_feed_meta_and_fetch_record_with_validators(store: Store, db: Path) -> None:
    feed = store.add_feed(URL_A)
    store.update_feed_meta(feed.id, title="Live: storms", is_live=True)
    store.update_feed_meta(feed.id, title=None)  # None leaves the title alone
    store.record_fetch(feed.id, at=T0, error=None, validators=('W/"abc"', "Wed, 01 May 2024"))
    store.record_fetch(feed.id, at=T0 + timedelta(minutes=5), error="HTTP 503")
    store.close()

    with Store(db) as again:
        got = again.feed(feed.id)
    assert (got.title, got.is_live) == ("Live: storms", True)
    assert (got.etag, got.last_modified) == ('W/"abc"', "Wed, 01 May 2024")
    assert got.last_ok_at == T0
    assert got.last_fetch_at == T0 + timedelta(minutes=5)
    assert got.last_error == "HTTP 503"

    with Store(db) as again:
        again.record_fetch(feed.id, at=T0 + timedelta(minutes=9), error=None)
        got = again.feed(feed.id)
    assert got.last_error is None
    assert got.last_ok_at == T0 + timedelta(minutes=9)
    assert got.etag == 'W/"abc"'  # kept when a success brings no validators


# -- entries -----------------------------------------------------------------------------------


def test_upsert_new_edited_unchanged(store: Store) -> None:
    feed = store.add_feed(URL_A)
    first = [make_entry("a", 0), make_entry("b", 1), make_entry("c", 2)]
    result = store.upsert_entries(feed.id, first, seen_at=T0)
    assert (sorted(result.new), result.edited, result.unchanged) == (["a", "b", "c"], [], 0)

    ids = {s.entry.key: s.id for s in store.entries(feed.id)}
    store.mark_read([ids["a"], ids["b"]])

    second = [
        make_entry("a", 0),
        make_entry("b", 1, body="Corrected body of b."),
        make_entry("c", 2),
        make_entry("d", 3),
    ]
    result = store.upsert_entries(feed.id, second, seen_at=T0 + timedelta(hours=1))
    assert (result.new, result.edited, result.unchanged) == (["d"], ["b"], 2)

    by_key = {s.entry.key: s for s in store.entries(feed.id)}
    assert by_key["b"].is_read is False  # an edit makes it unread again
    assert by_key["b"].edited_at == T0 + timedelta(hours=1)
    assert by_key["b"].first_seen_at == T0
    assert by_key["b"].entry.text == "Corrected body of b."
    assert by_key["a"].is_read is True
    assert by_key["a"].edited_at is None

    result = store.upsert_entries(feed.id, second, seen_at=T0 + timedelta(hours=2))
    assert (result.new, result.edited, result.unchanged) == ([], [], 4)
    assert store.entry(ids["b"]).edited_at == T0 + timedelta(hours=1)


BUSES = "Buses run again on the north side of the town from six in the morning, the council says."


def test_a_reader_that_keys_posts_anew_keeps_their_rows(store: Store) -> None:
    """After the reader changed, posts it now names by the page's ids instead of hashes stay
    one row each, read and favourite as they were; a post with no match arrives new."""
    feed = store.add_feed(URL_A)
    old = [
        make_entry("h1", 0, body="Crews cleared the river bank."),
        make_entry("h2", 1, title="Bridge closed", body="The bridge is closed."),
        make_entry("h3", 2, body=f"{BUSES} Timetables follow."),
        make_entry("h4", 3, body="A post the new reading drops."),
    ]
    store.upsert_entries(feed.id, old, seen_at=T0)
    ids = {s.entry.key: s.id for s in store.entries(feed.id)}
    store.mark_read([ids["h1"], ids["h2"]])
    store.set_favourite(ids["h2"], True)

    anew = [
        make_entry("101", 0, body="Crews cleared the river bank."),  # the same content
        make_entry("102", 1, title="Bridge closed", body="The bridge is closed, police say."),
        make_entry("103", 2, body=f"{BUSES} Timetables follow, read better."),
        make_entry("104", 4, body="A new post."),
    ]
    result = store.upsert_entries(feed.id, anew, seen_at=T0 + timedelta(hours=1), quiet=True)
    assert (result.new, result.edited) == (["104"], [])

    by_key = {s.entry.key: s for s in store.entries(feed.id)}
    assert set(by_key) == {"101", "102", "103", "104", "h4"}
    assert [by_key[k].id for k in ("101", "102", "103")] == [ids["h1"], ids["h2"], ids["h3"]]
    assert (by_key["101"].is_read, by_key["102"].is_read, by_key["103"].is_read) == (
        True,
        True,
        False,
    )
    assert by_key["102"].entry.text == "The bridge is closed, police say."
    assert [f.entry.key for f in store.favourites()] == ["102"]
    assert store.favourites()[0].entry.text == "The bridge is closed, police say."


def test_keys_carry_over_only_when_the_reader_changed(store: Store) -> None:
    """A site that renames a post between two fetches is not a reader change: no merging."""
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0, body="Same words.")], seen_at=T0)
    store.upsert_entries(feed.id, [make_entry("b", 0, body="Same words.")], seen_at=T0)
    assert sorted(s.entry.key for s in store.entries(feed.id)) == ["a", "b"]


def test_known_keys_are_those_the_feed_itself_has(store: Store) -> None:
    a = store.add_feed(URL_A)
    b = store.add_feed(URL_B)
    store.upsert_entries(a.id, [make_entry("1"), make_entry("2")], seen_at=T0)
    store.upsert_entries(b.id, [make_entry("3")], seen_at=T0)
    assert store.known_keys(a.id, ["2", "3", "4", 'it\'s "odd"']) == {"2"}
    assert store.known_keys(b.id, ["1", "2", "3"]) == {"3"}
    assert store.known_keys(a.id, []) == set()


def test_flag_changes_refresh_quietly(store: Store) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0)], seen_at=T0)
    (stored,) = store.entries(feed.id)
    store.mark_read([stored.id])
    result = store.upsert_entries(feed.id, [make_entry("a", 0, key_event=True)], seen_at=T0)
    assert (result.edited, result.unchanged) == ([], 1)
    again = store.entry(stored.id)
    assert again.entry.key_event is True
    assert (again.is_read, again.edited_at) == (True, None)


def test_quiet_upsert_rewrites_without_marking_edited(store: Store) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0), make_entry("b", 1)], seen_at=T0)
    store.upsert_entries(
        feed.id,
        [make_entry("a", 0), make_entry("b", 1, body="Edited by the site.")],
        seen_at=T0 + timedelta(hours=1),
    )
    ids = {s.entry.key: s.id for s in store.entries(feed.id)}
    store.mark_feed_read(feed.id)
    store.set_favourite(ids["a"], True)

    reparsed = [
        make_entry("c", 2),
        make_entry("a", 0, body="Body of a, read better."),
        make_entry("b", 1, body="Edited by the site, read better."),
    ]
    result = store.upsert_entries(feed.id, reparsed, seen_at=T0 + timedelta(hours=2), quiet=True)
    assert (result.new, result.edited, result.unchanged) == (["c"], [], 2)

    by_key = {s.entry.key: s for s in store.entries(feed.id)}
    assert by_key["a"].entry.text == "Body of a, read better."
    assert (by_key["a"].is_read, by_key["a"].edited_at) == (True, None)
    assert by_key["b"].entry.text == "Edited by the site, read better."
    assert (by_key["b"].is_read, by_key["b"].edited_at) == (True, T0 + timedelta(hours=1))
    assert (by_key["c"].is_read, by_key["c"].edited_at) == (False, None)
    assert store.favourites()[0].entry.text == "Body of a, read better."
    assert sorted(s.entry.key for s in store.search("better")) == ["a", "b"]
    assert store.search("edited site") == [by_key["b"]]
    # The new hash is stored: the same entries again are unchanged, quiet or not.
    result = store.upsert_entries(feed.id, reparsed, seen_at=T0 + timedelta(hours=3))
    assert (result.new, result.edited, result.unchanged) == ([], [], 3)


def test_reader_version_is_recorded_per_feed(store: Store) -> None:
    a, b = store.add_feed(URL_A), store.add_feed(URL_B)
    assert a.reader_version is None
    store.set_reader_version(a.id, "3/guardian-1")
    assert store.feed(a.id).reader_version == "3/guardian-1"
    assert store.feed(b.id).reader_version is None
    with pytest.raises(StoreError, match="no feed #"):
        store.set_reader_version(999, "3/generic")


def test_entry_round_trip(store: Store) -> None:
    feed = store.add_feed(URL_A, "Feed A")
    entry = Entry(
        key="k1",
        url="https://example.com/live/a#k1",
        published=T0,
        updated=T0 + timedelta(minutes=3),
        title="Headline",
        authors=["Ann Writer", "Bo Reporter"],
        kind="link",
        key_event=True,
        pinned=True,
        summary=True,
        breaking=True,
        blocks=[
            Paragraph((Span("Hello "), Span("world", bold=True, href="https://x.test/"))),
            Image("https://img.test/1.jpg", caption="A cat", credit="AP"),
            Embed("https://twitter.com/x/status/1", "twitter", "A tweet"),
        ],
    )
    store.upsert_entries(feed.id, [entry], seen_at=T0)
    (stored,) = store.entries()
    assert stored.entry == entry
    assert stored.feed_title == "Feed A"
    assert stored.entry.published is not None
    assert stored.entry.published.tzinfo == UTC
    assert store.entry(stored.id) == stored


def test_ordering_newest_first_undated_last(store: Store) -> None:
    a = store.add_feed(URL_A)
    b = store.add_feed(URL_B)
    store.upsert_entries(a.id, [make_entry("a1", 1), make_entry("a5", 5)], seen_at=T0)
    store.upsert_entries(b.id, [make_entry("b3", 3), make_entry("bx", None)], seen_at=T0)
    store.upsert_entries(b.id, [make_entry("by", None)], seen_at=T0 + timedelta(minutes=1))
    assert [s.entry.key for s in store.entries()] == ["a5", "b3", "a1", "by", "bx"]
    assert [s.entry.key for s in store.entries(b.id)] == ["b3", "by", "bx"]
    assert [s.entry.key for s in store.entries(limit=2, offset=1)] == ["b3", "a1"]
    assert [s.key for s in store.entry_summaries()] == ["a5", "b3", "a1", "by", "bx"]


def test_unread_counts_mark_read_and_key_events(store: Store) -> None:
    a = store.add_feed(URL_A)
    b = store.add_feed(URL_B)
    entries = [make_entry(f"e{i}", i, key_event=(i % 2 == 0)) for i in range(5)]
    store.upsert_entries(a.id, entries, seen_at=T0)
    store.upsert_entries(b.id, [make_entry("x", 0)], seen_at=T0)
    counts = {f.url: (f.unread, f.total) for f in store.feeds()}
    assert counts == {URL_A: (5, 5), URL_B: (1, 1)}

    assert [s.entry.key for s in store.entries(a.id, key_events_only=True)] == ["e4", "e2", "e0"]

    ids = [s.id for s in store.entries(a.id)]
    store.mark_read(ids[:2])
    assert store.feed(a.id).unread == 3
    assert [s.entry.key for s in store.entries(a.id, unread_only=True)] == ["e2", "e1", "e0"]
    store.mark_read(ids[:1], read=False)
    assert store.feed(a.id).unread == 4

    store.mark_feed_read(a.id)
    assert (store.feed(a.id).unread, store.feed(b.id).unread) == (0, 1)
    assert store.count_entries() == 6
    assert store.count_entries(a.id) == 5


def test_entry_summaries_are_light(store: Store) -> None:
    feed = store.add_feed(URL_A, "Feed A")
    long_body = "word " * 60
    store.upsert_entries(
        feed.id,
        [make_entry("a", 0, body=long_body, title="T", authors=["Ann"], breaking=True)],
        seen_at=T0,
    )
    (summary,) = store.entry_summaries(feed.id)
    assert (summary.key, summary.title, summary.feed_title) == ("a", "T", "Feed A")
    assert summary.authors == ("Ann",)
    assert (summary.breaking, summary.is_read, summary.edited) == (True, False, False)
    assert summary.excerpt.endswith("…")
    assert len(summary.excerpt) <= 81
    assert summary.excerpt.startswith("word word")


def test_prune_keeps_newest(store: Store) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry(f"e{i}", i) for i in range(10)], seen_at=T0)
    oldest = store.entries(feed.id)[-1]
    store.set_favourite(oldest.id, True)
    assert store.prune(feed.id, keep=4) == 6
    assert [s.entry.key for s in store.entries(feed.id)] == ["e9", "e8", "e7", "e6"]
    assert store.prune(feed.id, keep=4) == 0
    assert [f.entry.key for f in store.favourites()] == ["e0"]
    assert store.favourites()[0].entry_id is None
    assert store.search("e0") == []  # the search index followed the delete


def test_duplicate_keys_in_one_batch_keep_the_first(store: Store) -> None:
    feed = store.add_feed(URL_A)
    batch = [make_entry("a", 5, body="Newest copy."), make_entry("a", 1, body="Older copy.")]
    result = store.upsert_entries(feed.id, batch, seen_at=T0)
    assert result.new == ["a"]
    assert [s.entry.text for s in store.entries()] == ["Newest copy."]


def test_unknown_ids_are_store_errors(store: Store) -> None:
    with pytest.raises(StoreError, match="no feed #7"):
        store.upsert_entries(7, [make_entry("a")], seen_at=T0)
    with pytest.raises(StoreError, match="no entry with id 7"):
        store.entry(7)
    with pytest.raises(StoreError, match="no entry with id 7"):
        store.set_favourite(7, True)


def test_search_index_stays_consistent(store: Store) -> None:
    a = store.add_feed(URL_A)
    b = store.add_feed(URL_B)
    store.upsert_entries(a.id, [make_entry(f"e{i}", i) for i in range(20)], seen_at=T0)
    store.upsert_entries(b.id, [make_entry(f"e{i}", i) for i in range(5)], seen_at=T0)
    store.upsert_entries(a.id, [make_entry("e3", 3, body="changed")], seen_at=T0)
    store.prune(a.id, keep=10)
    store.remove_feed(b.id)
    store.upsert_entries(a.id, [make_entry("new", 30, title="fresh")], seen_at=T0)
    con = store._db
    con.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    indexed = con.execute(
        "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'body OR fresh'"
    )
    assert indexed.fetchone()[0] == store.count_entries() == 11


def test_usable_from_a_worker_thread(store: Store) -> None:
    feed = store.add_feed(URL_A)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [
            pool.submit(store.upsert_entries, feed.id, [make_entry(f"t{i}", i)], seen_at=T0)
            for i in range(8)
        ]
        for future in futures:
            future.result()
    assert store.count_entries(feed.id) == 8


# -- favourites --------------------------------------------------------------------------------


def test_favourites_are_copies_that_outlive_the_feed(store: Store) -> None:
    feed = store.add_feed(URL_A, "Feed A")
    store.upsert_entries(feed.id, [make_entry("a", 0), make_entry("b", 1)], seen_at=T0)
    a, b = sorted(store.entries(feed.id), key=lambda s: s.entry.key)
    store.set_favourite(a.id, True, at=T0)
    store.set_favourite(b.id, True, at=T0 + timedelta(minutes=1))
    store.set_favourite(a.id, True, at=T0 + timedelta(minutes=2))  # again: keeps its time
    assert store.entry(a.id).is_favourite
    favs = store.favourites()
    assert [f.entry.key for f in favs] == ["b", "a"]
    assert favs[1].favourited_at == T0
    assert (favs[1].feed_title, favs[1].feed_url, favs[1].entry_id) == ("Feed A", URL_A, a.id)
    assert favs[1].entry == a.entry

    store.remove_feed(feed.id)
    assert store.count_entries() == 0
    favs = store.favourites()
    assert [(f.feed_title, f.entry.key, f.entry_id) for f in favs] == [
        ("Feed A", "b", None),
        ("Feed A", "a", None),
    ]
    assert favs[1].entry.text == "Body of a."

    # Following the feed again links the copy back to the live entry.
    again = store.add_feed(URL_A)
    store.upsert_entries(again.id, [make_entry("a", 0)], seen_at=T0)
    (live,) = store.entries(again.id)
    assert live.is_favourite

    store.remove_favourite(URL_A, "b")
    store.set_favourite(live.id, False)
    assert store.favourites() == []
    assert not store.entry(live.id).is_favourite


def test_edited_favourite_copy_follows_the_edit(store: Store) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0)], seen_at=T0)
    (stored,) = store.entries(feed.id)
    store.set_favourite(stored.id, True)
    store.upsert_entries(feed.id, [make_entry("a", 0, body="Updated.")], seen_at=T0)
    assert store.favourites()[0].entry.text == "Updated."


def test_favourites_live_in_the_data_db_not_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEREAD_HOME", str(tmp_path / "home"))
    cache = paths.cache_dir()
    cache.mkdir(parents=True)
    (cache / "page.html").write_text("<html></html>")
    with Store(paths.database_file()) as store:
        feed = store.add_feed(URL_A)
        store.upsert_entries(feed.id, [make_entry("a", 0)], seen_at=T0)
        store.set_favourite(store.entries()[0].id, True)
    shutil.rmtree(cache)
    with Store(paths.database_file()) as store:
        assert [f.entry.key for f in store.favourites()] == ["a"]
        assert store.count_entries() == 1


# -- search ------------------------------------------------------------------------------------


def test_search_body_and_title_ranked(store: Store) -> None:
    feed = store.add_feed(URL_A, "Feed A")
    store.upsert_entries(
        feed.id,
        [
            make_entry("t", 0, title="Flooding in the valley", body="Rain all night."),
            make_entry("b", 1, body="Roads closed after flooding, flooding everywhere."),
            make_entry("n", 2, body="Nothing to see."),
        ],
        seen_at=T0,
    )
    hits = store.search_hits("flooding")
    assert [h.entry.entry.key for h in hits] == ["t", "b"]  # a title match weighs more
    assert all(h.score < 0 for h in hits)
    body_hit = hits[1].snippet
    assert f"{SNIPPET_OPEN}flooding{SNIPPET_CLOSE}" in body_hit
    assert [s.entry.key for s in store.search("roads closed")] == ["b"]
    assert [s.entry.key for s in store.search('"after flooding"')] == ["b"]
    assert [s.entry.key for s in store.search("flood*")] == ["t", "b"]
    assert store.search("floods") != []  # stemmed
    assert store.search("flooding nothing") == []  # every term is required
    assert [s.entry.key for s in store.search("flooding", feed_id=feed.id, limit=1)] == ["t"]


def test_search_follows_edits_and_deletes(store: Store) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0, body="Original wording.")], seen_at=T0)
    store.upsert_entries(feed.id, [make_entry("a", 0, body="Revised text.")], seen_at=T0)
    assert store.search("original") == []
    assert [s.entry.key for s in store.search("revised")] == ["a"]
    store.remove_feed(feed.id)
    assert store.search("revised") == []


@pytest.mark.parametrize(
    "query",
    ['"', '"unbalanced', "AND", "AND OR", "OR", "NOT", "*", "-", "-x", "a:b", "(", "NEAR(a b",
     "^start", "col:term", "", "   ", "''", "+", "{a b}", "x*y", '"a" AND "'],
)  # fmt: skip
def test_search_survives_hostile_queries(store: Store, query: str) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0, body="cats AND dogs or x y")], seen_at=T0)
    store.search(query)  # no exception is the point


def test_operators_are_taken_literally(store: Store) -> None:
    feed = store.add_feed(URL_A)
    store.upsert_entries(feed.id, [make_entry("a", 0, body="Fish and chips")], seen_at=T0)
    assert [s.entry.key for s in store.search("AND")] == ["a"]
    assert [s.entry.key for s in store.search('"unbalanced fish')] == []
    assert [s.entry.key for s in store.search('"chips')] == ["a"]
    assert fts_query('fish AND "wet chips" -x nea*') == '"fish" "AND" "wet chips" "-x" "nea"*'
    assert fts_query('" * - ') is None


# -- the database file -------------------------------------------------------------------------


def test_schema_version_wal_and_idempotent_reopen(db: Path) -> None:
    with Store(db) as store:
        store.add_feed(URL_A)
        assert store.schema_version == SCHEMA_VERSION >= 1
    with Store(db) as store:
        assert [f.url for f in store.feeds()] == [URL_A]
        assert store.schema_version == SCHEMA_VERSION
    with raw(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_foreign_keys_busy_timeout_on(store: Store) -> None:
    con = store._db
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_migrates_hand_made_empty_v0_db(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with raw(db) as con:
        con.execute("PRAGMA user_version = 0")
        con.commit()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        feed = store.add_feed(URL_A)
        store.upsert_entries(feed.id, [make_entry("a", 0, body="searchable")], seen_at=T0)
        assert len(store.search("searchable")) == 1


def test_migrates_v1_db_keeping_its_data(db: Path) -> None:
    db.parent.mkdir(parents=True)
    entry = make_entry("a", 0, body="Kept across the upgrade.")
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        MIGRATIONS[0](con)
        con.execute("PRAGMA user_version = 1")
        con.execute(
            "INSERT INTO feeds (url, title, added_at, etag) VALUES (?, 'Feed A', ?, '\"v1\"')",
            (URL_A, "2024-05-01T11:00:00Z"),
        )
        params = entry_params(entry) | {"text": entry.text, "content_hash": entry.content_hash}
        con.execute(
            "INSERT INTO entries (feed_id, key, url, published, updated, title, authors, kind, "
            "key_event, pinned, summary, breaking, blocks, text, content_hash, first_seen_at, "
            "is_read) VALUES (1, :key, :url, :published, :updated, :title, :authors, :kind, "
            ":key_event, :pinned, :summary, :breaking, :blocks, :text, :content_hash, "
            "'2024-05-01T12:00:00Z', 1)",
            params,
        )
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        (feed,) = store.feeds()
        assert (feed.url, feed.title, feed.etag, feed.total) == (URL_A, "Feed A", '"v1"', 1)
        assert feed.reader_version is None
        (stored,) = store.entries(feed.id)
        assert (stored.entry, stored.is_read, stored.first_seen_at) == (entry, True, T0)
        result = store.upsert_entries(feed.id, [entry], seen_at=T0)
        assert (result.new, result.edited, result.unchanged) == ([], [], 1)
        store.set_reader_version(feed.id, "1/bbc-1")
        assert store.feed(feed.id).reader_version == "1/bbc-1"
    with raw(db) as con:
        columns = {row[1]: row[2] for row in con.execute("PRAGMA table_info(feeds)")}
        assert (columns["parser_version"], columns["reader_version"]) == ("INTEGER", "TEXT")


def test_migration_gives_each_feed_its_address_without_a_fragment_as_its_canonical_one(
    db: Path,
) -> None:
    db.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        MIGRATIONS[0](con)
        MIGRATIONS[1](con)
        con.execute("PRAGMA user_version = 2")
        for url in (URL_A, URL_B + "#latest"):
            con.execute(
                "INSERT INTO feeds (url, title, added_at) VALUES (?, 'Feed', ?)",
                (url, "2024-05-01T11:00:00Z"),
            )
    with Store(db) as store:
        assert [f.canonical_url for f in store.feeds()] == [URL_A, URL_B]
        assert store.feed_known_as(URL_B) == store.feed(2)
        assert store.feed(URL_B, exact=True).id == 2


def test_migration_leaves_a_feed_stored_under_a_numbered_parser_version_without_a_reader(
    db: Path,
) -> None:
    db.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        for migrate in MIGRATIONS[:3]:
            migrate(con)
        con.execute("PRAGMA user_version = 3")
        con.execute(
            "INSERT INTO feeds (url, title, added_at, etag, parser_version) "
            "VALUES (?, 'Feed', '2024-05-01T11:00:00Z', '\"v3\"', 6)",
            (URL_A,),
        )
    with Store(db) as store:
        (feed,) = store.feeds()
        # No reader is known to have read it: the next refresh reads the page again.
        assert (feed.url, feed.etag, feed.reader_version) == (URL_A, '"v3"', None)


def test_zero_byte_file_is_a_new_db(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.touch()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_corrupt_file_is_a_clear_store_error(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError) as info:
        Store(db)
    assert str(info.value) == (
        f"database file is corrupt or not a liveread database: {db}"
        " (left as it is: move it elsewhere and liveread starts a new one)"
    )
    assert info.value.__suppress_context__  # no sqlite3 traceback chained on


def test_other_apps_database_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with raw(db) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
        con.commit()
    with pytest.raises(StoreError, match="not a liveread database"):
        Store(db)
    with raw(db) as con:  # untouched
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_newer_schema_is_refused(db: Path) -> None:
    Store(db).close()
    with raw(db) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        con.commit()
    with pytest.raises(StoreError, match="newer than this liveread supports"):
        Store(db)


def test_closed_store_raises_store_error(db: Path) -> None:
    store = Store(db)
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.feeds()


def test_bulk_upsert_is_one_transaction(store: Store) -> None:
    feed = store.add_feed(URL_A)
    entries = [make_entry(f"e{i}", i % 500, body=f"post number {i}") for i in range(10_000)]
    result = store.upsert_entries(feed.id, entries, seen_at=T0)
    assert len(result.new) == 10_000
    assert store.feed(feed.id).total == 10_000
    assert len(store.entry_summaries(feed.id)) == 10_000
    assert store.upsert_entries(feed.id, entries, seen_at=T0).unchanged == 10_000


# -- paths -------------------------------------------------------------------------------------


def test_paths_honour_liveread_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIVEREAD_HOME", str(tmp_path))
    assert paths.config_dir() == tmp_path / "config"
    assert paths.data_dir() == tmp_path / "data"
    assert paths.cache_dir() == tmp_path / "cache"
    assert paths.export_dir() == tmp_path / "exports"
    assert paths.config_file() == tmp_path / "config" / "config.toml"
    assert paths.database_file() == tmp_path / "data" / "liveread.db"
    assert not (tmp_path / "config").exists()  # nothing is created

    monkeypatch.delenv("LIVEREAD_HOME")
    assert paths.data_dir() != tmp_path / "data"
    assert paths.database_file().name == "liveread.db"
    assert paths.config_dir().name == "liveread"


def test_count_favourites_counts_the_copies(store: Store) -> None:
    feed = store.add_feed(URL_A, "Feed A")
    store.upsert_entries(feed.id, [make_entry("a", 0), make_entry("b", 1)], seen_at=T0)
    assert store.count_favourites() == 0
    for stored in store.entries(feed.id):
        store.set_favourite(stored.id, True, at=T0)
    store.remove_feed(feed.id)
    assert store.count_favourites() == 2 == len(store.favourites())
