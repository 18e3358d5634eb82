"""Store calls off the UI thread: run on a thread of their own, their results back on the UI.

The app's own connection to the database serves what it shows (feeds, posts, counts) and the
user's changes (read marks, favourites, order). Each such call runs on one store thread, in
the order the handlers asked for them (a read mark, then its undo, land in that order), and
what follows it on the UI runs when its result is back. The UI thread runs no query itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.app import App
from textual.worker import Worker

from liveread.store import StoreError
from liveread.ui.messages import StoreFailed

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

_T = TypeVar("_T")


class StoreCalls(App[None]):
    _store_thread: ThreadPoolExecutor | None = None

    async def in_store_thread(self, call: Callable[[], _T]) -> _T:
        """`call()` on the store thread, awaited without blocking the UI. Once asked for, it
        runs even if the awaiting worker is cancelled: a write is never half asked for."""
        if self._store_thread is None:  # started after the first frame, loaded then too
            from concurrent.futures import ThreadPoolExecutor

            self._store_thread = ThreadPoolExecutor(1, thread_name_prefix="liveread-store")
        future = asyncio.get_running_loop().run_in_executor(self._store_thread, call)
        return await asyncio.shield(future)

    def with_store(
        self,
        call: Callable[[], _T],
        then: Callable[[_T], object] | None = None,
        *,
        unsaved: str | None = None,
        group: str = "store",
        exclusive: bool = False,
    ) -> Worker[None]:
        """Run `call()` (store work) on the store thread, then `then(result)` on the UI. A
        StoreError is posted as StoreFailed (`unsaved`: what the user asked for that was not
        kept) and `then` is skipped. `exclusive`: a newer call of the `group` supersedes this
        one's `then`."""

        async def job() -> None:
            try:
                result = await self.in_store_thread(call)
            except StoreError as error:
                self.post_message(StoreFailed(error, unsaved))
                return
            if then is not None:
                then(result)

        return self.run_worker(job(), group=group, exclusive=exclusive)

    async def close_store_thread(self) -> None:
        """Wait for the store calls asked for (so writes are kept), then end the thread."""
        thread, self._store_thread = self._store_thread, None
        if thread is not None:
            await asyncio.to_thread(thread.shutdown)
