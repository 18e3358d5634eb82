"""Databases of an earlier schema version, for tests that a migration brings them up to date."""

from __future__ import annotations

import sqlite3

from liveread.store import MIGRATIONS


def at_version(con: sqlite3.Connection, version: int) -> None:
    """Build the schema of `version` on `con` (an empty database): the migrations up to it,
    and the version recorded as liveread records it."""
    for migrate in MIGRATIONS[:version]:
        migrate(con)
    con.execute(f"PRAGMA user_version = {version}")
