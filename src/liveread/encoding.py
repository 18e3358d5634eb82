"""A page's bytes to text, decoded as a browser would: by its byte order mark, the charset its
server sent, UTF-8, then the charset the page declares in a `<meta>` (or an XML declaration).

Shared by the fetcher and by `parse` given bytes (a saved page, `liveread parse FILE`), so a
page reads the same however it reached liveread.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
DECLARATION_SCAN = 64 * 1024
"""How far into a page its declared charset is looked for: a head can hold long scripts and
styles before its `<meta>` (browsers switch encoding when they meet one while parsing)."""


def decode_page(body: bytes, charset: str | None = None) -> str:
    """`body` as text: BOM, then `charset` (the server's), then UTF-8, then the page's own
    declaration. Never raises: bytes that do not fit become U+FFFD."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, "replace")
    if charset and (text := _try_decode(body, charset)) is not None:
        return text
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _DECLARED_CHARSET.search(body, 0, DECLARATION_SCAN)
    if match and (text := _try_decode(body, (match[1] or match[2]).decode("ascii"))) is not None:
        return text
    return body.decode("utf-8", "replace")


def _try_decode(body: bytes, label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
        # As browsers do (WHATWG Encoding): these labels mean windows-1252.
        if name in ("iso8859-1", "ascii"):
            name = "cp1252"
        return body.decode(name, "replace")
    except (LookupError, ValueError):
        return None
