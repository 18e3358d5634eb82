"""The network side of the app: refreshing and adding feeds on a thread of their own.

`Background` runs an asyncio loop on a thread of its own, with a `Core` over a second
connection to the same database file (WAL lets the app read on its own connection while a
refresh writes). Fetching, parsing and the refresh's writes all happen there, so the app's
own loop only draws. Its fetcher's client belongs to that loop, and lives as long as it does.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from liveread.config import Config
from liveread.core import Core
from liveread.store import Store

_T = TypeVar("_T")
Job = Callable[[Core], Coroutine[Any, Any, _T]]


class Background:
    """Jobs run on the network thread's loop, each given the background core (opened there
    on the first job, over `path`, read-only where `read_only`)."""

    def __init__(self, path: Path, config: Config, *, read_only: bool = False) -> None:
        self.path = path
        self.config = config
        self.read_only = read_only
        self._core: Core | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="liveread-network", daemon=True
        )
        self._thread.start()
        self._closed = False
        self._loaded = asyncio.run_coroutine_threadsafe(_load_network_stack(), self._loop)

    @property
    def running(self) -> bool:
        """Whether its thread runs (until `close()` ends it)."""
        return self._thread.is_alive()

    def submit(self, job: Job[_T]) -> concurrent.futures.Future[_T]:
        """Start `job(core)` on the network loop; its future is safe to wait on (or cancel,
        which cancels the job) from any thread."""
        if self._closed:
            raise RuntimeError("background closed")
        return asyncio.run_coroutine_threadsafe(self._run(job), self._loop)

    async def run(self, job: Job[_T]) -> _T:
        """`job(core)` on the network loop, awaited from another loop."""
        return await asyncio.wrap_future(self.submit(job))

    async def _run(self, job: Job[_T]) -> _T:
        if self._core is None:
            self._core = Core(Store(self.path, read_only=self.read_only), self.config)
        return await job(self._core)

    def close(self) -> None:
        """Cancel the jobs under way (a write in progress completes: each is one
        transaction), close the fetcher, the parse processes and the store, and end the
        thread. Blocks until done: from a loop, call it in a thread."""
        if self._closed:
            return
        self._closed = True
        asyncio.run_coroutine_threadsafe(self._shut_down(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def wait_loaded(self, timeout: float | None = None) -> None:
        """Until the network stack is loaded (see `_load_network_stack`)."""
        self._loaded.result(timeout)

    async def _shut_down(self) -> None:
        jobs = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in jobs:
            task.cancel()
        await asyncio.gather(*jobs, return_exceptions=True)
        try:
            if self._core is not None:
                await self._core.aclose()
        finally:
            await self._loop.shutdown_default_executor()


async def _load_network_stack() -> None:
    """Load what the first request would load on its way: anyio's asyncio backend, a tenth
    of a second of imports during which the app's own loop waits for the interpreter. At
    the start, while nothing waits on this thread, rather than in the middle of the first
    refresh."""
    import anyio

    await anyio.sleep(0)
