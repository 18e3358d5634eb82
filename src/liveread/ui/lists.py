"""The feeds pane and the entry list: line-API `OptionList`s, so 10,000 rows stay smooth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liveread.model import Entry
from liveread.store import EntrySummary, Favourite, Feed
from liveread.timefmt import local, relative_age

ALL_FEEDS = "all"
FAVOURITES = "favourites"

VIM_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    Binding("g", "first", "First", show=False, id="list.first"),
    Binding("G", "last", "Last", show=False, id="list.last"),
]


class FeedList(OptionList):
    """All feeds, Favourites, then each followed live blog with its state."""

    BINDINGS = VIM_BINDINGS

    def show(
        self,
        feeds: list[Feed],
        *,
        favourites: int,
        busy: set[int],
        offline: bool,
        now: datetime | None = None,
    ) -> None:
        chosen = self.highlighted_option.id if self.highlighted_option else None
        unread = sum(f.unread for f in feeds)
        options = [
            Option(_special("◉ All feeds", unread), id=ALL_FEEDS),
            Option(_special("★ Favourites", favourites, unread=False), id=FAVOURITES),
            None,
        ]
        options += [Option(feed_prompt(f, f.id in busy, offline, now), id=str(f.id)) for f in feeds]
        self.set_options(options)
        self.select_id(chosen or ALL_FEEDS)

    def select_id(self, option_id: str) -> None:
        try:
            self.highlighted = self.get_option_index(option_id)
        except Exception:  # the option went away (a removed feed): fall back to the top
            self.highlighted = 0


def _special(label: str, count: int, unread: bool = True) -> Text:
    text = Text(label, "bold")
    if count:
        text.append(f"  {count}", "bold cyan" if unread else "dim")
    return text


def feed_prompt(feed: Feed, busy: bool, offline: bool, now: datetime | None) -> Text:
    text = Text()
    text.append("⟳ " if busy else ("✗ " if feed.last_error else "  "), "bold")
    text.append(feed.label, "bold" if feed.unread else "")
    if feed.unread:
        text.append(f"  {feed.unread}", "bold")
    state = {True: ("live", "bold green"), False: ("ended", "dim"), None: ("", "")}[feed.is_live]
    details = Text("\n  ", "dim")
    if state[0]:
        details.append(state[0], state[1])
        details.append(" · ")
    if busy:
        details.append("fetching…")
    elif feed.last_ok_at:
        details.append(f"updated {relative_age(feed.last_ok_at, now)}")
    else:
        details.append("offline" if offline else "not fetched yet")
    text.append_text(details)
    if feed.last_error:
        text.append("\n  ")
        text.append(feed.last_error, "red")
    return text


@dataclass(frozen=True, slots=True)
class Row:
    """What the entry list shows of one post, whichever view it comes from."""

    ref: str
    """"e<id>" for a stored entry, "f<n>" for the n-th favourite copy."""
    published: datetime | None
    title: str
    excerpt: str
    authors: tuple[str, ...]
    kind: str
    key_event: bool
    pinned: bool
    is_read: bool
    is_favourite: bool
    edited: bool
    feed_title: str = ""
    label: str = ""
    """The post's stamp where it has no time of day ("95'")."""


def row_from_summary(s: EntrySummary, with_feed: bool) -> Row:
    return Row(
        ref=f"e{s.id}",
        published=s.published,
        title=s.title,
        excerpt=s.excerpt,
        authors=s.authors,
        kind=s.kind,
        key_event=s.key_event,
        pinned=s.pinned,
        is_read=s.is_read,
        is_favourite=s.is_favourite,
        edited=s.edited,
        feed_title=s.feed_title if with_feed else "",
        label=s.label,
    )


def row_from_favourite(index: int, fav: Favourite) -> Row:
    entry: Entry = fav.entry
    return Row(
        ref=f"f{index}",
        published=entry.published,
        title=entry.title,
        excerpt=entry.text[:80],
        authors=tuple(entry.authors),
        kind=entry.kind,
        key_event=entry.key_event,
        pinned=entry.pinned,
        is_read=True,
        is_favourite=True,
        edited=False,
        feed_title=fav.feed_title,
        label=entry.label,
    )


def row_prompt(row: Row, now: datetime | None = None) -> Content:
    """Two lines: marks, time and who, then the title (which may wrap). Built as Textual
    `Content`, which the list measures and draws far faster than Rich renderables."""
    parts: list[tuple[str, str] | str] = []
    marks = (
        ("●", not row.is_read, "bold $accent"),
        ("✎", row.edited, "$warning"),
        ("◆", row.key_event, "bold $warning"),
        ("▲", row.pinned, "$secondary"),
        ("↗", row.kind == "link", "$primary"),
        ("★", row.is_favourite, "bold $warning"),
    )
    parts += [(mark, style) if on else " " for mark, on, style in marks]
    parts.append(" ")
    if row.published:
        parts.append((local(row.published).strftime("%H:%M"), "bold"))
        parts.append((f" {relative_age(row.published, now)}", "dim"))
    elif row.label:
        parts.append((row.label.rjust(5), "bold"))
    else:
        parts.append(("--:--", "dim"))
    who = ", ".join(row.authors)
    if row.feed_title:
        who = row.feed_title + (f" · {who}" if who else "")
    if who:  # no-break spaces keep the name in one piece on the first line
        parts.append("  ")
        parts.append((_shorten(who, WHO_WIDTH).replace(" ", "\u00a0"), "dim italic"))
    parts.append("\n")
    parts.append((row.title or row.excerpt or "(no text)", "" if row.is_read else "bold"))
    return Content.assemble(*parts)


WHO_WIDTH = 14
"""Feed and author names are cut to this many characters so the first line rarely wraps."""


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


DIVIDER = "divider"
"""The option id of the "new since your last visit" divider: no post, the cursor skips it."""


def divider_prompt(oldest_first: bool) -> Content:
    arrow = "▼" if oldest_first else "▲"
    return Content.styled(f"── {arrow} new since your last visit {arrow} ──", "$accent")


class EntryList(OptionList):
    """Posts of the chosen view, newest first (or oldest first); keeps its place when rows
    are reloaded."""

    BINDINGS = VIM_BINDINGS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: dict[str, Row] = {}

    def show(
        self,
        rows: list[Row],
        keep: str | None = None,
        now: datetime | None = None,
        *,
        divider: int | None = None,
        oldest_first: bool = False,
    ) -> None:
        """Show `rows`, a divider before row number `divider`, the cursor on `keep` (else
        the first row). Placing the cursor posts no OptionHighlighted: the app shows the post
        itself, and a post it shows this way is not one the reader moved to."""
        self.rows = {row.ref: row for row in rows}
        options = [Option(row_prompt(r, now), id=r.ref) for r in rows]
        if divider is not None:
            options.insert(divider, Option(divider_prompt(oldest_first), id=DIVIDER, disabled=True))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            if rows:
                self.highlight(keep if keep is not None and keep in self.rows else rows[0].ref)

    def highlight(self, ref: str) -> None:
        self.highlighted = self.get_option_index(ref)

    @property
    def current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def set_titles(self, title: str, subtitle: str = "") -> None:
        """Border title and subtitle, as plain text: a feed's title comes from its page, so it
        must never be read as markup."""
        self.border_title = Text(title)
        self.border_subtitle = Text(subtitle)

    def refresh_row(self, row: Row) -> None:
        self.rows[row.ref] = row
        self.replace_option_prompt(row.ref, row_prompt(row))
