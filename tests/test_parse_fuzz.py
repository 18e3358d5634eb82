"""Hostile live-blog pages built at random: whatever a page holds, `liveread parse --json`
gives only absolute http(s) addresses and text without control or invisible characters.

Bounded in time: a fixed number of examples, derandomised (the same pages every run)."""

from __future__ import annotations

import html
import json
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveread.codec import blog_to_dict
from liveread.parse import NotALiveBlog, parse

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE_PIECES = [
    "\x1b[31m",
    "\x1b[2J",
    "\x1b]8;;https://evil.example/\x07",
    "\x1b]0;title\x1b\\",
    "\x1bP+q\x1b\\",
    "\x9b2J",
    "\x07",
    "\x00",
    "\x08",
    "\x7f",
    "\x85",
    "\t",
    "\r\n",
    "\u2028",
    "&#x1b;[1m",
    "&#27;",
    "&#x202e;",
    "&lt;script&gt;",
    "<script>alert(1)</script>",
    "<b>",
    "</p>",
    '"',
    "'",
    ">",
    "&",
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    *"\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\U000e0041\U000e007f",
    "\U0001f468\u200d\U0001f469",
    "\u0645\u06cc\u200c\u062e",
    "javascript:",
    "https://",
    "//",
    "\\",
    " ",
    "\n",
]
WORDS = ["storm", "River", "council", "said", "2024", "é", "Straße", "東京", ".", ","]


def _text(min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(
        st.one_of(st.sampled_from(HOSTILE_PIECES), st.sampled_from(WORDS), st.text(max_size=3)),
        min_size=min_size,
        max_size=12,
    ).map("".join)


ADDRESSES = st.one_of(
    st.sampled_from(
        [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "https:/Fwww.example.com/x",
            "http:",
            "//cdn.example.net/x",
            "/relative",
            "relative?x=1",
            "#post-1",
            "https://user:pw@example.org/",
            "https://example.org/a>)[x](javascript:alert(1))",
            "https://ex\u202eample.org/",
            "https://[::1",
            "\\\\evil.example\\x",
        ]
    ),
    st.builds(
        lambda scheme, rest: scheme + rest, st.sampled_from(["https://", "http://", ""]), _text()
    ),
)
PAGE_ADDRESSES = st.builds(
    lambda host, path: f"https://{host}/{path}",
    st.sampled_from(["news.example", "münchen.example", "127.0.0.1:8080"]),
    _text(),
)
TIMES = st.sampled_from(
    ["2024-11-15T09:00:00Z", "2024-11-15T10:30:00+01:00", "not a time", "", "9999-99-99"]
)


def _author(name: str) -> Any:
    return {"@type": "Person", "name": name}


JSONLD_POST = st.fixed_dictionaries(
    {
        "@type": st.just("BlogPosting"),
        "url": ADDRESSES,
        "@id": ADDRESSES,
        "headline": _text(),
        "articleBody": _text(min_size=1),
        "datePublished": TIMES,
        "author": st.one_of(_text().map(_author), st.lists(_text().map(_author), max_size=2)),
    }
)


def _script(data: object) -> str:
    return json.dumps(data).replace("</", "<\\/")


@st.composite
def jsonld_pages(draw: st.DrawFn) -> str:
    blog = {
        "@type": "LiveBlogPosting",
        "headline": draw(_text()),
        "description": draw(_text()),
        "url": draw(ADDRESSES),
        "liveBlogUpdate": draw(st.lists(JSONLD_POST, min_size=1, max_size=4)),
    }
    return (
        f'<html><head><script type="application/ld+json">{_script(blog)}</script></head>'
        f"<body><h1>{html.escape(draw(_text()))}</h1></body></html>"
    )


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


@st.composite
def hostile_markup(draw: st.DrawFn, min_size: int = 0) -> str:
    """Hostile text as page markup: escaped, or as written (its tags and all)."""
    text = draw(_text(min_size))
    return text if draw(st.booleans()) else html.escape(text, quote=False)


@st.composite
def dom_block(draw: st.DrawFn) -> str:
    text = draw(hostile_markup(1))
    address = _attribute(draw(ADDRESSES))
    kind = draw(st.sampled_from(["p", "a", "img", "iframe", "tweet", "quote"]))
    if kind == "a":
        return f'<p><a href="{address}">{text}</a> and more</p>'
    if kind == "img":
        alt = _attribute(draw(_text()))
        return f'<figure><img src="{address}" alt="{alt}"><figcaption>{text}</figcaption></figure>'
    if kind == "iframe":
        return f'<iframe src="{address}"></iframe>'
    if kind == "tweet":
        return f'<amp-twitter data-tweetid="{_attribute(draw(_text(1)))}"></amp-twitter>'
    if kind == "quote":
        return f"<blockquote>{text}<cite>{draw(hostile_markup())}</cite></blockquote>"
    return f"<p>{text}</p>"


@st.composite
def dom_post(draw: st.DrawFn, guardian: bool) -> str:
    """A post of the generic template, or of the Guardian's (whose permalink is a link)."""
    ident = _attribute(draw(_text()))
    when = _attribute(draw(TIMES))
    title = draw(hostile_markup())
    author = draw(hostile_markup())
    body = "".join(draw(st.lists(dom_block(), min_size=1, max_size=4)))
    if guardian:
        permalink = _attribute(draw(ADDRESSES) + "block-1")
        return (
            f'<article class="block" id="{ident}"><header><a href="{permalink}">'
            f'<time datetime="{when}">09.00</time></a><h2>{title}</h2></header>{body}</article>'
        )
    return (
        f'<article id="{ident}"><h2>{title}</h2><time datetime="{when}">09:00</time>'
        f'<p class="author">{author}</p>{body}</article>'
    )


@st.composite
def dom_pages(draw: st.DrawFn) -> str:
    guardian = draw(st.booleans())
    posts = "".join(draw(st.lists(dom_post(guardian), min_size=2, max_size=4)))
    holder = '<div id="liveblog-body">{}</div>' if guardian else "<main>{}</main>"
    title = html.escape(draw(_text()))
    return f"<html><head><title>{title}</title></head><body>{holder.format(posts)}</body></html>"


# What the output may hold.

KEPT_FORMAT = {*range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}
JOINERS = {0x180E, 0x200C, 0x200D}
ADDRESS_KEYS = {"url", "href", "src"}
MULTILINE_KEYS = {"text"}
"""Body text (an entry's `text`, a span's `text`): line breaks allowed, nothing else."""
NOT_TEXT = {"published", "updated", "live", "bold", "italic", "ordered", "level", "pinned"}


def _in_word(text: str, at: int) -> bool:
    def letter(i: int) -> bool:
        return 0 <= i < len(text) and unicodedata.category(text[i])[0] in "LM"

    return letter(at - 1) and letter(at + 1)


def _text_problem(text: str, multiline: bool) -> str | None:
    for at, char in enumerate(text):
        code = ord(char)
        kind = unicodedata.category(char)
        if char == "\n" and multiline:
            continue
        if kind == "Cc":
            return f"control {code:#x}"
        if kind in ("Zl", "Zp"):
            return f"separator {code:#x}"
        if kind == "Cf" and code not in KEPT_FORMAT:
            if code in JOINERS and _in_word(text, at):
                continue
            return f"format character {code:#x}"
    return None


def _is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and url.isascii()
        and url.isprintable()
        and " " not in url
    )


def _problems(data: Any, key: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(data, dict):
        for name, value in data.items():
            found += _problems(value, name)
    elif isinstance(data, list):
        for item in data:
            found += _problems(item, key)
    elif isinstance(data, str) and key not in NOT_TEXT:
        if key in ADDRESS_KEYS:
            if not _is_web_address(data):
                found.append(f"{key}: {data!r}")
        elif problem := _text_problem(data, key in MULTILINE_KEYS):
            found.append(f"{key}: {problem} in {data!r}")
    return found


def _check(page: str, address: str) -> None:
    try:
        blog = parse(page, address)
    except NotALiveBlog:
        return
    data = blog_to_dict(blog)
    assert _problems({**data, "older": [{"url": u} for u in blog.older_pages]}) == []


@FUZZ
@given(page=jsonld_pages(), address=PAGE_ADDRESSES)
def test_json_ld_pages(page: str, address: str):
    _check(page, address)


@FUZZ
@given(page=dom_pages(), address=PAGE_ADDRESSES)
def test_dom_pages(page: str, address: str):
    _check(page, address)


def test_the_checks_find_what_they_look_for():
    """The oracle itself: each thing it must catch, it catches."""
    assert _problems({"url": "javascript:alert(1)"}) == ["url: 'javascript:alert(1)'"]
    assert _problems({"href": "https:/Fwww.example.com"})
    assert _problems({"src": "https://example.org/a b"})
    assert _problems({"title": "a\nb"})
    assert _problems({"text": "a\nb"}) == []
    for char in "\x1b\x07\t\x85\u2028\u202e\u2066\u200f\u061c\u200b\ufeff\U000e0041":
        assert _problems({"text": f"a{char}b"}), repr(char)
    assert _problems({"text": "\U0001f468\u200d\U0001f469"})
    assert _problems({"text": "\u0645\u200c\u062e"}) == []
