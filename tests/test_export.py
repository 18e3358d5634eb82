"""Export of posts to Markdown, JSON and HTML: every post's title, author, time, permalink and
body survive; page text never becomes markup; files are written atomically."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser

from liveread.export import ExportItem, render, to_html, to_json, to_markdown
from liveread.model import Embed, Entry, Heading, Image, ListBlock, Paragraph, Quote, Span

HOSTILE = '<script>alert("x")</script> [bold]not markup[/bold] *stars* & ampersand'


def rich_entry() -> Entry:
    return Entry(
        key="p1",
        url="https://example.org/live#p1",
        published=datetime(2026, 4, 26, 10, 16, tzinfo=UTC),
        title="Early pace & <tactics>",
        authors=["Tobias Wren"],
        blocks=[
            Paragraph(
                (
                    Span("Plain, "),
                    Span("bold", bold=True),
                    Span(" and a "),
                    Span("link", href="https://example.org/a"),
                )
            ),
            Heading((Span("A heading"),)),
            Quote((Span("He knows the wind is waiting."),), cite="Halvard Brekke"),
            ListBlock(((Span("first"),), (Span("second"),)), ordered=True),
            Image(src="https://example.org/i.jpg", caption="The bridge", credit="Photo: A. Person"),
            Embed(url="https://example.org/status/1", provider="tweet", text="Forty-two Harriers"),
            Paragraph((Span(HOSTILE),)),
            Paragraph((Span("evil link", href="javascript:alert(1)"),)),
        ],
    )


ITEMS = [ExportItem(rich_entry(), "Harbour Bridge Marathon – live", "https://example.org/live")]


def test_markdown_carries_every_part():
    text = to_markdown(ITEMS, "Favourites")
    for part in (
        "# Favourites",
        "## Early pace & \\<tactics\\>",
        "2026-04-26 10:16 UTC",
        "Tobias Wren",
        "[https://example.org/live\\#p1](<https://example.org/live#p1>)",
        "**bold**",
        "[link](<https://example.org/a>)",
        "> He knows the wind is waiting.",
        "1. first",
        "![The bridge](<https://example.org/i.jpg>)",
        "[tweet: Forty-two Harriers](<https://example.org/status/1>)",
    ):
        assert part in text, part
    assert "\\*stars\\*" in text  # page text cannot add emphasis


def test_json_round_trips_the_fields():
    data = json.loads(to_json(ITEMS))
    (post,) = data["posts"]
    assert post["title"] == "Early pace & <tactics>"
    assert post["published"] == "2026-04-26T10:16:00Z"
    assert post["authors"] == ["Tobias Wren"]
    assert post["feed"] == {"title": ITEMS[0].feed_title, "url": "https://example.org/live"}
    assert [b["type"] for b in post["blocks"]][:6] == [
        "paragraph",
        "heading",
        "quote",
        "list",
        "image",
        "embed",
    ]


def test_html_is_escaped_and_only_http_links_survive():
    page = to_html(ITEMS, "Favourites <b>")
    tree = LexborHTMLParser(page)
    assert tree.css("script") == []
    assert tree.css_first("title").text() == "Favourites <b>"
    assert tree.css_first("h2").text() == "Early pace & <tactics>"
    hrefs = {a.attributes["href"] for a in tree.css("a")}
    assert "https://example.org/a" in hrefs
    assert not any(h.startswith("javascript:") for h in hrefs)
    assert HOSTILE in tree.body.text()
    assert tree.css_first("blockquote footer").text() == "Halvard Brekke"
    assert tree.css_first("img").attributes["src"] == "https://example.org/i.jpg"


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_render_by_format_name(fmt: str):
    assert "Early pace" in render(ITEMS, fmt)


# Markdown as a CommonMark renderer reads it: page text never becomes markup.

SCRIPT = "<script>alert(1)</script>"
MARKUP_TEXTS = [
    SCRIPT,
    "<img src=x onerror=alert(1)>",
    "<!-- hidden --> and <![CDATA[x]]> and <?php x ?>",
    "&lt;script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E; &copy; Q&A",
    "`code` and ``double`` and ```",
    "[x]: javascript:alert(1)",
    "[click](javascript:alert(1)) and [ref][x] and [x] and ](javascript:alert(2))",
    "![img](javascript:alert(3)) <javascript:alert(4)> <https://example.org/auto>",
    "*emph* _emph_ **strong** __strong__ ~~strike~~ a*b*c",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "trailing backslash \\",
    "\\*not escaped\\* \\<x\\>",
]
LINE_STARTS = [
    "# x",
    "## closed ##",
    "1. one",
    "2) two",
    "- dash",
    "+ plus",
    "* star",
    "> quote",
    "===",
    "---",
    "***",
    "    indented code",
    "```fence",
    "~~~",
    "<div>",
]
MULTILINE = "line one\n" + "\n".join(LINE_STARTS) + "\n\n\nlast line"
HOSTILE_TEXTS = [*MARKUP_TEXTS, *LINE_STARTS, MULTILINE]
BAD_ADDRESSES = [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https:/Fwww.example.com/x",
    "http:",
    "//example.org/relative",
    "https://user:secret@example.org/",
]
BREAKOUT = "https://example.org/a>)[x](javascript:alert(1))"
IMAGE_BREAKOUT = 'https://example.org/i.jpg"><script>alert(1)</script>'


def _hostile_entries() -> list[ExportItem]:
    items = []
    for n, text in enumerate(HOSTILE_TEXTS):
        items.append(
            ExportItem(
                Entry(
                    key=f"p{n}",
                    url=BAD_ADDRESSES[n % len(BAD_ADDRESSES)] if n % 3 else BREAKOUT,
                    published=datetime(2026, 4, 26, 10, n % 60, tzinfo=UTC),
                    title=text,
                    authors=[text, "Sam Reporter"],
                    blocks=[
                        Paragraph((Span(text),)),
                        Paragraph((Span("lead "), Span(text, bold=True), Span(" tail"))),
                        Paragraph((Span(text, italic=True, href="https://example.org/ok"),)),
                        Paragraph((Span(text, href=BAD_ADDRESSES[n % len(BAD_ADDRESSES)]),)),
                        Heading((Span(text),), level=2),
                        Quote((Span(text),), cite=text),
                        ListBlock(((Span(text),), (Span(text, bold=True),)), ordered=bool(n % 2)),
                        Image(src=IMAGE_BREAKOUT, caption=text, credit=text, alt=text),
                        Image(src="javascript:alert(1)", caption=text),
                        Embed(url="data:text/html,<script>", provider="tweet", text=text),
                        Embed(url=BREAKOUT, provider="video", text=text),
                    ],
                ),
                feed_title=text,
                feed_url="https://example.org/live",
            )
        )
    return items


def _commonmark(markdown: str) -> list[Token]:
    """Every token a CommonMark renderer makes of `markdown`, inline ones included. Its own
    filter of dangerous links is turned off: what is judged is the export."""
    md = MarkdownIt("commonmark")  # raw HTML allowed, as CommonMark has it
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    tokens: list[Token] = []
    pending = md.parse(markdown)
    while pending:
        token = pending.pop(0)
        tokens.append(token)
        pending[:0] = token.children or []
    return tokens


def _visible(tokens: list[Token]) -> str:
    """The rendered text, whitespace collapsed."""
    words = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak") or (token.block and token.nesting < 1):
            words.append(" ")  # a line break, or the end of a block
    return " ".join("".join(words).split())


def _words(text: str) -> str:
    return " ".join(text.split())


def _web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def test_markdown_of_hostile_posts_renders_no_html_and_only_web_links():
    tokens = _commonmark(to_markdown(_hostile_entries(), f"Saved {SCRIPT}"))
    kinds = {token.type for token in tokens}
    assert not kinds & {"html_block", "html_inline"}
    targets = [
        t.attrs.get("href") or t.attrs.get("src")
        for t in tokens
        if t.type in ("link_open", "image")
    ]
    assert targets  # the safe links are there
    assert all(isinstance(url, str) and _web_address(url) for url in targets), targets


def _addresses(data: object) -> list[object]:
    """Every `url`, `href` and `src` value in exported JSON."""
    if isinstance(data, list):
        return [found for item in data for found in _addresses(item)]
    if isinstance(data, dict):
        own = [v for k, v in data.items() if k in ("url", "href", "src") and v is not None]
        return own + [found for v in data.values() for found in _addresses(v)]
    return []


def test_json_and_html_of_hostile_posts_hold_only_web_addresses():
    items = _hostile_entries()
    addresses = _addresses(json.loads(to_json(items)))
    assert addresses
    assert all(isinstance(url, str) and _web_address(url) for url in addresses), addresses
    tree = LexborHTMLParser(to_html(items, SCRIPT))
    assert tree.css("script") == [] and tree.css("body img[onerror]") == []
    links = [node.attributes.get("href") or "" for node in tree.css("a")]
    links += [node.attributes.get("src") or "" for node in tree.css("img")]
    assert links and all(_web_address(url) for url in links), links


def test_markdown_of_hostile_posts_keeps_their_text():
    items = _hostile_entries()
    tokens = _commonmark(to_markdown(items, f"Saved {SCRIPT}"))
    shown = _visible(tokens)
    assert _words(f"Saved {SCRIPT}") in shown
    for text in HOSTILE_TEXTS:
        assert shown.count(_words(text)) >= 10, text  # title, byline, feed, every block


def test_markdown_text_opens_no_block():
    """Page text makes no heading, list, quote, code block, table or rule of its own: the
    blocks are the ones the export writes."""
    entry = Entry(key="p", title="# x", blocks=[Paragraph((Span(text),)) for text in HOSTILE_TEXTS])
    tokens = _commonmark(to_markdown([ExportItem(entry)], "- list"))
    blocks = [t.type for t in tokens if t.level == 0 and t.type.endswith("_open")]
    assert blocks == ["heading_open", "heading_open", "paragraph_open"] + ["paragraph_open"] * len(
        HOSTILE_TEXTS
    )
    assert not {t.type for t in tokens} & {
        "code_block",
        "fence",
        "code_inline",
        "hr",
        "em",
        "strong",
    }


def test_markdown_link_addresses_cannot_close_their_destination():
    entry = Entry(
        key="p",
        url=BREAKOUT,
        blocks=[
            Paragraph((Span("see this", href="https://example.org/q?a=1&amp;b=2&c"),)),
            Image(src=IMAGE_BREAKOUT, caption="a picture"),
        ],
    )
    tokens = _commonmark(to_markdown([ExportItem(entry)]))
    links = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    images = [t.attrs["src"] for t in tokens if t.type == "image"]
    # The whole address is one link's target, its `>)[x](` percent-encoded, not a second link.
    assert links == [
        "https://example.org/a%3E)%5Bx%5D(javascript:alert(1))",
        "https://example.org/q?a=1&amp;b=2&c",
    ]
    assert images == ["https://example.org/i.jpg%22%3E%3Cscript%3Ealert(1)%3C/script%3E"]


def test_markdown_emphasis_that_cannot_open_is_written_plain():
    spans = (Span("word"), Span("(aside)", bold=True), Span("x", bold=True), Span("y", italic=True))
    tokens = _commonmark(to_markdown([ExportItem(Entry(key="p", blocks=[Paragraph(spans)]))]))
    assert "word(aside)xy" in _visible(tokens)


def test_markdown_of_an_old_favourite_is_scrubbed():
    """A favourite saved before bidi controls were removed at parse time."""
    entry = Entry(
        key="p", title="evil\u202egnp.exe", blocks=[Paragraph((Span("a\u2066b\x1b[31m"),))]
    )
    text = to_markdown([ExportItem(entry, feed_title="feed\u200f")])
    assert "\u202e" not in text and "\u2066" not in text and "\u200f" not in text
    assert "\x1b" not in text
    assert "evilgnp.exe" in text


MARKDOWN_PIECES = [*"\\`*_[]()<>!&#;|~-+=.:/ \n\t1aZ", "&lt;", "<!--", "](", "javascript:", "    "]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=12).map("".join),
            st.booleans(),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_markdown_of_any_text_is_that_text(runs: list[tuple[str, bool, bool]]):
    spans = tuple(Span(text, bold, italic) for text, bold, italic in runs)
    tokens = _commonmark(to_markdown([ExportItem(Entry(key="p", blocks=[Paragraph(spans)]))]))
    assert not {t.type for t in tokens} & {"html_block", "html_inline", "link_open", "image"}
    assert _words("".join(text for text, _, _ in runs)) in _visible(tokens)
