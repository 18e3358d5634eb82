"""The file dialog: one path, typed, for importing or exporting the feeds as OPML."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from liveread.ui.screens.dialog import Dialog


class PathScreen(Dialog[Path | None]):
    """Ask for a file: `title` above, `path` filled in; dismisses with the path (a relative
    one under `base`, `~` expanded) or None (escape, cancel)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    def __init__(self, title: str, *, base: Path, path: str = "", action: str = "OK") -> None:
        super().__init__()
        self.title_text = title
        self.base = base
        self.path = path
        self.action = action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="path-dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Input(self.path, placeholder="File", id="path-input")
            yield Static(Text(""), id="path-status", classes="dialog-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action, variant="primary", id="path-ok")
                yield Button("Cancel", id="path-cancel")

    @on(Input.Submitted, "#path-input")
    @on(Button.Pressed, "#path-ok")
    def _submit(self) -> None:
        raw = self.query_one("#path-input", Input).value.strip()
        if not raw:
            status = self.query_one("#path-status", Static)
            status.update(Text("Enter a file."))
            status.set_class(True, "error")
            return
        self.dismiss(self.base / Path(raw).expanduser())

    @on(Button.Pressed, "#path-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
