"""The feeds in and out as OPML in the app, from the command palette's two commands: a file
imported follows its feeds, an export writes them (an existing file only replaced when the
person says so), a broken file follows nothing. Pilot tests on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from liveread import paths
from liveread.core import Core
from liveread.opml import read_opml
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.screens.path import PathScreen
from liveread.ui.state import UiState
from pilot import press, settle

SIZE = (140, 40)
FIXTURES = Path(__file__).parent / "fixtures" / "opml"
pytestmark = pytest.mark.usefixtures("home")


def app_on(store: Store) -> LivereadApp:
    return LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "ui-state.json"))


async def answer(pilot: Pilot[None], path: Path) -> None:
    """Type `path` into the file dialog on show and press enter."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, PathScreen)
    pilot.app.screen.query_one(Input).value = str(path)
    await press(pilot, "enter")


def notes(app: LivereadApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def test_an_opml_file_imported_in_the_app_follows_its_feeds(store: Store) -> None:
    opml = FIXTURES / "newsboat.opml"
    listed = {outline.xml_url for outline in read_opml(opml.read_bytes(), opml.name)}
    app = app_on(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Import feeds (OPML)", "Export feeds (OPML)"} <= set(commands)
        app.action_import_opml()
        await answer(pilot, opml)
        assert {feed.url for feed in store.feeds()} == listed
        imported = [message for title, message in notes(app) if title == "Imported feeds"]
        assert len(imported) == 1
        assert imported[0].startswith(f"{len(listed)} added, 0 already followed")


async def test_a_broken_opml_file_follows_nothing(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.action_import_opml()
        await answer(pilot, FIXTURES / "broken.opml")
        assert store.feeds() == []
        assert any(title == "Not imported" for title, _ in notes(app))


async def test_the_feeds_exported_in_the_app_are_the_ones_followed(
    store: Store, tmp_path: Path
) -> None:
    urls = {"https://example.com/live/a", "https://example.com/live/b"}
    for url in sorted(urls):
        store.add_feed(url, url.rsplit("/", 1)[1])
    target = tmp_path / "feeds.opml"
    app = app_on(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.action_export_opml()
        await answer(pilot, target)
        assert {o.xml_url for o in read_opml(target.read_bytes(), target.name)} == urls
        assert ("Feeds exported", f"Exported 2 feeds to {target}") in notes(app)

        # Again: the file exists, and stays as it was unless the person says to replace it.
        target.write_text("mine")
        app.action_export_opml()
        await answer(pilot, target)
        await press(pilot, "n")
        assert target.read_text() == "mine"
        app.action_export_opml()
        await answer(pilot, target)
        await press(pilot, "y")
        assert {o.xml_url for o in read_opml(target.read_bytes(), target.name)} == urls


async def test_the_export_goes_to_a_new_default_folder_or_into_a_folder_typed(
    store: Store, tmp_path: Path
) -> None:
    """The dialog's own suggestion works on a fresh install (its folder is made), and a folder
    typed in means a new file in it, as `liveread export -o FOLDER` does."""
    store.add_feed("https://example.com/live/a", "a")
    app = app_on(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert not app.core.export_dir.exists()
        app.action_export_opml()
        await settle(pilot)
        await press(pilot, "enter")
        [written] = list(app.core.export_dir.glob("*.opml"))
        assert [o.xml_url for o in read_opml(written.read_bytes(), written.name)] == [
            "https://example.com/live/a"
        ]

        app.action_export_opml()
        await answer(pilot, tmp_path)
        [inside] = list(tmp_path.glob("*.opml"))
        assert ("Feeds exported", f"Exported 1 feed to {inside}") in notes(app)
