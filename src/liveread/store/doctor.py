"""`liveread doctor`: check a database, and salvage what can still be read from a damaged one
into a fresh database that takes its place. The damaged file is moved aside, never deleted.

Salvage reads each table by rowid range, halving a range that fails down to single rows and
skipping those that cannot be read, and keeps only rows that decode as liveread's. The fresh
database gets its search index rebuilt, and each feed's counts taken afresh, from the posts
kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from liveread.store import damage
from liveread.store.errors import Fault, StoreError, fault_of, not_a_database, user_error
from liveread.store.rows import entry_from_row, from_iso
from liveread.store.schema import check_identity, open_database, recount_posts

MAX_PROBLEMS = 20
"""How many of integrity_check's findings to report."""
CHUNK = 1_000
"""Rows read per range; a failing range is halved until single rows fail alone."""
SIDE_FILES = ("", "-wal", "-shm")
"""The database file and the journal files that belong to it."""


@dataclass(frozen=True, slots=True)
class Kept:
    """Rows of one table kept, and how many there were (None when not even that can be
    read)."""

    kept: int
    total: int | None

    def __str__(self) -> str:
        if self.total is None or self.total == self.kept:
            return f"{self.kept:,}"
        return f"{self.kept:,} of {self.total:,}"


@dataclass(frozen=True, slots=True)
class Salvage:
    feeds: Kept
    favourites: Kept
    posts: Kept
    damaged_file: Path
    """Where the damaged database now is."""

    def __str__(self) -> str:
        return (
            f"kept {self.feeds} feeds, {self.favourites} favourites, {self.posts} posts;"
            f" the damaged file is at {self.damaged_file}"
        )


def check(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong with the database at `path` (at most
    MAX_PROBLEMS findings); an empty list when it is sound. A sound file that is not
    liveread's (or is newer than this liveread) raises StoreError: it is not for doctor."""
    # A connection that may write (it writes nothing here): when it closes, SQLite tidies
    # the -wal and -shm files away as after any liveread run, and a healthy file is left as
    # it was found.
    with closing(_open(path)) as con:
        try:
            found = [row[0] for row in con.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
            if found == ["ok"]:
                check_identity(con, path)
                return []
        except sqlite3.Error as exc:
            if not_a_database(exc):
                return ["the file is not a SQLite database"]
            if fault_of(exc) is Fault.DAMAGED:
                return [str(exc)]
            raise (user_error(exc, path) or exc) from None
        return found


def salvage(path: Path, *, now: datetime) -> Salvage:
    """Copy what can be read of the damaged database at `path` into a fresh one, move the
    damaged file (with its -wal and -shm) aside to `<name>.damaged-YYYYmmdd-HHMMSS` and put
    the fresh one in its place."""
    fresh = path.with_name(path.name + ".salvage")
    _remove_with_side_files(fresh)  # a leftover from an interrupted run
    with closing(_open(path, read_only=True)) as old, closing(open_database(fresh)) as new:
        new.execute("BEGIN IMMEDIATE")
        feeds = _copy(old, new, "feeds", _feed_is_whole)
        feed_ids = {row[0] for row in new.execute("SELECT id FROM feeds")}
        favourites = _copy(old, new, "favourites", _favourite_is_whole)
        posts = _copy(old, new, "entries", lambda row: _post_is_whole(row, feed_ids))
        # What liveread keeps beside the posts: the versions edits replaced, the articles
        # link posts were read as, and (tables without rowids: read whole or not at all)
        # the keys of pruned posts and the items each source has looked at.
        entry_ids = {row[0] for row in new.execute("SELECT id FROM entries")}
        _copy(old, new, "entry_versions", lambda row: row["entry_id"] in entry_ids)
        _copy(old, new, "articles", lambda row: True)
        _copy_whole(old, new, "pruned", lambda row: row["feed_id"] in feed_ids)
        _copy_whole(old, new, "source_items", lambda row: row["source_id"] in feed_ids)
        # The counts copied with the feeds are the damaged file's, and the posts' inserts
        # added to them: count afresh what was kept.
        recount_posts(new)
        new.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
        new.execute("COMMIT")
        problems = new.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in problems] != [("ok",)]:  # a bug, not the old file's fault
            raise StoreError(f"the salvaged database failed its check: {fresh}")
    aside = _aside_name(path, now)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{aside}{suffix}")
    fresh.rename(path)
    _remove_with_side_files(fresh)
    damage.unmark(path)
    return Salvage(feeds, favourites, posts, aside)


# Reading the damaged file


def _open(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    target = f"{path.absolute().as_uri()}?mode={'ro' if read_only else 'rw'}"
    try:
        con = sqlite3.connect(target, uri=True)
    except sqlite3.Error as exc:
        raise (user_error(exc, path) or StoreError(f"cannot open {path}")) from None
    con.row_factory = sqlite3.Row
    return con


def _copy(
    old: sqlite3.Connection,
    new: sqlite3.Connection,
    table: str,
    is_whole: Callable[[sqlite3.Row], bool],
) -> Kept:
    """Copy the readable, whole rows of `table` (rowids kept, columns both files have)."""
    columns = [c for c in _columns(old, table) if c in _columns(new, table)]
    if not columns:
        return Kept(0, _count(old, table))
    if "id" not in columns:  # no column names the rowid: copy it as itself
        columns.insert(0, "rowid")
    names = ", ".join(columns)
    insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    kept = 0
    for row in _readable_rows(old, f"SELECT {names} FROM {table}", _rowid_span(old, table)):
        if not is_whole(row):
            continue
        with suppress(sqlite3.IntegrityError):  # a constraint the damage broke
            kept += new.execute(insert, tuple(row)).rowcount
    return Kept(kept, _count(old, table))


def _copy_whole(
    old: sqlite3.Connection,
    new: sqlite3.Connection,
    table: str,
    is_whole: Callable[[sqlite3.Row], bool],
) -> None:
    """Copy the whole rows of a table without rowids (no ranges to read it by): all of it
    that is whole, or nothing when it cannot be read at all."""
    columns = [c for c in _columns(old, table) if c in _columns(new, table)]
    if not columns:
        return
    names = ", ".join(columns)
    try:
        rows = old.execute(f"SELECT {names} FROM {table}").fetchall()
    except sqlite3.Error:
        return
    insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    for row in rows:
        if is_whole(row):
            with suppress(sqlite3.IntegrityError):  # a constraint the damage broke
                new.execute(insert, tuple(row))


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return []


def _indexes(con: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in con.execute(f"PRAGMA index_list({table})")]
    except sqlite3.Error:
        return []


def _rowid_span(con: sqlite3.Connection, table: str) -> tuple[int, int]:
    """The lowest and highest rowid in `table`, from the table or, when its own pages fail,
    from any of its indexes (which hold every rowid); (1, 0) when none can be read."""
    sources = [table] + [f"{table} INDEXED BY {index}" for index in _indexes(con, table)]
    lows, highs = [], []
    for source in sources:
        try:
            low, high = con.execute(f"SELECT min(rowid), max(rowid) FROM {source}").fetchone()
        except sqlite3.Error:
            continue
        if low is not None:
            lows.append(low)
            highs.append(high)
    return (min(lows), max(highs)) if lows else (1, 0)


def _count(con: sqlite3.Connection, table: str) -> int | None:
    sources = [table] + [f"{table} INDEXED BY {index}" for index in _indexes(con, table)]
    for source in sources:
        try:
            return int(con.execute(f"SELECT count(*) FROM {source}").fetchone()[0])
        except sqlite3.Error:
            continue
    return None


def _readable_rows(
    con: sqlite3.Connection, select: str, span: tuple[int, int]
) -> Iterator[sqlite3.Row]:
    """The rows of `select` with rowids in `span` that can be read, range by range."""
    low, high = span
    pending = [(start, min(start + CHUNK - 1, high)) for start in range(low, high + 1, CHUNK)]
    pending.reverse()
    while pending:
        first, last = pending.pop()
        try:
            rows = con.execute(f"{select} WHERE rowid BETWEEN ? AND ?", (first, last)).fetchall()
        except sqlite3.Error:
            if first < last:  # read the halves on their own, the lower first
                middle = (first + last) // 2
                pending += [(middle + 1, last), (first, middle)]
            continue
        yield from rows


# What counts as a whole row: one the app can show without failing


def _feed_is_whole(row: sqlite3.Row) -> bool:
    try:
        from_iso(row["added_at"])
    except (TypeError, ValueError):
        return False
    return isinstance(row["url"], str) and bool(row["url"])


def _favourite_is_whole(row: sqlite3.Row) -> bool:
    try:
        entry_from_row(row)
        from_iso(row["favourited_at"])
    except Exception:  # damage can leave any value anywhere: whatever fails to decode goes
        return False
    return isinstance(row["feed_url"], str)


def _post_is_whole(row: sqlite3.Row, feed_ids: set[int]) -> bool:
    if row["feed_id"] not in feed_ids:
        return False
    try:
        entry_from_row(row)
        from_iso(row["first_seen_at"])
    except Exception:  # damage can leave any value anywhere: whatever fails to decode goes
        return False
    return True


# Files


def _aside_name(path: Path, now: datetime) -> Path:
    stem = f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}"
    aside, number = path.with_name(stem), 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in SIDE_FILES):
        number += 1
        aside = path.with_name(f"{stem}-{number}")
    return aside


def _remove_with_side_files(path: Path) -> None:
    for suffix in SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
