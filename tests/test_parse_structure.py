"""What a page's structure says beyond its text: structured data that calls the page live or
lists only its newest posts, and the parts of a post's header (bylines, headings, labels,
stamps, rendered embeds) that are no part of its title or text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from liveread.model import Paragraph
from liveread.parse import parse

URL = "https://news.example.org/weather/storm-follow"
BODY = "The council says snow ploughs are out on every main road and more are on the way."


def structured(numbers: list[int]) -> str:
    """A LiveBlogPosting whose updates are headlines only, no bodies, like a page's newest."""
    updates = [
        {
            "@type": "BlogPosting",
            "headline": f"Storm note {n}",
            "datePublished": f"2024-11-22T{n:02d}:10:00Z",
            "url": f"{URL}#p-{n}",
        }
        for n in numbers
    ]
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": updates}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def post(n: int, *, stamp: bool = True) -> str:
    time = f"<time datetime='2024-11-22T{n:02d}:10:00Z'>{n:02d}.10</time>" if stamp else ""
    return (
        f"<article class='note' id='p-{n}'>{time}<h3>Storm note {n}</h3>"
        f"<p>Note {n}. {BODY}</p></article>"
    )


def page(feed: str, head: str = "", title: str = "Snowstorm across the south") -> str:
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body><main>"
        f"<h1>{title}</h1><div class='notes'>{feed}</div></main></body></html>"
    )


def test_a_page_whose_structured_data_is_a_live_blog_says_it_is_live() -> None:
    # No live word anywhere, short posts: the page's own LiveBlogPosting is what says it is.
    numbers = list(range(11, 2, -1))
    html = page("".join(post(n) for n in numbers), head=structured(numbers[:3]))
    blog = parse(html, URL)
    assert [entry.key for entry in blog.entries] == [str(n) for n in numbers]


def test_a_short_structured_list_of_headlines_leaves_the_page_its_own_posts() -> None:
    # The structured list holds the newest four by headline; the page shows nine, of which
    # only the newest four say their time: its reading holds the list, and more.
    numbers = list(range(11, 2, -1))
    feed = "".join(post(n, stamp=n in numbers[:4]) for n in numbers)
    blog = parse(page(feed, head=structured(numbers[:4]), title="Snowstorm: live"), URL)
    assert [entry.key for entry in blog.entries[:4]] == [str(n) for n in numbers[:4]]
    assert {entry.key for entry in blog.entries} == {str(n) for n in numbers}
    assert all(entry.text.startswith(f"Note {entry.key}.") for entry in blog.entries)


def bylined(n: int, byline: str) -> str:
    return (
        f"<article class='note' id='p-{n}'><time datetime='2024-11-22T{n:02d}:10:00Z'>"
        f"{n:02d}.10</time><h3>Storm note {n}</h3><p>Note {n}. {BODY}</p>{byline}</article>"
    )


def test_a_bylines_name_and_role_in_separate_elements_are_the_name_alone() -> None:
    roles = {12: "reporter", 11: "Political reporter", 10: "Reporter"}
    feed = "".join(
        bylined(
            n,
            "<div class='byline'><img src='/faces/jonas-ek.png' alt='' width='40' height='40'>"
            f"<span>Jonas Ek</span><span>{role}</span></div>",
        )
        for n, role in roles.items()
    )
    blog = parse(page(feed, title="Snowstorm: live"), URL)
    assert [entry.authors for entry in blog.entries] == [["Jonas Ek"]] * 3
    for entry in blog.entries:
        assert entry.text == f"Note {entry.key}. {BODY}"
        assert [type(block) for block in entry.blocks] == [Paragraph]


def test_a_byline_whose_parts_run_on_is_still_one_line() -> None:
    # "By" and the name in elements of their own, nothing between them: one line.
    feed = "".join(
        bylined(n, "<div class='author'><span>By</span><a href='/people/ek'>Jonas Ek</a></div>")
        for n in (12, 11, 10)
    )
    blog = parse(page(feed, title="Snowstorm: live"), URL)
    assert [entry.authors for entry in blog.entries] == [["Jonas Ek"]] * 3


def test_a_posts_update_time_attribute_is_when_it_was_changed() -> None:
    def stamped(n: int) -> str:
        sort = int(datetime(2024, 11, 22, n, 10, tzinfo=UTC).timestamp() * 1000)
        update = f" data-update-time='{sort + 25 * 60_000}'" if n == 11 else ""
        return (
            f"<div class='item' id='u{n}' data-sort-time='{sort}'{update}>"
            f"<h3>Storm note {n}</h3><p>Note {n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(stamped(n) for n in (12, 11, 10)), title="Snowstorm: live"), URL)
    by_key = {entry.key: entry for entry in blog.entries}
    assert by_key["u11"].published == datetime(2024, 11, 22, 11, 10, tzinfo=UTC)
    assert by_key["u11"].updated == datetime(2024, 11, 22, 11, 35, tzinfo=UTC)
    assert by_key["u12"].updated is None


def test_an_update_dated_only_by_its_creation_is_timed_by_it() -> None:
    """`dateCreated` times a structured post that gives no `datePublished`, in JSON-LD and in
    microdata alike."""
    updates = [
        {
            "@type": "BlogPosting",
            "headline": f"Storm note {n}",
            "dateCreated": f"2024-11-22T{n:02d}:10:00Z",
            "articleBody": f"Note {n}. {BODY}",
        }
        for n in (9, 8, 7)
    ]
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": updates}
    json_ld = page("", head=f"<script type='application/ld+json'>{json.dumps(data)}</script>")
    items = "".join(
        f"<div itemprop='liveBlogUpdate' itemscope itemtype='https://schema.org/BlogPosting'>"
        f"<meta itemprop='dateCreated' content='2024-11-22T{n:02d}:10:00Z'>"
        f"<h3 itemprop='headline'>Storm note {n}</h3>"
        f"<div itemprop='articleBody'><p>Note {n}. {BODY}</p></div></div>"
        for n in (9, 8, 7)
    )
    microdata = page(f"<div itemscope itemtype='https://schema.org/LiveBlogPosting'>{items}</div>")
    for html in (json_ld, microdata):
        blog = parse(html, URL)
        assert [entry.published for entry in blog.entries] == [
            datetime(2024, 11, 22, n, 10, tzinfo=UTC) for n in (9, 8, 7)
        ]
