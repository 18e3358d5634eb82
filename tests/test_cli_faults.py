"""The `liveread` command on a database that is read-only, full, locked or damaged (one line,
exit status 1, nothing written to a damaged file), and `liveread doctor`."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Run
from faults import POSTS_PER_FEED, build, damage_posts, fill_disk, write_lock_held
from liveread import core, paths
from liveread.demo import DemoServer
from liveread.store import Store
from liveread.store.damage import marker


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(folder))
    return folder


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("liveread: error: ")
    return err.removeprefix("liveread: error: ").rstrip("\n")


def open_stores_with(monkeypatch: pytest.MonkeyPatch, opener: Callable[..., Store]) -> None:
    """The CLI's stores opened by `opener` (the real Store, with a setting the command line
    does not offer)."""
    monkeypatch.setattr(core, "Store", opener)


def feed_titles(out: str) -> list[str]:
    """The titles `liveread feeds` lists ("  1  Title  [live]  3/10 unread ...")."""
    return [line.split("  ")[2] for line in out.splitlines() if not line.startswith(" " * 5)]


# -- read-only ----------------------------------------------------------------------------------


def test_read_only_database(run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(db)
    open_stores_with(monkeypatch, functools.partial(Store, read_only=True))
    code, out, err = run("remove", "Sound feed", "--yes")
    assert (code, out) == (1, "")
    assert one_error_line(err) == (
        f"database is read-only: {db} (check the permissions of the file and its folder)"
    )
    code, out, _ = run("feeds")
    assert code == 0
    assert feed_titles(out) == ["Damaged feed", "Sound feed"]
    code, out, _ = run("show", "Sound feed", "--limit", "1")
    assert code == 0 and "Bravo post 119" in out


def bound_by_file_permissions() -> list[str]:
    """A command prefix under which file permissions bind this user: none for most users; for
    root, setpriv without the capabilities that let root write any file."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and setpriv is not here to drop root's file override")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def test_database_file_without_write_permission(home: Path, db: Path) -> None:
    build(db)
    db.chmod(0o444)
    env = {**os.environ, paths.HOME_ENV: str(home)}

    def liveread(*argv: str) -> subprocess.CompletedProcess[str]:
        command = [*bound_by_file_permissions(), sys.executable, "-m", "liveread", *argv]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    try:
        removed = liveread("remove", "Sound feed", "--yes")
        assert (removed.returncode, removed.stdout) == (1, "")
        assert one_error_line(removed.stderr).startswith(f"database is read-only: {db}")
        listed = liveread("feeds")
        assert listed.returncode == 0, listed.stderr
        assert "Sound feed" in listed.stdout
    finally:
        db.chmod(0o644)


# -- full ---------------------------------------------------------------------------------------


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    with DemoServer(clock=lambda: 0.0, interval=1000.0, edit_after=None) as server:
        yield server


def test_full_disk(run: Run, db: Path, demo: DemoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    build(db)

    def full_store(path: Path) -> Store:
        store = Store(path)
        fill_disk(store)
        return store

    open_stores_with(monkeypatch, full_store)
    code, out, err = run("add", demo.url)
    assert (code, out) == (1, "")
    assert one_error_line(err) == f"disk full writing {db} (free some space, then try again)"


# -- locked -------------------------------------------------------------------------------------


def test_locked_database(run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(db)
    open_stores_with(monkeypatch, functools.partial(Store, busy_timeout=0.05))
    with write_lock_held(db):
        code, out, err = run("remove", "Sound feed", "--yes")
        assert (code, out) == (1, "")
        assert one_error_line(err) == (
            f"database is locked: another liveread or another program is writing to {db}"
            " (close it, then try again)"
        )
        code, out, _ = run("feeds")
        assert code == 0 and feed_titles(out) == ["Damaged feed", "Sound feed"]
    assert run("remove", "Sound feed", "--yes")[0] == 0


# -- damaged ------------------------------------------------------------------------------------


DAMAGED = "database is damaged: {db} (nothing more is written to it: run liveread doctor to save what can be saved)"


@pytest.fixture
def damaged(db: Path) -> Path:
    build(db)
    damage_posts(db)
    return db


def test_damaged_database_is_read_where_it_can_be_and_never_written(
    run: Run, damaged: Path
) -> None:
    db = damaged
    before = db.read_bytes()
    code, out, err = run("show", "Damaged feed")
    assert (code, out) == (1, "")
    assert one_error_line(err) == DAMAGED.format(db=db)
    assert marker(db).exists()

    # Writing commands are refused, whatever they would touch; those that fetch, before they
    # fetch anything.
    for command in (
        ["remove", "Sound feed", "--yes"],
        ["show", "Sound feed", "--new"],
        ["refresh"],
        ["add", "https://example.com/live/another"],
    ):
        code, out, err = run(*command)
        assert (code, out) == (1, ""), command
        assert one_error_line(err) == DAMAGED.format(db=db)
    assert db.read_bytes() == before

    # Reading commands work where the file allows.
    code, out, _ = run("feeds")
    assert code == 0 and feed_titles(out) == ["Damaged feed", "Sound feed"]
    code, out, _ = run("show", "Sound feed", "--json")
    assert code == 0 and out.count('"key": "bravo-') == POSTS_PER_FEED
    code, out, _ = run("search", "bravo7")
    assert code == 0 and "Bravo post 7" in out
    code, out, _ = run("export", "--format", "json", "-o", str(db.parent / "favourites.json"))
    assert code == 0 and out.startswith("Exported 3 favourites")
    assert db.read_bytes() == before


def test_installed_program_refuses_to_write_to_a_damaged_database(home: Path, damaged: Path):
    def liveread(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "liveread", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, paths.HOME_ENV: str(home)},
            timeout=30,
            check=False,
        )

    before = damaged.read_bytes()
    first = liveread("show", "Damaged feed")
    assert (first.returncode, first.stdout) == (1, "")
    assert one_error_line(first.stderr) == DAMAGED.format(db=damaged)
    refused = liveread("remove", "Sound feed", "--yes")  # a new process: the marker tells it
    assert (refused.returncode, refused.stdout) == (1, "")
    assert one_error_line(refused.stderr) == DAMAGED.format(db=damaged)
    assert damaged.read_bytes() == before


# -- doctor -------------------------------------------------------------------------------------


def test_doctor_on_a_healthy_database_changes_nothing(run: Run, db: Path) -> None:
    build(db)
    before = {p.name: p.read_bytes() for p in db.parent.iterdir()}
    code, out, err = run("doctor")
    assert (code, err) == (0, "")
    assert out == f"Checking {db}\nThe database is healthy: nothing to do.\n"
    assert {p.name: p.read_bytes() for p in db.parent.iterdir()} == before


def test_doctor_without_a_database(run: Run, db: Path) -> None:
    assert run("doctor") == (0, f"No database yet at {db}: nothing to check.\n", "")
    assert not db.exists()


def test_doctor_salvages_a_damaged_database(run: Run, damaged: Path) -> None:
    db = damaged
    run("show", "Damaged feed")  # finds the damage: the file is marked
    damaged_bytes = db.read_bytes()

    code, out, err = run("doctor")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [f"Checking {db}", "The database is damaged:"]
    assert lines[-2] == "Saving what can be read into a fresh database…"
    (aside,) = db.parent.glob("liveread.db.damaged-*[0-9]")
    assert aside.read_bytes() == damaged_bytes
    assert lines[-1].startswith("Done: kept 2 feeds, 3 favourites, ")
    assert lines[-1].endswith(f" of {2 * POSTS_PER_FEED} posts; the damaged file is at {aside}.")
    assert not marker(db).exists()

    # The fresh database is whole: read, searched and written like any other.
    assert run("doctor")[1].endswith("The database is healthy: nothing to do.\n")
    code, out, _ = run("show", "Damaged feed", "--json")
    assert code == 0 and 0 < out.count('"key": "alpha-') < POSTS_PER_FEED
    assert "Bravo post 7" in run("search", "bravo7")[1]
    code, out, _ = run("remove", "Damaged feed", "--yes")
    assert (code, out) == (
        0,
        "Removed #1 Damaged feed (https://example.com/live/damaged) (favourites kept)\n",
    )
