"""Refresh orchestration through real sockets (the loopback server) and a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest

import liveread.parse
from liveread.demo import DemoServer
from liveread.demo.content import EDIT
from liveread.fetch import FetchConfig, Fetcher
from liveread.parse import PARSER_VERSION, parse, sites
from liveread.parse.sites import bbc, guardian
from liveread.parse.spec import SiteSpec
from liveread.service import (
    MAX_OLDER_PAGES,
    AlreadyFollowing,
    Event,
    FeedFailed,
    FeedRefreshed,
    FeedStarted,
    Service,
    ServiceError,
    is_due,
)
from liveread.store import Feed, Store
from loopback import LoopbackServer, Route

FAST = FetchConfig(connect_timeout=1.0, read_timeout=0.3, retries=0)
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
START = datetime(2026, 4, 26, 11, 0, tzinfo=UTC)


def bbc_page(
    posts: list[tuple[str, str]], *, title: str = "Small live", next_href: str | None = None
) -> str:
    """A small page in the BBC "lx" markup: `posts` are (id, text), newest first; `next_href`
    becomes the "older posts" pagination link."""
    items = "\n".join(
        f'<li><article class="lx-stream-post" id="post-{ident}">'
        f'<header><h3 class="lx-stream-post__header-text">Post {ident}</h3></header>'
        f'<div class="lx-stream-post-body"><p>{text}</p></div></article></li>'
        for ident, text in posts
    )
    link = (
        f'<a class="lx-pagination__btn" rel="next" href="{next_href}">Older</a>'
        if next_href
        else ""
    )
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f'<div id="lx-stream"><ol class="lx-stream__feed">{items}</ol></div>{link}'
        "</body></html>"
    )


def text(n: int, word: str = "steady") -> str:
    return f"Post number {n} reports that everything on the course is {word} so far today."


PAGE_A = bbc_page([("2", text(2)), ("1", text(1))])
PAGE_B = bbc_page([("3", text(3)), ("2", text(2)), ("1", text(1, "changed"))])
BBC_READING = f"{PARSER_VERSION}/bbc-{bbc.SPEC.version}"
"""What a blog the BBC spec reads says of its reading (`LiveBlog.version`)."""
NOT_LIVE = "<!doctype html><html><head><title>About us</title></head><body><p>Hi.</p></body></html>"


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "data" / "liveread.db") as s:
        yield s


@pytest.fixture
async def service(store: Store) -> AsyncIterator[Service]:
    async with Fetcher(FAST) as fetcher:
        opened = Service(store, fetcher)
        try:
            yield opened
        finally:
            await opened.aclose()


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)

    def for_feed(self, feed_id: int) -> list[type]:
        return [type(e) for e in self.events if e.feed_id == feed_id]


# -- add_feed ---------------------------------------------------------------------------------


async def test_add_feed_stores_posts_and_validators(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route("/live", body=PAGE_A, etag='"v1"', last_modified=LAST_MODIFIED)
    feed, event = await service.add_feed(f"  {url}  ")
    assert feed.url == url
    assert feed.title == "Small live"
    assert (feed.total, feed.unread) == (2, 2)
    assert (feed.etag, feed.last_modified) == ('"v1"', LAST_MODIFIED)
    assert feed.last_error is None
    assert feed.last_ok_at is not None
    assert feed.last_fetch_at == feed.last_ok_at
    assert event == FeedRefreshed(feed.id, "Small live", ["2", "1"], [])
    stored = store.entries(feed.id)
    assert [s.entry.key for s in stored] == ["2", "1"]
    assert stored[0].entry.text == text(2)
    assert store.feeds() == [feed]
    assert loopback.hits("/live") == 1


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        pytest.param(None, "HTTP 404", id="404"),
        pytest.param(Route(body=PAGE_A, delay=2.0), "timed out after 0.3 s", id="timeout"),
        pytest.param(
            Route(body=b'{"live": true}', content_type="application/json"),
            "not an HTML page or feed (application/json)",
            id="not-html",
        ),
        pytest.param(Route(body=NOT_LIVE), "no live entries found", id="not-live"),
    ],
)
async def test_add_feed_refuses_with_reason_and_stores_nothing(
    loopback: LoopbackServer, service: Service, store: Store, route: Route | None, reason: str
):
    url = loopback.route("/live", route) if route else loopback.url("/missing")
    with pytest.raises(ServiceError) as info:
        await service.add_feed(url)
    assert str(info.value) == f"{url}: {reason}"
    assert store.feeds() == []
    assert store.count_entries() == 0


async def test_add_feed_twice_is_refused(loopback: LoopbackServer, service: Service, store: Store):
    url = loopback.route("/live", body=PAGE_A)
    feed, _ = await service.add_feed(url)
    with pytest.raises(AlreadyFollowing, match=rf"^{url}: already following as #{feed.id} "):
        await service.add_feed(url)
    assert len(store.feeds()) == 1
    assert store.count_entries() == 2


@pytest.mark.parametrize("again", ["{url}#latest", "{url}#", "  {url}  ", "HTTP://{host}/live"])
async def test_the_same_address_written_another_way_is_known_before_any_fetch(
    loopback: LoopbackServer, service: Service, store: Store, again: str
):
    url = loopback.route("/live", body=PAGE_A)
    feed, _ = await service.add_feed(url)
    host = urlsplit(url).netloc
    with pytest.raises(AlreadyFollowing) as info:
        await service.add_feed(again.format(url=url, host=host))
    assert info.value.feed.id == feed.id
    assert loopback.hits("/live") == 1  # known from the address alone: nothing fetched
    assert len(store.feeds()) == 1


async def test_a_fragment_is_never_part_of_a_feeds_address(
    loopback: LoopbackServer, service: Service
):
    url = loopback.route("/live", body=PAGE_A)
    feed, _ = await service.add_feed(url + "#post-2")
    assert (feed.url, feed.canonical_url) == (url, url)


async def test_a_page_known_by_its_canonical_address_is_followed_once(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.url("/live")
    page = PAGE_A.replace("</title>", f'</title><link rel="canonical" href="{url}">')
    loopback.route("/live", body=page)
    feed, _ = await service.add_feed(url + "?utm_source=share")
    assert feed.canonical_url == url
    with pytest.raises(AlreadyFollowing) as info:
        await service.add_feed(url)  # refused before fetching: the canonical address is known
    assert info.value.feed.id == feed.id
    with pytest.raises(AlreadyFollowing):
        await service.add_feed(url + "?x=1")  # fetched, and its canonical address is known
    assert [f.id for f in store.feeds()] == [feed.id]
    assert len(store.search("steady")) == 2  # every post once


async def test_a_redirect_target_is_the_feeds_address(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route("/live", body=PAGE_A)
    old = loopback.route("/old-live", redirect_to="/live")
    feed, _ = await service.add_feed(old)
    assert feed.url == url
    with pytest.raises(AlreadyFollowing):
        await service.add_feed(url)
    with pytest.raises(AlreadyFollowing):
        await service.add_feed(old)
    assert len(store.feeds()) == 1


# -- refresh ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("validators", "header", "value"),
    [
        ({"etag": '"v1"'}, "if-none-match", '"v1"'),
        ({"last_modified": LAST_MODIFIED}, "if-modified-since", LAST_MODIFIED),
    ],
    ids=["etag", "last-modified"],
)
async def test_refresh_304_is_not_modified_and_reads_no_body(
    loopback: LoopbackServer,
    service: Service,
    store: Store,
    validators: dict[str, str],
    header: str,
    value: str,
):
    # The second response would fail to parse if the service ignored the 304 and read a body.
    url = loopback.route(
        "/live", [Route(body=PAGE_A, **validators), Route(body=NOT_LIVE, **validators)]
    )
    feed, _ = await service.add_feed(url)
    event = await service.refresh(feed)
    assert event == FeedRefreshed(feed.id, "Small live", not_modified=True)
    request = loopback.requests[-1]
    assert request.headers[header] == value
    assert request.bytes_sent == 0
    after = store.feed(feed.id)
    assert after.total == 2
    assert after.last_error is None
    assert after.last_ok_at is not None
    assert after.last_ok_at >= feed.last_ok_at


async def test_changed_page_yields_new_and_edited_keys(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route("/live", [Route(body=PAGE_A), Route(body=PAGE_B)])
    feed, _ = await service.add_feed(url)
    store.mark_feed_read(feed.id)
    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert (event.new, event.edited, event.not_modified) == (["3"], ["1"], False)
    by_key = {s.entry.key: s for s in store.entries(feed.id)}
    assert by_key["1"].entry.text == text(1, "changed")
    assert by_key["1"].edited_at is not None
    assert not by_key["1"].is_read
    assert by_key["2"].edited_at is None
    assert by_key["2"].is_read
    assert not by_key["3"].is_read
    again = await service.refresh(store.feed(feed.id))
    assert isinstance(again, FeedRefreshed)
    assert (again.new, again.edited) == ([], [])


async def test_a_refresh_writes_once(loopback: LoopbackServer, service: Service, store: Store):
    url = loopback.route("/live", [Route(body=PAGE_A), Route(body=PAGE_B)])
    feed, _ = await service.add_feed(url)
    writes: list[str] = []
    store._db.set_trace_callback(
        lambda statement: writes.append(statement) if statement.startswith("BEGIN") else None
    )
    event = await service.refresh(store.feed(feed.id))
    store._db.set_trace_callback(None)
    assert isinstance(event, FeedRefreshed) and event.new == ["3"]
    assert writes == ["BEGIN IMMEDIATE"]


async def test_new_parser_version_rewrites_quietly_then_edits_count_again(
    loopback: LoopbackServer, service: Service, store: Store
):
    # PAGE_B's change to post 1 stands in for a new parser reading the old page differently.
    page_c = bbc_page([("3", text(3)), ("2", text(2, "windy")), ("1", text(1, "changed"))])
    url = loopback.route("/live", [Route(body=PAGE_A), Route(body=PAGE_B), Route(body=page_c)])
    feed, _ = await service.add_feed(url)
    assert feed.reader_version == BBC_READING
    store.set_reader_version(feed.id, f"{PARSER_VERSION - 1}/bbc-{bbc.SPEC.version}")
    store.mark_feed_read(feed.id)

    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert (event.new, event.edited) == (["3"], [])
    assert store.feed(feed.id).reader_version == BBC_READING
    by_key = {s.entry.key: s for s in store.entries(feed.id)}
    assert by_key["1"].entry.text == text(1, "changed")
    assert (by_key["1"].is_read, by_key["1"].edited_at) == (True, None)
    assert not by_key["3"].is_read

    again = await service.refresh(store.feed(feed.id))
    assert isinstance(again, FeedRefreshed)
    assert (again.new, again.edited) == ([], ["2"])
    edited = {s.entry.key: s for s in store.entries(feed.id)}["2"]
    assert (edited.is_read, edited.entry.text) == (False, text(2, "windy"))
    assert edited.edited_at is not None


async def test_an_outdated_parser_refetches_in_full_once(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route("/live", body=PAGE_A, etag='"a"')
    feed, _ = await service.add_feed(url)
    store.set_reader_version(feed.id, None)  # as stored before readers were named

    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert not event.not_modified  # the page was read again, not answered "unchanged"
    assert "if-none-match" not in loopback.requests[-1].headers
    assert store.feed(feed.id).reader_version == BBC_READING

    again = await service.refresh(store.feed(feed.id))
    assert isinstance(again, FeedRefreshed)
    assert again.not_modified
    assert loopback.requests[-1].headers.get("if-none-match") == '"a"'


def bumped(name: str) -> tuple[SiteSpec, ...]:
    """The registered site specs, with the version of the one called `name` one higher."""
    return tuple(
        replace(spec, version=spec.version + 1) if spec.name == name else spec
        for spec in sites.SPECS
    )


def last_request(loopback: LoopbackServer, path: str) -> dict[str, str]:
    return [request for request in loopback.requests if request.path == path][-1].headers


async def test_a_new_site_spec_version_rereads_only_the_feeds_it_read(
    loopback: LoopbackServer, service: Service, store: Store, monkeypatch: pytest.MonkeyPatch
):
    # The page's change to post 1 stands in for the new spec reading the same page differently.
    reread = bbc_page([("2", text(2)), ("1", text(1, "changed"))])
    bbc_url = loopback.route("/bbc", [Route(body=PAGE_A, etag='"b"'), Route(body=reread)])
    guardian_body = guardian_page([("2", text(2)), ("1", text(1))], pinned="1")
    guardian_url = loopback.route("/guardian", body=guardian_body, etag='"g"')
    bbc_feed, _ = await service.add_feed(bbc_url)
    guardian_feed, _ = await service.add_feed(guardian_url)
    guardian_reading = f"{PARSER_VERSION}/guardian-{guardian.SPEC.version}"
    assert (bbc_feed.reader_version, guardian_feed.reader_version) == (
        BBC_READING,
        guardian_reading,
    )
    store.mark_feed_read(bbc_feed.id)

    monkeypatch.setattr(sites, "SPECS", bumped("bbc"))
    bbc_event = await service.refresh(store.feed(bbc_feed.id))
    guardian_event = await service.refresh(store.feed(guardian_feed.id))

    assert "if-none-match" not in last_request(loopback, "/bbc")  # fetched in full
    assert isinstance(bbc_event, FeedRefreshed)
    assert (bbc_event.not_modified, bbc_event.new, bbc_event.edited) == (False, [], [])
    post_1 = {s.entry.key: s for s in store.entries(bbc_feed.id)}["1"]
    assert (post_1.entry.text, post_1.is_read) == (text(1, "changed"), True)  # stored quietly
    assert store.feed(bbc_feed.id).reader_version == f"{PARSER_VERSION}/bbc-{bbc.SPEC.version + 1}"

    assert last_request(loopback, "/guardian").get("if-none-match") == '"g"'
    assert isinstance(guardian_event, FeedRefreshed) and guardian_event.not_modified
    assert store.feed(guardian_feed.id).reader_version == guardian_reading


async def test_a_new_core_version_rereads_every_feed(
    loopback: LoopbackServer, service: Service, store: Store, monkeypatch: pytest.MonkeyPatch
):
    guardian_body = guardian_page([("2", text(2)), ("1", text(1))], pinned="1")
    urls = {
        "/bbc": loopback.route("/bbc", body=PAGE_A, etag='"b"'),
        "/guardian": loopback.route("/guardian", body=guardian_body, etag='"g"'),
    }
    feeds = [(await service.add_feed(url))[0] for url in urls.values()]

    monkeypatch.setattr(liveread.parse, "PARSER_VERSION", PARSER_VERSION + 1)
    events = [await service.refresh(store.feed(feed.id)) for feed in feeds]

    assert all(isinstance(e, FeedRefreshed) and not e.not_modified for e in events)
    assert not any("if-none-match" in last_request(loopback, path) for path in urls)
    readings = [store.feed(feed.id).reader_version or "" for feed in feeds]
    assert [reading.split("/")[0] for reading in readings] == [str(PARSER_VERSION + 1)] * 2


async def test_a_page_another_reader_reads_now_is_stored_quietly(
    loopback: LoopbackServer, service: Service, store: Store
):
    # Stored as the generic reader read it (say, before a spec knew the template): the
    # site spec's reading of the page is no edit by the site.
    url = loopback.route("/live", [Route(body=PAGE_A), Route(body=PAGE_B)])
    feed, _ = await service.add_feed(url)
    store.set_reader_version(feed.id, f"{PARSER_VERSION}/generic")

    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert (event.new, event.edited) == (["3"], [])
    assert store.feed(feed.id).reader_version == BBC_READING


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_demo_posts_and_correction_arrive_as_new_and_edited(service: Service, store: Store):
    with DemoServer(clock=FakeClock(), start_time=START, edit_after=3) as demo:
        feed, first = await service.add_feed(demo.url)
        assert len(first.new) == feed.total == len(demo.published)
        published = [demo.publish_next() for _ in range(3)]
        assert demo.edited == EDIT.post_id
        event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert sorted(event.new) == sorted(p.id for p in published if p is not None)
    assert event.edited == [EDIT.post_id]
    assert store.feed(feed.id).total == feed.total + 3


async def test_one_failing_feed_does_not_stop_the_others(
    loopback: LoopbackServer, service: Service, store: Store
):
    urls = [
        loopback.route(path, body=bbc_page([("1", text(1))], title=f"Feed {path}"))
        for path in ("/a", "/b", "/c")
    ]
    feeds = [(await service.add_feed(url))[0] for url in urls]
    loopback.route("/a", body=bbc_page([("2", text(2)), ("1", text(1))], title="Feed /a"))
    loopback.route("/b", status=500)
    recorder = Recorder()

    results = await service.refresh_all(listener=recorder)

    a, b, c = feeds
    assert results == [
        FeedRefreshed(a.id, "Feed /a", ["2"], []),
        FeedFailed(b.id, "Feed /b", "HTTP 500"),
        FeedRefreshed(c.id, "Feed /c", [], []),
    ]
    for feed, last in zip(feeds, results, strict=True):
        assert recorder.for_feed(feed.id) == [FeedStarted, type(last)]
        assert FeedStarted(feed.id, feed.label) in recorder.events
    assert recorder.events.index(results[1]) > recorder.events.index(FeedStarted(b.id, b.label))
    failed = store.feed(b.id)
    assert failed.last_error == "HTTP 500"
    # Times are kept to the second: a failure moves last_fetch_at, never last_ok_at.
    assert failed.last_fetch_at is not None
    assert failed.last_fetch_at >= b.last_fetch_at
    assert failed.last_ok_at == b.last_ok_at
    assert failed.total == 1
    assert store.feed(a.id).total == 2
    assert store.feed(a.id).last_error is None
    assert store.feed(c.id).last_error is None

    loopback.route("/b", body=bbc_page([("1", text(1))], title="Feed /b"))
    event = await service.refresh(failed)
    assert event == FeedRefreshed(b.id, "Feed /b", [], [])
    healed = store.feed(b.id)
    assert healed.last_error is None
    assert healed.last_ok_at is not None
    assert healed.last_ok_at >= b.last_ok_at


async def test_refresh_emits_started_then_result(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route("/live", body=PAGE_A)
    feed, _ = await service.add_feed(url)
    recorder = Recorder()
    event = await service.refresh(feed, recorder)
    assert recorder.events == [FeedStarted(feed.id, "Small live"), event]

    loopback.route("/live", status=404)
    recorder = Recorder()
    failed = await service.refresh(store.feed(feed.id), recorder)
    assert failed == FeedFailed(feed.id, "Small live", "HTTP 404")
    assert recorder.events == [FeedStarted(feed.id, "Small live"), failed]


async def test_refresh_of_a_removed_feed_fails_without_raising(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route("/live", body=PAGE_A)
    feed, _ = await service.add_feed(url)
    store.remove_feed(feed.id)
    loopback.route("/live", body=PAGE_B)
    event = await service.refresh(feed)
    assert isinstance(event, FeedFailed)
    assert event.reason == f"no feed #{feed.id}"


# -- older pages ------------------------------------------------------------------------------


async def test_first_fetch_follows_older_pages_and_stops_at_a_loop(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route(
        "/live", body=bbc_page([("6", text(6)), ("5", text(5))], next_href="/live/page/2")
    )
    loopback.route(
        "/live/page/2",
        body=bbc_page([("4", text(4)), ("3", text(3))], next_href="/live/page/3"),
    )
    loopback.route(  # links back to page 2: a loop
        "/live/page/3",
        body=bbc_page([("2", text(2)), ("1", text(1))], next_href="/live/page/2"),
    )
    feed, event = await service.add_feed(url)
    assert event.new == ["6", "5", "4", "3", "2", "1"]
    assert feed.total == 6
    assert [loopback.hits(p) for p in ("/live", "/live/page/2", "/live/page/3")] == [1, 1, 1]

    # Later refreshes read the first page only.
    await service.refresh(store.feed(feed.id))
    assert [loopback.hits(p) for p in ("/live", "/live/page/2", "/live/page/3")] == [2, 1, 1]


async def test_older_pages_are_bounded(loopback: LoopbackServer, service: Service):
    def page(n: int) -> str:
        return bbc_page([(str(100 - n), text(n))], next_href=f"/chain/{n + 1}")

    url = loopback.route("/chain/0", body=page(0))
    for n in range(1, MAX_OLDER_PAGES + 5):
        loopback.route(f"/chain/{n}", body=page(n))
    feed, _ = await service.add_feed(url)
    assert feed.total == 1 + MAX_OLDER_PAGES
    hits = [loopback.hits(f"/chain/{n}") for n in range(MAX_OLDER_PAGES + 5)]
    assert hits == [1] * (1 + MAX_OLDER_PAGES) + [0] * 4


async def test_failing_older_page_ends_the_walk_not_the_feed(
    loopback: LoopbackServer, service: Service
):
    url = loopback.route("/live", body=bbc_page([("2", text(2))], next_href="/live/page/2"))
    loopback.route("/live/page/2", status=404)
    loopback.route("/live/page/3", body=bbc_page([("1", text(1))]))
    feed, event = await service.add_feed(url)
    assert event.new == ["2"]
    assert feed.last_error is None
    assert loopback.hits("/live/page/2") == 1


async def test_guardian_next_link_is_followed(
    loopback: LoopbackServer,
    service: Service,
    store: Store,
    real_page: Callable[[str], bytes],
):
    html = real_page("guardian")
    url = loopback.route("/world/live/2023/may/15/russia-ukraine", body=html)
    first = parse(html, url)
    assert len(first.older_pages) == 1
    older = urlsplit(first.older_pages[0])
    older_path = f"{older.path}?{older.query}"
    assert older.query.startswith("page=with:block-")
    loopback.route(older_path, body=bbc_page([("older-1", text(1)), ("older-2", text(2))]))

    feed, event = await service.add_feed(url)

    assert loopback.hits(older_path) == 1
    assert event.new == [e.key for e in first.entries] + ["older-1", "older-2"]
    assert feed.total == len(first.entries) + 2
    assert feed.title == first.title


async def test_a_refresh_that_finds_the_first_page_all_new_reads_back_to_known_posts(
    loopback: LoopbackServer, service: Service, store: Store
):
    """More posts came while liveread was closed than the first page holds: the ones pushed
    onto older pages are fetched too, down to the first page that shows a stored post."""
    url = loopback.route(
        "/live",
        [
            Route(body=bbc_page([("2", text(2)), ("1", text(1))])),
            Route(body=bbc_page([("8", text(8)), ("7", text(7))], next_href="/live/page/2")),
        ],
    )
    older = {
        2: [("6", text(6)), ("5", text(5))],
        3: [("4", text(4)), ("3", text(3))],
        4: [("2", text(2)), ("1", text(1))],
        5: [("0", text(0))],
    }
    for n, posts in older.items():
        loopback.route(f"/live/page/{n}", body=bbc_page(posts, next_href=f"/live/page/{n + 1}"))
    feed, _ = await service.add_feed(url)
    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert (event.new, event.edited) == (["8", "7", "6", "5", "4", "3"], [])
    # Page 4 shows stored posts: the walk ends there.
    assert [loopback.hits(f"/live/page/{n}") for n in older] == [1, 1, 1, 0]
    assert store.feed(feed.id).total == 8


def guardian_page(posts: list[tuple[str, str]], *, pinned: str, next_href: str = "") -> str:
    """A small page in the Guardian's markup: `posts` are (id, text), newest first; the post
    `pinned` is shown again above them, as the Guardian pins an old post to the top."""

    def block(ident: str, body: str, *, copy: bool = False) -> str:
        when = (START + timedelta(minutes=int(ident))).isoformat()
        anchor = "" if copy else f' id="block-{ident}"'
        return (
            f'<article class="block"{anchor}><header>'
            f'<a href="/live?page=with:block-{ident}#block-{ident}">{ident}</a>'
            f'<time datetime="{when}"></time></header><p>{body}</p></article>'
        )

    link = f'<a href="{next_href}">Next</a>' if next_href else ""
    return (
        "<!doctype html><html><head><title>Small live</title></head><body>"
        f'<div id="pinned-post">{block(pinned, text(int(pinned)), copy=True)}</div>'
        f'<div id="liveblog-body">{"".join(block(i, t) for i, t in posts)}</div>'
        f'<div id="liveblog-navigation">{link}</div></body></html>'
    )


async def test_an_old_pinned_post_on_the_first_page_does_not_hide_posts_pushed_off_it(
    loopback: LoopbackServer, service: Service, store: Store
):
    older = "/live?page=with:block-4"
    url = loopback.route(
        "/live",
        [
            Route(body=guardian_page([("2", text(2)), ("1", text(1))], pinned="1")),
            Route(
                body=guardian_page([("6", text(6)), ("5", text(5))], pinned="1", next_href=older)
            ),
        ],
    )
    loopback.route(
        older,
        body=guardian_page([("4", text(4)), ("3", text(3)), ("2", text(2))], pinned="1"),
    )
    feed, _ = await service.add_feed(url)
    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert event.new == ["6", "5", "4", "3"]
    assert loopback.hits(older) == 1


# -- is_due -----------------------------------------------------------------------------------

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
BASE = Feed(
    id=1,
    url="https://example.org/live",
    title="Live",
    added_at=T0,
    last_fetch_at=T0,
    last_ok_at=T0,
    last_error=None,
    etag=None,
    last_modified=None,
    is_live=True,
    unread=0,
    total=3,
)


@pytest.mark.parametrize(
    ("changes", "due_after"),
    [
        pytest.param({}, 60, id="live"),
        pytest.param({"is_live": None}, 60, id="unknown"),
        pytest.param({"last_error": "HTTP 500"}, 120, id="failing"),
    ],
)
def test_a_feed_with_no_schedule_yet_is_due_by_the_base_interval(
    changes: dict[str, object], due_after: int
):
    feed = BASE._replace(**changes)
    assert not is_due(feed, 60, T0)
    assert not is_due(feed, 60, T0 + timedelta(seconds=due_after - 1))
    assert is_due(feed, 60, T0 + timedelta(seconds=due_after))
    assert is_due(feed, 60, T0 + timedelta(days=1))


def test_an_ended_feed_with_no_schedule_is_never_due():
    feed = BASE._replace(is_live=False)
    assert not is_due(feed, 60, T0 + timedelta(days=30))


@pytest.mark.parametrize("reason", ["arriving", "quiet", "set", "server", "error"])
def test_a_scheduled_feed_is_due_from_its_next_fetch_on(reason: str):
    # The schedule, not the base interval, decides: 45 s here against a base of 600 s.
    feed = BASE._replace(next_fetch_at=T0 + timedelta(seconds=45), poll_reason=reason)
    assert not is_due(feed, 600, T0 + timedelta(seconds=44))
    assert is_due(feed, 600, T0 + timedelta(seconds=45))


def test_a_feed_whose_polling_stopped_is_never_due():
    feed = BASE._replace(poll_reason="ended", is_live=True)
    assert not is_due(feed, 60, T0 + timedelta(days=30))


def test_never_fetched_feed_is_due_at_once():
    feed = BASE._replace(last_fetch_at=None, last_ok_at=None, is_live=False)
    assert is_due(feed, 3600, T0)
