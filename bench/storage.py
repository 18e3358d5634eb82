"""Bytes per stored post of a liveread database, in all and split by what holds them.

    uv run python bench/storage.py PATH

The file is checkpointed first (on a copy), so the size counts every committed post. The split
comes from SQLite's `dbstat` table (pages used by each table and index, the FTS index's
tables summed as one) and, inside the entries table, from the length of each column's values.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path

ENTRY_COLUMNS = ("blocks", "text", "title", "authors", "url", "key", "content_hash")


def checkpointed_copy(path: Path, folder: Path) -> Path:
    copy = folder / path.name
    shutil.copyfile(path, copy)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    con = sqlite3.connect(copy)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return copy


def storage_report(path: Path) -> dict[str, float]:
    """Bytes per post: "file" (the whole checkpointed file), and per part: "table:<name>" and
    "index:<name>" (the pages each uses; the FTS tables summed as "table:search index") and
    "column:<name>" (the values of that column of entries)."""
    with tempfile.TemporaryDirectory(prefix="liveread-storage-") as folder:
        copy = checkpointed_copy(path, Path(folder))
        con = sqlite3.connect(copy)
        try:
            posts = con.execute("SELECT count(*) FROM entries").fetchone()[0] or 1
            report: dict[str, float] = {"posts": posts, "file": copy.stat().st_size / posts}
            parts: Counter[str] = Counter()
            try:
                pages = con.execute(
                    "SELECT d.name, m.type, sum(d.pgsize) FROM dbstat AS d "
                    "LEFT JOIN sqlite_master AS m ON m.name = d.name GROUP BY d.name"
                ).fetchall()
            except sqlite3.OperationalError:  # SQLite built without dbstat
                pages = []
            for name, kind, size in pages:
                if name.startswith("entries_fts"):
                    parts["table:search index"] += size
                else:
                    parts[f"{'index' if kind == 'index' else 'table'}:{name}"] += size
            sums = ", ".join(f"sum(length(CAST({c} AS BLOB)))" for c in ENTRY_COLUMNS)
            lengths = con.execute(f"SELECT {sums} FROM entries").fetchone()
            for column, size in zip(ENTRY_COLUMNS, lengths, strict=True):
                parts[f"column:{column}"] += size or 0
            report.update({name: size / posts for name, size in parts.items()})
            return report
        finally:
            con.close()


def main() -> int:
    report = storage_report(Path(sys.argv[1]))
    print(f"{report.pop('posts'):,.0f} posts")
    for name, value in sorted(report.items(), key=lambda item: -item[1]):
        print(f"  {name:28} {value:8.0f} B/post")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
