"""Polling that follows the story, end to end: pages served on the loopback server, parsed
and stored in a real SQLite file, each feed's next fetch scheduled at an injected time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from liveread.config import Config
from liveread.core import Core
from liveread.demo import DemoServer
from liveread.demo.content import BLOG, DemoPost
from liveread.demo.render import PublishedPost, render_page
from liveread.fetch import FetchConfig, Fetcher
from liveread.schedule import Rhythm
from liveread.service import FeedFailed, Service
from liveread.store import Feed, Store
from loopback import LoopbackServer, Route
from test_service import bbc_page, text

FAST = FetchConfig(connect_timeout=1.0, read_timeout=1.0, retries=0)
T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
RHYTHM = Rhythm(base=120.0, floor=30.0, ceiling=1800.0)


class Clock:
    """The service's "now", moved by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> datetime:
        self.at += timedelta(**delta)
        return self.at


def page(url: str, *minutes: float, ended: bool = False) -> str:
    """A live blog whose posts went up `minutes` after T0 (negative: before), through the
    demo's renderer (JSON-LD and articles, as real sites serve them); `ended` gives it a
    coverageEndTime after its last post."""
    posts = []
    for n, minute in enumerate(sorted(minutes)):
        at = T0 + timedelta(minutes=minute)
        body = f"<p>Update {n}: the leaders pass marker {n} on the harbour course.</p>"
        demo = DemoPost(id=f"p{n}", title=f"Update {n}", author="Ines", body=body, minute=0)
        posts.append(PublishedPost(demo, body, at, at))
    start = T0 + timedelta(minutes=min(minutes))
    end = max(p.published for p in posts) if ended else None
    return render_page(BLOG, posts, url, coverage_start=start, coverage_end=end)


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "liveread.db") as opened:
        yield opened


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
async def service(store: Store, clock: Clock) -> AsyncIterator[Service]:
    async with Fetcher(FAST) as fetcher:
        opened = Service(store, fetcher, processes=0, rhythm=RHYTHM, clock=clock)
        try:
            yield opened
        finally:
            await opened.aclose()


def waits(feed: Feed, at: datetime) -> float:
    assert feed.next_fetch_at is not None
    return (feed.next_fetch_at - at).total_seconds()


async def test_a_feed_is_polled_faster_while_posts_arrive_and_slower_as_it_goes_quiet(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/live")
    loopback.route("/live", body=page(url, -30, -20, -10))
    feed, _ = await service.add_feed(url)
    # A post every ten minutes, the last ten minutes ago: at the base.
    assert (feed.poll_reason, waits(feed, T0)) == ("arriving", 120.0)

    # Four posts in two minutes: as fast as the floor allows.
    loopback.route("/live", body=page(url, -30, -20, -10, 0.5, 1, 1.5, 2))
    at = clock.advance(minutes=2)
    await service.refresh(store.feed(feed.id))
    fast = store.feed(feed.id)
    assert (fast.total, fast.poll_reason, waits(fast, at)) == (7, "arriving", 30.0)

    # Then nothing for 40 minutes, and nothing for two hours: slower and slower.
    at = clock.advance(minutes=40)
    await service.refresh(store.feed(feed.id))
    quiet = store.feed(feed.id)
    assert (quiet.poll_reason, waits(quiet, at)) == ("quiet", 600.0)
    at = clock.advance(minutes=80)
    await service.refresh(store.feed(feed.id))
    quieter = store.feed(feed.id)
    assert (quieter.poll_reason, waits(quieter, at)) == ("quiet", 1800.0)
    assert loopback.hits("/live") == 4


async def test_an_ended_blog_is_not_fetched_again_by_a_refresh_of_due_feeds(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/over")
    loopback.route("/over", body=page(url, -50, -40, -30, ended=True))
    ended, _ = await service.add_feed(url)
    assert (ended.is_live, ended.poll_reason, ended.next_fetch_at) == (False, "ended", None)
    live_url = loopback.url("/live")
    loopback.route("/live", body=page(live_url, -3, -2, -1))
    live, _ = await service.add_feed(live_url)

    core = Core(store, Config(refresh_interval=120.0))
    due = core.due(at=clock.advance(days=3))
    assert [feed.id for feed in due] == [live.id]
    await service.refresh_all(due)
    assert (loopback.hits("/over"), loopback.hits("/live")) == (1, 2)

    # A manual refresh still fetches it; a page live again resumes its polling.
    loopback.route("/over", body=page(url, -50, -40, -30, 3 * 24 * 60))
    await service.refresh(store.feed(ended.id))
    resumed = store.feed(ended.id)
    assert loopback.hits("/over") == 2
    assert (resumed.is_live, resumed.poll_reason) == (True, "arriving")
    assert resumed.next_fetch_at == clock.at + timedelta(seconds=120)


async def test_a_blog_with_no_post_for_a_day_stops_being_polled(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/live")
    loopback.route("/live", body=page(url, -20, -10))
    feed, _ = await service.add_feed(url)
    clock.advance(hours=25)
    await service.refresh(store.feed(feed.id))
    stopped = store.feed(feed.id)
    assert (stopped.poll_reason, stopped.next_fetch_at) == ("ended", None)
    assert not Core(store).due(at=clock.advance(days=1))


def generic_page(*minutes: float, closing: str = "") -> str:
    """A live blog with no structured data, its posts timed `minutes` after T0 (negative:
    before), newest first; `closing` opens the newest post."""
    posts = []
    for n, minute in enumerate(sorted(minutes)):
        at = (T0 + timedelta(minutes=minute)).isoformat()
        text = f"Update {n}: the leaders pass marker {n} on the harbour course."
        if closing and n == len(minutes) - 1:
            text = closing
        posts.append(
            f"<article class='update' id='u{n}'><time datetime='{at}'>{at[11:16]}</time>"
            f"<p>{text}</p><p>The fleet is stretched along the bay, the wind steady.</p></article>"
        )
    return (
        "<html lang='en'><head><title>Harbour race: live</title></head><body><main>"
        f"{''.join(reversed(posts))}</main></body></html>"
    )


async def test_a_blog_whose_newest_post_says_it_has_ended_stops_being_polled(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/live")
    loopback.route("/live", body=generic_page(-30, -20, -10))
    feed, _ = await service.add_feed(url)
    assert (feed.is_live, feed.poll_reason) == (None, "arriving")

    closing = "That's all from us: this live blog is now closed. Thanks for following."
    loopback.route("/live", body=generic_page(-30, -20, -10, 1, closing=closing))
    clock.advance(minutes=2)
    await service.refresh(store.feed(feed.id))
    ended = store.feed(feed.id)
    assert store.entries(ended.id)[0].entry.text.startswith("That's all from us")
    assert (ended.is_live, ended.poll_reason, ended.next_fetch_at) == (False, "ended", None)
    assert not Core(store).due(at=clock.advance(hours=1))
    assert loopback.hits("/live") == 2


@pytest.mark.parametrize(
    ("route", "reason", "expected"),
    [
        pytest.param(
            Route(status=429, headers={"Retry-After": "900"}), "server", 900.0, id="429-after"
        ),
        pytest.param(Route(status=429), "server", 240.0, id="429-backs-off"),
        pytest.param(
            Route(status=503, headers={"Retry-After": "3600"}), "server", 3600.0, id="503-after"
        ),
        pytest.param(Route(status=500), "error", 240.0, id="500"),
    ],
)
async def test_a_refused_fetch_pushes_the_next_one_back(
    loopback: LoopbackServer,
    service: Service,
    store: Store,
    clock: Clock,
    route: Route,
    reason: str,
    expected: float,
):
    url = loopback.url("/live")
    loopback.route("/live", body=page(url, -3, -2, -1))
    feed, _ = await service.add_feed(url)
    assert waits(feed, T0) == 30.0
    loopback.route("/live", route)
    at = clock.advance(minutes=1)
    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedFailed)
    pushed = store.feed(feed.id)
    assert (pushed.poll_reason, waits(pushed, at)) == (reason, expected)
    assert not Core(store, Config(refresh_interval=120.0)).due(at=at + timedelta(seconds=239))


async def test_cache_control_max_age_pushes_the_next_fetch_back(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/live")
    body = page(url, -3, -2, -1)
    loopback.route("/live", body=body, headers={"Cache-Control": "max-age=300"})
    feed, _ = await service.add_feed(url)
    assert (feed.poll_reason, waits(feed, T0)) == ("server", 300.0)


async def test_a_not_modified_answer_is_scheduled_too(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/live")
    loopback.route("/live", body=page(url, -3, -2, -1), etag='"v1"')
    feed, _ = await service.add_feed(url)
    at = clock.advance(minutes=30)
    event = await service.refresh(store.feed(feed.id))
    assert not isinstance(event, FeedFailed) and event.not_modified
    quiet = store.feed(feed.id)
    assert (quiet.poll_reason, waits(quiet, at)) == ("quiet", 31 * 60 / 4)


async def test_a_set_interval_is_honoured_exactly(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    url = loopback.url("/live")
    loopback.route("/live", body=page(url, -3, -2, -1))
    feed, _ = await service.add_feed(url)
    core = Core(store, Config(refresh_interval=120.0))
    core.set_interval(feed, 300.0)
    assert waits(store.feed(feed.id), T0) == 300.0
    assert not core.due(at=T0 + timedelta(seconds=299))
    assert core.due(at=T0 + timedelta(seconds=300))

    # Posts arriving fast do not change it, refreshed through a record read before it was set.
    loopback.route("/live", body=page(url, -3, -2, -1, 4, 4.5, 5))
    at = clock.advance(minutes=5)
    await service.refresh(feed)
    kept = store.feed(feed.id)
    assert (kept.poll_reason, kept.user_interval, waits(kept, at)) == ("set", 300.0, 300.0)

    core.set_interval(kept, None)
    auto = store.feed(feed.id)
    assert (auto.user_interval, auto.next_fetch_at) == (None, None)
    await service.refresh(auto)
    assert store.feed(feed.id).poll_reason == "arriving"


async def test_an_interval_in_the_config_is_honoured_and_liveread_set_wins(
    loopback: LoopbackServer, store: Store, clock: Clock
):
    url = loopback.url("/live")
    loopback.route("/live", body=page(url, -3, -2, -1, 4, 4.5, 5))  # posts arriving fast
    async with Fetcher(FAST) as fetcher:
        configured = Service(
            store, fetcher, processes=0, rhythm=RHYTHM, clock=clock, intervals={url: 600.0}
        )
        try:
            feed, _ = await configured.add_feed(url)
            first = store.feed(feed.id)
            assert (first.poll_reason, waits(first, T0)) == ("set", 600.0)
            Core(store, Config()).set_interval(first, 300.0)
            at = clock.advance(minutes=5)
            await configured.refresh(store.feed(feed.id))
            assert waits(store.feed(feed.id), at) == 300.0
        finally:
            await configured.aclose()


def test_an_interval_below_the_floor_is_refused(store: Store):
    feed = store.add_feed("https://example.org/live")
    core = Core(store, Config(min_interval=45.0))
    with pytest.raises(ValueError, match="at least 45 s"):
        core.set_interval(feed, 44.0)
    assert store.feed(feed.id).user_interval is None


async def test_the_demo_blog_stops_being_polled_when_its_coverage_ends(
    service: Service, store: Store, clock: Clock
):
    ticks = [0.0]
    with DemoServer(interval=5.0, clock=lambda: ticks[0], start_time=T0) as demo:
        feed, _ = await service.add_feed(demo.url)
        assert (feed.is_live, feed.poll_reason) == (True, "arriving")
        ticks[0] += 1000.0  # every post is up, the last saying the coverage has ended
        clock.advance(seconds=1000)
        await service.refresh(store.feed(feed.id))
    ended = store.feed(feed.id)
    assert (ended.is_live, ended.poll_reason, ended.next_fetch_at) == (False, "ended", None)
    newest = store.entries(ended.id)[0].entry
    assert "where we will leave our live coverage" in newest.text
    assert not Core(store).due(at=clock.advance(hours=1))


async def test_an_unchanged_page_of_undated_posts_goes_quiet(
    loopback: LoopbackServer, service: Service, store: Store, clock: Clock
):
    # Posts with no time of their own are dated by when they were first seen: the same page
    # fetched again later shows nothing new, so the blog has gone quiet, not busy.
    url = loopback.route("/live", body=bbc_page([(str(n), text(n)) for n in (3, 2, 1)]))
    feed, _ = await service.add_feed(url)
    assert feed.poll_reason == "arriving"

    clock.advance(minutes=40)
    await service.refresh(store.feed(feed.id))
    assert store.feed(feed.id).poll_reason == "quiet"

    # A new undated post arrives when it is first seen.
    loopback.route("/live", body=bbc_page([(str(n), text(n)) for n in (4, 3, 2, 1)]))
    clock.advance(minutes=40)
    await service.refresh(store.feed(feed.id))
    assert (store.feed(feed.id).total, store.feed(feed.id).poll_reason) == (4, "arriving")
