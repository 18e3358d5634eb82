"""Pilot tests for what keys tell the user: the quit hint, `o` with and without a browser,
and the help screen listing every key the app answers to."""

from __future__ import annotations

import signal
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable
from textual.widgets._toast import Toast

from browsers import BrowserEnv
from liveread import paths
from liveread.core import Core
from liveread.demo import DemoServer
from liveread.store import Store
from liveread.ui import app as app_module
from liveread.ui.app import LivereadApp
from liveread.ui.keyhelp import HIDDEN_ACTIONS, action_name
from liveread.ui.lists import EntryList
from liveread.ui.screens import HelpScreen
from liveread.ui.state import UiState
from pilot import settle

SIZE = (140, 40)


pytestmark = pytest.mark.usefixtures("home")  # every file the app touches under tmp_path


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    with DemoServer(clock=lambda: 0.0, interval=1000.0, edit_after=None) as server:
        yield server


def make_app(store: Store) -> LivereadApp:
    state = UiState(paths.data_dir() / "ui-state.json")
    return LivereadApp(Core(store, offline=True), state=state)


async def follow(store: Store, url: str) -> None:
    core = Core(store)  # the store stays open for the test: only the network is closed
    try:
        await core.add(url)
    finally:
        await core.disconnect()


def toasts(app: LivereadApp) -> list[Content]:
    """The notifications on screen, as they are drawn."""
    return [toast.render() for toast in app.screen.query(Toast)]


def is_bold(style: object) -> bool:
    words = str(style).split()
    return "b" in words or "bold" in words


def notes(app: LivereadApp) -> list[tuple[str, str, str]]:
    return [(n.title, n.message, n.severity) for n in app._notifications]


def current_url(app: LivereadApp, store: Store) -> str:
    ref = app.query_one(EntryList).current
    assert ref is not None
    url = store.entry(int(ref[1:])).entry.url
    assert url is not None
    return url


# ---------------------------------------------------------------------------------------------
# Ctrl+C


async def test_ctrl_c_names_the_quit_keys_in_bold(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert app.is_running
        [drawn] = toasts(app)
        assert "Press q or ^q to quit." in drawn.plain
        assert "[b]" not in drawn.plain
        bold = {drawn.plain[span.start : span.end] for span in drawn.spans if is_bold(span.style)}
        assert {"q", "^q"} <= bold


# ---------------------------------------------------------------------------------------------
# o: open the post's link


async def test_o_without_a_browser_copies_the_link(
    store: Store, demo: DemoServer, browser_env: BrowserEnv, tmp_path: Path
) -> None:
    browser_env(str(tmp_path / "no-such-browser"))
    await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        url = current_url(app, store)
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == url
        assert notes(app) == [("No browser found; copied the link instead", url, "warning")]


class RecordingBrowser(webbrowser.BaseBrowser):
    """A browser in webbrowser's own registry that keeps the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__("recording")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


async def test_o_opens_the_link_in_the_browser(
    store: Store, demo: DemoServer, browser_env: BrowserEnv
) -> None:
    browser_env(None)
    browser = RecordingBrowser()
    webbrowser.register("recording", None, browser, preferred=True)
    await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        url = current_url(app, store)
        await pilot.press("o")
        await settle(pilot)
        assert browser.opened == [url]
        assert notes(app) == [("Opening", url, "information")]
        assert app.clipboard == ""


async def test_o_copies_the_link_when_the_browser_fails(
    store: Store, demo: DemoServer, browser_env: BrowserEnv, tmp_path: Path
) -> None:
    failing = tmp_path / "failing-browser"
    failing.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    failing.chmod(0o755)
    browser_env(str(failing))
    await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        url = current_url(app, store)
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == url
        assert notes(app) == [
            ("Could not open the browser; copied the link instead", url, "warning")
        ]


# ---------------------------------------------------------------------------------------------
# Help


def help_keys(app: LivereadApp) -> dict[str, list[tuple[set[str], str]]]:
    """Section title -> (the keys of a row, its binding ids) for each row of the help screen."""
    table = app.screen.query_one("#help-table", DataTable)
    found: dict[str, list[tuple[set[str], str]]] = {}
    section = ""
    for index in range(table.row_count):
        keys, description, ids = (str(cell) for cell in table.get_row_at(index))
        if keys and not description:
            section = keys
            found[section] = []
        elif keys:
            found[section].append((set(keys.split(", ")), ids))
    return found


PANE_SECTIONS = {
    "#feeds": ("Feeds and posts lists", "Feeds list"),
    "#entries": ("Feeds and posts lists", "Posts list"),
    "#reader": ("Reader",),
}


@pytest.mark.parametrize("pane", list(PANE_SECTIONS))
async def test_help_lists_every_key_the_app_answers_to(store: Store, pane: str) -> None:
    """Whatever Textual would run for a key with `pane` focused is on the help screen, in
    the section for that pane (its own keys) or for everywhere (the app's and the screen's)."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.query_one(pane).focus()
        await settle(pilot)
        live = dict(app.active_bindings)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = help_keys(app)
        for key, active in live.items():
            binding = active.binding
            if binding.system or action_name(binding) in HIDDEN_ACTIONS:
                continue
            own = active.node is app.query_one(pane)
            sections = PANE_SECTIONS[pane] if own else ("Everywhere",)
            display = app.get_key_display(binding)
            rows = [row for title in sections for row in shown.get(title, [])]
            matching = [ids for keys, ids in rows if display in keys]
            assert matching, f"{key} ({binding.action}) is missing from help {sections}"
            if binding.id:
                assert binding.id in matching[0].split(", ")


async def test_help_names_the_keys_people_look_for(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        shown = help_keys(app)
        every_key = {key for rows in shown.values() for keys, _ in rows for key in keys}
        for wanted in ("⏎", "pgup", "pgdn", "space", "^p", "tab", "shift+tab", "q", "?"):
            assert wanted in every_key
        assert list(shown) == ["Everywhere", "Feeds and posts lists", "Reader"]


class AppWithAnotherKey(LivereadApp):
    CSS_PATH = [Path(app_module.__file__).with_name(str(name)) for name in LivereadApp.CSS_PATH]
    BINDINGS = [*LivereadApp.BINDINGS, Binding("z", "toggle_key_events", "Zoom", id="app.zoom")]


async def test_a_binding_added_to_the_app_shows_up_in_help(store: Store) -> None:
    app = AppWithAnotherKey(Core(store, offline=True), state=UiState(paths.data_dir() / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        everywhere = help_keys(app)["Everywhere"]
        assert ({"K", "z"}, "app.key_events, app.zoom") in everywhere


# ---------------------------------------------------------------------------------------------
# Signals


async def test_the_app_gives_back_the_signal_handlers_it_found(store: Store) -> None:
    before = {signum: signal.getsignal(signum) for signum in paths.STOP_SIGNALS}
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert all(signal.getsignal(s) != handler for s, handler in before.items())
    assert {signum: signal.getsignal(signum) for signum in paths.STOP_SIGNALS} == before
