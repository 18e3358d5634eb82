"""The store banner: a line at the top of the app while the database has a fault (read-only,
full, locked, damaged), saying what happened, what still works and what to do. Hidden while
the database is well, so the app looks as usual."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from liveread.store import Fault, StoreFault

WHAT_STILL_WORKS = {
    Fault.READ_ONLY: "Reading works; read marks, favourites and new posts are not saved.",
    Fault.FULL: "Reading works; read marks, favourites and new posts are not saved.",
    Fault.LOCKED: "Reading works; read marks, favourites and new posts are not saved"
    " until it lets go.",
    Fault.DAMAGED: "Reading works where the file allows; nothing more is saved to it.",
    Fault.UNAVAILABLE: "Read marks, favourites and new posts may not be saved.",
}


def banner_text(fault: StoreFault) -> Text:
    return Text.assemble(
        ("Database problem: ", "bold"),
        str(fault),
        "\n",
        WHAT_STILL_WORKS[fault.fault],
    )


class StoreBanner(Static):
    """Shows the store's standing fault; hides itself when there is none."""

    DEFAULT_CLASSES = "-hidden"

    shown: StoreFault | None = None

    def show_fault(self, fault: StoreFault | None) -> None:
        if fault is self.shown:
            return
        self.shown = fault
        self.set_class(fault is None, "-hidden")
        self.update(banner_text(fault) if fault else "")
