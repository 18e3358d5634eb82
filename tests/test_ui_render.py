"""The reader's Rich rendering of a post: links only to addresses liveread lets out."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType

from liveread.model import Embed, Entry, Image, Paragraph, Span
from liveread.ui.render import article_head, body


def article(entry: Entry) -> Group:
    """The post as the reader shows it: its head, then its body."""
    return Group(*article_head(entry), *body(entry))


def _links(renderable: RenderableType) -> list[str]:
    console = Console(width=80, color_system="truecolor", force_terminal=True)
    links = [s.style.link for s in console.render(renderable) if s.style and s.style.link]
    return list(dict.fromkeys(link for link in links if link))


def test_only_web_addresses_become_links_and_they_are_encoded():
    entry = Entry(
        key="p",
        url="javascript:alert(1)",
        title="A post",
        blocks=[
            Paragraph(
                (
                    Span("script", href="javascript:alert(2)"),
                    Span(" and "),
                    Span("spaced", href="https://example.org/a b\x1b]8;;x\x07y"),
                    Span(" and "),
                    Span("misleading", href="https://bbc.co.uk@evil.example/"),
                )
            ),
            Image(src="data:image/png;base64,AAAA", caption="a picture"),
            Image(src="https://example.org/i.jpg", caption="another"),
            Embed(url="file:///etc/passwd", provider="embed", text="local"),
            Embed(url="https://ex\u202eample.org/v", provider="video", text="bidi host"),
        ],
    )
    assert _links(article(entry)) == [
        "https://example.org/a%20b%1B]8;;x%07y",
        "https://example.org/i.jpg",
    ]
