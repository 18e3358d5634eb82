"""Posts new since the last visit: which they are, and where the list's divider goes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # loaded with the database, after the first frame
    from liveread.store import EntrySummary


Visits = Mapping[int, datetime | None]
"""Each feed's previous visit (None: never opened before) for the view on show."""


def new_refs(summaries: Iterable[EntrySummary], visits: Visits) -> frozenset[str]:
    """The posts first seen after their feed's previous visit. A feed never opened before has
    none: everything in it is new, which no divider helps with."""
    new = set()
    for summary in summaries:
        visited = visits.get(summary.feed_id)
        if visited is not None and summary.first_seen_at > visited:
            new.add(f"e{summary.id}")
    return frozenset(new)


class NewPlace(NamedTuple):
    divider: int | None
    """The list index of the divider, between the new posts and the rest; None for no divider
    (nothing new, or nothing but new)."""
    first_new: str | None
    """The earliest new post, where catching up starts: next to the divider."""


def place_new(refs: Sequence[str], new: Set[str], *, oldest_first: bool) -> NewPlace:
    """New posts gather at the newest end of the list (the top, or the bottom oldest first);
    the divider closes that run. A new post further in (one dated back) is not in it."""
    ordered = list(reversed(refs)) if oldest_first else list(refs)
    run = 0
    while run < len(ordered) and ordered[run] in new:
        run += 1
    if run == 0:
        scattered = [ref for ref in ordered if ref in new]
        return NewPlace(None, scattered[-1] if scattered else None)
    first_new = ordered[run - 1]
    if run == len(ordered):
        return NewPlace(None, first_new)
    return NewPlace(len(refs) - run if oldest_first else run, first_new)
