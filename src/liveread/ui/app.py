"""The liveread app: feeds | entry list | reader, driven by the service's events.

Workers fetch and load; they only post messages. The handlers here own the state: which view
is shown, which feeds are busy, where the reader is. The UI thread runs no store query and
no parse: refreshing and adding feeds run on the network thread (`liveread.background`, over
a connection of its own), and the app's own store calls on its store thread (`storecalls`).

A StoreError in any of them becomes a `StoreFailed` message (`with_store`, or
`reports_store_errors` on a worker), and its handler is the one place that turns store
trouble into what the user sees (the banner over the panes, a warning for a request that
could not be saved). The app keeps running and reading goes on where the file allows.

The app is put together from parts, each in a module of its own: `reading` (the posts list,
the reader, and when a post becomes read), `postkeys` (the keys that act on posts) and
`panes` (the pane layouts and focus). This module composes them and owns the rest: the feeds
pane, store trouble, refreshing, adding and removing feeds, export, and help.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.actions import ActionParseResult
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from liveread import paths, timefmt
from liveread.output import OutputError
from liveread.store import NotFound, StoreError, StoreFault
from liveread.ui import screens
from liveread.ui.banner import StoreBanner
from liveread.ui.errors import reports_store_errors
from liveread.ui.garbage import FullCollections, first_frame_drawn, freeze_long_lived, thaw
from liveread.ui.launch import Launch
from liveread.ui.lists import ALL_FEEDS, EntryList, FeedList
from liveread.ui.messages import Inbox, ServiceEvents, StoreFailed
from liveread.ui.panes import NARROW_BELOW, Panes
from liveread.ui.postkeys import PostKeys
from liveread.ui.reader import WELCOME, Reader
from liveread.ui.reading import Dwell
from liveread.ui.state import UiState
from liveread.ui.visits import Visits

if TYPE_CHECKING:  # the network layers (httpx, selectolax), key help: loaded after the first paint
    from liveread.alerts import Alerter
    from liveread.background import Background
    from liveread.core import Core, Imported
    from liveread.demo import DemoServer
    from liveread.service import Event, FeedRefreshed
    from liveread.store import EntrySummary, Favourite, Feed
    from liveread.ui.keyhelp import HelpRow, HelpSection
    from liveread.ui.screens import ExportRequest

TICK_SECONDS = 5.0
"""How often the app checks which feeds are due; each feed's next fetch is its schedule's."""
STDOUT, STDERR = 1, 2
"""The terminal, as file descriptors (Textual draws on standard error)."""
AGE_SECONDS = 60.0
"""How often the rows' ages ("5 min") are redrawn."""
CHANGES_BINDING = Binding("h", "toggle_changes", "Changes", show=False, id="app.changes")
"""Shows what an edited post's last edit changed: the reader names its key."""
ARTICLE_BINDING = Binding("l", "toggle_article", "Article", show=False, id="app.article")
"""Reads the article a link post points to in its place, and goes back to the post."""
BACK_BINDING = Binding("escape", "back_to_post", "Back to the post", show=False, id="app.back")
"""From a linked article back to its post: the reader names it with `ARTICLE_BINDING`."""
USER_INPUT = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""The events that say a person is using the app."""
REDRAW_AT_ONCE = 25
"""Feeds whose rows are read from the store in one call (`reload_feed`)."""
DRAW_SECONDS = 0.005
"""The longest feeds' rows are redrawn before the event loop takes a turn (`reload_feed`): a
row whose text wraps is measured again, about a millisecond each."""
COLLECT_SECONDS = 0.5
"""How often the app looks whether a full garbage collection is due (`FullCollections`)."""
BEFORE_THE_STORE = frozenset(
    ("quit", "help", "help_quit", "toggle_layout", "focus_next", "focus_previous")
)
"""The actions a key runs while the database is still being opened (the rest need it)."""


DEMO_EXPORTS = (
    "The demo's data is deleted when it ends; exports are saved in {folder}, which stays."
)


class MainScreen(Screen[None]):
    """The feeds, posts and reader panes; the posts list has focus when it opens (focus set
    once, rather than on the feeds pane first and moved, restyling both panes)."""

    AUTO_FOCUS = "#entries"


class LivereadApp(PostKeys, Panes):
    TITLE = "liveread"
    CSS_PATH = ["liveread.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    """Below `NARROW_BELOW` columns (an 80-column terminal, say) the side panes give up
    width so the reader keeps a readable line."""
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("v", "toggle_layout", "Layout", id="app.layout"),
        Binding("tab", "focus_next", "Next pane", show=False, id="app.next_pane"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False, id="app.previous_pane"),
        Binding("r", "refresh_feed", "Refresh", id="app.refresh"),
        Binding("R", "refresh_all", "Refresh all", id="app.refresh_all"),
        Binding("a", "add_feed", "Add", id="app.add_feed"),
        Binding("d", "remove_feed", "Remove", show=False, id="app.remove_feed"),
        Binding("n", "next_unread", "Next unread", id="app.next_unread"),
        Binding("u", "toggle_read", "Read/unread", id="app.toggle_read"),
        Binding("U", "toggle_unread_only", "Unread only", show=False, id="app.unread_only"),
        Binding("N", "first_new", "First new post", show=False, id="app.first_new"),
        Binding("A", "mark_feed_read", "Mark feed read", show=False, id="app.mark_feed_read"),
        Binding("C", "mark_all_read", "Mark all read", show=False, id="app.mark_all_read"),
        Binding("O", "toggle_oldest_first", "Oldest first", show=False, id="app.oldest_first"),
        Binding("f", "toggle_favourite", "Favourite", id="app.favourite"),
        Binding("o", "open_link", "Open", show=False, id="app.open_link"),
        Binding("y", "copy_link", "Copy link", show=False, id="app.copy_link"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("K", "toggle_key_events", "Key events", show=False, id="app.key_events"),
        Binding("e", "export", "Export", id="app.export"),
        Binding("D", "demo", "Demo", show=False, id="app.demo"),
        CHANGES_BINDING,
        ARTICLE_BINDING,
        BACK_BINDING,
    ]

    def __init__(
        self,
        core: Core | Launch,
        *,
        demo_url: str | None = None,
        config_error: str | None = None,
        state: UiState | None = None,
    ) -> None:
        """The app over `core`, which whoever opened it closes; the app ends only its
        network session (on unmount). Given a `Launch`, the app opens its core once the
        first frame is drawn."""
        super().__init__()
        self.launch: Launch | None = None
        if isinstance(core, Launch):
            self.launch = core
        else:
            self._use_core(core)
        self.config = core.config
        self.offline = core.offline
        self.demo_url = demo_url
        self.config_error = config_error
        self.ui_state = state or UiState(paths.data_dir() / "ui-state.json")
        self.view = ALL_FEEDS
        self.layout: str | None = None
        """The pane layout chosen with `v` (a key of LAYOUTS); None while the width chooses."""
        self.key_events_only = False
        self.unread_only = False
        self.oldest_first = False
        """Whether the view on show lists its posts oldest first (its feed's setting)."""
        self.visits: Visits = {}
        """The previous visits of the view on show, taken when it was opened."""
        self.first_new: str | None = None
        self.dwell: Dwell | None = None
        self.busy: set[int] = set()
        self._stale_feeds: set[int] = set()
        """Feeds whose rows are to be redrawn (`reload_feed`)."""
        self._redrawing_feeds = False
        self.feeds_shown: dict[int, Feed] = {}
        """The feeds as the feeds pane last read them, by id."""
        self.network: Background | None = None
        """Where refreshes and new feeds are fetched, parsed and stored (once online)."""
        self.favourites: list[Favourite] = []
        self.new_posts = 0
        self._demo_server: DemoServer | None = None
        self._alerter: Alerter | None = None
        self._signal_handlers_before: dict[int, Any] = {}
        self.full_collections = FullCollections(busy=lambda: bool(self.busy))
        self.inbox = Inbox(self.post_message)
        """Where the network thread reports the service's events (`service_events`)."""
        if self.config.keys:
            self.set_keymap(self.config.keys)
        theme = self.ui_state.theme or self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications carry page text, URLs and paths: shown as written, not as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_help_quit(self) -> None:
        """Ctrl+C (with no text selected) quits nothing: say which keys do, in bold."""
        keys = {
            self.get_key_display(active.binding): None
            for active in self.active_bindings.values()
            if active.binding.action in ("quit", "app.quit")
        }
        named = " or ".join(f"[b]{escape(key)}[/b]" for key in sorted(keys, key=len))
        super().notify(f"Press {named} to quit.", title="Do you want to quit?", markup=True)

    # Layout

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header()
        yield StoreBanner(id="store-banner")
        with Horizontal(id="panes", classes="-auto"):
            yield FeedList(id="feeds")
            yield EntryList(id="entries")
            yield Reader(
                id="reader",
                changes_key=self.keys_shown(CHANGES_BINDING),
                back_keys=" or ".join(self.keys_shown(b) for b in (ARTICLE_BINDING, BACK_BINDING)),
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#feeds").border_title = "Feeds"
        self.query_one("#entries").border_title = "Posts"
        self.query_one("#reader").border_title = "Reader"
        self.sub_title = "offline" if self.offline else ""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._exit_on_stop_signals()
        self.call_after_refresh(first_frame_drawn)
        # The panes are drawn empty first and filled as their rows are read: the store
        # threads' reads would otherwise share the interpreter with the first frame.
        self.call_after_refresh(self._fill_panes)
        self.set_interval(AGE_SECONDS, self.redraw_ages)
        if self.config_error:
            self.notify(
                f"{self.config_error} (using defaults)",
                title="Config",
                severity="error",
            )
        if not self.offline:  # the network layers load after the first paint
            self.call_after_refresh(self._go_online)
        self.full_collections.take_over()
        self.set_interval(COLLECT_SECONDS, self.full_collections.tick)

    def _use_core(self, core: Core) -> None:
        self.core = core
        self.store = core.store  # for reading what to show; changes go through the core

    @property
    def store_open(self) -> bool:
        return self.launch is None or self.launch.core is not None

    def _open_store(self) -> bool:
        """Open the launch's core, if the app was given one to open; a database that cannot
        be used ends the app, status 1 (`run_app` raises the launch's error)."""
        if self.launch is None or self.launch.core is not None:
            return True
        try:
            self._use_core(self.launch.open())
        except (StoreError, OSError):
            self.exit(return_code=1)
            return False
        freeze_long_lived()  # the store's modules, loaded now, live as long as the app
        return True

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Keys pressed while the database is still being opened run only the actions that
        need no store (quit, help, the layout, focus); the others do nothing."""
        if not self.store_open:
            name = action if isinstance(action, str) else action[1]
            if name.partition("(")[0].rpartition(".")[2] not in BEFORE_THE_STORE:
                return True
        return await super().run_action(action, default_namespace, namespaces)

    def _fill_panes(self) -> None:
        """Open the store, then read the feeds and the All feeds timeline, for the panes
        drawn empty at first."""
        if not self._open_store():
            return
        self.reload_feeds()
        self.open_rows(ALL_FEEDS)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, USER_INPUT):
            self.full_collections.input_seen()
        await super().on_event(event)

    def _exit_on_stop_signals(self) -> None:
        """SIGTERM or SIGHUP (the terminal closing) quit as `q` does: the database is closed
        and the demo's throwaway folder removed on the way out, the terminal put back."""
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may handle signals
        loop = asyncio.get_running_loop()

        def stop(signum: int, frame: object) -> None:
            if signum == signal.SIGHUP:
                # The terminal is gone: a write to it fails, and Textual's writer thread ends
                # on the first failure, leaving the app blocked on its next writes for good.
                # What is still drawn goes nowhere instead.
                nowhere = os.open(os.devnull, os.O_WRONLY)
                os.dup2(nowhere, STDOUT)
                os.dup2(nowhere, STDERR)
                os.close(nowhere)
            if not loop.is_closed():
                loop.call_soon_threadsafe(self.exit, None, 128 + signum)

        for signum in paths.STOP_SIGNALS:
            self._signal_handlers_before[signum] = signal.signal(signum, stop)

    def _restore_signal_handlers(self) -> None:
        for signum, handler in self._signal_handlers_before.items():
            signal.signal(signum, handler)
        self._signal_handlers_before.clear()

    def _go_online(self) -> None:
        if not self.store_open:  # the database could not be opened: the app is ending
            return
        from liveread.background import Background

        store = self.store
        self.network = Background(store.path, self.config, read_only=store.read_only)
        if self.demo_url:
            self.add_demo(self.demo_url)
        self.set_interval(min(TICK_SECONDS, self.config.refresh_interval), self.refresh_due)
        self.refresh_due()

    async def on_unmount(self) -> None:
        self._restore_signal_handlers()
        if self.network is not None:  # a refresh under way is cancelled, its writes whole
            await asyncio.to_thread(self.network.close)
        await self.close_store_thread()
        if self._demo_server is not None:
            self._demo_server.close()
        if self._alerter is not None:
            self._alerter.close()
        self.full_collections.give_back()
        thaw()

    def _remember_theme(self, theme: object) -> None:
        self.ui_state.theme = self.theme
        self.ui_state.save()

    # Feeds pane

    def reload_feeds(self, then: Callable[[], object] | None = None) -> None:
        """Read the feeds again and redraw the pane, then `then()`."""

        def read() -> tuple[list[Feed], int]:
            return self.store.feeds(), self.store.count_favourites()

        def show(found: tuple[list[Feed], int]) -> None:
            feeds, favourites = found
            self.show_store_state()
            self.feeds_shown = {feed.id: feed for feed in feeds}
            self.query_one(FeedList).show(
                feeds, favourites=favourites, busy=self.busy, offline=self.offline
            )
            if not feeds and not self.busy:
                self.query_one(Reader).show(WELCOME)
            if then is not None:
                then()

        self.with_store(read, show)

    def reload_feed(self, feed_id: int) -> None:
        """Redraw one feed's row (and the All feeds total) from that feed alone; the whole
        pane where it does not list the feed (added meanwhile) or the feed is gone. The feeds
        asked for while a redraw is under way are read together, a part at a time
        (`REDRAW_AT_ONCE`), and redrawn a few rows per turn of the event loop
        (`DRAW_SECONDS`): a refresh of hundreds of feeds reports each one's start and end."""
        self._stale_feeds.add(feed_id)
        if not self._redrawing_feeds:
            self._redrawing_feeds = True
            self.run_worker(self._redraw_stale_feeds(), group="store")

    async def _redraw_stale_feeds(self) -> None:
        try:
            while self._stale_feeds:
                stale = set(islice(self._stale_feeds, REDRAW_AT_ONCE))
                self._stale_feeds -= stale
                found = await self.in_store_thread(partial(self._read_feeds, stale))
                await self._show_feeds_in_turns(found)
        except StoreError as error:
            self.post_message(StoreFailed(error))
        finally:
            self._redrawing_feeds = False

    async def _show_feeds_in_turns(self, found: dict[int, Feed | None]) -> None:
        """The rows of the feeds `found` (None: removed meanwhile) redrawn, a few at a time:
        after `DRAW_SECONDS` of redrawing, the event loop takes a turn (keys, timers, a
        frame) before the next rows. The pane is read again if it lacks one of them."""
        self.show_store_state()
        feeds = [feed for feed in found.values() if feed is not None]
        self.feeds_shown.update((feed.id, feed) for feed in feeds)
        pane = self.query_one(FeedList)
        listed = True
        began = time.perf_counter()
        for feed in feeds:
            if time.perf_counter() - began >= DRAW_SECONDS:
                await asyncio.sleep(0)
                began = time.perf_counter()
            listed = pane.update_feeds([feed], busy=self.busy) and listed
        if not listed or len(feeds) < len(found):
            self.reload_feeds()

    def _read_feeds(self, feed_ids: set[int]) -> dict[int, Feed | None]:
        found: dict[int, Feed | None] = {}
        for feed_id in feed_ids:
            try:
                found[feed_id] = self.store.feed(feed_id)
            except NotFound:  # removed meanwhile (the CLI shares the database)
                found[feed_id] = None
        return found

    # Store trouble

    @on(StoreFailed)
    def store_failed(self, message: StoreFailed) -> None:
        error = message.error
        if not isinstance(error, StoreFault):  # the request's fault, not the file's
            self.notify(str(error), title=message.unsaved or "", severity="warning")
            return
        self.show_store_state()
        if message.unsaved:
            self.notify(f"The database is {error.fault}.", title=message.unsaved, severity="error")

    def show_store_state(self) -> None:
        """The banner shows the store's standing fault, and goes once a write succeeds."""
        self.query_one(StoreBanner).show_fault(self.store.fault)

    @on(OptionList.OptionHighlighted, "#feeds")
    def feed_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        view = message.option_id or ALL_FEEDS
        if view != self.view:
            self.view = view
            self.new_posts = 0
            self.open_rows(view)

    @on(OptionList.OptionSelected, "#feeds")
    def feed_selected(self) -> None:
        self.query_one(EntryList).focus()

    def current_feed(self) -> Feed | None:
        """The feed on show, as the feeds pane last read it (None in All feeds, Favourites,
        or once it is gone)."""
        if not self.view.isdigit():
            return None
        return self.feeds_shown.get(int(self.view))

    # Refreshing

    def refresh_due(self) -> None:
        if self.offline:
            return
        busy = set(self.busy)
        self.refresh_feeds(lambda core: core.due(skip=busy))

    @work(group="refresh")
    @reports_store_errors()
    async def refresh_feeds(self, choose: Callable[[Core], list[Feed]]) -> None:
        """Refresh the feeds `choose(core)` picks, as the background core reads them, on the
        network thread; its steps arrive through the app's `inbox`."""

        async def refresh(core: Core) -> None:
            if feeds := choose(core):
                await core.refresh(feeds, self.inbox.put)

        if self.network is not None:
            await self.network.run(refresh)

    @on(ServiceEvents)
    def service_events(self, message: ServiceEvents) -> None:
        for event in message.inbox.take():
            self._service_event(event)

    def _service_event(self, event: Event) -> None:
        from liveread.service import FeedFailed, FeedRefreshed, FeedStarted

        if isinstance(event, FeedStarted):
            self.busy.add(event.feed_id)
        else:
            self.busy.discard(event.feed_id)
        if isinstance(event, FeedRefreshed) and event.found:  # a source found live blogs
            self.reload_feeds()
            self.notify(
                f"{len(event.found)} live blog{'s' * (len(event.found) != 1)} found",
                title=event.title,
            )
        else:
            self.reload_feed(event.feed_id)
        if isinstance(event, FeedFailed):
            self.notify(
                event.reason,
                title=f"{event.title}: refresh failed",
                severity="error",
            )
        elif isinstance(event, FeedRefreshed) and (event.new or event.edited or event.pruned):
            self._posts_arrived(event)

    def _posts_arrived(self, event: FeedRefreshed) -> None:
        parts = [f"{len(event.new)} new"] if event.new else []
        if event.edited:
            parts.append(f"{len(event.edited)} edited")
        if event.pruned:  # config keep_days / max_posts_per_feed
            parts.append(f"{event.pruned:,} old post{'s' * (event.pruned != 1)} removed")
        self.notify(", ".join(parts), title=event.title)
        if self.view in (ALL_FEEDS, str(event.feed_id)):
            self.new_posts += len(event.new)
            self.reload_rows(keep=self.query_one(EntryList).current)
        if event.new:
            self._alert(event.feed_id, list(event.new))

    # Alerts outside the app

    def _alert(self, feed_id: int, keys: list[str]) -> None:
        """Alert the new posts `keys` of a feed as its alert level and the config say."""

        def read() -> tuple[Feed, list[EntrySummary]] | None:
            try:
                return self.store.feed(feed_id), self.store.named_summaries(feed_id, keys=keys)
            except NotFound:  # removed meanwhile (the CLI shares the database)
                return None

        def deliver(found: tuple[Feed, list[EntrySummary]] | None) -> None:
            from liveread.alerts import alerts_for

            if found is not None:
                feed, posts = found
                level = self.core.alert_level(feed)
                self.alerter.deliver(alerts_for(feed.label, feed.url, posts, level))

        self.with_store(read, deliver)

    @property
    def alerter(self) -> Alerter:
        """What delivers alerts outside the app (made on first use)."""
        if self._alerter is None:
            from liveread.alerts import Alerter

            self._alerter = Alerter(
                self.config,
                write=self._write_terminal,
                ring=self.bell,
                report=lambda problem: self.notify(problem, title="Alerts", severity="warning"),
            )
        return self._alerter

    def _write_terminal(self, sequence: str) -> None:
        """Send the terminal an escape sequence (a notification). Textual has no public call
        for it: its own bell and clipboard copy write through the driver like this, whose
        writer thread keeps a sequence out of the middle of a frame."""
        driver = self._driver
        if driver is not None and not self.is_headless:
            driver.write(sequence)

    def _offline_notice(self) -> bool:
        if self.offline:
            self.notify("Started with --offline: not fetching.", severity="warning")
            return True
        return False

    def action_refresh_feed(self) -> None:
        if self._offline_notice():
            return
        feed = self.current_feed()
        if feed is None:
            self.action_refresh_all()
        elif feed.id not in self.busy:
            self.refresh_feeds(lambda core: [core.store.feed(feed.id)])

    def action_refresh_all(self) -> None:
        if not self._offline_notice():
            busy = set(self.busy)
            self.refresh_feeds(lambda core: [f for f in core.store.feeds() if f.id not in busy])

    # Adding and removing feeds

    def action_add_feed(self) -> None:
        if not self._offline_notice():
            self.push_screen(screens.AddFeedScreen(self._add), self._feed_added)

    async def _add(self, url: str) -> Feed:
        """Follow `url`: fetched, parsed and stored on the network thread."""
        assert self.network is not None  # online
        return await self.network.run(lambda core: core.add(url))

    def _feed_added(self, feed: Feed | None) -> None:
        if feed is None:
            return
        if feed.is_source:
            found = feed.blogs_found
            what = f"a source: {found} live blog{'s' * (found != 1)} found now"
        else:
            what = f"{feed.total} posts"
        self.notify(what, title=f"Following {feed.label}")
        self._select_feed(feed)

    def _select_feed(self, feed: Feed) -> None:
        self.reload_feeds(lambda: self.query_one(FeedList).select_id(str(feed.id)))

    def action_demo(self) -> None:
        if self._offline_notice():
            return
        from liveread.demo import DemoServer

        if self._demo_server is None:
            self._demo_server = DemoServer().start()
        self.add_demo(self._demo_server.url)

    @work(exclusive=True, group="demo")
    @reports_store_errors()
    async def add_demo(self, url: str) -> None:
        async def follow(core: Core) -> Feed:
            return core.store.feed_known_as(url) or await core.add(url)

        assert self.network is not None  # online
        try:
            feed = await self.network.run(follow)
        except StoreError:
            raise
        except Exception as error:  # shown, never fatal
            self.notify(str(error), title="Demo", severity="error")
            return
        self._select_feed(feed)

    def action_remove_feed(self) -> None:
        feed = self.current_feed()
        if feed is None:
            self.notify("Choose a feed in the feeds pane first.", severity="warning")
            return
        self.push_screen(
            screens.ConfirmScreen(f"Stop following {feed.label}?"),
            lambda yes: self._remove_feed(feed) if yes else None,
        )

    def _remove_feed(self, feed: Feed) -> None:
        def remove() -> NotFound | None:
            try:
                self.core.remove(feed.id)
            except NotFound as error:  # removed meanwhile (the CLI shares the database)
                return error
            return None

        def removed(gone: NotFound | None) -> None:
            if gone is not None:
                self.notify(str(gone), severity="warning")
            else:
                self.notify(f"Removed {feed.label}; favourites kept.")
            self.view = ""
            self.reload_feeds()

        self.with_store(remove, removed, unsaved="Feed not removed")

    # Export

    def action_export(self) -> None:
        self.with_store(self.core.count_favourites, self._ask_export)

    def _ask_export(self, count: int) -> None:
        now = timefmt.local(timefmt.clock())
        default_dir = self.core.export_dir
        note = DEMO_EXPORTS.format(folder=default_dir) if self.demo_url else None
        screen = screens.ExportScreen(default_dir=default_dir, count=count, now=now, note=note)
        self.push_screen(screen, self._export)

    def _export(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.write_export(request)

    @work(thread=True, group="export")
    @reports_store_errors(unsaved="Export not written")
    def write_export(self, request: ExportRequest) -> None:
        try:
            count = self.core.export(request.path, request.format)
        except OutputError as error:
            self.notify(str(error), title="Export failed", severity="error")
            return
        self.notify(str(request.path), title=f"Exported {count} favourites")

    # The feeds in and out as OPML (from the command palette)

    def action_import_opml(self) -> None:
        screen = screens.PathScreen(
            "Follow the feeds an OPML file lists", base=Path.home(), action="Import"
        )
        self.push_screen(screen, self._import_opml)

    def _import_opml(self, path: Path | None) -> None:
        if path is None:
            return

        def follow() -> Imported | str:
            from liveread.opml import OpmlError

            try:
                data = path.read_bytes()
            except OSError as error:
                return f"{path}: {error.strerror or error}"
            try:
                return self.core.import_opml(data, str(path))
            except OpmlError as error:
                return str(error)

        self.with_store(follow, self._imported, unsaved="Feeds not imported")

    def _imported(self, result: Imported | str) -> None:
        if isinstance(result, str):
            self.notify(result, title="Not imported", severity="error")
            return
        added, known, invalid = len(result.added), len(result.known), len(result.invalid)
        self.notify(
            f"{added} added, {known} already followed, {invalid} not web addresses;"
            " new ones are fetched on the next refresh",
            title="Imported feeds",
        )
        if added:
            self.reload_feeds()

    def action_export_opml(self) -> None:
        from liveread.opml import default_filename

        folder = self.core.export_dir
        name = default_filename(timefmt.local(timefmt.clock()))
        screen = screens.PathScreen(
            "Export the feeds you follow as OPML",
            base=folder,
            path=str(folder / name),
            action="Export",
        )
        self.push_screen(screen, self._export_opml)

    def _export_opml(self, path: Path | None) -> None:
        from liveread.output import is_taken

        if path is None:
            return
        try:  # as `liveread export --format opml -o` takes it: the default folder made, a folder
            # given meaning a new file in it
            path = self.core.export_target(
                str(path), "opml", at=timefmt.clock(), relative_to=self.core.export_dir
            )
            taken = is_taken(path)
        except OutputError as error:
            self.notify(str(error), title="Export failed", severity="error")
            return
        if not taken:
            self._write_opml(path)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self._write_opml(path)

        self.push_screen(screens.ConfirmScreen(f"{path} exists. Overwrite it?"), answered)

    def _write_opml(self, path: Path) -> None:
        def write() -> str:
            try:
                count = self.core.export_feeds(path)
            except OutputError as error:
                return str(error)
            return f"Exported {count} feed{'s' * (count != 1)} to {path}"

        def written(message: str) -> None:
            failed = not message.startswith("Exported ")
            self.notify(
                message,
                title="Export failed" if failed else "Feeds exported",
                severity="error" if failed else "information",
            )

        self.with_store(write, written, unsaved="Feeds not exported")

    # Help and commands

    def action_help(self) -> None:
        self.push_screen(screens.HelpScreen(self.help_sections()))

    def help_sections(self) -> list[HelpSection]:
        """Every key the app answers to, read from the bindings themselves (see keyhelp)."""
        from liveread.ui import keyhelp

        everywhere = keyhelp.declared_bindings(type(self), Screen)
        if self.ENABLE_COMMAND_PALETTE:
            palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
            everywhere.append(palette)
        both, feeds, posts = keyhelp.shared(
            keyhelp.declared_bindings(FeedList), keyhelp.declared_bindings(EntryList)
        )
        groups = [
            ("Everywhere", everywhere),
            ("Feeds and posts lists", both),
            ("Feeds list", feeds),
            ("Posts list", posts),
            ("Reader", keyhelp.declared_bindings(Reader)),
        ]
        return keyhelp.sections(groups, self.keys_shown)

    def help_rows(self) -> Iterable[HelpRow]:
        for section in self.help_sections():
            yield from section.rows

    def keys_shown(self, binding: Binding) -> str:
        """The keys that trigger `binding` as the footer shows them ("?", "^r"), remaps
        from the config's [keys] table included."""
        keys = self.config.keys.get(binding.id or "", binding.key)
        return ", ".join(
            self.get_key_display(Binding(key.strip(), binding.action))
            for key in keys.split(",")
            if key.strip()
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.action in ("quit", "focus_next", "focus_previous"):
                continue
            yield SystemCommand(
                binding.description,
                f"{binding.id} ({self.keys_shown(binding)})",
                getattr(self, f"action_{binding.action}"),
            )
        yield SystemCommand(
            "Import feeds (OPML)", "follow the feeds an OPML file lists", self.action_import_opml
        )
        yield SystemCommand(
            "Export feeds (OPML)",
            "write the feeds you follow to an OPML file",
            self.action_export_opml,
        )
