"""Launch to the first screen: what `liveread` loads before the app's first frame, and that the
store is opened and read only once that frame is drawn (the panes are filled as their rows
arrive)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import RenderableType
from textual.screen import Screen

from liveread import paths
from liveread.config import Config
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import SCHEMA_VERSION, Store, StoreError
from liveread.ui.app import LivereadApp
from liveread.ui.launch import Launch
from liveread.ui.lists import EntryList, FeedList
from liveread.ui.state import UiState
from pilot import wait_until

NOT_BEFORE_THE_FIRST_FRAME = (
    "httpx",
    "selectolax",
    "liveread.parse",
    "liveread.fetch",
    "liveread.service",
    "liveread.parsepool",
    "liveread.background",
    "liveread.demo",
    "liveread.export",
    "liveread.text",
    "liveread.addresses",
    "liveread.ui.browser",
    "liveread.ui.render",
    "liveread.ui.wrapping",
    "liveread.ui.keyhelp",
    "liveread.ui.screens.dialog",
    "liveread.ui.screens.add_feed",
    "liveread.ui.screens.confirm",
    "liveread.ui.screens.export",
    "liveread.ui.screens.help",
    "liveread.ui.screens.search",
    "webbrowser",
    "hashlib",
    "concurrent.futures.thread",
    "tomllib",  # read only where there is a config file, and there is none here
    # The store, the model and the core: opened once the first frame is drawn
    "liveread.core",
    "liveread.model",
    "liveread.store.database",
    "liveread.store.records",
    "liveread.feedformats",
    "sqlite3",
)
"""Modules the first screen does not need (a package stands for its modules too)."""

FIRST_FRAME_SCRIPT = """
import gc
import sys
from liveread.ui.app import LivereadApp

watched = {watched!r}

def first_frame_drawn(app):
    loaded = sorted(
        m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in watched)
    )
    print(loaded, "collector on:", gc.isenabled(), flush=True)
    app.exit()

# The app fills its panes once its first frame is drawn: what is loaded then is what the
# launch loaded for the first frame.
LivereadApp._fill_panes = first_frame_drawn
run = LivereadApp.run
LivereadApp.run = lambda app, **kwargs: run(app, headless=True, **kwargs)

from liveread.cli import main
raise SystemExit(main(["--offline"]))
"""


APP_SCRIPT = """
from liveread.ui.app import LivereadApp

run = LivereadApp.run
LivereadApp.run = lambda app, **kwargs: run(app, headless=True, **kwargs)

from liveread.cli import main
raise SystemExit(main(["--offline"]))
"""
"""`liveread --offline`, the app headless."""


def run_python(script: str, home: Path, status: int = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.HOME_ENV: str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == status, done.stderr
    return done


def test_launching_the_app_loads_nothing_its_first_frame_does_not_need(home: Path) -> None:
    """And the garbage collector, resting while the app loads and draws, runs again."""
    with Store(paths.database_file()) as store:
        store.add_feed("https://example.org/live")
    script = FIRST_FRAME_SCRIPT.format(watched=NOT_BEFORE_THE_FIRST_FRAME)
    assert run_python(script, home).stdout == "[] collector on: True\n"


def test_a_command_loads_no_textual(home: Path) -> None:
    script = (
        "import sys\n"
        "from liveread.cli import main\n"
        "main(['feeds'])\n"
        "print(sorted(m for m in ('textual', 'liveread.ui.app') if m in sys.modules))\n"
    )
    assert run_python(script, home).stdout.endswith("\n[]\n")


async def test_the_first_frame_is_drawn_before_the_store_is_read(store: Store) -> None:
    feed = store.add_feed("https://example.org/live")
    post = Entry(key="p1", title="First post", blocks=[Paragraph((Span("Words."),))])
    store.upsert_entries(feed.id, [post], seen_at=datetime.now(UTC))
    app = LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "ui.json"))
    frames: list[object] = []
    display = app._display  # where each frame goes to the terminal (headless: where it would)

    def note_frame(screen: Screen[object], renderable: RenderableType | None) -> None:
        if renderable is not None:
            frames.append(renderable)
        display(screen, renderable)

    app._display = note_frame  # type: ignore[method-assign]
    before_the_first_frame: list[str] = []
    assert store._con is not None
    store._con.set_trace_callback(
        lambda statement: None if frames else before_the_first_frame.append(statement)
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: app.query_one(EntryList).option_count == 1, "the post")
        assert app.query_one(FeedList).option_count == 3  # All feeds, Favourites, the feed
    store._con.set_trace_callback(None)
    assert before_the_first_frame == []


def test_what_the_first_frame_needs_loads_neither_the_store_nor_the_model() -> None:
    script = (
        "import sys\n"
        "import liveread.cli, liveread.ui, liveread.ui.app\n"
        "print(sorted(m for m in sys.modules if m in {heavy!r}))\n"
    ).format(heavy={"liveread.store.database", "liveread.model", "liveread.feedformats"})
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


def newer_schema(db: Path) -> str:
    Store(db).close()
    with sqlite3.connect(db) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError) as refused:
        Store(db)
    return str(refused.value)


def not_a_database(db: Path) -> str:
    db.write_bytes(b"this is not a database " * 100)
    return (
        f"database file is corrupt or not a liveread database: {db}"
        " (left as it is: move it elsewhere and liveread starts a new one)"
    )


@pytest.mark.parametrize("spoil", [not_a_database, newer_schema])
def test_a_database_that_cannot_be_opened_ends_the_app_with_its_error(
    db: Path, spoil: Callable[[Path], str]
) -> None:
    """As the commands report it: one line, status 1; the file left as it was."""
    message = spoil(db)
    before = db.read_bytes()
    done = run_python(APP_SCRIPT, db.parent.parent, status=1)
    assert done.stderr == f"liveread: error: {message}\n"
    assert db.read_bytes() == before


async def test_keys_pressed_before_the_store_is_open_do_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = store.add_feed("https://example.org/live")
    post = Entry(key="p1", title="First post", blocks=[Paragraph((Span("Words."),))])
    store.upsert_entries(feed.id, [post], seen_at=datetime.now(UTC))
    launch = Launch(Config(read_after=3600.0), offline=True)  # no post read by the cursor
    fill_panes = LivereadApp._fill_panes
    monkeypatch.setattr(LivereadApp, "_fill_panes", lambda app: None)  # held, for the keys
    app = LivereadApp(launch, state=UiState(paths.data_dir() / "ui.json"))
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            # Mark all read, favourite, read/unread, next unread, export, search, refresh.
            await pilot.press("C", "f", "u", "n", "e", "slash", "r", "v")
            assert launch.core is None and app.is_running
            assert app.screen is app.screen_stack[0]  # no dialog opened
            fill_panes(app)
            await wait_until(pilot, lambda: app.query_one(EntryList).option_count == 1, "a post")
            await pilot.press("q")
        assert app.return_code == 0
    finally:
        launch.close()
    (stored,) = store.entries(feed.id)
    assert not stored.is_read and not stored.is_favourite
