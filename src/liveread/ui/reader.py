"""The reader pane: one post, its blocks rendered, scrollable.

Laying text out costs time in proportion to its length (about 4 µs a character), so a post is
shown a batch of about `BATCH_CHARACTERS` at a time: the first batch at once, each next one
as the reader nears the end of what is shown. A paragraph longer than a batch is cut at a
space. A post of any length opens as fast as a short one.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

if TYPE_CHECKING:  # loaded with the database, after the first frame
    from liveread.model import Article, Entry
    from liveread.store import PostVersion


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

BATCH_CHARACTERS = 8_000
"""About how much text is laid out at once (some 30 ms here)."""


class Passage(Static):
    """Text of the reader pane, as tall as its lines."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual lays the screen out again whenever a widget's virtual size changes, even
        # when the layout just made is what changed it: a second pass (15-20 ms on a full
        # screen) after every post shown. Nothing depends on the virtual size of text.
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class Edits(NamedTuple):
    """What the reader tells of an edited post."""

    edited_at: datetime
    earlier: list[PostVersion]
    """Its versions that edits replaced, oldest first (as many as the store keeps)."""


Piece = tuple[RenderableType, bool]
"""A part of a post's body, and whether a blank line follows it (not so within a paragraph
cut in pieces)."""


class Reader(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Page", show=False, id="reader.page_down"),
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    def __init__(
        self, *, id: str | None = None, changes_key: str = "h", back_keys: str = "l, esc"
    ) -> None:
        super().__init__(id=id)
        self.changes_key = changes_key
        """The key that shows an edited post's changes, as the reader names it."""
        self.back_keys = back_keys
        """The keys that go from a linked article back to its post, as the reader names them."""
        self.article_shown: Article | None = None
        """The linked article on show in place of the post `shown` (None: the post is)."""
        self._pending: deque[list[Piece]] = deque()
        self._shown_batches = 0
        self._post: tuple[Entry, str, Edits | None] | None = None

    changes_shown = False
    """Whether an edited post shows what its last edit changed, in place (kept from post to
    post until turned off)."""

    def compose(self):  # noqa: ANN201 - Textual's compose protocol
        note = Passage(id="note")
        note.display = False
        yield note
        yield Passage(id="article")
        yield Passage(id="more")

    shown: str | None = None
    """Which post is on show (the caller's key for it), None for other text."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # As `Passage`'s: the pane's virtual size is its text's height, which the layout just
        # made set; a scroll bar that comes or goes with it asks for its own layout.
        resized = size != self._size or container_size != self._container_size
        return super()._size_updated(size, virtual_size, container_size, layout and resized)

    def show_entry(
        self,
        entry: Entry,
        feed_title: str = "",
        *,
        key: str | None = None,
        edits: Edits | None = None,
    ) -> None:
        """Show a post from the top; showing the post with the `key` already on show again
        (the list was reloaded by a refresh, or the post was edited) keeps the reading place,
        with as much of it laid out as before. `edits`: how an edited post was edited; with
        `changes_shown`, the words its last edit changed are marked in its text."""
        from liveread.ui.render import article_head, body, changes_body  # with the first post

        same = key is not None and key == self.shown
        if same and self.article_shown is not None:
            self._post = (entry, feed_title, edits)  # shown again on the way back
            return
        if not same:
            self.note("")
            self.article_shown = None
        wanted = self._shown_batches if same else 1
        changes = self.changes_shown and edits is not None and bool(edits.earlier)
        parts = changes_body(edits.earlier[-1], entry) if changes and edits else body(entry)
        head = article_head(
            entry, feed_title, edits=edits, changes_shown=changes, changes_key=self.changes_key
        )
        self._show_parts(head, parts, home=not same)
        self.shown = key
        self._post = (entry, feed_title, edits)
        while self._shown_batches < wanted and self._pending:
            self._show_next_batch()
        self._fill()

    def show(self, renderable: RenderableType) -> None:
        self.note("")
        self.article_shown = None
        self._update(renderable, deque(), home=True)
        self.shown = None
        self._post = None

    def show_article(self, article: Article) -> None:
        """Show the article the post on show links to, in its place, from the top."""
        from liveread.ui.render import body, linked_head

        self.note("")
        self.article_shown = article
        self._show_parts(linked_head(article, self.back_keys), body(article.as_entry()), home=True)
        self._fill()

    def _show_parts(
        self, head: list[RenderableType], parts: list[RenderableType], *, home: bool
    ) -> None:
        """Show `head` and the first batch of `parts` at once, the rest batch by batch."""
        batches = deque(batched(parts, BATCH_CHARACTERS))
        first = batches.popleft() if batches else []
        self._update(Group(*head, *_spaced(first)), batches, home=home)

    def back_to_post(self) -> bool:
        """Show the post again in place of its linked article; False when none was shown."""
        if self.article_shown is None:
            return False
        self.article_shown = None
        if self._post is not None:
            entry, feed_title, edits = self._post
            key, self.shown = self.shown, None
            self.show_entry(entry, feed_title, key=key, edits=edits)
        return True

    def note(self, line: str) -> None:
        """A line above what is shown (a linked article that could not be read, say); an
        empty one hides it."""
        note = self.query_one("#note", Static)
        note.update(Text(line))
        note.display = bool(line)

    @property
    def has_changes(self) -> bool:
        """Whether the post on show has an earlier version to show its changes against."""
        return self._post is not None and bool(self._post[2] and self._post[2].earlier)

    def toggle_changes(self) -> None:
        """Mark what the last edit changed in the post on show, or stop marking it (for the
        posts shown next too), keeping the reading place."""
        self.changes_shown = not self.changes_shown
        if self._post is not None:
            entry, feed_title, edits = self._post
            self.show_entry(entry, feed_title, key=self.shown, edits=edits)

    def _update(self, renderable: RenderableType, rest: deque[list[Piece]], *, home: bool) -> None:
        self.query(".batch").remove()
        self._pending = rest
        self._shown_batches = 1
        self.query_one("#article", Static).update(renderable)
        self._note_pending()
        if home:
            self.scroll_home(animate=False)

    def _show_next_batch(self) -> None:
        batch = self._pending.popleft()
        self.mount(Passage(Group(*_spaced(batch)), classes="batch"), before="#more")
        self._shown_batches += 1
        self._note_pending()

    def _note_pending(self) -> None:
        more = self.query_one("#more", Static)
        more.display = bool(self._pending)
        if self._pending:
            left = sum(_length(part) for batch in self._pending for part, _ in batch)
            more.update(Text(f"▼ {left:,} more characters: read on to see them", "dim italic"))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """Lay out the next batch once the end of what is shown comes within a screen."""
        if self._pending:
            self.call_after_refresh(self._fill_now)

    def _fill_now(self) -> None:
        if self._pending and self.max_scroll_y - self.scroll_y <= self.size.height:
            self._show_next_batch()
            self._fill()


def batched(parts: list[RenderableType], size: int) -> list[list[Piece]]:
    """A post's body parts in runs of about `size` characters, long texts cut at a space."""
    batches: list[list[Piece]] = [[]]
    room = size
    for part in parts:
        pieces = _cut(part, size)
        for number, piece in enumerate(pieces, 1):
            length = _length(piece)
            if length > room and batches[-1]:
                batches.append([])
                room = size
            batches[-1].append((piece, number == len(pieces)))
            room -= length
    return batches if batches[0] else []


def _cut(part: RenderableType, size: int) -> list[RenderableType]:
    """A text (or padded text) longer than `size` as consecutive pieces, cut at spaces."""
    text = part.renderable if isinstance(part, Padding) else part
    if not isinstance(text, Text) or len(text) <= size:
        return [part]
    plain = text.plain
    cuts, start = [], 0
    while len(plain) - start > size:
        space = plain.rfind(" ", start + size // 2, start + size)
        start = space + 1 if space >= 0 else start + size
        cuts.append(start)
    pieces = text.divide(cuts)
    if isinstance(part, Padding):
        edges = (part.top, part.right, part.bottom, part.left)
        return [Padding(piece, edges, style=part.style) for piece in pieces]
    return list(pieces)


def _wrapped(part: RenderableType) -> RenderableType:
    from liveread.ui.wrapping import Wrapped  # with the first post shown, as `render` is

    if isinstance(part, Text):
        return Wrapped(part)
    if isinstance(part, Padding) and isinstance(part.renderable, Text):
        edges = (part.top, part.right, part.bottom, part.left)
        return Padding(Wrapped(part.renderable), edges, style=part.style)
    return part


def _length(part: RenderableType) -> int:
    text = part.renderable if isinstance(part, Padding) else part
    return len(text) if isinstance(text, Text) else 0


def _spaced(pieces: list[Piece]) -> list[RenderableType]:
    """Pieces one under another, a blank line after each part (as the post is written); text
    wraps web addresses at sensible points (`Wrapped`)."""
    items: list[RenderableType] = []
    for piece, gap in pieces:
        items.append(_wrapped(piece))
        if gap:
            items.append(Text(""))
    return items
