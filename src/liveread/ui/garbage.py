"""Keeping the garbage collector's full passes out of the way, so they never pause the UI.

A full collection walks every object the process tracks. Once the app is up, most of those
are its modules, classes and widgets, and once a long feed is open, its rows: objects that
live for the whole session or the whole view. Walking 100,000 of them takes 50 ms and more,
and a full pass comes every few seconds while a list scrolls or a refresh stores posts. So
those objects are frozen out of the collector's sight (`freeze_long_lived`), and what full
passes remain run when nobody is pressing keys or clicking and no refresh is reporting feeds
(`FullCollections`), on their own rather than in the middle of drawing a frame; one
overdue runs anyway, soon while a person uses the app, later while only a refresh does.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

BIG_VIEW = 2000
"""A view of at least this many rows is worth taking out of the collector's sight."""

IDLE_SECONDS = 1.0
"""How long after the last key or click the app counts as not in use."""
FULL_PASS_DUE = 10
"""Young-generation collections after which a full pass is due (CPython's own default)."""
FULL_PASS_OVERDUE = 20
"""Young-generation collections after which a full pass runs even while the app is in use
(twice CPython's cadence: a second or two of paging through a list). Not more: Textual's
drawn lines are reference cycles, so what scrolling draws is freed by full passes only, and
a pass that waited ten times as long walks five times as much (some 90,000 objects after
ten seconds of paging, a pause of 100 ms)."""
FULL_PASS_WAITS = 100
"""Young-generation collections after which a full pass runs while a refresh keeps the app
busy and nobody uses it: a refresh of hundreds of feeds sets off a few dozen, and its pass
waits for its end (what it leaves is mostly rows and records, not what paging draws)."""
NEVER = 2**31 - 1


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


class FullCollections:
    """Full collections on the app's schedule: CPython's own are turned off (`take_over`),
    and `tick`, called every so often, runs one when it is due and the app is idle: no key
    or click for `IDLE_SECONDS` and nothing `busy` (a refresh under way)."""

    def __init__(
        self,
        busy: Callable[[], bool] = lambda: False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._busy = busy
        self._clock = clock
        self._last_input = clock()
        self._thresholds: tuple[int, int, int] | None = None

    def take_over(self) -> None:
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, NEVER)

    def give_back(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_seen(self) -> None:
        """A key was pressed or the mouse used: the app is in use."""
        self._last_input = self._clock()

    def tick(self) -> bool:
        """Run a full collection if one is due and the app idle, or one is long overdue (the
        sooner while a person uses the app than while only a refresh keeps it busy); whether
        it ran."""
        pending = gc.get_count()[2]  # young collections since the last full one
        in_use = self._clock() - self._last_input < IDLE_SECONDS
        idle = not in_use and not self._busy()
        overdue = FULL_PASS_OVERDUE if in_use else FULL_PASS_WAITS
        if pending >= overdue or (idle and pending >= FULL_PASS_DUE):
            gc.collect()
            return True
        return False
