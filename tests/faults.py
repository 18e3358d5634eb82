"""Databases that fail the way a user's can: pages of posts overwritten with garbage, a write
lock held by another connection, no room left. Every one is a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from liveread.model import Entry, Paragraph, Span
from liveread.store import Store

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
POSTS_PER_FEED = 120
GARBAGE = b"\xde\xad\xbe\xef"


@dataclass(frozen=True)
class Built:
    """What `build` stored: feed ids, and the entry ids favourited and read."""

    damaged_feed: int
    sound_feed: int
    favourites: list[int]
    read: list[int]


def post(feed: str, n: int, *, words: int = 150) -> Entry:
    """A post of a couple of kilobytes (one or two to a page) holding a word all its own."""
    body = f"{feed}{n} was reported today. " + "More detail followed. " * (words // 3)
    return Entry(
        key=f"{feed}-{n}",
        published=T0 + timedelta(minutes=n),
        title=f"{feed.title()} post {n}",
        blocks=[Paragraph((Span(body),))],
    )


def build(path: Path) -> Built:
    """Two feeds of POSTS_PER_FEED posts: the first one's rows come first in the file (the
    pages `damage_posts` overwrites), the second one's after them. Favourites from both, and
    some of the second one's posts read."""
    with Store(path) as store:
        damaged = store.add_feed("https://example.com/live/damaged", "Damaged feed")
        sound = store.add_feed("https://example.org/live/sound", "Sound feed")
        for feed, name in ((damaged, "alpha"), (sound, "bravo")):
            entries = [post(name, n) for n in range(POSTS_PER_FEED)]
            store.upsert_entries(feed.id, entries, seen_at=T0)
        ids = {feed.id: [e.id for e in store.entries(feed.id)] for feed in (damaged, sound)}
        favourites = [ids[damaged.id][-40], ids[damaged.id][-1], ids[sound.id][0]]
        for entry_id in favourites:
            store.set_favourite(entry_id, True, at=T0)
        read = ids[sound.id][:10]
        store.mark_read(read)
    return Built(damaged.id, sound.id, favourites, read)


def damage_posts(path: Path, pages: slice = slice(8, 14)) -> None:
    """Overwrite some leaf pages of the entries table, in rowid order (with `build`, pages in
    the first feed's posts), with garbage. The store must be closed (its WAL checkpointed)."""
    with closing(sqlite3.connect(path)) as con:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        leaves = [
            number
            for (number,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' "
                "ORDER BY path"
            )
        ]
    with path.open("r+b") as file:
        for number in leaves[pages]:
            file.seek((number - 1) * size)
            file.write(GARBAGE * (size // len(GARBAGE)))


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection holding the database's write lock, as a second liveread in the
    middle of a refresh (or any program with an open write transaction) does."""
    with closing(sqlite3.connect(path, isolation_level=None)) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        finally:
            con.execute("ROLLBACK")


def fill_disk(store: Store) -> None:
    """No room for one more page: as a full disk does, on this store's own connection."""
    con = store._db  # max_page_count is a setting of one connection
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")


def big_post(n: int) -> Entry:
    """A post longer than a page, so storing or favouriting it needs new pages."""
    return post("charlie", n, words=3_000)
