"""When to fetch a feed next, from its own rhythm: a pure function of what the last fetch
found and when the blog's recent posts arrived (no clock, no store, no network).

- Posts arriving (the newest within twice the blog's usual gap between posts, or the fetch
  found new or edited posts): every half of that gap, between the floor (`min_interval`)
  and the base (`refresh_interval`).
- Going quiet: a quarter of the time since the newest post, from the base up to the
  ceiling, so the interval grows as the silence does (about doubling each hour or so).
- The user's interval for the feed, when set, exactly.
- A source (a feed that announces live blogs) has no posts to set a rhythm by: every
  `SOURCE_SECONDS`, or the base if that is longer.
- Server hints push the next fetch later: `Retry-After`, `Cache-Control: max-age`; a 429
  with no Retry-After backs off, doubling the interval; other failures double it too.
- Ended (the page says so, or no post for a day): no next fetch at all, until a manual
  refresh or a fetch that finds the blog live again.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

DEFAULT_MIN_SECONDS = 30.0
DEFAULT_BASE_SECONDS = 60.0
CEILING_SECONDS = 30 * 60.0
ENDED_AFTER = timedelta(days=1)
"""A blog with no post for this long has ended, whatever the page says."""
MAX_HINT_SECONDS = 24 * 3600.0
"""The furthest a server's hint pushes the next fetch (a bad header is not a ban)."""
RECENT_POSTS = 5
"""How many of the newest posts tell the blog's usual gap between posts."""
SOURCE_SECONDS = 10 * 60.0
"""How often a source is fetched, unless an interval is set for it (it has no posts of its
own to set a rhythm by)."""


class Reason(StrEnum):
    ARRIVING = "arriving"
    QUIET = "quiet"
    SET = "set"
    SERVER = "server"
    ERROR = "error"
    ENDED = "ended"
    SOURCE = "source"


REASON_TEXT: dict[str, str] = {
    Reason.ARRIVING: "posts arriving",
    Reason.QUIET: "quiet",
    Reason.SET: "set",
    Reason.SERVER: "server asked",
    Reason.ERROR: "after an error",
    Reason.ENDED: "ended",
    Reason.SOURCE: "source",
}


class Rhythm(NamedTuple):
    """The bounds of the automatic rhythm, in seconds."""

    base: float = DEFAULT_BASE_SECONDS
    floor: float = DEFAULT_MIN_SECONDS
    ceiling: float = CEILING_SECONDS


DEFAULT_RHYTHM = Rhythm()


class Outcome(NamedTuple):
    """What one fetch found, as far as the schedule cares."""

    at: datetime
    post_times: Sequence[datetime] = ()
    """The feed's newest posts' times, newest first."""
    changed: bool = False
    """A refresh (not the first) stored new or edited posts."""
    ended: bool = False
    """The page says its coverage has ended (`is_live` False)."""
    failed: bool = False
    status: int | None = None
    retry_after: float | None = None
    max_age: float | None = None


class Schedule(NamedTuple):
    next_at: datetime | None
    """None: not fetched again until asked (ended)."""
    reason: Reason
    interval: float | None
    """The rhythm's interval in seconds (before any server hint pushed it later)."""


def next_fetch(
    outcome: Outcome,
    rhythm: Rhythm,
    *,
    user_interval: float | None = None,
    previous: float | None = None,
    source: bool = False,
) -> Schedule:
    """The feed's next fetch after `outcome`; `previous` is the interval it last had;
    `source`: the feed is a source, fetched at its own pace rather than by post times."""
    at = outcome.at
    quiet = _quiet_for(outcome)
    if outcome.ended or (quiet is not None and quiet >= ENDED_AFTER and not outcome.changed):
        return Schedule(None, Reason.ENDED, None)
    floor = rhythm.floor
    base = max(rhythm.base, floor)
    ceiling = max(rhythm.ceiling, base)
    backing_off = max(previous or base, base, user_interval or 0) * 2
    if outcome.status == 429:
        interval, reason = min(backing_off, ceiling), Reason.SERVER
    elif user_interval is not None:
        interval, reason = user_interval, Reason.SET
    elif outcome.failed:
        interval, reason = min(backing_off, ceiling), Reason.ERROR
    elif source:
        interval, reason = max(SOURCE_SECONDS, base), Reason.SOURCE
    else:
        interval, reason = _rhythm(outcome, quiet, floor, base, ceiling)
    wait = interval
    hint = max(_hint(outcome.retry_after), min(_hint(outcome.max_age), ceiling))
    if hint > wait:
        wait, reason = hint, Reason.SERVER
    return Schedule(at + timedelta(seconds=wait), reason, interval)


def _quiet_for(outcome: Outcome) -> timedelta | None:
    if not outcome.post_times:
        return None
    return max(timedelta(0), outcome.at - outcome.post_times[0])


def _rhythm(
    outcome: Outcome, quiet: timedelta | None, floor: float, base: float, ceiling: float
) -> tuple[float, Reason]:
    gap = usual_gap(outcome.post_times)
    quiet_seconds = 0.0 if quiet is None else quiet.total_seconds()
    if outcome.changed or quiet_seconds <= 2 * (gap or base):
        return _clamp((gap or 2 * base) / 2, floor, base), Reason.ARRIVING
    return _clamp(quiet_seconds / 4, base, ceiling), Reason.QUIET


def usual_gap(times: Sequence[datetime]) -> float | None:
    """The median gap in seconds between consecutive posts (newest first); None for fewer
    than two."""
    gaps = sorted(abs((a - b).total_seconds()) for a, b in itertools.pairwise(times))
    if not gaps:
        return None
    middle = len(gaps) // 2
    return gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2


def _hint(seconds: float | None) -> float:
    return 0.0 if seconds is None else min(max(seconds, 0.0), MAX_HINT_SECONDS)


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


class _Wording(NamedTuple):
    ended: str
    unscheduled: str
    """Said of a feed with no next fetch yet."""
    soon: str
    """What comes before the time to wait ("in", "next in")."""
    reasons: dict[str, str]


BRIEF_REASON: dict[str, str] = {
    Reason.ARRIVING: "arriving",
    Reason.QUIET: "quiet",
    Reason.SERVER: "server asked",
    Reason.ERROR: "after an error",
}
"""Why, in a word or two, for a feed's row (a source's row says it is one already)."""

_FULL = _Wording("ended", "due now", "in", REASON_TEXT)
_BRIEF = _Wording("stopped", "", "next in", BRIEF_REASON)


def describe(
    next_at: datetime | None,
    reason: str | None,
    user_interval: float | None,
    now: datetime,
) -> str:
    """When a feed is fetched next and why, in a few words: "in 2 min · posts arriving",
    "ended", "every 5 min (set)", "due now"."""
    return _worded(_FULL, next_at, reason, user_interval, now)


def brief(
    next_at: datetime | None,
    reason: str | None,
    user_interval: float | None,
    now: datetime,
) -> str:
    """`describe` in a few words, for a feed's row: "next in 2 min · arriving", "every 5 min
    (set)", "stopped"; empty where there is nothing to say (no schedule yet)."""
    return _worded(_BRIEF, next_at, reason, user_interval, now)


def _worded(
    wording: _Wording,
    next_at: datetime | None,
    reason: str | None,
    user_interval: float | None,
    now: datetime,
) -> str:
    if reason == Reason.ENDED:
        return wording.ended
    if user_interval is not None and reason == Reason.SET:
        return f"every {duration(user_interval)} (set)"
    if next_at is None:
        return wording.unscheduled
    seconds = (next_at - now).total_seconds()
    when = "due now" if seconds <= 0 else f"{wording.soon} {duration(seconds)}"
    why = wording.reasons.get(reason or "", "")  # a StrEnum key is found by its text
    return f"{when} · {why}" if why else when


def duration(seconds: float) -> str:
    """ "45 s", "2 min", "1 h 30 min": rounded up to the unit shown, so "in" never undersells."""
    whole = int(-(-seconds // 1))
    if whole < 60:
        return f"{whole} s"
    minutes = -(-whole // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
