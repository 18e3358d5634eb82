"""Full-text search over entries: user text as a safe FTS5 query, keeping the index up to
date on insert, and the ranked, paged query with highlighted snippets.

Ranking every match before the first page appears costs as much as there are matches, so
matches are ranked a window at a time: the newest `WINDOW` matches (by rowid, the order posts
were stored in, which FTS5 walks without scoring anything), then the `WINDOW` before them, and
so on. A page is read from the window its offset falls in, ranked within that window only, and
runs on into the next window when it ends.

A query with fewer matches than a window is ranked by bm25 over all of them, exactly as a
single ranked query would. A commoner one is ranked within each window by where it matches:
posts that hold a term in their title first, then the newest. bm25 would not do there: it
weighs each term by how many posts in the whole index hold it, which it counts afresh for
every query (a word in half a million posts costs it tens of milliseconds, and the cost grows
with the index), and for a word that common that weight says next to nothing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from liveread.store.sql import ENTRY_COLS

SNIPPET_OPEN = "\x02"
"""Marks the start of a matched term in `SearchHit.snippet` (page text never holds C0 codes)."""
SNIPPET_CLOSE = "\x03"

WINDOW = 2000
"""How many matches are ranked together, and how many a query may match to be ranked by bm25."""

_TERM = re.compile(r'"([^"]*)"|(\S+)')

# The rowids of one window of matches, newest first; `:feed` narrows them to one feed (NULL:
# every feed). FTS5 hands the rowids over in order without scoring them.
_WINDOW_BOUNDS = """
    SELECT min(id), max(id), count(*) FROM (
        SELECT entries_fts.rowid AS id FROM entries_fts
        WHERE entries_fts MATCH :match AND (:feed IS NULL OR :feed = (
            SELECT e.feed_id FROM entries AS e WHERE e.id = entries_fts.rowid))
        ORDER BY entries_fts.rowid DESC LIMIT :window OFFSET :skip
    )
"""

# One page of a window, best match first: the score is computed for the window's rows only
# (FTS5 takes the rowid range), and columns and snippets for the page's rows only (CROSS JOIN
# keeps the page the outer loop, so each row is found in the index by rowid).
_PAGE = (
    """
    WITH page AS (
        SELECT entries_fts.rowid AS id, {score} AS score, e.published AS published
        FROM entries_fts JOIN entries AS e ON e.id = entries_fts.rowid
        WHERE entries_fts MATCH :match AND entries_fts.rowid BETWEEN :low AND :high
            AND (:feed IS NULL OR e.feed_id = :feed)
        ORDER BY score, e.published DESC, e.id DESC LIMIT :limit OFFSET :offset
    )
    SELECT"""
    + ENTRY_COLS
    + """, e.blocks, snippet(entries_fts, -1, :open, :close, '…', 12) AS snip,
        page.score AS score
    FROM page CROSS JOIN entries_fts ON entries_fts.rowid = page.id
    CROSS JOIN entries AS e ON e.id = page.id
    JOIN feeds AS f ON f.id = e.feed_id
    WHERE entries_fts MATCH :match
    ORDER BY page.score, page.published DESC, page.id DESC
"""
)
_BM25_PAGE = _PAGE.format(score="bm25(entries_fts, 4.0, 1.0)")
"""A page of a query with fewer matches than a window: bm25, the title weighing most."""
_COMMON_PAGE = _PAGE.format(
    score="""-1.0 * (entries_fts.rowid IN (
        SELECT rowid FROM entries_fts
        WHERE entries_fts MATCH :in_title AND rowid BETWEEN :low AND :high))"""
)
"""A page of a commoner query: -1 for a match in the title, 0 for one in the text only."""


class _Window(NamedTuple):
    low: int
    high: int
    size: int


def fts_query(text: str) -> str | None:
    """User text as a safe FTS5 query: every term quoted, all terms required.

    `"several words"` stays a phrase and a trailing `*` a prefix; operators, stray quotes and
    punctuation are taken literally. None when nothing searchable is left.
    """
    return " ".join(_terms(text)) or None


def _terms(text: str) -> list[str]:
    """The FTS5 terms of user text (see `fts_query`)."""
    terms = []
    for match in _TERM.finditer(text):
        phrase, bare = match.groups()
        word = (phrase if phrase is not None else bare).replace('"', " ")
        prefix = bare is not None and word.endswith("*")
        word = word.rstrip("*").strip() if prefix else word.strip()
        if not any(ch.isalnum() for ch in word):
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return terms


def search_rows(
    con: sqlite3.Connection,
    query: str,
    *,
    limit: int,
    offset: int = 0,
    feed_id: int | None = None,
) -> list[sqlite3.Row]:
    """Entries whose title or text hold every term of `query`: the `limit` from `offset` on,
    in window order (see the module), each with `snip` and `score` columns. The pages of one
    query hold every match once, in an order that stays put while the entries do."""
    if offset < 0:
        raise ValueError(f"offset must be zero or more, not {offset}")
    terms = _terms(query)
    if not terms or limit <= 0:
        return []
    params: dict[str, Any] = {
        "match": " ".join(terms),
        "in_title": f"title : ({' OR '.join(terms)})",
        "feed": feed_id,
        "open": SNIPPET_OPEN,
        "close": SNIPPET_CLOSE,
        "window": WINDOW,
    }
    rows: list[sqlite3.Row] = []
    with _snapshot(con):
        while len(rows) < limit:
            number, within = divmod(offset + len(rows), WINDOW)
            window = _window(con, params, number)
            if window is None:
                break
            common = number > 0 or window.size == WINDOW
            rows += con.execute(
                _COMMON_PAGE if common else _BM25_PAGE,
                {**params, **window._asdict(), "limit": limit - len(rows), "offset": within},
            ).fetchall()
            if window.size < WINDOW:
                break  # the oldest matches: nothing after this window
    return rows


def _window(con: sqlite3.Connection, params: dict[str, Any], number: int) -> _Window | None:
    low, high, size = con.execute(_WINDOW_BOUNDS, {**params, "skip": number * WINDOW}).fetchone()
    return None if size == 0 else _Window(low, high, size)


@contextmanager
def _snapshot(con: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so a page's windows come from the same state of the database
    (in WAL mode a writer committing meanwhile does not change what it reads)."""
    con.execute("BEGIN")
    try:
        yield
    finally:
        if con.in_transaction:  # a failure may have ended it already
            con.execute("COMMIT")


def index_new_entries(con: sqlite3.Connection, *, after_id: int) -> None:
    """Add entries inserted since `after_id` to the search index (rowids only grow)."""
    con.execute(
        "INSERT INTO entries_fts (rowid, title, text) "
        "SELECT id, title, text FROM entries WHERE id > ?",
        (after_id,),
    )
