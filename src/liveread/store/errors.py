"""`StoreError`, and which sqlite3 failures become one: those a user can cause (a corrupt
file, a locked or read-only database, a full disk), each as one line naming the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# sqlite3 primary result codes (Python 3.11+ exposes them on the exception).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """A failure worth showing to the user as one line."""


def corrupt(path: Path) -> StoreError:
    return StoreError(
        f"database file is corrupt or not a liveread database: {path}"
        " (left as it is: move it elsewhere and liveread starts a new one)"
    )


def user_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """A one-line StoreError for failures the user can cause, None for programming
    errors (which should surface as they are)."""
    code = getattr(exc, "sqlite_errorcode", -1) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return corrupt(path)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StoreError(f"database is locked by another process: {path}")
    if code == _SQLITE_READONLY:
        return StoreError(f"database is read-only: {path}")
    if code == _SQLITE_FULL:
        return StoreError(f"disk full writing {path}")
    if code == _SQLITE_CANTOPEN:
        return StoreError(f"cannot open database file: {path}")
    if code == _SQLITE_IOERR:
        return StoreError(f"disk error reading or writing {path}: {exc}")
    return None
