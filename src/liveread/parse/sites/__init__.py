"""The registry of site specs: every template liveread knows by name, in the order they are
tried on a page. A new site is a module here holding its `SiteSpec`, listed in `SPECS`."""

from liveread.parse.sites import bbc, guardian, independent, reach, repubblica
from liveread.parse.spec import SiteSpec

SPECS: tuple[SiteSpec, ...] = (
    guardian.SPEC,
    bbc.SPEC,
    independent.SPEC,
    reach.LIVE_EVENT,
    reach.LIVE_EVENTS,
    repubblica.SPEC,
)

__all__ = ["SPECS"]
