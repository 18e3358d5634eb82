"""The database file: its DDL, the migrations that bring an older file up to date, and
opening one (connection settings, the check that it is ours, migrating it).

The schema version lives in `PRAGMA user_version`, and `APPLICATION_ID` in the SQLite header
marks the file as liveread's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from liveread.store.errors import StoreError, not_a_database, not_liveread, user_error

APPLICATION_ID = 0x4C52_4431  # "LRD1" in the SQLite header marks a liveread database


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
        # four times slower, so `search.index_new_entries` indexes each batch in one statement.
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


def _migrate_v2(con: sqlite3.Connection) -> None:
    # The parser version that last stored a feed's entries (`liveread.parse.PARSER_VERSION`);
    # NULL for feeds stored before versions were recorded.
    con.execute("ALTER TABLE feeds ADD COLUMN parser_version INTEGER")


def _migrate_v3(con: sqlite3.Connection) -> None:
    # The address a feed is known by: the page's rel=canonical once fetched, else its own
    # address, fragment dropped. Following a blog again under another address finds it here.
    con.execute("ALTER TABLE feeds ADD COLUMN canonical_url TEXT")
    con.execute(
        "UPDATE feeds SET canonical_url = CASE WHEN instr(url, '#') > 0 "
        "THEN substr(url, 1, instr(url, '#') - 1) ELSE url END"
    )
    con.execute("CREATE INDEX feeds_canonical ON feeds (canonical_url)")


def _migrate_v4(con: sqlite3.Connection) -> None:
    # A post's stamp where it has no time of day (a minute of play, "95'"), and its copy's.
    con.execute("ALTER TABLE entries ADD COLUMN label TEXT NOT NULL DEFAULT ''")
    con.execute("ALTER TABLE favourites ADD COLUMN label TEXT NOT NULL DEFAULT ''")


def _migrate_v5(con: sqlite3.Connection) -> None:
    # Which reader last stored a feed's entries, at which versions (`LiveBlog.version`, such
    # as "7/guardian-1"): it takes the place of the INTEGER parser_version, which is no longer
    # read (dropping a column needs SQLite 3.35). Feeds stored before have none: read again.
    con.execute("ALTER TABLE feeds ADD COLUMN reader_version TEXT")


def _migrate_v6(con: sqlite3.Connection) -> None:
    # When the reader last opened each feed (posts first seen after it are new since that
    # visit), and whether the feed is read oldest first, for catching up.
    con.execute("ALTER TABLE feeds ADD COLUMN visited_at TEXT")
    con.execute("ALTER TABLE feeds ADD COLUMN oldest_first INTEGER NOT NULL DEFAULT 0")


def _migrate_v7(con: sqlite3.Connection) -> None:
    # Each feed's unread and total posts, kept in the transaction that changes them, so
    # listing feeds reads no posts. Deletes and updates reach them through triggers; inserts
    # do not: a per-row insert trigger made a refresh's bulk insert 28 % slower, so the store
    # counts each batch in one statement (`sql.COUNT_NEW_ENTRIES`), as it indexes it for
    # search. Whatever inserts into entries must do the same. An update that leaves a post's
    # read state and feed as they were does nothing.
    statements = [
        "ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE feeds ADD COLUMN total_count INTEGER NOT NULL DEFAULT 0",
        """UPDATE feeds SET
            unread_count = (SELECT count(*) FROM entries AS e
                            WHERE e.feed_id = feeds.id AND e.is_read = 0),
            total_count = (SELECT count(*) FROM entries AS e WHERE e.feed_id = feeds.id)""",
        """CREATE TRIGGER entries_count_delete AFTER DELETE ON entries BEGIN
            UPDATE feeds SET total_count = total_count - 1,
                unread_count = unread_count - (old.is_read = 0)
            WHERE id = old.feed_id;
        END""",
        """CREATE TRIGGER entries_count_read AFTER UPDATE OF is_read ON entries
        WHEN new.feed_id IS old.feed_id AND (new.is_read = 0) IS NOT (old.is_read = 0) BEGIN
            UPDATE feeds SET unread_count = unread_count + (new.is_read = 0) - (old.is_read = 0)
            WHERE id = new.feed_id;
        END""",
        """CREATE TRIGGER entries_count_move AFTER UPDATE OF feed_id ON entries
        WHEN new.feed_id IS NOT old.feed_id BEGIN
            UPDATE feeds SET total_count = total_count - 1,
                unread_count = unread_count - (old.is_read = 0)
            WHERE id = old.feed_id;
            UPDATE feeds SET total_count = total_count + 1,
                unread_count = unread_count + (new.is_read = 0)
            WHERE id = new.feed_id;
        END""",
    ]
    for statement in statements:
        con.execute(statement)


def _migrate_v8(con: sqlite3.Connection) -> None:
    # A post's source digest (`liveread.parse.memory`): a refresh leaves a post whose digest
    # is unchanged as it is. And the token of the reading a feed's posts were last stored
    # from: posts a reading says are unchanged since that one need not be looked at at all.
    # Posts stored before have no digest: the first refresh compares their content.
    con.execute("ALTER TABLE entries ADD COLUMN source_digest TEXT")
    con.execute("ALTER TABLE feeds ADD COLUMN last_reading TEXT")


def _migrate_v9(con: sqlite3.Connection) -> None:
    # Each feed's polling schedule (`liveread.schedule`): when it is fetched next (NULL: as
    # soon as due by the base interval; with poll_reason 'ended', not until asked), why, the
    # interval its rhythm had, and the interval the user set for it (NULL: automatic).
    con.execute("ALTER TABLE feeds ADD COLUMN next_fetch_at TEXT")
    con.execute("ALTER TABLE feeds ADD COLUMN poll_reason TEXT")
    con.execute("ALTER TABLE feeds ADD COLUMN interval_seconds REAL")
    con.execute("ALTER TABLE feeds ADD COLUMN user_interval REAL")


def _migrate_v10(con: sqlite3.Connection) -> None:
    # Earlier versions of edited posts, kept when an edit replaces them (`sql.KEEP_VERSION`):
    # title, authors and blocks as the post stored them (blocks maybe deflated: BLOB affinity
    # keeps either form as it is), from when each was current until it was replaced. They go
    # with their post.
    con.execute(
        """CREATE TABLE entry_versions (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            authors TEXT NOT NULL,
            blocks BLOB NOT NULL,
            current_from TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        )"""
    )
    con.execute("CREATE INDEX entry_versions_entry ON entry_versions (entry_id, id)")


def _migrate_v11(con: sqlite3.Connection) -> None:
    # A feed's own alert level (`liveread.alerts.LEVELS`); NULL follows the config's.
    con.execute("ALTER TABLE feeds ADD COLUMN alerts TEXT CHECK (alerts IN ('all', 'key', 'none'))")


def _migrate_v12(con: sqlite3.Connection) -> None:
    # Each feed's posts by when they were first seen: pruning by age (`keep_days`) finds a
    # feed's old posts, or that it has none, without reading the rest. And the keys of the
    # posts pruned, so that a refresh whose page still shows one does not store it again
    # as new (a key each: a few dozen bytes for a post of kilobytes).
    con.execute("CREATE INDEX entries_feed_seen ON entries (feed_id, first_seen_at)")
    con.execute(
        """CREATE TABLE pruned (
            feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            PRIMARY KEY (feed_id, key)
        ) WITHOUT ROWID"""
    )


def _migrate_v13(con: sqlite3.Connection) -> None:
    # The articles link posts point to, as read in place: kept by address so that opening
    # one again, or offline, needs no network; the oldest go first (`Store.save_article`).
    con.execute(
        """CREATE TABLE articles (
            url TEXT PRIMARY KEY,
            fetched_at TEXT NOT NULL,
            data TEXT NOT NULL
        )"""
    )
    con.execute("CREATE INDEX articles_fetched ON articles (fetched_at)")


def _migrate_v14(con: sqlite3.Connection) -> None:
    # Sources (feeds that announce live blogs) and the blogs they found: a feed's kind, the
    # source a blog was found by (kept when the source goes, the link only cleared), and
    # the item addresses each source has looked at, so that each is looked at once.
    con.execute("ALTER TABLE feeds ADD COLUMN kind TEXT NOT NULL DEFAULT 'blog'")
    con.execute(
        "ALTER TABLE feeds ADD COLUMN source_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL"
    )
    con.execute("CREATE INDEX feeds_source ON feeds (source_id)")
    con.execute(
        """CREATE TABLE source_items (
            source_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            PRIMARY KEY (source_id, url)
        ) WITHOUT ROWID"""
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migrate_v1,
    _migrate_v2,
    _migrate_v3,
    _migrate_v4,
    _migrate_v5,
    _migrate_v6,
    _migrate_v7,
    _migrate_v8,
    _migrate_v9,
    _migrate_v10,
    _migrate_v11,
    _migrate_v12,
    _migrate_v13,
    _migrate_v14,
]
"""MIGRATIONS[n] takes a database from schema version n to n + 1. Append; never edit."""
SCHEMA_VERSION = len(MIGRATIONS)


def open_database(
    path: Path, *, busy_timeout: float = 5.0, read_only: bool = False
) -> sqlite3.Connection:
    """A connection to the liveread database at `path`, created or migrated as needed: in
    autocommit mode (transactions are explicit), WAL, foreign keys on, rows as sqlite3.Row.
    `busy_timeout` is how many seconds to wait for another writer before failing as locked.
    `read_only` opens an existing file that SQLite itself refuses to write to."""
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {path.parent}: {exc.strerror}") from None
    target = f"{path.absolute().as_uri()}?mode=ro" if read_only else str(path)
    try:
        con = sqlite3.connect(
            target,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
            uri=read_only,
        )
    except sqlite3.Error as exc:
        raise (user_error(exc, path) or StoreError(f"cannot open {path}")) from None
    try:
        con.row_factory = sqlite3.Row
        con.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        con.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL cannot corrupt the database; a power cut may only lose the
        # last few commits.
        con.execute("PRAGMA synchronous = NORMAL")
        check_identity(con, path)
        if not read_only:
            con.execute("PRAGMA journal_mode = WAL")
        _migrate(con)
    except sqlite3.Error as exc:
        con.close()
        if not_a_database(exc):
            raise not_liveread(path) from None
        error = user_error(exc, path)
        if error is None:  # not the file's fault: a bug, shown as it is
            raise
        raise error from None
    except BaseException:
        con.close()
        raise
    return con


def recount_posts(con: sqlite3.Connection) -> None:
    """Set each feed's unread and total counts from its posts: for a database filled by
    copying rows whole (`doctor.salvage`), whose counts the triggers did not keep."""
    con.execute(
        """UPDATE feeds SET
            unread_count = (SELECT count(*) FROM entries AS e
                            WHERE e.feed_id = feeds.id AND e.is_read = 0),
            total_count = (SELECT count(*) FROM entries AS e WHERE e.feed_id = feeds.id)"""
    )


def check_identity(con: sqlite3.Connection, path: Path) -> None:
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
        raise not_liveread(path)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {version} is newer than this liveread supports "
            f"({SCHEMA_VERSION}); upgrade liveread: {path}"
        )


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
