"""The app's layout at the sizes people use (80x24, 100x30, 140x40): which panes show, list
rows two lines high and cut rather than wrapped, the layout key, ages that move on with the
clock. Pilot tests against a real SQLite file under tmp_path, filled directly (offline)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widget import Widget

from liveread import paths, timefmt
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store
from liveread.ui import app as app_module
from liveread.ui.app import LivereadApp
from liveread.ui.lists import EntryList, FeedList
from liveread.ui.reader import Reader
from liveread.ui.state import UiState
from pilot import settle, wait_until

NOW = datetime(2026, 4, 26, 12, 0, tzinfo=UTC)
LONG_AUTHOR = "Bartholomew Featherstonehaugh-Cholmondeley"
LONG_TITLE = "Council confirms the harbour tunnel will stay shut for the whole of the weekend"


class Clock:
    """A settable `timefmt.clock`."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    fixed = Clock(NOW)
    monkeypatch.setattr(timefmt, "clock", fixed)
    yield fixed
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(paths.database_file()) as opened:
        yield opened


def fill(store: Store, posts: int = 14) -> None:
    """One feed of `posts` posts four minutes apart, each by a long name with a long title;
    every fifth a key event."""
    feed = store.add_feed("https://example.org/live/tunnel", "Harbour tunnel closure – live")
    entries = [
        Entry(
            key=f"t-{n}",
            published=NOW - timedelta(minutes=4 * n + 4),
            title=f"{n}: {LONG_TITLE}",
            authors=[LONG_AUTHOR],
            blocks=[Paragraph((Span(f"Post {n} of the day."),))],
            key_event=n % 5 == 0,
        )
        for n in range(posts)
    ]
    store.upsert_entries(feed.id, entries, seen_at=NOW - timedelta(minutes=1))
    store.record_fetch(feed.id, at=NOW - timedelta(minutes=1), error=None)


def make_app(store: Store) -> LivereadApp:
    state = UiState(paths.data_dir() / "ui-state.json")
    return LivereadApp(Core(store, offline=True), state=state)


def shown(app: LivereadApp) -> set[str]:
    return {pane.id or "" for pane in app.query("#panes > *") if pane.display}


def width(widget: Widget) -> int:
    return widget.outer_size.width


def prompt(option: object) -> str:
    return str(getattr(option, "prompt", ""))


def list_lines(app: LivereadApp) -> list[str]:
    """The entry list's lines as drawn, padding and all."""
    entries = app.query_one(EntryList)
    return [entries.render_line(y).text for y in range(entries.scrollable_content_region.height)]


@pytest.mark.parametrize(
    ("size", "panes", "list_at_least", "reader_at_least"),
    [
        pytest.param((80, 24), {"entries", "reader"}, 38, 38, id="80x24"),
        pytest.param((100, 30), {"entries", "reader"}, 48, 48, id="100x30"),
        pytest.param((140, 40), {"feeds", "entries", "reader"}, 38, 60, id="140x40"),
    ],
)
async def test_each_size_shows_a_readable_list_and_reader(
    store: Store,
    size: tuple[int, int],
    panes: set[str],
    list_at_least: int,
    reader_at_least: int,
) -> None:
    fill(store)
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert shown(app) == panes
        assert width(app.query_one(EntryList)) >= list_at_least
        assert width(app.query_one(Reader)) >= reader_at_least
        posts_in_view = app.query_one(EntryList).scrollable_content_region.height // 2
        assert posts_in_view >= (size[1] - 4) // 2  # every line of the pane holds a row


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)], ids=str)
async def test_rows_are_two_lines_cut_never_wrapped(store: Store, size: tuple[int, int]) -> None:
    """A long name or title is cut with an ellipsis; a row is two lines whatever its text, so
    no name sits on a line of its own and no title is lost (neither after `K` twice, which
    once left rows measured for a list without a scroll bar)."""
    fill(store)
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for presses in ((), ("K", "K")):
            await pilot.press(*presses)
            await settle(pilot)
            lines = list_lines(app)
            rows = min(len(lines) // 2, app.query_one(EntryList).option_count)
            assert rows >= 9
            for n in range(rows):
                first, second = lines[2 * n].strip(), lines[2 * n + 1].strip()
                age = f"{4 * n + 4} min"
                assert first.startswith(f"{(NOW - timedelta(minutes=4 * n + 4)):%H:%M} {age}")
                assert first.endswith("…")
                assert second.startswith(f"{n}: Council confirms")
                assert second.endswith("…") or second.endswith("weekend")


async def test_at_80_columns_the_feeds_pane_shows_while_in_use(store: Store) -> None:
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.query_one(FeedList).has_focus
        assert shown(app) == {"feeds", "entries", "reader"}
        await pilot.press("tab")
        await settle(pilot)
        assert app.query_one(EntryList).has_focus
        assert shown(app) == {"entries", "reader"}
        await pilot.press("shift+tab", "enter")  # choosing a feed goes back to its posts
        await settle(pilot)
        assert app.query_one(EntryList).has_focus
        assert shown(app) == {"entries", "reader"}


async def test_the_layout_key_steps_through_the_layouts(store: Store) -> None:
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")  # narrow starts folded: next is one pane at a time
        await settle(pilot)
        assert app.layout == "single"
        assert shown(app) == {"entries"}
        assert width(app.query_one(EntryList)) == 80
        assert "Layout" in [n.title for n in app._notifications]
        await pilot.press("enter")
        await settle(pilot)
        assert shown(app) == {"reader"}
        assert width(app.query_one(Reader)) == 80
        await pilot.press("shift+tab")
        await settle(pilot)
        assert shown(app) == {"entries"}
        await pilot.press("shift+tab")
        await settle(pilot)
        assert shown(app) == {"feeds"}
        await pilot.press("v")
        await settle(pilot)
        assert app.layout == "panes"
        assert shown(app) == {"feeds", "entries", "reader"}
        await pilot.press("tab", "v")  # folded: the feeds pane only while it has focus
        await settle(pilot)
        assert app.layout == "collapsed"
        assert shown(app) == {"entries", "reader"}


async def test_a_wide_terminal_starts_with_every_pane_and_can_fold_them(store: Store) -> None:
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert shown(app) == {"feeds", "entries", "reader"}
        await pilot.press("v")
        await settle(pilot)
        assert app.layout == "collapsed"
        assert shown(app) == {"entries", "reader"}


async def test_ages_move_on_with_the_clock_without_reading_the_store(
    store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store, posts=3)
    monkeypatch.setattr(app_module, "AGE_SECONDS", 0.05)
    app = make_app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        entries, feeds = app.query_one(EntryList), app.query_one(FeedList)
        newest = entries.get_option_at_index(0)
        feed_id = str(store.feeds()[0].id)
        assert " 4 min " in prompt(newest)
        assert "updated 1 min ago" in prompt(feeds.get_option(feed_id))

        def unread(*args: object, **kwargs: object) -> object:
            raise AssertionError("the store was read to redraw ages")

        monkeypatch.setattr(store, "entry_summaries", unread)
        monkeypatch.setattr(store, "feeds", unread)
        clock.now = NOW + timedelta(hours=2)
        await wait_until(
            pilot,
            lambda: " 2 h " in prompt(entries.get_option_at_index(0)),
            "the newest post's age to read 2 h",
        )
        assert "updated 2 h ago" in prompt(feeds.get_option(feed_id))
