"""Reading the many ways live blogs write a moment in time, always ending in aware UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_ISO_NUMERIC = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
# "Mon May 15 2023 11:50:54 GMT+0000 (Coordinated Universal Time)": JavaScript's Date.toString().
_JS_DATE = re.compile(
    r"^\w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})", re.IGNORECASE
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
# "14 August 2023 10:01" as printed under Independent posts.
_DAY_MONTH_YEAR_TIME = re.compile(r"(\d{1,2}) ([A-Za-z]+) (\d{4}),? (\d{1,2})[:.](\d{2})")


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def from_epoch(value: str | int | float | None) -> datetime | None:
    """Epoch seconds or milliseconds (told apart by size) to UTC."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number > 1e11:  # milliseconds: 1e11 seconds is the year 5138
        number /= 1000
    try:
        return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_time(value: str | None, *, local_zone: str | tzinfo | None = None) -> datetime | None:
    """An ISO 8601, RFC 2822 or JavaScript date string as aware UTC.

    A value with no zone is read in `local_zone` (a zone or its name) when given (a site's own
    zone), else as UTC.
    A value that names no real moment (the 31st of a short month, an offset of a day or more,
    a year past 9999 once in UTC) gives None.
    """
    if not value:
        return None
    value = value.strip()
    try:
        try:  # the common case, ISO 8601 as Python reads it, at C speed
            when = datetime.fromisoformat(value)
            return when.astimezone(UTC) if when.tzinfo is not None else _localise(when, local_zone)
        except ValueError:
            return _parse(value, local_zone)
    except (ValueError, OverflowError):
        return None


def _parse(value: str, local_zone: str | tzinfo | None) -> datetime | None:
    """A date string that is not ISO 8601 as Python reads it."""
    if match := _ISO_NUMERIC.match(value):
        return _from_iso_match(match, local_zone)
    if match := _JS_DATE.match(value):
        month = _MONTHS.get(match[1].lower()[:3])
        if month is None:
            return None
        offset = match[7]
        iso = (
            f"{match[3]}-{month:02d}-{int(match[2]):02d}T{match[4]}:{match[5]}:{match[6]}"
            f"{offset[:3]}:{offset[3:]}"
        )
        return datetime.fromisoformat(iso).astimezone(UTC)
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, IndexError):
        return None
    return _localise(parsed, local_zone)


def _from_iso_match(match: re.Match[str], local_zone: str | tzinfo | None) -> datetime | None:
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    naive = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro
    )
    if offset is None:
        return _localise(naive, local_zone)
    if offset.upper() == "Z":
        return naive.replace(tzinfo=UTC)
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return naive.replace(tzinfo=timezone(sign * timedelta(minutes=minutes))).astimezone(UTC)


def _localise(dt: datetime, local_zone: str | tzinfo | None) -> datetime:
    if dt.tzinfo is not None:
        return dt.astimezone(UTC)
    tz = zone(local_zone) if isinstance(local_zone, str) else local_zone
    return dt.replace(tzinfo=tz or UTC).astimezone(UTC)


def parse_day_month_time(text: str, *, local_zone: str | tzinfo) -> datetime | None:
    """'14 August 2023 10:01' (a site's local time, no zone written) as UTC."""
    match = _DAY_MONTH_YEAR_TIME.search(text)
    if not match:
        return None
    month = _MONTHS.get(match[2].lower()[:3])
    if month is None:
        return None
    try:
        naive = datetime(int(match[3]), month, int(match[1]), int(match[4]), int(match[5]))
        return _localise(naive, local_zone)
    except (ValueError, OverflowError):
        return None
