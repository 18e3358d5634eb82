"""The `liveread` command: headless subcommands over the application core the app drives
(`liveread.core`), reading the same config file.

This module loads little of its own: `liveread` with no command reads its few options
without building the commands' parsers and opens the app, which loads Textual while the
garbage collector rests and the core and the store once its first frame is drawn
(`liveread.ui`); what only the commands use (export, codec, text, the network layers) loads
in the commands."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from liveread import paths, timefmt
from liveread.timefmt import stamp

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from liveread.core import Core
    from liveread.export import ExportItem
    from liveread.history import Version
    from liveread.model import Article, Entry, LiveBlog
    from liveread.service import Event, FeedFailed, FeedRefreshed
    from liveread.store import Feed, Pruned, PruneRule, SearchHit

LAZY_ERRORS = (
    ("liveread.store", "StoreError"),
    ("liveread.output", "OutputError"),
    ("liveread.service", "ServiceError"),
    ("liveread.fetch", "FetchError"),
    ("liveread.parse", "NotALiveBlog"),
    ("liveread.articles", "ArticleError"),
)
"""Errors reported as one line, from modules that load lazily (module, class name)."""


def expected_errors() -> tuple[type[Exception], ...]:
    """The errors to report as one line, exit status 1: those of the lazily loaded modules
    count only once loaded (a module that never loaded raised nothing)."""
    errors: list[type[Exception]] = [OSError, ValueError]
    for module_name, name in LAZY_ERRORS:
        module = sys.modules.get(module_name)
        if module is not None:
            errors.append(getattr(module, name))
    return tuple(errors)


class CommandError(Exception):
    """A failure to report as one line, exit status 1."""


def out(text: str = "") -> None:
    print(text, flush=True)


def warn(text: str) -> None:
    print(f"liveread: warning: {text}", file=sys.stderr, flush=True)


def command_core(*, offline: bool = False) -> Core:
    """The core over the user's data and config file (`offline`: it never fetches); a config
    file that cannot be used is reported in one line, as the app reports it, and the
    defaults are used."""
    from liveread.config import load_or_defaults
    from liveread.core import open_core

    config, problem = load_or_defaults()
    if problem:
        warn(f"{problem} (using defaults)")
    return open_core(config, offline=offline)


Result = TypeVar("Result")


def run_online(job: Callable[[Core], Awaitable[Result]], *, offline: bool = False) -> Result:
    """Run `job(core)` (a coroutine factory) on an event loop, then close the core (its
    fetcher too, when the job fetched); `offline`: a core that never fetches."""

    async def main() -> Result:
        async with command_core(offline=offline) as core:
            return await job(core)

    return asyncio.run(main())


# Output of posts


def entry_text(entry: Entry, feed_title: str = "", post_id: int | None = None) -> str:
    """A post as text; `post_id` (what `read`, `unread` and `favourite` take) heads it."""
    flags = [
        label
        for label, on in (
            ("KEY EVENT", entry.key_event),
            ("PINNED", entry.pinned),
            ("BREAKING", entry.breaking),
            ("SUMMARY", entry.summary),
            ("LINK", entry.kind == "link"),
        )
        if on
    ]
    when = entry.label if entry.published is None and entry.label else stamp(entry.published)
    ref = f"#{post_id}" if post_id is not None else ""
    meta = " · ".join(x for x in (ref, when, ", ".join(entry.authors), feed_title) if x)
    lines = [f"── {meta}" + (f"  [{'] ['.join(flags)}]" if flags else "")]
    if entry.title:
        lines.append(entry.title)
    if entry.text:
        lines += ["", entry.text]
    if entry.url:
        lines += ["", entry.url]
    return "\n".join(lines) + "\n"


def print_entries(
    entries: Sequence[Entry],
    fmt: str,
    feed_title: str = "",
    post_ids: Sequence[int] | None = None,
) -> None:
    """Posts on stdout, checked as an export's are (a post stored by an older liveread may
    hold what parsing now drops); stored posts' ids head them in text."""
    from liveread.codec import entry_to_dict
    from liveread.export import ExportItem, exportable, to_markdown

    items = [exportable(ExportItem(e, feed_title)) for e in entries]
    if fmt == "json":
        out(json.dumps([entry_to_dict(i.entry) for i in items], ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        out(to_markdown(items, feed_title or "posts"))
    else:
        for index, item in enumerate(items):
            out(entry_text(item.entry, post_id=post_ids[index] if post_ids else None))


def fit(text: str, width: int) -> str:
    """`text` (one line) in at most `width` terminal cells, cut with an ellipsis."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"


def one_line(text: str) -> str:
    return " ".join(text.split())


def first_words(entry: Entry) -> str:
    """What names a post on one line: its title and the start of its text (a title is often
    the blog's own headline, the same for every post)."""
    return " — ".join(one_line(part)[:300] for part in (entry.title, entry.text) if part.strip())


# Commands


def cmd_add(args: argparse.Namespace) -> int:
    from liveread.service import AlreadyFollowing

    async def job(core: Core) -> None:
        try:
            feed = await core.add(args.url)
        except AlreadyFollowing as known:
            out(f"Already following as #{known.feed.id} {known.feed.label} ({known.feed.url})")
            return
        if feed.is_source:
            out(
                f"Following {feed.label} (id {feed.id}), a source: liveread follows the live "
                f"blogs it announces; found {feed.blogs_found} now"
            )
            for blog in core.store.feeds():
                if blog.source_id == feed.id:
                    out(f"  #{blog.id} {blog.label} ({blog.total} posts)")
            return
        out(f"Following {feed.label} ({feed.total} posts, id {feed.id})")

    run_online(job)
    return 0


def cmd_feeds(args: argparse.Namespace) -> int:
    with command_core() as core:
        feeds = core.store.feeds()
        levels = {feed.id: core.alert_level(feed) for feed in feeds}
    if args.json:
        out(json.dumps([_feed_dict(f) | {"alerts": levels[f.id]} for f in feeds], indent=2))
        return 0
    if not feeds:
        out("No feeds yet. Add one with: liveread add URL   (or try: liveread demo)")
        return 0
    now = timefmt.clock()
    for feed in feeds:
        if feed.is_source:
            line = f"{feed.id:>3}  {feed.label}  [source: {plural(feed.blogs_found, 'live blog')} found]"
        else:
            state = {True: "live", False: "ended", None: "?"}[feed.is_live]
            line = f"{feed.id:>3}  {feed.label}  [{state}]  {feed.unread}/{feed.total} unread"
            if feed.source_title is not None:
                line += f"  via {feed.source_title or 'a source'}"
        line += f"  refreshed {stamp(feed.last_ok_at)}" if feed.last_ok_at else "  never refreshed"
        line += f"  fetching: {_next_fetch(feed, now)}"
        out(f"{line}  alerts: {levels[feed.id]}")
        if feed.last_error:
            out(f"     error: {feed.last_error}")
    return 0


def _next_fetch(feed: Feed, now: datetime) -> str:
    """When the feed is fetched next and why: "in 2 min · posts arriving", "ended"."""
    from liveread.schedule import describe

    return describe(feed.next_fetch_at, feed.poll_reason, feed.user_interval, now)


def _feed_dict(feed: Feed) -> dict[str, object]:
    from liveread.model import iso_z

    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "kind": feed.kind,
        "source_id": feed.source_id,
        "blogs_found": feed.blogs_found if feed.is_source else None,
        "live": feed.is_live,
        "unread": feed.unread,
        "total": feed.total,
        "last_ok": iso_z(feed.last_ok_at),
        "error": feed.last_error,
        "next_fetch": iso_z(feed.next_fetch_at),
        "poll_reason": feed.poll_reason,
        "poll_interval": feed.poll_interval,
        "interval": feed.user_interval,
        "schedule": _next_fetch(feed, timefmt.clock()),
    }


def cmd_set(args: argparse.Namespace) -> int:
    """Change a feed's own settings: each option its own, in a function of its own."""
    with command_core() as core:
        feed = core.store.feed(args.feed)
        changes = [
            *_set_interval(core, feed, args.interval),
            *_set_alerts(core, feed, args.alerts),
        ]
    if not changes:
        raise CommandError(
            "nothing to set: give --interval SECONDS (or --interval auto) or --alerts LEVEL"
        )
    out(f"#{feed.id} {feed.label}: {'; '.join(changes)}")
    return 0


def _set_interval(core: Core, feed: Feed, value: str | None) -> list[str]:
    """`set --interval`: a number of seconds, or "auto" for the feed's own rhythm."""
    import math

    from liveread.schedule import duration

    if value is None:
        return []
    seconds: float | None = None
    if value.strip().casefold() != "auto":
        try:
            seconds = float(value)
        except ValueError:
            seconds = math.nan
        if not math.isfinite(seconds):
            raise CommandError(f"--interval takes a number of seconds or 'auto', not {value!r}")
    core.set_interval(feed, seconds)
    if seconds is None:
        return ["fetched by its own rhythm"]
    return [f"fetched every {duration(seconds)}"]


def _set_alerts(core: Core, feed: Feed, level: str | None) -> list[str]:
    """`set --alerts`: the feed's own alert level, or "default" for the config's."""
    if level is None:
        return []
    core.set_alerts(feed.id, None if level == "default" else level)
    if level == "default":
        return [f"alerts: {core.config.alerts} (the config's)"]
    return [f"alerts: {level}"]


FOLLOW_COMMANDS_WAIT = 2.0
"""Seconds `follow`, ending, waits for the notify commands it started."""


def cmd_follow(args: argparse.Namespace) -> int:
    """Follow one feed headless, printing each new post as it arrives, until Ctrl+C."""
    from liveread.alerts import Alerter
    from liveread.config import MIN_REFRESH_SECONDS
    from liveread.follow import follow, followed

    if args.interval is not None and args.interval < MIN_REFRESH_SECONDS:
        raise CommandError(f"--interval must be at least {MIN_REFRESH_SECONDS:g} seconds")
    alerters: list[Alerter] = []

    async def job(core: Core) -> None:
        write = _terminal_writer()
        alerter = Alerter(
            core.config,
            write=write,
            ring=(lambda: write("\a")) if write else None,
            report=warn,
        )
        alerters.append(alerter)
        feed, added = await followed(core, args.feed)
        if feed.is_source:
            raise CommandError(
                f"#{feed.id} {feed.label} is a source, with no posts of its own: follow one of "
                f"the {plural(feed.blogs_found, 'live blog')} it found (liveread feeds lists them)"
            )
        interval = args.interval or core.config.refresh_interval
        print(
            f"Following #{feed.id} {feed.label} ({feed.url}) every {interval:g} s;"
            " new posts appear as they arrive. Ctrl+C ends.",
            file=sys.stderr,
            flush=True,
        )
        await follow(
            core,
            feed,
            interval=interval,
            show=lambda text: out(text),
            failed=lambda line: print(f"liveread: {line}", file=sys.stderr, flush=True),
            alerter=alerter,
            as_json=args.json,
            wait_first=added,
        )

    try:
        run_online(job)
    except KeyboardInterrupt:
        pass  # how following ends
    finally:
        for alerter in alerters:
            alerter.close(wait=FOLLOW_COMMANDS_WAIT)
    return 0


def _terminal_writer() -> Callable[[str], None] | None:
    """Where `follow` writes the terminal's notifications and bell: the terminal on stderr,
    else on stdout; none when neither is one (output piped on, in the background)."""
    stream = next((s for s in (sys.stderr, sys.stdout) if s.isatty()), None)
    if stream is None:
        return None

    def write(sequence: str) -> None:
        stream.write(sequence)
        stream.flush()

    return write


def cmd_remove(args: argparse.Namespace) -> int:
    with command_core() as core:
        feed = core.store.feed(args.feed, exact=True)
        what = f"#{feed.id} {feed.label} ({feed.url})"
        if not args.yes:
            posts = f"{feed.total:,} stored post{'s' * (feed.total != 1)}"
            if not confirm(f"Stop following {what}, {posts}? Favourites are kept. [y/N] "):
                out("Nothing removed.")
                return 0
        core.remove(feed.id)
    out(f"Removed {what} (favourites kept)")
    return 0


def confirm(question: str) -> bool:
    """Ask on the terminal; without one there is nobody to ask, and the answer is no one
    gave: an error that names `--yes`."""
    if not sys.stdin.isatty():
        raise CommandError("not removing without confirmation: answer in a terminal, or add --yes")
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def cmd_refresh(args: argparse.Namespace) -> int:
    from liveread.service import FeedFailed, FeedRefreshed

    failed = 0

    async def job(core: Core) -> None:
        nonlocal failed
        feeds = [core.store.feed(args.feed)] if args.feed else core.store.feeds()
        if not feeds:
            if not args.json:
                out("No feeds to refresh. Add one with: liveread add URL")
            return
        by_id = {feed.id: feed for feed in feeds}
        line = refresh_json if args.json else refresh_line
        report = _RefreshReport(len(feeds))

        def told(event: Event) -> None:
            nonlocal failed
            if isinstance(event, FeedRefreshed | FeedFailed):
                failed += isinstance(event, FeedFailed)
                report.done(line(event, by_id[event.feed_id]))

        try:
            await core.refresh(feeds, told)
        finally:
            report.stop()

    run_online(job)
    return 1 if failed else 0


def refresh_json(event: FeedRefreshed | FeedFailed, feed: Feed) -> str:
    """One feed's result as one line of JSON."""
    from liveread.service import FeedFailed

    result: dict[str, object] = {"id": feed.id, "title": event.title}
    if isinstance(event, FeedFailed):
        result |= {
            "new": 0,
            "edited": 0,
            "not_modified": False,
            "found": 0,
            "error": event.reason,
        }
    else:
        result |= {
            "new": len(event.new),
            "edited": len(event.edited),
            "not_modified": event.not_modified,
            "found": len(event.found),
            "error": None,
        }
    return json.dumps(result, ensure_ascii=False)


def refresh_line(event: FeedRefreshed | FeedFailed, feed: Feed) -> str:
    """One feed's result, named by id, title and address."""
    from liveread.service import FeedFailed

    name = f"#{feed.id} {event.title} ({feed.url})"
    if isinstance(event, FeedFailed):
        return f"{name}: failed: {event.reason}"
    if event.not_modified:
        return f"{name}: no change"
    if event.source:
        return f"{name}: {plural(len(event.found), 'live blog')} found"
    line = f"{name}: {len(event.new)} new, {len(event.edited)} edited"
    return line + (f", {plural(event.pruned, 'old post')} removed" if event.pruned else "")


class _RefreshReport:
    """Each feed's result printed as it completes, under a live progress bar while a person
    watches (on stderr, so piped output is only the results)."""

    def __init__(self, total: int) -> None:
        self.progress: Progress | None = None
        self.console: Console | None = None
        if not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        # Results and bar share the terminal when stdout is one: print through the bar's
        # console, which keeps the bar below them.
        self.console = Console(stderr=not sys.stdout.isatty(), highlight=False)
        self.progress = Progress(
            TextColumn("Refreshing"),
            BarColumn(),
            MofNCompleteColumn(),
            console=self.console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("", total=total)
        self.progress.start()

    def done(self, line: str) -> None:
        if self.console is not None and not self.console.stderr:
            self.console.print(line, markup=False, emoji=False, soft_wrap=True)
        else:
            out(line)
        if self.progress is not None:
            self.progress.advance(self.task)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def cmd_show(args: argparse.Namespace) -> int:
    if args.history is not None and args.article is not None:
        raise CommandError("--history and --article each show one post: choose one")
    if args.history is not None:
        return _show_history(args)
    if args.article is not None:
        return _show_article(args)
    with command_core() as core:
        feed = core.store.feed(args.feed)
        stored = core.store.entries(feed.id, unread_only=args.new, limit=args.limit)
        if args.new:
            core.mark_read(s.id for s in stored)
    entries = [s.entry for s in stored]
    if not entries and args.format == "text":
        out("No new posts." if args.new else "No posts stored yet: run liveread refresh.")
        return 0
    print_entries(entries, args.format, feed.label, [s.id for s in stored])
    return 0


def _show_history(args: argparse.Namespace) -> int:
    """A post's versions, oldest first, each later one as the words its edit changed."""
    from liveread.history import history_text, versions_of

    if args.new or args.limit is not None or args.format == "markdown":
        raise CommandError("--history shows one post's versions: no --new, --limit or --markdown")
    with command_core() as core:
        feed = core.store.feed(args.feed)
        (post,) = core.find_posts(feed, [args.history])
        versions = versions_of(core.store.entry(post.id), core.store.history(post.id))
    if args.format == "json":
        out(json.dumps([_version_dict(v) for v in versions], ensure_ascii=False, indent=2))
    elif sys.stdout.isatty():
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(history_text(versions, colour=True))
    else:
        out(history_text(versions, colour=False).plain)
    return 0


def _show_article(args: argparse.Namespace) -> int:
    """The article a link post points to: as kept, else fetched (and kept) now."""
    from liveread.articles import linked_address
    from liveread.codec import article_to_dict

    if args.new or args.limit is not None or args.format == "markdown":
        raise CommandError(
            "--article shows one post's linked article: no --new, --limit or --markdown"
        )

    async def job(core: Core) -> Article:
        feed = core.store.feed(args.feed)
        (post,) = core.find_posts(feed, [args.article])
        stored = core.store.entry(post.id)
        url = linked_address(stored.entry, feed.url)
        if url is None:
            raise CommandError(f"post {args.article} is not a link to an article")
        return await core.linked_article(url)

    article = run_online(job, offline=args.offline)
    if args.format == "json":
        out(json.dumps(article_to_dict(article), ensure_ascii=False, indent=2))
    else:
        out(article_text(article))
    return 0


def article_text(article: Article) -> str:
    """A linked article as text: where it comes from, its title and byline, its paragraphs."""
    from liveread.articles import article_date, source_name

    entry = article.as_entry()
    source = source_name(article)
    meta = " · ".join(x for x in (article_date(article), ", ".join(article.authors)) if x)
    lines = [f"── linked article from {source}: {article.url}"]
    if article.title:
        lines.append(article.title)
    if meta:
        lines.append(meta)
    if entry.text:
        lines += ["", entry.text]
    return "\n".join(lines) + "\n"


def _version_dict(version: Version) -> dict[str, object]:
    from liveread.model import iso_z

    return {
        "title": version.title,
        "authors": list(version.authors),
        "since": iso_z(version.current_from),
        "text": version.text,
    }


def cmd_read(args: argparse.Namespace) -> int:
    return _mark(args, read=True)


def cmd_unread(args: argparse.Namespace) -> int:
    return _mark(args, read=False)


def _mark(args: argparse.Namespace, *, read: bool) -> int:
    """Mark the posts named (all of them, if none is) of a feed read or unread: every one
    named must be found, or nothing changes."""
    from liveread.text import scrub

    state = "read" if read else "unread"
    if args.all:
        if args.feed is not None:
            raise CommandError("read --all marks every feed: name no feed with it")
        with command_core() as core:
            changed = core.mark_all_read()
        out(f"Marked {changed} post{'s' * (changed != 1)} read in every feed")
        return 0
    if args.feed is None:
        raise CommandError(f"name a feed to mark {state}" + (" (or --all)" if read else ""))
    with command_core() as core:
        feed = core.store.feed(args.feed)
        if args.posts:
            posts = core.find_posts(feed, args.posts)
            changed = core.mark_read((p.id for p in posts), read)
            named = len({p.id for p in posts})
        else:
            changed = core.mark_feed_read(feed.id, read)
            named = feed.total
    line = f"Marked {changed} post{'s' * (changed != 1)} {state} in #{feed.id} {feed.label}"
    if named > changed:
        line += f" ({named - changed} already {state})"
    out(scrub(line))
    return 0


def cmd_favourite(args: argparse.Namespace) -> int:
    """Make a post a favourite or not: the other way round from now, or as told."""
    from liveread.text import scrub

    with command_core() as core:
        feed = core.store.feed(args.feed)
        (post,) = core.find_posts(feed, [args.post])
        wanted = not post.is_favourite if args.on is None else args.on
        if wanted != post.is_favourite:
            core.set_favourite(post.id, wanted)
    name = fit(f"#{post.id} {one_line(scrub(post.title or post.excerpt))}", 100)
    if wanted == post.is_favourite:
        out(f"Already a favourite: {name}" if wanted else f"Not a favourite: {name}")
    else:
        out(f"Added to favourites: {name}" if wanted else f"Removed from favourites: {name}")
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from liveread.codec import blog_to_dict
    from liveread.parse import NotALiveBlog

    try:
        blog = _parse_source(args.source, explain=args.explain)
    except NotALiveBlog as refusal:
        _explain_refusal(refusal.contest)
        raise
    if args.json:
        out(json.dumps(blog_to_dict(blog), ensure_ascii=False, indent=2))
    elif not args.explain:
        out(f"{blog.title}\n{len(blog.entries)} posts ({blog.source})\n")
        print_entries(blog.entries, "text")
    if args.explain:
        _explain(blog, to_stderr=args.json)
    return 0


def _parse_source(source: str, *, explain: bool = False) -> LiveBlog:
    from liveread.parse import parse
    from liveread.savedpage import SavedPageError, read_saved_page

    if source.startswith(("http://", "https://")):
        from liveread.service import read_page

        return asyncio.run(read_page(source, explain=explain))
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"no such file: {source}")
    try:
        page, address = read_saved_page(path.read_bytes(), source)
    except SavedPageError as error:
        raise CommandError(str(error)) from None
    return parse(page, address or path.resolve().as_uri(), explain=explain)


def _explain_refusal(contest: list[str]) -> None:
    """How each reader read a page none of them found posts in (with `--explain`)."""
    if contest:
        print(f"{len(contest)} readings of the page, none read:", file=sys.stderr)
        for reading in contest:
            print(f"  {reading}", file=sys.stderr)


def _explain(blog: LiveBlog, *, to_stderr: bool) -> None:
    stream = sys.stderr if to_stderr else sys.stdout
    print(f"{len(blog.contest)} readings of the page (* the one read):", file=stream)
    for reading in blog.contest:
        print(f"  {reading}", file=stream)
    print(f"{len(blog.removals)} removals ({blog.source}):", file=stream)
    for removal in blog.removals:
        where = f" [post {removal.entry_key}]" if removal.entry_key else ""
        print(f"  - {removal.rule}{where}: {removal.text}", file=stream)


def count(text: str) -> int:
    """An argument that is a whole number of things: zero or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not zero or a positive whole number: {text!r}")
    return value


def cmd_search(args: argparse.Namespace) -> int:
    from liveread.export import ExportItem, exportable

    with command_core() as core:
        hits = core.search(args.query, limit=args.limit, offset=args.offset)
    if args.json:
        out(json.dumps([hit_dict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        more = f" after the first {args.offset}" if args.offset else ""
        out(f"No {'more ' if more else ''}posts match {args.query!r}{more}.")
        return 0
    found = [exportable(ExportItem(hit.entry.entry, hit.entry.feed_title)) for hit in hits]
    ids = [hit.entry.id for hit in hits]
    if args.full:
        for item, post_id in zip(found, ids, strict=True):
            out(entry_text(item.entry, item.feed_title, post_id))
        return 0
    for line in hit_lines(found, ids, width=shutil.get_terminal_size().columns):
        out(line)
    return 0


FEED_COLUMN = 20
"""Cells a feed's title gets at most in a one-line search hit."""


def hit_lines(found: Sequence[ExportItem], ids: Sequence[int], *, width: int) -> list[str]:
    """Search hits one line each, in columns: when, which feed, the post's #id and what
    names it, cut to `width` cells."""
    from rich.cells import cell_len

    now = timefmt.local(timefmt.clock())
    whens = [short_time(item.entry, now) for item in found]
    feeds = [fit(one_line(item.feed_title), FEED_COLUMN) for item in found]
    refs = [f"#{post_id}" for post_id in ids]
    sizes = [max(map(cell_len, column)) for column in (whens, feeds, refs)]
    lines = []
    for item, *cells in zip(found, whens, feeds, refs, strict=True):
        padded = [c + " " * (size - cell_len(c)) for c, size in zip(cells, sizes, strict=True)]
        lines.append(fit("  ".join([*padded, first_words(item.entry)]), width))
    return lines


def short_time(entry: Entry, now: datetime) -> str:
    """When a post was published, briefly: "07 Aug 14:03" this year, "07 Aug 2023" before."""
    if entry.published is None:
        return fit(one_line(entry.label) or "undated", 12)
    when = timefmt.local(entry.published)
    return when.strftime("%d %b %H:%M" if when.year == now.year else "%d %b %Y")


def hit_dict(hit: SearchHit) -> dict[str, object]:
    from liveread.export import ExportItem, exportable
    from liveread.model import iso_z
    from liveread.store import SNIPPET_CLOSE, SNIPPET_OPEN
    from liveread.text import scrub

    found = exportable(ExportItem(hit.entry.entry, hit.entry.feed_title))
    snippet = hit.snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")
    return {
        "feed": found.feed_title,
        "feed_id": hit.entry.feed_id,
        "id": hit.entry.id,
        "key": found.entry.key,
        "title": found.entry.title,
        "published": iso_z(found.entry.published),
        "url": found.entry.url,
        "snippet": scrub(snippet),
    }


def cmd_export(args: argparse.Namespace) -> int:
    from datetime import UTC

    from liveread.output import is_taken

    with command_core() as core:
        feeds = args.format == "opml"
        if feeds and not core.store.feeds():
            raise CommandError("no feeds to export (follow one with: liveread add URL)")
        if not feeds and not core.count_favourites():
            raise CommandError(
                "no favourites to export (mark posts with f in the app, or liveread favourite)"
            )
        path = core.export_target(
            args.output, args.format, at=datetime.now(UTC), relative_to=Path.cwd()
        )
        if is_taken(path) and not args.force:
            raise CommandError(f"{path} exists (use --force to overwrite)")
        count = core.export_feeds(path) if feeds else core.export(path, args.format)
    out(f"Exported {plural(count, 'feed') if feeds else f'{count} favourites'} to {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Follow the feeds an OPML file lists; with --refresh, fetch them at once."""
    from liveread.text import scrub

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"no such file: {args.file}") from None
    except IsADirectoryError:
        raise CommandError(f"{args.file} is a folder, not an OPML file") from None
    with command_core() as core:
        imported = core.import_opml(data, args.file)
    for feed in imported.added:
        out(scrub(f"Added #{feed.id} {feed.label} ({feed.url})"))
    for address, feed in imported.known:
        out(scrub(f"Already following {address} as #{feed.id} {feed.label}"))
    for address in imported.invalid:
        out(scrub(f"Not a web address, skipped: {one_line(address)[:200]}"))
    added = len(imported.added)
    out(
        f"{args.file}: {plural(added, 'feed')} added, {len(imported.known):,} already followed, "
        f"{len(imported.invalid):,} invalid."
    )
    if not added:
        return 0
    if not args.refresh:
        out("They are fetched on the next refresh (liveread refresh, or in the app).")
        return 0
    return _refresh_added(imported.added)


def _refresh_added(feeds: Sequence[Feed]) -> int:
    from liveread.service import FeedFailed

    async def job(core: Core) -> list[FeedRefreshed | FeedFailed]:
        return await core.refresh([core.store.feed(feed.id) for feed in feeds])

    by_id = {feed.id: feed for feed in feeds}
    events = run_online(job)
    for event in events:
        out(refresh_line(event, by_id[event.feed_id]))
    return 1 if any(isinstance(event, FeedFailed) for event in events) else 0


def cmd_prune(args: argparse.Namespace) -> int:
    """Remove old posts by the config's rule (or the one given), or only say which would go."""
    from liveread.config import MAX_KEEP_DAYS
    from liveread.store import PruneRule

    if args.keep_days is not None and args.keep_days > MAX_KEEP_DAYS:
        raise CommandError(f"--keep-days must be at most {MAX_KEEP_DAYS:,}")
    with command_core() as core:
        rule = PruneRule(
            core.prune_rule.keep_days if args.keep_days is None else args.keep_days or None,
            core.prune_rule.max_posts if args.max_posts is None else args.max_posts or None,
        )
        if not rule.active:
            raise CommandError(
                "nothing to prune by: set keep_days or max_posts_per_feed in "
                f"{paths.config_file()}, or give --keep-days or --max-posts"
            )
        results = []
        # A feed at a time, each reported as it is done: a failure later loses no report.
        for feed in [core.store.feed(args.feed)] if args.feed else core.store.feeds():
            (pruned,) = core.prune([feed], rule=rule, dry_run=args.dry_run)
            if pruned.total:
                out(prune_line(pruned, rule, dry_run=args.dry_run))
            results.append(pruned)
        total = sum(pruned.total for pruned in results)
        if args.vacuum and total and not args.dry_run:
            core.store.vacuum()
    out(prune_total(total, sum(1 for p in results if p.total), dry_run=args.dry_run))
    return 0


def prune_line(pruned: Pruned, rule: PruneRule, *, dry_run: bool) -> str:
    """One feed's report: "Guardian live: 1,204 posts older than 30 days removed"."""
    from liveread.text import scrub

    reasons: list[tuple[int, str]] = []
    if pruned.by_age:
        reasons.append((pruned.by_age, f"older than {plural(rule.keep_days, 'day')}"))
    if pruned.by_count:
        reasons.append((pruned.by_count, f"beyond the newest {rule.max_posts or 0:,}"))
    (first, why), *more = reasons
    what = f"{plural(first, 'post')} {why}" + "".join(f" and {n:,} {w}" for n, w in more)
    done = "would be removed" if dry_run else "removed"
    return f"{one_line(scrub(pruned.feed_title))}: {what} {done}"


def prune_total(total: int, feeds: int, *, dry_run: bool) -> str:
    if not total:
        return "Nothing to prune."
    if dry_run:
        return f"Would remove {plural(total, 'post')} from {plural(feeds, 'feed')} (dry run)."
    return f"Removed {plural(total, 'post')} from {plural(feeds, 'feed')}."


def plural(number: int | None, noun: str) -> str:
    return f"{number or 0:,} {noun}{'s' * (number != 1)}"


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the database; if it is damaged, save what can be read into a fresh one."""
    from liveread.store import doctor

    path = paths.database_file()
    if not path.exists():
        out(f"No database yet at {path}: nothing to check.")
        return 0
    out(f"Checking {path}")
    problems = doctor.check(path)
    if not problems:
        out("The database is healthy: nothing to do.")
        return 0
    out("The database is damaged:")
    for problem in problems:
        out(f"  {problem}")
    out("Saving what can be read into a fresh database…")
    out(f"Done: {doctor.salvage(path, now=datetime.now())}.")
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    from liveread.ui import run_app

    return run_app(offline=args.offline, demo=args.demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """Serve the built-in demo live blog on loopback, follow it in a throwaway folder and print
    its posts; with --watch, keep refreshing and print posts as they arrive."""
    from liveread.demo import DemoServer

    with paths.throwaway_home("liveread-demo-"), DemoServer(interval=args.interval) as demo:
        out(f"Demo live blog at {demo.url} (data in a throwaway folder)\n")
        return asyncio.run(_demo(demo.url, args.watch, args.interval))


async def _demo(url: str, watch: float, interval: float) -> int:
    from liveread.service import FeedFailed

    async with command_core() as core:
        feed = await core.add(url)
        out(f"{feed.label}: {feed.total} posts\n")
        stored = core.store.entries(feed.id)
        print_entries([s.entry for s in stored], "text", post_ids=[s.id for s in stored])
        core.mark_feed_read(feed.id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + watch
        while loop.time() < deadline:
            await asyncio.sleep(min(interval, max(0.0, deadline - loop.time())))
            (event,) = await core.refresh([core.store.feed(feed.id)])
            if isinstance(event, FeedFailed):
                out(f"refresh failed: {event.reason}")
                continue
            fresh = core.store.entries(feed.id, unread_only=True)
            core.mark_read(s.id for s in fresh)
            for post in reversed(fresh):
                label = "EDITED" if post.edited_at else "NEW"
                out(f"[{label}] " + entry_text(post.entry, post_id=post.id))
    return 0


# Argument parsing


class _VersionAction(argparse.Action):
    """Like argparse's "version" action, but reads the version (importlib.metadata, about
    30 ms) only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from liveread import __version__

        print(f"liveread {__version__}", flush=True)
        parser.exit()


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, but measuring the commands as indented as they are shown, so a long
    name ("favourite") keeps its help on its own line."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if isinstance(action, argparse._SubParsersAction) and action.help != argparse.SUPPRESS:
            names = [self._format_action_invocation(sub) for sub in action._get_subactions()]
            indent = self._current_indent + self._indent_increment
            longest = max(map(len, names), default=0) + indent
            self._action_max_length = max(self._action_max_length, longest)


APP_OPTIONS = ("--demo", "--offline")
"""The options of `liveread` with no command (the app), as `build_app_parser` defines them."""


def build_app_parser() -> argparse.ArgumentParser:
    """The parser of `liveread`'s own options, without the commands (`build_parser` adds
    them): all the app needs."""
    parser = argparse.ArgumentParser(
        prog="liveread",
        formatter_class=_HelpFormatter,
        description="Follow news live blogs from the terminal: clean posts, kept offline.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--demo", action="store_true", help="open the app on the built-in demo live blog"
    )
    parser.add_argument(
        "--offline", action="store_true", help="open the app without touching the network"
    )
    parser.set_defaults(command=None)
    return parser


def opens_the_app(argv: Sequence[str]) -> bool:
    """Whether `argv` is only app options (or argparse's abbreviations of them, "--off"):
    then the full parser would read it as `build_app_parser` does, and its two dozen command
    parsers need not be built."""
    return all(
        arg.startswith("--") and len(arg) > 2 and any(o.startswith(arg) for o in APP_OPTIONS)
        for arg in argv
    )


def build_parser() -> argparse.ArgumentParser:
    parser = build_app_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = sub.add_parser("add", help="follow a live blog by its URL")
    add.add_argument("url")
    add.set_defaults(func=cmd_add)

    feeds = sub.add_parser("feeds", help="list followed live blogs")
    feeds.add_argument("--json", action="store_true", help="print JSON")
    feeds.set_defaults(func=cmd_feeds)

    set_cmd = sub.add_parser("set", help="change a feed's own settings")
    set_cmd.add_argument("feed", help="feed id, URL or part of its title")
    set_cmd.add_argument(
        "--interval",
        metavar="SECONDS|auto",
        help="fetch it every SECONDS (at least min_interval), or 'auto': by its own rhythm",
    )
    set_cmd.add_argument(
        "--alerts",
        choices=("all", "key", "none", "default"),
        help="alerts outside the app for every new post, key events only, none, or as the"
        " config's `alerts` says (default)",
    )
    set_cmd.set_defaults(func=cmd_set)

    follow_cmd = sub.add_parser(
        "follow", help="follow one live blog: print its new posts as they arrive, until Ctrl+C"
    )
    follow_cmd.add_argument(
        "feed", metavar="FEED|URL", help="feed id, URL or title; a URL not followed is added"
    )
    follow_cmd.add_argument("--json", action="store_true", help="one JSON object per post and line")
    follow_cmd.add_argument(
        "--interval",
        type=float,
        default=None,
        metavar="SECONDS",
        help="seconds between refreshes (config refresh_interval)",
    )
    follow_cmd.set_defaults(func=cmd_follow)

    remove = sub.add_parser("remove", help="stop following a live blog (favourites are kept)")
    remove.add_argument("feed", help="feed id, URL or whole title")
    remove.add_argument("-y", "--yes", action="store_true", help="do not ask first")
    remove.set_defaults(func=cmd_remove)

    refresh = sub.add_parser("refresh", help="fetch new posts (all feeds, concurrently)")
    refresh.add_argument("feed", nargs="?", help="only this feed (id, URL or title)")
    refresh.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per feed and line: id, title, new, edited, not_modified, error",
    )
    refresh.set_defaults(func=cmd_refresh)

    show = sub.add_parser("show", help="print a feed's stored posts, newest first")
    show.add_argument("feed", help="feed id, URL or part of its title")
    fmt = show.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json")
    fmt.add_argument("--markdown", dest="format", action="store_const", const="markdown")
    show.add_argument("--new", action="store_true", help="only unread posts, then mark them read")
    show.add_argument("--limit", type=int, default=None, help="at most N posts")
    show.add_argument(
        "--history",
        metavar="POST",
        help="the versions of one post (#id or key), oldest first, with what each edit changed",
    )
    show.add_argument(
        "--article",
        metavar="POST",
        help="the text of the article a link post (#id or key) points to, fetched and kept"
        " on first use (needs the articles extra)",
    )
    show.set_defaults(func=cmd_show, format="text")

    for name, func, state in (("read", cmd_read, "read"), ("unread", cmd_unread, "unread")):
        mark = sub.add_parser(name, help=f"mark a feed's posts {state} (all, or those named)")
        mark.add_argument("feed", nargs="?", help="feed id, URL or part of its title")
        mark.add_argument(
            "posts", nargs="*", metavar="POST", help="a post's #id (as show prints it) or key"
        )
        if name == "read":
            mark.add_argument("--all", action="store_true", help="every post of every feed")
        mark.set_defaults(func=func, all=False)

    favourite = sub.add_parser("favourite", help="mark or unmark a post as a favourite")
    favourite.add_argument("feed", help="feed id, URL or part of its title")
    favourite.add_argument("post", help="the post's #id (as show prints it) or key")
    way = favourite.add_mutually_exclusive_group()
    way.add_argument("--on", dest="on", action="store_const", const=True, help="make it one")
    way.add_argument("--off", dest="on", action="store_const", const=False, help="unmake it")
    favourite.set_defaults(func=cmd_favourite, on=None)

    parse_cmd = sub.add_parser("parse", help="parse a saved page or a URL and print its posts")
    parse_cmd.add_argument("source", metavar="FILE|URL")
    parse_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    parse_cmd.add_argument(
        "--explain",
        action="store_true",
        help="how each reader read the page and why one won; every removed block and its rule",
    )
    parse_cmd.set_defaults(func=cmd_parse)

    search = sub.add_parser("search", help="full-text search over stored posts")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20, help="at most N matches (20)")
    search.add_argument(
        "--offset",
        type=count,
        default=0,
        metavar="N",
        help="skip the first N matches: --offset 20 is the second page of 20",
    )
    shape = search.add_mutually_exclusive_group()
    shape.add_argument("--full", action="store_true", help="print each matching post whole")
    shape.add_argument(
        "--json",
        action="store_true",
        help="print JSON: feed, key, title, published, url and snippet of each match",
    )
    search.set_defaults(func=cmd_search)

    export_cmd = sub.add_parser(
        "export",
        help="write favourites to a Markdown, JSON or HTML file, or the feeds you follow to OPML",
    )
    export_cmd.add_argument(
        "--format",
        choices=("md", "json", "html", "opml"),
        default="md",
        help="md, json, html: your favourites; opml: the feeds you follow, for another reader"
        " (or liveread import)",
    )
    export_cmd.add_argument(
        "-o", "--output", metavar="PATH", help="file to write, or an existing folder to write into"
    )
    export_cmd.add_argument(
        "--force", action="store_true", help="replace an existing file (never anything else)"
    )
    export_cmd.set_defaults(func=cmd_export)

    prune = sub.add_parser(
        "prune",
        help="remove old posts by config keep_days / max_posts_per_feed (favourites stay)",
    )
    prune.add_argument("feed", nargs="?", help="only this feed (id, URL or title)")
    prune.add_argument(
        "--dry-run", action="store_true", help="say what would be removed, remove nothing"
    )
    prune.add_argument(
        "--keep-days", type=count, metavar="N", help="instead of keep_days (0: no age limit)"
    )
    prune.add_argument(
        "--max-posts",
        type=count,
        metavar="N",
        help="instead of max_posts_per_feed (0: no count limit)",
    )
    prune.add_argument(
        "--vacuum",
        action="store_true",
        help="then give the space back to the disk (rewrites the database file: slow if big)",
    )
    prune.set_defaults(func=cmd_prune)

    import_cmd = sub.add_parser(
        "import", help="follow the feeds an OPML file lists (those not followed already)"
    )
    import_cmd.add_argument("file", metavar="FILE.opml")
    import_cmd.add_argument(
        "--refresh", action="store_true", help="fetch the feeds added now, not on the next refresh"
    )
    import_cmd.set_defaults(func=cmd_import)

    doctor = sub.add_parser(
        "doctor",
        help="check the database; if damaged, save what can be read into a fresh one"
        " (close liveread first)",
    )
    doctor.set_defaults(func=cmd_doctor)

    demo = sub.add_parser("demo", help="headless run of the built-in demo live blog")
    demo.add_argument(
        "--watch", type=float, default=0.0, metavar="SECONDS", help="keep following this long"
    )
    demo.add_argument(
        "--interval", type=float, default=5.0, help="seconds between demo posts and refreshes"
    )
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_app_parser() if opens_the_app(argv) else build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.func = cmd_tui
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output stopped early (`liveread parse PAGE | head`): not an error
        # to report. Point stdout at devnull so the interpreter's last flush is quiet too.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        if not isinstance(error, (CommandError, *expected_errors())):
            raise
        print(f"liveread: error: {error}", file=sys.stderr)
        return 1
