"""Launch to the first screen: what `liveread` loads before the app's first frame, and that the
store is read only once that frame is drawn (the panes are filled as their rows arrive)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from rich.console import RenderableType
from textual.screen import Screen

from liveread import paths
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store
from liveread.ui.app import LivereadApp
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


def run_python(script: str, home: Path) -> str:
    env = {**os.environ, paths.HOME_ENV: str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_launching_the_app_loads_nothing_its_first_frame_does_not_need(home: Path) -> None:
    """And the garbage collector, resting while the app loads and draws, runs again."""
    with Store(paths.database_file()) as store:
        store.add_feed("https://example.org/live")
    script = FIRST_FRAME_SCRIPT.format(watched=NOT_BEFORE_THE_FIRST_FRAME)
    assert run_python(script, home) == "[] collector on: True\n"


def test_a_command_loads_no_textual(home: Path) -> None:
    script = (
        "import sys\n"
        "from liveread.cli import main\n"
        "main(['feeds'])\n"
        "print(sorted(m for m in ('textual', 'liveread.ui.app') if m in sys.modules))\n"
    )
    assert run_python(script, home).endswith("\n[]\n")


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
