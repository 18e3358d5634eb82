"""The liveread app: feeds | entry list | reader, driven by the service's events.

Workers fetch and load; they only post messages. The handlers here own the state: which view
is shown, which feeds are busy, where the reader is.

Every handler and worker that calls the store is wrapped by `reports_store_errors`: a
StoreError becomes a `StoreFailed` message, and its handler is the one place that turns store
trouble into what the user sees (the banner over the panes, a warning for a request that
could not be saved). The app keeps running and reading goes on where the file allows.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import os
import signal
import threading
import webbrowser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import events, on, work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList

from liveread import paths, timefmt
from liveread.addresses import safe_address
from liveread.core import Core
from liveread.output import OutputError
from liveread.store import Favourite, Feed, NotFound, StoreError, StoreFault
from liveread.ui import keyhelp
from liveread.ui.banner import StoreBanner
from liveread.ui.browser import find_browser, runs_in_terminal
from liveread.ui.keyhelp import HelpRow, HelpSection
from liveread.ui.lists import (
    ALL_FEEDS,
    FAVOURITES,
    EntryList,
    FeedList,
    row_from_favourite,
    row_from_summary,
)
from liveread.ui.messages import Loaded, RowsLoaded, ServiceEvent, StoreFailed
from liveread.ui.reader import WELCOME, Reader
from liveread.ui.screens import (
    AddFeedScreen,
    ConfirmScreen,
    ExportRequest,
    ExportScreen,
    HelpScreen,
    SearchScreen,
)
from liveread.ui.state import UiState
from liveread.ui.visits import Visits, new_refs, place_new

if TYPE_CHECKING:  # the network layers (httpx, selectolax) load after the first paint
    from rich.text import Text

    from liveread.demo import DemoServer
    from liveread.service import FeedRefreshed

TICK_SECONDS = 5.0
"""How often the app checks which feeds are due; each feed's own interval comes from config."""
ALL_FEEDS_LIMIT = 2_000
"""The All feeds timeline shows this many of the newest posts; a feed's own view shows all."""
STDOUT, STDERR = 1, 2
"""The terminal, as file descriptors (Textual draws on standard error)."""
NARROW_BELOW = 110
"""Terminals narrower than this get the narrow layout."""
AGE_SECONDS = 60.0
"""How often the rows' ages ("5 min") are redrawn."""
LAYOUTS = {
    "panes": "Feeds, posts and reader side by side",
    "collapsed": "Feeds pane folded away: Tab or Shift+Tab brings it back while in use",
    "single": "One pane at a time: Tab and Shift+Tab switch, Enter opens a post",
}
"""The pane layouts `v` steps through, in order. Until one is chosen, the terminal's width
chooses: "panes" from `NARROW_BELOW` columns, "collapsed" below."""
PANES = ("#feeds", "#entries", "#reader")


@dataclass(frozen=True, slots=True)
class Dwell:
    """A post on show that becomes read when `timer` ends, unless the cursor leaves it first."""

    ref: str
    timer: Timer


Handler = TypeVar("Handler", bound=Callable[..., Any])


def reports_store_errors(unsaved: str | None = None) -> Callable[[Handler], Handler]:
    """Wrap an app method (a handler, or a worker on any thread) that calls the store: a
    StoreError it raises is posted as StoreFailed instead of ending the app."""

    def wrap(method: Handler) -> Handler:
        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def run_async(app: LivereadApp, *args: Any, **kwargs: Any) -> Any:
                try:
                    return await method(app, *args, **kwargs)
                except StoreError as error:
                    app.post_message(StoreFailed(error, unsaved))
                    return None

            return cast(Handler, run_async)

        @functools.wraps(method)
        def run(app: LivereadApp, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(app, *args, **kwargs)
            except StoreError as error:
                app.post_message(StoreFailed(error, unsaved))
                return None

        return cast(Handler, run)

    return wrap


DEMO_EXPORTS = (
    "The demo's data is deleted when it ends; exports are saved in {folder}, which stays."
)
UNREADABLE_POST = "This post could not be read from the database."
UNREADABLE_POSTS = "The posts here could not be read from the database."


class LivereadApp(App[None]):
    TITLE = "liveread"
    CSS_PATH = ["liveread.tcss", "dialogs.tcss"]
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
    ]

    def __init__(
        self,
        core: Core,
        *,
        demo_url: str | None = None,
        config_error: str | None = None,
        state: UiState | None = None,
    ) -> None:
        """The app over `core`, which whoever opened it closes; the app ends only its
        network session (on unmount)."""
        super().__init__()
        self.core = core
        self.store = core.store  # for reading what to show; changes go through the core
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
        self.favourites: list[Favourite] = []
        self.new_posts = 0
        self._demo_server: DemoServer | None = None
        self._signal_handlers_before: dict[int, Any] = {}
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

    def compose(self) -> ComposeResult:
        yield Header()
        yield StoreBanner(id="store-banner")
        with Horizontal(id="panes", classes="-auto"):
            yield FeedList(id="feeds")
            yield EntryList(id="entries")
            yield Reader(id="reader")
        yield Footer()

    def action_toggle_layout(self) -> None:
        current = self.layout or ("panes" if self.size.width >= NARROW_BELOW else "collapsed")
        names = list(LAYOUTS)
        self.layout = names[(names.index(current) + 1) % len(names)]
        panes = self.screen_stack[0].query_one("#panes")
        panes.set_classes(f"-{self.layout}")
        self.notify(LAYOUTS[self.layout], title="Layout")

    @on(events.DescendantFocus)
    def pane_focused(self, event: events.DescendantFocus) -> None:
        """The focused pane is the one a folded layout shows (liveread.tcss: `-current`)."""
        panes = list(self.screen_stack[0].query(", ".join(PANES)))
        if event.control in panes:
            for pane in panes:
                pane.set_class(pane is event.control, "-current")

    def action_focus_next(self) -> None:
        if not self._step_pane(1):
            super().action_focus_next()

    def action_focus_previous(self) -> None:
        if not self._step_pane(-1):
            super().action_focus_previous()

    def _step_pane(self, step: int) -> bool:
        """Focus the next pane in order, even one a folded layout hides (focus shows it);
        False where focus is not on a pane (in a dialog, say)."""
        panes = list(self.screen.query(", ".join(PANES)))
        if self.screen.focused not in panes:
            return False
        panes[(panes.index(self.screen.focused) + step) % len(panes)].focus()
        return True

    def redraw_ages(self) -> None:
        """Rows' ages move on with the clock; redrawn from the rows in hand."""
        now = timefmt.clock()
        for main in self.screen_stack[:1]:  # none, or without its panes, while the app closes
            for entries in main.query(EntryList):
                entries.redraw_ages(now)
            for feeds in main.query(FeedList):
                feeds.redraw_ages(now)

    def on_mount(self) -> None:
        self.query_one("#feeds").border_title = "Feeds"
        self.query_one("#entries").border_title = "Posts"
        self.query_one("#reader").border_title = "Reader"
        self.sub_title = "offline" if self.offline else ""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._exit_on_stop_signals()
        self.reload_feeds()
        self.open_rows(ALL_FEEDS)
        self.query_one(EntryList).focus()
        self.set_interval(AGE_SECONDS, self.redraw_ages)
        if self.config_error:
            self.notify(
                f"{self.config_error} (using defaults)",
                title="Config",
                severity="error",
            )
        if not self.offline:  # the network layers load after the first paint
            self.call_after_refresh(self._go_online)

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
        self.core.connect()
        if self.demo_url:
            self.add_demo(self.demo_url)
        self.set_interval(min(TICK_SECONDS, self.config.refresh_interval), self.refresh_due)
        self.refresh_due()

    async def on_unmount(self) -> None:
        self._restore_signal_handlers()
        await self.core.disconnect()
        if self._demo_server is not None:
            self._demo_server.close()

    def _remember_theme(self, theme: object) -> None:
        self.ui_state.theme = self.theme
        self.ui_state.save()

    # Feeds pane

    @reports_store_errors()
    def reload_feeds(self) -> None:
        self.show_store_state()
        feeds = self.store.feeds()
        self.query_one(FeedList).show(
            feeds,
            favourites=self.store.count_favourites(),
            busy=self.busy,
            offline=self.offline,
        )
        if not feeds and not self.busy:
            self.query_one(Reader).show(WELCOME)

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
        if self.view in (ALL_FEEDS, FAVOURITES):
            return None
        try:
            return self.store.feed(int(self.view))
        except NotFound:
            return None

    # Entry list

    def open_rows(self, view: str, keep: str | None = None) -> None:
        """Open `view`: note the visit, and show its rows with the posts new since the last."""
        self.visits = self.visit(view)
        self.load_rows(view, keep, self.visits)

    def reload_rows(self, keep: str | None = None) -> None:
        """Read the view on show again, new posts counted from the same visit as before."""
        self.load_rows(self.view, keep, self.visits)

    @work(thread=True, exclusive=True, group="rows")
    def load_rows(self, view: str, keep: str | None, visits: Visits) -> None:
        try:
            loaded = self.read_rows(view, keep, visits)
        except StoreError as error:  # the view still changes: to an empty list that says why
            loaded = Loaded(view, [], keep, failed=error)
        self.post_message(RowsLoaded(loaded))

    def visit(self, view: str) -> Visits:
        """Note that `view` is opened now; returns the previous visit of each of its feeds.
        All feeds has a visit of its own, so opening it does not count as visiting each feed."""
        now = timefmt.clock()
        if view == ALL_FEEDS:
            previous = self.ui_state.all_feeds_visited_at
            self.ui_state.all_feeds_visited_at = now
            self.ui_state.save()
            try:
                return {feed.id: previous for feed in self.store.feeds()}
            except StoreError as error:  # the list says so when it is read
                self.post_message(StoreFailed(error))
                return {}
        if view == FAVOURITES:
            return {}
        try:
            feed = self.store.feed(int(view))
        except NotFound:  # removed meanwhile: the view shows nothing
            return {}
        except StoreError as error:  # the list says so when it is read
            self.post_message(StoreFailed(error))
            return {}
        try:
            self.core.record_visit([feed.id], now)
        except StoreError as error:  # not noted; the list is still worth showing
            self.post_message(StoreFailed(error))
        return {feed.id: feed.visited_at}

    def read_rows(self, view: str, keep: str | None, visits: Visits) -> Loaded:
        if view == FAVOURITES:
            self.favourites = self.store.favourites()
            rows = [row_from_favourite(i, f) for i, f in enumerate(self.favourites)]
            return Loaded(view, rows, keep)
        feed_id = None if view == ALL_FEEDS else int(view)
        oldest_first = feed_id is not None and self._oldest_first(feed_id)
        summaries = self.store.entry_summaries(
            feed_id,
            key_events_only=self.key_events_only,
            limit=ALL_FEEDS_LIMIT if feed_id is None else None,
            oldest_first=oldest_first,
        )
        if self.unread_only:  # the post under the cursor stays, read or not
            summaries = [s for s in summaries if not s.is_read or f"e{s.id}" == keep]
        rows = [row_from_summary(s, with_feed=feed_id is None) for s in summaries]
        new = new_refs(summaries, visits)
        return Loaded(view, rows, keep, new=new, oldest_first=oldest_first)

    def _oldest_first(self, feed_id: int) -> bool:
        try:
            return self.store.feed(feed_id).oldest_first
        except NotFound:
            return False

    @on(RowsLoaded)
    @reports_store_errors()
    def rows_loaded(self, message: RowsLoaded) -> None:
        loaded = message.loaded
        self.show_store_state()  # reading may have found the file damaged
        if loaded.view != self.view:
            return
        self.oldest_first = loaded.oldest_first
        refs = [row.ref for row in loaded.rows]
        place = place_new(refs, loaded.new, oldest_first=loaded.oldest_first)
        self.first_new = place.first_new
        entries = self.query_one(EntryList)
        entries.show(
            loaded.rows, keep=loaded.keep, divider=place.divider, oldest_first=self.oldest_first
        )
        self._title_entries()
        if loaded.failed:
            self.stop_dwell()
            self.query_one(Reader).show(UNREADABLE_POSTS)
            self.post_message(StoreFailed(loaded.failed))
        elif not loaded.rows:
            self.stop_dwell()
            self.query_one(Reader).show(self._empty_text())
        else:
            self._show_current()

    def _show_current(self) -> None:
        """Show the post the list put the cursor on. Not one the reader chose: it is not
        marked read, though a wait to mark it read that was running goes on."""
        ref = self.query_one(EntryList).current
        if self.dwell is not None and self.dwell.ref != ref:
            self.stop_dwell()
        if ref is not None:
            self.show_ref(ref)

    def _title_entries(self) -> None:
        entries = self.query_one(EntryList)
        label = {ALL_FEEDS: "All feeds", FAVOURITES: "Favourites"}.get(self.view)
        if label is None:
            feed = self.current_feed()
            label = feed.label if feed else "Posts"
        elif self.view == ALL_FEEDS and entries.option_count >= ALL_FEEDS_LIMIT:
            label += f" · newest {ALL_FEEDS_LIMIT:,}"
        if self.key_events_only:
            label += " · key events"
        if self.unread_only and self.view != FAVOURITES:
            label += " · unread"
        if self.oldest_first:
            label += " · oldest first"
        arrow = "↓" if self.oldest_first else "↑"
        entries.set_titles(label, f"{self.new_posts} new {arrow}" if self.new_posts else "")

    def _empty_text(self) -> str | Text:
        if not self.store.feeds():
            return WELCOME
        if self.view == FAVOURITES:
            return "No favourites yet: press f on a post to keep it."
        if self.key_events_only:
            return "No key events here. Press K to show every post."
        if self.unread_only:
            return "No unread posts here. Press U to show every post."
        return "No posts stored yet. Press r to refresh."

    @on(OptionList.OptionHighlighted, "#entries")
    def entry_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        """The reader moved to a post: show it, and mark it read if it stays on show."""
        ref = message.option_id
        if ref is None:
            return
        newest = message.option_list.option_count - 1 if self.oldest_first else 0
        if message.option_index == newest and self.new_posts:
            self.new_posts = 0
            self._title_entries()
        self.show_ref(ref)
        self.start_dwell(ref)

    @on(OptionList.OptionSelected, "#entries")
    @reports_store_errors()
    def entry_selected(self, message: OptionList.OptionSelected) -> None:
        """Enter or a click opens the post: it is read."""
        self.stop_dwell()
        self.query_one(Reader).focus()
        if message.option_id is not None:
            self.set_read(message.option_id, True)

    @reports_store_errors()
    def start_dwell(self, ref: str) -> None:
        self.stop_dwell()
        row = self.query_one(EntryList).rows.get(ref)
        if row is None or row.is_read:
            return
        if self.config.read_after <= 0:
            self.set_read(ref, True)
        else:
            self.dwell = Dwell(ref, self.set_timer(self.config.read_after, self.finish_dwell))

    def stop_dwell(self) -> None:
        if self.dwell is not None:
            self.dwell.timer.stop()
            self.dwell = None

    @reports_store_errors()
    def finish_dwell(self) -> None:
        """The post has been on show for `read_after` seconds: it is read."""
        dwell, self.dwell = self.dwell, None
        if dwell is None:
            return
        dwell.timer.stop()
        if self.query_one(EntryList).current == dwell.ref:
            self.set_read(dwell.ref, True)

    def set_read(self, ref: str, read: bool) -> None:
        """Mark a stored post read or unread; its row and the counts follow."""
        if not ref.startswith("e"):
            return  # a favourite is a copy, with no read state
        changed = self.core.mark_read([int(ref[1:])], read)
        entries = self.query_one(EntryList)
        row = entries.rows.get(ref)
        if row is not None and row.is_read != read:
            entries.refresh_row(replace(row, is_read=read))
        if changed:
            self.reload_feeds()

    @reports_store_errors()
    def show_ref(self, ref: str) -> None:
        reader = self.query_one(Reader)
        if ref.startswith("f"):
            favourite = self.favourites[int(ref[1:])]
            key = f"f {favourite.feed_url} {favourite.entry.key}"  # "f<n>" moves as favourites do
            reader.show_entry(favourite.entry, favourite.feed_title, key=key)
            return
        try:
            stored = self.store.entry(int(ref[1:]))
        except NotFound:
            self._gone()
            return
        except StoreFault:
            reader.show(UNREADABLE_POST)
            raise
        reader.show_entry(stored.entry, stored.feed_title, key=ref)

    def _gone(self) -> None:
        """The post under the cursor is no longer stored: something else (`liveread remove`
        in another terminal, say) changed the database. Catch up instead of failing."""
        self.query_one(Reader).show("That post is no longer stored: reloading the list.")
        self.reload_feeds()
        self.reload_rows()

    # Refreshing

    @reports_store_errors()
    def refresh_due(self) -> None:
        if self.offline:
            return
        if due := self.core.due(skip=self.busy):
            self.refresh_feeds(due)

    @work(group="refresh")
    @reports_store_errors()
    async def refresh_feeds(self, feeds: list[Feed]) -> None:
        await self.core.refresh(feeds, lambda event: self.post_message(ServiceEvent(event)))

    @on(ServiceEvent)
    def service_event(self, message: ServiceEvent) -> None:
        from liveread.service import FeedFailed, FeedRefreshed, FeedStarted

        event = message.event
        if isinstance(event, FeedStarted):
            self.busy.add(event.feed_id)
        else:
            self.busy.discard(event.feed_id)
        self.reload_feeds()
        if isinstance(event, FeedFailed):
            self.notify(
                event.reason,
                title=f"{event.title}: refresh failed",
                severity="error",
            )
        elif isinstance(event, FeedRefreshed) and (event.new or event.edited):
            self._posts_arrived(event)

    def _posts_arrived(self, event: FeedRefreshed) -> None:
        parts = [f"{len(event.new)} new"] if event.new else []
        if event.edited:
            parts.append(f"{len(event.edited)} edited")
        self.notify(", ".join(parts), title=event.title)
        if self.view in (ALL_FEEDS, str(event.feed_id)):
            self.new_posts += len(event.new)
            self.reload_rows(keep=self.query_one(EntryList).current)

    def _offline_notice(self) -> bool:
        if self.offline:
            self.notify("Started with --offline: not fetching.", severity="warning")
            return True
        return False

    @reports_store_errors()
    def action_refresh_feed(self) -> None:
        if self._offline_notice():
            return
        feed = self.current_feed()
        feeds = [feed] if feed else self.store.feeds()
        self.refresh_feeds([f for f in feeds if f.id not in self.busy])

    @reports_store_errors()
    def action_refresh_all(self) -> None:
        if not self._offline_notice():
            self.refresh_feeds([f for f in self.store.feeds() if f.id not in self.busy])

    # Adding and removing feeds

    def action_add_feed(self) -> None:
        if not self._offline_notice():
            self.push_screen(AddFeedScreen(self.core.add), self._feed_added)

    def _feed_added(self, feed: Feed | None) -> None:
        if feed is None:
            return
        self.notify(f"{feed.total} posts", title=f"Following {feed.label}")
        self._select_feed(feed)

    def _select_feed(self, feed: Feed) -> None:
        self.reload_feeds()
        self.query_one(FeedList).select_id(str(feed.id))

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
        existing = [f for f in self.store.feeds() if f.url == url]
        if existing:
            self._select_feed(existing[0])
            return
        try:
            feed = await self.core.add(url)
        except Exception as error:  # shown, never fatal
            self.notify(str(error), title="Demo", severity="error")
            return
        self._select_feed(feed)

    @reports_store_errors()
    def action_remove_feed(self) -> None:
        feed = self.current_feed()
        if feed is None:
            self.notify("Choose a feed in the feeds pane first.", severity="warning")
            return
        self.push_screen(
            ConfirmScreen(f"Stop following {feed.label}?"),
            lambda yes: self._remove_feed(feed) if yes else None,
        )

    @reports_store_errors(unsaved="Feed not removed")
    def _remove_feed(self, feed: Feed) -> None:
        try:
            self.core.remove(feed.id)
        except NotFound as error:  # removed meanwhile (the CLI shares the database)
            self.notify(str(error), severity="warning")
        else:
            self.notify(f"Removed {feed.label}; favourites kept.")
        self.view = ""
        self.reload_feeds()

    # Reading

    def action_next_unread(self) -> None:
        entries = self.query_one(EntryList)
        refs = list(entries.rows)
        current = entries.current
        start = refs.index(current) + 1 if current in entries.rows else 0
        for ref in refs[start:] + refs[:start]:
            if not entries.rows[ref].is_read:
                entries.highlight(ref)
                return
        self.notify("No unread posts here.")

    @reports_store_errors(unsaved="Read state not saved")
    def action_toggle_read(self) -> None:
        entries = self.query_one(EntryList)
        ref = entries.current
        if ref is None:
            return
        if not ref.startswith("e"):
            self.notify("A favourite is a copy: it has no read state.", severity="warning")
            return
        self.stop_dwell()  # decided: no wait may undo it
        self.set_read(ref, not entries.rows[ref].is_read)

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.reload_rows(keep=self.query_one(EntryList).current)

    def action_first_new(self) -> None:
        entries = self.query_one(EntryList)
        if self.first_new is None or self.first_new not in entries.rows:
            self.notify("Nothing new here since your last visit.")
            return
        entries.highlight(self.first_new)

    @reports_store_errors(unsaved="Order not saved")
    def action_toggle_oldest_first(self) -> None:
        feed = self.current_feed()
        if feed is None:
            self.notify("The order is kept for each feed: choose a feed first.", severity="warning")
            return
        self.core.set_oldest_first(feed.id, not feed.oldest_first)
        self.reload_rows(keep=self.query_one(EntryList).current)
        self.notify("Oldest first" if not feed.oldest_first else "Newest first", title=feed.label)

    @reports_store_errors()
    def action_mark_feed_read(self) -> None:
        """Mark the posts of the view read, after asking: a feed's, or in All feeds every
        post."""
        if self.view == ALL_FEEDS:
            self.action_mark_all_read()
            return
        feed = self.current_feed()
        if feed is None:
            self.notify("Choose a feed in the feeds pane first.", severity="warning")
            return
        if not feed.unread:
            self.notify(f"Nothing unread in {feed.label}.")
            return
        self.push_screen(
            ConfirmScreen(f"Mark {_posts(feed.unread, 'unread post')} in {feed.label} read?"),
            lambda yes: self._mark_feed_read(feed) if yes else None,
        )

    @reports_store_errors(unsaved="Read state not saved")
    def _mark_feed_read(self, feed: Feed) -> None:
        try:
            changed = self.core.mark_feed_read(feed.id)
        except NotFound as error:  # removed meanwhile
            self.notify(str(error), severity="warning")
            return
        self._shown_rows_read()
        self.notify(f"Marked {_posts(changed)} read.", title=feed.label)

    @reports_store_errors()
    def action_mark_all_read(self) -> None:
        unread = [feed.unread for feed in self.store.feeds() if feed.unread]
        if not unread:
            self.notify("Nothing unread.")
            return
        question = f"Mark all {_posts(sum(unread), 'unread post')} in "
        question += f"{_posts(len(unread), 'feed')} read?"
        self.push_screen(
            ConfirmScreen(question), lambda yes: self._mark_all_read() if yes else None
        )

    @reports_store_errors(unsaved="Read state not saved")
    def _mark_all_read(self) -> None:
        changed = self.core.mark_all_read()
        self._shown_rows_read()
        self.notify(f"Marked {_posts(changed)} read.")

    def _shown_rows_read(self) -> None:
        """After marking the view's posts read: every row on show is read."""
        self.stop_dwell()
        entries = self.query_one(EntryList)
        for row in list(entries.rows.values()):
            if not row.is_read:
                entries.refresh_row(replace(row, is_read=True))
        self.reload_feeds()

    @reports_store_errors(unsaved="Favourite not saved")
    def action_toggle_favourite(self) -> None:
        entries = self.query_one(EntryList)
        ref = entries.current
        if ref is None:
            return
        if ref.startswith("f"):
            favourite = self.favourites[int(ref[1:])]
            self.core.remove_favourite(favourite)
            self.notify("Removed from favourites.")
            self.reload_rows()
        else:
            row = entries.rows[ref]
            try:
                self.core.set_favourite(int(ref[1:]), not row.is_favourite)
            except NotFound:
                self._gone()
                return
            entries.refresh_row(replace(row, is_favourite=not row.is_favourite))
            self.notify(
                "Added to favourites." if not row.is_favourite else "Removed from favourites."
            )
        self.reload_feeds()

    def _current_url(self) -> str | None:
        ref = self.query_one(EntryList).current
        if ref is None:
            return None
        if ref.startswith("f"):
            url = self.favourites[int(ref[1:])].entry.url
        else:
            try:
                url = self.store.entry(int(ref[1:])).entry.url
            except NotFound:
                return None
        return safe_address(url)

    @reports_store_errors()
    def action_open_link(self) -> None:
        url = self._current_url()
        if url is None:
            self.notify("This post has no web address.", severity="warning")
            return
        browser = find_browser()
        if browser is None:
            self.copy_to_clipboard(url)
            self.notify(url, title="No browser found; copied the link instead", severity="warning")
        elif self._open_in(browser, url):
            self.notify(url, title="Opening")
        else:
            self.copy_to_clipboard(url)
            self.notify(
                url, title="Could not open the browser; copied the link instead", severity="warning"
            )

    def _open_in(self, browser: webbrowser.BaseBrowser, url: str) -> bool:
        if not runs_in_terminal(browser):
            return browser.open(url)
        try:
            with self.suspend():  # lynx or w3m gets the terminal until it exits
                return browser.open(url)
        except SuspendNotSupported:
            return False

    @reports_store_errors()
    def action_copy_link(self) -> None:
        if url := self._current_url():
            self.copy_to_clipboard(url)
            self.notify(url, title="Copied")
        else:
            self.notify("This post has no web address.", severity="warning")

    def action_toggle_key_events(self) -> None:
        self.key_events_only = not self.key_events_only
        self.reload_rows()

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.core.search), self._search_done)

    @reports_store_errors()
    def _search_done(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        # The hit's own feed, which lists all its posts (All feeds has only the newest).
        self.view = str(self.store.entry(entry_id).feed_id)
        self.key_events_only = False
        self.query_one(FeedList).select_id(self.view)
        self.set_read(f"e{entry_id}", True)  # chosen from the hits: opened
        self.open_rows(self.view, keep=f"e{entry_id}")
        self.show_ref(f"e{entry_id}")

    # Export

    @reports_store_errors()
    def action_export(self) -> None:
        count = self.core.count_favourites()
        now = timefmt.local(timefmt.clock())
        default_dir = self.core.export_dir
        note = DEMO_EXPORTS.format(folder=default_dir) if self.demo_url else None
        screen = ExportScreen(default_dir=default_dir, count=count, now=now, note=note)
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

    # Help and commands

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[HelpSection]:
        """Every key the app answers to, read from the bindings themselves (see keyhelp)."""
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


def _posts(count: int, noun: str = "post") -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
