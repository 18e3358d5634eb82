"""The Textual app. The only package that imports textual."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

DEMO_INTERVAL = 5.0


def run_app(*, offline: bool = False, demo: bool = False) -> int:
    """Open the app on the user's data (or, with `demo`, on the built-in demo live blog in a
    throwaway folder). Raises StoreError for a database that cannot be used."""
    if demo:
        from liveread import paths
        from liveread.demo import DemoServer

        exports = lasting_export_dir()
        with paths.throwaway_home("liveread-demo-"), DemoServer(interval=DEMO_INTERVAL) as server:
            return _run(
                offline=False, demo_url=server.url, interval=DEMO_INTERVAL, export_dir=exports
            )
    return _run(offline=offline, demo_url=None, interval=None)


def lasting_export_dir() -> Path:
    """Where the user's own liveread saves exports (config.toml's export_dir, else the usual
    folder): the demo's exports go there, as its own folder is deleted when it ends."""
    from liveread import paths
    from liveread.config import load_or_defaults

    config, _ = load_or_defaults()
    return config.export_dir or paths.export_dir()


def _run(
    *,
    offline: bool,
    demo_url: str | None,
    interval: float | None,
    export_dir: Path | None = None,
) -> int:
    import gc

    # Importing the app (Textual, the store, the core, liveread's own records and widgets)
    # makes many objects and little garbage, yet sets off dozens of collections (some 25 ms
    # here): collect nothing meanwhile. Then move the imported objects, which live as long as
    # the app, out of the collector's sight, or the first full collection walks them all while
    # the first screen is drawn (about 15 ms).
    gc.disable()
    try:
        from liveread.config import load_or_defaults
        from liveread.core import open_core
        from liveread.ui.app import LivereadApp
    finally:
        gc.freeze()
        gc.enable()
    config, config_error = load_or_defaults()
    if interval is not None:
        config = replace(config, refresh_interval=interval)
    if export_dir is not None:
        config = replace(config, export_dir=export_dir)
    with open_core(config, offline=offline) as core:
        app = LivereadApp(core, demo_url=demo_url, config_error=config_error)
        app.run()
    return app.return_code or 0
