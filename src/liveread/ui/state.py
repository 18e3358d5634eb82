"""What the app remembers between runs that is not the user's data: the chosen theme, and when
the All feeds timeline was last opened (each feed's own last visit is kept in the store)."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from liveread.output import OutputError, write_atomic


@dataclass
class UiState:
    path: Path
    theme: str | None = None
    all_feeds_visited_at: datetime | None = None

    def __post_init__(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no file yet, or a damaged one: start from defaults
        if not isinstance(data, dict):
            return
        if isinstance(data.get("theme"), str):
            self.theme = data["theme"]
        with contextlib.suppress(KeyError, TypeError, ValueError):  # none, or not a time
            visited = datetime.fromisoformat(data["all_feeds_visited_at"])
            self.all_feeds_visited_at = visited if visited.tzinfo else None

    def save(self) -> None:
        visited = self.all_feeds_visited_at
        data = {"theme": self.theme, "all_feeds_visited_at": visited and visited.isoformat()}
        with contextlib.suppress(OutputError):  # remembering these is a nicety, not an error
            write_atomic(self.path, json.dumps(data) + "\n")
