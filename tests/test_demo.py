"""The built-in demo live blog, exercised through a real loopback socket."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from liveread.demo import BLOG, DEMO_PATH, POSTS, DemoServer
from liveread.demo.content import EDIT
from liveread.demo.render import html_to_text
from liveread.diff import Change, word_diff
from liveread.parse import parse

START = datetime(2026, 4, 26, 11, 0, tzinfo=UTC)
ARTICLE_ID = re.compile(r'<article class="live-post[^"]*" id="post-([^"]+)"')
JSON_LD = re.compile(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', re.S)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo(clock: FakeClock) -> Iterator[DemoServer]:
    with DemoServer(clock=clock, start_time=START) as server:
        yield server


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as c:
        yield c


def article_ids(html: str) -> list[str]:
    return ARTICLE_ID.findall(html)


def json_ld(html: str) -> dict:
    match = JSON_LD.search(html)
    assert match is not None
    return json.loads(match.group(1))


def ids_newest_first(n: int) -> list[str]:
    return [p.id for p in reversed(POSTS[:n])]


def test_serves_initial_posts_newest_first(demo: DemoServer, client: httpx.Client):
    assert demo.url.endswith(DEMO_PATH)
    assert demo.url.startswith("http://127.0.0.1:")
    response = client.get(demo.url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert html.startswith("<!DOCTYPE html>")
    assert f"<h1>{BLOG.headline}</h1>" in html
    assert article_ids(html) == ids_newest_first(12)
    # Every initial post is in the past, spread over the previous hours, newest first.
    times = [
        datetime.fromisoformat(t)
        for t in re.findall(
            r'<article[^>]*id="post-[^>]*>\n'
            r'<header><time datetime="([^"]+)"',
            html,
        )
    ]
    assert times == sorted(times, reverse=True)
    assert all(t < START for t in times)
    assert START - times[-1] > timedelta(hours=2)


def test_root_redirects_to_the_live_blog(demo: DemoServer, client: httpx.Client):
    response = client.get(demo.base_url + "/")
    assert response.status_code == 302
    assert response.headers["location"] == DEMO_PATH
    assert client.get(demo.base_url + "/", follow_redirects=True).url == demo.url
    assert client.get(demo.base_url + "/nope").status_code == 404


def test_publish_next_adds_one_post_dated_now(
    demo: DemoServer, client: httpx.Client, clock: FakeClock
):
    clock.advance(2.0)
    published = demo.publish_next()
    assert published is not None
    assert published.id == POSTS[12].id
    assert published.published == START + timedelta(seconds=2)
    html = client.get(demo.url).text
    assert article_ids(html) == ids_newest_first(13)
    assert '<time datetime="2026-04-26T11:00:02Z">11:00</time>' in html


def test_clock_advance_publishes_on_schedule(
    demo: DemoServer, client: httpx.Client, clock: FakeClock
):
    clock.advance(4.9)
    assert len(article_ids(client.get(demo.url).text)) == 12
    clock.advance(0.1)
    assert len(article_ids(client.get(demo.url).text)) == 13
    clock.advance(12.0)  # two more fall due, at 10 s and 15 s
    html = client.get(demo.url).text
    assert article_ids(html) == ids_newest_first(15)
    times = [p.published for p in demo.published[-3:]]
    assert times == [START + timedelta(seconds=s) for s in (5, 10, 15)]
    clock.advance(1000.0)
    html = client.get(demo.url).text
    assert article_ids(html) == ids_newest_first(len(POSTS))
    assert demo.finished
    assert demo.publish_next() is None
    assert "coverageEndTime" in json_ld(html)


def test_one_edit_changes_an_earlier_post(demo: DemoServer, client: httpx.Client, clock: FakeClock):
    def body_of(html: str, post_id: str) -> str:
        start = html.index(f'id="post-{post_id}"')
        return html[start : html.index("</article>", start)]

    before = body_of(client.get(demo.url).text, EDIT.post_id)
    for _ in range(2):
        demo.publish_next()
    assert demo.edited is None
    clock.advance(1.0)
    demo.publish_next()
    assert demo.edited == EDIT.post_id
    html = client.get(demo.url).text
    after = body_of(html, EDIT.post_id)
    assert after != before
    assert "This post was amended" in after
    assert article_ids(html).count(EDIT.post_id) == 1
    update = next(u for u in json_ld(html)["liveBlogUpdate"] if u["url"].endswith(EDIT.post_id))
    assert update["dateModified"] == "2026-04-26T11:00:01Z"
    assert update["datePublished"] < update["dateModified"]
    # Only once.
    for _ in range(3):
        demo.publish_next()
    assert body_of(client.get(demo.url).text, EDIT.post_id) == after


def test_the_edit_is_a_small_correction_a_word_diff_shows(
    demo: DemoServer, client: httpx.Client, clock: FakeClock
) -> None:
    def post_text(html: str) -> str:
        blog = parse(html, demo.url)
        return next(e.text for e in blog.entries if e.key.endswith(EDIT.post_id))

    before = post_text(client.get(demo.url).text)
    while demo.edited is None:
        clock.advance(1.0)
        demo.publish_next()
    runs = word_diff(before, post_text(client.get(demo.url).text))
    removed = [run.text for run in runs if run.change is Change.REMOVED]
    assert removed == ["and pedestrians"]
    added = [run.text for run in runs if run.change is Change.ADDED]
    assert added[0] == "only"
    assert added[1].startswith("This post was amended")
    assert len(added) == 2


def test_etag_and_last_modified(demo: DemoServer, client: httpx.Client):
    first = client.get(demo.url)
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert first.headers["last-modified"].endswith("GMT")
    again = client.get(demo.url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    since = client.get(demo.url, headers={"If-Modified-Since": first.headers["last-modified"]})
    assert since.status_code == 304
    assert client.get(demo.url, headers={"If-None-Match": '"other"'}).status_code == 200
    demo.publish_next()
    changed = client.get(demo.url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag


def test_head_has_headers_and_no_body(demo: DemoServer, client: httpx.Client):
    response = client.head(demo.url)
    assert response.status_code == 200
    assert int(response.headers["content-length"]) > 10_000
    assert response.content == b""


def test_json_ld_lists_exactly_the_published_posts(
    demo: DemoServer, client: httpx.Client, clock: FakeClock
):
    for extra in (0, 1, 2):
        if extra:
            clock.advance(1.0)
            demo.publish_next()
        html = client.get(demo.url).text
        data = json_ld(html)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "LiveBlogPosting"
        assert data["headline"] == BLOG.headline
        assert data["url"] == demo.url
        assert "coverageEndTime" not in data
        updates = data["liveBlogUpdate"]
        assert [u["url"] for u in updates] == [
            f"{demo.url}#post-{i}" for i in ids_newest_first(12 + extra)
        ]
        assert [u["url"].rpartition("#post-")[2] for u in updates] == article_ids(html)
        for update in updates:
            assert update["@type"] == "BlogPosting"
            assert update["@id"] == update["url"]
            assert update["headline"]
            assert update["author"]["@type"] == "Person"
            assert update["author"]["name"]
            assert update["articleBody"]
            assert update["datePublished"].endswith("Z")
        assert data["dateModified"] == max(u["dateModified"] for u in updates)


def test_pinned_copy_has_no_id_and_original_is_flagged(demo: DemoServer, client: httpx.Client):
    html = client.get(demo.url).text
    pinned = next(p for p in POSTS if p.pinned)
    start = html.index('<div class="pinned-post">')
    copy = html[start : html.index("</article>\n</div>", start)]
    assert 'id="' not in copy
    assert pinned.title in copy
    assert html.count(f'id="post-{pinned.id}"') == 1
    assert f'id="post-{pinned.id}" data-pinned="true"' in html


def test_page_has_the_promo_clutter_and_rich_features(clock: FakeClock, client: httpx.Client):
    with DemoServer(clock=clock, start_time=START, initial=len(POSTS)) as demo:
        html = client.get(demo.url).text
    text = html_to_text(html)
    assert "Your support helps us to tell the story" in text
    assert "Your support makes all the difference." in text
    assert html.index('class="support-ask"') < html.index('<article class="live-post')
    assert "Sign up to our newsletter" in text
    assert "Read more:" in text
    assert html.count('<footer class="share">') == len(POSTS)
    for feature in (
        "<strong>",
        "<em>",
        '<a href="https://example.org/',
        "<blockquote>",
        '<blockquote class="twitter-tweet"',
        "https://example.org/status/1",
        '<figure class="embed',
        "<ul>",
        "<ol>",
        '<figure class="image">',
        "<figcaption>",
        'class="credit"',
        'data-key-event="true"',
        'data-breaking="true"',
    ):
        assert feature in html, feature
    links = [p for p in POSTS if p.kind == "link"]
    assert len(links) == 2
    for post in links:
        assert re.fullmatch(
            r'<h3><a href="https://example\.org/story/[^"]+">Read: [^<]+</a></h3>',
            post.body.replace("\n", " "),
        )


def test_content_is_fictional(clock: FakeClock, client: httpx.Client):
    with DemoServer(clock=clock, start_time=START, initial=len(POSTS)) as demo:
        html = client.get(demo.url).text
        port = demo.port
    for brand in ("Guardian", "BBC", "Independent", "Reuters", "Sky News", "CNN"):
        assert brand.lower() not in html.lower(), brand
    hosts = set(re.findall(r'https?://([^/"]+)', html))
    assert hosts <= {"example.org", "schema.org", f"127.0.0.1:{port}"}
    assert 20 <= len(POSTS) <= 30
    assert len({p.id for p in POSTS}) == len(POSTS)
    assert sum(p.pinned for p in POSTS) == 1
    assert sum(p.breaking for p in POSTS) == 1
    assert all(p.author for p in POSTS)


def test_close_stops_serving(clock: FakeClock):
    demo = DemoServer(clock=clock).start()
    url = demo.url
    with httpx.Client(timeout=2.0) as c:
        assert c.get(url).status_code == 200
    demo.close()
    demo.close()  # idempotent
    with httpx.Client(timeout=2.0) as c, pytest.raises(httpx.ConnectError):
        c.get(url)
    with pytest.raises(RuntimeError):
        _ = demo.url


def test_given_port_and_real_clock():
    with DemoServer(interval=0.05) as probe:
        port = probe.port
    with DemoServer(port, interval=0.05) as demo:
        assert demo.port == port
        first = len(demo.published)
        with httpx.Client(timeout=2.0) as c:
            for _ in range(100):
                if len(article_ids(c.get(demo.url).text)) > first:
                    break
                time.sleep(0.02)
            else:
                pytest.fail("no post was published on the real clock")
