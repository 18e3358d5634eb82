"""The Textual app. The only package that imports textual."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from liveread import paths

DEMO_INTERVAL = 5.0


def run_app(*, offline: bool = False, demo: bool = False) -> int:
    """Open the app on the user's data (or, with `demo`, on the built-in demo live blog in a
    throwaway folder). Raises StoreError for a database that cannot be used (the app, which
    opens it once its first frame is drawn, ends first)."""
    if demo:
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

    # Importing the app (Textual, liveread's own widgets; the store once the panes are drawn)
    # and drawing its first frame make many objects and little garbage, yet set off dozens of
    # collections (some 30 ms here): the collector rests until the first frame is drawn
    # (`garbage.first_frame_drawn` turns it back on). The imported objects, which live as
    # long as the app, are moved out of its sight, or its first full pass would walk them all.
    gc.disable()
    try:
        from liveread.config import load_or_defaults
        from liveread.ui.app import LivereadApp
        from liveread.ui.launch import Launch

        gc.freeze()
        config, config_error = load_or_defaults()
        if interval is not None:
            config = replace(config, refresh_interval=interval, min_interval=interval)
        if export_dir is not None:
            config = replace(config, export_dir=export_dir)
        # The app opens the database once its first frame is drawn (see `launch`).
        launch = Launch(config, offline=offline)
        try:
            app = LivereadApp(launch, demo_url=demo_url, config_error=config_error)
            app.run()
        finally:
            launch.close()
    finally:
        gc.enable()
    if launch.error is not None:
        raise launch.error
    return app.return_code or 0
