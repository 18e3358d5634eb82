"""A feed of 30,000 posts in the app: Pilot tests on a real SQLite file, offline.

The list draws rows as they come into view, so opening the feed and moving through it builds
the prompts of a few screens of rows, never of the whole feed (a spy on `row_prompt` counts
them). Everything a person does with the list still works at that size: keys row by row and
by page, End and Home, the mouse wheel and a click, the divider above the posts new since the
last visit, the cursor kept on its post when the list is read again.
"""

from __future__ import annotations

import asyncio
import gc
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from liveread import paths
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store
from liveread.ui import lists, window
from liveread.ui.app import LivereadApp
from liveread.ui.lists import DIVIDER, EntryList, FeedList
from liveread.ui.reader import Reader
from liveread.ui.reading import FIRST_ROWS
from liveread.ui.state import UiState
from pilot import press, settle, wait_until

SIZE = (140, 40)
POSTS = 30_000
NEW = 3
"""Posts that arrived after the last visit: above the divider."""
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FEED_URL = "https://example.org/live/big"
FEW_SCREENS = 200
"""Prompts built opening and moving through the list: a few screens' worth, far below the
30,000 rows (a screen holds 18)."""


def post(number: int) -> Entry:
    return Entry(
        key=f"post-{number}",
        published=T0 + timedelta(minutes=number),
        title=f"Update number {number}",
        blocks=[Paragraph((Span(f"Body of update {number}."),))],
    )


def build(path: Path) -> None:
    """30,000 posts seen before the last visit, then NEW more since; one upsert each."""
    with Store(path) as store:
        feed = store.add_feed(FEED_URL, "Big live blog")
        store.upsert_entries(feed.id, [post(n) for n in range(POSTS)], seen_at=T0)
        store.record_visit([feed.id], T0 + timedelta(hours=1))
        fresh = [post(n) for n in range(POSTS, POSTS + NEW)]
        store.upsert_entries(feed.id, fresh, seen_at=T0 + timedelta(hours=2))


@pytest.fixture(scope="module")
def big_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "liveread.db"
    build(path)
    return path


@pytest.fixture
def store(big_database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A copy of the big database for each test (the app notes visits and read posts)."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    paths.database_file().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(big_database, paths.database_file())
    with Store(paths.database_file()) as opened:
        yield opened


@pytest.fixture
def prompts_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ref of each row whose prompt the list builds, in order."""
    built: list[str] = []
    real = lists.row_prompt

    def counted(row: lists.Row, *args: object, **kwargs: object) -> object:
        built.append(row.ref)
        return real(row, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lists, "row_prompt", counted)
    return built


def make_app(store: Store) -> LivereadApp:
    return LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "ui.json"))


def entries(app: LivereadApp) -> EntryList:
    return app.query_one(EntryList)


def lines(app: LivereadApp) -> list[str]:
    """The list's lines as drawn."""
    listed = entries(app)
    return [listed.render_line(y).text for y in range(listed.scrollable_content_region.height)]


def title_of(store: Store, ref: str) -> str:
    return store.entry(int(ref[1:])).entry.title


def refs_by_title(store: Store) -> dict[str, str]:
    return {s.title: f"e{s.id}" for s in store.entry_summaries(store.feeds()[0].id)}


def order(store: Store) -> list[str]:
    """The feed's posts, newest first, as the list shows them (without the divider)."""
    return [f"e{s.id}" for s in store.entry_summaries(store.feeds()[0].id)]


def choose_feed(app: LivereadApp, store: Store) -> None:
    pane = app.query_one(FeedList)
    pane.highlighted = pane.get_option_index(str(store.feeds()[0].id))


async def open_feed(pilot: Pilot, store: Store) -> None:
    """Choose the big feed in the feeds pane and wait until it is all in the list."""
    app = pilot.app
    assert isinstance(app, LivereadApp)
    feed = store.feeds()[0]
    choose_feed(app, store)
    await wait_until(pilot, lambda: len(entries(app).rows) == feed.total, "the feed", 60)
    await settle(pilot)
    entries(app).focus()
    await settle(pilot)


def on_screen(app: LivereadApp, store: Store, ref: str) -> bool:
    return title_of(store, ref) in [line.strip() for line in lines(app)]


async def test_the_first_rows_show_while_the_rest_is_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the feed past its first rows waits here until the test lets it go on: the
    first rows are on show and the cursor moves meanwhile, and stays where it was moved."""
    refs = order(store)
    rest_read = threading.Event()
    read = store.entry_summaries

    def held_after_the_first_rows(*args: object, **kwargs: object) -> object:
        if kwargs.get("offset"):
            rest_read.wait(timeout=60)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(store, "entry_summaries", held_after_the_first_rows)
        choose_feed(app, store)
        listed = entries(app)
        await wait_until(pilot, lambda: len(listed.rows) == FIRST_ROWS, "the first rows")
        assert lines(app)[1].strip() == title_of(store, refs[0])
        assert "new since your last visit" in lines(app)[2 * NEW]
        listed.focus()
        await pilot.press("down")
        await pilot.pause()
        assert listed.current == refs[1]
        assert app.query_one(Reader).shown == refs[1]

        rest_read.set()
        await wait_until(pilot, lambda: len(listed.rows) == POSTS + NEW, "the whole feed", 60)
        await settle(pilot)
        assert listed.current == refs[1]
        assert app.query_one(Reader).shown == refs[1]
        assert "new since your last visit" in lines(app)[2 * NEW]


async def test_opening_draws_a_screen_and_the_keys_reach_every_row(
    store: Store, prompts_built: list[str]
) -> None:
    refs = order(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        prompts_built.clear()  # All feeds, on show at launch, is drawn
        await open_feed(pilot, store)
        listed = entries(app)
        assert listed.option_count == POSTS + NEW + 1  # and the divider

        # The newest posts, the divider under the ones new since the last visit.
        drawn = lines(app)
        assert [drawn[2 * n + 1].strip() for n in range(NEW)] == [
            title_of(store, ref) for ref in refs[:NEW]
        ]
        assert "new since your last visit" in drawn[2 * NEW]
        assert drawn[2 * NEW + 2].strip() == title_of(store, refs[NEW])
        assert listed.current == refs[0]
        assert len(prompts_built) < FEW_SCREENS

        # Row by row, over the divider and back.
        for expected in refs[1 : NEW + 2]:
            await press(pilot, "down")
            assert listed.current == expected
        assert listed.get_option_at_index(NEW).id == DIVIDER
        await press(pilot, "k", "k")
        assert listed.current == refs[NEW - 1]
        await press(pilot, "j")
        assert listed.current == refs[NEW]
        await press(pilot, "up")

        # A page at a time: the row a page further down is under the cursor, and in view.
        per_page = listed.scrollable_content_region.height // 2
        await press(pilot, "pagedown")
        moved = refs.index(listed.current)
        assert per_page - 1 <= moved - (NEW - 1) <= per_page + 1
        assert on_screen(app, store, listed.current)
        await press(pilot, "pagedown", "pageup")
        assert refs.index(listed.current) == moved

        # To the very end and back.
        await press(pilot, "end")
        assert listed.current == refs[-1]
        assert listed.scroll_y == listed.max_scroll_y > 0
        assert lines(app)[-1].strip() == title_of(store, refs[-1])  # the oldest post, drawn
        assert app.query_one(Reader).shown == refs[-1]  # and in the reader
        await press(pilot, "up")
        assert listed.current == refs[-2]
        await press(pilot, "G", "home")
        assert listed.current == refs[0]
        assert listed.scroll_y == 0
        await press(pilot, "up")  # round to the last post, as ever
        assert listed.current == refs[-1]

        assert len(prompts_built) < FEW_SCREENS
        assert set(prompts_built) <= set(refs[:FEW_SCREENS]) | set(refs[-FEW_SCREENS:])


async def test_the_mouse_a_reload_and_the_clock_in_a_big_feed(
    store: Store, prompts_built: list[str]
) -> None:
    refs, by_title = order(store), refs_by_title(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_feed(pilot, store)
        listed = entries(app)
        prompts_built.clear()

        # The wheel scrolls the list; the cursor stays on its post.
        for _ in range(30):
            wheel = events.MouseScrollDown(listed, 6, 5, 0, 1, 0, False, False, False)
            listed.post_message(wheel)
        await settle(pilot)
        assert listed.scroll_y >= 30
        assert listed.current == refs[0]
        assert not on_screen(app, store, refs[0])

        # A click on a row that scrolled into view opens it: it is read, its row says so.
        drawn = lines(app)
        line = next(y for y in range(len(drawn) // 2, len(drawn)) if drawn[y].strip() in by_title)
        clicked = by_title[drawn[line].strip()]
        assert "●" in drawn[line - 1]  # unread
        await pilot.click("#entries", offset=(6, 1 + line))  # 1: the border
        await settle(pilot)
        assert listed.current == clicked
        assert app.query_one(Reader).shown == clicked
        assert store.entry(int(clicked[1:])).is_read
        assert "●" not in lines(app)[line - 1]
        assert lines(app)[line].strip() == title_of(store, clicked)

        # Read again (as a refresh does), the list keeps the post under the cursor in view.
        app.reload_rows(keep=clicked)
        await settle(pilot)
        assert listed.current == clicked
        assert on_screen(app, store, clicked)

        # The clock moves on: the rows drawn get their new age, the others when drawn.
        newest = T0 + timedelta(minutes=POSTS + NEW - 1)
        drawn_rows = len(listed.drawn_ids)
        changed = listed.redraw_ages(newest + timedelta(minutes=5))
        assert 0 < changed <= drawn_rows < FEW_SCREENS
        listed.focus()  # opening the post put the reader in focus
        await press(pilot, "home")
        assert lines(app)[0].split()[1:3] == ["5", "min"]
        await press(pilot, "end")
        assert lines(app)[-2].split()[1:3] == ["20", "d"]  # the oldest, 30,002 minutes before

        assert len(prompts_built) < FEW_SCREENS


def collector_sees(thing: object) -> bool:
    return any(tracked is thing for tracked in gc.get_objects())


async def test_a_long_feeds_rows_are_kept_out_of_the_collectors_full_passes(
    store: Store,
) -> None:
    """A full garbage collection walks every object it tracks, pausing the UI: the rows of a
    feed this long are taken out of its sight once shown, and handed back when the app
    closes."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_feed(pilot, store)
        row = next(iter(entries(app).rows.values()))
        assert not collector_sees(row)
        assert gc.get_freeze_count() > POSTS
    assert gc.get_freeze_count() == 0
    assert collector_sees(row)


async def test_the_rows_a_screen_away_are_drawn_ahead_for_a_page_down(
    store: Store, prompts_built: list[str]
) -> None:
    """Once the list is on show, the rows a screen below are drawn while the app waits for
    keys: a page down finds every row it shows drawn already."""
    refs = order(store)
    titles = refs_by_title(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_feed(pilot, store)
        listed = entries(app)
        per_page = listed.scrollable_content_region.height // 2
        next_page = refs[per_page + 2 : 2 * per_page - 2]
        await wait_until(
            pilot, lambda: set(next_page) <= set(listed.drawn_ids), "the next screen drawn"
        )
        built_before = set(prompts_built)

        await press(pilot, "pagedown")
        shown = [titles[line.strip()] for line in lines(app) if line.strip() in titles]
        assert len(shown) >= per_page - 2
        assert set(shown) <= built_before


async def test_drawing_ahead_lets_the_apps_other_work_run_between_its_turns(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawing ahead takes turns of a few milliseconds, and between two turns the loop runs
    whatever else waits (a key, a timer, the next frame): it never holds the app until every
    row ahead is drawn."""
    monkeypatch.setattr(window, "AHEAD_SECONDS", 0.0)  # a row a turn
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_feed(pilot, store)
        listed = entries(app)
        loop_turns = 0

        async def count_loop_turns() -> None:
            nonlocal loop_turns
            while True:
                loop_turns += 1
                await asyncio.sleep(0)

        counting = asyncio.create_task(count_loop_turns())
        seen: list[int] = []
        draw_ahead = listed._draw_ahead

        def counted() -> None:
            seen.append(loop_turns)
            draw_ahead()

        monkeypatch.setattr(listed, "_draw_ahead", counted)
        listed.focus()
        await press(pilot, "end")  # a screen of rows above the last, none drawn yet
        rows_per_screen = listed.scrollable_content_region.height // 2
        await wait_until(
            pilot, lambda: len(seen) >= rows_per_screen and not listed._ahead_planned, "drawn"
        )
        counting.cancel()
        assert all(after > before for before, after in pairwise(seen))
