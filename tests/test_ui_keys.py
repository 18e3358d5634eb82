"""Pilot tests for what keys tell the user: the quit hint, `o` with and without a browser,
and the help screen listing every key the app answers to."""

from __future__ import annotations

import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets._toast import Toast

from browsers import BrowserEnv
from liveread import paths
from liveread.demo import DemoServer
from liveread.fetch import Fetcher
from liveread.service import Service
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import EntryList
from liveread.ui.state import UiState
from pilot import settle

SIZE = (140, 40)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    with Store(paths.database_file()) as opened:
        yield opened


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    with DemoServer(clock=lambda: 0.0, interval=1000.0, edit_after=None) as server:
        yield server


def make_app(store: Store) -> LivereadApp:
    return LivereadApp(store, offline=True, state=UiState(paths.data_dir() / "ui-state.json"))


async def follow(store: Store, url: str) -> None:
    async with Fetcher() as fetcher:
        await Service(store, fetcher).add_feed(url)


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
    return store.entry(int(ref[1:])).entry.url


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
