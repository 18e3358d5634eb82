"""Refresh orchestration: fetch -> parse -> clean -> store, for one feed or all at once.

The CLI and the UI both drive this; it reports what happened as events (a feed started, was
refreshed with new and edited posts, or failed with a reason) and never raises for a feed
that fails, so one broken feed never stops the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from liveread import sources
from liveread.addresses import feed_address
from liveread.feedformats import FeedDocument, FeedItem, NotAFeed, is_feed, read_feed
from liveread.feedparse import parse_feed_page
from liveread.fetch import Fetcher, FetchError, FetchResult, Validators
from liveread.model import Entry, LiveBlog
from liveread.parse import NotALiveBlog, is_current, parse
from liveread.parsepool import ParseCrashed, ParsePool, pool_size
from liveread.schedule import (
    DEFAULT_RHYTHM,
    RECENT_POSTS,
    Outcome,
    Reason,
    Rhythm,
    next_fetch,
)
from liveread.store import Feed, PruneRule, Refresh, Store, StoreError

MAX_OLDER_PAGES = 4
"""Pages of older posts followed (Guardian, BBC): when a feed is first fetched, and when
a refresh finds the first page all new, so posts pushed off it meanwhile are not missed."""


class ServiceError(Exception):
    """A user-facing failure (adding a feed that is not a live blog, say); str() is the reason."""


class AlreadyFollowing(ServiceError):
    """Adding a blog that is followed already, under this address or another of its own."""

    def __init__(self, url: str, feed: Feed) -> None:
        super().__init__(f"{url}: already following as #{feed.id} {feed.label}")
        self.feed = feed


@dataclass(frozen=True, slots=True)
class FeedStarted:
    feed_id: int
    title: str


@dataclass(frozen=True, slots=True)
class FeedRefreshed:
    feed_id: int
    title: str
    new: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    not_modified: bool = False
    pruned: int = 0
    """Old posts removed after storing (config `keep_days`, `max_posts_per_feed`)."""
    found: list[int] = field(default_factory=list)
    """For a source: the live blogs it found that are now followed (their feed ids)."""
    source: bool = False
    """The feed is a source (`liveread.sources`): it has no posts of its own."""


@dataclass(frozen=True, slots=True)
class FeedFailed:
    feed_id: int
    title: str
    reason: str


Event = FeedStarted | FeedRefreshed | FeedFailed
Listener = Callable[[Event], object]
"""Told of each step of a refresh; what it returns is ignored."""


def now() -> datetime:
    return datetime.now(UTC)


def known_as(address: str, canonical: str | None) -> str | None:
    """The page's stated canonical address as another name of the blog at `address`, when
    it can be one: on the same host, and not a site's front page (which some live pages
    name as theirs, and which would make every blog of the site one)."""
    stated = feed_address(canonical)
    if stated is None:
        return None
    host, path = urlsplit(stated)[1:3]
    return stated if host == urlsplit(address)[1] and path not in ("", "/") else None


async def read_page(url: str, *, explain: bool = False) -> LiveBlog:
    """The live blog at `url`, fetched and parsed once, followed by nobody (`liveread parse
    URL`): no store, a fetcher of its own."""
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    return await asyncio.to_thread(parse, result.text or "", result.url, explain=explain)


def is_due(feed: Feed, interval: float, at: datetime) -> bool:
    """Whether a feed wants refreshing at `at`: once its scheduled time has come
    (`liveread.schedule`); never while ended. A feed with no schedule yet (never fetched, or
    last fetched before schedules were kept) is due when fetched never or `interval` ago
    (twice that after a failure), unless it has ended."""
    if feed.poll_reason == Reason.ENDED:
        return False
    if feed.next_fetch_at is not None:
        return at >= feed.next_fetch_at
    if feed.last_fetch_at is None:
        return True
    if feed.is_live is False:
        return False
    seconds = interval * 2 if feed.last_error else interval
    return at - feed.last_fetch_at >= timedelta(seconds=seconds)


class Service:
    """Refreshes through `store` and `fetcher`. A refresh of several feeds parses their pages
    in a pool of `processes` worker processes (default: one per usable core, none on one
    core), started then and kept, for every feed, until `aclose()`; until then, and for pages
    that belong to no followed feed yet, parsing runs in a thread. After each fetch of a
    feed it schedules the next (`liveread.schedule`) by `rhythm` (a feed in `intervals`, by
    address, every so many seconds), at times from `clock`; a
    refresh that stores something then prunes the feed by `prune_rule`. A source follows the
    live blogs among its items whose title or category matches `source_pattern`, and those
    its newest other items turn out to be (`liveread.sources`)."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        *,
        processes: int | None = None,
        rhythm: Rhythm = DEFAULT_RHYTHM,
        clock: Callable[[], datetime] | None = None,
        prune_rule: PruneRule | None = None,
        source_pattern: re.Pattern[str] = sources.DEFAULT_PATTERN,
        intervals: Mapping[str, float] | None = None,
    ) -> None:
        self.store = store
        self.intervals = intervals or {}
        self.source_pattern = source_pattern
        self.fetcher = fetcher
        self.prune_rule = prune_rule or PruneRule()
        self.processes = pool_size() if processes is None else processes
        self.pool: ParsePool | None = None
        self.rhythm = rhythm
        self.clock = clock or (lambda: now())  # `now` as the module has it at each call

    async def aclose(self) -> None:
        """End the parse pool's processes, if it was started (the fetcher is its owner's)."""
        pool, self.pool = self.pool, None
        if pool is not None:
            await asyncio.to_thread(pool.close)

    async def _load(
        self, url: str, validators: Validators | None = None, *, feed_id: int | None = None
    ) -> tuple[FetchResult, LiveBlog | None]:
        """Fetch a page and parse it (`_parsed`)."""
        return await self._parsed(await self.fetcher.fetch(url, validators), feed_id=feed_id)

    async def _parsed(
        self, result: FetchResult, *, feed_id: int | None = None
    ) -> tuple[FetchResult, LiveBlog | None]:
        """The fetched page parsed off the event loop's thread, in the feed's worker process
        once the pool runs (None when not modified)."""
        if result.not_modified or result.text is None:
            return result, None
        if feed_id is not None and self.pool is not None:
            return result, await self.pool.parse(feed_id, result.text, result.url)
        blog = await asyncio.to_thread(parse_feed_page, feed_id, result.text, result.url)
        return result, blog

    async def add_feed(self, url: str) -> tuple[Feed, FeedRefreshed]:
        """Follow a live blog, or a source (an RSS, Atom or JSON Feed address: its live blogs
        are followed, `liveread.sources`): it is fetched and read first, so a bad URL is
        refused with a reason and nothing is stored. A feed is followed once: under the
        address given (its fragment aside), the address it redirects to, or the one it names
        as canonical."""
        url = url.strip()
        address = feed_address(url) or url
        self.store.check_writable()
        self._refuse_if_followed(url, address)
        try:
            result = await self.fetcher.fetch(address)
            if result.text is not None and is_feed(result.text, result.content_type):
                return await self._add_source(url, address, result)
            result, blog = await self._parsed(result)
            if blog is None:  # a server answering "not modified" to a plain GET
                raise NotALiveBlog("no live entries found")
        except (FetchError, NotALiveBlog, NotAFeed) as error:
            raise ServiceError(f"{url}: {error}") from None
        return await self._follow_blog(url, address, result, blog)

    async def _follow_blog(
        self,
        url: str,
        address: str,
        result: FetchResult,
        blog: LiveBlog,
        *,
        source_id: int | None = None,
    ) -> tuple[Feed, FeedRefreshed]:
        final = feed_address(result.url) or address
        canonical = known_as(final, blog.canonical)
        self._refuse_if_followed(url, final, canonical or "")
        try:
            feed = self.store.add_feed(final, blog.title, canonical=canonical, source_id=source_id)
        except StoreError as error:
            raise ServiceError(str(error)) from None
        event = await self._store_blog(feed, blog, result=result, first=True)
        return self.store.feed(feed.id), event

    async def _add_source(
        self, url: str, address: str, result: FetchResult
    ) -> tuple[Feed, FeedRefreshed]:
        final = feed_address(result.url) or address
        self._refuse_if_followed(url, final)
        document = read_feed(result.text or "", result.url)
        try:
            feed = self.store.add_feed(final, document.title, kind=sources.SOURCE)
        except StoreError as error:
            raise ServiceError(str(error)) from None
        event = await self._store_source(feed, document, result)
        return self.store.feed(feed.id), event

    def _refuse_if_followed(self, url: str, *addresses: str) -> None:
        known = self.store.feed_known_as(*addresses)
        if known is not None:
            raise AlreadyFollowing(url, known)

    async def refresh(
        self, feed: Feed, listener: Listener | None = None
    ) -> FeedRefreshed | FeedFailed:
        emit = listener or (lambda event: None)
        emit(FeedStarted(feed.id, feed.label))
        # When the parser, or the site spec that read the feed, has changed since: fetch the
        # page in full once, so that it is read again.
        current = feed.total and is_current(feed.reader_version)
        validators = Validators(feed.etag, feed.last_modified) if current else None
        event: FeedRefreshed | FeedFailed
        try:
            fetched = await self.fetcher.fetch(feed.url, None if feed.is_source else validators)
            if fetched.text is not None and (
                feed.is_source or (feed.total == 0 and is_feed(fetched.text, fetched.content_type))
            ):
                # A source; or an address followed before it was fetched (an OPML import)
                # that turns out to be one.
                event = await self._refresh_source(feed, fetched)
                emit(event)
                return event
            result, blog = await self._parsed(fetched, feed_id=feed.id)
            if blog is None:
                at = self.clock()
                hints = Outcome(at, max_age=result.max_age, retry_after=result.retry_after)
                plan = self._plan(feed, hints)
                self.store.record_fetch(feed.id, at=at, error=None, schedule=plan)
                event = FeedRefreshed(feed.id, feed.label, not_modified=True)
            else:
                event = await self._store_blog(feed, blog, result=result, first=feed.total == 0)
        except (FetchError, NotALiveBlog, NotAFeed, ParseCrashed, StoreError) as error:
            reason = str(error)
            with contextlib.suppress(StoreError):  # the feed may have been removed meanwhile
                at = self.clock()
                failure = Outcome(at, failed=True)
                if isinstance(error, FetchError):
                    failure = failure._replace(status=error.status, retry_after=error.retry_after)
                plan = self._plan(feed, failure)
                self.store.record_fetch(feed.id, at=at, error=reason, schedule=plan)
            event = FeedFailed(feed.id, feed.label, reason)
        emit(event)
        return event

    async def _refresh_source(self, feed: Feed, result: FetchResult) -> FeedRefreshed:
        document = read_feed(result.text or "", result.url)
        if not feed.is_source:
            self.store.make_source(feed.id, document.title)
        return await self._store_source(self.store.feed(feed.id), document, result)

    async def _store_source(
        self, source: Feed, document: FeedDocument, result: FetchResult
    ) -> FeedRefreshed:
        """Follow the live blogs among the source's items not looked at before (`sources`),
        then schedule its next fetch."""
        looked_at = self.store.looked_at(source.id, [item.url for item in document.items])
        chosen = sources.items_to_check(document.items, looked_at, self.source_pattern)
        outcomes = await self._follow_items(source, chosen)
        looked = zip(chosen, outcomes, strict=True)
        self.store.note_looked_at(source.id, [item.url for item, o in looked if o is not False])
        at = self.clock()
        hints = Outcome(at, max_age=result.max_age, retry_after=result.retry_after)
        plan = self._plan(source, hints)  # it reads the feed afresh for its interval
        self.store.record_fetch(source.id, at=at, error=None, schedule=plan)
        if document.title:
            self.store.update_feed_meta(source.id, title=document.title)
        found = [outcome for outcome in outcomes if isinstance(outcome, Feed)]
        return FeedRefreshed(
            source.id,
            document.title or source.label,
            found=[blog.id for blog in found],
            source=True,
        )

    async def _look_at(self, item: FeedItem) -> tuple[str, FetchResult, LiveBlog] | bool:
        """The item's page, fetched and read, when it is a live blog: (its address, the
        fetch, the blog); True when it was looked at and is not one (or is gone); False when
        it could not be looked at this time (to try again at the next refresh)."""
        address = feed_address(item.url)
        if address is None:
            return True
        try:
            result, blog = await self._load(address)
        except NotALiveBlog:
            return True
        except FetchError as error:  # a page that is not there is not worth asking for again
            return error.status is not None and 400 <= error.status < 500 and error.status != 429
        except ParseCrashed:
            return False
        return False if blog is None else (address, result, blog)

    async def _follow_items(self, source: Feed, items: list[FeedItem]) -> list[Feed | bool]:
        """Look at the items' pages at once, then follow the live blogs among them in the
        items' order: the feed followed, else as `_look_at` says (True too for a blog
        followed already)."""
        looked = await asyncio.gather(*(self._look_at(item) for item in items))
        outcomes: list[Feed | bool] = []
        for item, page in zip(items, looked, strict=True):
            if isinstance(page, bool):
                outcomes.append(page)
                continue
            address, result, blog = page
            try:
                feed, _ = await self._follow_blog(
                    item.url, address, result, blog, source_id=source.id
                )
            except ServiceError:  # followed already, under this address or another
                outcomes.append(True)
            except StoreError:
                outcomes.append(False)
            else:
                outcomes.append(feed)
        return outcomes

    def _plan(
        self, feed: Feed, outcome: Outcome, *, is_live: bool | None = None
    ) -> tuple[datetime | None, str, float | None]:
        """The feed's next fetch after `outcome` (`liveread.schedule`), as the store keeps it.
        Post times not given are the stored ones; the blog has ended when the page says so
        (`is_live` False, else None and known to have ended). The interval set for the feed
        is read afresh: it may have been set since `feed` was read."""
        if not outcome.post_times and not feed.is_source:
            outcome = outcome._replace(post_times=self.store.post_times(feed.id, RECENT_POSTS))
        live = feed.is_live if is_live is None else is_live
        current = self.store.feed(feed.id)
        plan = next_fetch(
            outcome._replace(ended=live is False and not feed.is_source),
            self.rhythm,
            user_interval=self._own_interval(current),
            previous=current.poll_interval,
            source=current.is_source,
        )
        return plan.next_at, plan.reason, plan.interval

    def _own_interval(self, feed: Feed) -> float | None:
        """The interval set for the feed: with `liveread set`, else in the config's
        `[intervals]` by its address (or the address it is known by); None: its rhythm."""
        if feed.user_interval is not None:
            return feed.user_interval
        return self.intervals.get(feed.url) or self.intervals.get(feed.canonical_url or "")

    async def refresh_all(
        self, feeds: Sequence[Feed] | None = None, listener: Listener | None = None
    ) -> list[FeedRefreshed | FeedFailed]:
        """Refresh feeds concurrently (the fetcher bounds how many run at once); more than one
        starts the parse pool. A store that is known to refuse writes (a damaged file) raises
        its StoreError before any fetch."""
        self.store.check_writable()
        chosen = list(self.store.feeds() if feeds is None else feeds)
        if len(chosen) > 1 and self.pool is None and self.processes > 0:
            self.pool = ParsePool(self.processes)
        return list(await asyncio.gather(*(self.refresh(f, listener) for f in chosen)))

    async def _store_blog(
        self, feed: Feed, blog: LiveBlog, *, result: FetchResult, first: bool
    ) -> FeedRefreshed:
        entries = list(blog.entries)
        if first:
            entries += await self._older_posts(blog)
        elif blog.older_pages and not self._overlaps(feed, blog):
            entries += await self._older_posts(blog, until_known_in=feed)
        at = self.clock()
        known = set() if first else self.store.known_keys(feed.id, {e.key for e in entries})
        validators = result.validators
        refresh = Refresh(
            entries,
            at=at,
            reader_version=blog.version,
            title=blog.title,
            canonical=known_as(feed.url, blog.canonical),
            is_live=blog.is_live,
            validators=(validators.etag, validators.last_modified) if validators else None,
            # Text another reader, or a new version of it, reads differently is not an edit by
            # the site: store it quietly.
            quiet=feed.total > 0 and feed.reader_version != blog.version,
            # Posts whose source is unchanged are left as stored (not read, not written).
            digests=blog.digests,
            unchanged=blog.unchanged,
            since=blog.since,
            reading=blog.reading,
            schedule=self._plan(
                feed,
                Outcome(
                    at,
                    post_times=self._post_times(feed, entries, at, known),
                    changed=not first and len(known) < len({entry.key for entry in entries}),
                    max_age=result.max_age,
                    retry_after=result.retry_after,
                ),
                is_live=blog.is_live,
            ),
        )
        stored = self.store.store_refresh(feed.id, refresh)
        pruned = 0
        if self.prune_rule.active and (stored.new or stored.edited):
            # Posts the page shows stay, or the next refresh would store them again as new.
            on_page = [entry.key for entry in entries]
            pruned = self.store.prune_feed(
                feed.id, self.prune_rule, now=self.clock(), spare=on_page
            ).total
        return FeedRefreshed(
            feed.id, blog.title or feed.label, stored.new, stored.edited, pruned=pruned
        )

    def _post_times(
        self, feed: Feed, entries: Sequence[Entry], at: datetime, known: set[str]
    ) -> list[datetime]:
        """The newest posts' times, of the page's and the stored ones together, newest first:
        the blog's rhythm as this refresh leaves it. An undated post arrives now when it is
        new (`known`: the keys stored before); one stored before keeps when it was first seen,
        or an unchanged page of undated posts would look busy at every refresh."""
        found = {
            entry.published or at
            for entry in entries
            if not entry.pinned and (entry.published or entry.key not in known)
        }
        found.update(self.store.post_times(feed.id, RECENT_POSTS))
        return sorted(found, reverse=True)[:RECENT_POSTS]

    def _overlaps(self, feed: Feed, blog: LiveBlog) -> bool:
        """Whether the page still shows a post stored before (pinned posts aside: they stay
        on the first page however old they are). If not, more posts came since the last
        refresh than the page holds."""
        keys = [entry.key for entry in blog.entries if not entry.pinned]
        return not keys or bool(self.store.known_keys(feed.id, keys))

    async def _older_posts(
        self, blog: LiveBlog, *, until_known_in: Feed | None = None
    ) -> list[Entry]:
        """Posts from the blog's older pages, following "next" links a bounded number of times,
        or (`until_known_in`) until a page shows a post that feed already has; a failing
        older page ends the walk without failing the feed."""
        found: list[Entry] = []
        seen = {blog.url}
        pages = list(blog.older_pages)
        for _ in range(MAX_OLDER_PAGES):
            url = next((p for p in pages if p not in seen), None)
            if url is None:
                break
            seen.add(url)
            try:
                _, older = await self._load(url)
            except (FetchError, NotALiveBlog):
                break
            if older is None:
                break
            found.extend(older.entries)
            if until_known_in is not None and self._overlaps(until_known_in, older):
                break
            pages = list(older.older_pages)
        return found
