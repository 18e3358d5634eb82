"""What the dialogs share: a modal screen styled by `dialogs.tcss`.

The styles are the base class's default CSS, so Textual reads them when the first dialog
opens, not with the app's own stylesheet before its first frame. They are unscoped, as they
name the dialogs' parts by class and id; the app's stylesheet names none of them.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from liveread.ui.screens import CSS_FILE

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """A modal dialog, dismissed with a `Result`, centred over the app."""

    DEFAULT_CSS = CSS_FILE.read_text(encoding="utf-8")
    SCOPED_CSS = False

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
