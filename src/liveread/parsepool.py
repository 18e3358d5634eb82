"""Parsing followed feeds' pages in worker processes, so a refresh of many feeds uses every core.

Each feed is always parsed by the same worker process (slot `feed_id % size`), since
`parse_feed_page` may keep what it learnt of a feed's page in that process's memory for the
next refresh. Each slot is an executor of one process of its own, started on its first page.

Workers are started with "spawn": the app that asks for them runs threads, which a forked
child would inherit in whatever state they were. A worker that dies (killed, out of memory)
fails only the pages it held; the slot gets a new process for its next page.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import resource_tracker
from typing import TypeVar

from liveread.feedparse import parse_feed_page
from liveread.model import LiveBlog

_T = TypeVar("_T")
_tracker_lock = threading.Lock()


class ParseCrashed(Exception):
    """The worker process parsing a page died before it was done; str() says so."""


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool_size() -> int:
    """How many worker processes a refresh of several feeds parses in: one per usable core;
    none on a single core, where a process more would only add the cost of sending pages."""
    cores = usable_cores()
    return cores if cores > 1 else 0


def ready() -> None:
    """Nothing: run in a new worker process, it has that process import this module (and
    so the parser) before any page needs it."""


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (every process start needs it) with the real
    standard error: it hands on `sys.stderr`'s descriptor, and an app that captures what is
    printed (Textual does) has put an object there whose descriptor is -1, which would fail
    the start. Only while it starts is standard error the real one."""
    with _tracker_lock:
        real = sys.__stderr__
        if real is None or sys.stderr is real:
            resource_tracker.ensure_running()
            return
        with contextlib.redirect_stderr(real):
            resource_tracker.ensure_running()


class ParsePool:
    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a parse pool needs at least one process")
        self.size = size
        self.pages = 0
        """Pages parsed here so far (not counting those that failed)."""
        self._slots: list[ProcessPoolExecutor | None] = [None] * size
        self._context = multiprocessing.get_context("spawn")
        self._closed = False

    def start(self) -> None:
        """Start every slot's process that is not running, so that all get ready (liveread's
        parser imported) at once rather than each on its own first page."""
        for slot in range(self.size):
            if self._slots[slot] is None:
                self._executor(slot).submit(ready)

    async def parse(self, feed_id: int, html: str, url: str) -> LiveBlog:
        """`parse_feed_page(feed_id, html, url)` in the feed's own worker process. The first
        page starts every process (none start for a refresh that parses nothing)."""
        if self.pages == 0:
            self.start()
        blog = await self.run(feed_id, parse_feed_page, feed_id, html, url)
        self.pages += 1
        return blog

    async def run(self, feed_id: int, call: Callable[..., _T], *args: object) -> _T:
        """`call(*args)` in the worker process of `feed_id`'s slot. ParseCrashed when that
        process dies meanwhile (the slot starts afresh on its next call)."""
        slot = feed_id % self.size
        executor = self._executor(slot)
        try:
            return await asyncio.wrap_future(executor.submit(call, *args))
        except BrokenProcessPool:
            if self._slots[slot] is executor:
                self._slots[slot] = None
                executor.shutdown(wait=False, cancel_futures=True)
            raise ParseCrashed("the page's parser process ended unexpectedly") from None

    def _executor(self, slot: int) -> ProcessPoolExecutor:
        if self._closed:
            raise RuntimeError("parse pool closed")
        executor = self._slots[slot]
        if executor is None:
            start_resource_tracker()
            executor = ProcessPoolExecutor(max_workers=1, mp_context=self._context)
            self._slots[slot] = executor
        return executor

    def close(self) -> None:
        """End the worker processes, waiting for a page being parsed (pages waiting are
        dropped). Blocks: from a loop, call it in a thread."""
        self._closed = True
        slots, self._slots = self._slots, [None] * self.size
        for executor in slots:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)
