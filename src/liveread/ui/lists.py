"""The feeds pane (an `OptionList`) and the entry list (a `WindowedList`, drawn on demand)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple, cast

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liveread import timefmt
from liveread.schedule import brief
from liveread.timefmt import local, relative_age, short_age
from liveread.ui.titles import NO_TEXT, list_titles
from liveread.ui.window import WindowedList

if TYPE_CHECKING:  # loaded with the database, after the first frame
    from liveread.model import Entry
    from liveread.store import EntrySummary, Favourite, Feed

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._feeds: dict[int, Feed] = {}
        """The feeds on show, in order: what rows and ages are redrawn from."""
        self._busy: set[int] = set()
        self._offline = False

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
        self._feeds = {f.id: f for f in feeds}
        self._busy = set(busy)
        self._offline = offline
        options = [
            Option(self._all_feeds_prompt(), id=ALL_FEEDS),
            Option(_special("★ Favourites", favourites, unread=False), id=FAVOURITES),
            None,
        ]
        options += [Option(feed_prompt(f, f.id in busy, offline, now), id=str(f.id)) for f in feeds]
        self.set_options(options)
        self.select_id(chosen or ALL_FEEDS)

    def update_feeds(
        self, feeds: list[Feed], *, busy: set[int], now: datetime | None = None
    ) -> bool:
        """Redraw the rows of `feeds` and the All feeds total, leaving the other rows and the
        highlight as they are; False where the pane does not list one of them (that one is
        not drawn: the pane is to be shown again)."""
        listed, unread_changed = True, False
        for feed in feeds:
            shown = self._feeds.get(feed.id)
            if shown is None:
                listed = False
                continue
            self._feeds[feed.id] = feed
            if feed.id in busy:
                self._busy.add(feed.id)
            else:
                self._busy.discard(feed.id)
            prompt = feed_prompt(feed, feed.id in busy, self._offline, now)
            self.replace_option_prompt(str(feed.id), prompt)
            unread_changed = unread_changed or feed.unread != shown.unread
        if unread_changed:
            self.replace_option_prompt(ALL_FEEDS, self._all_feeds_prompt())
        return listed

    def _replace_option_prompt(self, index: int, prompt: VisualType) -> None:
        """Redraw only this row's lines, and measure the pane again only if its height
        changed. (`OptionList`'s own measures every row again: with hundreds of feeds, more
        than a frame's time for each feed a refresh reports.)"""
        option = self.get_option_at_index(index)
        height = self._line_cache.heights.get(index)
        option._set_prompt(prompt)
        self._option_render_cache.clear()  # rows are drawn again only as they are shown
        line = self._line_cache.index_to_line.get(index)
        if height is None or line is None or height != self._height_of(option, prompt):
            self._line_cache.clear()
            self.refresh()
        else:
            self.refresh_lines(line, height)

    def _height_of(self, option: Option, prompt: VisualType) -> int:
        """The lines `option` takes in the pane: those of its text when none is wider than
        the pane, else as `OptionList` measures it."""
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        width -= padding.width
        if isinstance(prompt, Text):
            lines = prompt.plain.split("\n")
            if all(cell_len(line) <= width for line in lines):
                return len(lines) + option._divider
        rules = cast(RulesMap, self.styles)
        return self._get_visual(option).get_height(rules, width) + option._divider

    def _all_feeds_prompt(self) -> Text:
        return _special("◉ All feeds", sum(feed.unread for feed in self._feeds.values()))

    def redraw_ages(self, now: datetime | None = None) -> None:
        """Redraw each feed's "updated 5 min ago" from the feeds in hand, not the store."""
        for feed in self._feeds.values():
            self.replace_option_prompt(
                str(feed.id), feed_prompt(feed, feed.id in self._busy, self._offline, now)
            )

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
    if feed.is_source:
        found = feed.blogs_found
        state = (f"source: {found} live blog{'s' * (found != 1)} found", "bold cyan")
    details = Text("\n  ", "dim")
    plan = "" if busy or offline else _next_fetch(feed, now)
    if plan and plan != "stopped" and feed.is_live and not feed.is_source:
        state = ("", "")  # polled: live, and the plan says when and why
    if state[0]:
        details.append(state[0], state[1])
        details.append(" · ")
    if feed.source_title is not None:
        details.append(f"via {feed.source_title or 'a source'} · ")
    # The next fetch before the last one's age: a narrow pane cuts the line's end.
    if plan:
        details.append(f"{plan} · ")
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


def _next_fetch(feed: Feed, now: datetime | None) -> str:
    """When the feed is fetched next, in a word or two; nothing where the state says it
    already (an ended blog's polling has stopped)."""
    plan = brief(feed.next_fetch_at, feed.poll_reason, feed.user_interval, now or timefmt.clock())
    return "" if plan == "stopped" and feed.is_live is False else plan


class Row(NamedTuple):
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
    feed: str = ""
    """Which feed the post is of (its id, or a favourite's feed address)."""
    headline: str = ""
    """The feed's own title (the blog's headline), whichever view the row is in."""


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
        feed=str(s.feed_id),
        headline=s.feed_title,
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
        feed=fav.feed_url,
        headline=fav.feed_title,
    )


def row_prompt(row: Row, now: datetime | None = None, title: str | None = None) -> Content:
    """Two lines: time, age, marks and who, then the title (`title` where the list shows
    another than the post's own, see `list_titles`). Each line is cut to the list's width
    with an ellipsis, never wrapped (`text-wrap: nowrap` in liveread.tcss), so every row is
    two lines high. Built as Textual `Content`, which the list measures and draws far faster
    than Rich renderables."""
    parts: list[tuple[str, str] | str] = []
    if row.published:
        parts.append((local(row.published).strftime("%H:%M"), "bold"))
    else:
        parts.append((row.label.rjust(5), "bold") if row.label else ("--:--", "dim"))
    parts.append((f" {row_age(row, now)}".ljust(AGE_WIDTH + 1), "dim"))
    marks = (
        ("●", not row.is_read, "bold $accent"),
        ("✎", row.edited, "$warning"),
        ("◆", row.key_event, "bold $warning"),
        ("▲", row.pinned, "$secondary"),
        ("↗", row.kind == "link", "$primary"),
        ("★", row.is_favourite, "bold $warning"),
    )
    shown = [(mark, style) for mark, on, style in marks if on]
    if shown:
        parts.append(" ")
        parts += shown
    who = ", ".join(row.authors)
    if row.feed_title:
        who = _first_words(row.feed_title, FEED_WIDTH) + (f" · {who}" if who else "")
    if who:
        parts.append(("  " + _one_line(who), "dim italic"))
    parts.append("\n")
    title = title or row.title or row.excerpt or NO_TEXT
    parts.append((_one_line(title), "" if row.is_read else "bold"))
    return Content.assemble(*parts)


def row_age(row: Row, now: datetime | None = None) -> str:
    """The age a row shows ("5 min"), empty for a post without a time."""
    return short_age(row.published, now) if row.published else ""


AGE_WIDTH = 6
"""Ages ("41 min", "3 h") are padded to this width, so marks and names line up."""
FEED_WIDTH = 18
"""In All feeds, a feed's title is cut to its first words within this many characters,
leaving room for who wrote."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _first_words(text: str, width: int) -> str:
    """The words of `text` that fit `width` ("Harbour Bridge" of "Harbour Bridge Marathon
    2026 – live"), without an ellipsis: the row's own cut may need one right after it. A
    first word longer than that is cut with one."""
    if len(text) <= width:
        return text
    words = text[: width + 1].rsplit(" ", 1)[0].rstrip(" :;,–—-|")
    return words if " " in text[: width + 1] and words else text[: width - 1] + "…"


DIVIDER = "divider"
"""The option id of the "new since your last visit" divider: no post, the cursor skips it."""


def divider_prompt(oldest_first: bool) -> Content:
    arrow = "▼" if oldest_first else "▲"
    return Content.styled(f"── {arrow} new since your last visit {arrow} ──", "$accent")


class EntryList(WindowedList):
    """Posts of the chosen view, newest first (or oldest first); keeps its place when rows
    are reloaded. Rows are drawn as they come into view, so a feed of any size opens at
    once: a row's prompt is built when it is first drawn, not when the list is filled."""

    BINDINGS = VIM_BINDINGS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, divider_id=DIVIDER)
        self.rows: dict[str, Row] = {}
        self.titles: dict[str, str] = {}
        """The title each row shows (`list_titles`)."""
        self._now: datetime | None = None
        """The time ages are drawn for (None: the clock's, when drawn)."""
        self._ages: dict[str, str] = {}
        """The age each drawn row shows."""
        self._oldest_first = False

    def show(
        self,
        rows: list[Row],
        keep: str | None = None,
        now: datetime | None = None,
        *,
        divider: int | None = None,
        oldest_first: bool = False,
        titles: dict[str, str] | None = None,
    ) -> None:
        """Show `rows` (each showing its title in `titles`, else `list_titles`), a divider
        before row number `divider`, the cursor on `keep` (else the first row). Placing the
        cursor posts no RowHighlighted: the app shows the post itself, and a post it shows
        this way is not one the reader moved to."""
        self.rows = {row.ref: row for row in rows}
        self.titles = list_titles(rows) if titles is None else titles
        self._now = now
        self._ages = {}
        self._oldest_first = oldest_first
        with self.prevent(WindowedList.RowHighlighted):
            self.set_rows(list(self.rows), divider)
            if rows:
                self.highlight(keep if keep is not None and keep in self.rows else rows[0].ref)

    def build_prompt(self, row_id: str) -> Content:
        row = self.rows[row_id]
        self._ages[row_id] = row_age(row, self._now)
        return row_prompt(row, self._now, self.titles.get(row_id))

    def build_divider(self) -> Content:
        return divider_prompt(self._oldest_first)

    def highlight(self, ref: str) -> None:
        self.highlighted = self.get_option_index(ref)

    @property
    def current(self) -> str | None:
        return self.highlighted_id

    def set_titles(self, title: str, subtitle: str = "") -> None:
        """Border title and subtitle, as plain text: a feed's title comes from its page, so it
        must never be read as markup."""
        self.border_title = Text(title)
        self.border_subtitle = Text(subtitle)

    def refresh_row(self, row: Row) -> None:
        self.rows[row.ref] = row
        self.forget(row.ref)

    def redraw_ages(self, now: datetime | None = None) -> int:
        """Redraw the drawn rows whose age reads differently at `now` (from the rows in hand,
        not the store); how many changed. Rows not drawn yet get their age when they are."""
        self._now = now
        changed = 0
        for ref in self.drawn_ids:
            row = self.rows.get(ref)
            if row is not None and row_age(row, now) != self._ages.get(ref):
                self.forget(ref)
                changed += 1
        return changed
