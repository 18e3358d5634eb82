"""Sources: RSS, Atom and JSON Feed addresses whose live blogs liveread follows, through real
sockets (the loopback server) and a real SQLite file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest

from liveread import sources
from liveread.fetch import FetchConfig, Fetcher
from liveread.schedule import SOURCE_SECONDS, Reason
from liveread.service import FeedFailed, FeedRefreshed, Service, ServiceError, is_due
from liveread.sources import compile_pattern
from liveread.store import Feed, Store
from loopback import LoopbackServer, Route
from test_service import NOT_LIVE, bbc_page, text
from test_service_schedule import page as demo_page

FAST = FetchConfig(connect_timeout=1.0, read_timeout=1.0, retries=0)
START = datetime(2026, 4, 26, 11, 0, tzinfo=UTC)
ARTICLE = NOT_LIVE

Item = tuple[str, str, list[str]]
"""(title, address, categories), newest first."""


def published(index: int) -> datetime:
    return START - timedelta(hours=index)


def rss(items: list[Item], title: str = "World news") -> str:
    entries = "".join(
        f"<item><title>{escape(name)}</title><link>{escape(url)}</link>"
        f"<pubDate>{format_datetime(published(i))}</pubDate>"
        + "".join(f"<category>{escape(c)}</category>" for c in categories)
        + "</item>"
        for i, (name, url, categories) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://example.com/</link>{entries}"
        "</channel></rss>"
    )


def atom(items: list[Item], title: str = "World news") -> str:
    entries = "".join(
        f"<entry><title>{escape(name)}</title><id>tag:example.com,2026:{i}</id>"
        f'<link rel="alternate" href="{escape(url)}"/>'
        f"<updated>{published(i).isoformat()}</updated>"
        + "".join(f'<category term="{escape(c)}"/>' for c in categories)
        + "</entry>"
        for i, (name, url, categories) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>tag:example.com,2026:feed</id>"
        f"<updated>{START.isoformat()}</updated>{entries}</feed>"
    )


def json_feed(items: list[Item], title: str = "World news") -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "items": [
                {
                    "id": str(i),
                    "url": url,
                    "title": name,
                    "date_published": published(i).isoformat(),
                    "tags": categories,
                }
                for i, (name, url, categories) in enumerate(items)
            ],
        }
    )


FORMATS: dict[str, tuple[Callable[[list[Item]], str], str]] = {
    "rss": (rss, "application/rss+xml"),
    "atom": (atom, "application/atom+xml; charset=utf-8"),
    "json-feed": (json_feed, "application/feed+json"),
}


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "data" / "liveread.db") as s:
        yield s


@pytest.fixture
async def service(store: Store) -> AsyncIterator[Service]:
    async with Fetcher(FAST) as fetcher:
        opened = Service(store, fetcher, clock=lambda: START)
        try:
            yield opened
        finally:
            await opened.aclose()


def live_page(name: str) -> str:
    return bbc_page([("2", text(2, name)), ("1", text(1, name))], title=f"{name} live")


def blogs_of(store: Store, source: Feed) -> dict[str, Feed]:
    return {feed.url: feed for feed in store.feeds() if feed.source_id == source.id}


@pytest.mark.parametrize("fmt", list(FORMATS))
async def test_a_source_leads_to_the_live_blog_it_announces(
    loopback: LoopbackServer, service: Service, store: Store, fmt: str
):
    build, content_type = FORMATS[fmt]
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    article = loopback.route("/news/budget", body=ARTICLE)
    items = [("Harbour strike: live updates", blog, []), ("Budget explained", article, [])]
    url = loopback.route("/feed", body=build(items), content_type=content_type)

    source, event = await service.add_feed(url)

    assert (source.kind, source.title, source.total) == ("source", "World news", 0)
    found = blogs_of(store, source)
    assert list(found) == [blog]
    followed = found[blog]
    assert (followed.title, followed.total, followed.kind) == ("Strike live", 2, "blog")
    assert followed.source_title == "World news"
    assert [s.entry.text for s in store.entries(followed.id)] == [
        text(2, "Strike"),
        text(1, "Strike"),
    ]
    assert event == FeedRefreshed(source.id, "World news", found=[followed.id], source=True)
    assert source.blogs_found == 1
    # The article was looked at (the newest items that do not match are) and not followed.
    assert loopback.hits("/news/budget") == 1
    # Its next fetch is the source's own interval, not a blog's rhythm.
    assert source.poll_reason == Reason.SOURCE
    assert source.next_fetch_at == START + timedelta(seconds=SOURCE_SECONDS)


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        pytest.param({"Cache-Control": "max-age=1500"}, 1500, id="max-age"),
        pytest.param({"Retry-After": "7200"}, 7200, id="retry-after"),
    ],
)
async def test_a_sources_server_can_push_its_next_fetch_back(
    loopback: LoopbackServer, service: Service, store: Store, headers: dict[str, str], wait: int
):
    url = loopback.route("/feed", body=rss([]), content_type="application/rss+xml", headers=headers)
    source, _ = await service.add_feed(url)
    assert source.poll_reason == Reason.SERVER
    assert source.next_fetch_at == START + timedelta(seconds=wait)
    assert source.poll_interval == SOURCE_SECONDS  # the source's own pace, pushed later


async def test_a_source_refused_with_429_backs_off(
    loopback: LoopbackServer, service: Service, store: Store
):
    url = loopback.route(
        "/feed",
        [
            Route(body=rss([]), content_type="application/rss+xml"),
            Route(status=429, body="slow down"),
        ],
    )
    source, _ = await service.add_feed(url)
    event = await service.refresh(store.feed(source.id))
    backed_off = store.feed(source.id)
    assert isinstance(event, FeedFailed) and backed_off.poll_reason == Reason.SERVER
    assert backed_off.next_fetch_at == START + timedelta(seconds=2 * SOURCE_SECONDS)


@pytest.mark.parametrize(
    "content_type",
    ["application/xml", "text/xml; charset=utf-8", "text/html; charset=utf-8", None],
)
async def test_a_feed_served_as_plain_xml_or_mislabelled_is_known_by_its_first_bytes(
    loopback: LoopbackServer, service: Service, store: Store, content_type: str | None
):
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    url = loopback.route("/feed", body=rss([("Strike live", blog, [])]), content_type=content_type)

    source, _ = await service.add_feed(url)

    assert source.is_source
    assert list(blogs_of(store, source)) == [blog]


async def test_a_refresh_follows_blogs_announced_since_and_looks_at_each_item_once(
    loopback: LoopbackServer, service: Service, store: Store
):
    first = loopback.route("/live/strike", body=live_page("Strike"))
    second = loopback.route("/live/storm", body=live_page("Storm"))
    article = loopback.route("/news/budget", body=ARTICLE)
    before = [("Strike live", first, []), ("Budget explained", article, [])]
    after = [("Storm: latest updates", second, []), *before]
    url = loopback.route(
        "/feed",
        [
            Route(body=rss(before), content_type="application/rss+xml"),
            Route(body=rss(after), content_type="application/rss+xml"),
        ],
    )
    source, _ = await service.add_feed(url)

    event = await service.refresh(store.feed(source.id))

    assert isinstance(event, FeedRefreshed)
    storm = blogs_of(store, source)[second]
    assert event.found == [storm.id]
    assert storm.total == 2
    assert set(blogs_of(store, source)) == {first, second}
    assert store.feed(source.id).blogs_found == 2
    # The blog found at first and the article were not fetched again by the source.
    assert (loopback.hits("/live/strike"), loopback.hits("/news/budget")) == (1, 1)


async def test_items_that_do_not_say_live_are_checked_a_few_at_a_time_newest_first(
    loopback: LoopbackServer, service: Service, store: Store
):
    pages = [loopback.route(f"/story/{n}", body=live_page(f"Story{n}")) for n in range(5)]
    items = [(f"Story {n}", page, []) for n, page in enumerate(pages)]
    url = loopback.route("/feed", body=rss(items), content_type="application/rss+xml")

    source, event = await service.add_feed(url)

    assert set(blogs_of(store, source)) == set(pages[: sources.MAX_CHECKS])
    assert [loopback.hits(f"/story/{n}") for n in range(5)] == [1, 1, 1, 0, 0]
    assert len(event.found) == sources.MAX_CHECKS

    await service.refresh(store.feed(source.id))

    assert set(blogs_of(store, source)) == set(pages)
    assert [loopback.hits(f"/story/{n}") for n in range(5)] == [1, 1, 1, 1, 1]


async def test_a_category_that_says_live_marks_an_item_beyond_the_few_checked(
    loopback: LoopbackServer, service: Service, store: Store
):
    articles = [loopback.route(f"/news/{n}", body=ARTICLE) for n in range(sources.MAX_CHECKS)]
    blog = loopback.route("/2026/strike", body=live_page("Strike"))
    items: list[Item] = [(f"Report {n}", page, []) for n, page in enumerate(articles)]
    items.append(("Harbour strike", blog, ["Politics", "Live"]))
    url = loopback.route("/feed", body=rss(items), content_type="application/rss+xml")

    source, _ = await service.add_feed(url)

    assert list(blogs_of(store, source)) == [blog]
    assert all(loopback.hits(f"/news/{n}") == 1 for n in range(sources.MAX_CHECKS))


async def test_an_article_whose_title_says_live_is_not_followed(
    loopback: LoopbackServer, service: Service, store: Store
):
    article = loopback.route("/news/venue", body=ARTICLE)
    url = loopback.route(
        "/feed",
        body=rss([("Live music venue to close", article, [])]),
        content_type="application/rss+xml",
    )

    source, event = await service.add_feed(url)

    assert event.found == []
    assert [feed.id for feed in store.feeds()] == [source.id]
    await service.refresh(store.feed(source.id))
    assert loopback.hits("/news/venue") == 1  # looked at once


async def test_the_pattern_is_the_services_to_set(loopback: LoopbackServer, store: Store):
    ticker = loopback.route("/ticker", body=live_page("Ticker"))
    articles = [loopback.route(f"/news/{n}", body=ARTICLE) for n in range(sources.MAX_CHECKS)]
    items: list[Item] = [(f"Report {n}", page, []) for n, page in enumerate(articles)]
    items.append(("Neuigkeiten im Ticker", ticker, []))
    url = loopback.route("/feed", body=rss(items), content_type="application/rss+xml")
    async with Fetcher(FAST) as fetcher:
        service = Service(store, fetcher, source_pattern=compile_pattern("nothing matches"))
        source, _ = await service.add_feed(url)
        await service.aclose()

    assert blogs_of(store, source) == {}
    assert loopback.hits("/ticker") == 0


async def test_a_blog_followed_already_is_not_followed_twice(
    loopback: LoopbackServer, service: Service, store: Store
):
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    mine, _ = await service.add_feed(blog)
    url = loopback.route(
        "/feed", body=rss([("Strike live", blog, [])]), content_type="application/rss+xml"
    )

    source, event = await service.add_feed(url)

    assert event.found == []
    assert [feed.id for feed in store.feeds()] == [mine.id, source.id]
    assert store.feed(mine.id).source_id is None


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        ("<rss><channel><title>Broken", "application/rss+xml", "not a readable feed"),
        (
            '{"version": "https://jsonfeed.org/version/1.1", "items": [',
            "application/feed+json",
            "not a readable feed (JSON",
        ),
        ('{"title": "no version"}', "application/feed+json", "not a readable feed (JSON"),
    ],
)
async def test_a_broken_feed_is_refused_with_a_reason(
    loopback: LoopbackServer,
    service: Service,
    store: Store,
    body: str,
    content_type: str,
    reason: str,
):
    url = loopback.route("/feed", body=body, content_type=content_type)

    with pytest.raises(ServiceError) as info:
        await service.add_feed(url)

    assert str(info.value).startswith(f"{url}: {reason}")
    assert store.feeds() == []


async def test_a_source_whose_feed_breaks_fails_its_refresh_and_keeps_its_blogs(
    loopback: LoopbackServer, service: Service, store: Store
):
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    good = Route(body=rss([("Strike live", blog, [])]), content_type="application/rss+xml")
    url = loopback.route("/feed", [good, Route(body="<rss><channel><title>Bro")])
    source, _ = await service.add_feed(url)

    event = await service.refresh(store.feed(source.id))

    assert isinstance(event, FeedFailed)
    assert event.reason.startswith("not a readable feed")
    assert store.feed(source.id).last_error == event.reason
    assert list(blogs_of(store, source)) == [blog]


async def test_an_address_imported_unfetched_becomes_a_source_at_its_first_refresh(
    loopback: LoopbackServer, service: Service, store: Store
):
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    url = loopback.route(
        "/feed", body=atom([("Strike live", blog, [])]), content_type="application/atom+xml"
    )
    (imported,), _ = store.add_feeds([(url, "Imported title", None)])

    [event] = await service.refresh_all()

    assert isinstance(event, FeedRefreshed) and event.source
    source = store.feed(imported.id)
    assert (source.kind, source.title, source.total) == ("source", "World news", 0)
    assert list(blogs_of(store, source)) == [blog]


async def test_removing_a_source_keeps_the_blogs_it_found(
    loopback: LoopbackServer, service: Service, store: Store
):
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    url = loopback.route(
        "/feed", body=rss([("Strike live", blog, [])]), content_type="application/rss+xml"
    )
    source, _ = await service.add_feed(url)

    store.remove_feed(source.id)

    [kept] = store.feeds()
    assert (kept.url, kept.total, kept.source_id, kept.source_title) == (blog, 2, None, None)


async def test_a_found_blog_that_has_ended_is_no_longer_fetched_and_keeps_its_posts(
    loopback: LoopbackServer, service: Service, store: Store
):
    blog = loopback.url("/live/over")
    loopback.route("/live/over", body=demo_page(blog, -30, -20, -10, ended=True))
    url = loopback.route(
        "/feed", body=rss([("Race: as it happened", blog, [])]), content_type="application/rss+xml"
    )

    source, _ = await service.add_feed(url)

    [found] = blogs_of(store, source).values()
    assert (found.is_live, found.poll_reason, found.total) == (False, Reason.ENDED, 3)
    later = START + timedelta(days=1)
    assert not is_due(found, 60, later)
    assert is_due(store.feed(source.id), 60, later)  # the source itself goes on
    await service.refresh_all([feed for feed in store.feeds() if is_due(feed, 60, later)])
    assert loopback.hits("/live/over") == 1
    assert store.feed(found.id).total == 3


async def test_an_item_that_is_gone_is_looked_at_once_and_one_that_failed_again(
    loopback: LoopbackServer, service: Service, store: Store
):
    failing = loopback.route("/live/busy", [Route(status=503), Route(body=live_page("Busy"))])
    gone = loopback.url("/live/gone")  # 404
    items: list[Item] = [("Busy live", failing, []), ("Gone live", gone, [])]
    url = loopback.route("/feed", body=rss(items), content_type="application/rss+xml")
    source, event = await service.add_feed(url)
    assert event.found == []

    again = await service.refresh(store.feed(source.id))

    assert isinstance(again, FeedRefreshed)
    assert list(blogs_of(store, source)) == [failing]
    assert (loopback.hits("/live/busy"), loopback.hits("/live/gone")) == (2, 1)


async def test_a_json_feed_served_as_plain_json_is_a_source_and_other_json_or_xml_is_refused(
    loopback: LoopbackServer, service: Service, store: Store
):
    blog = loopback.route("/live/strike", body=live_page("Strike"))
    url = loopback.route(
        "/feed.json", body=json_feed([("Strike live", blog, [])]), content_type="application/json"
    )
    source, _ = await service.add_feed(url)
    assert list(blogs_of(store, source)) == [blog]

    sitemap = loopback.route(
        "/sitemap.xml",
        body='<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>',
        content_type="application/xml",
    )
    with pytest.raises(ServiceError) as info:
        await service.add_feed(sitemap)
    assert str(info.value) == f"{sitemap}: not an HTML page or feed (application/xml)"
