"""Naming a few posts of a feed (`Store.named_summaries`, behind `liveread read FEED POST`)
finds them by index, whatever the feed holds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from liveread.model import Entry, Paragraph, Span
from liveread.store import Store, sql

AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def post(key: str) -> Entry:
    return Entry(key=key, published=AT, title=f"Post {key}", blocks=[Paragraph((Span(key),))])


def test_posts_are_found_by_key_or_id_within_their_feed_only(tmp_path: Path) -> None:
    with Store(tmp_path / "liveread.db") as store:
        one = store.add_feed("https://example.com/one", "One")
        other = store.add_feed("https://example.com/other", "Other")
        store.upsert_entries(one.id, [post(k) for k in "abc"], seen_at=AT)
        store.upsert_entries(other.id, [post(k) for k in "ax"], seen_at=AT)
        ids = {s.key: s.id for s in store.entry_summaries(one.id)}
        others = {s.key: s.id for s in store.entry_summaries(other.id)}

        found = store.named_summaries(one.id, keys=["a", "x"], ids=[ids["c"], others["x"]])

        assert sorted((s.key, s.feed_id) for s in found) == [("a", one.id), ("c", one.id)]
        assert store.named_summaries(one.id) == []


def test_naming_posts_reads_no_other_post(tmp_path: Path) -> None:
    """The lookup finds its rows by index: it never walks the feed's posts."""
    with Store(tmp_path / "liveread.db") as store:
        feed = store.add_feed("https://example.com/one", "One")
        store.upsert_entries(feed.id, [post(str(n)) for n in range(50)], seen_at=AT)
        con = sqlite3.connect(tmp_path / "liveread.db")
        plan = [
            str(row[3])
            for row in con.execute(
                "EXPLAIN QUERY PLAN " + sql.NAMED_SUMMARIES,
                {"feed": feed.id, "keys": '["7"]', "ids": "[1]"},
            )
        ]
        con.close()
    assert any("sqlite_autoindex_entries_1 (feed_id=? AND key=?)" in p for p in plan)
    assert any(p.startswith("SEARCH e USING INTEGER PRIMARY KEY") for p in plan)
    assert not [p for p in plan if p.startswith("SCAN e")], plan
