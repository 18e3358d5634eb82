"""Text hygiene for page content: it is data, never markup or terminal control sequences."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

# ANSI CSI / OSC sequences first (they contain printable bytes), then any C0/C1 control
# character other than newline.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_JOINERS = "\u180e\u200c\u200d"
"""Invisible controls that shape letters inside a word: Mongolian vowel separator, ZWNJ, ZWJ."""
_INVISIBLE = (
    "\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
"""Format characters (Unicode Cf) that are removed: bidi embeddings, overrides, isolates and
marks (U+061C, U+200E/F, U+202A-202E, U+2066-2069), zero-width space, word joiner and BOM,
soft hyphen, invisible operators, deprecated and annotation controls, tag characters. Kept:
the visible Cf signs (Arabic number signs U+0600-0605 and the like) and `_JOINERS` inside words."""
_FLAG_TAGS = "\U0001f3f4[\U000e0020-\U000e007e]{1,32}\U000e007f"
"""An emoji tag sequence: the flags of England, Scotland and Wales."""
_FORMAT = re.compile(f"({_FLAG_TAGS})|([{_JOINERS}])|[{_INVISIBLE}]+")
_SUSPECT = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029{_JOINERS}{_INVISIBLE}]")
"""Any character `scrub` may change. None of them is printable (`str.isprintable`), which is
what the fast paths below rely on; `tests/test_text.py` checks it over all of Unicode."""
_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])
_ASCII_SUSPECT = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])
"""What `_SUSPECT` finds in ASCII text."""
_LONG = 100
"""From this length on, ASCII text is checked as bytes: one C pass that only deletes."""


def _free_of(text: str, ascii_bytes: bytes) -> bool:
    """Whether long ASCII `text` holds none of `ascii_bytes`."""
    data = text.encode("ascii")
    return len(data.translate(None, ascii_bytes)) == len(data)


def _printable(text: str) -> bool:
    """`text.isprintable()`, about twice as fast on long ASCII text."""
    if len(text) > _LONG and text.isascii():
        return _free_of(text, _ASCII_CONTROLS)
    return text.isprintable()


def scrub(text: str) -> str:
    """Remove escape sequences, bidi and other invisible format characters; control
    characters become spaces (tabs too: only line breaks are kept), and line and paragraph
    separators line breaks.

    The zero-width joiners (ZWJ, ZWNJ, U+180E) are kept between two letters or marks, where
    they shape a word (Persian, Indic scripts), and removed elsewhere: in emoji sequences the
    parts then show side by side, which every terminal draws at the width Rich expects,
    instead of one glyph on some terminals and several on others."""
    if len(text) > _LONG and text.isascii():
        if _free_of(text, _ASCII_SUSPECT):
            return text
    elif _free_of_suspects(text):  # the common case: no copies
        return text
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub(" ", text)
    text = _LINE_SEPARATORS.sub("\n", text)
    return _FORMAT.sub(_format_kept, text)


def _free_of_suspects(text: str) -> bool:
    """Whether `text` holds nothing `scrub` changes. Most text that is not printable is so
    for its line breaks and no-break spaces alone: without them it is looked at in one C
    pass, where the regular expression takes about ten times as long."""
    return (
        text.isprintable()
        or text.replace("\n", "").replace("\xa0", "").isprintable()
        or _SUSPECT.search(text) is None
    )


def _format_kept(match: re.Match[str]) -> str:
    """What stays of a run of format characters: a flag's tags, or a joiner inside a word."""
    if match[1]:
        return match[1]
    if match[2]:
        text, at = match.string, match.start()
        if 0 < at < len(text) - 1 and _in_word(text[at - 1]) and _in_word(text[at + 1]):
            return match[2]
    return ""


def _in_word(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def squash(text: str) -> str:
    """Scrub, then collapse runs of whitespace (newlines included) into single spaces."""
    if _single_spaced(text):
        return text
    # Most text that is not single-spaced is so for its line breaks and indents alone: once
    # they are collapsed, a printable result holds nothing `scrub` would change (whatever it
    # changes is not printable, and the controls it makes spaces are spaces to `split`).
    collapsed = " ".join(text.split())
    if _printable(collapsed):
        return collapsed
    return " ".join(scrub(text).split())


def _single_spaced(text: str) -> bool:
    """Whether `text` is already scrubbed and squashed: printable text has no whitespace but
    " ", and here no space is doubled or at an end."""
    return _printable(text) and "  " not in text and text[:1] != " " and text[-1:] != " "


def html_spaces(text: str) -> str:
    """Text-node content as a browser lays it out: any run of whitespace is one space."""
    if _printable(text) and "  " not in text:  # the common case: already laid out
        return text
    if text.isspace():  # scrubbing leaves it whitespace
        return " "
    inner = text.strip()
    if _printable(inner) and "  " not in inner:  # laid out but for its two ends
        return f"{' ' if text[0].isspace() else ''}{inner}{' ' if text[-1].isspace() else ''}"
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
        decoded = _unescape_once(text)
        if decoded == text:
            break
        text = decoded
    return text


_REFERENCE = re.compile(r"(?:#[0-9]+|#[xX][0-9a-fA-F]+|[^\t\n\f <&#;]{1,32});")
"""A complete `&...;` reference, as `html.unescape` reads one."""
_DECODED: dict[str, str] = {}
"""`html.unescape` of complete references seen before, keyed without the `&`."""


def _unescape_once(text: str) -> str:
    """`html.unescape(text)`, faster on text dense with references. No reference spans an
    `&`, so each piece after one decodes on its own; a complete `&name;` is looked up."""
    if "&" not in text:
        return text
    pieces = text.split("&")
    out = [pieces[0]]
    for piece in pieces[1:]:
        end = piece.find(";", 0, 33) + 1
        ref = piece[:end]
        decoded = _DECODED.get(ref) if end else None
        if decoded is None:
            if not (end and _REFERENCE.fullmatch(ref)):
                out.append(html.unescape("&" + piece))
                continue
            decoded = html.unescape("&" + ref)
            if len(_DECODED) < 4096:
                _DECODED[ref] = decoded
        out.append(decoded)
        out.append(piece[end:])
    return "".join(out)


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
    text = text[:limit]
    if _single_spaced(text):  # case folding makes no whitespace
        return text.casefold()
    return " ".join(text.casefold().split())


def letter_count(text: str) -> int:
    """The length of `text` without its whitespace: text as a reader sees it, measured."""
    return len(text) - sum(map(text.count, _WHITESPACE))


_WHITESPACE = (" ", "\n", "\t", "\r", "\xa0")
