"""The dialogs load when first opened, not before the app's first paint."""

from __future__ import annotations

import subprocess
import sys

import pytest

from liveread.ui import screens

SCREEN_MODULES = (
    "liveread.ui.screens.add_feed",
    "liveread.ui.screens.export",
    "liveread.ui.screens.help",
    "liveread.ui.screens.search",
    "textual.widgets._data_table",
)


def test_the_app_loads_no_dialog_before_one_is_opened() -> None:
    script = (
        "import sys\n"
        "import liveread.cli, liveread.ui.app\n"
        f"print(sorted(m for m in {SCREEN_MODULES!r} if m in sys.modules))\n"
        "from liveread.ui.screens import HelpScreen\n"
        "print('liveread.ui.screens.help' in sys.modules, HelpScreen.__module__)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert shown == "[]\nTrue liveread.ui.screens.help\n"


def test_every_name_the_dialogs_package_offers_is_there() -> None:
    for name in screens.__all__:
        assert getattr(screens, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        _ = screens.Nothing  # type: ignore[attr-defined]
