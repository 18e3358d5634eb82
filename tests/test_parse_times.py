"""Reading the times live blogs write: every form ends as aware UTC, and a value that names
no real moment gives None, never an exception that would lose the page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from liveread.parse.times import parse_day_month_time, parse_time


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        ("2024-08-05T20:01:34.935+01:00", None, "2024-08-05T19:01:34.935000+00:00"),
        ("2024-08-05T19:01:34Z", None, "2024-08-05T19:01:34+00:00"),
        (" 2023-11-02T16:56 ", "Europe/Rome", "2023-11-02T15:56:00+00:00"),
        ("2023-11-02T16:56", None, "2023-11-02T16:56:00+00:00"),
        ("2024-07-18T08:36:00+0100", None, "2024-07-18T07:36:00+00:00"),
        ("Mon May 15 2023 11:50:54 GMT+0200 (CEST)", None, "2023-05-15T09:50:54+00:00"),
        ("Tue, 12 May 2020 15:05:08 GMT", None, "2020-05-12T15:05:08+00:00"),
    ],
)
def test_times_are_read_as_utc(value: str, zone: str | None, expected: str) -> None:
    parsed = parse_time(value, local_zone=zone)
    assert parsed is not None and parsed.tzinfo is UTC
    assert parsed.isoformat() == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "soon",
        "0000-00-00",
        "2024-13-45T99:99",
        "2024-02-30T10:00:00Z",
        "2024-01-01T10:00:00+2500",  # an offset of more than a day
        "9999-12-31T23:59:59-01:00",  # past the last year once in UTC
        "0001-01-01T00:30:00+01:00",  # before the first year once in UTC
        "Thu Jan 99 2024 10:00:00 GMT+0000",
        "Thu Foo 10 2024 10:00:00 GMT+0000",
        "31 Dec 9999 23:59 -1400",
    ],
)
def test_a_time_that_names_no_real_moment_is_none(value: str) -> None:
    assert parse_time(value) is None
    assert parse_time(value, local_zone="Pacific/Kiritimati") is None


def test_a_displayed_day_and_time_at_the_edge_of_the_calendar_is_none() -> None:
    assert parse_day_month_time("31 December 9999 23:59", local_zone="America/New_York") is None
    assert parse_day_month_time("14 August 2023 10:01", local_zone="Europe/London") == datetime(
        2023, 8, 14, 9, 1, tzinfo=UTC
    )
