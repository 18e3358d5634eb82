"""How stored UTC times are shown: local time, and an age while the age says more."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from liveread.timefmt import relative_age, short_age, stamp

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("ago", "age"),
    [
        (timedelta(seconds=20), "just now"),
        (timedelta(minutes=12), "12 min ago"),
        (timedelta(hours=3, minutes=59), "3 h ago"),
        (timedelta(days=1), "1 day ago"),
        (timedelta(days=59), "59 days ago"),
        (timedelta(days=60), "09 Jan 2026"),
        (-timedelta(minutes=5), "in 5 min"),
    ],
)
def test_relative_age(ago: timedelta, age: str) -> None:
    assert relative_age(NOW - ago, NOW) == age


@pytest.mark.parametrize(
    ("ago", "age"),
    [
        (timedelta(seconds=59), "now"),
        (timedelta(minutes=5), "5 min"),
        (timedelta(minutes=59, seconds=59), "59 min"),
        (timedelta(hours=3, minutes=59), "3 h"),
        (timedelta(days=2, hours=23), "2 d"),
        (timedelta(days=59), "59 d"),
        (timedelta(days=60), "09 Jan"),
        (-timedelta(minutes=5), "in 5 min"),
    ],
)
def test_short_age_for_list_rows(ago: timedelta, age: str) -> None:
    assert short_age(NOW - ago, NOW) == age


def test_stamp_gives_the_age_while_it_says_more_than_the_date() -> None:
    assert stamp(NOW - timedelta(minutes=20), NOW) == "Tue 10 Mar 2026 11:40 (20 min ago)"
    assert stamp(NOW - timedelta(days=400), NOW) == "Mon 03 Feb 2025 12:00"
    assert stamp(None, NOW) == "undated"
    assert stamp(NOW, NOW, layout="%d %b, %H:%M") == "10 Mar, 12:00 (just now)"
