"""Text hygiene for page content: it is data, never markup or terminal control sequences."""

from __future__ import annotations

import html
import re
from functools import lru_cache

# ANSI CSI / OSC sequences first (they contain printable bytes), then any C0/C1 control
# character other than tab and newline.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")


def scrub(text: str) -> str:
    """Remove escape sequences, control characters and zero-width junk."""
    if text.isprintable() or _SUSPECT.search(text) is None:  # the common case: no copies
        return text
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub(" ", text)
    return _ZERO_WIDTH.sub("", text)


def squash(text: str) -> str:
    """Scrub, then collapse runs of whitespace (newlines included) into single spaces."""
    # Printable text has no whitespace but " "; without doubled or edge spaces it is done.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(scrub(text).split())


def collapse_spaces(text: str) -> str:
    """Collapse horizontal whitespace but keep newlines."""
    return _SPACES.sub(" ", scrub(text))


def html_spaces(text: str) -> str:
    """Text-node content as a browser lays it out: any run of whitespace is one space."""
    if text.isprintable() and "  " not in text:  # the common case: already laid out
        return text
    if text.isspace():  # scrubbing leaves it whitespace
        return " "
    text = scrub(text)
    collapsed = " ".join(text.split())
    if not collapsed:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{collapsed}{trail}"


def unescape(text: str) -> str:
    """Decode HTML entities left in structured data (`&#39;`, `&quot;`, sometimes twice)."""
    if "&" not in text:
        return text
    for _ in range(2):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """A structured-data string as clean single-line text."""
    return squash(unescape(text))


_NON_WORD = re.compile(r"\W+")


def comparable(text: str, limit: int | None = None) -> str:
    """A loose form of a string for matching titles and paragraphs across sources; `limit`
    bounds the work on long texts (the first characters are enough to match)."""
    if limit is not None:
        text = text[:limit]
    if "&" in text:
        text = unescape(text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


def fingerprint(text: str, limit: int = 300) -> str:
    """A cheap loose form of a long text (case and spacing ignored) for spotting copies."""
    return " ".join(text[:limit].casefold().split())


_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def url_safe(url: str) -> str:
    """A URL with spaces and control characters percent-encoded, as a browser sends it, so
    no escape sequence reaches the terminal through a link or a permalink."""
    if _URL_UNSAFE.search(url) is None:
        return url
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), url)
