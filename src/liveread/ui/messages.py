"""The app's own messages: what its workers post and its handlers act on.

Workers (fetching, reading rows from the store) never touch widgets; they post one of these,
and the app's handler for it owns the state. (Smaller store calls come back through
`storecalls.StoreCalls.with_store`, not a message of their own.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from liveread.store import StoreError
from liveread.ui.lists import Row
from liveread.ui.visits import Visits

if TYPE_CHECKING:
    from liveread.service import Event


class Inbox:
    """The service's events (a feed's refresh started, finished or failed) as the network
    thread reports them, handed to the app a batch at a time: one `ServiceEvents` message
    for all that arrive while the app is busy with others, not one for each (a refresh of
    hundreds of feeds reports them in bursts, and the app takes its messages one after
    another without drawing in between)."""

    def __init__(self, post: Callable[[Message], object]) -> None:
        self._post = post
        self._lock = threading.Lock()
        self._events: list[Event] = []
        self._posted = False

    def put(self, event: Event) -> None:
        """Report `event` (from any thread)."""
        with self._lock:
            self._events.append(event)
            if self._posted:
                return
            self._posted = True
        self._post(ServiceEvents(self))

    def take(self) -> list[Event]:
        """The events reported since the last take, in order (on the app's thread)."""
        with self._lock:
            events, self._events, self._posted = self._events, [], False
        return events


class ServiceEvents(Message):
    """Events are waiting in the `inbox`."""

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self.inbox = inbox


@dataclass(frozen=True, slots=True)
class Loaded:
    """Rows for one view, read from the store by a worker (none, with the reason, when the
    store could not read them)."""

    view: str
    rows: list[Row]
    keep: str | None
    failed: StoreError | None = None
    new: frozenset[str] = frozenset()
    """The posts new since the view's previous visit."""
    oldest_first: bool = False
    visits: Visits = field(default_factory=dict)
    """The previous visit of each of the view's feeds, the posts new since counted from."""
    has_feeds: bool = True
    """Whether any feed is followed (asked when the view has no rows, to say why)."""
    titles: dict[str, str] | None = None
    """The title each row shows in the list (`list_titles`)."""
    after_first_rows: bool = False
    """The whole view, following its first rows (which are on show already)."""


class RowsLoaded(Message):
    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded


class StoreFailed(Message):
    """A store call failed; `unsaved` says what the user asked for that was not kept."""

    def __init__(self, error: StoreError, unsaved: str | None = None) -> None:
        super().__init__()
        self.error = error
        self.unsaved = unsaved
