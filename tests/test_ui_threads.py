"""The UI thread runs no store query: a refresh over real sockets, then reading, marking read
and favouriting, with every SQL statement of both the app's connections traced to the thread
that ran it. And quitting while a refresh runs leaves nothing behind."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import liveread.background
from liveread import paths
from liveread.config import Config
from liveread.core import Core
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import FAVOURITES, EntryList, FeedList
from liveread.ui.state import UiState
from loopback import LoopbackServer, Route
from pilot import settle, wait_until
from test_service import bbc_page, text

SIZE = (120, 36)


class TracedStore(Store):
    """A store whose statements, once `tracing` is set, are noted with whether the main
    (UI) thread ran them."""

    tracing = threading.Event()
    statements: list[tuple[bool, str]] = []

    def __init__(self, path: Path, **kwargs: object) -> None:
        super().__init__(path, **kwargs)  # type: ignore[arg-type]
        assert self._con is not None
        self._con.set_trace_callback(self._noted)

    def _noted(self, statement: str) -> None:
        if self.tracing.is_set():
            self.statements.append(
                (threading.current_thread() is threading.main_thread(), statement)
            )


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    monkeypatch.setattr(liveread.background, "Store", TracedStore)
    TracedStore.statements.clear()
    yield tmp_path
    TracedStore.tracing.clear()


def page(n: int, posts: int) -> str:
    return bbc_page([(str(i), text(i, f"feed{n}")) for i in range(posts, 0, -1)], title=f"F{n}")


async def follow_two(loopback: LoopbackServer, second_delay: float = 0.0) -> list[int]:
    """Two feeds followed with two posts each; later fetches find two more posts (the
    second feed's after `second_delay` seconds)."""
    ids = []
    with Store(paths.database_file()) as store:
        core = Core(store)
        try:
            for n, delay in ((1, 0.0), (2, second_delay)):
                later = Route(page(n, 4), delay=delay)
                url = loopback.route(f"/f{n}", [Route(body=page(n, 2)), later])
                ids.append((await core.add(url)).id)
        finally:
            await core.aclose()
    return ids


def make_app(store: Store) -> LivereadApp:
    state = UiState(paths.data_dir() / "ui-state.json")
    # read_after 0: moving onto a post marks it read at once (a write per move).
    return LivereadApp(Core(store, Config(read_after=0, refresh_interval=3600)), state=state)


async def test_the_ui_thread_runs_no_statement_while_refreshing_and_reading(
    loopback: LoopbackServer,
) -> None:
    first, second = await follow_two(loopback)
    # Opening the database stays on the main thread (before the app runs): not traced.
    with TracedStore(paths.database_file()) as store:
        app = make_app(store)
        TracedStore.tracing.set()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")
            # The parse pool's processes start first: a generous wait on a busy machine.
            entries = app.query_one(EntryList)
            await wait_until(pilot, lambda: len(entries.rows) == 8, "the new posts", timeout=30)
            await settle(pilot)
            feeds = app.query_one(FeedList)
            for view in (str(first), str(second)):
                feeds.highlighted = feeds.get_option_index(view)
                await wait_until(pilot, lambda v=view: app.view == v, "the feed's view")
                await settle(pilot)
                app.query_one(EntryList).focus()
                for key in ("down", "down", "u", "f", "O", "enter"):
                    await pilot.press(key)
                    await settle(pilot)
            feeds.highlighted = feeds.get_option_index(FAVOURITES)
            await wait_until(pilot, lambda: len(app.query_one(EntryList).rows) == 2, "favourites")
            await settle(pilot)
        TracedStore.tracing.clear()

        on_ui = [statement for on_main, statement in TracedStore.statements if on_main]
        assert on_ui == []
        traced = [statement for _, statement in TracedStore.statements]
        assert any("INSERT INTO entries" in s for s in traced)  # the refresh, traced too
        assert any("UPDATE entries SET is_read" in s for s in traced)
        assert any("INSERT INTO favourites" in s for s in traced)
        assert store.count_favourites() == 2
        assert sum(feed.total for feed in store.feeds()) == 8


async def test_quitting_while_a_refresh_runs_leaves_nothing_behind(
    loopback: LoopbackServer,
) -> None:
    fast, slow = await follow_two(loopback, second_delay=60.0)  # cut short when it closes
    with Store(paths.database_file()) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await wait_until(pilot, lambda: app.busy == {slow}, "one feed refreshed", timeout=30)
            network = app.network
            assert network is not None and network.running
            assert multiprocessing.active_children()  # the parse pool's processes
            await pilot.press("q")
        assert not network.running  # its thread ended, the fetcher and processes closed
        assert multiprocessing.active_children() == []
        totals = {feed.id: feed.total for feed in store.feeds()}
        assert totals == {fast: 4, slow: 2}  # one refresh stored whole, the other not at all
        with sqlite3.connect(paths.database_file()) as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
