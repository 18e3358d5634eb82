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
    """ "just now", "12 min ago", "3 h ago", "2 days ago"; future times read "in 5 min"."""
    if dt is None:
        return "undated"
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
        return local(dt).strftime("%d %b %Y")
    return f"in {text}" if future else f"{text} ago"


def stamp(dt: datetime | None, now: datetime | None = None) -> str:
    """Local date and time with the relative age: "Mon 15 May 12:34 (20 min ago)"."""
    if dt is None:
        return "undated"
    return f"{local(dt).strftime('%a %d %b %Y %H:%M')} ({relative_age(dt, now)})"
