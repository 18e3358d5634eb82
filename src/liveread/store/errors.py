"""`StoreError` and its kinds, and which sqlite3 failures become one: those a user can cause
(a damaged file, a locked or read-only database, a full disk), each as one line that names the
file and says what to do."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app catches these errors before it loads sqlite3
    import sqlite3
    from pathlib import Path

# sqlite3 primary result codes (Python 3.11+ exposes them on the exception).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """A failure worth showing to the user as one line."""


class NotFound(StoreError):
    """The feed or entry asked for is not stored (any more)."""


class Fault(StrEnum):
    """What is wrong with the database file, as far as liveread can tell."""

    READ_ONLY = "read-only"
    FULL = "full"
    LOCKED = "locked"
    DAMAGED = "damaged"
    UNAVAILABLE = "unavailable"


_FAULTS = {
    _SQLITE_CORRUPT: Fault.DAMAGED,
    _SQLITE_NOTADB: Fault.DAMAGED,
    _SQLITE_BUSY: Fault.LOCKED,
    _SQLITE_LOCKED: Fault.LOCKED,
    _SQLITE_READONLY: Fault.READ_ONLY,
    _SQLITE_FULL: Fault.FULL,
    _SQLITE_CANTOPEN: Fault.UNAVAILABLE,
    _SQLITE_IOERR: Fault.UNAVAILABLE,
}


class StoreFault(StoreError):
    """The database file cannot be used as asked: the fault is the file's or the disk's,
    not the request's. `fault` says which."""

    def __init__(self, fault: Fault, message: str) -> None:
        super().__init__(message)
        self.fault = fault


def not_liveread(path: Path) -> StoreError:
    return StoreError(
        f"database file is corrupt or not a liveread database: {path}"
        " (left as it is: move it elsewhere and liveread starts a new one)"
    )


def damaged_fault(path: Path) -> StoreFault:
    return StoreFault(
        Fault.DAMAGED,
        f"database is damaged: {path} (nothing more is written to it:"
        " run liveread doctor to save what can be saved)",
    )


_MESSAGES = {
    Fault.LOCKED: "database is locked: another liveread or another program is writing to {path}"
    " (close it, then try again)",
    Fault.READ_ONLY: "database is read-only: {path}"
    " (check the permissions of the file and its folder)",
    Fault.FULL: "disk full writing {path} (free some space, then try again)",
}


def fault_of(exc: sqlite3.Error) -> Fault | None:
    """The user-caused fault behind a sqlite3 error; None for anything else (a bug)."""
    return _FAULTS.get(_code(exc))


def user_error(exc: sqlite3.Error, path: Path) -> StoreFault | None:
    """A one-line StoreFault for failures the user can cause, None for programming errors
    (which should surface as they are)."""
    fault = fault_of(exc)
    if fault is None:
        return None
    if fault is Fault.DAMAGED:
        return damaged_fault(path)
    if fault in _MESSAGES:
        return StoreFault(fault, _MESSAGES[fault].format(path=path))
    if _code(exc) == _SQLITE_CANTOPEN:
        return StoreFault(fault, f"cannot open database file: {path}")
    return StoreFault(fault, f"disk error reading or writing {path}: {exc}")


def not_a_database(exc: sqlite3.Error) -> bool:
    """Whether SQLite found no database at all in the file (rather than a damaged one)."""
    return _code(exc) == _SQLITE_NOTADB


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", -1)) & 0xFF
