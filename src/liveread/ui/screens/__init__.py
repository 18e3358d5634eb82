"""Modal dialogs, one module each: confirm, add a feed, export favourites, search every post,
and the key help.

Every string that can come from a page (titles, snippets, error reasons, paths) reaches the
screen as a `rich.text.Text` or a Textual `Content`, never as markup. Network and disk work runs
in exclusive workers that post messages; the screens' handlers own the state. The styles live in
`dialogs.tcss` beside the app (`CSS_FILE`), which load with the first dialog opened (`Dialog`).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liveread.ui.screens.add_feed import BAD_URL, AddFeedScreen, check_url
    from liveread.ui.screens.confirm import ConfirmScreen
    from liveread.ui.screens.export import NO_FAVOURITES, ExportRequest, ExportScreen
    from liveread.ui.screens.help import HelpScreen
    from liveread.ui.screens.path import PathScreen
    from liveread.ui.screens.search import SearchScreen, hit_prompt
    from liveread.ui.screens.text import HIGHLIGHT_STYLE, highlight_snippet, one_line

_MODULES = {
    "BAD_URL": "add_feed",
    "AddFeedScreen": "add_feed",
    "check_url": "add_feed",
    "ConfirmScreen": "confirm",
    "NO_FAVOURITES": "export",
    "ExportRequest": "export",
    "ExportScreen": "export",
    "HelpScreen": "help",
    "PathScreen": "path",
    "SearchScreen": "search",
    "hit_prompt": "search",
    "HIGHLIGHT_STYLE": "text",
    "highlight_snippet": "text",
    "one_line": "text",
}
"""Where each name lives. A screen's module (and the widgets it uses: the help's DataTable
alone takes 30 ms) is imported when the screen is first asked for, not before the app's
first paint."""


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BAD_URL",
    "CSS_FILE",
    "HIGHLIGHT_STYLE",
    "NO_FAVOURITES",
    "AddFeedScreen",
    "ConfirmScreen",
    "ExportRequest",
    "ExportScreen",
    "HelpScreen",
    "PathScreen",
    "SearchScreen",
    "check_url",
    "highlight_snippet",
    "hit_prompt",
    "one_line",
]

CSS_FILE = Path(__file__).parent.parent / "dialogs.tcss"
"""The stylesheet for these screens, their base class's default CSS (`dialog.Dialog`)."""
