"""The address a page gives as its own: `<link rel="canonical">`, else `og:url`."""

from __future__ import annotations

import pytest

from liveread.parse import parse

PAGE = "https://news.example.com/live/storm?utm_source=share"
POSTS = """<div id="lx-stream"><ol class="lx-stream__feed"><li>
<article class="lx-stream-post" id="post-1"><header>
<h3 class="lx-stream-post__header-text">Post 1</h3></header>
<div class="lx-stream-post-body"><p>The storm reached the coast this morning.</p></div>
</article></li></ol></div>"""


def page(head: str) -> str:
    return f"<!doctype html><html><head><title>Storm live</title>{head}</head><body>{POSTS}"


@pytest.mark.parametrize(
    ("head", "canonical"),
    [
        ('<link rel="canonical" href="https://news.example.com/live/storm">', PAGE.split("?")[0]),
        ('<link rel="canonical" href="/live/storm">', PAGE.split("?")[0]),
        ('<link rel="Canonical amphtml" href="/live/storm">', PAGE.split("?")[0]),
        ('<link rel="amphtml canonical" href="/live/storm">', PAGE.split("?")[0]),
        (
            '<meta property="og:url" content="https://news.example.com/live/storm">',
            PAGE.split("?")[0],
        ),
        (
            '<link rel="canonical" href="/live/storm"><meta property="og:url" content="/elsewhere">',
            PAGE.split("?")[0],
        ),
        ('<link rel="canonical" href="javascript:alert(1)">', None),
        ("", None),
    ],
)
def test_the_pages_own_address(head: str, canonical: str | None):
    assert parse(page(head), PAGE).canonical == canonical


SAVED = "file:///home/reader/Downloads/storm.html"


@pytest.mark.parametrize(
    ("top", "head", "address"),
    [
        ("", '<link rel="canonical" href="https://news.example.com/live/storm">', PAGE),
        ("<!-- saved from url=(0041)https://news.example.com/live/storm -->", "", PAGE),
        ("", '<base href="https://news.example.com/live/">', "https://news.example.com/live/"),
        ("<!-- saved from url=(0018)javascript:alert -->", "", SAVED),
        ("", "", SAVED),
    ],
)
def test_a_saved_page_is_read_by_the_web_address_it_came_from(
    top: str, head: str, address: str
) -> None:
    """A page a browser saved without a canonical link is read by the address the browser
    wrote at its top ("saved from url"), else by its `<base href>`: its links resolve and its
    times get that site's zone."""
    blog = parse(f"<!doctype html>{top}\n" + page(head).removeprefix("<!doctype html>"), SAVED)
    assert blog.url == address.split("?")[0]
