"""The SQL text `Store` runs for feeds, entries and favourites (search has its own, in
`search`). Statements with named parameters take the dicts `rows.entry_params` builds."""

from __future__ import annotations

import json
from typing import Any

# The counts are the feed's own columns, kept by triggers on entries (schema v7).
FEEDS_SQL = """
    SELECT f.*, f.unread_count AS unread, f.total_count AS total,
        (SELECT s.title FROM feeds AS s WHERE s.id = f.source_id) AS source_title,
        (SELECT count(*) FROM feeds AS b WHERE b.source_id = f.id) AS blogs_found
    FROM feeds AS f
"""
FEEDS_ORDER = " ORDER BY f.position, f.added_at, f.id"

# What a successful fetch records about its feed; a NULL title or live state leaves the old one,
# validators are replaced only when the fetch gave some (`validated`), the schedule only when
# one is given (`scheduled`).
RECORD_REFRESH = """
    UPDATE feeds SET
        title = COALESCE(:title, title),
        canonical_url = COALESCE(:canonical, canonical_url),
        is_live = COALESCE(:is_live, is_live),
        reader_version = :reader_version, last_reading = :reading,
        last_fetch_at = :at, last_ok_at = :at, last_error = NULL,
        etag = CASE WHEN :validated THEN :etag ELSE etag END,
        last_modified = CASE WHEN :validated THEN :last_modified ELSE last_modified END,
        next_fetch_at = CASE WHEN :scheduled THEN :next_at ELSE next_fetch_at END,
        poll_reason = CASE WHEN :scheduled THEN :poll_reason ELSE poll_reason END,
        interval_seconds = CASE WHEN :scheduled THEN :interval ELSE interval_seconds END
    WHERE id = :id
"""

SET_SCHEDULE = """
    UPDATE feeds SET next_fetch_at = :next_at, poll_reason = :poll_reason,
        interval_seconds = :interval
    WHERE id = :id
"""

# The newest posts' times (pinned ones aside), the dated and the undated ones (their first
# sight) each by the feed's index: the caller takes the newest of both.
POST_TIMES = """
    SELECT * FROM (SELECT published FROM entries
        WHERE feed_id = :feed AND published IS NOT NULL AND pinned = 0
        ORDER BY published DESC LIMIT :limit)
    UNION ALL
    SELECT * FROM (SELECT first_seen_at FROM entries
        WHERE feed_id = :feed AND published IS NULL AND pinned = 0
        ORDER BY first_seen_at DESC LIMIT :limit)
"""

# The stored content hash and source digest of some of a feed's posts, by key.
STORED_DIGESTS = """
    SELECT key, content_hash, source_digest FROM entries
    WHERE feed_id = ? AND key IN (SELECT value FROM json_each(?))
"""

# Column order matters to `rows.summaries`.
ENTRY_COLS = """
    e.id, e.feed_id, e.key, e.url, e.published, e.updated, e.title, e.authors, e.kind,
    e.key_event, e.pinned, e.summary, e.breaking, e.first_seen_at, e.edited_at, e.is_read,
    f.title AS feed_title,
    EXISTS (SELECT 1 FROM favourites AS fv WHERE fv.feed_url = f.url AND fv.key = e.key)
        AS is_favourite,
    e.label
"""
ENTRY_FROM = " FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id"
ENTRY_ORDER = " ORDER BY e.published DESC, e.first_seen_at DESC, e.id ASC"
OLDEST_FIRST_ORDER = " ORDER BY e.published ASC, e.first_seen_at ASC, e.id DESC"
"""`ENTRY_ORDER` reversed, row for row (undated posts, last there, come first)."""

# A feed's posts named by key or id (JSON arrays), each found by index (the names drive the
# lookup, CROSS JOIN keeps it so): what naming a few posts costs, however many the feed holds.
NAMED_SUMMARIES = (
    "SELECT"
    + ENTRY_COLS
    + ", substr(e.text, 1, 400) AS head"
    + " FROM (SELECT id FROM entries WHERE feed_id = :feed AND key IN"
    " (SELECT value FROM json_each(:keys)) UNION SELECT value FROM json_each(:ids)) AS named"
    " CROSS JOIN entries AS e ON e.id = named.id JOIN feeds AS f ON f.id = e.feed_id"
    " WHERE e.feed_id = :feed"
)

_ENTRY_FIELDS = (
    "url, published, updated, title, authors, kind, key_event, pinned, summary, breaking, "
    "blocks, text, label"
)
INSERT_ENTRY = f"""
    INSERT INTO entries (
        feed_id, key, {_ENTRY_FIELDS}, content_hash, source_digest, first_seen_at
    )
    VALUES (:feed_id, :key, :url, :published, :updated, :title, :authors, :kind, :key_event,
            :pinned, :summary, :breaking, :blocks, :text, :label, :content_hash, :source_digest,
            :seen_at)
"""
# New posts (inserted unread) counted into their feed, a batch at a time (see schema v7).
COUNT_NEW_ENTRIES = """
    UPDATE feeds SET total_count = total_count + :new, unread_count = unread_count + :new
    WHERE id = :feed_id
"""
_SET_CONTENT = """url = :url, published = :published, updated = :updated, title = :title,
        authors = :authors, kind = :kind, key_event = :key_event, pinned = :pinned,
        summary = :summary, breaking = :breaking, blocks = :blocks, text = :text,
        label = :label, content_hash = :content_hash, source_digest = :source_digest"""
EDIT_ENTRY = f"""
    UPDATE entries SET {_SET_CONTENT}, edited_at = :seen_at, is_read = 0
    WHERE feed_id = :feed_id AND key = :key
"""
# The version an edit is about to replace, kept (run before EDIT_ENTRY, with its parameters),
# then the post's oldest versions beyond `KEPT_VERSIONS` dropped.
KEPT_VERSIONS = 10
KEEP_VERSION = """
    INSERT INTO entry_versions (entry_id, title, authors, blocks, current_from, replaced_at)
    SELECT id, title, authors, blocks, COALESCE(edited_at, first_seen_at), :seen_at
    FROM entries WHERE feed_id = :feed_id AND key = :key
"""
DROP_OLD_VERSIONS = f"""
    DELETE FROM entry_versions WHERE id IN (
        SELECT v.id FROM entry_versions AS v JOIN entries AS e ON e.id = v.entry_id
        WHERE e.feed_id = :feed_id AND e.key = :key
        ORDER BY v.id DESC LIMIT -1 OFFSET {KEPT_VERSIONS})
"""
HISTORY = """
    SELECT title, authors, blocks, current_from, replaced_at FROM entry_versions
    WHERE entry_id = ? ORDER BY id
"""
# New text from a new reader or version of it, not from the site: rewritten without an edited mark,
# read state and edited_at kept.
REPARSE_ENTRY = f"""
    UPDATE entries SET {_SET_CONTENT}
    WHERE feed_id = :feed_id AND key = :key
"""
# Same reader-visible content, but flags, times, links or images may have moved: refresh them
# quietly (no edited mark, read state kept). The WHERE clause leaves identical rows unwritten.
REFRESH_ENTRY = """
    UPDATE entries SET url = :url, published = :published, updated = :updated, kind = :kind,
        key_event = :key_event, pinned = :pinned, summary = :summary, breaking = :breaking,
        blocks = :blocks, label = :label, source_digest = :source_digest
    WHERE feed_id = :feed_id AND key = :key AND (
        url IS NOT :url OR published IS NOT :published OR updated IS NOT :updated
        OR kind IS NOT :kind OR key_event IS NOT :key_event OR pinned IS NOT :pinned
        OR summary IS NOT :summary OR breaking IS NOT :breaking OR blocks IS NOT :blocks
        OR label IS NOT :label OR source_digest IS NOT :source_digest)
"""
EDIT_FAVOURITE = """
    UPDATE favourites SET url = :url, published = :published, updated = :updated,
        title = :title, authors = :authors, kind = :kind, key_event = :key_event,
        pinned = :pinned, summary = :summary, breaking = :breaking, blocks = :blocks,
        text = :text, label = :label
    WHERE feed_url = :feed_url AND key = :key
"""
COPY_FAVOURITE = f"""
    INSERT INTO favourites (feed_url, key, feed_title, {_ENTRY_FIELDS}, favourited_at)
    SELECT f.url, e.key, f.title, e.url, e.published, e.updated, e.title, e.authors, e.kind,
           e.key_event, e.pinned, e.summary, e.breaking, e.blocks, e.text, e.label, :at
    FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id
    WHERE e.id = :id
    ON CONFLICT (feed_url, key) DO UPDATE SET
        feed_title = excluded.feed_title, url = excluded.url, published = excluded.published,
        updated = excluded.updated, title = excluded.title, authors = excluded.authors,
        kind = excluded.kind, key_event = excluded.key_event, pinned = excluded.pinned,
        summary = excluded.summary, breaking = excluded.breaking, blocks = excluded.blocks,
        text = excluded.text, label = excluded.label
"""


def entry_query(
    columns: str,
    feeds: int | list[int] | None,
    unread_only: bool,
    key_events_only: bool,
    limit: int | None,
    offset: int,
    oldest_first: bool = False,
) -> tuple[str, list[Any]]:
    """A SELECT of `columns` over entries joined to their feeds, filtered, newest first (or
    `oldest_first`): of one feed (an id), of some (a list of ids) or of all (None)."""
    where: list[str] = []
    params: list[Any] = []
    if isinstance(feeds, int):
        where.append("e.feed_id = ?")
        params.append(feeds)
    elif feeds is not None:
        # By id, from the feed index: filtering on e.feed_id would read every row, those of
        # the feeds left out too (on a damaged database, the ones that cannot be read).
        where.append(
            "e.id IN (SELECT id FROM entries WHERE feed_id IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(feeds))
    if unread_only:
        where.append("e.is_read = 0")
    if key_events_only:
        where.append("e.key_event = 1")
    sql = "SELECT" + columns + ENTRY_FROM
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += (OLDEST_FIRST_ORDER if oldest_first else ENTRY_ORDER) + " LIMIT ? OFFSET ?"
    params += [-1 if limit is None else limit, offset]
    return sql, params
