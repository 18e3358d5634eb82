"""The reader pane: one post, its blocks rendered, scrollable."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from liveread.model import Entry
from liveread.ui.render import article

WELCOME = Text.assemble(
    ("Welcome to liveread\n\n", "bold"),
    "You are not following any live blogs yet.\n\n",
    ("a", "bold reverse"),
    "  add a live blog by its web address\n",
    ("D", "bold reverse"),
    "  open the built-in demo live blog (no network needed)\n",
    ("?", "bold reverse"),
    "  all keys\n",
)


class Reader(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Page", show=False, id="reader.page_down"),
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    def compose(self):  # noqa: ANN201 - Textual's compose protocol
        yield Static(id="article")

    shown: str | None = None
    """Which post is on show (the caller's key for it), None for other text."""

    def show_entry(self, entry: Entry, feed_title: str = "", *, key: str | None = None) -> None:
        """Show a post from the top; showing the post with the `key` already on show again
        (the list was reloaded by a refresh, or the post was edited) keeps the reading place."""
        same = key is not None and key == self.shown
        self._update(article(entry, feed_title), home=not same)
        self.shown = key

    def show(self, renderable: RenderableType) -> None:
        self._update(renderable, home=True)
        self.shown = None

    def _update(self, renderable: RenderableType, *, home: bool) -> None:
        self.query_one("#article", Static).update(renderable)
        if home:
            self.scroll_home(animate=False)
