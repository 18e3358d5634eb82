"""Waiting on the app in Pilot tests: for its workers, or for a condition to hold."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot


async def settle(pilot: Pilot) -> None:
    """Let messages, workers and the messages they post run out."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 5.0
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
    await pilot.pause()
