"""The search dialog: every stored post, searched as you type, a page of hits at a time."""

from __future__ import annotations

from typing import ClassVar, Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from liveread import timefmt
from liveread.store import SearchHit
from liveread.ui.screens.dialog import Dialog
from liveread.ui.screens.text import highlight_snippet, one_line, reason

EXCERPT_CHARS = 100
"""How much of an untitled post's text stands in for its title in a search hit."""
PAGE_SIZE = 50
"""Hits asked for at a time: the first page at once, the next when the highlight reaches
the last hit shown."""


class Search(Protocol):
    """Finds the posts matching `query`: the `limit` best from `offset` on (`Core.search`)."""

    def __call__(self, query: str, *, limit: int, offset: int) -> list[SearchHit]: ...


def hit_prompt(hit: SearchHit) -> Text:
    """Three lines for one hit: feed and time, title (or excerpt), highlighted snippet."""
    stored = hit.entry
    entry = stored.entry
    when = timefmt.stamp(entry.published or stored.first_seen_at)
    headline = one_line(entry.title) or one_line(entry.text)[:EXCERPT_CHARS]
    feed = one_line(stored.feed_title) or "(untitled feed)"
    return Text.assemble(
        (feed, "bold"),
        ("  ·  ", "dim"),
        (when, "dim"),
        "\n",
        (headline or "(untitled post)", "bold"),
        "\n",
        highlight_snippet(hit.snippet),
    )


class SearchScreen(Dialog[int | None]):
    """Search every stored post as you type; Enter on a hit dismisses with its entry id.

    `search` runs in a thread worker (exclusive, so only the newest query's results land),
    after the typing has paused for `DEBOUNCE` seconds. It is asked for `page_size` hits; when
    the highlight reaches the last hit of a full page, the next page is asked for in the same
    way and added below.
    """

    DEBOUNCE = 0.2

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="dialog.cancel"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    class Results(Message):
        def __init__(self, query: str, hits: list[SearchHit], offset: int = 0) -> None:
            super().__init__()
            self.query = query
            self.hits = hits
            self.offset = offset
            """Where the hits start among all of the query's: 0 for a first page."""

    class Failed(Message):
        def __init__(self, query: str, reason: str) -> None:
            super().__init__()
            self.query = query
            self.reason = reason

    def __init__(self, search: Search, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._search = search
        self.page_size = page_size
        self.hits: list[SearchHit] = []
        self._shown_query = ""
        self._read = 0
        """How many of the query's hits the pages so far held: where the next page starts."""
        self._more = False
        """Whether the last page came back full: more hits may follow."""
        self._loading_more = False
        self._timer: Timer | None = None
        self._focus_when_done = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="search-dialog"):
            yield Input(placeholder="Search all posts…", id="search-input")
            yield Static(Text(""), id="search-status", classes="dialog-status")
            yield OptionList(id="search-results", markup=False)

    def _status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Text(message))
        status.set_class(error, "error")

    @property
    def _query(self) -> str:
        return self.query_one("#search-input", Input).value.strip()

    @on(Input.Changed, "#search-input")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DEBOUNCE, self._start_search)

    def _start_search(self) -> None:
        self._timer = None
        query = self._query
        self.workers.cancel_group(self, "search-more")
        if not query:
            self.workers.cancel_group(self, "search")
            self._show([], "")
            return
        self._status("Searching…")
        self._run_search(query)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, query: str) -> None:
        self._post_results(query, 0)

    @work(thread=True, exclusive=True, group="search-more")
    def _run_more(self, query: str, offset: int) -> None:
        self._post_results(query, offset)

    def _post_results(self, query: str, offset: int) -> None:
        """Search in the worker's thread; post the page (or the failure) unless cancelled."""
        try:
            hits = self._search(query, limit=self.page_size, offset=offset)
        except Exception as error:
            message: Message = self.Failed(query, reason(error))
        else:
            message = self.Results(query, hits, offset)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(Results)
    def _results(self, message: Results) -> None:
        if message.query != self._query:
            return  # typed on since: a newer search is on its way
        if message.offset:
            self._add_page(message.hits, message.offset)
            return
        self._show(message.hits, message.query)
        if self._focus_when_done:
            self._focus_when_done = False
            self.action_focus_results()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        if message.query == self._query:
            self._focus_when_done = False
            self._loading_more = False
            self._status(message.reason, error=True)

    def _show(self, hits: list[SearchHit], query: str) -> None:
        self.hits = []
        self._read = 0
        self._shown_query = query
        self._loading_more = False
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        self._append(hits)
        if self.hits:
            results.highlighted = 0

    def _add_page(self, hits: list[SearchHit], offset: int) -> None:
        """Add a later page below the hits shown, if it is the page that follows them."""
        if offset != self._read:
            return
        self._loading_more = False
        self._append(hits)

    def _append(self, hits: list[SearchHit]) -> None:
        shown = {hit.entry.id for hit in self.hits}
        # A refresh between pages can move a hit into the next page: it is shown once.
        new = [hit for hit in hits if hit.entry.id not in shown]
        options: list[Option | None] = []
        for hit in new:
            if self.hits or options:
                options.append(None)  # a rule between hits; it is not an option of its own
            options.append(Option(hit_prompt(hit)))
        self.query_one("#search-results", OptionList).add_options(options)
        self.hits += new
        self._read += len(hits)
        self._more = len(hits) == self.page_size
        self._show_count()

    def _show_count(self) -> None:
        if not self._shown_query:
            self._status("")
        elif not self.hits:
            self._status("No posts match")
        else:
            n = len(self.hits)
            more = "+" if self._more else ""
            self._status(f"{n}{more} post{'s' if n != 1 else ''}: Enter to read")

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        at_end = event.option_index == len(self.hits) - 1
        if at_end and self._more and not self._loading_more:
            self._loading_more = True
            self._status(f"{len(self.hits)}+ posts: loading more…")
            self._run_more(self._shown_query, self._read)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        query = self._query
        if query and query != self._shown_query:
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self._focus_when_done = True
            self._status("Searching…")
            self.workers.cancel_group(self, "search-more")
            self._run_search(query)
        else:
            self.action_focus_results()

    def action_focus_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index].entry.id)

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "search")
        self.workers.cancel_group(self, "search-more")
        self.dismiss(None)
