"""The feeds pane during a refresh: each refresh event redraws its own feed's row and the All
feeds total, never the whole pane. Pilot tests on a real SQLite file; the events are the
service's own, posted as a refresh posts them, after the store changes the refresh would make
(the same, with a real refresh over loopback, in test_ui_app.py)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot

from liveread import paths
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.service import Event, FeedFailed, FeedRefreshed, FeedStarted
from liveread.store import Feed, Store
from liveread.ui import app as app_module
from liveread.ui.app import LivereadApp
from liveread.ui.lists import ALL_FEEDS, FeedList, feed_prompt
from liveread.ui.messages import Inbox
from liveread.ui.state import UiState
from pilot import settle

SIZE = (140, 40)


pytestmark = pytest.mark.usefixtures("home")  # every file the app touches under tmp_path


def posts(prefix: str, count: int) -> list[Entry]:
    start = datetime.now(UTC) - timedelta(hours=1)
    return [
        Entry(
            key=f"{prefix}{i}",
            published=start + timedelta(minutes=i),
            title=f"Post {prefix}{i}",
            blocks=[Paragraph((Span(f"Body of {prefix}{i}."),))],
        )
        for i in range(count)
    ]


@pytest.fixture
def feeds(store: Store) -> list[Feed]:
    """Three feeds of 2, 3 and 4 unread posts, last fetched 3 hours ago."""
    fetched = datetime.now(UTC) - timedelta(hours=3)
    made = []
    for n, name in enumerate(("Alpha", "Beta", "Gamma")):
        feed = store.add_feed(f"https://example.com/{name.lower()}", f"{name} live")
        store.upsert_entries(feed.id, posts(name[0].lower(), n + 2), seen_at=fetched)
        store.record_fetch(feed.id, at=fetched, error=None)
        made.append(store.feed(feed.id))
    return made


def make_app(store: Store) -> LivereadApp:
    # Offline: the app starts no refresh of its own; the tests post the refresh's events.
    return LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "ui-state.json"))


def pane(app: LivereadApp) -> FeedList:
    return app.query_one(FeedList)


def row(app: LivereadApp, option_id: str) -> str:
    prompt = pane(app).get_option(option_id).prompt
    assert isinstance(prompt, Text)
    return prompt.plain


def prompts(app: LivereadApp) -> dict[str | None, object]:
    return {option.id: option.prompt for option in pane(app).options}


class Rebuilds:
    """Counts the times the feeds pane is filled afresh (`FeedList.show`, `set_options`)."""

    def __init__(self, feed_list: FeedList, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        for name in ("show", "set_options"):
            original = getattr(feed_list, name)
            monkeypatch.setattr(feed_list, name, self._counting(original))

    def _counting(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(*args, **kwargs)

        return counted


async def send(pilot: Pilot, event: Event) -> None:
    pilot.app.inbox.put(event)
    await settle(pilot)


async def test_a_refresh_redraws_only_its_feeds_row_and_the_total(
    store: Store, feeds: list[Feed], monkeypatch: pytest.MonkeyPatch
) -> None:
    beta = feeds[1]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane(app).highlighted = pane(app).get_option_index(str(beta.id))
        await settle(pilot)
        assert app.view == str(beta.id)
        assert row(app, ALL_FEEDS).endswith("  9")
        assert "updated 3 h ago" in row(app, str(beta.id))
        before = prompts(app)
        rebuilds = Rebuilds(pane(app), monkeypatch)

        await send(pilot, FeedStarted(beta.id, beta.title))
        busy = row(app, str(beta.id))
        assert busy.startswith("⟳ Beta live  3")
        assert "fetching…" in busy
        assert "updated" not in busy

        new = store.upsert_entries(beta.id, posts("new", 2), seen_at=datetime.now(UTC))
        store.record_fetch(beta.id, at=datetime.now(UTC), error=None)
        await send(pilot, FeedRefreshed(beta.id, beta.title, new=list(new.new)))

        done = row(app, str(beta.id))
        assert done.startswith("  Beta live  5")
        assert "updated just now" in done
        assert "fetching…" not in done
        assert row(app, ALL_FEEDS).endswith("  11")
        assert rebuilds.count == 0
        after = prompts(app)
        assert list(after) == list(before)
        changed = {key for key in after if after[key] is not before[key]}
        assert changed == {ALL_FEEDS, str(beta.id)}
        assert pane(app).highlighted_option.id == str(beta.id)  # type: ignore[union-attr]
        assert app.view == str(beta.id)


async def test_a_failing_feed_shows_its_error_in_its_row(
    store: Store, feeds: list[Feed], monkeypatch: pytest.MonkeyPatch
) -> None:
    gamma = feeds[2]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rebuilds = Rebuilds(pane(app), monkeypatch)
        await send(pilot, FeedStarted(gamma.id, gamma.title))
        store.record_fetch(gamma.id, at=datetime.now(UTC), error="HTTP 500 from the server")
        await send(pilot, FeedFailed(gamma.id, gamma.title, "HTTP 500 from the server"))

        failing = row(app, str(gamma.id))
        assert failing.startswith("✗ Gamma live  4")
        assert failing.splitlines()[-1].strip() == "HTTP 500 from the server"
        assert "updated 3 h ago" in failing  # the last success still shows
        assert row(app, ALL_FEEDS).endswith("  9")  # no unread came or went
        assert rebuilds.count == 0
        titles = [n.title for n in app._notifications]
        assert "Gamma live: refresh failed" in titles


async def test_an_event_for_a_feed_removed_meanwhile_reloads_the_pane(
    store: Store, feeds: list[Feed]
) -> None:
    alpha, beta, gamma = feeds
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await send(pilot, FeedStarted(beta.id, beta.title))
        store.remove_feed(beta.id)  # by another process: the CLI shares the database
        await send(pilot, FeedFailed(beta.id, beta.title, "gone"))

        ids = [option.id for option in pane(app).options]
        assert str(beta.id) not in ids
        assert str(alpha.id) in ids and str(gamma.id) in ids
        assert row(app, ALL_FEEDS).endswith("  6")


async def test_an_event_for_a_feed_added_meanwhile_reloads_the_pane(
    store: Store, feeds: list[Feed]
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        delta = store.add_feed("https://example.com/delta", "Delta live")
        store.upsert_entries(delta.id, posts("d", 1), seen_at=datetime.now(UTC))
        await send(pilot, FeedStarted(delta.id, delta.title))

        assert row(app, str(delta.id)).startswith("⟳ Delta live  1")
        assert row(app, ALL_FEEDS).endswith("  10")


def store_calls(app: LivereadApp, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The calls the app runs on its store thread from now on, as they are asked for."""
    calls: list[object] = []
    in_store_thread = app.in_store_thread

    async def counted(call: Any) -> Any:
        calls.append(call)
        return await in_store_thread(call)

    monkeypatch.setattr(app, "in_store_thread", counted)
    return calls


async def test_a_burst_of_events_is_read_and_redrawn_together(
    store: Store, feeds: list[Feed], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events that arrive together (a refresh of many feeds) cost one store call and one
    redraw of each feed's row, not one of each per event."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        calls = store_calls(app, monkeypatch)
        for feed in feeds:
            app.inbox.put(FeedStarted(feed.id, feed.title))
        for feed in feeds:
            app.inbox.put(FeedRefreshed(feed.id, feed.title, not_modified=True))
        await settle(pilot)

        assert len(calls) == 1
        for feed in feeds:
            assert "fetching…" not in row(app, str(feed.id))
            assert "updated 3 h ago" in row(app, str(feed.id))
        assert not app.busy


def test_the_inbox_posts_one_message_until_its_events_are_taken() -> None:
    posted: list[object] = []
    inbox = Inbox(posted.append)
    first, second, third = (FeedStarted(n, f"Feed {n}") for n in (1, 2, 3))
    inbox.put(first)
    inbox.put(second)
    assert len(posted) == 1
    assert inbox.take() == [first, second]
    assert inbox.take() == []
    inbox.put(third)
    assert len(posted) == 2
    assert inbox.take() == [third]


async def test_events_the_network_thread_reports_arrive_as_one_message(
    store: Store, feeds: list[Feed], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events reported from another thread while the app is busy reach it in one message,
    in order, and every feed's row shows the last of its events."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        taken: list[list[Event]] = []
        take = app.inbox.take

        def counted() -> list[Event]:
            events = take()
            taken.append(events)
            return events

        monkeypatch.setattr(app.inbox, "take", counted)
        started = [FeedStarted(feed.id, feed.title) for feed in feeds]
        ended = [FeedRefreshed(feed.id, feed.title, not_modified=True) for feed in feeds]

        def report() -> None:
            for event in [*started, *ended]:
                app.inbox.put(event)

        reporter = threading.Thread(target=report)
        reporter.start()
        reporter.join()  # the app takes nothing meanwhile: it waits on this test
        await settle(pilot)

        assert taken == [[*started, *ended]]
        for feed in feeds:
            assert "fetching…" not in row(app, str(feed.id))
            assert "updated 3 h ago" in row(app, str(feed.id))
        assert not app.busy


async def test_a_long_burst_is_redrawn_a_part_at_a_time(
    store: Store, feeds: list[Feed], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of more feeds than one turn of the event loop should take is read and
    redrawn in parts, every feed's row in the end."""
    monkeypatch.setattr(app_module, "REDRAW_AT_ONCE", 2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        read: list[int] = []
        store_feed = store.feed

        def counted(feed_id: int) -> Feed:
            read.append(feed_id)
            return store_feed(feed_id)

        monkeypatch.setattr(store, "feed", counted)
        calls = store_calls(app, monkeypatch)
        for feed in feeds:
            app.inbox.put(FeedStarted(feed.id, feed.title))
        await settle(pilot)

        assert len(calls) == 2  # three feeds, two at a time
        assert sorted(read) == sorted(feed.id for feed in feeds)  # each read once
        for feed in feeds:
            assert "fetching…" in row(app, str(feed.id))


@pytest.mark.parametrize(("budget", "turns_between_rows"), [(0.0, True), (60.0, False)])
async def test_rows_are_redrawn_a_few_per_turn_of_the_event_loop(
    store: Store,
    feeds: list[Feed],
    monkeypatch: pytest.MonkeyPatch,
    budget: float,
    turns_between_rows: bool,
) -> None:
    """Once redrawing rows has taken `DRAW_SECONDS`, the event loop takes a turn (timers,
    keys, a frame) before the next row: hundreds of rows never hold it up at once."""
    monkeypatch.setattr(app_module, "DRAW_SECONDS", budget)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        happened: list[str] = []
        pane = app.query_one(FeedList)
        update_feeds = pane.update_feeds

        def drawn(rows: list[Feed], **options: Any) -> bool:
            happened.append("row")
            asyncio.get_running_loop().call_soon(happened.append, "turn")
            return update_feeds(rows, **options)

        monkeypatch.setattr(pane, "update_feeds", drawn)
        for feed in feeds:
            app.inbox.put(FeedStarted(feed.id, feed.title))
        await settle(pilot)

        count = len(feeds)
        assert count >= 3
        if turns_between_rows:
            assert happened == ["row", "turn"] * count
        else:
            assert happened == ["row"] * count + ["turn"] * count
        for feed in feeds:
            assert "fetching…" in row(app, str(feed.id))


NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
LIVE = Feed(
    id=1,
    url="https://example.com/live",
    title="Live",
    added_at=NOW,
    last_fetch_at=NOW,
    last_ok_at=NOW - timedelta(minutes=5),
    last_error=None,
    etag=None,
    last_modified=None,
    is_live=True,
    unread=0,
    total=3,
)


@pytest.mark.parametrize(
    ("schedule", "second_line"),
    [
        pytest.param(
            {"next_fetch_at": NOW + timedelta(minutes=2), "poll_reason": "arriving"},
            "  next in 2 min · arriving · updated 5 min ago",
            id="scheduled",
        ),
        pytest.param(
            {"next_fetch_at": NOW, "poll_reason": "set", "user_interval": 600.0},
            "  every 10 min (set) · updated 5 min ago",
            id="set",
        ),
        pytest.param(
            {"poll_reason": "ended"}, "  live · stopped · updated 5 min ago", id="no-post-for-a-day"
        ),
        pytest.param(
            {"poll_reason": "ended", "is_live": False},
            "  ended · updated 5 min ago",
            id="ended",
        ),
        pytest.param({}, "  live · updated 5 min ago", id="no-schedule-yet"),
    ],
)
def test_a_feeds_row_shows_when_it_is_fetched_next(
    schedule: dict[str, Any], second_line: str
) -> None:
    feed = LIVE._replace(**schedule)
    assert feed_prompt(feed, False, False, NOW).plain.split("\n")[1] == second_line
    # Fetching now, or offline: no next fetch to speak of.
    assert "next" not in feed_prompt(feed, True, False, NOW).plain
    state = "ended" if feed.is_live is False else "live"
    offline = feed_prompt(feed, False, True, NOW).plain.split("\n")[1]
    assert offline == f"  {state} · updated 5 min ago"


def test_a_source_row_says_how_many_blogs_it_found_and_a_blog_by_which_source() -> None:
    source = LIVE._replace(
        title="World news",
        kind="source",
        is_live=None,
        total=0,
        blogs_found=3,
        next_fetch_at=NOW + timedelta(minutes=10),
        poll_reason="source",
    )
    assert feed_prompt(source, False, False, NOW).plain.split("\n")[1] == (
        "  source: 3 live blogs found · next in 10 min · updated 5 min ago"
    )
    found = LIVE._replace(source_id=7, source_title="World news")
    assert feed_prompt(found, False, False, NOW).plain.split("\n")[1] == (
        "  live · via World news · updated 5 min ago"
    )


async def test_blogs_a_source_found_appear_in_the_pane_when_it_reports_them(
    store: Store, feeds: list[Feed], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        source = store.add_feed("https://example.com/rss", "World news", kind="source")
        blog = store.add_feed("https://example.com/strike", "Strike live", source_id=source.id)
        await send(pilot, FeedStarted(source.id, source.title))
        await send(pilot, FeedRefreshed(source.id, "World news", found=[blog.id], source=True))

        assert "source: 1 live blog found" in row(app, str(source.id))
        assert "via World news" in row(app, str(blog.id))
        assert "World news" in [n.title for n in app._notifications]


async def test_opening_a_source_says_where_its_blogs_are(store: Store, feeds: list[Feed]) -> None:
    from test_ui_app import choose_feed, reader_text

    source = store.add_feed("https://example.com/rss", "World news", kind="source")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_feed(pilot, str(source.id))

        shown = " ".join(reader_text(app).split())  # as wrapped to the pane
        assert "A source has no posts of its own" in shown
        assert 'marked "via World news"' in shown
