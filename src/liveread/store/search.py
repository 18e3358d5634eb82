"""Full-text search over entries: user text as a safe FTS5 query, keeping the index up to
date on insert, and the ranked query with highlighted snippets."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from liveread.store.sql import ENTRY_COLS

SNIPPET_OPEN = "\x02"
"""Marks the start of a matched term in `SearchHit.snippet` (page text never holds C0 codes)."""
SNIPPET_CLOSE = "\x03"

_TERM = re.compile(r'"([^"]*)"|(\S+)')

_SEARCH = (
    "SELECT" + ENTRY_COLS + ", e.blocks, "
    "snippet(entries_fts, -1, :open, :close, '…', 12) AS snip, "
    "bm25(entries_fts, 4.0, 1.0) AS score "
    "FROM entries_fts JOIN entries AS e ON e.id = entries_fts.rowid "
    "JOIN feeds AS f ON f.id = e.feed_id "
    "WHERE entries_fts MATCH :match"
)
_SEARCH_ORDER = " ORDER BY score, e.published DESC LIMIT :limit"


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


def search_statement(
    query: str, *, limit: int, feed_id: int | None
) -> tuple[str, dict[str, Any]] | None:
    """The SQL and parameters finding entries whose title or text hold every term of `query`,
    best match first, with `snip` and `score` columns; None when nothing is searchable."""
    match = fts_query(query)
    if match is None:
        return None
    sql = _SEARCH + (" AND e.feed_id = :feed_id" if feed_id is not None else "") + _SEARCH_ORDER
    params = {
        "open": SNIPPET_OPEN,
        "close": SNIPPET_CLOSE,
        "match": match,
        "feed_id": feed_id,
        "limit": limit,
    }
    return sql, params


def index_new_entries(con: sqlite3.Connection, *, after_id: int) -> None:
    """Add entries inserted since `after_id` to the search index (rowids only grow)."""
    con.execute(
        "INSERT INTO entries_fts (rowid, title, text) "
        "SELECT id, title, text FROM entries WHERE id > ?",
        (after_id,),
    )
