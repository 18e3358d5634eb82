"""Line breaks for text that holds web addresses.

Rich wraps at spaces and cuts a word longer than the line wherever the width runs out
("…/harbour-mar" / "athon#post…"). A word too long for any line (a web address, mostly) is
broken here after `/`, `?`, `&`, `=`, `#` or `-` instead, filling each line as far as such a break
allows; only a stretch with no break in a whole line is cut at the width.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

BREAK_AFTER = "/?&=#-"
_WORD = re.compile(r"\S+")
_PIECE = re.compile(rf"[^{re.escape(BREAK_AFTER)}]*[{re.escape(BREAK_AFTER)}]+|.+")
"""A long word's pieces: each up to and with its run of break characters ("https://")."""


def break_offsets(plain: str, width: int) -> list[int]:
    """Where new lines start when `plain` is laid out `width` cells wide: before a word that
    does not fit, and inside a word longer than a line after a break character."""
    offsets: list[int] = []
    line_start = 0
    for line in plain.split("\n"):
        column, previous_end = 0, 0
        for word in _WORD.finditer(line):
            gap = cell_len(line[previous_end : word.start()])
            previous_end = word.end()
            for at, piece in _pieces(word.start(), word.group(), width):
                size = cell_len(piece)
                if column and column + gap + size > width:
                    offsets.append(line_start + at)
                    column = gap = 0
                column += gap + size
                gap = 0
        line_start += len(line) + 1
    return offsets


def _pieces(at: int, word: str, width: int) -> list[tuple[int, str]]:
    """A word as the parts a line may end between (with where each starts): the whole word
    when it fits a line, else its pieces after break characters, each no wider than a line."""
    if cell_len(word) <= width:
        return [(at, word)]
    pieces: list[tuple[int, str]] = []
    for piece in _PIECE.finditer(word):
        pieces += _fold(at + piece.start(), piece.group(), width)
    return pieces


def _fold(at: int, piece: str, width: int) -> list[tuple[int, str]]:
    """A piece wider than a line in chunks of the line's width (it has no better break)."""
    if cell_len(piece) <= width:
        return [(at, piece)]
    chunks: list[tuple[int, str]] = []
    chunk_start, size = 0, 0
    for index, character in enumerate(piece):
        character_size = cell_len(character)
        if size + character_size > width and size:
            chunks.append((at + chunk_start, piece[chunk_start:index]))
            chunk_start, size = index, 0
        size += character_size
    chunks.append((at + chunk_start, piece[chunk_start:]))
    return chunks


class Wrapped:
    """A `Text` laid out by `break_offsets` when it holds a word too long for the width, and
    as Rich lays it out otherwise (the common case costs one comparison)."""

    def __init__(self, text: Text) -> None:
        self.text = text
        plain = text.plain
        self._longest = max((cell_len(w) for w in plain.split()), default=0)
        self._breakable = any(c in plain for c in BREAK_AFTER)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if self._longest <= width or not self._breakable:
            yield self.text
            return
        lines = self.text.divide(break_offsets(self.text.plain, width))
        for line in lines[:-1]:
            if spaces := len(line.plain) - len(line.plain.rstrip(" ")):
                line.right_crop(spaces)
        joined = Text("\n", end=self.text.end, justify=self.text.justify).join(lines)
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
