"""Times read from the visible text of live blogs, for pages with no machine-readable time.

A post's opening may carry a time marker (`read_marker`: "13:47", "10.30 Uhr:", "2:02 p.m. ET",
"14h23", "16 min ago", "vor 2 Stunden", a minute of play "95'"); headings between runs of
posts name days (`read_day`: "Donnerstag, 18. 7.", "Monday 5 August"); the page may say which
zone its times are in (`zone_statement`), else the site's country or language names one
(`zone_for`). A `Clock` then turns the markers of a list of posts into UTC times, moving a day
back where a newest-first list crosses midnight.

The API lives here: `read_marker` and `Marker` (`textmarkers`), `read_day` (`textdays`),
`zone_statement`, `zone_for`, `meant_zone` and `ZONE_WORDS` (`textzones`), and `Clock`.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from liveread.parse.textdays import nearest_day, read_day
from liveread.parse.textmarkers import Marker, may_start_marker, read_marker
from liveread.parse.textzones import (
    ZONE_WORDS,
    dateline_zone,
    meant_zone,
    zone_for,
    zone_statement,
)

__all__ = [
    "ZONE_WORDS",
    "Clock",
    "Marker",
    "dateline_zone",
    "may_start_marker",
    "meant_zone",
    "nearest_day",
    "read_day",
    "read_marker",
    "zone_for",
    "zone_statement",
]


FUTURE_SLACK = timedelta(hours=1)
"""How far after the page's own time a post may be (clocks differ) before its time is read
as the day before: 23:58 on a page updated at 00:10 is yesterday's."""


class Clock:
    """Turns the markers of a list of posts, read in page order, into UTC times.

    `zone`: the page's (`zone_statement`, else `zone_for`). `page_day`: the day of the post
    the list starts with, in that zone: the page's modified date for a newest-first list,
    its published date for an oldest-first one; when None, the day of `reference`.
    `reference`: the page's own modified time (aware), for relative markers; with
    `reference_is_start`, the only time the page gives is when it was first published: the
    newest post of a newest-first list is not before it (by more than `FUTURE_SLACK`), and a
    time that would be is the day after.

    In a newest-first list a clock time later than the previous post's means the day before
    (the list crossed midnight), and the current day moves back; in an oldest-first list
    (`newest_first=False`) an earlier time means the day after. After a day heading the
    posts are on that heading's day: no crossing until the next heading. A time from the
    page day that lies more than `FUTURE_SLACK` after `reference` is the day before (not
    when `reference` is the page's start: its posts come after that).
    Wall times a clock change skips or repeats are read as zoneinfo does (fold 0: a Swiss
    2.30 on the night summer time ends is the first, summer-time one).
    With `twelve_hour` (a page whose clocks are 12-hour ones), a time written without am or
    pm ("3:40") is the half of the day that keeps the list's order (`_half_day`).
    """

    def __init__(
        self,
        zone: tzinfo,
        page_day: date | None = None,
        reference: datetime | None = None,
        *,
        newest_first: bool = True,
        reference_is_start: bool = False,
        twelve_hour: bool = False,
    ) -> None:
        if reference is not None and reference.utcoffset() is None:
            raise ValueError("the reference time must be aware")
        if page_day is None and reference is not None:
            page_day = reference.astimezone(zone).date()
        self.zone = zone
        self.reference = reference
        self.newest_first = newest_first
        self.reference_is_start = reference_is_start
        self.twelve_hour = twelve_hour
        self._day = page_day
        self._page_day = page_day
        self._day_named = False
        self._previous: tuple[int, int] | None = None

    def day_heading(self, day: date) -> None:
        """A day heading came (in page order): the posts below it are on that day."""
        self._day = day
        self._day_named = True
        self._previous = None

    def time_of(self, marker: Marker | None, *, in_order: bool = True) -> datetime | None:
        """The UTC time of the next post in page order, from its marker. clock: on the
        current day, in the marker's zone (as the clock's zone reads an ambiguous one: "IST"
        on an Irish page) else the clock's; None while no day is known.
        moment: as written. relative: `reference` - `ago`. minute, None: None.

        `in_order=False` for a post known to stand outside the list's order (a pinned copy
        at the top): it is read on the current day and leaves the day and the previous time
        as they were."""
        if marker is None or marker.kind == "minute":
            return None
        if marker.kind == "relative":
            if self.reference is None or marker.ago is None:
                return None
            return (self.reference - marker.ago).astimezone(UTC)
        if marker.hour is None or marker.minute is None:
            return None
        wall = (marker.hour, marker.minute)
        zone = self.zone if marker.zone is None else meant_zone(marker.zone, self.zone)
        if marker.days_back is not None or marker.weekday is not None:
            if self._page_day is None:
                return None
            back = self._page_day - timedelta(days=_days_before(marker, self._page_day))
            if in_order:
                self._day, self._day_named, self._previous = back, False, wall
            return _at(back, wall, zone)
        if marker.kind == "moment":
            day = marker.day or self._day_of(marker.month_day)
            if day is None:
                return None
            if in_order:
                self._day, self._day_named, self._previous = day, False, wall
            return _at(day, wall, zone)
        if self.twelve_hour and _BARE_TWELVE_HOUR.match(marker.label):
            wall = self._half_day(wall, zone)
        return self._clock_time(wall, zone, in_order=in_order)

    def _half_day(self, wall: tuple[int, int], zone: tzinfo) -> tuple[int, int]:
        """Of a 12-hour time written without am or pm, the morning or afternoon one: in a
        newest-first list the latest not after the previous post's time (if neither is, the
        list crossed midnight: the afternoon one), for its first post the latest not after
        the page's own time; in an oldest-first list the earliest not before the previous
        post's. As written where nothing tells."""
        morning, afternoon = (wall[0] % 12, wall[1]), (wall[0] % 12 + 12, wall[1])
        previous = self._previous
        if previous is None:
            if not self.newest_first or self.reference is None or self._day is None:
                return wall
            latest = self.reference + FUTURE_SLACK
            if _at(self._day, afternoon, zone) <= latest or _at(self._day, morning, zone) > latest:
                return afternoon  # both ahead of the page's time: yesterday's afternoon
            return morning
        if self.newest_first:
            return afternoon if afternoon <= previous or morning > previous else morning
        return morning if morning >= previous or afternoon < previous else afternoon

    def _day_of(self, month_day: tuple[int, int] | None) -> date | None:
        if month_day is None or self._day is None:
            return None
        return nearest_day(*month_day, self._day)

    def _clock_time(
        self, wall: tuple[int, int], zone: tzinfo, *, in_order: bool
    ) -> datetime | None:
        day = self._day
        if day is None:
            return None
        fold = 0
        if in_order and not self._day_named and self._crosses_midnight(wall):
            if self._repeated(wall, zone):
                fold = 0 if self.newest_first else 1  # the hour's first pass, or its second
            else:
                day += timedelta(days=-1 if self.newest_first else 1)
        when = _at(day, wall, zone, fold)
        if self._in_future(when):
            day -= timedelta(days=1)
            when = _at(day, wall, zone)
        elif self._before_start(when):
            day += timedelta(days=1)
            when = _at(day, wall, zone)
        if in_order:
            self._day, self._previous = day, wall
        return when

    def _crosses_midnight(self, wall: tuple[int, int]) -> bool:
        if self._previous is None:
            return False
        return wall > self._previous if self.newest_first else wall < self._previous

    def _repeated(self, wall: tuple[int, int], zone: tzinfo) -> bool:
        """Whether `wall` and the previous post's time both lie in the hour the current day
        repeats (summer time ends): a list that runs back through it reads 1:20 then 1:45
        without crossing midnight."""
        day, previous = self._day, self._previous
        return (
            day is not None
            and previous is not None
            and all(_at(day, w, zone) != _at(day, w, zone, 1) for w in (wall, previous))
        )

    def _in_future(self, when: datetime) -> bool:
        return (
            self.newest_first
            and not self._day_named
            and not self.reference_is_start
            and self.reference is not None
            and when > self.reference + FUTURE_SLACK
        )

    def _before_start(self, when: datetime) -> bool:
        """Whether the newest post of a list, its first, lies before the page began: then
        the walk back starts the day after (a post below it may still be before the start,
        as pages show)."""
        return (
            self.reference_is_start
            and self.newest_first
            and self._previous is None
            and not self._day_named
            and self.reference is not None
            and when < self.reference - FUTURE_SLACK
        )


_BARE_TWELVE_HOUR = re.compile(r"(?:[1-9]|1[0-2])[:.][0-5]\d(?!\s?[ap]\.?\s?m\b)(?:\s|$)", re.I)
"""A 12-hour clock time without am or pm ("3:40", "11.15 ET"; not "09:15", "3:40pm")."""


def _days_before(marker: Marker, page_day: date) -> int:
    """How many days before the page's day the day a marker names is: its days back, or
    for a weekday the latest such day on or before the page's day."""
    if marker.days_back is not None:
        return marker.days_back
    return (page_day.weekday() - (marker.weekday or 0)) % 7


def _at(day: date, wall: tuple[int, int], zone: tzinfo, fold: int = 0) -> datetime:
    return datetime.combine(day, time(*wall, fold=fold), tzinfo=zone).astimezone(UTC)
