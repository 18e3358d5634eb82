"""Shared test fixtures."""

import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from browsers import BrowserEnv
from liveread import cli, paths
from liveread.store import Store
from loopback import LoopbackServer

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """`run("feeds", "--json")` -> (exit status, stdout, stderr) of `liveread.cli.main`."""

    def call(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server on 127.0.0.1, closed (threads joined) after the test."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def browser_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> BrowserEnv:
    """Set (or unset) $BROWSER on a machine with no display and no browser on PATH.

    `webbrowser` reads the environment once per process: its registry is emptied here so the
    next look-up reads it again, and put back afterwards."""
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    empty = tmp_path / "no-browsers-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))

    def use(value: str | None) -> None:
        if value is not None:
            monkeypatch.setenv("BROWSER", value)

    return use


REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
"""The saved real live-blog pages (../shared/fixtures/real beside the repository)."""


@pytest.fixture
def real_page() -> Callable[[str], bytes]:
    """`real_page("guardian")`: that site's saved page, or the test is skipped when
    ../shared/fixtures/real is missing."""

    def load(site: str) -> bytes:
        folder = REAL_PAGES / site
        pages = sorted(folder.glob("*.html")) if folder.is_dir() else []
        if not pages:
            pytest.skip(f"real fixture page for {site!r} not found in {REAL_PAGES}")
        return pages[0].read_bytes()

    return load


# SVG snapshots (pytest-textual-snapshot) live in the top-level snapshots/ folder, not beside
# the tests: `snap_compare` looks `SVGImageExtension` up at call time, so a subclass assigned
# back to the module is the one it uses. Each test module gets a folder named after it
# (snapshots/test_ui_snapshots/test_main_screen.svg): syrupy relates a snapshot to its test
# by that name, and warns (an error here) when it cannot.

import pytest_textual_snapshot  # noqa: E402
from syrupy.location import PyTestLocation  # noqa: E402

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"


class TopLevelSnapshots(pytest_textual_snapshot.SVGImageExtension):
    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(SNAPSHOTS / test_location.basename)


pytest_textual_snapshot.SVGImageExtension = TopLevelSnapshots


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """liveread's home under tmp_path: every file it touches (database, ui state, exports)
    lives there. Test files that define a `home` of their own use theirs."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def db(home: Path) -> Path:
    """The database file at liveread's home (see `home`), its folder made."""
    path = paths.database_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """The store on `db`, closed after the test."""
    with Store(db) as opened:
        yield opened
