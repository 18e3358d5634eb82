"""Which browser `o` would start: $BROWSER honoured, a command that is not there is no browser."""

from __future__ import annotations

from pathlib import Path

from browsers import BrowserEnv, recording_browser
from liveread.ui.browser import find_browser, runs_in_terminal


def test_no_browser_at_all(browser_env: BrowserEnv) -> None:
    browser_env(None)
    assert find_browser() is None


def test_a_browser_command_that_does_not_exist_is_no_browser(
    browser_env: BrowserEnv, tmp_path: Path
) -> None:
    browser_env(str(tmp_path / "not-installed"))
    assert find_browser() is None


def test_the_browser_named_by_BROWSER_opens_the_address(
    browser_env: BrowserEnv, tmp_path: Path
) -> None:
    script, opened = recording_browser(tmp_path)
    browser_env(str(script))
    browser = find_browser()
    assert browser is not None
    assert runs_in_terminal(browser)  # a plain command is waited for: it gets the terminal
    assert browser.open("https://example.org/live#post-1")
    assert opened.read_text(encoding="utf-8") == "https://example.org/live#post-1"


def test_a_BROWSER_command_ending_in_ampersand_runs_in_the_background(
    browser_env: BrowserEnv, tmp_path: Path
) -> None:
    script, _ = recording_browser(tmp_path)
    browser_env(f"{script} %s &")
    browser = find_browser()
    assert browser is not None
    assert not runs_in_terminal(browser)
