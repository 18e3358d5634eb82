"""One query over a page must answer what a query per post would: `PostIndex` for metadata,
`Outline` for the headings and pictures under post bodies."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.parse import _contest, _site_for, _tree
from liveread.parse.adapter import Adapter, Node, PostIndex
from liveread.parse.blocks import Outline
from liveread.parse.contest import measure
from liveread.parse.generic import AUTHORS, Generic
from liveread.parse.structured import read_structured
from liveread.parse.tree import Owners, common_ancestor, nest

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
    spec = _site_for(tree)
    assert spec is not None, f"no site spec claims the {site} page"
    return tree, spec


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
    assert common("c", "e", "c") == "b"  # siblings, one named twice
    assert common("c", "c") == "c"  # one element, named twice: itself
    assert common("e", "c", "d") == "b"  # siblings but for one deeper
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


def _first_heading_below(element) -> int | None:
    """The oracle: one query under the element, itself left out."""
    hits = [h for h in element.css("h2, h3, h4, h5") if h.mem_id != element.mem_id]
    return hits[0].mem_id if hits else None


def _pictures_below(element) -> int:
    hits = [h for h in element.css("img, amp-img") if h.mem_id != element.mem_id]
    return min(len(hits), 2)


def _check_outline_against_queries(roots: list) -> int:
    outline = Outline(roots)
    asked = 0
    for root in roots:
        for element in root.traverse():
            heading = outline.get(element.mem_id)
            assert (heading and heading.mem_id) == _first_heading_below(element)
            assert outline.pictures(element) == _pictures_below(element)
            asked += 1
    return asked


@pytest.mark.parametrize("site", SITES)
def test_outline_answers_as_a_query_under_each_element_would(site: str):
    tree, adapter = real_page(site)
    roots = [root for post in adapter.post_nodes(tree) for root in adapter.body(post)]
    assert _check_outline_against_queries(roots) > 100


def test_outline_of_deeply_nested_hits_answers_as_queries_would():
    """Thousands of boxes nested in one another around thousands of pictures and headings:
    each hit once walked up through every box above it."""
    body = (
        "<div id='body'>"
        + "<div><p>x</p>" * 2_000
        + "<img src='a.jpg'>" * 2_000
        + "<h3>Late</h3>"
        + "</div>" * 2_000
        + "<h2>Outer</h2><div><img src='b.jpg'></div></div>"
    )
    tree = LexborHTMLParser(body)
    assert _check_outline_against_queries([tree.css_first("#body")]) > 4_000


def test_owners_find_the_nearest_marked_element_however_deep():
    tree = LexborHTMLParser(
        "<main><section id='a'>"
        + "<div>" * 3_000
        + "<p id='deep'>x</p>"
        + "</div>" * 3_000
        + "<span id='near'>y</span></section><p id='outside'>z</p>"
        "<section id='b'><p id='in-b'>w</p></section></main>"
    )
    a, b = tree.css_first("#a"), tree.css_first("#b")
    owners = Owners([a.mem_id, b.mem_id])
    for ident, owner in [("deep", a), ("near", a), ("in-b", b), ("deep", a), ("outside", None)]:
        found = owners.of(tree.css_first(f"#{ident}"))
        assert found == (owner.mem_id if owner is not None else None), ident
    assert owners.of(a) == a.mem_id  # a marked element is its own owner
    every_box = tree.css("div")
    assert {owners.of(box) for box in every_box} == {a.mem_id}


@pytest.mark.parametrize("site", SITES)
def test_keys_of_all_posts_answer_as_one_key_per_post(site: str):
    tree, adapter = real_page(site)
    posts = adapter.post_nodes(tree)
    assert adapter.keys(posts, "https://example.com/live") == {
        post.mem_id: adapter.key(post, "https://example.com/live") for post in posts
    }


def test_keys_of_posts_without_ids_come_from_their_own_links():
    tree = LexborHTMLParser(
        "<main><div class='post'><a href='#post-1'>1</a></div>"
        "<div class='post'><p>No link</p></div>"
        "<div class='post' id='post-3'><a href='#post-9'>3</a></div>"
        "<div class='post'><a href='/other'>x</a><a href='/live#post-4'>4</a></div></main>"
    )
    posts = tree.css("div.post")
    keys = Adapter().keys(posts, "https://example.com/live")
    assert [keys[post.mem_id] for post in posts] == ["1", None, "3", "4"]


def test_keys_of_nested_posts_answer_as_one_query_per_post_would():
    """An outer post's own query reaches into the post inside it: its first link is the
    inner post's when it has none before it."""
    tree = LexborHTMLParser(
        "<main><div class='post'><section class='post'>"
        "<a href='#post-7'>7</a></section></div><div class='post'><a href='#post-8'>8</a>"
        "</div></main>"
    )
    posts = tree.css(".post")
    adapter = Adapter()
    assert nest(posts)
    assert adapter.keys(posts, "") == {post.mem_id: adapter.key(post, "") for post in posts}
    assert [adapter.keys(posts, "")[post.mem_id] for post in posts] == ["7", "7", "8"]


def test_nest():
    tree = LexborHTMLParser(
        "<main><ul><li id='a'><p id='b'></p></li><li id='c'></li></ul><p id='d'></p></main>"
    )
    a, b, c, d = (tree.css_first(f"#{ident}") for ident in "abcd")
    assert not nest([a, c])  # siblings
    assert not nest([a, c, d])
    assert nest([a, b])
    assert nest([c, a, b])
    assert not nest([b])
    assert not nest([])


GENERIC = sorted((Path(__file__).parent / "fixtures" / "generic").glob("*.html"))


def generic_reading(page: Path) -> tuple[Generic, list[Node]]:
    """The box reader's posts of a page, indexed as `parse` indexes them."""
    tree = _tree(page.read_bytes())
    url = "https://example.com/live"
    proposals, _ = _contest(tree, url, read_structured(tree, url), explain=True)
    reading = next(p for p in proposals if isinstance(p.reader, Generic))
    assert isinstance(reading.reader, Generic)
    reading.reader.index_posts(reading.nodes)
    return reading.reader, reading.nodes


def test_a_posts_furniture_is_what_one_query_over_it_finds():
    """Time, header and author elements, in page order, from the queries the reader shares
    with its authors and times; where a post holds both kinds they are put in order."""
    both = 0
    for page in GENERIC:
        reader, posts = generic_reading(page)
        for post in posts:
            expected = post.css(f"time, header, {AUTHORS}")
            assert ids(reader._furniture(post)) == ids(expected), page.name
            both += any(e.tag in ("time", "header") for e in expected) and any(
                e.tag not in ("time", "header") for e in expected
            )
    assert both > 20


def test_readings_measured_together_show_what_each_measured_alone_shows():
    """The generic readings of a page share the letters of the elements they measure."""
    measured = 0
    for page in GENERIC:
        tree = _tree(page.read_bytes())
        url = "https://example.com/live"
        data = read_structured(tree, url)
        proposals, _ = _contest(tree, url, data, explain=True)
        for proposal in proposals:
            if proposal.evidence is not None:
                alone = measure(proposal.reader, proposal.nodes, data, url)
                assert alone == proposal.evidence, page.name
                measured += 1
    assert measured > len(GENERIC)
