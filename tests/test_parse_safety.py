"""What the parser lets out of a hostile page: only absolute http(s) addresses (resolved
against the page, or dropped), and text without bidi or other invisible format controls."""

from __future__ import annotations

import json

import pytest

from liveread.model import Embed, Image, LiveBlog, Paragraph
from liveread.parse import parse

PAGE = "https://news.example/live/storm"
BIDI = "\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d"

DROPPED = {
    "script": "javascript:alert(1)",
    "spaced script": " JavaScript:alert(1)",
    "file": "file:///etc/passwd",
    "data": "data:text/html,<script>alert(1)</script>",
    "broken": "https:/Fwww.example.com/x",
    "bare": "http:",
    "credentials": "https://news.example@evil.example/",
}
RESOLVED = {
    "scheme-relative": ("//cdn.example.net/x", "https://cdn.example.net/x"),
    "rooted": ("/weather", "https://news.example/weather"),
    "relative": ("flood-map", "https://news.example/live/flood-map"),
    "backslashed": ("\\\\evil.example\\x", "https://evil.example/x"),
}
WORDS = "The river rose through the night and the council opened two rest centres."


def _links(block: object) -> dict[str, str]:
    """Each link of a paragraph: its words and where it points."""
    assert isinstance(block, Paragraph)
    return {span.text: span.href for span in block.spans if span.href}


def _article(ident: str, when: str, title: str, author: str, body: str) -> str:
    return (
        f'<article class="post" id="{ident}"><h2>{title}</h2>'
        f'<time datetime="{when}">{when[11:16]}</time>'
        f'<p class="author">{author}</p>{body}</article>'
    )


def _anchors(links: dict[str, str]) -> str:
    return ", ".join(f'<a href="{href}">{name}</a>' for name, href in links.items())


DOM_BODY = (
    f"<p>{WORDS} See {_anchors(DROPPED)}.</p>"
    f"<p>Also {_anchors({name: href for name, (href, _) in RESOLVED.items()})}.</p>"
    '<figure><img src="file:///etc/passwd"><figcaption>Bad picture</figcaption></figure>'
    '<figure><img src="javascript:alert(1)"><figcaption>Worse picture</figcaption></figure>'
    '<figure><img src="//img.example.net/flood.jpg"><figcaption>Good picture</figcaption></figure>'
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>'
    '<amp-twitter data-tweetid="1 <script>alert(1)</script>"></amp-twitter>'
)
DOM_PAGE = (
    f"<html><head><title>Storm{BIDI} live</title>"
    f'<meta name="description" content="All the{BIDI} latest"></head><body><main>'
    + _article(
        "post-2",
        "2024-11-15T09:00:00Z",
        f"Roads{BIDI} closed",
        f"Sam{BIDI} Reporter",
        DOM_BODY,
    )
    + _article(
        f"post 1{BIDI}",
        "2024-11-15T08:00:00Z",
        "Warnings issued",
        "Alex Writer",
        f"<p>Amber{BIDI} warnings for wind are in force from six this morning.</p>"
        f"<blockquote><p>Stay{BIDI} at home.</p><cite>Chief{BIDI} constable</cite></blockquote>",
    )
    + "</main></body></html>"
)


@pytest.fixture(scope="module")
def dom() -> LiveBlog:
    return parse(DOM_PAGE, PAGE)


def test_dom_links_that_are_no_web_address_lose_their_target_not_their_words(dom: LiveBlog):
    assert _links(dom.entries[0].blocks[0]) == {}
    assert (
        "See script, spaced script, file, data, broken, bare, credentials." in dom.entries[0].text
    )


def test_dom_relative_links_are_resolved_against_the_page(dom: LiveBlog):
    assert _links(dom.entries[0].blocks[1]) == {
        name: address for name, (_, address) in RESOLVED.items()
    }


def test_dom_pictures_and_embeds_keep_only_web_addresses(dom: LiveBlog):
    blocks = dom.entries[0].blocks
    images = [(b.src, b.caption) for b in blocks if isinstance(b, Image)]
    assert images == [
        (None, "Bad picture"),
        (None, "Worse picture"),
        ("https://img.example.net/flood.jpg", "Good picture"),
    ]
    embeds = [b.url for b in blocks if isinstance(b, Embed)]
    assert embeds == ["https://twitter.com/i/status/1%20%3Cscript%3Ealert(1)%3C/script%3E"]


def test_dom_permalinks_are_encoded(dom: LiveBlog):
    assert [e.url for e in dom.entries] == [
        f"{PAGE}#post-2",
        f"{PAGE}#post%201%E2%80%AE%E2%81%A6%E2%81%A7%E2%81%A8%E2%81%A9"
        "%E2%80%8E%E2%80%8F%D8%9C%E2%80%AA%E2%80%AB%E2%80%AC%E2%80%AD",
    ]


def test_dom_text_loses_bidi_controls(dom: LiveBlog):
    first, second = dom.entries
    assert (dom.title, dom.description) == ("Storm live", "All the latest")
    assert (first.title, first.authors) == ("Roads closed", ["Sam Reporter"])
    assert second.text.startswith(
        "Amber warnings for wind are in force from six this morning.\n\nStay at home."
    )
    assert second.blocks[1].cite == "Chief constable"
    for entry in dom.entries:
        assert not set(BIDI) & set(entry.key + entry.title + entry.text + "".join(entry.authors))


GUARDIAN_PAGE = (
    '<html><body><div id="liveblog-body">'
    + "".join(
        f'<article class="block" id="block-{n}"><header>'
        f'<a href="{href}"><time datetime="2023-05-15T1{n}:31:23.000Z">1{n}.31</time></a>'
        f"<h2>Post {n}</h2></header><p>{WORDS}</p></article>"
        for n, href in enumerate(
            [
                "javascript:alert('block-0')",
                "https:/Fwww.example.com/?page=with:block-1#block-1",
                "data:text/html,block-2",
                "//mirror.example/?page=with:block-3#block-3",
                "?page=with:block-4#block-4",
            ]
        )
    )
    + "</div></body></html>"
)


def test_site_permalinks_are_resolved_or_dropped():
    blog = parse(GUARDIAN_PAGE, PAGE)
    assert blog.source == "guardian"
    by_title = {entry.title: entry.url for entry in blog.entries}
    assert by_title == {
        "Post 0": None,
        "Post 1": None,
        "Post 2": None,
        "Post 3": "https://mirror.example/?page=with:block-3#block-3",
        "Post 4": f"{PAGE}?page=with:block-4#block-4",
    }


JSONLD_URLS = {
    **DROPPED,
    "scheme-relative": "//cdn.example.net/live#p8",
    "rooted": "/live/storm#p9",
    "fragment": "#p10",
}


def _jsonld_page() -> str:
    updates = [
        {
            "@type": "BlogPosting",
            "url": url,
            "headline": f"{name}{BIDI} update",
            "datePublished": f"2024-11-15T{n:02}:00:00Z",
            "author": {"@type": "Person", "name": f"Kim{BIDI} Lee"},
            "articleBody": f"{WORDS}{BIDI} Number {n}.",
        }
        for n, (name, url) in enumerate(JSONLD_URLS.items())
    ]
    data = {
        "@type": "LiveBlogPosting",
        "headline": f"Storm{BIDI} live",
        "description": f"All{BIDI} the latest",
        "liveBlogUpdate": updates,
    }
    script = json.dumps(data).replace("</", "<\\/")  # as pages write it: no `</script>` inside
    return (
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        '<body><div id="app">Loading…</div></body></html>'
    )


def test_json_ld_permalinks_are_resolved_or_dropped():
    blog = parse(_jsonld_page(), PAGE)
    by_title = {entry.title: entry.url for entry in blog.entries}
    assert by_title == {
        **{f"{name} update": None for name in DROPPED},
        "scheme-relative update": "https://cdn.example.net/live#p8",
        "rooted update": "https://news.example/live/storm#p9",
        "fragment update": f"{PAGE}#p10",
    }


def test_json_ld_text_loses_bidi_controls():
    blog = parse(_jsonld_page(), PAGE)
    assert (blog.title, blog.description) == ("Storm live", "All the latest")
    assert len(blog.entries) == len(JSONLD_URLS)
    for entry in blog.entries:
        assert entry.title.endswith(" update") and not set(BIDI) & set(entry.title)
        assert entry.authors == ["Kim Lee"]
        assert entry.text.startswith(WORDS) and not set(BIDI) & set(entry.text)
