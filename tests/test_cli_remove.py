"""`liveread remove`: it names one feed exactly, and asks first."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from liveread import paths
from liveread.store import Store

ELECTION = "http://127.0.0.1:8011/live/2024-11-05/election-night"
STORM = "http://127.0.0.1:8011/live/storm"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    with Store(paths.database_file()) as store:
        store.add_feed(ELECTION, "Election night")  # #1
        store.add_feed(STORM, "Storm Bert live")  # #2
    return tmp_path


def urls() -> list[str]:
    with Store(paths.database_file()) as store:
        return [feed.url for feed in store.feeds()]


@pytest.mark.parametrize("ref", ["11", "7", "127", "2024", "storm", "live", ""])
def test_nothing_but_an_id_address_or_whole_title_removes_a_feed(run: Run, ref: str):
    code, out, err = run("remove", ref, "--yes")
    assert (code, out) == (1, "")
    assert err.startswith("liveread: error: ") and err.count("\n") == 1
    assert urls() == [ELECTION, STORM]


@pytest.mark.parametrize("ref", ["2", "#2", STORM, STORM + "#latest", "storm bert LIVE"])
def test_an_id_an_address_or_a_whole_title_removes_that_feed(run: Run, ref: str):
    code, out, err = run("remove", ref, "--yes")
    assert (code, out, err) == (0, f"Removed #2 Storm Bert live ({STORM}) (favourites kept)\n", "")
    assert urls() == [ELECTION]


def test_without_a_terminal_to_ask_in_nothing_is_removed(run: Run):
    code, out, err = run("remove", "2")
    assert (code, out) == (1, "")
    assert err == (
        "liveread: error: not removing without confirmation: answer in a terminal, or add --yes\n"
    )
    assert urls() == [ELECTION, STORM]


def remove_in_a_terminal(home: Path, ref: str, answer: bytes) -> tuple[int, str]:
    """`liveread remove REF` with a pseudo-terminal as its input, answering `answer`."""
    controller, terminal = os.openpty()
    env = {**os.environ, paths.HOME_ENV: str(home)}
    with subprocess.Popen(
        [sys.executable, "-m", "liveread", "remove", ref],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    ) as child:
        os.close(terminal)
        assert child.stdout is not None
        # Answer once the question is on the screen (it ends with the prompt's "[y/N] ").
        seen = b""
        while not seen.endswith(b"[y/N] "):
            ready, _, _ = select.select([child.stdout], [], [], 20)
            assert ready, f"no question asked; output so far: {seen!r}"
            chunk = os.read(child.stdout.fileno(), 4096)
            assert chunk, f"ended without asking: {seen!r}"
            seen += chunk
        os.write(controller, answer)
        rest, _ = child.communicate(timeout=20)
    os.close(controller)
    return child.returncode, (seen + rest).decode()


def test_in_a_terminal_it_asks_and_no_keeps_the_feed(home: Path):
    code, output = remove_in_a_terminal(home, "2", b"n\n")
    assert code == 0
    assert output == (
        f"Stop following #2 Storm Bert live ({STORM}), 0 stored posts? Favourites are kept."
        " [y/N] Nothing removed.\n"
    )
    assert urls() == [ELECTION, STORM]


def test_in_a_terminal_yes_removes_the_feed(home: Path):
    code, output = remove_in_a_terminal(home, "Election night", b"y\n")
    assert code == 0
    assert output.endswith(f"Removed #1 Election night ({ELECTION}) (favourites kept)\n")
    assert urls() == [STORM]
