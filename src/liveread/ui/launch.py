"""What the app opens once its first frame is drawn: the core over the user's database.

The store, the model and the core take some 30 ms to import and the database a moment to open:
the app draws its panes first (they are empty until their rows are read anyway), then opens
them. A database that cannot be used ends the app, and `run_app` raises its error as the
commands do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liveread.store import StoreError

if TYPE_CHECKING:
    from liveread.config import Config
    from liveread.core import Core


class Launch:
    """The core to open on `config`, opened at most once; whoever made the launch closes it."""

    def __init__(self, config: Config, *, offline: bool) -> None:
        self.config = config
        self.offline = offline
        self.core: Core | None = None
        self.error: StoreError | OSError | None = None
        """Why the database could not be opened, once that is known."""

    def open(self) -> Core:
        """The core over the user's database (`open_core`). Raises StoreError (or OSError,
        for a folder that cannot be made) for a database that cannot be used, kept in `error`
        too."""
        from liveread.core import open_core

        if self.core is None:
            try:
                self.core = open_core(self.config, offline=self.offline)
            except (StoreError, OSError) as error:
                self.error = error
                raise
        return self.core

    def close(self) -> None:
        if self.core is not None:
            self.core.close()
