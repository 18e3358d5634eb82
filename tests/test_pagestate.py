"""Page state as a structured source: the JSON a page's scripts render their posts from.

The pages under fixtures/pagestate/ are our own, written as Next.js, Nuxt 3, Apollo, Redux
and an island with a base64 `data-state` emit their state; every name and word is invented.
Hostile and broken state must cost no crash and no long wait (no timing assertions here: a
hang would show as a stuck test).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.parse import NotALiveBlog, parse
from liveread.parse.pagestate import PUBLISHED_KEYS, UPDATED_KEYS, read_page_state
from liveread.parse.stateblobs import MAX_BLOB, TIME_HINTS, state_blobs
from liveread.parse.structured import StructuredBlog, read_structured

PAGES = Path(__file__).parent / "fixtures" / "pagestate"
URL = "https://www.example.com/news/live/flood"


def _read(html: str | bytes, url: str = URL) -> StructuredBlog:
    return read_page_state(LexborHTMLParser(html), url)


def _page(name: str) -> bytes:
    return (PAGES / f"{name}.html").read_bytes()


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _lines(body: str) -> list[str]:
    """A body's paragraphs, as merge makes them (blank lines left out)."""
    return [line.strip() for line in body.split("\n") if line.strip()]


# Next.js: the pages router's __NEXT_DATA__, posts at props.pageProps.liveblog.posts.

NEXT_URL = "https://www.daily-ledger.example/live/storm-orla-live"


def test_next_data_posts_are_read_with_keys_times_authors_and_bodies():
    blog = _read(_page("nextjs"), NEXT_URL)
    assert (blog.found, blog.source) == (True, "pagestate")
    assert blog.title == "Storm Orla live: flooding closes rail lines across the north"
    assert blog.description.startswith("Rail lines closed and homes evacuated")
    assert [p.key for p in blog.posts] == [
        "cm6h2k9x40004",
        "cm6h2f1q20003",
        "cm6h29zt10002",
        "cm6h1xkq90001",
    ]
    first = blog.posts[0]
    assert first.url == f"{NEXT_URL}#post-cm6h2k9x40004"
    assert first.published == _utc("2025-01-28T09:42:00+00:00")
    assert first.updated == _utc("2025-01-28T09:55:00+00:00")
    assert first.title == "Evacuation centre opens in Riverside school"
    assert first.authors == ["Priya Lannister"]
    assert _lines(first.body) == [
        "The council has opened an evacuation centre in the sports hall of Riverside Academy "
        "for residents of the lower town.",
        "Volunteers are handing out blankets and hot drinks, and pets are welcome.",
    ]
    assert "& tickets are valid" in blog.posts[1].body
    assert blog.posts[2].authors == ["Tomás Ferrell"]


def test_next_data_navigation_and_related_articles_are_not_posts():
    blog = _read(_page("nextjs"), NEXT_URL)
    keys = {post.key for post in blog.posts}
    titles = {post.title for post in blog.posts}
    assert not keys & {"nav-news", "nav-weather", "nav-sport", "art-5521", "art-5519"}
    assert "How to protect your home from flooding" not in titles


def test_next_page_that_renders_no_posts_gets_its_entries_from_state():
    blog = parse(_page("nextjs"), NEXT_URL)
    assert blog.source == "pagestate"  # the markup shows none of the posts
    assert blog.title == "Storm Orla live: flooding closes rail lines across the north"
    assert [e.key for e in blog.entries] == [
        "cm6h2k9x40004",
        "cm6h2f1q20003",
        "cm6h29zt10002",
        "cm6h1xkq90001",
    ]
    newest = blog.entries[0]
    assert newest.title == "Evacuation centre opens in Riverside school"
    assert [b.text for b in newest.blocks] == [
        "The council has opened an evacuation centre in the sports hall of Riverside Academy "
        "for residents of the lower town.",
        "Volunteers are handing out blankets and hot drinks, and pets are welcome.",
    ]
    assert blog.is_live is True


# Apollo: a normalised map, posts and authors linked by __ref.

APOLLO_URL = "https://www.coastline-courier.example/sport/live/harbour-marathon-2025"


def test_apollo_references_are_followed_to_posts_and_authors():
    blog = _read(_page("apollo"), APOLLO_URL)
    assert blog.source == "pagestate"
    assert blog.title == "Harbour Marathon 2025 – live updates"
    assert [p.key for p in blog.posts] == ["90213", "90207", "90198"]
    assert [p.published for p in blog.posts] == [
        _utc("2025-04-06T10:04:12+00:00"),
        _utc("2025-04-06T09:41:55+00:00"),
        _utc("2025-04-06T08:00:03+00:00"),
    ]
    assert blog.posts[0].title == "Winner crosses the line in 2:09:41"
    assert blog.posts[0].body.startswith("Samir Okonkwo-Lind has won the men’s race")
    assert blog.posts[1].authors == ["Hana Whitcombe", "Rory Blaine"]


def test_apollo_comments_outnumbering_the_posts_lose():
    blog = _read(_page("apollo"), APOLLO_URL)
    assert not any(post.key and post.key.startswith("c") for post in blog.posts)
    assert "What a finish!" not in {post.body for post in blog.posts}


def test_apollo_page_parses_from_state_alone():
    blog = parse(_page("apollo"), APOLLO_URL)
    assert [(e.key, e.title) for e in blog.entries] == [
        ("90213", "Winner crosses the line in 2:09:41"),
        ("90207", ""),
        ("90198", "And they're off"),
    ]


# Redux: window.__INITIAL_STATE__ = {...}; epoch milliseconds, rich-text blocks; the page
# renders the three newest posts with the same ids.

REDUX_URL = "https://www.valley-herald.example/politics/live/election-night-2025"


def test_redux_state_times_in_epoch_milliseconds_and_rich_text_bodies():
    blog = _read(_page("redux"), REDUX_URL)
    assert [p.key for p in blog.posts] == ["1004", "1003", "1002", "1001"]
    first = blog.posts[0]
    assert first.published == datetime(2025, 5, 2, 0, 12, 30, tzinfo=UTC)
    assert first.updated == datetime(2025, 5, 2, 0, 16, 30, tzinfo=UTC)
    assert first.authors == ["Nadia Osei"]
    # The link's words stay inside their paragraph; each paragraph and list item is a line.
    assert first.body.split("\n")[1] == "Turnout was 61%, up from 58% last time. Full result."
    assert blog.posts[3].body.split("\n") == [
        "Forty districts are counting overnight. The first declarations are expected shortly "
        "after midnight, the last by Friday lunchtime.",
        "Millbrook North usually declares first.",
        "Fenwick is the closest seat to watch.",
    ]


def test_redux_posts_the_page_renders_are_paired_and_the_rest_added():
    blog = parse(_page("redux"), REDUX_URL)
    keys = [entry.key for entry in blog.entries]
    assert keys == ["1004", "1003", "1002", "1001"]  # each once, newest first
    rendered = blog.entries[0]
    assert rendered.url == f"{REDUX_URL}#update-1004"  # the page's own rendering
    assert rendered.published == datetime(2025, 5, 2, 0, 12, 30, tzinfo=UTC)
    only_in_state = blog.entries[3]
    assert only_in_state.title == "What to expect tonight"
    assert only_in_state.published == datetime(2025, 5, 1, 18, 0, tzinfo=UTC)
    assert "Fenwick is the closest seat to watch." in only_in_state.text


# A base64 data-state attribute, and Nuxt 3's devalue payload.


def test_base64_state_attribute():
    blog = _read(_page("base64_attribute"))
    assert blog.title == "Heatwave live: temperature record broken at Greyford"
    assert [(p.key, p.title) for p in blog.posts] == [
        ("u-3", "New national record"),
        ("u-2", ""),
        ("u-1", "Schools close early"),
    ]
    assert blog.posts[0].published == datetime(2025, 7, 19, 13, 20, tzinfo=UTC)
    assert blog.posts[2].authors == ["Joel Ambrose"]
    assert blog.posts[1].body == (
        "Water companies have asked customers not to fill paddling pools until the evening."
    )


def test_nuxt_devalue_payload_is_unflattened():
    blog = _read(_page("nuxt"))
    assert blog.title == "Ferry strike live: crossings cancelled for a second day"
    assert [p.key for p in blog.posts] == [
        "7d0f6a52-3b8e-4c55-9a0e-5f1d2c3b4a11",
        "2b9c1e77-0a4d-4f08-8c61-3e2f1a0b9c22",
        "c3e4f5a6-1111-4e2d-8f90-abcdef012345",
    ]
    assert blog.posts[0].published == datetime(2025, 3, 11, 16, 45, tzinfo=UTC)  # a Date
    assert blog.posts[1].body.split("\n") == [
        "Queues of lorries stretch six kilometres back from the port gates.",
        "Police have opened the hard shoulder to keep the motorway moving.",
    ]


def test_nuxt_values_wrapped_once_and_used_twice_are_both_read():
    payload = [
        ["ShallowReactive", 1],
        {"pinned": 2, "live": 2, "when": 5, "gone": 99},
        ["Reactive", 3],
        {"ids": 4},
        [6, 6],
        ["Date", "2025-03-11T16:45:00.000Z"],
        "a",
    ]
    html = f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(payload)}</script>'
    [state] = state_blobs(LexborHTMLParser(html))
    assert state == {
        "pinned": {"ids": ["a", "a"]},
        "live": {"ids": ["a", "a"]},
        "when": "2025-03-11T16:45:00.000Z",
        "gone": None,
    }


# Arrays that are not posts.


def test_navigation_related_and_comments_lose_to_the_posts():
    """Six sections (ids, dates), five most-read stories (headlines, times, no bodies) and
    six comments all outnumber the three posts."""
    blog = _read(_page("decoys"))
    assert blog.title == "Cup final live: Rovers v Athletic"
    assert [p.key for p in blog.posts] == ["e-31", "e-30", "e-29"]
    assert _lines(blog.posts[0].body) == [
        "Okafor goes down under a challenge from Brandt and the referee points to the spot."
    ]


def _island(state: object) -> str:
    return f'<script type="application/json">{json.dumps(state)}</script>'


def _post(number: int, **extra: object) -> dict[str, object]:
    return {
        "id": f"p{number}",
        "publishedAt": f"2025-02-0{number}T10:00:00Z",
        "body": f"Post number {number} says something worth reading about the flood.",
        **extra,
    }


COMMENTS = {
    "by name": ("comments", {}),
    "by reply keys": ("thread", {"parentId": None}),
    "by type": ("thread", {"__typename": "ReaderComment"}),
}


@pytest.mark.parametrize(("name", "marks"), COMMENTS.values(), ids=COMMENTS.keys())
def test_comments_outnumbering_the_posts_lose(name: str, marks: dict[str, object]):
    comments = [_post(n, user={"name": f"reader{n}"}, **marks) for n in range(1, 8)]
    state = {name: comments, "live": {"items": [_post(8), _post(9)]}}
    assert [p.key for p in _read(_island(state)).posts] == ["p8", "p9"]


def _ball(number: int, **extra: object) -> dict[str, object]:
    """One entry of a cricket commentary: an over stamp, a body as a list of HTML items."""
    return {
        "id": 900 + number,
        "overNumber": 30,
        "ballNumber": number,
        "timestamp": 1_739_000_000_000 + number * 40_000,
        "textItems": [{"type": "HTML", "html": f"<p>Ball {number} is driven to the fence.</p>"}],
        **extra,
    }


def test_a_match_commentary_held_as_comments_is_read_with_its_item_bodies():
    """Stamped with overs, no handle nor likes: commentary, whatever its array is named."""
    commentary = [_ball(n) for n in range(6, 0, -1)]
    commentary.append(
        {
            "id": 800,
            "overNumber": None,
            "timestamp": 1_738_999_000_000,
            "textItems": [{"html": "The toss is won by the hosts."}],
        }
    )
    blog = _read(_island({"match": {"content": {"comments": commentary}}}))
    assert [p.key for p in blog.posts] == [*(str(900 + n) for n in range(6, 0, -1)), "800"]
    assert _lines(blog.posts[0].body) == ["Ball 6 is driven to the fence."]
    assert blog.posts[0].published == datetime.fromtimestamp(1_739_000_240, UTC)


def test_reader_comments_stamped_with_a_minute_still_lose():
    """A handle and likes make a reader's comment, even one that names the minute."""
    comments = [_post(n, minute=n * 10, handle=f"fan{n}", likes=n) for n in range(1, 8)]
    state = {"comments": comments, "live": {"items": [_post(8), _post(9)]}}
    assert [p.key for p in _read(_island(state)).posts] == ["p8", "p9"]


def test_a_state_post_opening_with_the_time_the_page_shows_apart_is_one_post():
    """The page shows "9.51am" as its post's stamp; the state's body opens with it, the exact
    time beside: the two are one post, timed by the state."""
    notes = [
        (3, "10.40am", "Rain has stopped and the covers are coming off at the ground."),
        (2, "10.12am", "A short delay: drizzle drifts over the ground from the west."),
        (1, "9.51am", "The players are out in the middle to warm applause from the crowd."),
    ]
    state = {
        "feed": {
            "items": [
                {
                    "id": n,
                    "timestamp": 1_739_000_000_000 + n * 60_000,
                    "html": f"<p><b>{clock}</b> {text}</p>",
                }
                for n, clock, text in notes
            ]
        }
    }
    boxes = "".join(
        f"<div class='note'><p><strong>{clock}</strong> {text}</p></div>"
        for _, clock, text in notes
    )
    html = f"<html lang='en'><body><main><div class='notes'>{boxes}</div></main>{_island(state)}</body></html>"
    blog = parse(html, URL)
    assert [entry.text for entry in blog.entries] == [text for *_, text in notes]
    assert blog.entries[0].published == datetime.fromtimestamp(1_739_000_180, UTC)


def test_teasers_without_bodies_are_no_posts():
    teasers = [
        {"id": n, "title": f"Story {n}", "publishedAt": "2025-02-01T10:00:00Z", "url": f"/s/{n}"}
        for n in range(10)
    ]
    page = f"<html><body><h1>Latest</h1>{_island({'props': {'stories': teasers}})}</body></html>"
    assert _read(page) == StructuredBlog()
    with pytest.raises(NotALiveBlog):
        parse(page, URL)


def test_an_array_of_posts_most_without_a_time_is_no_blog():
    state = {"items": [_post(1), _post(2), *({"id": n, "body": "words"} for n in range(3))]}
    assert not _read(_island(state)).found


def test_json_ld_posts_come_before_page_state():
    json_ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "url": f"{URL}#post-ld1", "articleBody": "From JSON-LD."}
        ],
    }
    html = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' + _island(
        {"posts": [_post(1), _post(2)]}
    )
    data = read_structured(LexborHTMLParser(html), URL)
    assert (data.source, [p.key for p in data.posts]) == ("jsonld", ["ld1"])
    state_only = read_structured(LexborHTMLParser(_island({"posts": [_post(1), _post(2)]})), URL)
    assert (state_only.source, [p.key for p in state_only.posts]) == ("pagestate", ["p1", "p2"])


# The ways a page writes its state.

STATE = {
    "page": {"title": "Flood live", "posts": [_post(1), _post(2, author={"name": "Ana Ruiz"})]}
}
TEXT = json.dumps(STATE)
WRITTEN = {
    "next data": f'<script id="__NEXT_DATA__" type="application/json">{TEXT}</script>',
    "redux": f"<script>window.__PRELOADED_STATE__ = {TEXT};</script>",
    "bracketed name": f'<script>\n  self["__APOLLO_STATE__"]={TEXT}\n</script>',
    "variable": f"<script>var initialState = {TEXT}; console.log(1);</script>",
    "after another statement": f"<script>window.__ENV__={{}};window.__DATA__={TEXT}</script>",
    "json.parse": f"<script>window.__STATE__ = JSON.parse({json.dumps(TEXT)});</script>",
    "json.parse single-quoted": "<script>window.__STATE__=JSON.parse('"
    + TEXT.replace("\\", "\\\\").replace("'", "\\'")
    + "')</script>",
    "atob": f'<script>window.__STATE__ = JSON.parse(atob("{base64.b64encode(TEXT.encode()).decode()}"))</script>',
    "decodeURIComponent": f'<script>window.__STATE__ = JSON.parse(decodeURIComponent("{quote(TEXT)}"))</script>',
    "uri-encoded island": f'<script type="application/json">{quote(TEXT)}</script>',
    "string holding json": f'<script type="application/json">{json.dumps(TEXT)}</script>',
    "url-safe base64 attribute": '<div data-state="'
    + base64.urlsafe_b64encode(TEXT.encode()).decode().rstrip("=")
    + '"></div>',
    "json attribute": f"<div data-state='{TEXT}'></div>",
    "relay edges": _island({"posts": {"edges": [{"node": p} for p in STATE["page"]["posts"]]}}),
}


@pytest.mark.parametrize("html", WRITTEN.values(), ids=WRITTEN.keys())
def test_state_is_read_however_the_page_writes_it(html: str):
    blog = _read(f"<html><head>{html}</head><body></body></html>")
    assert [p.key for p in blog.posts] == ["p1", "p2"]
    assert blog.posts[1].published == datetime(2025, 2, 2, 10, 0, tzinfo=UTC)
    assert blog.posts[1].body == "Post number 2 says something worth reading about the flood."
    assert blog.posts[1].authors == ["Ana Ruiz"]


def test_javascript_string_escapes_are_decoded():
    """JavaScript reads the literal first (`\\'`, `\\x41`, `\\u{…}`, a surrogate pair, a line
    continuation), then JSON reads what it gave (`\\"`, `\\ud83c\\udf0a`)."""
    body = r"""It\'s \\"wet\\" \u00e9t\u00e9 \\ud83c\\udf0a \ud83c\udf0a \u{1F30A} \x41 line\
 joined"""
    state = (
        '{"posts":[{"id":1,"date":"2025-02-01T10:00:00Z","text":"' + body + '"},'
        '{"id":2,"date":"2025-02-01T11:00:00Z","text":"two"}]}'
    )
    blog = _read(f"<script>window.__STATE__ = JSON.parse('{state}');</script>")
    assert blog.posts[0].body == 'It\'s "wet" été \U0001f30a \U0001f30a \U0001f30a A line joined'


def test_epoch_seconds_and_wordpress_rendered_fields():
    posts = [
        {
            "id": 71,
            "date": 1738404000,
            "title": {"rendered": "Levels &#8211; falling"},
            "content": {"rendered": "<p>The river is falling.</p>\n<p>Roads reopen.</p>"},
            "link": "/live/flood/?post=71",
        },
        {"id": 72, "date": "1738407600", "content": {"rendered": "<p>Second.</p>"}},
    ]
    blog = _read(_island({"posts": posts}))
    first, second = blog.posts
    assert first.published == datetime(2025, 2, 1, 10, 0, tzinfo=UTC)
    assert second.published == datetime(2025, 2, 1, 11, 0, tzinfo=UTC)
    assert first.title == "Levels – falling"
    assert _lines(first.body) == ["The river is falling.", "Roads reopen."]
    assert (first.key, first.url) == ("71", "https://www.example.com/live/flood/?post=71")


# What leaves: safe addresses and clean text only.


def test_addresses_are_resolved_against_the_page_or_dropped():
    posts = [
        _post(1, url="javascript:alert(1)"),
        _post(2, url="//cdn.example.net/x"),
        _post(3, permalink="data:text/html,<b>x</b>"),
        _post(4, link={"href": "/live/flood#p4"}),
    ]
    blog = _read(_island({"posts": posts}))
    assert [p.url for p in blog.posts] == [
        None,
        "https://cdn.example.net/x",
        None,
        "https://www.example.com/live/flood#p4",
    ]


def test_text_loses_escape_sequences_and_bidi_controls():
    posts = [
        _post(1, title="Red \x1b[31mwarning\u202e", body="Rain\x1b]8;;https://x\x07 falls\u2066."),
        _post(2),
    ]
    first = _read(_island({"posts": posts})).posts[0]
    assert first.title == "Red warning"
    assert first.body == "Rain falls."


# Broken, huge, deep and hostile state: nothing crashes, every walk is bounded.


def _parses_to_nothing(html: str) -> None:
    assert _read(html) == StructuredBlog()
    with pytest.raises(NotALiveBlog):
        parse(html, URL)


def test_truncated_state_is_skipped():
    cut = TEXT[: len(TEXT) // 2]
    _parses_to_nothing(f'<script id="__NEXT_DATA__" type="application/json">{cut}')
    _parses_to_nothing(f"<script>window.__INITIAL_STATE__ = {cut}</script>")
    _parses_to_nothing(f"<script>window.__S__ = JSON.parse('{cut}")


def test_a_closing_script_tag_inside_a_string_ends_the_script():
    """The HTML parser ends the script at `</script>`, wherever it is: the JSON before it
    is cut short and skipped, the rest of it is text of the page."""
    state = {"posts": [_post(1), _post(2, body="Look: </script><b>bold</b> and on.")]}
    _parses_to_nothing(f"<body><script>window.__INITIAL_STATE__ = {json.dumps(state)}</script>")
    escaped = json.dumps(state).replace("</", "<\\/")
    blog = _read(f"<script>window.__INITIAL_STATE__ = {escaped}</script>")
    assert blog.posts[1].body == "Look: bold and on."


def test_deep_state_is_skipped_without_recursion_errors():
    for depth in (200, 2_000, 200_000):
        deep = "[" * depth + json.dumps(STATE) + "]" * depth
        assert not _read(f'<script type="application/json">{deep}</script>').found
        assert not _read(f"<script>window.__STATE__ = {deep}</script>").found
    rich: dict[str, object] = {"type": "doc", "content": []}
    for _ in range(300):
        rich = {"type": "doc", "content": [rich]}
    posts = [_post(1, body=rich), _post(2), _post(3)]
    assert [p.key for p in _read(_island({"posts": posts})).posts] == ["p2", "p3"]


def test_huge_state_is_skipped():
    state = {"posts": [_post(1), _post(2)], "padding": "x" * MAX_BLOB}
    assert not _read(_island(state)).found
    assert not _read(f"<script>window.__INITIAL_STATE__ = {json.dumps(state)}</script>").found


def test_a_long_array_leaves_the_walk_budget_for_the_posts():
    """Only the first items of an array are walked: 200,000 links (600,000 values, twice the
    walk's budget) met before the posts do not hide them."""
    links = [{"id": n, "tags": [n]} for n in range(200_000)]
    blog = _read(_island({"posts": [_post(1), _post(2)], "links": links}))
    assert [p.key for p in blog.posts] == ["p1", "p2"]


GARBAGE = {
    "not json": "<script>window.__INITIAL_STATE__ = {posts: [1, 2], date: new Date()};</script>",
    "function": "<script>window.__NUXT__=(function(a,b){return {date:a}}(1,2))</script>",
    "bad base64": '<div data-state="eyJ!!!not base64 at all"></div>',
    "bad atob": '<script>window.__S__ = JSON.parse(atob("e30$$$date"))</script>',
    "binary base64": f'<div data-state="eyJ{base64.b64encode(bytes(range(256))).decode()}"></div>',
    "bad percent": '<script type="application/json">%7B%22date%ZZ%E0%A4%A</script>',
    "unclosed literal": '<script>window.__S__ = JSON.parse("{\\"date\\": 1</script>',
    "lone surrogates": _island({"posts": [_post(1)]}).replace("Post", "\\ud800Post"),
    "flattened cycle": '<script type="application/json" id="__NUXT_DATA__">'
    '[["Reactive",1],["ShallowReactive",0],{"date":0}]</script>',
    "flattened out of range": '<script type="application/json" id="__NUXT_DATA__">'
    '[["ShallowReactive",1],{"posts":9,"date":-1,"x":[1,2]}]</script>',
    "repeated statements": "<script>" + 'window.__S__={"date":1};' * 10_000 + "</script>",
    "self-referencing apollo": _island(
        {
            "ROOT_QUERY": {"id": 1, "date": "2025-02-01", "self": {"__ref": "ROOT_QUERY"}},
            "posts": [{"__ref": "ROOT_QUERY"}, {"__ref": "ROOT_QUERY"}, {"__ref": "Post:9"}],
        }
    ),
}


@pytest.mark.parametrize("html", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_state_reads_as_no_posts(html: str):
    _parses_to_nothing(f"<html><body><p>Nothing here.</p>{html}</body></html>")


def test_lone_surrogates_become_replacement_characters():
    html = _island({"posts": [_post(1), _post(2)]}).replace("Post number 1", "\\ud800Post")
    assert _read(html).posts[0].body.startswith("\ufffdPost says")


def test_every_time_key_passes_the_cheap_test_before_decoding():
    """Blobs holding none of the hints are never decoded: no time key may lack one."""
    for key in (*PUBLISHED_KEYS, *UPDATED_KEYS):
        assert any(hint in key for hint in TIME_HINTS), key


def test_a_page_without_state_reads_nothing():
    html = (
        "<html><head><script>var x = 1;</script><script src='/app.js'></script>"
        '<script type=\'application/json\'>{"config": {"theme": "dark"}}</script></head>'
        "<body><div data-state='open'>menu</div></body></html>"
    )
    assert _read(html) == StructuredBlog()


def test_posts_with_their_times_in_a_dates_object_and_a_rich_text_descriptor() -> None:
    posts = [
        {
            "id": f"10413{n}",
            "title": f"Line {n} reopens",
            "dates": {"firstPublished": f"2024-07-24T0{n}:47:21+00:00"},
            "bylines": [{"type": "author", "name": "Elise Pham"}],
            "descriptor": {
                "key": "article",
                "children": [
                    {"key": "p", "children": [{"type": "text", "content": f"Trains on line {n}."}]}
                ],
            },
        }
        for n in (3, 2, 1)
    ]
    state = {"props": {"pageProps": {"data": {"liveBlog": {"posts": posts}}}}}
    html = (
        '<html><body><script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(state)}</script></body></html>"
    )
    blog = _read(html)
    assert [(p.key, p.published, p.title, p.authors) for p in blog.posts] == [
        (f"10413{n}", _utc(f"2024-07-24T0{n}:47:21+00:00"), f"Line {n} reopens", ["Elise Pham"])
        for n in (3, 2, 1)
    ]
    assert [p.body for p in blog.posts] == [f"Trains on line {n}." for n in (3, 2, 1)]


def test_arc_fusion_state_after_other_statements_is_read_with_its_ans_keys() -> None:
    updates = [
        {
            "_id": f"PJ2YQ{n}",
            "display_date": f"2024-09-12T2{n}:12:31.482Z",
            "headlines": {"basic": f"Inspectors find a cracked pier {n}"},
            "credits": {"by": [{"name": "Dana Whitfield"}]},
            "content_elements": [
                {"type": "text", "content": f"State inspectors found crack {n}."},
                {"type": "quote", "content_elements": [{"type": "text", "content": "It held."}]},
            ],
        }
        for n in (2, 1, 0)
    ]
    script = (
        'window.Fusion=window.Fusion||{};Fusion.arcSite="courier";'
        f"Fusion.globalContent={json.dumps({'content_elements': updates})};"
    )
    blog = _read(f"<html><body><script>{script}</script></body></html>")
    assert [(post.key, post.title, post.authors) for post in blog.posts] == [
        (f"PJ2YQ{n}", f"Inspectors find a cracked pier {n}", ["Dana Whitfield"]) for n in (2, 1, 0)
    ]
    assert blog.posts[0].published == _utc("2024-09-12T22:12:31.482+00:00")
    assert blog.posts[0].body == "State inspectors found crack 2.\nIt held."


def test_a_time_without_an_offset_is_the_sites_own() -> None:
    """A German site's state writes its posts' times as Berlin wall clock times."""
    state = {
        "props": {
            "pageProps": {
                "liveblog": {
                    "posts": [
                        {
                            "id": f"p{n}",
                            "publishedAt": f"2024-06-02T1{n}:45:00",
                            "title": f"Meldung {n}",
                            "body": f"<p>Der Pegel der Donau ist weiter gestiegen ({n}).</p>",
                        }
                        for n in (4, 3)
                    ]
                }
            }
        }
    }
    html = (
        "<html lang='de'><head><title>Hochwasser: Liveblog</title></head><body><div id=app>"
        "</div><script id='__NEXT_DATA__' type='application/json'>"
        f"{json.dumps(state)}</script></body></html>"
    )
    blog = parse(html, "https://www.zeitung.example.de/hochwasser-liveblog")
    assert [entry.published for entry in blog.entries] == [
        _utc("2024-06-02T14:45:00+02:00"),
        _utc("2024-06-02T13:45:00+02:00"),
    ]


def test_a_state_posts_own_flags_flag_it() -> None:
    """`"keyEvent": true` on a post of the state, `"attributes": {"pinned": true}` on another:
    a key event and a pinned post, whether or not the markup renders them."""
    items = [
        {"id": "p3", "publishedAt": "2024-06-02T14:45:00Z", "keyEvent": True},
        {"id": "p2", "publishedAt": "2024-06-02T13:45:00Z", "attributes": {"pinned": True}},
        {"id": "p1", "publishedAt": "2024-06-02T12:45:00Z", "keyEvent": False},
    ]
    for number, item in enumerate(items):
        item |= {"title": f"Update {number}", "body": f"<p>The river rose again ({number}).</p>"}
    state = {"props": {"pageProps": {"liveblog": {"posts": items}}}}
    html = (
        "<html lang='en'><head><title>Flood: live</title></head><body><div id=app></div>"
        "<script id='__NEXT_DATA__' type='application/json'>"
        f"{json.dumps(state)}</script></body></html>"
    )
    blog = parse(html, URL)
    assert [(entry.key, entry.key_event, entry.pinned) for entry in blog.entries] == [
        ("p3", True, False),
        ("p2", False, True),
        ("p1", False, False),
    ]


@pytest.mark.parametrize(
    "spell", [lambda words: "_".join(words), lambda words: "-".join(words)], ids=["snake", "kebab"]
)
def test_keys_in_snake_case_and_kebab_case_are_read_as_in_camel_case(spell) -> None:
    """A state written by a back end that spells its keys `published_at` or `published-at`
    is read as one that spells them `publishedAt`: ids, times, bodies, flags."""

    def post(number: int, pinned: bool) -> dict[str, object]:
        return {
            spell(["post", "id"]): f"u{number}",
            spell(["published", "at"]): f"2025-02-0{number}T10:00:00Z",
            spell(["updated", "at"]): f"2025-02-0{number}T10:30:00Z",
            spell(["body", "html"]): f"<p>Update {number}: the river is falling at the weir.</p>",
            spell(["is", "pinned"]): pinned,
        }

    blog = _read(_island({"live": {"entries": [post(2, True), post(1, False)]}}))
    assert [p.key for p in blog.posts] == ["u2", "u1"]
    assert [p.published for p in blog.posts] == [
        datetime(2025, 2, 2, 10, 0, tzinfo=UTC),
        datetime(2025, 2, 1, 10, 0, tzinfo=UTC),
    ]
    assert blog.posts[1].updated == datetime(2025, 2, 1, 10, 30, tzinfo=UTC)
    assert _lines(blog.posts[1].body) == ["Update 1: the river is falling at the weir."]
    assert [p.pinned for p in blog.posts] == [True, False]


def test_cards_with_their_times_in_epoch_milliseconds_and_a_list_of_story_elements() -> None:
    """Quintype's story cards: `card-added-at` and `card-updated-at` in epoch milliseconds, the
    body in `story-elements`, a title element first where the card has a title."""

    def card(number: int, title: str | None) -> dict[str, object]:
        added = 1721300000000 + number * 600_000
        elements = [{"type": "title", "text": title}] if title else []
        elements.append({"type": "text", "text": f"<p>The count in ward {number} is done.</p>"})
        return {
            "id": f"5e0c-{number}",
            "card-added-at": added,
            "card-updated-at": added + 120_000,
            "story-elements": elements,
        }

    story = {"headline": "Ward results: live", "cards": [card(2, "Ward 2 counted"), card(1, None)]}
    html = (
        "<html><body><div class='story-card'></div><script type='application/json'"
        f" id='static-page'>{json.dumps({'qt': {'data': {'story': story}}})}</script></body></html>"
    )
    blog = _read(html)
    assert [(p.key, p.title, _lines(p.body)) for p in blog.posts] == [
        ("5e0c-2", "Ward 2 counted", ["The count in ward 2 is done."]),
        ("5e0c-1", "", ["The count in ward 1 is done."]),
    ]
    assert blog.posts[1].published == datetime(2024, 7, 18, 11, 3, 20, tzinfo=UTC)
    assert blog.posts[1].updated == datetime(2024, 7, 18, 11, 5, 20, tzinfo=UTC)


@pytest.mark.parametrize("key", ["publish_time", "publishTime", "pubDate", "create_time"])
def test_times_under_publish_time_pub_date_and_create_time_are_read(key: str) -> None:
    """Keys of back ends that write "publish time" rather than "published at": a Chinese
    site's state, its times without an offset in the site's zone."""
    items = [
        {"id": n, key: f"2024-10-21 1{n}:02:00", "title": f"第{n}条", "content": f"<p>台风{n}.</p>"}
        for n in (2, 1)
    ]
    state = {"liveDetail": {"list": items}}
    html = (
        "<html lang='zh-CN'><head><title>直播：台风登陆</title></head><body><div id=app></div>"
        f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script></body></html>"
    )
    blog = parse(html, "https://news.example.cn/live/2024-10-21/typhoon.shtml")
    assert [entry.published for entry in blog.entries] == [
        _utc("2024-10-21T12:02:00+08:00"),
        _utc("2024-10-21T11:02:00+08:00"),
    ]
