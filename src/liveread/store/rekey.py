"""Posts a new version of a reader names by other keys keep their rows.

A reader that changes may key a feed's posts differently: a post once keyed by a hash of its
time and title may now be keyed by the id its page gives it. Stored as they come, such posts
would show twice, once unread. So on the first store after a reader changed, each stored post
whose key the new reading no longer has is matched to an arriving post with a key not stored:
by content, else by time and title, else by time and opening words. A match takes the new key,
and keeps its read state and its favourite.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

OPENING = 80
"""How many characters of a post's text are compared when neither content nor title is."""

_Prepared = dict[str, tuple[str, dict[str, Any]]]


def carry_keys_over(
    con: sqlite3.Connection, feed_id: int, feed_url: str, prepared: _Prepared, known: dict[str, str]
) -> None:
    """Re-key the stored posts of `feed_id` that `prepared` (key -> (content hash, row
    parameters)) names by new keys; `known` (stored key -> content hash) is updated to match."""
    gone = [key for key in known if key not in prepared]
    arriving = [key for key in prepared if key not in known]
    if not gone or not arriving:
        return
    stored = con.execute(
        "SELECT key, content_hash, published, title, substr(text, 1, ?) FROM entries"
        " WHERE feed_id = ? AND key IN (SELECT value FROM json_each(?))",
        (OPENING, feed_id, json.dumps(gone)),
    ).fetchall()
    for new_key in arriving:
        digest, params = prepared[new_key]
        match = _match(stored, digest, params)
        if match is None:
            continue
        stored.remove(match)
        old_key = match[0]
        con.execute(
            "UPDATE entries SET key = ? WHERE feed_id = ? AND key = ?", (new_key, feed_id, old_key)
        )
        con.execute(
            "UPDATE favourites SET key = ? WHERE feed_url = ? AND key = ?",
            (new_key, feed_url, old_key),
        )
        known[new_key] = known.pop(old_key)


def _match(stored: list[Any], digest: str, params: dict[str, Any]) -> Any | None:
    """The stored row (key, hash, published, title, opening) that is the arriving post: the
    same content, else the same time with the same title, else with the same opening words."""
    for row in stored:
        if row[1] == digest:
            return row
    published = params.get("published")
    if published is None:
        return None
    same_time = [row for row in stored if row[2] == published]
    title = params.get("title") or ""
    opening = (params.get("text") or "")[:OPENING]
    for row in same_time:
        if title and row[3] == title:
            return row
    for row in same_time:
        if opening and row[4] == opening:
            return row
    return None
