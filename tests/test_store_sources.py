"""What the store keeps of sources in a real database file: a feed's kind, the source that
found a blog, and the items each source has looked at."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from liveread.store import MIGRATIONS, SCHEMA_VERSION, Store, schema
from schemas import at_version

URL = "https://example.com/live/a"
RSS = "https://example.com/rss.xml"


def test_a_database_of_the_version_before_opens_with_its_feeds_as_blogs(db: Path):
    before = MIGRATIONS.index(schema._migrate_v14)
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        at_version(con, before)
        con.execute("INSERT INTO feeds (url, added_at) VALUES (?, '2026-01-01T00:00:00Z')", (URL,))
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        [blog] = store.feeds()
        assert (blog.kind, blog.source_id, blog.source_title, blog.is_source) == (
            "blog",
            None,
            None,
            False,
        )
        source = store.add_feed(RSS, "World news", kind="source")
        found = store.add_feed(URL + "/b", "Strike live", source_id=source.id)
        assert store.feed(source.id).blogs_found == 1
        assert store.feed(found.id).source_title == "World news"


def test_a_source_remembers_the_items_it_looked_at(store: Store):
    source = store.add_feed(RSS, "World news", kind="source")
    other = store.add_feed(RSS + "?other", "Other", kind="source")
    store.note_looked_at(source.id, ["https://example.com/a", "https://example.com/b"])
    store.note_looked_at(source.id, ["https://example.com/a"])  # again: no harm

    asked = ["https://example.com/a", "https://example.com/c"]
    assert store.looked_at(source.id, asked) == {"https://example.com/a"}
    assert store.looked_at(other.id, asked) == set()

    store.remove_feed(source.id)
    assert store._db.execute("SELECT count(*) FROM source_items").fetchone()[0] == 0


def test_an_imported_address_can_become_a_source(store: Store):
    (feed,), _ = store.add_feeds([(RSS, "From the file", None)])
    store.make_source(feed.id, "")
    assert (store.feed(feed.id).kind, store.feed(feed.id).title) == ("source", "From the file")
    store.make_source(feed.id, "World news")
    assert store.feed(feed.id).title == "World news"
