"""Refreshes through real sockets into a real SQLite file: a post's stored text depends on its
own source only, whether the refresh remembers the last reading or not."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from liveread import feedparse
from liveread.fetch import FetchConfig, Fetcher
from liveread.parse import parse
from liveread.parse.memory import Memories
from liveread.service import FeedRefreshed, Service
from liveread.store import Store
from loopback import LoopbackServer, Route

FAST = FetchConfig(connect_timeout=1.0, read_timeout=0.3, retries=0)
SIGN_OFF = "Follow our live coverage on the app for the latest updates all day."


def page(count: int, signed: set[int]) -> str:
    """A BBC "lx" page of posts `count`..1, those in `signed` closing with the sign-off."""
    items = "".join(
        f'<li><article class="lx-stream-post" id="post-{n}">'
        f'<header><h3 class="lx-stream-post__header-text">Post {n}</h3></header>'
        f'<div class="lx-stream-post-body"><p>Reporting from the course, part {n} of the day.</p>'
        + (f"<p>{SIGN_OFF}</p>" if n in signed else "")
        + "</div></article></li>"
        for n in range(count, 0, -1)
    )
    return (
        "<!doctype html><html><head><title>Live</title></head><body>"
        f'<div id="lx-stream"><ol class="lx-stream__feed">{items}</ol></div></body></html>'
    )


# Six posts, two signed: under the page-wide threshold (a third of the posts, at least 3).
# A seventh, signed, makes three: read afresh, the sign-off goes from every post.
BEFORE = page(6, {5, 6})
AFTER = page(7, {5, 6, 7})


@pytest.fixture(autouse=True)
def memories(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedparse, "MEMORIES", Memories())


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "liveread.db") as opened:
        yield opened


@pytest.fixture
async def service(store: Store) -> AsyncIterator[Service]:
    async with Fetcher(FAST) as fetcher:
        yield Service(store, fetcher)


def test_the_new_post_tips_the_page_wide_rule() -> None:
    """What the tests below rely on: read afresh, the old posts' text changes."""
    before = {e.key: e.text for e in parse(BEFORE, "https://example.com/live").entries}
    after = {e.key: e.text for e in parse(AFTER, "https://example.com/live").entries}
    assert SIGN_OFF in before["5"] and SIGN_OFF not in after["5"]


@pytest.mark.parametrize("remembered", [True, False], ids=["remembered", "restarted"])
async def test_a_neighbour_never_makes_a_post_edited(
    loopback: LoopbackServer,
    service: Service,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    remembered: bool,
) -> None:
    url = loopback.route("/live", [Route(body=BEFORE), Route(body=BEFORE), Route(body=AFTER)])
    feed, _ = await service.add_feed(url)
    await service.refresh(store.feed(feed.id))  # the feed's memory now holds its page
    store.mark_feed_read(feed.id)
    if not remembered:  # as after a restart: no memory, only what the store holds
        monkeypatch.setattr(feedparse, "MEMORIES", Memories())
    event = await service.refresh(store.feed(feed.id))
    assert isinstance(event, FeedRefreshed)
    assert (event.new, event.edited) == (["7"], [])
    stored = {s.entry.key: s for s in store.entries(feed.id)}
    assert SIGN_OFF in stored["5"].entry.text and SIGN_OFF in stored["6"].entry.text
    assert all(s.is_read and s.edited_at is None for key, s in stored.items() if key != "7")


async def test_a_refresh_with_one_new_post_writes_only_that_post(
    loopback: LoopbackServer, service: Service, store: Store
) -> None:
    url = loopback.route(
        "/live",
        [Route(body=page(3, set())), Route(body=page(3, set())), Route(body=page(4, set()))],
    )
    feed, _ = await service.add_feed(url)
    await service.refresh(store.feed(feed.id))
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    event = await service.refresh(store.feed(feed.id))
    store._db.set_trace_callback(None)
    assert isinstance(event, FeedRefreshed) and event.new == ["4"]
    writes = ("INSERT INTO entries (", "UPDATE entries ")
    touched = [s for s in statements if s.lstrip().startswith(writes)]
    assert len(touched) == 1 and "'4'" in touched[0]
    # Only the new post's stored digest was looked up: the others were unchanged since the
    # reading stored last.
    looked_up = [s for s in statements if "source_digest FROM entries" in s]
    assert all('"1"' not in s and '"2"' not in s and '"3"' not in s for s in looked_up)
