"""The search dialog: every stored post, searched as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from liveread import timefmt
from liveread.store import SearchHit
from liveread.ui.screens.text import highlight_snippet, one_line, reason

EXCERPT_CHARS = 100
"""How much of an untitled post's text stands in for its title in a search hit."""


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


class SearchScreen(ModalScreen[int | None]):
    """Search every stored post as you type; Enter on a hit dismisses with its entry id.

    `search(query)` runs in a thread worker (exclusive, so only the newest query's results
    land), after the typing has paused for `DEBOUNCE` seconds.
    """

    DEBOUNCE = 0.2

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="dialog.cancel"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    class Results(Message):
        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    class Failed(Message):
        def __init__(self, query: str, reason: str) -> None:
            super().__init__()
            self.query = query
            self.reason = reason

    def __init__(self, search: Callable[[str], list[SearchHit]]) -> None:
        super().__init__(classes="dialog-screen")
        self._search = search
        self.hits: list[SearchHit] = []
        self._shown_query = ""
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
        if not query:
            self.workers.cancel_group(self, "search")
            self._show([], "")
            return
        self._status("Searching…")
        self._run_search(query)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, query: str) -> None:
        try:
            hits = self._search(query)
        except Exception as error:
            message: Message = self.Failed(query, reason(error))
        else:
            message = self.Results(query, hits)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(Results)
    def _results(self, message: Results) -> None:
        if message.query != self._query:
            return  # typed on since: a newer search is on its way
        self._show(message.hits, message.query)
        if self._focus_when_done:
            self._focus_when_done = False
            self.action_focus_results()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        if message.query == self._query:
            self._focus_when_done = False
            self._status(message.reason, error=True)

    def _show(self, hits: list[SearchHit], query: str) -> None:
        self.hits = list(hits)
        self._shown_query = query
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        options: list[Option | None] = []
        for hit in self.hits:
            if options:
                options.append(None)  # a rule between hits; it is not an option of its own
            options.append(Option(hit_prompt(hit)))
        results.add_options(options)
        if not query:
            self._status("")
        elif not self.hits:
            self._status("No posts match")
        else:
            n = len(self.hits)
            self._status(f"{n} post{'s' if n != 1 else ''}: Enter to read")
        if self.hits:
            results.highlighted = 0

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        query = self._query
        if query and query != self._shown_query:
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self._focus_when_done = True
            self._status("Searching…")
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
        self.dismiss(None)
