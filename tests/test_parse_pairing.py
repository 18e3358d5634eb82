"""Pairing the posts a page shows with the posts its structured data lists: by a shared id
token, by the structured text found inside the page's, by a time unique on both sides; never
one structured post with two page posts, so no post is shown twice."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime

import pytest

from liveread.parse import parse

URL = "https://news.example.com/live/storm-live"
BODIES = {
    "7781": "Rail operators have cut services on every line north of the river until noon.",
    "7782": "More than 200 schools are closed in the region today, the council said.",
    "7783": "The motorway is closed in both directions after a lorry overturned in the wind.",
}
TIMES = {"7781": "07:00", "7782": "08:05", "7783": "09:15"}


def page(posts: str, updates: list[dict]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Storm live",
        "liveBlogUpdate": updates,
    }
    return (
        "<!doctype html><html><head><title>Storm live</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        f'<body><h1>Storm live</h1><div class="feed">{posts}</div></body></html>'
    )


def update(ident: str, *, url: str | None = None, body: str | None = None) -> dict:
    return {
        "@type": "BlogPosting",
        "url": url or f"{URL}?postId={ident}",
        "headline": f"Structured headline {ident}",
        "datePublished": f"2024-11-15T{TIMES[ident]}:00+00:00",
        "articleBody": body or BODIES[ident],
    }


def article(ident: str, *, dom_id: str, text: str, when: str | None = None) -> str:
    time = f'<time datetime="2024-11-15T{when or TIMES[ident]}:00Z">{when or TIMES[ident]}</time>'
    return f'<article class="post" id="{dom_id}">{time}<p>{text}</p></article>'


REWRITTEN = {
    "7781": "Trains north of the river will not run before midday, operators say.",
    "7782": "Two hundred schools have shut for the day across the region.",
    "7783": "An overturned lorry has closed the motorway both ways.",
}


def test_an_id_token_pairs_keys_spelled_differently():
    # Other texts, other times: only the id in "entry-abc-7781" and "?postId=7781" is shared.
    posts = "".join(
        article(i, dom_id=f"entry-abc-{i}", text=REWRITTEN[i], when="06:00")
        for i in ("7783", "7782", "7781")
    )
    blog = parse(page(posts, [update(i) for i in BODIES]), URL)
    assert len(blog.entries) == 3
    assert sorted(e.title for e in blog.entries) == [f"Structured headline {i}" for i in BODIES]


def test_the_structured_text_found_inside_a_longer_page_text_pairs_them():
    posts = "".join(
        article(i, dom_id=f"box-{n}", text=f"LATEST: {BODIES[i]} Our reporter is there.")
        for n, i in enumerate(("7783", "7782", "7781"))
    )
    updates = [update(i, url=f"{URL}#u{n}x") for n, i in enumerate(BODIES)]
    blog = parse(page(posts, updates), URL)
    # Each page post is completed from its structured post (its headline), once.
    assert sorted(e.title for e in blog.entries) == [f"Structured headline {i}" for i in BODIES]


def test_a_time_unique_on_both_sides_pairs_them():
    posts = "".join(
        article(i, dom_id=f"box-{n}", text=REWRITTEN[i])
        for n, i in enumerate(("7783", "7782", "7781"))
    )
    updates = [update(i, url=f"{URL}#u{n}x") for n, i in enumerate(BODIES)]
    blog = parse(page(posts, updates), URL)
    # Each page post is completed from its structured post (its headline), once.
    assert sorted(e.title for e in blog.entries) == [f"Structured headline {i}" for i in BODIES]


def test_a_time_two_page_posts_share_pairs_neither():
    shared = "08:05"
    lorry = "An overturned lorry has shut the motorway in both directions this morning."
    schools = "Schools have shut for the day across the region, the council confirmed."
    trees = "Crews are clearing fallen trees from the roads around the northern villages."
    posts = article("7783", dom_id="box-0", text=lorry)
    posts += article("7782", dom_id="box-1", text=schools, when=shared)
    posts += article("7781", dom_id="box-2", text=trees, when=shared)
    updates = [update(i, url=f"{URL}#u{n}x") for n, i in enumerate(BODIES)]
    blog = parse(page(posts, updates), URL)
    keys = [e.key for e in blog.entries]
    assert len(keys) == len(set(keys))
    titles = [e.title for e in blog.entries]
    assert "Structured headline 7783" in titles  # 09:15 is unique: paired
    # The two page posts at 08:05 stay themselves; the structured 08:05 post is not given to
    # either of them, and each shows once.
    assert sum(1 for e in blog.entries if e.text.startswith("Schools have shut")) == 1
    assert sum(1 for e in blog.entries if e.text.startswith("Crews are clearing")) == 1


def test_each_text_opening_is_taken_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page posts that nothing pairs each look for the opening of every structured post left
    inside their own text: each structured post's opening is taken once, not once for each
    page post (on a page of hundreds of posts that was most of the parse)."""
    merge = importlib.import_module("liveread.parse.merge")
    taken: list[str] = []
    real = merge._opening

    def spy(text: str) -> str:
        taken.append(text)
        return real(text)

    monkeypatch.setattr(merge, "_opening", spy)
    posts = "".join(
        article(i, dom_id=f"box-{n}", text=REWRITTEN[i], when=f"06:0{n}")
        for n, i in enumerate(("7783", "7782", "7781"))
    )
    updates = [update(i, url=f"{URL}#u{n}x") for n, i in enumerate(BODIES)]
    blog = parse(page(posts, updates), URL)
    assert len(blog.entries) == 6  # none paired
    assert len(taken) == 6  # three structured texts' openings, three page texts'


def test_structured_posts_of_other_types_and_fields_with_local_times() -> None:
    """Updates typed NewsArticle or SocialMediaPosting, with their body in `text` or only in
    `description`, and times written without an offset (the site's own zone, here a German
    one): read as the posts of a page whose markup shows none."""
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://www.example.de/#page"},
            {
                "@type": "LiveBlogPosting",
                "headline": "Hochwasser: Liveblog",
                "liveBlogUpdate": [
                    {
                        "@type": "NewsArticle",
                        "headline": "Pegel steigt",
                        "datePublished": "2024-06-02T14:45:00",
                        "text": "Der Pegel der Donau in Passau ist auf 9,20 Meter gestiegen.",
                        "url": "https://www.example.de/hochwasser-liveblog#post-2",
                    },
                    {
                        "@type": "SocialMediaPosting",
                        "headline": "Strecke gesperrt",
                        "datePublished": "2024-06-02T13:10:00+02:00",
                        "description": "Die Bahnstrecke Augsburg-Ulm bleibt bis Montag gesperrt.",
                        "url": "https://www.example.de/hochwasser-liveblog#post-1",
                    },
                ],
            },
        ],
    }
    html = (
        "<!doctype html><html lang='de'><head><title>Hochwasser: Liveblog</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        "<body><h1>Hochwasser</h1><div id='app'>Bitte JavaScript aktivieren.</div></body></html>"
    )
    blog = parse(html, "https://www.example.de/hochwasser-liveblog")
    got = [(entry.key, entry.published, entry.text) for entry in blog.entries]
    assert got == [
        (
            "2",
            datetime(2024, 6, 2, 12, 45, tzinfo=UTC),
            "Der Pegel der Donau in Passau ist auf 9,20 Meter gestiegen.",
        ),
        (
            "1",
            datetime(2024, 6, 2, 11, 10, tzinfo=UTC),
            "Die Bahnstrecke Augsburg-Ulm bleibt bis Montag gesperrt.",
        ),
    ]


def test_a_related_live_blog_in_the_same_graph_gives_no_posts() -> None:
    """A `@graph` holding the page's live blog and, after it, another page's (a related
    blog): only the page's own updates are its posts; one whose object gives no address
    counts as the page's."""

    def blog_object(url: str | None, title: str, minute: int) -> dict:
        return {
            "@type": "LiveBlogPosting",
            **({"url": url} if url else {}),
            "headline": title,
            "liveBlogUpdate": [
                {
                    "@type": "BlogPosting",
                    "headline": title,
                    "datePublished": f"2024-11-03T06:{minute:02}:00-05:00",
                    "articleBody": f"<p>{title}: the count goes on in the county.</p>",
                }
            ],
        }

    other = "https://news.example.com/live/senate-races"
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": URL},
            blog_object(URL, "Count resumes", 5),
            blog_object(None, "Mail ballots", 1),
            blog_object(other, "Senate seat called", 10),
        ],
    }
    html = (
        "<!doctype html><html><head><title>Storm live</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        "<body><h1>Count live</h1><div id='app'></div></body></html>"
    )
    assert [entry.title for entry in parse(html, URL + "?utm_source=x").entries] == [
        "Count resumes",
        "Mail ballots",
    ]
    data["@graph"] = data["@graph"][2:]  # no object names the page: every one is read
    html = html.replace(html[html.index("{") : html.index("</script>")], json.dumps(data))
    assert len(parse(html, URL).entries) == 2


def test_a_closing_line_naming_the_structured_author_is_the_byline() -> None:
    """ "JAVIER RUIZ | Madrid" in an element no class names as a byline: the structured post
    names Javier Ruiz as its author, so the line is the byline, not text."""
    updates = [
        update(ident) | {"author": {"@type": "Person", "name": "Javier Ruiz"}}
        for ident in ("7783", "7782", "7781")
    ]
    posts = "".join(
        article(ident, dom_id=f"post-{ident}", text=BODIES[ident]).replace(
            "</article>", "<div class='x1'>JAVIER RUIZ | Madrid</div></article>"
        )
        for ident in ("7783", "7782", "7781")
    )
    blog = parse(page(posts, updates), URL)
    assert [(entry.authors, entry.text) for entry in blog.entries] == [
        (["Javier Ruiz"], BODIES[ident]) for ident in ("7783", "7782", "7781")
    ]
