"""The app on a database that is read-only, full, locked or damaged: it keeps running, a banner
says what happened and what to do, and reading goes on where the file allows. Real SQLite
files under tmp_path; the app offline (no network is needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from faults import (
    POSTS_PER_FEED,
    T0,
    Built,
    big_post,
    build,
    damage_posts,
    fill_disk,
    write_lock_held,
)
from liveread import paths
from liveread.config import Config
from liveread.core import Core
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.banner import StoreBanner
from liveread.ui.lists import ALL_FEEDS, FAVOURITES, EntryList, FeedList
from liveread.ui.state import UiState
from pilot import settle, wait_until

SIZE = (140, 40)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def built(db: Path) -> Built:
    return build(db)


def make_app(store: Store, config: Config | None = None) -> LivereadApp:
    state = UiState(paths.data_dir() / "ui-state.json")
    return LivereadApp(Core(store, config, offline=True), state=state)


def banner(app: LivereadApp) -> str:
    """The banner's text, "" while it is hidden."""
    widget = app.query_one(StoreBanner)
    if not widget.display:
        return ""
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


def reader_text(app: LivereadApp) -> str:
    static = app.query_one("#article", Static)
    return "\n".join(line.text for line in static.render_lines(static.region.reset_offset))


def entries(app: LivereadApp) -> EntryList:
    return app.query_one(EntryList)


def current_title(app: LivereadApp) -> str:
    ref = entries(app).current
    assert ref is not None
    return entries(app).rows[ref].title


def notes(app: LivereadApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def choose_feed(pilot: Pilot, option_id: str) -> None:
    app = pilot.app
    assert isinstance(app, LivereadApp)
    pane = app.query_one(FeedList)
    pane.focus()
    pane.highlighted = pane.get_option_index(option_id)
    await wait_until(pilot, lambda: app.view == option_id, f"the {option_id} view")
    await settle(pilot)
    entries(app).focus()


async def move_down(pilot: Pilot) -> str:
    """Move to the next post; the title the reader then shows."""
    app = pilot.app
    assert isinstance(app, LivereadApp)
    before = entries(app).current
    await pilot.press("down")
    await settle(pilot)
    assert entries(app).current != before
    title = current_title(app)
    assert title in reader_text(app)
    return title


async def test_healthy_database_shows_no_banner(db: Path, built: Built) -> None:
    with Store(db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await move_down(pilot)
            assert banner(app) == ""


async def test_read_only_database(db: Path, built: Built) -> None:
    with Store(db, read_only=True) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert len(entries(app).rows) == 2 * POSTS_PER_FEED
            assert current_title(app) in reader_text(app)
            assert banner(app) == ""  # nothing was written yet
            await pilot.press("u")  # marking the post read fails: the banner says why
            await settle(pilot)
            assert ("Read state not saved", "The database is read-only.") in notes(app)
            assert banner(app).startswith(f"Database problem: database is read-only: {db}")
            assert "check the permissions" in banner(app)
            assert "read marks, favourites and new posts are not saved" in banner(app)
            first = entries(app).current
            await move_down(pilot)
            await move_down(pilot)
            assert first is not None and not entries(app).rows[first].is_read

            await pilot.press("f")
            await settle(pilot)
            assert ("Favourite not saved", "The database is read-only.") in notes(app)
            assert store.count_favourites() == len(built.favourites)
            assert app.is_running
            assert banner(app).startswith("Database problem: database is read-only")


async def test_full_disk(db: Path, built: Built) -> None:
    with Store(db) as store:
        store.upsert_entries(built.sound_feed, [big_post(500)], seen_at=T0)  # the newest
        fill_disk(store)
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert current_title(app) == "Charlie post 500"
            assert banner(app) == ""  # nothing was written yet

            await pilot.press("f")  # a favourite is a copy: this one needs new pages
            await settle(pilot)
            assert banner(app).startswith(f"Database problem: disk full writing {db}")
            assert "free some space" in banner(app)
            assert ("Favourite not saved", "The database is full.") in notes(app)
            assert store.count_favourites() == len(built.favourites)
            await move_down(pilot)
            assert app.is_running


async def test_locked_database_until_a_write_succeeds(db: Path, built: Built) -> None:
    with Store(db, busy_timeout=0.05) as store:
        app = make_app(store, Config(read_after=0))  # a post moved to is read at once
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, str(built.damaged_feed))  # not damaged here: all unread
            assert banner(app) == ""
            with write_lock_held(db):
                await move_down(pilot)  # reading goes on; its read mark is not saved
                assert banner(app).startswith(
                    "Database problem: database is locked: another liveread or another"
                    f" program is writing to {db} (close it, then try again)"
                )
                unsaved = entries(app).current
                await move_down(pilot)
                assert banner(app).startswith("Database problem: database is locked")
            await move_down(pilot)  # the lock is gone: this read mark is saved
            assert banner(app) == ""
            assert unsaved is not None and not entries(app).rows[unsaved].is_read
            ref = entries(app).current
            assert ref is not None and store.entry(int(ref[1:])).is_read


async def test_damaged_database(db: Path, built: Built) -> None:
    damage_posts(db)
    with Store(db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            # The timeline runs into the damaged pages: it holds the feeds that still read.
            assert app.view == ALL_FEEDS
            assert banner(app).startswith(f"Database problem: database is damaged: {db}")
            assert "run liveread doctor" in banner(app)
            rows = entries(app).rows.values()
            assert len(rows) == POSTS_PER_FEED
            assert {row.feed_title for row in rows} == {"Sound feed"}
            assert current_title(app) in reader_text(app)

            # The sound feed reads, post after post; nothing is saved any more.
            await choose_feed(pilot, str(built.sound_feed))
            assert len(entries(app).rows) == POSTS_PER_FEED
            await move_down(pilot)
            await move_down(pilot)
            await pilot.press("f")
            await settle(pilot)
            assert ("Favourite not saved", "The database is damaged.") in notes(app)

            # The favourites are copies: all there.
            await choose_feed(pilot, FAVOURITES)
            assert len(entries(app).rows) == len(built.favourites)
            assert current_title(app) in reader_text(app)

            await choose_feed(pilot, str(built.damaged_feed))
            assert entries(app).rows == {}
            assert "could not be read from the database" in reader_text(app)
            assert app.is_running
            assert "run liveread doctor" in banner(app)


async def test_a_database_known_damaged_shows_the_banner_from_the_start(
    db: Path, built: Built
) -> None:
    damage_posts(db)
    with Store(db) as store, pytest.raises(Exception, match="damaged"):
        store.entries(built.damaged_feed)
    with Store(db) as store:  # marked: opened read-only
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await choose_feed(pilot, str(built.sound_feed))
            assert banner(app).startswith("Database problem: database is damaged")
            assert await move_down(pilot)


async def test_a_damaged_database_is_not_refreshed_and_the_app_goes_on(
    db: Path, built: Built
) -> None:
    damage_posts(db)
    with Store(db) as store, pytest.raises(Exception, match="damaged"):
        store.entries(built.damaged_feed)
    with Store(db) as store:  # marked: opened read-only
        app = LivereadApp(Core(store), state=UiState(paths.data_dir() / "ui-state.json"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")  # refresh every feed: refused before any fetch
            await settle(pilot)
            assert app.is_running
            assert not [title for title, _ in notes(app) if "refresh failed" in title]
            assert banner(app).startswith("Database problem: database is damaged")
            await choose_feed(pilot, str(built.sound_feed))
            assert await move_down(pilot)
