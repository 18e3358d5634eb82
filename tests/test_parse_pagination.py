"""A live blog's older pages found without a site spec: the numbered pages of its own address
that its pager, "Load more" link or `rel="next"` leads to."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.parse import parse
from liveread.parse.pagination import older_pages

URL = "https://news.example.com/live/flood-updates"


def found(body: str, url: str = URL, head: str = "") -> tuple[str, ...]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return older_pages(LexborHTMLParser(html), url)


def test_a_load_more_link_and_a_pager_lead_to_the_next_page_first() -> None:
    body = (
        '<nav><a aria-current="page" href="?page=1">1</a> <a href="?page=3">3</a>'
        ' <a href="?page=2">2</a> <a href="/live/flood-updates?page=2">Older posts</a></nav>'
    )
    assert found(body) == (f"{URL}?page=2", f"{URL}?page=3")


@pytest.mark.parametrize(
    ("link", "url", "older"),
    [
        ('<a href="?page=1" rel="next">Load more updates</a>', URL, f"{URL}?page=1"),
        ('<a href="/live/flood-updates/page/3/">Next</a>', f"{URL}/page/2", f"{URL}/page/3/"),
        ('<a href="?seite=2&amp;ref=nav">Ältere Einträge</a>', URL, f"{URL}?seite=2&ref=nav"),
    ],
)
def test_numbered_pages_of_the_pages_own_address(link: str, url: str, older: str) -> None:
    assert found(link, url) == (older,)


def test_a_rel_next_link_in_the_head_counts() -> None:
    assert found("", head=f'<link rel="next" href="{URL}?page=2">') == (f"{URL}?page=2",)


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/news?page=2">More news</a>',  # a section front's pager
        '<a href="/live/other-blog?page=2">Older posts</a>',  # another page's
        '<a href="?page=1">Newer posts</a>',  # not after the page's own number
        '<a href="?cpage=2">More comments</a>',
        '<a href="?page=2024">2024</a>',  # a number no page of posts has
    ],
)
def test_links_to_no_older_page_of_the_blog(link: str) -> None:
    url = f"{URL}?page=2" if "Newer" in link else URL
    assert found(link, url) == ()


def test_a_generic_live_blog_gives_its_older_pages() -> None:
    posts = "".join(
        f'<article class="post" id="p{n}"><time datetime="2024-07-18T1{n}:00:00Z">1{n}:00</time>'
        f"<h2>Update {n}</h2><p>The river rose again at the weir this hour, by {n} cm, and the"
        " council has asked people living on the lower streets to move their cars.</p>"
        "</article>"
        for n in range(5, 0, -1)
    )
    html = (
        "<html lang='en'><head><title>Flood live</title></head><body><h1>Flood live</h1>"
        f'<div class="feed">{posts}</div><a class="more" href="?page=2">Load more</a></body></html>'
    )
    assert parse(html, URL).older_pages == [f"{URL}?page=2"]
