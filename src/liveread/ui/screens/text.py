"""Text helpers the dialogs share: page strings on one line, search snippets as rich Text.

Every string that can come from a page (titles, snippets, error reasons, paths) reaches the
screen as a `rich.text.Text` or a Textual `Content`, never as markup.
"""

from __future__ import annotations

import re

from rich.text import Text

from liveread.store import SNIPPET_CLOSE, SNIPPET_OPEN

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


def reason(error: BaseException) -> str:
    text = one_line(str(error))
    return text or type(error).__name__
