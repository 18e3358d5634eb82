"""A list of fixed-height rows drawn on demand: opening it costs one screen, not its length.

Every row is `ROW_HEIGHT` lines high and one optional divider a single line, so the line a
row starts on is arithmetic and nothing is measured up front. A row's prompt is built the
first time it is drawn (`build_prompt`) and kept, with its rendered lines, in a small LRU
cache; a row that changes is forgotten and drawn again. Keys, mouse and messages follow
Textual's `OptionList`, and so does the look (the component classes below).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar, NamedTuple, cast

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, RenderOptions, Visual

ROW_HEIGHT = 2
DRAWN_ROWS = 128
"""Rows whose prompt and lines are kept: four screens of a 64-line terminal. No more: what
is kept outlives the collector's young generations, and every full collection walks it
(about 90 tracked objects a row)."""
AHEAD_SECONDS = 0.004
"""The longest rows are drawn ahead (`_draw_ahead`) before the app takes a turn."""


class Item(NamedTuple):
    """One entry of the list as `OptionList` callers know it: its id, what it shows, and
    whether the cursor skips it (the divider)."""

    id: str
    prompt: Content
    disabled: bool


@dataclass(slots=True)
class _Drawn:
    prompt: Content
    lines: dict[tuple[Style, int], list[Strip]] = field(default_factory=dict)
    """The rendered lines by style (plain, highlighted, hover) and width."""


class WindowedList(ScrollView, can_focus=True):
    """Rows by id, in order, with a cursor (`highlighted`) and at most one divider row."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    DEFAULT_CSS = """
    WindowedList {
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .windowed-list--row-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .windowed-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .windowed-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .windowed-list--divider {
            color: $text-disabled;
        }
        & > .windowed-list--row-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "windowed-list--row",
        "windowed-list--row-highlighted",
        "windowed-list--row-hover",
        "windowed-list--divider",
    }

    highlighted: reactive[int | None] = reactive(None)
    """The index of the row under the cursor (never the divider's), None when empty."""

    _hover: reactive[int | None] = reactive(None)
    """The index of the row under the mouse."""

    class RowMessage(Message):
        def __init__(self, source: WindowedList, row_id: str, index: int) -> None:
            super().__init__()
            self.source = source
            self.row_id = row_id
            self.index = index

        @property
        def control(self) -> WindowedList:
            return self.source

    class RowHighlighted(RowMessage):
        """The cursor moved to a row."""

    class RowSelected(RowMessage):
        """A row was chosen: Enter, or a click."""

    def __init__(self, *, id: str | None = None, divider_id: str = "divider") -> None:
        super().__init__(id=id)
        self._divider_id = divider_id
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._divider: int | None = None
        self._drawn: LRUCache[str, _Drawn] = LRUCache(DRAWN_ROWS)
        self._ahead_planned = False

    # -- what the subclass supplies ------------------------------------------------------------

    def build_prompt(self, row_id: str) -> Content:
        """The prompt of a row (`ROW_HEIGHT` lines), built when it is first drawn."""
        raise NotImplementedError

    def build_divider(self) -> Content:
        """The divider's one line."""
        raise NotImplementedError

    # -- contents --------------------------------------------------------------------------------

    def set_rows(self, ids: Sequence[str], divider: int | None = None) -> None:
        """Show the rows `ids` in order, the divider before the row at `divider`. The cursor
        is left on no row: set `highlighted` next."""
        self._ids = list(ids)
        if divider is not None:
            self._ids.insert(divider, self._divider_id)
        self._index = {row_id: index for index, row_id in enumerate(self._ids)}
        self._divider = divider
        self._drawn.clear()
        self._hover = None
        self.highlighted = None
        self._update_virtual_size()
        self.refresh()

    def forget(self, row_id: str) -> None:
        """`row_id` has changed: drop what was built for it and draw it again if it is on show."""
        self._drawn.discard(row_id)
        index = self._index.get(row_id)
        if index is not None:
            self.refresh_lines(self._line_of(index), self._height_of(index))

    @property
    def drawn_ids(self) -> list[str]:
        """The rows whose prompt is built and kept (those on show among them)."""
        return list(self._drawn.keys())

    @property
    def option_count(self) -> int:
        """How many rows, the divider included."""
        return len(self._ids)

    def get_option_index(self, row_id: str) -> int:
        return self._index[row_id]

    def get_option_at_index(self, index: int) -> Item:
        row_id = self._ids[index]
        return Item(row_id, self._drawn_row(index).prompt, index == self._divider)

    def get_option(self, row_id: str) -> Item:
        return self.get_option_at_index(self._index[row_id])

    @property
    def highlighted_id(self) -> str | None:
        return self._ids[self.highlighted] if self.highlighted is not None else None

    # -- geometry --------------------------------------------------------------------------------

    def _height_of(self, index: int) -> int:
        return 1 if index == self._divider else ROW_HEIGHT

    def _line_of(self, index: int) -> int:
        """The first line of the row at `index` (one line less after the divider)."""
        after_divider = self._divider is not None and index > self._divider
        return ROW_HEIGHT * index - (ROW_HEIGHT - 1) * after_divider

    def _index_at(self, line: int) -> int:
        divider = self._divider
        if divider is None or line < ROW_HEIGHT * divider:
            return line // ROW_HEIGHT
        return (line + ROW_HEIGHT - 1) // ROW_HEIGHT

    @property
    def _line_count(self) -> int:
        return ROW_HEIGHT * len(self._ids) - (ROW_HEIGHT - 1) * (self._divider is not None)

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, self._line_count)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    # -- drawing ---------------------------------------------------------------------------------

    def _drawn_row(self, index: int) -> _Drawn:
        row_id = self._ids[index]
        drawn = self._drawn.get(row_id)
        if drawn is None:
            prompt = self.build_divider() if index == self._divider else self.build_prompt(row_id)
            drawn = _Drawn(prompt)
            self._drawn.set(row_id, drawn)
        return drawn

    def _row_style(self, index: int) -> Style:
        if index == self._divider:
            return self.get_visual_style("windowed-list--row", "windowed-list--divider")
        if index == self.highlighted:
            return self.get_visual_style("windowed-list--row", "windowed-list--row-highlighted")
        if index == self._hover:
            return self.get_visual_style("windowed-list--row", "windowed-list--row-hover")
        return self.get_visual_style("windowed-list--row")

    def _row_lines(self, index: int, style: Style) -> list[Strip]:
        drawn = self._drawn_row(index)
        width = self.scrollable_content_region.width
        lines = drawn.lines.get((style, width))
        if lines is None:
            padding = self.get_component_styles("windowed-list--row").padding
            visual: Visual = Padding(drawn.prompt, padding) if padding else drawn.prompt
            height = self._height_of(index)
            # Not `Visual.to_strips`: a row has no links to style or text to select, and
            # skipping those checks makes drawing a row twice as fast.
            options = RenderOptions(self._get_style, cast(RulesMap, self.styles))
            rendered = visual.render_strips(width, None, style, options)[:height]
            rendered += [Strip.blank(width, style.rich_style)] * (height - len(rendered))
            lines = [strip.extend_cell_length(width, style.rich_style) for strip in rendered]
            drawn.lines[(style, width)] = lines
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_virtual_size()
        lines = super().render_lines(crop)
        if not self._ahead_planned:
            self._ahead_planned = True
            self.call_later(self._draw_ahead)
        return lines

    def _draw_ahead(self) -> None:
        """Draw the rows a screen above and a screen below those on show, nearest first, a
        few at a time (`AHEAD_SECONDS`) once the frame is out: a page up or down then finds
        its rows drawn, and shows them at once."""
        began = time.perf_counter()
        for index in self._rows_ahead():
            self._row_lines(index, self._row_style(index))
            if time.perf_counter() - began >= AHEAD_SECONDS:
                # Through the event loop, not `call_later`: a widget takes the messages
                # queued for it one after another without letting the loop run, so the
                # rest would be drawn before a key, a timer or a frame could come between.
                asyncio.get_running_loop().call_soon(self._draw_ahead)
                return
        self._ahead_planned = False

    def _rows_ahead(self) -> list[int]:
        """The rows within a screen of those on show, not yet drawn as they would show,
        those nearest the screen first."""
        if not self._ids or not self.is_mounted:
            return []
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        first_shown = self._index_at(min(top, self._line_count - 1))
        last_shown = self._index_at(min(top + height, self._line_count) - 1)
        rows = max(1, height // ROW_HEIGHT)
        width = self.scrollable_content_region.width
        ahead = []
        for step in range(1, rows + 1):
            for index in (last_shown + step, first_shown - step):
                if 0 <= index < len(self._ids):
                    drawn = self._drawn.get(self._ids[index])
                    if drawn is None or (self._row_style(index), width) not in drawn.lines:
                        ahead.append(index)
        return ahead

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= line < self._line_count:
            return Strip.blank(width, self.get_visual_style("windowed-list--row").rich_style)
        index = self._index_at(line)
        return self._row_lines(index, self._row_style(index))[line - self._line_of(index)]

    def _on_resize(self) -> None:
        self._update_virtual_size()
        self.refresh()

    def notify_style_update(self) -> None:
        """Focus or the theme changed: rows are drawn again (a theme's colours are named in
        the prompts, so a row's lines can change while the list's own style does not)."""
        for row_id in self.drawn_ids:
            if drawn := self._drawn.get(row_id):
                drawn.lines.clear()
        self.refresh()
        super().notify_style_update()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    # -- the cursor ------------------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._ids:
            return None
        return min(max(highlighted, 0), len(self._ids) - 1)

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is None or highlighted == self._divider:
            return
        self.scroll_to_highlight()
        self.post_message(self.RowHighlighted(self, self._ids[highlighted], highlighted))

    def scroll_to_highlight(self, top: bool = False) -> None:
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return
        self._update_virtual_size()
        region = Region(
            0,
            self._line_of(highlighted),
            self.scrollable_content_region.width,
            self._height_of(highlighted),
        )
        self.scroll_to_region(region, force=True, animate=False, top=top, immediate=True)

    def _step(self, start: int, direction: int, *, wrap: bool) -> int | None:
        """The first row from `start` on (itself included) in `direction` that is not the
        divider; round the end when `wrap`."""
        count = len(self._ids)
        for step in range(count):
            index = start + direction * step
            if wrap:
                index %= count
            elif not 0 <= index < count:
                return None
            if index != self._divider:
                return index
        return None

    def action_cursor_down(self) -> None:
        if self._ids:
            current = self.highlighted
            self.highlighted = self._step(0 if current is None else current + 1, 1, wrap=True)

    def action_cursor_up(self) -> None:
        if self._ids:
            current = self.highlighted
            start = len(self._ids) - 1 if current is None else current - 1
            self.highlighted = self._step(start, -1, wrap=True)

    def action_first(self) -> None:
        if self._ids:
            self.highlighted = self._step(0, 1, wrap=False)

    def action_last(self) -> None:
        if self._ids:
            self.highlighted = self._step(len(self._ids) - 1, -1, wrap=False)

    def _move_page(self, direction: int) -> None:
        if not self._ids:
            return
        if self.highlighted is None:  # up: the first row, down: the last
            last = len(self._ids) - 1
            self.highlighted = self._step(0 if direction < 0 else last, -direction, wrap=False)
            return
        height = self.scrollable_content_region.height
        line = self._line_of(self.highlighted) + direction * height
        index = self._index_at(min(max(line, 0), self._line_count - 1))
        found = self._step(index, direction, wrap=False)
        self.highlighted = found if found is not None else self._step(index, -direction, wrap=False)

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and index != self._divider:
            self.post_message(self.RowSelected(self, self._ids[index], index))

    # -- the mouse -------------------------------------------------------------------------------

    def _index_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = offset.y + self.scroll_offset.y
        return self._index_at(line) if 0 <= line < self._line_count else None

    async def _on_click(self, event: events.Click) -> None:
        index = self._index_under(event)
        if index is not None and index != self._divider:
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._index_under(event)

    def _on_leave(self, _: events.Leave) -> None:
        self._hover = None
