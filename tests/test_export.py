"""Export of posts to Markdown, JSON and HTML: every post's title, author, time, permalink and
body survive; page text never becomes markup; files are written atomically."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
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
        "<https://example.org/live#p1>",
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
