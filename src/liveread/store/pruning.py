"""Which of a feed's posts a `PruneRule` lets go, and deleting them a batch at a time.

Finding them reads indexes only as far as there is something to find: posts by age through
`entries_feed_seen` (feed, first seen), posts beyond the newest N only when the feed's kept
count says it holds more than N. Favourites' live posts, pinned posts and the posts a
refresh has just read on the page (`spare`) are never chosen. The keys of the posts deleted
are kept (table `pruned`), so a page that still shows one does not bring it back as new.

Deleting goes through the triggers that keep the feed's counts and the search index (schema
v1 and v7), so both stay right. The file keeps its size; `VACUUM` gives the space back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta

from liveread.store import sql
from liveread.store.records import PruneRule
from liveread.store.rows import to_iso

BATCH = 500
"""Posts deleted per write transaction: other writers (the app's read marks) wait no longer."""

# Whether post `e` stays whatever the rule says (`:url` is its feed's address).
_SPARED = """(e.pinned = 1
    OR e.key IN (SELECT value FROM json_each(:spare))
    OR EXISTS (SELECT 1 FROM favourites AS fv WHERE fv.feed_url = :url AND fv.key = e.key))"""

_OLD = f"""
    SELECT e.id FROM entries AS e INDEXED BY entries_feed_seen
    WHERE e.feed_id = :feed AND e.first_seen_at < :cutoff AND NOT {_SPARED}
"""

# The feed's posts beyond its newest `:keep` (the order it lists them in), those going by
# age left out first so that they do not count among the kept ones.
_BEYOND = f"""
    SELECT id FROM (
        SELECT e.id, e.key, e.pinned FROM entries AS e
        WHERE e.feed_id = :feed AND e.id NOT IN (SELECT value FROM json_each(:aged))
        {sql.ENTRY_ORDER} LIMIT -1 OFFSET :keep
    ) AS e WHERE NOT {_SPARED}
"""

# Checked again as each batch is deleted: a post made a favourite since it was chosen stays.
_GOING = """id IN (SELECT value FROM json_each(:ids)) AND NOT EXISTS (
        SELECT 1 FROM favourites AS fv WHERE fv.feed_url = :url AND fv.key = entries.key)"""
_REMEMBER = (
    f"INSERT OR IGNORE INTO pruned (feed_id, key) SELECT feed_id, key FROM entries WHERE {_GOING}"
)
_DELETE = f"DELETE FROM entries WHERE {_GOING}"

_PRUNED_KEYS = """
    SELECT key FROM pruned WHERE feed_id = ? AND key IN (SELECT value FROM json_each(?))
"""


def choose(
    con: sqlite3.Connection,
    feed_id: int,
    rule: PruneRule,
    *,
    now: datetime,
    spare: Iterable[str] = (),
) -> tuple[list[int], list[int]]:
    """The ids of the feed's posts `rule` lets go: (by age, by count)."""
    row = con.execute("SELECT url, total_count FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    if row is None:
        return [], []
    url, total = row
    params = {"feed": feed_id, "url": url, "spare": json.dumps(list(spare))}
    aged: list[int] = []
    if rule.keep_days is not None:
        cutoff = to_iso(now - timedelta(days=rule.keep_days))
        aged = [i for (i,) in con.execute(_OLD, {**params, "cutoff": cutoff})]
    beyond: list[int] = []
    if rule.max_posts is not None and total - len(aged) > rule.max_posts:
        query = {**params, "aged": json.dumps(aged), "keep": rule.max_posts}
        beyond = [i for (i,) in con.execute(_BEYOND, query)]
    return aged, beyond


def delete(con: sqlite3.Connection, url: str, ids: Sequence[int]) -> int:
    """Delete one batch of posts of the feed at `url` (inside the caller's write transaction)
    but those made favourites meanwhile, remembering their keys; returns how many went."""
    params = {"ids": json.dumps(list(ids)), "url": url}
    con.execute(_REMEMBER, params)
    return con.execute(_DELETE, params).rowcount


def pruned_keys(con: sqlite3.Connection, feed_id: int, keys: Iterable[str]) -> set[str]:
    """Which of `keys` name posts pruned from the feed: a refresh does not store them again."""
    return {key for (key,) in con.execute(_PRUNED_KEYS, (feed_id, json.dumps(list(keys))))}


def batches(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]
