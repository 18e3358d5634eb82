"""Modal dialogs: confirm, add a feed, export favourites, search every post, and the key help.

Every string that can come from a page (titles, snippets, error reasons, paths) reaches the
screen as a `rich.text.Text` or a Textual `Content`, never as markup. Network and disk work runs
in exclusive workers that post messages; the screens' handlers own the state. The styles live in
`dialogs.tcss` beside this module (`CSS_FILE`), which the app loads with its own stylesheet.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import (
    Button,
    DataTable,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from liveread import export, timefmt
from liveread.output import OutputError, export_target, is_taken
from liveread.store import SNIPPET_CLOSE, SNIPPET_OPEN, Feed, SearchHit

__all__ = [
    "CSS_FILE",
    "HIGHLIGHT_STYLE",
    "AddFeedScreen",
    "ConfirmScreen",
    "ExportRequest",
    "ExportScreen",
    "HelpScreen",
    "SearchScreen",
    "highlight_snippet",
]

CSS_FILE = Path(__file__).with_name("dialogs.tcss")
"""The stylesheet for these screens; add it to the app's CSS_PATH."""

HIGHLIGHT_STYLE = "bold reverse"
"""How a matched search term is shown (readable in every theme)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """`text` on one line: runs of whitespace become one space, control characters go."""
    return _CONTROL.sub(" ", _SPACE.sub(" ", text)).strip()


def _spaced(text: str) -> str:
    # Like one_line, but keeps a leading / trailing space: snippet pieces are joined back up.
    return _SPACE.sub(" ", _CONTROL.sub(" ", text))


def highlight_snippet(snippet: str, style: str = HIGHLIGHT_STYLE) -> Text:
    """A store snippet as Text on one line: terms between SNIPPET_OPEN and SNIPPET_CLOSE in
    `style`. Never parsed as markup."""
    pieces: list[tuple[str, str]] = []
    inside = False
    for part in re.split(f"([{SNIPPET_OPEN}{SNIPPET_CLOSE}])", snippet):
        if part == SNIPPET_OPEN:
            inside = True
        elif part == SNIPPET_CLOSE:
            inside = False
        elif part:
            pieces.append((_spaced(part), style if inside else ""))
    if pieces:
        pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
        pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
    return Text.assemble(*(piece for piece in pieces if piece[0]))


# ---------------------------------------------------------------------------------------------
# Confirm


class ConfirmScreen(ModalScreen[bool]):
    """A yes / no question. y or enter answers yes, n or escape answers no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(Text(self.question), id="confirm-question", classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self.yes), variant="primary", id="confirm-yes")
                yield Button(Content(self.no), id="confirm-no")

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


# ---------------------------------------------------------------------------------------------
# Add a feed

BAD_URL = "Enter a full web address starting with https://"


def check_url(url: str) -> str | None:
    """Why `url` cannot be a feed address, or None when it looks like one."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return BAD_URL
    if parts.scheme.lower() not in ("http", "https") or not host:
        return BAD_URL
    return None


def _reason(error: BaseException) -> str:
    text = one_line(str(error))
    return text or type(error).__name__


class AddFeedScreen(ModalScreen[Feed | None]):
    """Ask for a live blog's address and add it with `add(url)`; dismisses with the new Feed.

    `add` runs in an exclusive worker. A failure (its str() is the reason) is shown inline and
    the dialog stays open with the address as typed. Escape cancels, the running `add` too.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    class Added(Message):
        def __init__(self, feed: Feed) -> None:
            super().__init__()
            self.feed = feed

    class Failed(Message):
        def __init__(self, url: str, reason: str) -> None:
            super().__init__()
            self.url = url
            self.reason = reason

    def __init__(self, add: Callable[[str], Awaitable[Feed]]) -> None:
        super().__init__(classes="dialog-screen")
        self._add = add
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="add-feed-dialog"):
            yield Static(Text("Follow a live blog"), classes="dialog-title")
            yield Input(placeholder="https://… live blog URL", id="add-url")
            yield Static(Text(""), id="add-status", classes="dialog-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add", variant="primary", id="add-ok")
                yield Button("Cancel", id="add-cancel")

    def _status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#add-status", Static)
        status.update(Text(message))
        status.set_class(error, "error")

    @on(Input.Changed, "#add-url")
    def _edited(self) -> None:
        if not self.busy:
            self._status("")

    @on(Input.Submitted, "#add-url")
    @on(Button.Pressed, "#add-ok")
    def _submit(self) -> None:
        if self.busy:
            return
        url = self.query_one("#add-url", Input).value.strip()
        if problem := check_url(url):
            self._status(problem, error=True)
            return
        self.busy = True
        self.query_one("#add-ok", Button).disabled = True
        self._status(f"Fetching {url} …")
        self._run_add(url)

    @work(exclusive=True, group="add-feed")
    async def _run_add(self, url: str) -> None:
        try:
            feed = await self._add(url)
        except Exception as error:
            self.post_message(self.Failed(url, _reason(error)))
        else:
            self.post_message(self.Added(feed))

    @on(Added)
    def _added(self, message: Added) -> None:
        self.busy = False
        self.dismiss(message.feed)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.busy = False
        self.query_one("#add-ok", Button).disabled = False
        self._status(message.reason, error=True)
        self.query_one("#add-url", Input).focus()

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "add-feed")
        self.busy = False
        self.dismiss(None)


# ---------------------------------------------------------------------------------------------
# Export favourites

FORMAT_LABELS: dict[export.Format, str] = {"md": "Markdown", "json": "JSON", "html": "HTML"}
NO_FAVOURITES = "No favourites yet: press f on a post to keep it."


@dataclass(frozen=True)
class ExportRequest:
    format: export.Format
    path: Path


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Choose a format and a file for the favourites; dismisses with an ExportRequest.

    Writing the file is the caller's job. A relative path is taken as relative to
    `default_dir`, a folder means "into it" (`output.export_target`); an existing file is only
    replaced after a ConfirmScreen says yes, and anything else there never is.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    def __init__(self, *, default_dir: Path, count: int, now: datetime | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.default_dir = Path(default_dir).expanduser()
        self.count = count
        self.now = now or datetime.now().astimezone()
        self.format: export.Format = export.FORMATS[0]
        self._auto_path = self._default_path(self.format)

    def _default_path(self, fmt: export.Format) -> str:
        return str(self.default_dir / export.default_filename(fmt, self.now))

    def compose(self) -> ComposeResult:
        noun = "favourite" if self.count == 1 else "favourites"
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(Text(f"Export {self.count} {noun}"), classes="dialog-title")
            with RadioSet(id="export-format"):
                for fmt in export.FORMATS:
                    yield RadioButton(
                        FORMAT_LABELS[fmt], value=fmt == self.format, id=f"export-{fmt}"
                    )
            yield Static(Text("Save to"), classes="dialog-label")
            yield Input(self._auto_path, placeholder="File to write", id="export-path")
            yield Static(Text(""), id="export-status", classes="dialog-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        if self.count <= 0:
            self.query_one("#export-ok", Button).disabled = True
            self._status(NO_FAVOURITES, error=False)

    def _status(self, message: str, *, error: bool = True) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Text(message))
        status.set_class(error, "error")

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = export.FORMATS[event.index]
        if fmt == self.format:
            return
        self.format = fmt
        path_input = self.query_one("#export-path", Input)
        current = path_input.value
        if current == self._auto_path:
            new = self._default_path(fmt)
        else:
            new = _swap_suffix(current, export.SUFFIXES[fmt])
        self._auto_path = self._default_path(fmt)
        if new != current:
            path_input.value = new

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _submit(self) -> None:
        if self.count <= 0:
            return
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._status("Enter the file to export to.")
            return
        try:
            path = export_target(
                raw,
                filename=export.default_filename(self.format, self.now),
                default_dir=self.default_dir,
                relative_to=self.default_dir,
            )
            taken = is_taken(path)
        except OutputError as error:
            self._status(str(error))
            return
        request = ExportRequest(self.format, path)
        if taken:

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self.dismiss(request)
                else:
                    self._status("Not exported: choose another file name.", error=False)
                    self.query_one("#export-path", Input).focus()

            self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?"), answered)
            return
        self.dismiss(request)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _swap_suffix(value: str, suffix: str) -> str:
    """`value` with a known export suffix replaced by `suffix`; other names are left alone."""
    lowered = value.lower()
    for known in export.SUFFIXES.values():
        if lowered.endswith(known):
            return value[: -len(known)] + suffix
    return value


# ---------------------------------------------------------------------------------------------
# Search

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
            message: Message = self.Failed(query, _reason(error))
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


# ---------------------------------------------------------------------------------------------
# Help

HELP_INTRO = "Keys can be remapped in the [keys] table of config.toml by binding id."


class HelpScreen(ModalScreen[None]):
    """The key bindings: (keys as displayed, what they do, binding id) rows in a table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close")
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(Text("Keys"), classes="dialog-title")
            yield Static(Text(HELP_INTRO), classes="dialog-body")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text("Esc, q or ? closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        table.add_columns(Text("Key"), Text("Action"), Text("Binding id"))
        for keys, description, binding_id in self.rows:
            table.add_row(Text(keys), Text(description), Text(binding_id, style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
