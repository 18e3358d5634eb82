"""The add-a-feed dialog: the address is checked, then fetched in a worker before it is kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from liveread.store import Feed
from liveread.ui.screens.dialog import Dialog
from liveread.ui.screens.text import reason

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


class AddFeedScreen(Dialog[Feed | None]):
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
        super().__init__()
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
            self.post_message(self.Failed(url, reason(error)))
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
