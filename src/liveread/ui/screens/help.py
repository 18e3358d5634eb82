"""The key help: every binding, its keys and its id, in a section for each place it works."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from liveread.ui.keyhelp import HelpSection
from liveread.ui.screens.dialog import Dialog

HELP_INTRO = "Keys can be remapped in the [keys] table of config.toml by binding id."


class HelpScreen(Dialog[None]):
    """The key bindings in one table: each section's title, then its rows (keys as
    displayed, what they do, binding ids)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close")
    ]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(Text("Keys"), classes="dialog-title")
            yield Static(Text(HELP_INTRO), classes="dialog-body")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text("Esc, q or ? closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        table.add_columns(Text("Key"), Text("Action"), Text("Binding id"))
        for number, section in enumerate(self.sections):
            if number:
                table.add_row(Text(""), Text(""), Text(""))
            table.add_row(Text(section.title, style="bold"), Text(""), Text(""))
            for keys, description, binding_ids in section.rows:
                table.add_row(Text(keys), Text(description), Text(binding_ids, style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
