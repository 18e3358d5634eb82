"""A browser command for tests: one that writes down the address it was asked to open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BrowserEnv = Callable[[str | None], None]


def recording_browser(tmp_path: Path) -> tuple[Path, Path]:
    """A browser command that writes the address it was given to a file."""
    opened = tmp_path / "opened.txt"
    script = tmp_path / "fake-browser"
    script.write_text(f'#!/bin/sh\nprintf %s "$1" > {opened}\n', encoding="utf-8")
    script.chmod(0o755)
    return script, opened
