"""Capping how deeply a document nests before Lexbor builds its tree.

Lexbor's tree builder looks through the stack of open elements at every tag. With deep
nesting that makes parsing quadratic: 50,000 nested `<div>`s take about 3 s here, and
200,000 take about a minute. Browsers cap the depth (Blink at 512). This does the same on the
source text: start tags deeper than the cap, and their end tags, are dropped, and their text
is kept. The scan tracks depth roughly: it skips comments and raw-text elements, knows void
elements and the common implied end tags. Real pages stay far below the cap and come back
unchanged.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512
FEW_TAGS = 10_000
"""Below this many `<` even the worst nesting parses in about a tenth of a second: no scan."""

_TOKEN = re.compile(
    r"<(?:!--(?:.*?-->|.*\Z)|/([A-Za-z][^\s/>]*)[^>]*>?|[!?/][^>]*>?|([A-Za-z][^\s/>]*)[^>]*>?)",
    re.S,
)
"""A comment, an end tag (group 1: name), a declaration, or a start tag (group 2: name)."""
_VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_RAW_TEXT = frozenset(
    [
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
    ]
)
_RAW_END = {name: re.compile(rf"</{name}[\s/>]", re.I) for name in _RAW_TEXT}
_NOT_NESTED = frozenset({"html", "head", "body"})
_SCOPE_BOUNDARIES = frozenset(
    {"applet", "caption", "marquee", "object", "table", "td", "template", "th"}
)
"""Elements an end tag for an element opened outside them does not reach."""
_CLOSES_OPEN = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "option": {"option"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
}
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)


def may_nest_too_deeply(
    html: str | bytes, max_depth: int = MAX_DEPTH, few_tags: int = FEW_TAGS
) -> bool:
    """Whether `html` has tags enough for `limit_depth` to scan it."""
    enough = max(few_tags, max_depth)
    if len(html) < enough:
        return False
    # Counting by removal: `replace` finds a character with memchr, `count` looks at each one.
    if isinstance(html, str):
        return len(html) - len(html.replace("<", "")) >= enough
    return len(html) - len(html.replace(b"<", b"")) >= enough


def limit_depth(html: str, max_depth: int = MAX_DEPTH, few_tags: int = FEW_TAGS) -> str:
    """`html` with start tags nested deeper than `max_depth` (and their end tags) removed."""
    if not may_nest_too_deeply(html, max_depth, few_tags):
        return html
    stack: list[str] = []
    # Where each open element's name, and each scope boundary, sits in `stack`.
    at: dict[str, list[int]] = {}
    boundaries: list[int] = []
    dropped: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []

    def pop() -> str:
        top = stack.pop()
        at[top].pop()
        if top in _SCOPE_BOUNDARIES:
            boundaries.pop()
        return top

    pos = 0
    while match := _TOKEN.search(html, pos):
        start, end = match.span()
        if (name := match[2]) is not None:
            name = name.lower()
            if name in _RAW_TEXT:
                closing = _RAW_END[name].search(html, end)
                end = closing.start() if closing else len(html)
            elif name not in _VOID and name not in _NOT_NESTED and not match[0].endswith("/>"):
                if stack and (
                    stack[-1] in _CLOSES_OPEN.get(name, ())
                    or (stack[-1] == "p" and name in _CLOSES_P)
                ):
                    pop()
                if len(stack) >= max_depth:
                    dropped[name] = dropped.get(name, 0) + 1
                    cuts.append((start, end))
                else:
                    if name in _SCOPE_BOUNDARIES:
                        boundaries.append(len(stack))
                    at.setdefault(name, []).append(len(stack))
                    stack.append(name)
        elif (name := match[1]) is not None:
            name = name.lower()
            if dropped.get(name):
                dropped[name] -= 1
                cuts.append((start, end))
            # An end tag closes its element only if no scope boundary (`<object>`, a table
            # cell) was opened inside it since: else the tree builder ignores it.
            elif (opened := at.get(name)) and not (boundaries and boundaries[-1] > opened[-1]):
                while stack and pop() != name:
                    pass
        pos = end
    if not cuts:
        return html
    pieces = []
    kept_from = 0
    for cut_start, cut_end in cuts:
        pieces.append(html[kept_from:cut_start])
        kept_from = cut_end
    pieces.append(html[kept_from:])
    return "".join(pieces)
