"""The export dialog: a format and a file for the favourites."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from liveread import export
from liveread.output import OutputError, export_target, is_taken
from liveread.ui.screens.confirm import ConfirmScreen
from liveread.ui.screens.dialog import Dialog

FORMAT_LABELS: dict[export.Format, str] = {"md": "Markdown", "json": "JSON", "html": "HTML"}
NO_FAVOURITES = "No favourites yet: press f on a post to keep it."


@dataclass(frozen=True)
class ExportRequest:
    format: export.Format
    path: Path


class ExportScreen(Dialog[ExportRequest | None]):
    """Choose a format and a file for the favourites; dismisses with an ExportRequest.

    Writing the file is the caller's job. A relative path is taken as relative to
    `default_dir`, a folder means "into it" (`output.export_target`); an existing file is only
    replaced after a ConfirmScreen says yes, and anything else there never is. A `note`, when
    given, is shown above the file (where the demo's exports go, say).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    def __init__(
        self,
        *,
        default_dir: Path,
        count: int,
        now: datetime | None = None,
        note: str | None = None,
    ) -> None:
        super().__init__()
        self.note = note
        self.default_dir = Path(default_dir).expanduser()
        self.count = count
        self.now = now or datetime.now().astimezone()
        self.format: export.Format = export.FORMATS[0]
        self._auto_path = self._default_path(self.format)

    def _default_path(self, fmt: export.Format) -> str:
        return str(self.default_dir / export.default_filename(fmt, self.now))

    def compose(self) -> ComposeResult:
        noun = "favourite" if self.count == 1 else "favourites"
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(Text(f"Export {self.count} {noun}"), classes="dialog-title")
            with RadioSet(id="export-format"):
                for fmt in export.FORMATS:
                    yield RadioButton(
                        FORMAT_LABELS[fmt], value=fmt == self.format, id=f"export-{fmt}"
                    )
            if self.note:
                yield Static(Text(self.note), id="export-note", classes="dialog-body")
            yield Static(Text("Save to"), classes="dialog-label")
            yield Input(self._auto_path, placeholder="File to write", id="export-path")
            yield Static(Text(""), id="export-status", classes="dialog-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        if self.count <= 0:
            self.query_one("#export-ok", Button).disabled = True
            self._status(NO_FAVOURITES, error=False)

    def _status(self, message: str, *, error: bool = True) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Text(message))
        status.set_class(error, "error")

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = export.FORMATS[event.index]
        if fmt == self.format:
            return
        self.format = fmt
        path_input = self.query_one("#export-path", Input)
        current = path_input.value
        if current == self._auto_path:
            new = self._default_path(fmt)
        else:
            new = _swap_suffix(current, export.SUFFIXES[fmt])
        self._auto_path = self._default_path(fmt)
        if new != current:
            path_input.value = new

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _submit(self) -> None:
        if self.count <= 0:
            return
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._status("Enter the file to export to.")
            return
        try:
            path = export_target(
                raw,
                filename=export.default_filename(self.format, self.now),
                default_dir=self.default_dir,
                relative_to=self.default_dir,
            )
            taken = is_taken(path)
        except OutputError as error:
            self._status(str(error))
            return
        request = ExportRequest(self.format, path)
        if taken:

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self.dismiss(request)
                else:
                    self._status("Not exported: choose another file name.", error=False)
                    self.query_one("#export-path", Input).focus()

            self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?"), answered)
            return
        self.dismiss(request)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _swap_suffix(value: str, suffix: str) -> str:
    """`value` with a known export suffix replaced by `suffix`; other names are left alone."""
    lowered = value.lower()
    for known in export.SUFFIXES.values():
        if lowered.endswith(known):
            return value[: -len(known)] + suffix
    return value
