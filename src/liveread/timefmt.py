"""Showing stored UTC times to a person: their own zone, and a relative age."""

from __future__ import annotations

from datetime import UTC, datetime


def clock() -> datetime:
    """The current time (aware, UTC). The one place "now" comes from for what is shown, so
    tests (and snapshots) can fix it by replacing this function."""
    return datetime.now(UTC)


def local(dt: datetime) -> datetime:
    return dt.astimezone()


def relative_age(dt: datetime | None, now: datetime | None = None) -> str:
    """ "just now", "12 min ago", "3 h ago", "2 days ago"; future times read "in 5 min"; from
    60 days on, the date."""
    if dt is None:
        return "undated"
    return _relative(dt, now) or local(dt).strftime("%d %b %Y")


def _relative(dt: datetime, now: datetime | None) -> str | None:
    """The relative age while it says more than the date does, else None."""
    seconds = ((now or clock()) - dt).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        text = f"{int(seconds // 60)} min"
    elif seconds < 86400:
        text = f"{int(seconds // 3600)} h"
    elif seconds < 86400 * 60:
        days = int(seconds // 86400)
        text = f"{days} day{'s' if days != 1 else ''}"
    else:
        return None
    return f"in {text}" if future else f"{text} ago"


def short_age(dt: datetime, now: datetime | None = None) -> str:
    """A list row's age: "now", "5 min", "3 h", "2 d", "in 5 min" for a time ahead; from 60
    days on, the day and month ("09 Jan")."""
    seconds = ((now or clock()) - dt).total_seconds()
    ahead = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return "now"
    if seconds >= 86400 * 60:
        return local(dt).strftime("%d %b")
    size, unit = next((s, u) for s, u in ((86400, "d"), (3600, "h"), (60, "min")) if seconds >= s)
    text = f"{int(seconds // size)} {unit}"
    return f"in {text}" if ahead else text


def stamp(
    dt: datetime | None, now: datetime | None = None, layout: str = "%a %d %b %Y %H:%M"
) -> str:
    """Local date and time, with the relative age while it says more than the date does:
    "Mon 15 May 2023 12:34 (20 min ago)", but "Mon 14 Aug 2023 09:01" a year on."""
    if dt is None:
        return "undated"
    shown = local(dt).strftime(layout)
    age = _relative(dt, now)
    return f"{shown} ({age})" if age else shown
