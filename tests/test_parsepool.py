"""Pages parsed in worker processes: each feed in the same process every time, a crashed
process failing only its own feeds, and the same posts stored as when parsed in a thread."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from liveread.fetch import FetchConfig, Fetcher
from liveread.model import LiveBlog
from liveread.parsepool import ParseCrashed, ParsePool
from liveread.service import FeedFailed, FeedRefreshed, Service
from liveread.store import Store
from loopback import LoopbackServer, Route
from test_service import bbc_page, text

FAST = FetchConfig(connect_timeout=1.0, read_timeout=2.0, retries=0)


@pytest.fixture
def pool() -> Iterator[ParsePool]:
    opened = ParsePool(2)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(FAST) as opened:
        yield opened


def serve_feeds(loopback: LoopbackServer, count: int, under: str = "") -> list[str]:
    """`count` feeds, each with one post when added and five on every later fetch."""

    def page(n: int, posts: int) -> str:
        return bbc_page([(str(i), text(i, f"word{n}")) for i in range(posts, 0, -1)], title=f"F{n}")

    return [
        loopback.route(f"{under}/feed{n}", [Route(body=page(n, 1)), Route(body=page(n, 5))])
        for n in range(count)
    ]


async def follow_and_refresh(path: Path, urls: list[str], fetcher: Fetcher, processes: int):
    """A database at `path` following `urls`, then refreshed all at once; returns what was
    stored (everything but ids and times) and the service's pool's page count."""
    with Store(path) as store:
        service = Service(store, fetcher, processes=processes)
        try:
            for url in urls:
                await service.add_feed(url)
            events = await service.refresh_all()
            pages = service.pool.pages if service.pool else 0
        finally:
            await service.aclose()
        assert all(isinstance(e, FeedRefreshed) and len(e.new) == 4 for e in events)
        stored = sorted(
            (s.feed_id, s.entry.key, s.entry.title, s.entry.text, repr(s.entry.blocks))
            for s in store.entries()
        )
    return stored, pages


async def test_a_refresh_of_several_feeds_parses_in_processes_as_a_thread_would(
    loopback: LoopbackServer, fetcher: Fetcher, tmp_path: Path
):
    pool_urls, thread_urls = serve_feeds(loopback, 3, "/p"), serve_feeds(loopback, 3, "/t")
    in_pool, pool_pages = await follow_and_refresh(tmp_path / "p.db", pool_urls, fetcher, 2)
    in_thread, thread_pages = await follow_and_refresh(tmp_path / "t.db", thread_urls, fetcher, 0)
    assert (pool_pages, thread_pages) == (3, 0)
    assert len(in_pool) == 15
    assert in_pool == in_thread


async def test_each_feed_is_parsed_by_the_same_process_every_time(pool: ParsePool):
    first = [await pool.run(feed_id, os.getpid) for feed_id in (1, 2, 3, 4)]
    again = [await pool.run(feed_id, os.getpid) for feed_id in (1, 2, 3, 4)]
    assert first == again
    assert os.getpid() not in first
    assert first[0] == first[2] != first[1] == first[3]  # slots: feed_id % 2


async def test_a_crashed_process_fails_its_own_call_and_is_replaced(pool: ParsePool):
    other = await pool.run(2, os.getpid)
    doomed = await pool.run(1, os.getpid)
    with pytest.raises(ParseCrashed):
        await pool.run(1, os._exit, 1)
    assert await pool.run(2, os.getpid) == other
    replaced = await pool.run(1, os.getpid)
    assert replaced not in (doomed, os.getpid())


class CrashingPool(ParsePool):
    """Its worker process dies on the first page of feed `doomed`."""

    def __init__(self, size: int, doomed: int) -> None:
        super().__init__(size)
        self.doomed: int | None = doomed

    async def parse(self, feed_id: int, html: str, url: str) -> LiveBlog:
        if feed_id == self.doomed:
            self.doomed = None
            await self.run(feed_id, os._exit, 1)
        return await super().parse(feed_id, html, url)


async def test_a_crashed_process_fails_only_its_feed_in_a_refresh(
    loopback: LoopbackServer, fetcher: Fetcher, tmp_path: Path
):
    urls = serve_feeds(loopback, 3)
    with Store(tmp_path / "db") as store:
        service = Service(store, fetcher, processes=2)
        try:
            feeds = [(await service.add_feed(url))[0] for url in urls]
            doomed = feeds[1].id
            service.pool = CrashingPool(2, doomed)
            events = await service.refresh_all()
            failed = [e for e in events if isinstance(e, FeedFailed)]
            assert [e.feed_id for e in failed] == [doomed]
            assert "parser process ended" in failed[0].reason
            assert {e.feed_id for e in events if isinstance(e, FeedRefreshed)} == {
                f.id for f in feeds if f.id != doomed
            }
            (again,) = await service.refresh_all([store.feed(doomed)])
        finally:
            await service.aclose()
        assert isinstance(again, FeedRefreshed) and len(again.new) == 4
