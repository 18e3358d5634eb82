"""One query over a page must answer what a query per post would: `PostIndex` for metadata,
`Outline` for the headings and pictures under post bodies."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.parse import _adapter_for
from liveread.parse.adapter import Adapter, PostIndex
from liveread.parse.blocks import Outline
from liveread.parse.tree import common_ancestor

REAL = Path(__file__).parents[1].parent / "shared" / "fixtures" / "real"
SELECTORS = ["p", "a[href]", "time[datetime]", "h2, h3", "img", "header time, footer time"]


def ids(nodes: list) -> list[int]:
    return [node.mem_id for node in nodes]


SITES = ["bbc", "express", "guardian", "independent", "mirror", "repubblica"]


def real_page(site: str) -> tuple[LexborHTMLParser, Adapter]:
    """A saved page's tree and the adapter liveread picks for it; skips without ../shared."""
    pages = sorted(REAL.glob(f"{site}/*.html"))
    if not pages:
        pytest.skip("../shared/fixtures/real not found (CI has it beside the checkout)")
    tree = LexborHTMLParser(pages[0].read_text(encoding="utf-8"))
    return tree, _adapter_for(tree, "https://example.com/live")


@pytest.mark.parametrize("site", SITES)
def test_index_answers_as_per_post_queries_on_real_pages(site: str):
    tree, adapter = real_page(site)
    posts = adapter.post_nodes(tree)
    assert len(posts) >= 9
    index = PostIndex(posts)
    for selector in [*SELECTORS, adapter.title_selector, adapter.not_body or "p"]:
        for post in posts:
            assert ids(index.all(post, selector)) == ids(post.css(selector)), selector
            first = post.css_first(selector)
            found = index.first(post, selector)
            assert (found and found.mem_id) == (first and first.mem_id), selector


def test_index_counts_a_post_matching_the_selector_itself():
    tree = LexborHTMLParser(
        "<main><section class='post'><p>One</p></section>"
        "<section class='post'><p>Two</p><p>Three</p></section><p>Outside</p></main>"
    )
    posts = tree.css("section.post")
    index = PostIndex(posts)
    assert [n.text() for n in index.all(posts[1], "p")] == ["Two", "Three"]
    assert ids(index.all(posts[0], "section, p")) == ids(posts[0].css("section, p"))
    assert index.first(posts[0], "img") is None


def test_common_ancestor():
    tree = LexborHTMLParser(
        "<div id='a'><ul id='b'><li id='c'><p id='d'></p></li><li id='e'></li></ul>"
        "<p id='f'></p></div>"
    )

    def node(ident: str):
        return tree.css_first(f"#{ident}")

    def common(*idents: str) -> str | None:
        found = common_ancestor([node(i) for i in idents])
        return found.attributes.get("id") if found is not None else None

    assert common("c", "e") == "b"
    assert common("d", "e") == "b"
    assert common("d", "f") == "a"
    assert common("c", "d") == "c"
    assert common("d") == "d"
    assert common_ancestor([]) is None


@pytest.mark.parametrize("site", SITES)
def test_one_outline_for_all_bodies_answers_as_one_per_body(site: str):
    tree, adapter = real_page(site)
    bodies = [adapter.body(post) for post in adapter.post_nodes(tree)]
    shared = Outline([root for roots in bodies for root in roots])
    asked = 0
    for roots in bodies:
        alone = Outline(roots)
        for root in roots:
            for element in root.traverse():
                heading, expected = shared.get(element.mem_id), alone.get(element.mem_id)
                assert (heading and heading.mem_id) == (expected and expected.mem_id)
                assert shared.pictures(element) == alone.pictures(element)
                asked += 1
    assert asked > 100


def test_outline_leaves_out_what_is_outside_the_bodies():
    tree = LexborHTMLParser(
        "<main><article id='a'><div id='box'><h3>Title</h3><img src='x.jpg'></div></article>"
        "<aside id='ad'><h2>Advert</h2><img src='ad.jpg'></aside>"
        "<article id='b'><img id='lone' src='y.jpg'><p id='text'>Words</p></article></main>"
    )
    roots = [tree.css_first("#a"), tree.css_first("#b")]
    outline = Outline(roots)
    box = tree.css_first("#box")
    assert outline.get(box.mem_id).text() == "Title"
    assert outline.pictures(box) == 1
    assert outline.pictures(roots[0]) == 1
    assert outline.pictures(roots[1]) == 1
    assert outline.get(tree.css_first("#ad").mem_id) is None
    assert outline.pictures(tree.css_first("#ad")) == 0
    assert outline.pictures(tree.css_first("#lone")) == 0  # a picture is not under itself
