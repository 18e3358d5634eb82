"""The parser on input that is not a live blog, hostile input, and structured-data-only pages.

Pages that are not live blogs raise `NotALiveBlog("no live entries found")`; nothing crashes
and nothing takes long (the pathological pages below run in well under a second each: no
timing assertions here, a hang would show as a stuck test).
"""

from __future__ import annotations

import json
import random
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.model import Embed, Image, LiveBlog, iso_z
from liveread.parse import NotALiveBlog, parse
from liveread.parse.adapter import SiteAdapter
from liveread.parse.depth import MAX_DEPTH, limit_depth
from liveread.parse.sites import bbc
from liveread.parse.structured import READ_MORE_LINK_TEXT, _promo_lines

URL = "https://www.example.co.uk/news/live/story"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _junk(size: int) -> bytes:
    data = random.Random(20241115).randbytes(size)
    assert b"\x00" in data
    return data


NEWS_ARTICLE = """<!doctype html><html lang="en"><head><title>Council approves new bridge</title>
<meta property="og:type" content="article"></head><body>
<header><a href="/">Home</a></header>
<article>
  <h1>Council approves new bridge over the river</h1>
  <p class="byline">By Sam Reporter, <time datetime="2024-11-15T09:30:00Z">15 November 2024</time></p>
  <p>The council voted on Thursday evening to approve a new footbridge across the river, ending
  a debate that had lasted almost ten years.</p>
  <p>Supporters said the bridge would cut the walk between the station and the hospital by
  twenty minutes, while opponents worried about the cost.</p>
  <p>Work is expected to begin next spring and to take about eighteen months.</p>
  <h2>What happens next</h2>
  <p>A contractor will be chosen in the new year, the council said in a statement.</p>
</article>
</body></html>"""

TIMED_TEASER_LIST = """<html><body><h1>Latest news</h1><ul>
<li><a href="/a">Storm closes roads</a> <time datetime="2024-11-15T09:00:00Z">9:00</time></li>
<li><a href="/b">Bank raises rates</a> <time datetime="2024-11-15T08:00:00Z">8:00</time></li>
<li><a href="/c">Team wins cup</a> <time datetime="2024-11-15T07:00:00Z">7:00</time></li>
</ul></body></html>"""

REDIRECT_STUB = """<html lang="en"><head><title>Tube strike LIVE: latest updates</title>
<meta http-equiv="refresh" content="0; url=https://www.example.co.uk/news/live/tube-strike">
</head><body><p>If you are not redirected automatically, follow this
<a href="https://www.example.co.uk/news/live/tube-strike">link to the live blog</a>.</p>
<p>Updated 11:12 BST</p></body></html>"""

NOT_LIVE = {
    "news article": NEWS_ARTICLE,
    "redirect stub with one time": REDIRECT_STUB,
    "timed teaser list": TIMED_TEASER_LIST,
    "empty string": "",
    "empty bytes": b"",
    "whitespace": "  \n\t ",
    "text only": "just some words, no markup at all",
    "binary junk": _junk(256 * 1024),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    + _junk(4096)
    + b"\n%%EOF\n",
    "json": json.dumps({"@type": "LiveBlogPosting", "liveBlogUpdate": []}),
    "nested divs 200k": "<div>" * 200_000 + "text" + "</div>" * 200_000,
    "nested divs 5 MB": "<div>" * 450_000 + "text" + "</div>" * 450_000,
    "nested unclosed with byline": "<html><body>"
    + "<div>" * 200_000
    + "<span>Tom Watling</span><span>15 November 2024 06:00</span>",
    "nested spans": "<p>" + "<span>" * 200_000 + "text",
    "wide flat 5 MB": "<div><p>hello world</p></div>" * 180_000,
    "unterminated tags": "<a " * 300_000,
    "unterminated comments": "<!--" * 300_000,
    "broken json-ld": '<script type="application/ld+json">{"@type": "LiveBlogPosting", '
    '"liveBlogUpdate": [{"headline": </script><p>nothing</p>',
}


@pytest.mark.parametrize("page", NOT_LIVE.values(), ids=NOT_LIVE.keys())
def test_not_a_live_blog(page):
    with pytest.raises(NotALiveBlog, match=r"^no live entries found$"):
        parse(page, URL)


def test_not_a_live_blog_is_a_value_error():
    with pytest.raises(ValueError, match="no live entries found"):
        parse("", URL)


# Depth capping, which keeps the nested pages above fast (Lexbor is quadratic in depth).


def test_depth_limit_leaves_ordinary_pages_alone():
    page = NEWS_ARTICLE * 400  # many tags, shallow
    assert limit_depth(page, few_tags=0) is page


def test_depth_limit_caps_nesting_and_keeps_text():
    page = "<div>" * 2000 + "deep text" + "</div>" * 2000 + "<p>after</p>"
    capped = limit_depth(page, max_depth=100, few_tags=0)
    assert capped.count("<div>") == 100
    assert capped.count("</div>") == 100
    assert capped.endswith("deep text" + "</div>" * 100 + "<p>after</p>")


def test_depth_limit_skips_scripts_comments_and_void_elements():
    inner = "<img src=x><br><!-- <div><div><div> --><script>'<div>'.repeat(9)</script>"
    page = "<div>" * 50 + inner * 100 + "</div>" * 50
    assert limit_depth(page, max_depth=51, few_tags=0) is page


def _depth(tree: LexborHTMLParser) -> int:
    deepest = 0
    for node in tree.root.traverse():
        depth, up = 0, node
        while (up := up.parent) is not None:
            depth += 1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("boundary", ["<object>", "<marquee>", "<applet>", "<table><tr><td>"])
def test_an_end_tag_the_tree_builder_ignores_does_not_lower_the_depth(boundary: str):
    """`</div>` does not close a `div` with an `<object>` (or a table cell, ...) opened
    inside it: the tree nests deeper with each repeat, and the cap must see that."""
    page = f"<div>{boundary}</div>" * 2000
    assert _depth(LexborHTMLParser(page)) > 1000  # what Lexbor builds uncapped
    capped = limit_depth(page, max_depth=100, few_tags=0)
    assert _depth(LexborHTMLParser(capped)) <= 150  # the implied `tbody`s go uncounted


def test_depth_limit_knows_implied_end_tags():
    page = "<ul>" + "<li>item" * 1000 + "</ul>" + "<p>para" * 1000
    assert limit_depth(page, max_depth=5, few_tags=0) is page


def test_small_pages_are_not_scanned():
    page = "<div>" * (MAX_DEPTH + 10)
    assert limit_depth(page) is page  # below FEW_TAGS even this parses quickly


# Hostile text inside a real-looking live blog.

ESC = "\x1b"


def _post(ident: str, author: str, when: str, body: str, title: str = "") -> str:
    heading = f"<h2>{title}</h2>" if title else ""
    return (
        f'<div class="post" id="post-{ident}">{heading}<div class="body">{body}</div>'
        f"<div><div><span>{author}</span><span>{when}</span></div></div></div>"
    )


def _page(*posts: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Live{ESC}[2J updates</title>{head}</head>"
        f'<body><h1>Live{ESC}[2J updates\x9b</h1><div class="posts">{"".join(posts)}</div></body></html>'
    )


HOSTILE_BODY = (
    f"<p>Red {ESC}[31malert{ESC}[0m raised after the {ESC}]8;;https://evil.example/{ESC}\\"
    f"hyperlink{ESC}]8;;{ESC}\\ went up\x07 and\x08 the\x9b2J screen was\x85 cleared "
    f"&#x1b;[2J twice &#27;]0;new title&#7; then {ESC}P+q{ESC}\\ done\x00 here\x7f.</p>"
    f'<p>See <a href="https://example.com/a{ESC}]0;pwned\x07b">this {ESC}[1mlink{ESC}[0m</a>, '
    f'<a href="javascript:alert(document.cookie)">a script</a>, '
    f'<a href=" JavaScript:void(0)">another</a>, <a href="data:text/html,hi">data</a>, '
    f'<a href="mailto:desk@example.com">mail</a> and <a href="/rel">a relative one</a>.</p>'
)
HOSTILE = _page(
    _post(
        f"1{ESC}[31m2",
        f"Tom{ESC}[5m Watling\x07",
        "15 November 2024 06:00",
        HOSTILE_BODY,
        title=f"Alert{ESC}]0;x\x07 {ESC}[7mtitle",
    ),
    _post(
        "11",
        "Arpan Rai",
        "15 November 2024 05:00",
        "<p>A second post with enough running text to count as the body of a live post.</p>",
    ),
)


@pytest.fixture(scope="module")
def hostile() -> LiveBlog:
    return parse(HOSTILE, URL)


def _all_strings(blog: LiveBlog) -> list[str]:
    out = [blog.title, blog.description, *blog.older_pages]
    for entry in blog.entries:
        out += [entry.key, entry.url or "", entry.title, *entry.authors, entry.text]
        for block in entry.blocks:
            for span in getattr(block, "spans", ()):
                out += [span.text, span.href or ""]
    return out


def test_no_control_characters_or_escapes_survive(hostile: LiveBlog):
    for text in _all_strings(hostile):
        assert ESC not in text, repr(text)
        assert not CONTROL.search(text.replace("\n", "").replace("\t", "")), repr(text)


def test_escaped_text_keeps_its_words(hostile: LiveBlog):
    entry = hostile.entries[0]
    assert entry.title == "Alert title"
    assert entry.authors == ["Tom Watling"]
    text = entry.text
    for word in ("Red alert raised", "hyperlink", "went up", "screen", "cleared", "done"):
        assert word in text
    assert "[31m" not in text
    assert "]8;;" not in text
    assert "]0;" not in text
    assert hostile.title == "Live updates"


def test_unsafe_links_are_dropped_from_spans(hostile: LiveBlog):
    paragraph = hostile.entries[0].blocks[1]
    linked = [(span.text, span.href) for span in paragraph.spans if span.href]
    assert linked == [
        # Control characters in a kept link are percent-encoded, as a browser sends them.
        ("this link", "https://example.com/a%1B]0;pwned%07b"),
        ("a relative one", "https://www.example.co.uk/rel"),
    ]
    # javascript:, data: and mailto: links lose the link, never the words.
    assert paragraph.text == ("See this link, a script, another, data, mail and a relative one.")


def test_escapes_in_ids_do_not_reach_keys_or_permalinks(hostile: LiveBlog):
    entry = hostile.entries[0]
    assert entry.key == "12"
    assert entry.url is not None
    assert ESC not in entry.url


def test_attributes_without_values_are_read_as_empty():
    """`<source srcset>` and `<img src>` with no value: the picture keeps its caption."""
    body = (
        "<p>Crowds gathered outside the town hall before the count began this evening.</p>"
        "<figure><picture><source srcset><img src alt></picture>"
        "<figcaption>The count under way at the town hall</figcaption></figure>"
    )
    other = "<p>Polls closed at ten and the first boxes reached the hall soon after that.</p>"
    blog = parse(
        _page(
            _post("21", "Sam Reporter", "15 November 2024 07:00", body),
            _post("20", "Sam Reporter", "15 November 2024 06:00", other),
        ),
        URL,
    )
    images = [block for block in blog.entries[0].blocks if isinstance(block, Image)]
    assert [(image.src, image.caption) for image in images] == [
        (None, "The count under way at the town hall")
    ]


def test_a_next_page_link_without_a_target_is_no_older_page():
    tree = LexborHTMLParser(
        '<a class="lx-pagination__btn" rel="next" href>Next</a>'
        '<a class="lx-pagination__btn" rel="next" href="/news/live/x/page/2">Next</a>'
    )
    info = SiteAdapter(bbc.SPEC).page(tree, "https://www.bbc.co.uk/news/live/x")
    assert info.older_pages == ("https://www.bbc.co.uk/news/live/x/page/2",)


# Structured data alone.

JSONLD_ONLY = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "Organization", "name": "Example News"},
        {
            "@type": ["LiveBlogPosting", "NewsArticle"],
            "headline": "Storm live: roads closed across the north",
            "description": "All the latest as the storm arrives",
            "coverageStartTime": "2024-11-15T05:00:00Z",
            "liveBlogUpdate": [
                {
                    "@type": "BlogPosting",
                    "url": f"{URL}#post-103",
                    "headline": "Motorway closed",
                    "datePublished": "2024-11-15T09:15:00+00:00",
                    "author": {"@type": "Person", "name": "Sam Reporter"},
                    "articleBody": "The M62 is closed in both directions between junctions 22 "
                    "and 24 after a lorry overturned.",
                },
                {
                    "@type": "BlogPosting",
                    "url": f"{URL}#post-101",
                    "headline": "Warnings issued",
                    "datePublished": "2024-11-15T07:00:00+00:00",
                    "author": [{"@type": "Person", "name": "Alex Writer"}],
                    "articleBody": "Amber warnings for wind are in force from 6am &amp; "
                    "people are told not to travel.\nRail operators have cut services.",
                },
                {
                    "@type": "BlogPosting",
                    "url": f"{URL}#post-102",
                    "headline": "Schools shut",
                    "datePublished": "2024-11-15T08:05:00+00:00",
                    "author": {"@type": "Person", "name": "Sam Reporter"},
                    "articleBody": "More than 200 schools are closed in the region today, "
                    "the council said.",
                },
            ],
        },
    ],
}


def test_json_ld_only_live_blog():
    html = (
        '<html><head><script type="application/ld+json">'
        + json.dumps(JSONLD_ONLY)
        + '</script></head><body><div id="app">Loading…</div></body></html>'
    )
    blog = parse(html, URL)
    assert blog.title == "Storm live: roads closed across the north"
    assert blog.description == "All the latest as the storm arrives"
    assert blog.source == "jsonld"  # the markup shows no posts: structured data alone
    assert [e.key for e in blog.entries] == ["103", "102", "101"]
    assert [iso_z(e.published) for e in blog.entries] == [
        "2024-11-15T09:15:00Z",
        "2024-11-15T08:05:00Z",
        "2024-11-15T07:00:00Z",
    ]
    assert [e.title for e in blog.entries] == ["Motorway closed", "Schools shut", "Warnings issued"]
    assert [e.authors for e in blog.entries] == [
        ["Sam Reporter"],
        ["Sam Reporter"],
        ["Alex Writer"],
    ]
    assert [e.url for e in blog.entries] == [f"{URL}#post-{n}" for n in (103, 102, 101)]
    warnings = blog.entries[2]
    assert [b.text for b in warnings.blocks] == [
        "Amber warnings for wind are in force from 6am & people are told not to travel.",
        "Rail operators have cut services.",
    ]


def test_json_ld_list_at_top_level_and_single_update():
    data = [
        {"@type": "BreadcrumbList", "itemListElement": []},
        {
            "@type": "LiveBlogPosting",
            "headline": "One update",
            "liveBlogUpdate": {
                "@type": "BlogPosting",
                "@id": "abc123",
                "headline": "Only post",
                "datePublished": "2024-11-15T07:00:00Z",
                "articleBody": "The one and only update of this page, long enough to read.",
            },
        },
    ]
    html = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    blog = parse(html, URL)
    assert [(e.key, e.title, iso_z(e.published)) for e in blog.entries] == [
        ("abc123", "Only post", "2024-11-15T07:00:00Z")
    ]


def test_json_ld_that_only_a_lenient_reader_accepts():
    """Raw line breaks inside strings and a NaN: invalid JSON that sites still publish."""
    html = (
        '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Late"'
        ', "wordCount": NaN, "liveBlogUpdate": [{"@type": "BlogPosting", "@id": "p1",'
        ' "datePublished": "2024-11-15T07:00:00Z", "headline": "Line\tbreaks",'
        ' "articleBody": "First line of the update\nsecond line of the update, long enough."}]}'
        "</script>"
    )
    assert "\n" in html and "\t" in html  # raw control characters, not JSON escapes
    blog = parse(html, URL)
    assert blog.title == "Late"
    [entry] = blog.entries
    assert entry.key == "p1"
    assert entry.title == "Line breaks"
    assert [b.text for b in entry.blocks] == [
        "First line of the update",
        "second line of the update, long enough.",
    ]


MICRODATA = """<!doctype html><html><head><title>Election night live</title></head><body>
<main itemscope itemtype="https://schema.org/LiveBlogPosting">
  <h1 itemprop="headline">Election night live: results as they come in</h1>
  <div class="updates">
    <article id="update-3" itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
      <h2 itemprop="headline">First seat declared</h2>
      <time itemprop="datePublished" datetime="2024-07-04T23:15:00+01:00">23:15</time>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Kim Lee</span></span>
      <div itemprop="articleBody"><p>The first result of the night has been declared in
      Sunderland, with a turnout of 54 per cent.</p></div>
    </article>
    <article id="update-2" itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
      <h2 itemprop="headline">Polls closed</h2>
      <time itemprop="datePublished" datetime="2024-07-04T22:00:00+01:00">22:00</time>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Kim Lee</span></span>
      <div itemprop="articleBody"><p>Polls have now closed across the country and counting
      has begun in all constituencies.</p></div>
    </article>
    <article id="update-1" itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
      <h2 itemprop="headline">Welcome</h2>
      <time itemprop="datePublished" datetime="2024-07-04T21:30:00+01:00">21:30</time>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jo Park</span></span>
      <div itemprop="articleBody"><p>Welcome to our live coverage of election night, with
      every result as it comes in through the night.</p></div>
    </article>
  </div>
</main></body></html>"""


def test_microdata_live_blog():
    blog = parse(MICRODATA, "https://news.example.com/election-live")
    assert blog.source == "generic+microdata"
    assert blog.title == "Election night live: results as they come in"
    assert blog.is_live is True
    assert [e.key for e in blog.entries] == ["3", "2", "1"]
    assert [e.title for e in blog.entries] == ["First seat declared", "Polls closed", "Welcome"]
    assert [iso_z(e.published) for e in blog.entries] == [
        "2024-07-04T22:15:00Z",
        "2024-07-04T21:00:00Z",
        "2024-07-04T20:30:00Z",
    ]
    assert [e.authors for e in blog.entries] == [["Kim Lee"], ["Kim Lee"], ["Jo Park"]]
    first = blog.entries[0].text
    assert first.startswith("The first result of the night has been declared")
    assert "turnout of 54 per cent" in first
    # Headline, time and author are metadata, not body text.
    assert "First seat declared" not in first
    assert "Kim Lee" not in first
    assert "23:15" not in first


def test_microdata_without_dom_posts_still_parses():
    """Updates marked up inline without a repeated timed element: structured data alone."""
    html = MICRODATA.replace("<time", "<span").replace("</time>", "</span>")
    html = html.replace('datetime="', 'content="')
    blog = parse(html, "https://news.example.com/election-live")
    assert [e.title for e in blog.entries] == ["First seat declared", "Polls closed", "Welcome"]
    assert [e.key for e in blog.entries] == ["3", "2", "1"]
    assert [iso_z(e.published) for e in blog.entries] == [
        "2024-07-04T22:15:00Z",
        "2024-07-04T21:00:00Z",
        "2024-07-04T20:30:00Z",
    ]
    assert "turnout of 54 per cent" in blog.entries[0].text


def test_a_related_live_blogs_microdata_before_the_pages_own_is_not_its_own():
    """A teaser for another live blog, marked up as a LiveBlogPosting of its own, above the
    page's: the page's title and structured posts are those of the one holding the updates."""
    teaser = (
        '<aside itemscope itemtype="https://schema.org/LiveBlogPosting">'
        '<a href="/sport/rugby-live" itemprop="headline">Rugby live: Ireland v Wales</a></aside>'
    )
    html = MICRODATA.replace("<body>", "<body>" + teaser, 1)
    assert html != MICRODATA
    html = html.replace("<time", "<span").replace("</time>", "</span>")
    html = html.replace('datetime="', 'content="')
    blog = parse(html, "https://news.example.com/election-live")
    assert blog.title == "Election night live: results as they come in"
    assert [e.title for e in blog.entries] == ["First seat declared", "Polls closed", "Welcome"]


def test_the_first_post_like_element_decides_the_template():
    """A page holding two templates is read with the one its first post belongs to."""
    repubblica = (
        '<div class="liveblog"><section class="liveblog__post" id="1_event2">'
        '<time class="liveblog__post__pubdate" datetime="2024-11-15T10:00Z">10:00</time>'
        '<h2 class="liveblog__post__title">Primo</h2><p>{}</p></section></div>'
    )
    guardian = (
        '<div id="liveblog-body"><article class="block" id="block-abc">'
        '<header><time datetime="2024-11-15T09:00:00Z">9:00</time><h2>First</h2></header>'
        "<p>{}</p></article></div>"
    )
    text = "A body long enough to read as a post of its own in the live blog."
    first, second = repubblica.format(text), guardian.format(text)
    assert parse(f"<body>{first}{second}</body>", URL).source == "repubblica"
    assert parse(f"<body>{second}{first}</body>", URL).source == "guardian"


@pytest.mark.parametrize(
    ("props", "url"),
    [
        ('{"assetId": "Vo6BufPXXjk"}', "https://www.youtube.com/watch?v=Vo6BufPXXjk"),
        ('{"assetId": "x/../../evil"}', None),
        ('{"assetId": 42}', None),
        ("not json", None),
        ("[1, 2]", None),
    ],
    ids=["id", "not-an-id", "number", "broken", "list"],
)
def test_guardian_video_link_comes_only_from_a_valid_id(props: str, url: str | None):
    html = (
        '<div id="liveblog-body"><article class="block" id="block-a1">'
        '<header><time datetime="2024-11-15T09:00:00Z">9:00</time><h2>Video</h2></header>'
        "<p>The minister spoke to reporters outside the summit this morning.</p>"
        '<figure data-spacefinder-type="model.dotcomrendering.pageElements.YoutubeBlockElement">'
        f"<gu-island name=\"YoutubeBlockComponent\" props='{props}'>"
        '<div data-component="youtube-atom"><button aria-label="Play video">'
        "</button></div></gu-island><figcaption>The minister speaks</figcaption></figure>"
        "</article></div>"
    )
    [entry] = parse(html, URL).entries
    embeds = [b for b in entry.blocks if isinstance(b, Embed)]
    assert [e.url for e in embeds] == [url]


# Addresses and structured data no reader expects.


def _jsonld_page(body: str = "", *scripts: object) -> str:
    head = "".join(
        f'<script type="application/ld+json">{s if isinstance(s, str) else json.dumps(s)}</script>'
        for s in scripts
    )
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_json_ld_nested_deeper_than_any_reader_goes_is_skipped():
    deep = "[" * 100_000 + "]" * 100_000  # orjson refuses it; the standard reader recurses
    blog = parse(_jsonld_page("", deep, JSONLD_ONLY), URL)
    assert [e.key for e in blog.entries] == ["103", "102", "101"]


BBC_LIKE = (
    '<div id="lx-stream"><ol class="lx-stream__feed">'
    '<li><article class="lx-stream-post" id="post_5ebab4a7">'
    '<header><h3><span class="lx-stream-post__header-text">Roads reopen</span></h3></header>'
    '<div class="lx-stream-post-body"><p>All roads in the north are open again after the storm'
    " passed overnight, police said this morning.</p></div></article></li>"
    '<li><article class="lx-stream-post" id="post_5ebab2d5">'
    '<header><h3><span class="lx-stream-post__header-text">Storm passes</span></h3></header>'
    '<div class="lx-stream-post-body"><p>The storm moved out to sea before dawn, leaving fallen'
    " trees on many minor roads across the county.</p></div></article></li></ol>"
    '<a class="lx-pagination__btn" rel="next" href="/news/live/x/page/2">Next</a>'
    '<a class="lx-pagination__btn" rel="next" href="http://[::1/page/3">Next</a></div>'
)
GUARDIAN_LIKE = (
    '<div id="liveblog-body">'
    '<article class="block" id="block-646219928f08e408b758af95"><header>'
    '<a href="?page=with:block-646219928f08e408b758af95#block-646219928f08e408b758af95">'
    '<time datetime="2023-05-15T14:31:23.000Z">15.31 BST</time></a><h2>Talks begin</h2>'
    "</header><p>The two leaders met at noon and talks are expected to run into the evening,"
    " officials said.</p></article>"
    '<article class="block" id="block-646211b28f08e408b758af3c"><header>'
    '<a href="http://[::1/?page=with:block-646211b28f08e408b758af3c">'
    '<time datetime="2023-05-15T13:31:23.000Z">14.31 BST</time></a><h2>Arrival</h2>'
    "</header><p>The visiting president arrived by helicopter shortly before noon, greeted by"
    " the prime minister.</p></article></div>"
    '<div id="liveblog-navigation"><a href="?page=with:block-1">Next</a></div>'
)


@pytest.mark.parametrize("markup", [BBC_LIKE, GUARDIAN_LIKE], ids=["bbc", "guardian"])
@pytest.mark.parametrize("address", ["https://[::1", "http://[example.com/live"])
def test_a_page_address_that_is_no_address_still_gives_the_posts(markup: str, address: str):
    blog = parse(_jsonld_page(markup), address)
    assert len(blog.entries) == 2
    assert blog.url == ""  # nothing to resolve links against
    assert blog.older_pages == []  # relative links lead nowhere without an address
    assert all(e.url is None or e.url.startswith("https://") for e in blog.entries)


@pytest.mark.parametrize("markup", [BBC_LIKE, GUARDIAN_LIKE], ids=["bbc", "guardian"])
def test_a_link_that_is_no_address_is_left_out(markup: str):
    blog = parse(_jsonld_page(markup), "https://news.example/live")
    assert "http://[::1/page/3" not in blog.older_pages
    assert all(e.url is None or e.url.startswith("https://news.example/") for e in blog.entries)
    assert len(blog.entries) == 2


@pytest.mark.parametrize("markup", [BBC_LIKE, GUARDIAN_LIKE], ids=["bbc", "guardian"])
def test_control_characters_in_the_page_address_never_reach_a_link(markup: str):
    blog = parse(_jsonld_page(markup), f"https://news.example/live{ESC}[31m\x07 now")
    links = [blog.url, *blog.older_pages, *(e.url or "" for e in blog.entries)]
    assert len(blog.entries) == 2 and blog.entries[0].url and blog.older_pages
    for link in links:
        assert not re.search(r"[\x00-\x20\x7f-\x9f]", link), link


def test_a_body_of_unclosed_read_more_links_is_read_in_one_pass():
    """20,000 "Read more: <a>" with no end tag: each looked to the end of the body for one,
    which took about half a minute; the text around them is kept."""
    body = "The council met today. " + "read more: <a>" * 20_000 + "The vote is on Friday."
    update = {"@type": "BlogPosting", "url": f"{URL}#post-1", "articleBody": body}
    other = {"@type": "BlogPosting", "url": f"{URL}#post-2", "articleBody": "Polls open at 7am."}
    data = {"@type": "LiveBlogPosting", "liveBlogUpdate": [update, other]}
    blog = parse(_jsonld_page("", data), URL)
    text = next(e.text for e in blog.entries if e.key == "1")
    assert text.startswith("The council met today.") and text.endswith("The vote is on Friday.")


def test_a_read_more_link_is_looked_for_over_a_headline_s_length_only():
    headline = "read more: <a href='/x'>Council votes on the new bridge</a>"
    assert _promo_lines(f"The vote is on Friday. {headline}") == (
        f"The vote is on Friday. <br>{headline}<br>"
    )
    far = f"read more: <a href='/x'>{'word ' * (READ_MORE_LINK_TEXT // 5 + 1)}</a>"
    assert _promo_lines(far) == far  # no headline runs that long: not a promo link


def test_a_lone_surrogate_in_json_ld_becomes_a_replacement_character():
    """orjson refuses "\\ud800" alone; the lenient reader keeps it, and no text may hold it
    (it cannot be written as UTF-8: not to the database, not to the terminal)."""
    lone = '{"headline": "Alert \\ud800 now", "articleBody": "Crews are on \\udc00 the scene."}'
    pair = '{"headline": "Smile \\ud83d\\ude00", "articleBody": "A pair is one character."}'
    html = (
        '<script type="application/ld+json">{"@type": "LiveBlogPosting", "liveBlogUpdate": ['
        f"{lone}, {pair}]}}</script>"
    )
    blog = parse(html, URL)
    assert sorted(e.title for e in blog.entries) == ["Alert \ufffd now", "Smile \U0001f600"]
    for text in _all_strings(blog):
        text.encode("utf-8")  # raises on a lone surrogate


def test_a_post_nested_deeper_than_the_walk_can_follow_keeps_its_words():
    deep = "<span>deep " * 1_500 + "end"  # few tags: Lexbor takes it as it is
    posts = "".join(
        f'<section class="liveblog__post" id="p_{n}"><time class="liveblog__post__pubdate"'
        f' datetime="2023-11-02T1{n}:27Z">1{n}:27</time><div class="liveblog__post__content">'
        f'<h2 class="liveblog__post__title">{title}</h2><p>{body}</p></div></section>'
        for n, title, body in (
            (2, "Deep", deep),
            (1, "Shallow", "An ordinary post with enough words in it to count as one."),
        )
    )
    blog = parse(f'<div class="liveblog">{posts}</div>', URL)
    assert [e.title for e in blog.entries] == ["Deep", "Shallow"]
    assert blog.entries[0].text == " ".join(["deep"] * 1_500 + ["end"])
    assert blog.entries[1].text == "An ordinary post with enough words in it to count as one."


def test_control_characters_in_a_reach_byline_are_scrubbed():
    def post(ident: str, when: str, text: str) -> str:
        return (
            f'<div class="live-event-entry" id="{ident}" data-post-time="{when}">'
            f'<div class="entry-info"><mark>Tom{ESC}[31m Watling\x07</mark></div>'
            f'<div class="entry-content"><h3>Storm</h3><p>{text}</p></div></div>'
        )

    page = (
        '<div class="live-event-container"><div class="live-event-entries">'
        + post("2", "1722884400000", "Trees are down across the county tonight.")
        + post("1", "1722880800000", "Crews are out clearing the roads this evening.")
        + "</div></div>"
    )
    blog = parse(page, URL)
    assert [e.authors for e in blog.entries] == [["Tom Watling"], ["Tom Watling"]]


def test_bylines_are_found_beside_thousands_of_nested_boxes():
    """Each box once squashed the text of all the boxes inside it: most of a minute here."""
    nest = "<div>" * 9_000 + "words " * 100_000 + "</div>" * 9_000
    counting = "The count has begun at the town hall, with a result due after midnight."
    closed = "Polls have now closed across the county after a day of steady turnout."
    posts = [
        _post("2", "Sam Reporter", "15 November 2024 07:00", f"<p>{counting}</p>"),
        _post("1", "Alex Writer", "15 November 2024 06:00", f"<p>{closed}</p>"),
    ]
    blog = parse(_page(*posts) + nest, URL)
    assert [(e.authors, e.text) for e in blog.entries] == [
        (["Sam Reporter"], counting),
        (["Alex Writer"], closed),
    ]


def test_a_link_post_whose_card_nests_deeper_than_the_walk_can_follow_keeps_its_words():
    """The card of a link post is walked again on its own (the first walk stops at the card):
    that walk falls back to the words as well."""
    nest = 1_000  # few tags: Lexbor takes it as it is, deeper than the walk can follow
    card = (
        "<div>" * nest + "<h3><a href='https://example.com/other-story'>Read the whole story</a>"
        "</h3>" + "</div>" * nest
    )
    posts = [
        f"<article><time datetime='2024-01-02T10:00:00Z'></time><h2>Elsewhere</h2>{card}</article>",
        "<article><time datetime='2024-01-01T10:00:00Z'></time><h2>First</h2>"
        "<p>An ordinary post with enough words in it to count as one.</p></article>",
    ]
    blog = parse(_page(*posts), URL)
    elsewhere = next(e for e in blog.entries if e.title == "Elsewhere")
    assert elsewhere.kind == "link"
    assert elsewhere.text == "Read the whole story"
