"""Site adapters, tried in order; each recognises its template by markup, not by domain."""

from liveread.parse.adapter import Adapter
from liveread.parse.sites.bbc import BBC
from liveread.parse.sites.guardian import Guardian
from liveread.parse.sites.independent import Independent
from liveread.parse.sites.reach import ReachLiveEvent, ReachLiveEvents
from liveread.parse.sites.repubblica import Repubblica

ADAPTERS: tuple[type[Adapter], ...] = (
    Guardian,
    BBC,
    Independent,
    ReachLiveEvent,
    ReachLiveEvents,
    Repubblica,
)

__all__ = ["ADAPTERS"]
