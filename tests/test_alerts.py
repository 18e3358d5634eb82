"""Alerts outside the app: which posts are alerted at each level, how several are told, quiet
hours, the escape sequences (no page text can escape from them), the notify command's
arguments, and a failing command reported once."""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from liveread.alerts import (
    Alert,
    Alerter,
    CommandRunner,
    QuietHours,
    alerts_for,
    command_argv,
    osc9,
    osc777,
    parse_command,
    parse_quiet_hours,
    terminal_kind,
)
from liveread.config import Config
from liveread.store import EntrySummary

FEED = "Election night live"
FEED_URL = "https://news.example/live/election"
START = datetime(2026, 11, 3, 20, 0, tzinfo=UTC)


def post(
    n: int, title: str = "", *, key_event: bool = False, breaking: bool = False, text: str = ""
) -> EntrySummary:
    return EntrySummary(
        id=n,
        feed_id=1,
        feed_title=FEED,
        key=f"p{n}",
        url=f"{FEED_URL}#p{n}",
        published=START + timedelta(minutes=n),
        updated=None,
        first_seen_at=START + timedelta(minutes=n),
        edited_at=None,
        title=title,
        excerpt=text or f"Words of post {n}",
        authors=(),
        kind="post",
        key_event=key_event,
        pinned=False,
        summary=False,
        breaking=breaking,
        is_read=False,
        is_favourite=False,
    )


# -- which posts, at which level ------------------------------------------------------------

MIXED = [
    post(1, "Turnout up"),
    post(2, "Ohio called", key_event=True),
    post(3, "Polls close in the west", breaking=True),
    post(4, "A quiet hour"),
]


def test_level_none_alerts_nothing() -> None:
    assert alerts_for(FEED, FEED_URL, MIXED, "none") == []


def test_level_key_alerts_key_events_and_breaking_news_only() -> None:
    assert alerts_for(FEED, FEED_URL, MIXED, "key") == [
        Alert(FEED, "Breaking: Polls close in the west", f"{FEED_URL}#p3", START + timedelta(minutes=3)),
        Alert(FEED, "Key event: Ohio called", f"{FEED_URL}#p2", START + timedelta(minutes=2)),
    ]  # fmt: skip


def test_level_all_alerts_every_new_post_newest_first() -> None:
    texts = [alert.text for alert in alerts_for(FEED, FEED_URL, MIXED, "all")]
    assert texts == [
        "A quiet hour",
        "Breaking: Polls close in the west",
        "Key event: Ohio called",
        "1 more new post",  # the oldest, "Turnout up"
    ]


def test_more_than_three_posts_give_three_alerts_and_one_summary() -> None:
    posts = [post(n, f"Update {n}", key_event=True) for n in range(1, 8)]
    alerts = alerts_for(FEED, FEED_URL, posts, "key")
    assert [a.text for a in alerts] == [
        "Key event: Update 7",
        "Key event: Update 6",
        "Key event: Update 5",
        "4 more key events",
    ]
    assert alerts[-1] == Alert(FEED, "4 more key events", FEED_URL)


def test_a_post_titled_as_its_blog_is_named_by_its_first_words() -> None:
    (alert,) = alerts_for(FEED, FEED_URL, [post(1, FEED, text="Ohio is called")], "all")
    assert (alert.feed, alert.text) == (FEED, "Ohio is called")


# -- quiet hours ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "quiet"),
    [
        (time(21, 59), False),
        (time(22, 0), True),
        (time(23, 30), True),
        (time(0, 0), True),
        (time(6, 59), True),
        (time(7, 0), False),
        (time(12, 0), False),
    ],
)
def test_quiet_hours_run_across_midnight(at: time, quiet: bool) -> None:
    assert parse_quiet_hours("22:00-07:00").holds(at) is quiet


@pytest.mark.parametrize(
    ("at", "quiet"), [(time(12, 59), False), (time(13, 0), True), (time(14, 29), True), (time(14, 30), False)]
)  # fmt: skip
def test_quiet_hours_within_a_day(at: time, quiet: bool) -> None:
    assert parse_quiet_hours("13:00 - 14:30").holds(at) is quiet


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("22:00", "not a span of time"),
        ("10pm-7am", "not a span of time"),
        ("22:00-07:00-08:00", "not a span of time"),
        ("25:00-07:00", "not a time of day"),
        ("22:60-07:00", "not a time of day"),
        ("07:00-07:00", "start when they end"),
    ],
)
def test_bad_quiet_hours_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_quiet_hours(text)


class Terminal:
    """What an Alerter sent the terminal."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.rings = 0

    def write(self, sequence: str) -> None:
        self.written.append(sequence)

    def ring(self) -> None:
        self.rings += 1


def alerter(terminal: Terminal, at: datetime, **settings: object) -> Alerter:
    config = Config(**settings)  # type: ignore[arg-type]
    return Alerter(
        config,
        write=terminal.write,
        ring=terminal.ring,
        report=lambda problem: None,
        environ={"TERM_PROGRAM": "WezTerm"},
        now=lambda: at,
    )


ALERT = Alert(FEED, "Key event: Ohio called", f"{FEED_URL}#p2", START)


def test_alerts_in_quiet_hours_ring_no_bell_and_notify_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    command = (sys.executable, "-c", f"open({str(marker)!r}, 'w').close()")
    quiet = QuietHours(time(22, 0), time(7, 0))
    terminal = Terminal()
    night = alerter(
        terminal,
        datetime(2026, 11, 4, 1, 30),
        bell=True,
        notify_command=command,
        quiet_hours=quiet,
    )
    night.deliver([ALERT])
    night.close(wait=10)
    assert (terminal.written, terminal.rings, marker.exists()) == ([], 0, False)

    evening = alerter(
        terminal,
        datetime(2026, 11, 3, 21, 30),
        bell=True,
        notify_command=command,
        quiet_hours=quiet,
    )
    evening.deliver([ALERT, ALERT])
    evening.close(wait=10)
    assert terminal.written == [osc9(ALERT), osc9(ALERT)]
    assert terminal.rings == 1  # one bell for the refresh, however many alerts
    assert marker.exists()


def test_terminal_notify_off_and_no_bell_write_nothing() -> None:
    terminal = Terminal()
    alerter(terminal, datetime(2026, 11, 3, 12, 0), terminal_notify="off").deliver([ALERT])
    assert (terminal.written, terminal.rings) == ([], 0)


# -- escape sequences -----------------------------------------------------------------------

HOSTILE = Alert(
    "Feed\x1b]0;owned\x07 title",
    "Ohio\x1b[2J called\x9d8;;http://evil\x9c;\nnext line\ttab\x07\x00",
    FEED_URL,
)


def only_the_frame_controls(sequence: str, start: str) -> str:
    """The sequence's text, checked to hold no control character but its own frame."""
    assert sequence.startswith(start) and sequence.endswith("\x07")
    inner = sequence[len(start) : -1]
    assert all(c.isprintable() for c in inner), repr(inner)
    return inner


def test_osc9_text_is_sanitised() -> None:
    inner = only_the_frame_controls(osc9(HOSTILE), "\x1b]9;")
    assert inner == "Feed title: Ohio called 8,,http://evil , next line tab"


def test_osc777_title_and_text_are_sanitised_and_hold_no_separator() -> None:
    inner = only_the_frame_controls(osc777(HOSTILE), "\x1b]777;notify;")
    assert inner.split(";") == ["Feed title", "Ohio called 8,,http://evil , next line tab"]


def test_a_long_text_is_cut() -> None:
    inner = only_the_frame_controls(osc9(Alert("F", "word " * 200, FEED_URL)), "\x1b]9;")
    assert len(inner) == 200 and inner.endswith("…")


@pytest.mark.parametrize(
    ("environ", "kind"),
    [
        ({"TERM_PROGRAM": "iTerm.app"}, "osc9"),
        ({"TERM_PROGRAM": "WezTerm"}, "osc9"),
        ({"TERM_PROGRAM": "ghostty"}, "osc9"),
        ({"WT_SESSION": "0d1e"}, "osc9"),
        ({"TERM": "xterm-kitty"}, "osc9"),
        ({"TERM": "foot"}, "osc777"),
        ({"TERM": "rxvt-unicode-256color"}, "osc777"),
        ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, "osc777"),
        ({"TERM": "xterm-256color"}, None),
        ({"TERM_PROGRAM": "tmux", "TERM": "tmux-256color"}, None),
        ({"TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-1000/default,1,0"}, None),
        ({}, None),
    ],
)
def test_auto_picks_the_sequence_from_the_terminal(environ: dict[str, str], kind: str | None):
    assert terminal_kind("auto", environ) == kind


def test_a_chosen_sequence_is_used_whatever_the_terminal() -> None:
    assert terminal_kind("osc777", {"TERM_PROGRAM": "iTerm.app"}) == "osc777"
    assert terminal_kind("off", {"TERM_PROGRAM": "iTerm.app"}) is None


# -- the notify command -----------------------------------------------------------------------


def test_placeholders_are_filled_argument_by_argument() -> None:
    template = [*parse_command("notify-send -a liveread '{feed} says' {text} --url={url} {time}")]
    template.append("{x}")  # not one of liveread's: left as written
    alert = Alert(
        "Feed; rm -rf ~", "$(reboot) `id` 'quoted' \"both\"\nline", "https://a.example/x y", START
    )
    assert command_argv(template, alert) == [
        "notify-send",
        "-a",
        "liveread",
        "Feed; rm -rf ~ says",
        "$(reboot) `id` 'quoted' \"both\" line",
        "--url=https://a.example/x y",
        "2026-11-03T20:00:00Z",
        "{x}",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty command"), ("notify-send 'unclosed", "cannot split"), ("x {titel}", "{titel}")],
)
def test_bad_commands_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_command(text)


class Reports:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, line: str) -> None:
        with self.lock:
            self.lines.append(line)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_failing_command_is_reported_once_until_one_succeeds() -> None:
    reports = Reports()
    runner = CommandRunner(reports)
    failing = python("import sys; sys.stderr.write('no\\x1b[31m bus\\n'); sys.exit(3)")
    for _ in range(3):
        runner.run(failing)
    runner.run(python("pass"))
    runner.run(failing)
    runner.close(wait=30)
    line = f"notify_command failed: {sys.executable}: exit status 3: no bus"
    assert reports.lines == [line, line]


def test_a_missing_command_is_reported(tmp_path: Path) -> None:
    reports = Reports()
    runner = CommandRunner(reports)
    runner.run([str(tmp_path / "no-such-notifier"), "x"])
    runner.close(wait=30)
    assert reports.lines == [
        f"notify_command failed: {tmp_path / 'no-such-notifier'}: No such file or directory"
    ]


def test_a_command_that_hangs_is_stopped_and_reported() -> None:
    reports = Reports()
    runner = CommandRunner(reports, timeout=0.2)
    runner.run(python("import time; time.sleep(60)"))
    runner.close(wait=30)
    assert reports.lines == [
        f"notify_command failed: {sys.executable}: still running after 0.2 s (stopped)"
    ]
