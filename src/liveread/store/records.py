"""What the store hands back: immutable records, decoupled from sqlite3 rows.

They are named tuples rather than frozen dataclasses: one is made per row read (30,000 for a
big feed's list), and a named tuple is made several times faster, as its class is (the app
imports these before its first frame)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import NamedTuple

from liveread.model import Block, Entry, blocks_text

Schedule = tuple[datetime | None, str | None, float | None]
"""A feed's next fetch as stored: when (None: when due by the base interval, or not until
asked when ended), why (`schedule.Reason`), and the interval its rhythm had, in seconds."""


class Feed(NamedTuple):
    id: int
    url: str
    title: str
    added_at: datetime
    last_fetch_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    etag: str | None
    last_modified: str | None
    is_live: bool | None
    unread: int
    total: int
    reader_version: str | None = None
    """Which reader last stored its entries, at which versions (`LiveBlog.version`, such as
    "6/guardian-1"); None before any, or when they were stored before readers were named."""
    canonical_url: str | None = None
    """The address the blog is known by (its rel=canonical, else `url`), for telling that a
    blog is already followed under another address."""
    visited_at: datetime | None = None
    """When the feed was last opened: its posts first seen after that are new since."""
    oldest_first: bool = False
    """Whether its posts are listed oldest first (for catching up) rather than newest first."""
    next_fetch_at: datetime | None = None
    """When it is fetched next (`liveread.schedule`); None: when due by the base interval,
    or, with `poll_reason` "ended", not until asked."""
    poll_reason: str | None = None
    """Why then (`schedule.Reason`): "arriving", "quiet", "set", "server", "error", "ended"."""
    poll_interval: float | None = None
    """The interval in seconds its rhythm had at the last fetch."""
    user_interval: float | None = None
    """The interval in seconds the user set for it (`liveread set --interval`); None: auto."""
    alerts: str | None = None
    """Its own alert level ("all", "key" or "none"); None follows the config's `alerts`."""
    kind: str = "blog"
    """"blog" (a live blog) or "source" (a feed announcing live blogs: `liveread.sources`)."""
    source_id: int | None = None
    """The source that found this blog; None for one the user added."""
    source_title: str | None = None
    """That source's title."""
    blogs_found: int = 0
    """For a source: how many of the feeds followed it found."""

    @property
    def is_source(self) -> bool:
        return self.kind == "source"

    @property
    def label(self) -> str:
        """The title, or the url for a feed that has not been fetched yet."""
        return self.title or self.url


class StoredEntry(NamedTuple):
    id: int
    feed_id: int
    feed_title: str
    entry: Entry
    first_seen_at: datetime
    edited_at: datetime | None
    is_read: bool
    is_favourite: bool


class PostVersion(NamedTuple):
    """An earlier version of an edited post, as it was before an edit replaced it."""

    title: str
    authors: tuple[str, ...]
    blocks: list[Block]
    current_from: datetime
    """When it became the post's version: when the post was first seen, or last edited."""
    replaced_at: datetime
    """When the edit that replaced it was seen."""

    @property
    def text(self) -> str:
        """The body as plain text, as `Entry.text`."""
        return blocks_text(self.blocks)


class EntrySummary(NamedTuple):
    """What a list row needs, without decoding the body blocks."""

    id: int
    feed_id: int
    feed_title: str
    key: str
    url: str | None
    published: datetime | None
    updated: datetime | None
    first_seen_at: datetime
    edited_at: datetime | None
    title: str
    excerpt: str
    authors: tuple[str, ...]
    kind: str
    key_event: bool
    pinned: bool
    summary: bool
    breaking: bool
    is_read: bool
    is_favourite: bool
    label: str = ""
    """The post's stamp where it has no time of day (`Entry.label`)."""

    @property
    def edited(self) -> bool:
        return self.edited_at is not None


class Refresh(NamedTuple):
    """What one successful fetch of a feed found, stored as one write (`Store.store_refresh`)."""

    entries: Sequence[Entry]
    at: datetime
    reader_version: str
    """`LiveBlog.version` of the reading stored."""
    title: str = ""
    """The page's title; empty keeps the feed's."""
    is_live: bool | None = None
    """None keeps what was known."""
    canonical: str | None = None
    """The page's rel=canonical address; None keeps the one known."""
    validators: tuple[str | None, str | None] | None = None
    """(etag, last_modified) from the response; None keeps the stored ones."""
    quiet: bool = False
    """Changed entries are another reader's reading, not edits (see `Store.upsert_entries`)."""
    digests: Mapping[str, str] = MappingProxyType({})
    """Source digests by key (`LiveBlog.digests`): a stored post whose digest is the one
    given is left as it is, read or written not at all beyond its digest."""
    unchanged: frozenset[str] = frozenset()
    """Keys of posts unchanged since the reading `since` (`LiveBlog.unchanged`): when that
    is the reading the feed was last stored from, they are not looked at at all."""
    since: str | None = None
    reading: str | None = None
    """The token of the reading stored (`LiveBlog.reading`), recorded with the feed."""
    schedule: Schedule | None = None
    """The feed's next fetch (`Store.record_fetch`); None keeps the stored one."""


class UpsertResult(NamedTuple):
    new: list[str]
    edited: list[str]
    unchanged: int


class Favourite(NamedTuple):
    feed_title: str
    feed_url: str
    entry: Entry
    favourited_at: datetime
    entry_id: int | None = None
    """The live entry's id while its feed still holds it, else None."""


class SearchHit(NamedTuple):
    entry: StoredEntry
    snippet: str
    """Matched terms are wrapped in SNIPPET_OPEN / SNIPPET_CLOSE."""
    score: float
    """Lower is a better match: bm25, or for a query matching more than a window of posts
    (store/search.py) -1 for a match in the title and 0 for one in the text only."""


class PruneRule(NamedTuple):
    """Which posts a feed lets go (config `keep_days`, `max_posts_per_feed`); None: no limit.
    Favourites and pinned posts stay whatever the rule says."""

    keep_days: int | None = None
    """Posts first seen more than this many days ago go."""
    max_posts: int | None = None
    """A feed keeps its newest this many posts (in the order it lists them)."""

    @property
    def active(self) -> bool:
        return self.keep_days is not None or self.max_posts is not None


class Pruned(NamedTuple):
    """What pruning one feed removed (or, in a dry run, would remove)."""

    feed_id: int
    feed_title: str
    by_age: int = 0
    """Posts older than `PruneRule.keep_days`."""
    by_count: int = 0
    """Posts beyond the newest `PruneRule.max_posts` (those not gone by age already)."""

    @property
    def total(self) -> int:
        return self.by_age + self.by_count
