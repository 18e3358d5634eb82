"""Placeholder: clock times at the start of a text (replaced by the full reader)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Literal

_CLOCK = re.compile(r"\s*(\d{1,2})[:.](\d{2})(?:\s*Uhr)?\s*(?:[:–|-]\s*)?")
_MINUTE = re.compile(r"\s*(\d{1,3}(?:\+\d{1,2})?)'\s*")


@dataclass(frozen=True, slots=True)
class Marker:
    kind: Literal["clock", "moment", "relative", "minute"]
    hour: int | None = None
    minute: int | None = None
    day: date | None = None
    zone: tzinfo | None = None
    ago: timedelta | None = None
    label: str = ""
    end: int = 0


def read_marker(text: str, language: str | None = None) -> Marker | None:
    if not text or not (text[:1].isdigit() or text[:1].isspace()):
        return None
    if match := _CLOCK.match(text):
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return Marker("clock", hour, minute, label=match[0].strip(), end=match.end())
    if match := _MINUTE.match(text):
        return Marker("minute", label=match[0].strip(), end=match.end())
    return None


def read_day(text: str, language: str | None = None, *, near: date | None = None) -> date | None:
    return None


def zone_statement(text: str) -> tzinfo | None:
    return UTC if "UTC" in text else None


_SUFFIXES = (
    (".uk", "Europe/London"),
    (".ie", "Europe/Dublin"),
    (".it", "Europe/Rome"),
    (".fr", "Europe/Paris"),
    (".de", "Europe/Berlin"),
    (".ch", "Europe/Zurich"),
    (".es", "Europe/Madrid"),
    (".au", "Australia/Sydney"),
)


def zone_for(url: str, language: str | None) -> tzinfo:
    from urllib.parse import urlsplit
    from zoneinfo import ZoneInfo

    host = urlsplit(url).hostname or ""
    for suffix, name in _SUFFIXES:
        if host.endswith(suffix):
            return ZoneInfo(name)
    return UTC


class Clock:
    def __init__(self, zone: tzinfo, page_day: date | None, reference: datetime | None) -> None:
        self.zone = zone
        self.day = page_day
        self.reference = reference
        self._last: datetime | None = None

    def day_heading(self, day: date) -> None:
        self.day = day
        self._last = None

    def time_of(self, marker: Marker | None) -> datetime | None:
        if marker is None or marker.kind != "clock" or self.day is None:
            return None
        assert marker.hour is not None and marker.minute is not None
        local = datetime(
            self.day.year,
            self.day.month,
            self.day.day,
            marker.hour,
            marker.minute,
            tzinfo=marker.zone or self.zone,
        )
        if self._last is not None and local > self._last:
            self.day -= timedelta(days=1)
            local -= timedelta(days=1)
        self._last = local
        return local.astimezone(UTC)
