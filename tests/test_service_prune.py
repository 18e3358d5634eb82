"""Pruning after a refresh: through real sockets (the loopback server) into a real SQLite file,
with the refresh's clock fixed (`service.now`), never waited on."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from liveread import service as service_module
from liveread.fetch import FetchConfig, Fetcher
from liveread.service import FeedRefreshed, Service
from liveread.store import PruneRule, Store
from loopback import LoopbackServer, Route
from test_service import bbc_page, text

FAST = FetchConfig(connect_timeout=1.0, read_timeout=1.0, retries=0)
START = datetime(2026, 4, 26, 11, 0, tzinfo=UTC)


def page(*numbers: int) -> str:
    return bbc_page([(str(n), text(n)) for n in numbers])


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock()
    monkeypatch.setattr(service_module, "now", fixed)
    return fixed


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "liveread.db") as s:
        yield s


async def open_service(store: Store, rule: PruneRule) -> AsyncIterator[Service]:
    async with Fetcher(FAST) as fetcher:
        opened = Service(store, fetcher, processes=0, prune_rule=rule)
        try:
            yield opened
        finally:
            await opened.aclose()


def keys(store: Store, feed_id: int) -> list[str]:
    return [stored.entry.key for stored in store.entries(feed_id)]


async def test_a_refresh_prunes_beyond_the_newest_but_never_what_the_page_shows(
    loopback: LoopbackServer, store: Store, clock: Clock
):
    pages = [page(3, 2, 1), page(4, 3, 2, 1), page(6, 5), page(6, 5)]
    url = loopback.route("/live", [Route(body=body) for body in pages])
    async for service in open_service(store, PruneRule(max_posts=2)):
        feed, added = await service.add_feed(url)
        assert added.pruned == 0 and keys(store, feed.id) == ["3", "2", "1"]  # all on the page

        clock.at += timedelta(minutes=1)  # undated posts are listed by when first seen
        first = await service.refresh(store.feed(feed.id))
        assert isinstance(first, FeedRefreshed)
        assert (first.new, first.pruned) == (["4"], 0)

        clock.at += timedelta(minutes=1)
        second = await service.refresh(store.feed(feed.id))
        assert isinstance(second, FeedRefreshed)
        assert (second.new, second.pruned) == (["6", "5"], 4)
        assert keys(store, feed.id) == ["6", "5"]
        stored = store.feed(feed.id)
        assert (stored.unread, stored.total) == (2, 2)

        clock.at += timedelta(minutes=1)
        third = await service.refresh(store.feed(feed.id))  # nothing pruned comes back
        assert third == FeedRefreshed(feed.id, "Small live", [], [], pruned=0)
    assert store.search("number") and not store.search("4")


async def test_a_refresh_prunes_posts_first_seen_too_long_ago(
    loopback: LoopbackServer, store: Store, clock: Clock
):
    url = loopback.route("/live", [Route(body=page(2, 1)), Route(body=page(3))])
    async for service in open_service(store, PruneRule(keep_days=30)):
        feed, _ = await service.add_feed(url)
        store.set_favourite(store.entries(feed.id)[1].id, True)  # post 1
        clock.at = START + timedelta(days=31)

        event = await service.refresh(store.feed(feed.id))

        assert isinstance(event, FeedRefreshed)
        assert (event.new, event.pruned) == (["3"], 1)
        assert keys(store, feed.id) == ["3", "1"]  # 2 went; 1 is a favourite


async def test_no_rule_prunes_nothing(loopback: LoopbackServer, store: Store, clock: Clock):
    url = loopback.route("/live", [Route(body=page(2, 1)), Route(body=page(4, 3))])
    async for service in open_service(store, PruneRule()):
        feed, _ = await service.add_feed(url)
        clock.at = START + timedelta(days=400)
        event = await service.refresh(store.feed(feed.id))
        assert isinstance(event, FeedRefreshed) and event.pruned == 0
        assert keys(store, feed.id) == ["4", "3", "2", "1"]


async def test_a_feed_pruned_empty_is_not_read_again_as_new(
    loopback: LoopbackServer, store: Store, clock: Clock
):
    # An ended blog: its page stays as it was, and every post is older than keep_days.
    url = loopback.route("/live", body=page(2, 1))
    async for service in open_service(store, PruneRule(keep_days=30)):
        feed, _ = await service.add_feed(url)
        clock.at = START + timedelta(days=31)
        pruned = store.prune_feed(feed.id, PruneRule(keep_days=30), now=clock.at)
        assert (pruned.total, store.feed(feed.id).total) == (2, 0)

        event = await service.refresh(store.feed(feed.id))

        assert event == FeedRefreshed(feed.id, "Small live", [], [], pruned=0)
        assert keys(store, feed.id) == []
