"""The generic parser against a test page modelled on a rendered 2024 Independent live blog.

`fixtures/pages/independent_2024_style.html` is our own markup with the structure of
`../shared/seeds/independent-live-2024-rendered.txt`: a donation ask above the first post, an
intro that repeats the newest post, posts that close with an "Author" + "date" byline in two
adjacent spans ("Tom Watling15 November 2024 06:00", UK local time, no zone), and teaser posts
that only link to another article. No site adapter knows it, so the generic fallback reads it.
`independent_2024_style.ld.json` is a JSON-LD LiveBlogPosting listing the same posts; the test
adds it to the page to check the merge path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from liveread.model import Heading, LiveBlog, Paragraph, iso_z
from liveread.parse import parse

PAGES = Path(__file__).parent / "fixtures" / "pages"
URL = (
    "https://www.independent.co.uk/news/world/europe/ukraine-russia-war-live-kupiansk-b2646000.html"
)
DONATION_LINES = (
    "Your support helps us to tell the story",
    "Your donation allows us to keep sending journalists",
    "The Independent is trusted by Americans",
    "Your support makes all the difference",
)


@dataclass(frozen=True)
class Expected:
    key: str
    author: str
    published: str
    title: str
    kind: str = "post"
    sentence: str = ""
    """A sentence only this post holds (link posts: none)."""
    href: str = ""
    """Link posts: the article the post points to."""


EXPECTED = (
    Expected(
        "1291007",
        "Tom Watling",
        "2024-11-15T06:00:00Z",
        "",
        sentence="they launched new attacks in the outskirts of the northeastern city of Kupiansk",
    ),
    Expected(
        "1291006",
        "Arpan Rai",
        "2024-11-15T05:21:00Z",
        "Why Russia is going all-out to capture Ukraine’s Kupiansk",
        sentence="a significant rail hub in the area, matter?",
    ),
    Expected(
        "1291005",
        "Arpan Rai",
        "2024-11-15T05:05:00Z",
        "Ukraine is facing a ‘hammer blow’ of 50,000 Russian troops in Kursk – can they hold out?",
        sentence="largest on Russian soil since the Second World War",
    ),
    Expected(
        "1291004",
        "Tom Watling",
        "2024-11-15T05:00:00Z",
        "Mapped: Where has Russia made advances on the frontline in Ukraine?",
        kind="link",
        href="https://www.independent.co.uk/news/world/europe/russia-ukraine-map-frontline-advances-b2646271.html",
    ),
    Expected(
        "1291003",
        "Arpan Rai",
        "2024-11-15T04:34:00Z",
        "London-based Russian TV chef who criticised Putin found dead in Serbia",
        sentence="to promote his new book on Britain, entitled Anglomania",
    ),
    Expected(
        "1291002",
        "Tom Watling",
        "2024-11-15T04:00:00Z",
        "Europe is in grave danger if Trump hands victory to Putin in Ukraine",
        kind="link",
        href="https://www.independent.co.uk/voices/europe-trump-putin-ukraine-b2645901.html",
    ),
    Expected(
        "1291001",
        "Arpan Rai",
        "2024-11-15T03:55:00Z",
        "Russian troops disguise as Ukrainians on battlefield, Kyiv says",
        sentence="the population has dwindled to 3,000 people",
    ),
    Expected(
        "1291000",
        "Tom Watling",
        "2024-11-15T03:00:00Z",
        "Russian defense official visits China’s premier military showcase in a sign of unity",
        kind="link",
        href="https://www.independent.co.uk/news/world/asia/china-airshow-russia-defense-official-b2645800.html",
    ),
    Expected(
        "1290999",
        "Arpan Rai",
        "2024-11-15T02:56:00Z",
        "Russian air attack kills one, damages energy installations in Odesa",
        sentence="The boiler plant has been temporarily shut down",
    ),
)
BY_KEY = {e.key: e for e in EXPECTED}


def dom_page() -> str:
    return (PAGES / "independent_2024_style.html").read_text(encoding="utf-8")


def jsonld_page() -> str:
    """The same page with a JSON-LD LiveBlogPosting listing its posts (url fragments are the
    DOM ids), to check the merge path."""
    data = (PAGES / "independent_2024_style.ld.json").read_text(encoding="utf-8")
    script = f'<script type="application/ld+json">\n{data}</script>\n'
    return dom_page().replace("</head>", script + "</head>", 1)


@pytest.fixture(scope="module", params=[dom_page, jsonld_page], ids=["dom", "jsonld"])
def blog(request: pytest.FixtureRequest) -> LiveBlog:
    return parse(request.param(), URL)


def test_the_dom_page_has_no_structured_data_and_a_header_time():
    """What the byline tests rely on: only bylines time the posts, and one `time` element in
    the page header must not hide them."""
    html = dom_page()
    assert "application/ld+json" not in html
    assert html.count("<time datetime") == 1


def test_sources(blog: LiveBlog):
    assert blog.source in ("generic", "generic+jsonld")
    assert blog.title.startswith("Ukraine-Russia war latest: Putin’s troops disguised")
    assert blog.updated is not None
    assert iso_z(blog.updated) == "2024-11-15T06:00:00Z"


def test_every_post_present_once_newest_first(blog: LiveBlog):
    assert [e.key for e in blog.entries] == [e.key for e in EXPECTED]
    published = [e.published for e in blog.entries]
    assert published == sorted(published, reverse=True)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.key)
def test_byline_author_and_utc_time(blog: LiveBlog, expected: Expected):
    entry = next(e for e in blog.entries if e.key == expected.key)
    assert entry.authors == [expected.author]
    # November is GMT: the byline's 06:00 UK time is 06:00Z.
    assert iso_z(entry.published) == expected.published
    assert entry.published is not None
    assert entry.published.utcoffset() is not None
    assert entry.url == f"{URL}#post-{expected.key}"


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.key)
def test_titles_kinds_and_distinctive_text(blog: LiveBlog, expected: Expected):
    entry = next(e for e in blog.entries if e.key == expected.key)
    assert entry.title == expected.title
    assert entry.kind == expected.kind
    if expected.sentence:
        assert expected.sentence in entry.text
    # The byline is metadata, not body text.
    assert expected.author not in entry.text
    assert "November 2024" not in entry.text


@pytest.mark.parametrize("expected", [e for e in EXPECTED if e.kind == "link"], ids=lambda e: e.key)
def test_teaser_posts_are_links_to_their_article(blog: LiveBlog, expected: Expected):
    entry = next(e for e in blog.entries if e.key == expected.key)
    assert entry.kind == "link"
    assert entry.title
    assert len(entry.blocks) == 1
    block = entry.blocks[0]
    assert isinstance(block, Heading | Paragraph)
    assert block.text == expected.title
    assert {span.href for span in block.spans} == {expected.href}


def test_the_intro_repeating_the_newest_post_is_not_an_entry(blog: LiveBlog):
    opening = "Russian troops disguised themselves as Ukrainian soldiers"
    holding = [e.key for e in blog.entries if opening in e.text]
    assert holding == ["1291007"]
    assert len(blog.entries) == len(EXPECTED)


def test_donation_ask_is_in_no_entry(blog: LiveBlog):
    for entry in blog.entries:
        for line in DONATION_LINES:
            assert line not in entry.text
            assert line not in entry.title


def test_related_card_inside_a_post_is_removed_and_not_its_title(blog: LiveBlog):
    newest = blog.entries[0]
    assert newest.title == ""
    assert "can they hold out?" not in newest.text
    assert newest.text.endswith("to end the Ukraine war.")
    removal = next(r for r in blog.removals if r.entry_key == "1291007")
    assert removal.rule == "teaser card"
    assert removal.text.startswith("Ukraine is facing a ‘hammer blow’")


def test_advert_between_posts_is_in_no_entry(blog: LiveBlog):
    assert all("Advertisement" not in e.text for e in blog.entries)


def test_inline_link_is_kept_as_a_span(blog: LiveBlog):
    newest = blog.entries[0]
    spans = [s for b in newest.blocks if isinstance(b, Paragraph) for s in b.spans if s.href]
    assert [(s.text, s.href) for s in spans] == [
        ("Donald Trump", "https://www.independent.co.uk/topic/donald-trump")
    ]


def test_structured_data_merges_into_the_dom_posts():
    blog = parse(jsonld_page(), URL)
    assert blog.source == "generic+jsonld"
    assert blog.is_live is True
    assert blog.description == "Moscow says it is open to talks mediated by Donald Trump"
    # Merged by key: the DOM bodies stay (richer than articleBody), nothing is listed twice.
    odesa = next(e for e in blog.entries if e.key == "1290999")
    assert "The boiler plant has been temporarily shut down" in odesa.text


# Small pages of the same shape, for time zones and a donation ask inside a post.


def _post(ident: int, author: str, when: str, body: str) -> str:
    return (
        f'<div class="p" id="post-{ident}"><div class="b">{body}</div>'
        f'<div class="by"><div><span>{author}</span><span>{when}</span></div></div></div>'
    )


def _page(*posts: str) -> str:
    return (
        "<!doctype html><html><head><title>Live</title></head><body><h1>Live: the day</h1>"
        f'<div class="list">{"".join(posts)}</div></body></html>'
    )


BODY_A = "<p>England’s players arrived at the stadium two hours before kick-off on Monday.</p>"
BODY_B = "<p>The manager named an unchanged side for the semi-final against Australia.</p>"


@pytest.mark.parametrize(
    ("url", "first", "second", "expected"),
    [
        # August is BST (UTC+1): 10:01 UK time is 09:01Z.
        (
            "https://www.independent.co.uk/sport/live-b2392480.html",
            "14 August 2023 10:01",
            "14 August 2023 09:30",
            ("2023-08-14T09:01:00Z", "2023-08-14T08:30:00Z"),
        ),
        # November is GMT.
        (
            "https://www.independent.co.uk/news/live-b2646000.html",
            "15 November 2024 06:00",
            "15 November 2024 05:21",
            ("2024-11-15T06:00:00Z", "2024-11-15T05:21:00Z"),
        ),
        # Across the change back to GMT (27 October 2024, 02:00 BST -> 01:00 GMT).
        (
            "https://www.example.co.uk/live",
            "27 October 2024 03:00",
            "26 October 2024 23:00",
            ("2024-10-27T03:00:00Z", "2024-10-26T22:00:00Z"),
        ),
    ],
    ids=["bst", "gmt", "dst-end"],
)
def test_byline_local_time_becomes_utc(url, first, second, expected):
    html = _page(_post(2, "Jamie Braidwood", first, BODY_A), _post(1, "Arpan Rai", second, BODY_B))
    blog = parse(html, url)
    assert [iso_z(e.published) for e in blog.entries] == list(expected)
    assert [e.authors for e in blog.entries] == [["Jamie Braidwood"], ["Arpan Rai"]]


def test_byline_with_comma_and_dot_separator():
    html = _page(
        _post(2, "Jamie Braidwood", "14 August 2023, 10.01", BODY_A),
        _post(1, "Arpan Rai", "14 August 2023, 9.30", BODY_B),
    )
    blog = parse(html, "https://www.independent.co.uk/sport/live-b2392480.html")
    assert [iso_z(e.published) for e in blog.entries] == [
        "2023-08-14T09:01:00Z",
        "2023-08-14T08:30:00Z",
    ]


def test_donation_ask_inside_the_first_post_is_removed_and_recorded():
    ask = (
        "<div><h3>Your support helps us to tell the story</h3>"
        "<p>From reproductive rights to climate change to Big Tech, The Independent is on the "
        "ground when the story is developing.</p>"
        "<p>At such a critical moment in US history, we need reporters on the ground.</p>"
        "<p>Your support makes all the difference.</p></div>"
    )
    html = _page(
        _post(2, "Tom Watling", "15 November 2024 06:00", ask + BODY_A),
        _post(1, "Arpan Rai", "15 November 2024 05:21", BODY_B),
    )
    blog = parse(html, "https://www.independent.co.uk/news/live-b2646000.html")
    newest = blog.entries[0]
    assert (
        newest.text
        == "England’s players arrived at the stadium two hours before kick-off on Monday."
    )
    assert newest.title == ""
    donation = [r for r in blog.removals if r.rule == "donation ask"]
    assert [r.entry_key for r in donation] == ["2"] * 4
    assert donation[0].text == "Your support helps us to tell the story"
    assert donation[-1].text == "Your support makes all the difference."
