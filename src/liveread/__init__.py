"""liveread: a terminal reader for live news coverage."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # `__version__` is looked up on first use: importlib.metadata costs about 30 ms at
    # start-up, which the app does not need.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("liveread")
    except PackageNotFoundError:  # running from a source tree that is not installed
        value = "0.0.0"
    globals()["__version__"] = value
    return value
