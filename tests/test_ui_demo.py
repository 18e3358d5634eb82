"""The demo's exports: saved outside its throwaway folder, and the export dialog says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from liveread import paths
from liveread.config import Config
from liveread.core import Core
from liveread.store import Store
from liveread.ui import lasting_export_dir
from liveread.ui.app import DEMO_EXPORTS, LivereadApp
from liveread.ui.screens import ExportScreen
from liveread.ui.state import UiState
from pilot import settle

SIZE = (140, 40)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


def write_config(text: str) -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(text, encoding="utf-8")


def test_demo_exports_go_where_the_users_own_exports_go(tmp_path: Path) -> None:
    assert lasting_export_dir() == paths.export_dir()
    write_config(f'export_dir = "{tmp_path / "mine"}"\n')
    assert lasting_export_dir() == tmp_path / "mine"
    with paths.throwaway_home("liveread-demo-") as demo_home:
        assert paths.export_dir().is_relative_to(demo_home)  # what the demo would lose
    assert not lasting_export_dir().is_relative_to(demo_home)


def test_a_broken_config_leaves_demo_exports_in_the_usual_folder() -> None:
    write_config("export_dir = 3\n")
    assert lasting_export_dir() == paths.export_dir()


async def test_the_demo_export_dialog_says_where_exports_go(tmp_path: Path) -> None:
    kept = tmp_path / "kept-exports"
    with paths.throwaway_home("liveread-demo-"), Store(paths.database_file()) as store:
        app = LivereadApp(
            Core(store, Config(export_dir=kept), offline=True),
            demo_url="http://127.0.0.1:9/",
            state=UiState(paths.data_dir() / "ui-state.json"),
        )
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("e")
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, ExportScreen)
            note = dialog.query_one("#export-note", Static).render()
            assert str(note) == DEMO_EXPORTS.format(folder=kept)
            assert str(kept) in str(note)
            assert Path(dialog.query_one("#export-path", Input).value).parent == kept


async def test_the_export_dialog_has_no_demo_note_outside_the_demo(home: Path) -> None:
    with Store(paths.database_file()) as store:
        app = LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "s.json"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, ExportScreen)
            assert not app.screen.query("#export-note")
