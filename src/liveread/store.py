"""The SQLite store: followed feeds, their entries, read state, favourites and full-text search.

One connection per `Store`, in WAL mode, with foreign keys on. The schema version lives in
`PRAGMA user_version` and `MIGRATIONS` brings any older database up to date when it is opened.
Times are stored as ISO 8601 UTC text ("2024-05-01T12:00:00Z") and returned as aware UTC
datetimes. Favourites are full copies keyed by (feed url, entry key), so they outlive the feed,
pruning and the cache folder. Every sqlite3 failure a user can cause (a corrupt file, a locked or
read-only database) surfaces as a one-line `StoreError`.

The store knows the model (`liveread.model`, `liveread.codec`) and nothing else: no HTML, no UI.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from liveread.codec import block_from_dict, block_to_dict
from liveread.model import Entry, iso_z, utc

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "EntrySummary",
    "Favourite",
    "Feed",
    "SearchHit",
    "Store",
    "StoreError",
    "StoredEntry",
    "UpsertResult",
    "fts_query",
]

APPLICATION_ID = 0x4C52_4431  # "LRD1" in the SQLite header marks a liveread database
SNIPPET_OPEN = "\x02"
"""Marks the start of a matched term in `SearchHit.snippet` (page text never holds C0 codes)."""
SNIPPET_CLOSE = "\x03"
EXCERPT_CHARS = 80


class StoreError(Exception):
    """A failure worth showing to the user as one line."""


# ---------------------------------------------------------------------------------------------
# Returned records


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str
    added_at: datetime
    last_fetch_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    etag: str | None
    last_modified: str | None
    is_live: bool | None
    unread: int
    total: int

    @property
    def label(self) -> str:
        """The title, or the url for a feed that has not been fetched yet."""
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class StoredEntry:
    id: int
    feed_id: int
    feed_title: str
    entry: Entry
    first_seen_at: datetime
    edited_at: datetime | None
    is_read: bool
    is_favourite: bool


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """What a list row needs, without decoding the body blocks."""

    id: int
    feed_id: int
    feed_title: str
    key: str
    url: str | None
    published: datetime | None
    updated: datetime | None
    first_seen_at: datetime
    edited_at: datetime | None
    title: str
    excerpt: str
    authors: tuple[str, ...]
    kind: str
    key_event: bool
    pinned: bool
    summary: bool
    breaking: bool
    is_read: bool
    is_favourite: bool

    @property
    def edited(self) -> bool:
        return self.edited_at is not None


@dataclass(frozen=True, slots=True)
class UpsertResult:
    new: list[str]
    edited: list[str]
    unchanged: int


@dataclass(frozen=True, slots=True)
class Favourite:
    feed_title: str
    feed_url: str
    entry: Entry
    favourited_at: datetime
    entry_id: int | None = None
    """The live entry's id while its feed still holds it, else None."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    entry: StoredEntry
    snippet: str
    """Matched terms are wrapped in SNIPPET_OPEN / SNIPPET_CLOSE."""
    score: float
    """bm25: lower is a better match."""


# ---------------------------------------------------------------------------------------------
# Schema and migrations


def _migrate_v1(con: sqlite3.Connection) -> None:
    statements = [
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            last_fetch_at TEXT,
            last_ok_at TEXT,
            last_error TEXT,
            etag TEXT,
            last_modified TEXT,
            is_live INTEGER CHECK (is_live IN (0, 1)),
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            url TEXT,
            published TEXT,
            updated TEXT,
            title TEXT NOT NULL DEFAULT '',
            authors TEXT NOT NULL DEFAULT '[]',
            kind TEXT NOT NULL DEFAULT 'post',
            key_event INTEGER NOT NULL DEFAULT 0,
            pinned INTEGER NOT NULL DEFAULT 0,
            summary INTEGER NOT NULL DEFAULT 0,
            breaking INTEGER NOT NULL DEFAULT 0,
            blocks TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL,
            first_seen_at TEXT NOT NULL,
            edited_at TEXT,
            is_read INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, key)
        )""",
        "CREATE INDEX entries_feed_order ON entries (feed_id, published DESC, first_seen_at DESC)",
        "CREATE INDEX entries_order ON entries (published DESC, first_seen_at DESC)",
        "CREATE INDEX entries_feed_read ON entries (feed_id, is_read)",
        """CREATE TABLE favourites (
            feed_url TEXT NOT NULL,
            key TEXT NOT NULL,
            feed_title TEXT NOT NULL DEFAULT '',
            url TEXT,
            published TEXT,
            updated TEXT,
            title TEXT NOT NULL DEFAULT '',
            authors TEXT NOT NULL DEFAULT '[]',
            kind TEXT NOT NULL DEFAULT 'post',
            key_event INTEGER NOT NULL DEFAULT 0,
            pinned INTEGER NOT NULL DEFAULT 0,
            summary INTEGER NOT NULL DEFAULT 0,
            breaking INTEGER NOT NULL DEFAULT 0,
            blocks TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL DEFAULT '',
            favourited_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, key)
        )""",
        "CREATE INDEX favourites_order ON favourites (favourited_at DESC)",
        # External-content FTS5 index over entries. Deletes (including cascades from feeds) and
        # edits reach it through triggers; inserts do not: a per-row trigger makes bulk inserts
        # four times slower, so `Store._index_new_entries` indexes each batch in one statement.
        # Whatever inserts into entries must do the same.
        """CREATE VIRTUAL TABLE entries_fts USING fts5 (
            title, text, content = 'entries', content_rowid = 'id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END""",
        """CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, text ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO entries_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END""",
    ]
    for statement in statements:
        con.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_v1]
"""MIGRATIONS[n] takes a database from schema version n to n + 1. Append; never edit."""
SCHEMA_VERSION = len(MIGRATIONS)


# ---------------------------------------------------------------------------------------------
# Helpers

_P = ParamSpec("_P")
_R = TypeVar("_R")

# sqlite3 primary result codes (Python 3.11+ exposes them on the exception).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


def _iso(dt: datetime) -> str:
    value = iso_z(dt)
    assert value is not None
    return value


@functools.lru_cache(maxsize=4096)  # rows of one fetch share their first_seen_at
def _dt(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is UTC else utc(parsed)


def _dt_or_none(value: str | None) -> datetime | None:
    return _dt(value) if value else None


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _excerpt(text: str, width: int = EXCERPT_CHARS) -> str:
    """The first words of `text` on one line, cut at a word boundary near `width`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width + 1].rsplit(" ", 1)[0]
    if len(cut) < width // 2:
        cut = flat[:width]
    return cut.rstrip(" ,;:-–—") + "…"


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str | None:
    """User text as a safe FTS5 query: every term quoted, all terms required.

    `"several words"` stays a phrase and a trailing `*` a prefix; operators, stray quotes and
    punctuation are taken literally. None when nothing searchable is left.
    """
    terms = []
    for match in _TERM.finditer(text):
        phrase, bare = match.groups()
        word = (phrase if phrase is not None else bare).replace('"', " ")
        prefix = bare is not None and word.endswith("*")
        word = word.rstrip("*").strip() if prefix else word.strip()
        if not any(ch.isalnum() for ch in word):
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def _entry_from_row(row: sqlite3.Row) -> Entry:
    return Entry(
        key=row["key"],
        url=row["url"],
        published=_dt_or_none(row["published"]),
        updated=_dt_or_none(row["updated"]),
        title=row["title"],
        authors=json.loads(row["authors"]),
        kind=row["kind"],
        key_event=bool(row["key_event"]),
        pinned=bool(row["pinned"]),
        summary=bool(row["summary"]),
        breaking=bool(row["breaking"]),
        blocks=[block_from_dict(b) for b in json.loads(row["blocks"])],
    )


def _entry_params(entry: Entry) -> dict[str, Any]:
    return {
        "key": entry.key,
        "url": entry.url,
        "published": iso_z(entry.published),
        "updated": iso_z(entry.updated),
        "title": entry.title,
        "authors": _dumps(list(entry.authors)),
        "kind": entry.kind,
        "key_event": int(entry.key_event),
        "pinned": int(entry.pinned),
        "summary": int(entry.summary),
        "breaking": int(entry.breaking),
        "blocks": _dumps([block_to_dict(b) for b in entry.blocks]),
    }


def _feed_from_row(row: sqlite3.Row) -> Feed:
    is_live = row["is_live"]
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        added_at=_dt(row["added_at"]),
        last_fetch_at=_dt_or_none(row["last_fetch_at"]),
        last_ok_at=_dt_or_none(row["last_ok_at"]),
        last_error=row["last_error"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        is_live=None if is_live is None else bool(is_live),
        unread=row["unread"],
        total=row["total"],
    )


def _stored_from_row(row: sqlite3.Row) -> StoredEntry:
    return StoredEntry(
        id=row["id"],
        feed_id=row["feed_id"],
        feed_title=row["feed_title"],
        entry=_entry_from_row(row),
        first_seen_at=_dt(row["first_seen_at"]),
        edited_at=_dt_or_none(row["edited_at"]),
        is_read=bool(row["is_read"]),
        is_favourite=bool(row["is_favourite"]),
    )


def _summaries(rows: Iterable[tuple[Any, ...]]) -> list[EntrySummary]:
    """EntrySummary from plain tuples in `_ENTRY_COLS` order plus the text head: the list
    widget's hot path, so positional rather than by column name."""
    dt, excerpt, loads = _dt, _excerpt, json.loads
    return [
        EntrySummary(
            id=id_,
            feed_id=feed_id,
            feed_title=feed_title,
            key=key,
            url=url,
            published=dt(published) if published else None,
            updated=dt(updated) if updated else None,
            first_seen_at=dt(first_seen_at),
            edited_at=dt(edited_at) if edited_at else None,
            title=title,
            excerpt=excerpt(head),
            authors=tuple(loads(authors)),
            kind=kind,
            key_event=bool(key_event),
            pinned=bool(pinned),
            summary=bool(summary),
            breaking=bool(breaking),
            is_read=bool(is_read),
            is_favourite=bool(is_favourite),
        )
        for (
            id_, feed_id, key, url, published, updated, title, authors, kind, key_event, pinned,
            summary, breaking, first_seen_at, edited_at, is_read, feed_title, is_favourite, head,
        ) in rows
    ]  # fmt: skip


_FEEDS_SQL = """
    SELECT f.*, COALESCE(c.unread, 0) AS unread, COALESCE(c.total, 0) AS total
    FROM feeds AS f LEFT JOIN (
        SELECT feed_id, count(*) AS total, sum(is_read = 0) AS unread
        FROM entries GROUP BY feed_id
    ) AS c ON c.feed_id = f.id
"""
_FEEDS_ORDER = " ORDER BY f.position, f.added_at, f.id"

# Column order matters to `_summaries`.
_ENTRY_COLS = """
    e.id, e.feed_id, e.key, e.url, e.published, e.updated, e.title, e.authors, e.kind,
    e.key_event, e.pinned, e.summary, e.breaking, e.first_seen_at, e.edited_at, e.is_read,
    f.title AS feed_title,
    EXISTS (SELECT 1 FROM favourites AS fv WHERE fv.feed_url = f.url AND fv.key = e.key)
        AS is_favourite
"""
_ENTRY_FROM = " FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id"
_ENTRY_ORDER = " ORDER BY e.published DESC, e.first_seen_at DESC, e.id ASC"

_ENTRY_FIELDS = (
    "url, published, updated, title, authors, kind, key_event, pinned, summary, breaking, "
    "blocks, text"
)
_INSERT_ENTRY = f"""
    INSERT INTO entries (feed_id, key, {_ENTRY_FIELDS}, content_hash, first_seen_at)
    VALUES (:feed_id, :key, :url, :published, :updated, :title, :authors, :kind, :key_event,
            :pinned, :summary, :breaking, :blocks, :text, :content_hash, :seen_at)
"""
_EDIT_ENTRY = """
    UPDATE entries SET url = :url, published = :published, updated = :updated, title = :title,
        authors = :authors, kind = :kind, key_event = :key_event, pinned = :pinned,
        summary = :summary, breaking = :breaking, blocks = :blocks, text = :text,
        content_hash = :content_hash, edited_at = :seen_at, is_read = 0
    WHERE feed_id = :feed_id AND key = :key
"""
# Same reader-visible content, but flags, times, links or images may have moved: refresh them
# quietly (no edited mark, read state kept). The WHERE clause leaves identical rows unwritten.
_REFRESH_ENTRY = """
    UPDATE entries SET url = :url, published = :published, updated = :updated, kind = :kind,
        key_event = :key_event, pinned = :pinned, summary = :summary, breaking = :breaking,
        blocks = :blocks
    WHERE feed_id = :feed_id AND key = :key AND (
        url IS NOT :url OR published IS NOT :published OR updated IS NOT :updated
        OR kind IS NOT :kind OR key_event IS NOT :key_event OR pinned IS NOT :pinned
        OR summary IS NOT :summary OR breaking IS NOT :breaking OR blocks IS NOT :blocks)
"""
_EDIT_FAVOURITE = """
    UPDATE favourites SET url = :url, published = :published, updated = :updated,
        title = :title, authors = :authors, kind = :kind, key_event = :key_event,
        pinned = :pinned, summary = :summary, breaking = :breaking, blocks = :blocks,
        text = :text
    WHERE feed_url = :feed_url AND key = :key
"""
_COPY_FAVOURITE = f"""
    INSERT INTO favourites (feed_url, key, feed_title, {_ENTRY_FIELDS}, favourited_at)
    SELECT f.url, e.key, f.title, e.url, e.published, e.updated, e.title, e.authors, e.kind,
           e.key_event, e.pinned, e.summary, e.breaking, e.blocks, e.text, :at
    FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id
    WHERE e.id = :id
    ON CONFLICT (feed_url, key) DO UPDATE SET
        feed_title = excluded.feed_title, url = excluded.url, published = excluded.published,
        updated = excluded.updated, title = excluded.title, authors = excluded.authors,
        kind = excluded.kind, key_event = excluded.key_event, pinned = excluded.pinned,
        summary = excluded.summary, breaking = excluded.breaking, blocks = excluded.blocks,
        text = excluded.text
"""


def _op(method: Callable[Concatenate[Store, _P], _R]) -> Callable[Concatenate[Store, _P], _R]:
    """Run a public method under the store's lock, turning user-facing sqlite errors into
    StoreError."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                error = self._translate(exc)
                if error is None:
                    raise
                raise error from exc

    return wrapper


# ---------------------------------------------------------------------------------------------
# The store


class Store:
    """liveread's database. Safe to share between threads (calls are serialised)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._con: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {self.path.parent}: {exc.strerror}") from None
        try:
            con = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise (self._translate(exc) or StoreError(f"cannot open {self.path}")) from None
        try:
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA busy_timeout = 5000")
            con.execute("PRAGMA foreign_keys = ON")
            # In WAL mode NORMAL cannot corrupt the database; a power cut may only lose the
            # last few commits.
            con.execute("PRAGMA synchronous = NORMAL")
            self._check_identity(con)
            con.execute("PRAGMA journal_mode = WAL")
            self._migrate(con)
        except sqlite3.Error as exc:
            con.close()
            error = self._translate(exc)
            if error is None:  # not the file's fault: a bug, shown as it is
                raise
            raise error from None
        except BaseException:
            con.close()
            raise
        self._con = con

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            con, self._con = self._con, None
            if con is None:
                return
            try:
                con.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            finally:
                con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- feeds ------------------------------------------------------------------------------

    @_op
    def add_feed(self, url: str, title: str = "") -> Feed:
        url = url.strip()
        if not url:
            raise StoreError("a feed needs a url")
        with self._write() as con:
            try:
                cur = con.execute(
                    "INSERT INTO feeds (url, title, added_at, position) VALUES "
                    "(?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM feeds))",
                    (url, title, _iso(datetime.now(UTC))),
                )
            except sqlite3.IntegrityError:
                raise StoreError(f"already following {url}") from None
        return self._feed_by_id(int(cur.lastrowid or 0))

    @_op
    def feeds(self) -> list[Feed]:
        return [_feed_from_row(r) for r in self._db.execute(_FEEDS_SQL + _FEEDS_ORDER)]

    @_op
    def feed(self, ref: str | int) -> Feed:
        """A feed by id, exact url, or a case-insensitive piece of its title (or url)."""
        if isinstance(ref, int):
            return self._feed_by_id(ref)
        text = ref.strip()
        feeds = self.feeds()
        for feed in feeds:
            if feed.url == text:
                return feed
        if text.isdigit():
            for feed in feeds:
                if feed.id == int(text):
                    return feed
        needle = text.casefold()
        if not needle:
            raise StoreError(f"no feed matches '{ref}'")
        for field in ("title", "url"):
            hits = [f for f in feeds if needle in getattr(f, field).casefold()]
            exact = [f for f in hits if getattr(f, field).casefold() == needle]
            if len(hits) == 1 or len(exact) == 1:
                return hits[0] if len(hits) == 1 else exact[0]
            if hits:
                names = ", ".join(f"{f.label} (#{f.id})" for f in hits)
                raise StoreError(f"'{ref}' matches several feeds: {names}")
        raise StoreError(f"no feed matches '{ref}'")

    @_op
    def remove_feed(self, feed_id: int) -> None:
        """Forget a feed and its entries; favourites copied from it stay."""
        with self._write() as con:
            if con.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount == 0:
                raise StoreError(f"no feed matches '{feed_id}'")

    @_op
    def update_feed_meta(
        self, feed_id: int, *, title: str | None = None, is_live: bool | None = None
    ) -> None:
        """Set what the page says about itself; None leaves a value as it is."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            if title is not None:
                con.execute("UPDATE feeds SET title = ? WHERE id = ?", (title, feed_id))
            if is_live is not None:
                con.execute("UPDATE feeds SET is_live = ? WHERE id = ?", (int(is_live), feed_id))

    @_op
    def record_fetch(
        self,
        feed_id: int,
        *,
        at: datetime,
        error: str | None,
        validators: tuple[str | None, str | None] | None = None,
    ) -> None:
        """Note a fetch attempt. `error` None is a success; `validators` is (etag,
        last_modified) from a successful response, stored as given."""
        when = _iso(at)
        with self._write() as con:
            self._require_feed(con, feed_id)
            if error is not None:
                con.execute(
                    "UPDATE feeds SET last_fetch_at = ?, last_error = ? WHERE id = ?",
                    (when, error, feed_id),
                )
                return
            con.execute(
                "UPDATE feeds SET last_fetch_at = ?, last_ok_at = ?, last_error = NULL "
                "WHERE id = ?",
                (when, when, feed_id),
            )
            if validators is not None:
                con.execute(
                    "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
                    (*validators, feed_id),
                )

    # -- entries ----------------------------------------------------------------------------

    @_op
    def upsert_entries(
        self, feed_id: int, entries: Sequence[Entry], *, seen_at: datetime
    ) -> UpsertResult:
        """Store a fetch's entries in one transaction, telling new ones from edited ones by
        content hash. An edited entry turns unread and gets `edited_at`; a repeated key in
        `entries` keeps its first occurrence."""
        when = _iso(seen_at)
        prepared: dict[str, tuple[Entry, str, dict[str, Any]]] = {}
        for entry in entries:  # the Python work happens before taking the write lock
            if entry.key not in prepared:
                params = _entry_params(entry)
                params.update(feed_id=feed_id, seen_at=when)
                prepared[entry.key] = (entry, entry.content_hash, params)
        fresh: list[dict[str, Any]] = []
        edited: list[dict[str, Any]] = []
        same: list[dict[str, Any]] = []
        with self._write() as con:
            feed_url = self._require_feed(con, feed_id)
            known: dict[str, str] = dict(
                con.execute("SELECT key, content_hash FROM entries WHERE feed_id = ?", (feed_id,))
            )
            for key, (entry, content_hash, params) in prepared.items():
                old_hash = known.get(key)
                if old_hash == content_hash:
                    same.append(params)
                    continue
                params.update(text=entry.text, content_hash=content_hash, feed_url=feed_url)
                (fresh if old_hash is None else edited).append(params)
            last_id = con.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0]
            con.executemany(_INSERT_ENTRY, fresh)
            self._index_new_entries(con, after_id=last_id)
            con.executemany(_EDIT_ENTRY, edited)
            con.executemany(_EDIT_FAVOURITE, edited)
            con.executemany(_REFRESH_ENTRY, same)
        return UpsertResult(
            new=[p["key"] for p in fresh], edited=[p["key"] for p in edited], unchanged=len(same)
        )

    @_op
    def entries(
        self,
        feed_id: int | None = None,
        *,
        unread_only: bool = False,
        key_events_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEntry]:
        """Entries newest first (by published, undated last, then by first seen); feed_id
        None is the timeline of all feeds."""
        sql, params = self._entry_query(
            _ENTRY_COLS + ", e.blocks", feed_id, unread_only, key_events_only, limit, offset
        )
        return [_stored_from_row(r) for r in self._db.execute(sql, params)]

    @_op
    def entry_summaries(
        self,
        feed_id: int | None = None,
        *,
        unread_only: bool = False,
        key_events_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EntrySummary]:
        """Like `entries` but light: no body blocks, only an excerpt of the text."""
        sql, params = self._entry_query(
            _ENTRY_COLS + ", substr(e.text, 1, 400) AS head",
            feed_id,
            unread_only,
            key_events_only,
            limit,
            offset,
        )
        cursor = self._db.cursor()
        cursor.row_factory = None  # plain tuples
        try:
            return _summaries(cursor.execute(sql, params))
        finally:
            cursor.close()

    @_op
    def entry(self, entry_id: int) -> StoredEntry:
        sql = "SELECT" + _ENTRY_COLS + ", e.blocks" + _ENTRY_FROM + " WHERE e.id = ?"
        row = self._db.execute(sql, (entry_id,)).fetchone()
        if row is None:
            raise StoreError(f"no entry with id {entry_id}")
        return _stored_from_row(row)

    @_op
    def count_entries(self, feed_id: int | None = None) -> int:
        if feed_id is None:
            row = self._db.execute("SELECT count(*) FROM entries").fetchone()
        else:
            row = self._db.execute(
                "SELECT count(*) FROM entries WHERE feed_id = ?", (feed_id,)
            ).fetchone()
        return int(row[0])

    @_op
    def mark_read(self, entry_ids: Iterable[int], read: bool = True) -> None:
        with self._write() as con:
            con.executemany(
                "UPDATE entries SET is_read = ? WHERE id = ?", ((int(read), i) for i in entry_ids)
            )

    @_op
    def mark_feed_read(self, feed_id: int) -> None:
        with self._write() as con:
            con.execute(
                "UPDATE entries SET is_read = 1 WHERE feed_id = ? AND is_read = 0", (feed_id,)
            )

    @_op
    def prune(self, feed_id: int, *, keep: int) -> int:
        """Delete a feed's oldest entries beyond the newest `keep`; returns how many went.
        Favourites are copies and stay."""
        if keep < 0:
            raise StoreError("keep must be zero or more")
        with self._write() as con:
            cur = con.execute(
                "DELETE FROM entries WHERE id IN (SELECT e.id FROM entries AS e "
                "WHERE e.feed_id = ?" + _ENTRY_ORDER + " LIMIT -1 OFFSET ?)",
                (feed_id, keep),
            )
        return cur.rowcount

    # -- favourites -------------------------------------------------------------------------

    @_op
    def set_favourite(self, entry_id: int, on: bool, *, at: datetime | None = None) -> None:
        """On: copy the entry into favourites (refreshing an existing copy, keeping its time).
        Off: delete the copy."""
        with self._write() as con:
            if on:
                when = _iso(at or datetime.now(UTC))
                cur = con.execute(_COPY_FAVOURITE, {"id": entry_id, "at": when})
                if cur.rowcount == 0:
                    raise StoreError(f"no entry with id {entry_id}")
                return
            row = con.execute(
                "SELECT f.url, e.key FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id "
                "WHERE e.id = ?",
                (entry_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no entry with id {entry_id}")
            con.execute("DELETE FROM favourites WHERE feed_url = ? AND key = ?", tuple(row))

    @_op
    def favourites(self) -> list[Favourite]:
        """Every favourite, most recently favourited first."""
        rows = self._db.execute(
            "SELECT fv.*, (SELECT e.id FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id "
            "WHERE f.url = fv.feed_url AND e.key = fv.key) AS entry_id "
            "FROM favourites AS fv ORDER BY fv.favourited_at DESC, fv.rowid DESC"
        )
        return [
            Favourite(
                feed_title=r["feed_title"],
                feed_url=r["feed_url"],
                entry=_entry_from_row(r),
                favourited_at=_dt(r["favourited_at"]),
                entry_id=r["entry_id"],
            )
            for r in rows
        ]

    @_op
    def remove_favourite(self, feed_url: str, key: str) -> None:
        with self._write() as con:
            con.execute("DELETE FROM favourites WHERE feed_url = ? AND key = ?", (feed_url, key))

    # -- search -----------------------------------------------------------------------------

    @_op
    def search_hits(
        self, query: str, *, limit: int = 100, feed_id: int | None = None
    ) -> list[SearchHit]:
        """Entries whose title or text hold every term of `query`, best match first."""
        match = fts_query(query)
        if match is None:
            return []
        sql = (
            "SELECT" + _ENTRY_COLS + ", e.blocks, "
            "snippet(entries_fts, -1, :open, :close, '…', 12) AS snip, "
            "bm25(entries_fts, 4.0, 1.0) AS score "
            "FROM entries_fts JOIN entries AS e ON e.id = entries_fts.rowid "
            "JOIN feeds AS f ON f.id = e.feed_id "
            "WHERE entries_fts MATCH :match"
            + (" AND e.feed_id = :feed_id" if feed_id is not None else "")
            + " ORDER BY score, e.published DESC LIMIT :limit"
        )
        params = {
            "open": SNIPPET_OPEN,
            "close": SNIPPET_CLOSE,
            "match": match,
            "feed_id": feed_id,
            "limit": limit,
        }
        return [
            SearchHit(entry=_stored_from_row(r), snippet=r["snip"] or "", score=r["score"])
            for r in self._db.execute(sql, params)
        ]

    def search(
        self, query: str, *, limit: int = 100, feed_id: int | None = None
    ) -> list[StoredEntry]:
        return [hit.entry for hit in self.search_hits(query, limit=limit, feed_id=feed_id)]

    # -- internals --------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._con is None:
            raise StoreError(f"database is closed: {self.path}")
        return self._con

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        con = self._db
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    @staticmethod
    def _index_new_entries(con: sqlite3.Connection, *, after_id: int) -> None:
        """Add entries inserted since `after_id` to the search index (rowids only grow)."""
        con.execute(
            "INSERT INTO entries_fts (rowid, title, text) "
            "SELECT id, title, text FROM entries WHERE id > ?",
            (after_id,),
        )

    def _feed_by_id(self, feed_id: int) -> Feed:
        row = self._db.execute(_FEEDS_SQL + " WHERE f.id = ?", (feed_id,)).fetchone()
        if row is None:
            raise StoreError(f"no feed matches '{feed_id}'")
        return _feed_from_row(row)

    @staticmethod
    def _require_feed(con: sqlite3.Connection, feed_id: int) -> str:
        row = con.execute("SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        if row is None:
            raise StoreError(f"no feed matches '{feed_id}'")
        return str(row[0])

    @staticmethod
    def _entry_query(
        columns: str,
        feed_id: int | None,
        unread_only: bool,
        key_events_only: bool,
        limit: int | None,
        offset: int,
    ) -> tuple[str, list[Any]]:
        where, params = [], []
        if feed_id is not None:
            where.append("e.feed_id = ?")
            params.append(feed_id)
        if unread_only:
            where.append("e.is_read = 0")
        if key_events_only:
            where.append("e.key_event = 1")
        sql = "SELECT" + columns + _ENTRY_FROM
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += _ENTRY_ORDER + " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return sql, params

    def _corrupt(self) -> StoreError:
        return StoreError(f"database file is corrupt or not a liveread database: {self.path}")

    def _translate(self, exc: sqlite3.Error) -> StoreError | None:
        """A one-line StoreError for failures the user can cause, None for programming
        errors (which should surface as they are)."""
        code = getattr(exc, "sqlite_errorcode", -1) & 0xFF
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return self._corrupt()
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return StoreError(f"database is locked by another process: {self.path}")
        if code == _SQLITE_READONLY:
            return StoreError(f"database is read-only: {self.path}")
        if code == _SQLITE_FULL:
            return StoreError(f"disk full writing {self.path}")
        if code == _SQLITE_CANTOPEN:
            return StoreError(f"cannot open database file: {self.path}")
        if code == _SQLITE_IOERR:
            return StoreError(f"disk error reading or writing {self.path}: {exc}")
        return None

    def _check_identity(self, con: sqlite3.Connection) -> None:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = con.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if (
            app_id not in (0, APPLICATION_ID)
            or (version == 0 and tables)
            or (version > 0 and app_id != APPLICATION_ID)
        ):
            raise self._corrupt()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {version} is newer than this liveread supports "
                f"({SCHEMA_VERSION}); upgrade liveread: {self.path}"
            )

    @staticmethod
    def _migrate(con: sqlite3.Connection) -> None:
        if con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        con.execute("BEGIN IMMEDIATE")
        try:
            # Read again inside the write lock: another process may have just migrated.
            version = con.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                MIGRATIONS[number](con)
                con.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
