"""Where liveread keeps its files.

The platform's usual folders (via `platformdirs`), unless `LIVEREAD_HOME` is set: then config,
data, cache and exports all live under that one folder, which is what tests and the demo use.
The environment is read at call time; nothing here creates a directory.
"""

from __future__ import annotations

import os
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
