"""The damage marker: a file beside the database (`liveread.db.damaged`) left by a process
that found the database damaged, so the next one to open it checks it before writing to it.

Only a marked file gets checked on opening: an integrity check of a big healthy database on
every start would cost seconds.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from liveread.store.errors import Fault, fault_of


def marker(path: Path) -> Path:
    return path.with_name(path.name + ".damaged")


def is_marked(path: Path) -> bool:
    return marker(path).exists()


def mark(path: Path, reason: str) -> None:
    """Leave the marker, if the folder can be written to (a read-only one cannot)."""
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with contextlib.suppress(OSError):
        marker(path).write_text(f"{when} {reason}\n", encoding="utf-8")


def unmark(path: Path) -> None:
    with contextlib.suppress(OSError):
        marker(path).unlink(missing_ok=True)


def passes_quick_check(con: sqlite3.Connection) -> bool:
    """Whether `PRAGMA quick_check` finds the database sound. Failures that are not damage
    (a lock, say) propagate."""
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        if fault_of(exc) is Fault.DAMAGED:
            return False
        raise
    return [tuple(row) for row in rows] == [("ok",)]
