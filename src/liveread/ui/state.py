"""What the app remembers between runs that is not the user's data: the chosen theme."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from liveread.output import OutputError, write_atomic


@dataclass
class UiState:
    path: Path
    theme: str | None = None

    def __post_init__(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no file yet, or a damaged one: start from defaults
        if isinstance(data, dict) and isinstance(data.get("theme"), str):
            self.theme = data["theme"]

    def save(self) -> None:
        with contextlib.suppress(OutputError):  # remembering the theme is a nicety, not an error
            write_atomic(self.path, json.dumps({"theme": self.theme}) + "\n")
