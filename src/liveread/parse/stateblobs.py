"""State blobs: the JSON a page's scripts hold, found and decoded without running a script.

Next.js (`<script id="__NEXT_DATA__" type="application/json">`), Nuxt 3 (`__NUXT_DATA__`, in
devalue's flat form), Apollo (`window.__APOLLO_STATE__=`), Redux (`window.__INITIAL_STATE__=`,
`__PRELOADED_STATE__=`), JSON islands (`<script type="application/json">`) and `data-state`
attributes, as JSON, base64 or URI-encoded. After `window.__X__ =` a JSON literal is read up
to where orjson finds its end, or the string literal given to `JSON.parse(…)`,
`JSON.parse(atob(…))` or `JSON.parse(decodeURIComponent(…))`; anything else (a function
call, a JavaScript object literal) is left alone.

Cheap on pages without state: one query for scripts (and `data-state`), a regular
expression at the opening of each inline script, substring tests before any decoding.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import orjson
from selectolax.lexbor import LexborHTMLParser

from liveread.parse.structured import _SURROGATE, _SURROGATE_ESCAPE, _mend_surrogates

MAX_BLOB = 10_000_000
"""The longest blob (in characters, before decoding) read; larger ones are skipped."""
MAX_STATEMENTS = 16
"""The most `window.__X__ = …` assignments read one after another in one script."""
MAX_SKIPPED = 8
"""The most short statements of a namespace skipped before one that stores state."""
_NAMESPACE = re.compile(
    r"\s*(?:window\.)?([A-Za-z_$][\w$]*)\s*=\s*(?:window\.)?\1\s*\|\|\s*\{\}\s*;"
)
"""`window.Fusion=window.Fusion||{};`: a script that sets up a namespace, then its members."""
MAX_UNFLATTENED = 300_000
"""The most values of a devalue payload put back in place."""
TIME_HINTS = ("date", "Date", "time", "Time", "ublish", "reated", "pdated", "odified", "dded")
"""Every time key `pagestate` reads holds one of these: a blob holding none has no post."""

JSON_TYPES = frozenset({"application/json", "text/json"})
STATE_ATTRIBUTE = "data-state"
"""The attribute an element's state is given in (often base64). Looking for it costs about as
much as finding the scripts: each attribute more would cost as much again on every page."""
CANDIDATES = f"script, [{STATE_ATTRIBUTE}]"

_ASSIGNMENT = re.compile(
    r"""(?>[\s;]*(?:(?://[^\n]*\n|<!\[CDATA\[)[\s;]*)*)(?:(?:window|self|globalThis)\s*"""
    r"""(?:\.\s*|\[\s*["'])|(?:var|let|const)\s+)?"""
    r"""(?:[A-Za-z_$][\w$]*\s*\.\s*)?"""  # `Fusion.globalContent =`
    r"""(__[A-Za-z0-9_]+__|[A-Za-z_$][\w$]*(?:[Ss]tate|STATE|[Dd]ata|DATA|[Pp]rops|PROPS|[Cc]ontent))"""
    r"""(?:["']\s*\])?\s*=\s*""",
)
"""`window.__INITIAL_STATE__ = `, `var initialState=`, `self["__APOLLO_STATE__"] =`,
`Fusion.globalContent=`: the opening of a statement that stores state, after any spaces,
`;` or line comments (taken whole: no name starts with one, so none is given back)."""
_SIMPLE_STATEMENT = re.compile(r"""[\s;]*+(?:[^;\n{}"'`]|"[^"\n]{0,200}")*+[;\n]""")
"""A short statement that stores no state (`Fusion.arcSite="courier";`): skipped to reach
the next. Read without backtracking: on a line that ends in no `;` (`if (…) {`) that took
time of the line's length for each space before it, only to skip those spaces, after which
the script's reading ended all the same."""
_PARSE_CALL = re.compile(
    r"""JSON\s*\.\s*parse\s*\(\s*(?:(atob|decodeURIComponent)\s*\(\s*)?"""
    r"""(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)')""",
    re.S,
)
"""`JSON.parse("…")`, `JSON.parse(atob('…'))`: group 1 the decoder, 2 or 3 the literal's body."""
_CALL_END = re.compile(r"\s*\)\s*(?:\)\s*)?")
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)
_JS_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_LINE_CONTINUATIONS = frozenset({"\n", "\r", "\r\n", "\u2028", "\u2029"})
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+=*")
_LENIENT = json.JSONDecoder(strict=False)
_REVIVED = frozenset({"Reactive", "ShallowReactive", "Ref", "ShallowRef", "NuxtError", "Island"})
"""devalue types Nuxt wraps a value in: the value is at the index they hold."""


def state_blobs(tree: LexborHTMLParser) -> Iterator[Any]:
    """Each state blob the page holds, decoded: the cheap tests come before any decoding."""
    for node in tree.css(CANDIDATES):
        attributes = node.attributes
        if node.tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            if kind in JSON_TYPES:
                nuxt = attributes.get("id") == "__NUXT_DATA__" or "data-nuxt-data" in attributes
                yield from _decoded(node.text(deep=True), flattened=nuxt)
            elif not kind or "javascript" in kind or "ecmascript" in kind or kind == "module":
                yield from _assigned(node.text(deep=True))
        if value := attributes.get(STATE_ATTRIBUTE):
            yield from _decoded(value)


def _assigned(script: str) -> Iterator[Any]:
    """The values of the state assignments a script opens with: a JSON literal, or the
    string given to `JSON.parse`, decoded; one statement after another while they last."""
    namespace = _NAMESPACE.match(script)
    at = namespace.end() if namespace else 0
    skipped = 0
    for _ in range(MAX_STATEMENTS):
        opening = _ASSIGNMENT.match(script, at)
        if opening is None:
            # In a namespace's script, its other members (`Fusion.arcSite="x";`) come first.
            other = _SIMPLE_STATEMENT.match(script, at) if namespace else None
            if other is None or skipped == MAX_SKIPPED:
                return
            at, skipped = other.end(), skipped + 1
            continue
        at = opening.end()
        if script.startswith(("{", "["), at):
            if len(script) - at > MAX_BLOB or not _may_hold_posts(script, at):
                return
            data, length = _load_prefix(script[at:])
            if length is None:
                return
            yield data
            at += length
        elif call := _PARSE_CALL.match(script, at):
            literal = call[2] if call[2] is not None else call[3]
            yield from _decoded(_js_string(literal), call[1])
            end = _CALL_END.match(script, call.end())
            at = end.end() if end else call.end()
        else:
            return


def _decoded(
    text: str, decoder: str | None = None, nesting: int = 0, *, flattened: bool = False
) -> Iterator[Any]:
    """`text` as JSON once undone: `atob` or `decodeURIComponent` when the script names one,
    else base64 or URI encoding when its opening shows one; a JSON string holding JSON is
    read once more. `flattened`: Nuxt's payload script, in devalue's flat form."""
    text = text.strip()
    if not text or len(text) > MAX_BLOB or nesting > 2:
        return
    if decoder == "atob" or (decoder is None and text[0] in "eW" and _BASE64.fullmatch(text)):
        text = _from_base64(text)
    elif decoder == "decodeURIComponent" or text[:3].upper() in ("%7B", "%5B", "%22"):
        text = unquote(text, errors="replace")
    text = text.strip()
    if text[:1] not in ("{", "[", '"') or not _may_hold_posts(text):
        return
    data, _ = _load_prefix(text)
    if isinstance(data, str):
        yield from _decoded(data, None, nesting + 1)
    elif data is not None:
        yield _unflattened(data, flattened)


def _may_hold_posts(text: str, start: int = 0) -> bool:
    return any(text.find(hint, start) >= 0 for hint in TIME_HINTS)


def _from_base64(text: str) -> str:
    """Standard or URL-safe base64, padded or not, as UTF-8 text ("" if it is neither)."""
    text = text.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return ""
    return data.decode("utf-8", errors="replace")


def _load_prefix(text: str) -> tuple[Any, int | None]:
    """The JSON value `text` opens with, and how many characters it spans (None, with the
    value None, when it opens with none). What follows the value (`;window.x = …`) is where
    orjson reports it; that, not a scan of our own, finds the end. Invalid JSON that sites
    publish (a lone surrogate, a raw control character) falls back to the lenient reader."""
    try:
        return orjson.loads(text), len(text)
    except orjson.JSONDecodeError as error:
        end = error.pos
    if 0 < end < len(text):
        try:
            return orjson.loads(text[:end]), end
        except orjson.JSONDecodeError:
            pass
    try:
        data, end = _LENIENT.raw_decode(text)
    except (ValueError, RecursionError):
        return None, None
    return (_mend_surrogates(data) if _SURROGATE_ESCAPE.search(text, 0, end) else data), end


def _js_string(body: str) -> str:
    """The value of a JavaScript string literal's body: read as JSON at C speed when it is
    one, else each escape in turn."""
    try:  # a raw `"` in a single-quoted literal ends the JSON string early: an error
        value = orjson.loads(f'"{body}"')
    except orjson.JSONDecodeError:
        pass
    else:
        return value if isinstance(value, str) else ""
    text = _JS_ESCAPE.sub(_js_escape, body)
    if _SURROGATE.search(text) is None:
        return text
    # A pair such as `\ud83d\ude00` was read as two halves: joined into one character, lone
    # halves made U+FFFD.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _js_escape(match: re.Match[str]) -> str:
    code = match[1]
    if code in _LINE_CONTINUATIONS:
        return ""
    if len(code) > 1 and code[0] in "ux":
        digits = code[1:].strip("{}")
        number = int(digits, 16)
        return chr(number) if number <= 0x10FFFF else "\ufffd"
    return _JS_ESCAPES.get(code, code)


# Nuxt 3 writes its state as devalue's flat array: index 0 the root; every value an object
# or array holds is the index of that value in the array.


def _unflattened(data: Any, flattened: bool) -> Any:
    """`data` itself, or the value a devalue payload stands for (bounded in values read)."""
    if not (isinstance(data, list) and len(data) > 1 and _looks_flattened(data[0], flattened)):
        return data
    built: dict[int, Any] = {}
    todo: list[tuple[Any, Any]] = []

    def value(index: Any) -> Any:
        wrappers: list[int] = []
        found: Any = None
        while len(wrappers) < 8 and type(index) is int and 0 <= index < len(data):
            if index in built:
                found = built[index]
                break
            item = data[index]
            if isinstance(item, list) and item and isinstance(item[0], str):
                if item[0] in _REVIVED and len(item) > 1:
                    built[index] = None  # until the value it wraps is found: ends a cycle
                    wrappers.append(index)
                    index = item[1]
                    continue
                found = item[1] if item[0] == "Date" and len(item) > 1 else None
            elif isinstance(item, dict | list):
                found = {} if isinstance(item, dict) else []
                todo.append((item, found))
            else:
                found = item
            built[index] = found
            break
        else:
            found = None
        for wrapper in wrappers:
            built[wrapper] = found
        return found

    root = value(0)
    budget = MAX_UNFLATTENED
    while todo and budget > 0:
        item, shell = todo.pop()
        budget -= len(item)
        if isinstance(item, dict):
            for key, index in item.items():
                shell[key] = value(index)
        else:
            shell.extend(value(index) for index in item)
    return root


def _looks_flattened(first: Any, flattened: bool) -> bool:
    """Whether a payload opens as devalue's do: Nuxt wraps its root in `["ShallowReactive",
    1]`; an object of indices (older Nuxt 3) is taken for one only in Nuxt's own script."""
    if isinstance(first, list):
        return len(first) == 2 and first[0] in _REVIVED and type(first[1]) is int
    return flattened and isinstance(first, dict) and all(type(v) is int for v in first.values())
