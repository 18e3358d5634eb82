"""Keeping the garbage collector's full passes short, so they never pause the UI.

A full collection walks every object the process tracks. Once the app is up, most of those
are its modules, classes and widgets, and once a long feed is open, its rows: objects that
live for the whole session or the whole view. Walking 100,000 of them takes 50 ms and more,
and a full pass comes every few seconds while a list scrolls or a refresh stores posts.
"""

from __future__ import annotations

import gc

BIG_VIEW = 2000
"""A view of at least this many rows is worth taking out of the collector's sight."""


def freeze_long_lived() -> None:
    """Take every object alive now out of the collector's sight (`gc.freeze`), after a
    collection of the young generations so their cyclic garbage is not kept. Frozen objects
    are still freed by their reference counts when they go (a list's rows when another view
    replaces them); only cycles among them would outlive their use."""
    gc.collect(1)
    gc.freeze()


def first_frame_drawn() -> None:
    """The app's first frame is drawn: what was made for it lives as long as the app, out of
    the collector's sight from now on, and the collector, resting since the launch began
    (`liveread.ui`), runs again."""
    freeze_long_lived()
    gc.enable()


def thaw() -> None:
    """Hand what was frozen back to the collector (the app is closing: whatever is left of
    it, in a process that goes on, is collected as usual)."""
    gc.unfreeze()
