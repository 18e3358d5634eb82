"""Conversion between the model and table rows.

Times are stored as ISO 8601 UTC text ("2024-05-01T12:00:00Z") and returned as aware UTC
datetimes; authors as compact JSON; body blocks in the compact form of `liveread.codec` (see
`encode_blocks`).
"""

from __future__ import annotations

import functools
import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from liveread.codec import ENTRY_FLAGS, block_from_compact, block_to_compact, entry_fields
from liveread.model import Block, Entry, iso_z, utc
from liveread.store.records import EntrySummary, Feed, PostVersion, StoredEntry

EXCERPT_CHARS = 80


def to_iso(dt: datetime) -> str:
    value = iso_z(dt)
    assert value is not None
    return value


@functools.lru_cache(maxsize=4096)  # rows of one fetch share their first_seen_at
def from_iso(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is UTC else utc(parsed)


def from_iso_or_none(value: str | None) -> datetime | None:
    return from_iso(value) if value else None


dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

DEFLATED = b"\x01"
"""The first byte of blocks stored deflated: raw deflate of their compact JSON follows."""
DEFLATE_FROM = 160
"""Compact JSON this long or longer is deflated when that makes it smaller; shorter text
rarely shrinks enough to pay for the work."""
MAX_BLOCKS_BYTES = 64 << 20
"""What deflated blocks may inflate to, at most: a damaged value cannot exhaust memory."""


def encode_blocks(blocks: Sequence[Block]) -> str | bytes:
    """A post's blocks as the entries table stores them: their compact JSON (text), or that
    deflated behind `DEFLATED` (a blob) when it is smaller. Older rows hold JSON of the keyed
    form (`codec.block_to_dict`); `decode_blocks` reads all three."""
    text = dumps([block_to_compact(b) for b in blocks])
    if len(text) < DEFLATE_FROM:
        return text
    raw = text.encode()
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = DEFLATED + packer.compress(raw) + packer.flush()
    return packed if len(packed) < len(raw) else text


def decode_blocks(value: str | bytes) -> list[Block]:
    if isinstance(value, bytes):
        if value[:1] != DEFLATED:
            raise ValueError("blocks stored in an unknown form")
        unpacker = zlib.decompressobj(-15)
        raw = unpacker.decompress(value[1:], MAX_BLOCKS_BYTES)
        if unpacker.unconsumed_tail or not unpacker.eof:
            raise ValueError("deflated blocks damaged or too large")
        value = raw.decode()
    return [block_from_compact(b) for b in json.loads(value)]


def excerpt(text: str, width: int = EXCERPT_CHARS) -> str:
    """The first words of `text` on one line, cut at a word boundary near `width`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width + 1].rsplit(" ", 1)[0]
    if len(cut) < width // 2:
        cut = flat[:width]
    return cut.rstrip(" ,;:-–—") + "…"


def entry_from_row(row: sqlite3.Row) -> Entry:
    return Entry(
        key=row["key"],
        url=row["url"],
        published=from_iso_or_none(row["published"]),
        updated=from_iso_or_none(row["updated"]),
        title=row["title"],
        authors=json.loads(row["authors"]),
        kind=row["kind"],
        key_event=bool(row["key_event"]),
        pinned=bool(row["pinned"]),
        summary=bool(row["summary"]),
        breaking=bool(row["breaking"]),
        blocks=decode_blocks(row["blocks"]),
        label=row["label"],
    )


def entry_params(entry: Entry) -> dict[str, Any]:
    """`entry_fields` as SQLite stores them: authors as JSON, blocks by `encode_blocks`,
    flags as 0 or 1."""
    fields = entry_fields(entry)
    return {
        **fields,
        "authors": dumps(fields["authors"]),
        **{flag: int(fields[flag]) for flag in ENTRY_FLAGS},
        "blocks": encode_blocks(entry.blocks),
        "label": entry.label,
    }


def feed_from_row(row: sqlite3.Row) -> Feed:
    is_live = row["is_live"]
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        added_at=from_iso(row["added_at"]),
        last_fetch_at=from_iso_or_none(row["last_fetch_at"]),
        last_ok_at=from_iso_or_none(row["last_ok_at"]),
        last_error=row["last_error"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        is_live=None if is_live is None else bool(is_live),
        unread=row["unread"],
        total=row["total"],
        reader_version=row["reader_version"],
        canonical_url=row["canonical_url"],
        visited_at=from_iso_or_none(row["visited_at"]),
        oldest_first=bool(row["oldest_first"]),
        next_fetch_at=from_iso_or_none(row["next_fetch_at"]),
        poll_reason=row["poll_reason"],
        poll_interval=row["interval_seconds"],
        user_interval=row["user_interval"],
        alerts=row["alerts"],
        kind=row["kind"],
        source_id=row["source_id"],
        source_title=row["source_title"],
        blogs_found=row["blogs_found"],
    )


def stored_from_row(row: sqlite3.Row) -> StoredEntry:
    return StoredEntry(
        id=row["id"],
        feed_id=row["feed_id"],
        feed_title=row["feed_title"],
        entry=entry_from_row(row),
        first_seen_at=from_iso(row["first_seen_at"]),
        edited_at=from_iso_or_none(row["edited_at"]),
        is_read=bool(row["is_read"]),
        is_favourite=bool(row["is_favourite"]),
    )


def version_from_row(row: sqlite3.Row) -> PostVersion:
    return PostVersion(
        title=row["title"],
        authors=tuple(json.loads(row["authors"])),
        blocks=decode_blocks(row["blocks"]),
        current_from=from_iso(row["current_from"]),
        replaced_at=from_iso(row["replaced_at"]),
    )


def summaries(rows: Iterable[tuple[Any, ...]]) -> list[EntrySummary]:
    """EntrySummary from plain tuples in `sql.ENTRY_COLS` order plus the text head: the list
    widget's hot path, so positional rather than by column name."""
    dt, cut, loads = from_iso, excerpt, json.loads
    return [
        EntrySummary(
            id=id_,
            feed_id=feed_id,
            feed_title=feed_title,
            key=key,
            url=url,
            published=dt(published) if published else None,
            updated=dt(updated) if updated else None,
            first_seen_at=dt(first_seen_at),
            edited_at=dt(edited_at) if edited_at else None,
            title=title,
            excerpt=cut(head),
            authors=tuple(loads(authors)),
            kind=kind,
            key_event=bool(key_event),
            pinned=bool(pinned),
            summary=bool(summary),
            breaking=bool(breaking),
            is_read=bool(is_read),
            is_favourite=bool(is_favourite),
            label=label,
        )
        for (
            id_, feed_id, key, url, published, updated, title, authors, kind, key_event, pinned,
            summary, breaking, first_seen_at, edited_at, is_read, feed_title, is_favourite, label,
            head,
        ) in rows
    ]  # fmt: skip
