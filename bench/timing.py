"""Timing helpers the benchmarks share: the best of alternating runs, and an event-loop
heartbeat that records the longest stall."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of(rounds: int, *jobs: Callable[[], object]) -> list[float]:
    """The fastest of `rounds` runs of each job: the least disturbed by the rest of the
    machine. The jobs take turns, so a busy spell slows them alike rather than one of them."""
    times: list[list[float]] = [[] for _ in jobs]
    for _ in range(rounds):
        for job, taken in zip(jobs, times, strict=True):
            gc.collect()
            start = time.perf_counter()
            job()
            taken.append(time.perf_counter() - start)
    return [min(taken) for taken in times]


class Heartbeat:
    """The longest gap between beats (of a 10 ms timer on the loop measured) since the last
    `reset`: how long the loop did nothing else."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
