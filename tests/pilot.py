"""Waiting on the app in Pilot tests: for its workers, or for a condition to hold."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot


async def settle(pilot: Pilot, rounds: int = 20) -> None:
    """Let messages, workers and the messages they post run out, the workers those start
    too (a store call's result may ask for another), up to `rounds` deep."""
    await pilot.pause()
    for _ in range(rounds):
        running = list(pilot.app.workers)
        if not running:
            return
        await pilot.app.workers.wait_for_complete(running)
        await pilot.pause()


async def press(pilot: Pilot, *keys: str) -> None:
    """Press `keys`, then let what they set off run out (`settle`)."""
    await pilot.press(*keys)
    await settle(pilot)


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 5.0
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
    await pilot.pause()
