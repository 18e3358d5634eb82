"""The application core: the one object the CLI and the app both drive.

`Core` owns everything a person does with liveread, whichever front end they use:

- feeds: `add` (fetched and parsed first, so a bad address is refused), `remove`, `refresh`
  (one feed, several or all, concurrently) and `due` (which feeds want refreshing now)
- read state: `mark_read` (or unread) posts, `mark_feed_read` (or unread), `mark_all_read`,
  `record_visit`, `set_oldest_first`, and `find_posts` for posts named by id or key
- alerts: `set_alerts` (a feed's own level) and `alert_level` (its own, else the config's)
- pruning: `prune` (config `keep_days`, `max_posts_per_feed`; refreshes prune too)
- favourites: `set_favourite`, `toggle_favourite`, `remove_favourite`, `favourites`
- export: `export_dir` (config `export_dir`, else liveread's own folder), `export_target` and
  `export` (favourites written atomically); `export_feeds` and `import_opml` (feeds as OPML)
- linked articles: `linked_article` (the article a link post points to, fetched on demand
  and kept) and `cached_article` (as kept, without the network)
- search: `search`, a page at a time, on a read-only connection of its own (`searcher`)

Reading what to show (the feeds, a feed's posts, one post) goes straight to `core.store`, the
SQLite store the core writes through; nothing else changes it.

`open_core(config)` is the one place a core is built: the store at `paths.database_file()`,
and the fetcher and refresh service (httpx and selectolax, about 40 ms to import) only on
first network use, so the app paints its first screen without them (the export writers
load on first export too). `close()` closes the store and the search connection; where the
network was used, `await aclose()` closes the fetcher first. `disconnect()` ends the
network session alone: its client belongs to the event loop that used it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, NamedTuple

from liveread import paths, timefmt
from liveread.config import Config
from liveread.schedule import Reason, Rhythm
from liveread.store import (
    EntrySummary,
    Favourite,
    Feed,
    Pruned,
    PruneRule,
    SearchHit,
    Store,
    StoreError,
)

if TYPE_CHECKING:
    from liveread.export import Format
    from liveread.fetch import Fetcher
    from liveread.model import Article
    from liveread.service import FeedFailed, FeedRefreshed, Listener, Service


MAX_SET_INTERVAL = 7 * 24 * 3600.0
"""The longest interval a feed may be given (`liveread set --interval`), in seconds."""


class Imported(NamedTuple):
    """What importing an OPML file did."""

    added: list[Feed]
    known: list[tuple[str, Feed]]
    """(address in the file, the feed that follows it already)."""
    invalid: list[str]
    """Addresses in the file that are no web address liveread can follow."""


class Offline(Exception):
    """The network was asked for by a core opened offline."""


class UnknownPost(StoreError):
    """A post named (by id or key) that the feed does not hold."""


class Core:
    def __init__(self, store: Store, config: Config | None = None, *, offline: bool = False):
        self.store = store
        self.config = config or Config()
        self.offline = offline
        self._fetcher: Fetcher | None = None
        self._service: Service | None = None
        self._searcher: Store | None = None
        self._searcher_lock = threading.Lock()
        self._closed = False

    # -- lifetime -------------------------------------------------------------------------

    def connect(self) -> Service:
        """The refresh service, started (with its fetcher) on first use."""
        if self.offline:
            raise Offline("started offline: not fetching")
        if self._service is None:
            from liveread.fetch import Fetcher
            from liveread.service import Service
            from liveread.sources import compile_pattern

            self._fetcher = Fetcher()
            self._service = Service(
                self.store,
                self._fetcher,
                rhythm=self.rhythm,
                prune_rule=self.prune_rule,
                source_pattern=compile_pattern(self.config.source_pattern),
                intervals=self.config.intervals,
            )
        return self._service

    async def disconnect(self) -> None:
        """Close the fetcher and the service's parse processes, if they were started; the next
        network use starts others."""
        fetcher, self._fetcher = self._fetcher, None
        service, self._service = self._service, None
        try:
            if service is not None:
                await service.aclose()
        finally:
            if fetcher is not None:
                await fetcher.aclose()

    def close(self) -> None:
        with self._searcher_lock:
            searcher, self._searcher, self._closed = self._searcher, None, True
        try:
            if searcher is not None:
                searcher.close()
        finally:
            self.store.close()

    async def aclose(self) -> None:
        try:
            await self.disconnect()
        finally:
            self.close()

    def __enter__(self) -> Core:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> Core:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- feeds ------------------------------------------------------------------------------

    async def add(self, url: str) -> Feed:
        """Follow the live blog at `url`, or the source (a feed of articles) whose live blogs
        are then followed (ServiceError, with the reason, when it is neither;
        AlreadyFollowing when it is followed already)."""
        feed, _ = await self.connect().add_feed(url)
        return feed

    def remove(self, feed_id: int) -> None:
        """Stop following a feed; its favourites are kept."""
        self.store.remove_feed(feed_id)

    async def refresh(
        self, feeds: Sequence[Feed] | None = None, listener: Listener | None = None
    ) -> list[FeedRefreshed | FeedFailed]:
        """Refresh `feeds` (every feed when None) concurrently; `listener` hears each step.
        A feed that fails is reported, never raised."""
        return await self.connect().refresh_all(feeds, listener)

    @property
    def rhythm(self) -> Rhythm:
        """The bounds of every feed's polling rhythm, from the config."""
        return Rhythm(base=self.config.refresh_interval, floor=self.config.min_interval)

    def set_interval(
        self, feed: Feed, seconds: float | None, *, at: datetime | None = None
    ) -> None:
        """Fetch `feed` every `seconds` from its last fetch on (None: by its own rhythm again,
        next when due by the base interval). ValueError below the config's `min_interval`."""
        floor = self.config.min_interval
        if seconds is not None and not floor <= seconds < MAX_SET_INTERVAL:
            if seconds < floor:
                raise ValueError(f"an interval must be at least {floor:g} s (min_interval)")
            raise ValueError(f"an interval must be less than {MAX_SET_INTERVAL:g} s (a week)")
        if seconds is None:
            self.store.set_user_interval(feed.id, None, next_at=None, reason=None)
            return
        start = feed.last_fetch_at or at or timefmt.clock()
        next_at = start + timedelta(seconds=seconds)
        self.store.set_user_interval(feed.id, seconds, next_at=next_at, reason=Reason.SET)

    def due(self, *, at: datetime | None = None, skip: Iterable[int] = ()) -> list[Feed]:
        """The feeds (other than those in `skip`) that want refreshing at `at` (now): by their
        schedules, or for a feed with none yet, the config's refresh interval."""
        from liveread.service import is_due

        when = at or timefmt.clock()
        skipped = set(skip)
        return [
            feed
            for feed in self.store.feeds()
            if feed.id not in skipped and is_due(feed, self.config.refresh_interval, when)
        ]

    # -- pruning ------------------------------------------------------------------------------

    @property
    def prune_rule(self) -> PruneRule:
        """What the config lets go: `keep_days`, `max_posts_per_feed` (neither: nothing)."""
        return PruneRule(self.config.keep_days, self.config.max_posts_per_feed)

    def prune(
        self,
        feeds: Sequence[Feed] | None = None,
        *,
        rule: PruneRule | None = None,
        now: datetime | None = None,
        dry_run: bool = False,
    ) -> list[Pruned]:
        """Remove the posts `rule` (default: the config's) lets go from `feeds` (default:
        all), or with `dry_run` only count them; favourites and pinned posts stay."""
        chosen = self.store.feeds() if feeds is None else feeds
        when = now or timefmt.clock()
        use = rule or self.prune_rule
        return [self.store.prune_feed(f.id, use, now=when, dry_run=dry_run) for f in chosen]

    # -- read state ---------------------------------------------------------------------------

    def mark_read(self, post_ids: Iterable[int], read: bool = True) -> int:
        """Mark posts read (or unread); returns how many changed."""
        return self.store.mark_read(post_ids, read)

    def mark_feed_read(self, feed_id: int, read: bool = True) -> int:
        """Mark every post of a feed read (or unread); returns how many changed."""
        return self.store.mark_feed_read(feed_id, read)

    def mark_all_read(self) -> int:
        """Mark every post of every feed read; returns how many were unread."""
        return self.store.mark_all_read()

    def record_visit(self, feed_ids: Iterable[int], at: datetime | None = None) -> None:
        """Note that the feeds were opened (now, unless `at`): posts first seen later are new."""
        self.store.record_visit(feed_ids, at or timefmt.clock())

    def set_oldest_first(self, feed_id: int, on: bool) -> None:
        self.store.set_oldest_first(feed_id, on)

    def set_alerts(self, feed_id: int, level: str | None) -> None:
        """Set a feed's own alert level ("all", "key", "none"); None: the config's `alerts`."""
        self.store.set_alerts(feed_id, level)

    def alert_level(self, feed: Feed) -> str:
        """The alert level a feed has: its own, else the config's."""
        return feed.alerts or self.config.alerts

    def find_posts(self, feed: Feed, refs: Iterable[str]) -> list[EntrySummary]:
        """The feed's posts named by `refs`, in that order: `#12` is the post with id 12, any
        other text the post with that key (or, when no key matches and it is a number, id).
        UnknownPost names the first one the feed does not hold."""
        texts = [ref.strip() for ref in refs]
        numbers = [int(n) for text in texts if (n := text.removeprefix("#")).isdigit()]
        posts = self.store.named_summaries(feed.id, keys=texts, ids=numbers)
        by_id = {post.id: post for post in posts}
        by_key = {post.key: post for post in posts}
        found = []
        for text in texts:
            number = text.removeprefix("#")
            post = None if text.startswith("#") else by_key.get(text)
            if post is None and number.isdigit():
                post = by_id.get(int(number))
            if post is None:
                raise UnknownPost(f"no post {text!r} in #{feed.id} {feed.label}")
            found.append(post)
        return found

    # -- favourites ---------------------------------------------------------------------------

    def set_favourite(self, post_id: int, on: bool) -> None:
        """On: keep a copy of the post among the favourites; off: drop it."""
        self.store.set_favourite(post_id, on)

    def toggle_favourite(self, post_id: int) -> bool:
        """Flip whether the post is a favourite; returns whether it now is."""
        on = not self.store.entry(post_id).is_favourite
        self.store.set_favourite(post_id, on)
        return on

    def remove_favourite(self, favourite: Favourite) -> None:
        """Drop a favourite, whether or not its feed still holds the post."""
        self.store.remove_favourite(favourite.feed_url, favourite.entry.key)

    def favourites(self) -> list[Favourite]:
        """Every favourite, most recently favourited first."""
        return self.store.favourites()

    def count_favourites(self) -> int:
        return self.store.count_favourites()

    # -- export -------------------------------------------------------------------------------

    @property
    def export_dir(self) -> Path:
        """Where exports go unless told otherwise: config `export_dir`, else liveread's own."""
        return self.config.export_dir or paths.export_dir()

    def export_target(
        self, given: str | None, fmt: Format | Literal["opml"], *, at: datetime, relative_to: Path
    ) -> Path:
        """The file an export to `given` writes (None: a new file in `export_dir`); a folder
        means a new file in it (see `output.export_target`)."""
        from liveread import export, opml
        from liveread.output import export_target

        return export_target(
            given,
            filename=opml.default_filename(at)
            if fmt == "opml"
            else export.default_filename(fmt, at),
            default_dir=self.export_dir,
            relative_to=relative_to,
        )

    def export(self, path: Path, fmt: Format) -> int:
        """Write every favourite to `path` (replaced whole, never half written); returns how
        many. OutputError when the file cannot be written."""
        from liveread.export import ExportItem, render
        from liveread.output import write_atomic

        items = [ExportItem(f.entry, f.feed_title, f.feed_url) for f in self.favourites()]
        write_atomic(path, render(items, fmt, "Favourites"))
        return len(items)

    def export_feeds(self, path: Path) -> int:
        """Write every followed feed to `path` as OPML (replaced whole, never half written);
        returns how many. OutputError when the file cannot be written."""
        from liveread.opml import to_opml
        from liveread.output import write_atomic

        feeds = self.store.feeds()
        write_atomic(path, to_opml(feeds, created=timefmt.clock()))
        return len(feeds)

    def import_opml(self, data: bytes, name: str) -> Imported:
        """Follow every feed the OPML document `data` (the file `name`) lists that is not
        followed yet (by its address or the one it is known by), all or none, fetching
        nothing: the next refresh does. OpmlError, with nothing followed, for a file that is
        not OPML."""
        from liveread.addresses import feed_address
        from liveread.opml import read_opml

        wanted: list[tuple[str, str, str | None]] = []
        invalid: list[str] = []
        for outline in read_opml(data, name):
            address = feed_address(outline.xml_url)
            if address is None:
                invalid.append(outline.xml_url)
                continue
            # Not `htmlUrl` as the address it is known by: most readers write the site's
            # front page or section there, which many blogs share. The first refresh reads
            # the page's own.
            wanted.append((address, outline.title, None))
        added, known = self.store.add_feeds(wanted)
        return Imported(added, known, invalid)

    # -- linked articles ----------------------------------------------------------------------

    def cached_article(self, url: str) -> Article:
        """The article at `url` as kept from an earlier fetch; NotCached when it never was."""
        from liveread.articles import NotCached

        article = self.store.article(url)
        if article is None:
            raise NotCached(f"not cached: the linked article was never fetched ({url})")
        return article

    async def linked_article(self, url: str) -> Article:
        """The article at `url` (the address a link post points to): as kept, else fetched
        now, its text extracted and kept. ArticleError (one line) when it cannot be read:
        ExtraMissing without trafilatura, NotCached when offline and never fetched."""
        import asyncio

        from liveread import articles
        from liveread.fetch import FetchError

        if self.offline:
            return self.cached_article(url)
        kept = self.store.article(url)
        if kept is not None:
            return kept
        articles.trafilatura()  # before fetching: without it the page could not be read
        try:
            page = await self.connect().fetcher.fetch(url)
        except FetchError as error:
            raise articles.ArticleError(f"could not fetch the linked article: {error}") from None
        if page.text is None:  # not modified: nothing was asked to compare with
            raise articles.ArticleError("the linked article's server sent no page")
        # trafilatura takes some tens of ms a page: off this loop, where refreshes run.
        fetched_at = timefmt.clock().replace(microsecond=0)  # as the store keeps times
        article = await asyncio.to_thread(articles.extract, page.text, url, fetched_at=fetched_at)
        if not self.store.read_only:  # a database opened read-only shows it, keeping nothing
            self.store.save_article(article)
        return article

    # -- search -------------------------------------------------------------------------------

    @property
    def searcher(self) -> Store:
        """The store searches run on: the same file opened again read-only, on first use.
        In WAL mode it reads while a refresh writes, and a long search holds neither the
        main store's lock nor anything a write waits for."""
        with self._searcher_lock:
            if self._closed:
                raise StoreError(f"database is closed: {self.store.path}")
            if self._searcher is None:
                self._searcher = Store(self.store.path, read_only=True)
            return self._searcher

    def search(self, query: str, *, limit: int = 100, offset: int = 0) -> list[SearchHit]:
        """Posts whose title or text hold every term of `query`, best match first among the
        newest matches (`store.search`): the `limit` from `offset` on."""
        return self.searcher.search_hits(query, limit=limit, offset=offset)


def open_core(config: Config, *, offline: bool = False) -> Core:
    """The core over the user's database (`paths.database_file()`), with `config`; it
    goes online (imports and starts the fetcher) only when first asked to fetch."""
    return Core(Store(paths.database_file()), config, offline=offline)
