"""Where liveread keeps its files.

The platform's usual folders (via `platformdirs`), unless `LIVEREAD_HOME` is set: then config,
data, cache and exports all live under that one folder, which is what tests and the demo use.
The environment is read at call time; nothing here creates a directory but the demo's
throwaway home.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

APP_NAME = "liveread"
HOME_ENV = "LIVEREAD_HOME"


def home_override() -> Path | None:
    """The folder `LIVEREAD_HOME` names, or None when it is unset or empty."""
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().absolute() if value else None


def config_dir() -> Path:
    home = home_override()
    if home is not None:
        return home / "config"
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    home = home_override()
    if home is not None:
        return home / "data"
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    home = home_override()
    if home is not None:
        return home / "cache"
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def export_dir() -> Path:
    home = home_override()
    if home is not None:
        return home / "exports"
    return platformdirs.user_documents_path() / APP_NAME


def config_file() -> Path:
    return config_dir() / "config.toml"


def database_file() -> Path:
    return data_dir() / "liveread.db"


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""Asked to stop (`kill`, the terminal closing): each ends the program by an exception, as
Ctrl+C would, so a throwaway folder is removed on the way out."""


@contextmanager
def throwaway_home(prefix: str = "liveread-") -> Iterator[Path]:
    """Point LIVEREAD_HOME at a temporary folder (the demo's data) and put it back after.

    The folder goes when the block ends, also when the process is asked to stop by SIGTERM or
    SIGHUP: those raise SystemExit (status 128 + the signal's number) while the block runs."""
    previous = os.environ.get(HOME_ENV)
    with _stop_signals_raise(), tempfile.TemporaryDirectory(prefix=prefix) as home:
        os.environ[HOME_ENV] = home
        try:
            yield Path(home)
        finally:  # never leave the variable naming a folder that is about to be deleted
            if previous is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = previous


@contextmanager
def _stop_signals_raise() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals; its own handlers stay
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    before = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
