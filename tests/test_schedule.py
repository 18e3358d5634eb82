"""The polling schedule as a pure function of what a fetch found, at injected times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from liveread.schedule import (
    SOURCE_SECONDS,
    Outcome,
    Reason,
    Rhythm,
    brief,
    describe,
    duration,
    next_fetch,
    usual_gap,
)

AT = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
RHYTHM = Rhythm(base=60.0, floor=30.0, ceiling=1800.0)


def ago(*minutes: float) -> list[datetime]:
    return [AT - timedelta(minutes=m) for m in minutes]


def wait(plan_at: datetime | None) -> float:
    assert plan_at is not None
    return (plan_at - AT).total_seconds()


def test_posts_arriving_often_are_polled_at_the_floor():
    plan = next_fetch(Outcome(AT, post_times=ago(0.5, 1, 1.5, 2)), RHYTHM)
    assert plan.reason == Reason.ARRIVING
    assert (wait(plan.next_at), plan.interval) == (30.0, 30.0)


def test_posts_arriving_slowly_are_polled_at_the_base():
    # A post every ten minutes, the last four minutes ago: still its rhythm, at the base.
    plan = next_fetch(Outcome(AT, post_times=ago(4, 14, 24)), RHYTHM)
    assert plan.reason == Reason.ARRIVING
    assert wait(plan.next_at) == 60.0


def test_a_blog_going_quiet_is_polled_slower_and_slower_up_to_the_ceiling():
    times = [AT - timedelta(minutes=m) for m in (40, 41, 42)]
    waits = []
    for quiet in (10, 40, 90, 180, 600):
        at = times[0] + timedelta(minutes=quiet)
        plan = next_fetch(Outcome(at, post_times=times), RHYTHM)
        assert plan.reason == Reason.QUIET
        assert plan.next_at is not None
        waits.append((plan.next_at - at).total_seconds())
    assert waits == [150.0, 600.0, 1350.0, 1800.0, 1800.0]


def test_new_posts_found_count_as_arriving_however_long_the_silence_before():
    # An edit or a post dated long ago, found by this fetch: the blog is moving again.
    outcome = Outcome(AT, post_times=ago(300, 310), changed=True)
    assert next_fetch(outcome, RHYTHM).reason == Reason.ARRIVING


def test_a_feed_with_one_post_or_none_is_polled_at_the_base():
    assert wait(next_fetch(Outcome(AT), RHYTHM).next_at) == 60.0
    assert wait(next_fetch(Outcome(AT, post_times=ago(1)), RHYTHM).next_at) == 60.0


def test_a_base_below_the_floor_is_raised_to_it():
    plan = next_fetch(Outcome(AT, post_times=ago(5, 15)), Rhythm(base=10.0, floor=30.0))
    assert wait(plan.next_at) == 30.0


@pytest.mark.parametrize(
    "outcome",
    [
        pytest.param(Outcome(AT, post_times=ago(1, 2), ended=True), id="page-says-ended"),
        pytest.param(Outcome(AT, post_times=ago(24 * 60, 24 * 60 + 5)), id="no-post-for-a-day"),
        pytest.param(Outcome(AT, ended=True, failed=True), id="ended-and-failing"),
    ],
)
def test_an_ended_blog_is_not_scheduled_again(outcome: Outcome):
    plan = next_fetch(outcome, RHYTHM, user_interval=120.0)
    assert (plan.next_at, plan.reason, plan.interval) == (None, Reason.ENDED, None)


def test_an_old_blog_with_a_new_post_is_not_ended():
    plan = next_fetch(Outcome(AT, post_times=ago(2 * 24 * 60), changed=True), RHYTHM)
    assert plan.reason == Reason.ARRIVING


def test_the_users_interval_is_exact():
    fast = Outcome(AT, post_times=ago(0.5, 1, 1.5))
    quiet = Outcome(AT, post_times=ago(300, 310))
    for outcome in (fast, quiet, Outcome(AT, failed=True, status=500)):
        plan = next_fetch(outcome, RHYTHM, user_interval=300.0)
        assert (wait(plan.next_at), plan.reason, plan.interval) == (300.0, Reason.SET, 300.0)


def test_a_source_keeps_its_own_pace_unless_set_and_hints_push_it_later():
    plan = next_fetch(Outcome(AT), RHYTHM, source=True)
    assert (wait(plan.next_at), plan.reason, plan.interval) == (
        SOURCE_SECONDS,
        Reason.SOURCE,
        SOURCE_SECONDS,
    )
    slow = next_fetch(Outcome(AT), Rhythm(base=3600.0, ceiling=7200.0), source=True)
    assert (wait(slow.next_at), slow.reason) == (3600.0, Reason.SOURCE)  # the base if longer
    assert next_fetch(Outcome(AT), RHYTHM, source=True, user_interval=90.0).reason == Reason.SET
    hinted = next_fetch(Outcome(AT, retry_after=1200.0), RHYTHM, source=True)
    assert (wait(hinted.next_at), hinted.reason, hinted.interval) == (
        1200.0,
        Reason.SERVER,
        SOURCE_SECONDS,
    )


def test_failures_back_off_doubling_up_to_the_ceiling():
    previous = None
    waits = []
    for _ in range(7):
        plan = next_fetch(Outcome(AT, failed=True, status=500), RHYTHM, previous=previous)
        assert plan.reason == Reason.ERROR
        waits.append(wait(plan.next_at))
        previous = plan.interval
    assert waits == [120.0, 240.0, 480.0, 960.0, 1800.0, 1800.0, 1800.0]


def test_a_429_backs_off_even_from_a_set_interval():
    plan = next_fetch(Outcome(AT, failed=True, status=429), RHYTHM, user_interval=45.0)
    assert (wait(plan.next_at), plan.reason) == (120.0, Reason.SERVER)
    again = next_fetch(Outcome(AT, failed=True, status=429), RHYTHM, previous=plan.interval)
    assert wait(again.next_at) == 240.0


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        pytest.param(Outcome(AT, failed=True, status=429, retry_after=900.0), 900.0, id="429"),
        pytest.param(Outcome(AT, failed=True, status=503, retry_after=700.0), 700.0, id="503"),
        pytest.param(Outcome(AT, post_times=ago(1, 2), retry_after=400.0), 400.0, id="200"),
        pytest.param(Outcome(AT, post_times=ago(1, 2), max_age=300.0), 300.0, id="max-age"),
        pytest.param(Outcome(AT, post_times=ago(1, 2), max_age=10**6), 1800.0, id="max-age-cap"),
        pytest.param(Outcome(AT, failed=True, retry_after=10.0**9), 86400.0, id="hint-cap"),
    ],
)
def test_server_hints_push_the_next_fetch_later(outcome: Outcome, expected: float):
    plan = next_fetch(outcome, RHYTHM)
    assert (wait(plan.next_at), plan.reason) == (expected, Reason.SERVER)


def test_server_hints_never_bring_the_next_fetch_sooner():
    outcome = Outcome(AT, post_times=ago(100, 110), max_age=5.0, retry_after=1.0)
    plan = next_fetch(outcome, RHYTHM, user_interval=600.0)
    assert (wait(plan.next_at), plan.reason) == (600.0, Reason.SET)


def test_the_interval_kept_is_the_rhythms_not_the_hints():
    plan = next_fetch(Outcome(AT, post_times=ago(1, 2), retry_after=900.0), RHYTHM)
    assert plan.interval == 30.0


def test_usual_gap_is_the_median_gap():
    assert usual_gap(ago(0, 1, 2, 30)) == 60.0
    assert usual_gap(ago(0, 1, 3, 6)) == 120.0
    assert usual_gap(ago(5)) is None


@pytest.mark.parametrize(
    ("next_in", "reason", "user", "text"),
    [
        (120.0, "arriving", None, "in 2 min · posts arriving"),
        (600.0, "server", None, "in 10 min · server asked"),
        (45.0, "quiet", None, "in 45 s · quiet"),
        (90.0, "error", None, "in 2 min · after an error"),
        (-5.0, "arriving", None, "due now · posts arriving"),
        (None, None, None, "due now"),
        (None, "ended", None, "ended"),
        (300.0, "set", 300.0, "every 5 min (set)"),
        (5400.0, "set", 5400.0, "every 1 h 30 min (set)"),
        (600.0, "server", 300.0, "in 10 min · server asked"),
    ],
)
def test_describe(next_in: float | None, reason: str | None, user: float | None, text: str):
    next_at = None if next_in is None else AT + timedelta(seconds=next_in)
    assert describe(next_at, reason, user, AT) == text


def test_brief():
    assert brief(AT + timedelta(minutes=2), "arriving", None, AT) == "next in 2 min · arriving"
    assert brief(AT - timedelta(seconds=1), "quiet", None, AT) == "due now · quiet"
    assert brief(None, "ended", None, AT) == "stopped"
    assert brief(AT, "set", 600.0, AT) == "every 10 min (set)"
    assert brief(AT + timedelta(minutes=10), "source", None, AT) == "next in 10 min"
    assert brief(None, None, None, AT) == ""


def test_duration_rounds_up():
    assert [duration(s) for s in (0.2, 59, 61, 3600, 3660)] == [
        "1 s",
        "59 s",
        "2 min",
        "1 h",
        "1 h 1 min",
    ]
