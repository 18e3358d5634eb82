"""Alerts outside the app: new posts told by the terminal (OSC 9 or OSC 777 notifications, a
bell) and by a command of the user's (`notify_command`), quiet during quiet hours.

What to alert is decided here without side effects (`alerts_for`: the feed's level, one alert
per post up to `MAX_ALERTS`, then one summary); `Alerter` delivers them. The app and
`liveread follow` each give it their own way to reach the terminal and to report a failing
command. Page text reaches the terminal only through `clean`: no control character, so no
escape sequence of a page's making, ever leaves in an alert.
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time
from typing import TYPE_CHECKING, Literal, NamedTuple

from liveread.model import iso_z
from liveread.text import scrub

if TYPE_CHECKING:
    from liveread.config import Config
    from liveread.store import EntrySummary

Level = Literal["all", "key", "none"]
LEVELS: tuple[Level, ...] = ("all", "key", "none")
DEFAULT_LEVEL: Level = "key"
TERMINAL_NOTIFY = ("auto", "osc9", "osc777", "off")
MAX_ALERTS = 3
"""New posts of one refresh alerted one by one; beyond them, one alert says how many more."""
TEXT_CHARS = 200
"""An alert's text is cut to this many characters (terminals cap notifications anyway)."""
COMMAND_TIMEOUT = 10.0
"""Seconds a `notify_command` may run before it is killed and reported as failing."""
PLACEHOLDERS = ("title", "text", "feed", "url", "time")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


class QuietHours(NamedTuple):
    """A daily span of local time with no bell, command or terminal notification; it runs
    across midnight when `start` is later than `end` ("22:00-07:00")."""

    start: time
    end: time

    def holds(self, at: time) -> bool:
        if self.start < self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end


def parse_quiet_hours(text: str) -> QuietHours:
    """ "22:00-07:00" as QuietHours; ValueError saying what is wrong."""
    parts = text.split("-")
    clocks = [_CLOCK.fullmatch(part.strip()) for part in parts]
    if len(parts) != 2 or None in clocks:
        raise ValueError(f'not a span of time like "22:00-07:00": {text!r}')
    try:
        start, end = (time(int(m[1]), int(m[2])) for m in clocks if m is not None)
    except ValueError:
        raise ValueError(f"not a time of day (00:00 to 23:59) in {text!r}") from None
    if start == end:
        raise ValueError(f"quiet hours that start when they end: {text!r}")
    return QuietHours(start, end)


def parse_command(text: str) -> tuple[str, ...]:
    """`notify_command` split as a shell would split it (but never run by one); ValueError
    for an empty command, unbalanced quotes or a placeholder liveread does not fill."""
    try:
        argv = tuple(shlex.split(text))
    except ValueError as error:
        raise ValueError(f"cannot split {text!r}: {error}") from None
    if not argv:
        raise ValueError("an empty command")
    for argument in argv:
        for name in _PLACEHOLDER.findall(argument):
            if name not in PLACEHOLDERS:
                known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
                raise ValueError(f"unknown placeholder {{{name}}} (known: {known})")
    return argv


class Alert(NamedTuple):
    feed: str
    """The feed's title: what heads the notification."""
    text: str
    """The post's title or first words, or how many more posts came."""
    url: str
    """The post's address (the feed's, for a summary)."""
    published: datetime | None = None


def is_key(post: EntrySummary) -> bool:
    """Whether a post counts for the `key` level: a key event, or breaking news."""
    return post.key_event or post.breaking


def wanted(posts: Sequence[EntrySummary], level: str) -> list[EntrySummary]:
    """The posts a feed at `level` alerts, newest first."""
    if level == "none":
        return []
    chosen = [post for post in posts if level == "all" or is_key(post)]
    return sorted(chosen, key=lambda p: (p.published is not None, p.published), reverse=True)


def alerts_for(
    feed_title: str, feed_url: str, posts: Sequence[EntrySummary], level: str
) -> list[Alert]:
    """The alerts for a refresh's new `posts` of one feed at `level` ("all", "key" or
    "none"): the newest `MAX_ALERTS` one by one, then one saying how many more."""
    chosen = wanted(posts, level)
    alerts = [
        Alert(feed_title, _what(post, feed_title), post.url or feed_url, post.published)
        for post in chosen[:MAX_ALERTS]
    ]
    if (more := len(chosen) - MAX_ALERTS) > 0:
        kind = "new post" if level == "all" else "key event"
        alerts.append(Alert(feed_title, f"{more} more {kind}{'s' * (more != 1)}", feed_url))
    return alerts


def _what(post: EntrySummary, feed_title: str) -> str:
    # A post's title is often the blog's own headline, the same for every post.
    words = post.title if post.title and post.title != feed_title else post.excerpt
    words = words or post.title or "New post"
    if post.key_event:
        return f"Key event: {words}"
    return f"Breaking: {words}" if post.breaking else words


def clean(text: str, limit: int = TEXT_CHARS) -> str:
    """`text` safe inside an escape sequence or a command's argument: escape sequences
    dropped, every other character that is not printable (control characters, line breaks)
    a space, spaces collapsed, cut to `limit` characters."""
    printable = "".join(c if c.isprintable() else " " for c in scrub(text))
    flat = " ".join(printable.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def osc9(alert: Alert) -> str:
    """The alert as an OSC 9 notification (iTerm2, WezTerm, Windows Terminal, kitty,
    Ghostty). No semicolon: Windows Terminal reads "9;4;..." as a progress report."""
    body = clean(f"{alert.feed}: {alert.text}").replace(";", ",")
    return f"\x1b]9;{body}\x07"


def osc777(alert: Alert) -> str:
    """The alert as an OSC 777 notification (urxvt, foot, VTE with Fedora's patch), whose
    fields are separated by semicolons: none is left in the title or the text."""
    title = clean(alert.feed, 80).replace(";", ",")
    body = clean(alert.text).replace(";", ",")
    return f"\x1b]777;notify;{title};{body}\x07"


def terminal_kind(setting: str, environ: Mapping[str, str]) -> str | None:
    """Which notification sequence to send: "osc9", "osc777" or None (none). "auto" reads
    the terminal from the environment, as other tools do; inside tmux or screen, which pass
    neither on by default, none."""
    if setting != "auto":
        return None if setting == "off" else setting
    program = environ.get("TERM_PROGRAM", "")
    term = environ.get("TERM", "")
    if environ.get("TMUX") or program == "tmux" or term.startswith(("screen", "tmux")):
        return None
    if program in ("iTerm.app", "WezTerm", "ghostty") or environ.get("WT_SESSION"):
        return "osc9"
    if term == "xterm-kitty" or environ.get("KITTY_WINDOW_ID"):
        return "osc9"
    if term.startswith(("foot", "rxvt-unicode")) or environ.get("VTE_VERSION"):
        return "osc777"
    return None


def command_argv(template: Sequence[str], alert: Alert) -> list[str]:
    """`notify_command`'s arguments with the alert's values in place of the placeholders,
    argument by argument: a value is never split or read by a shell."""
    values = {
        "title": clean(alert.feed),
        "text": clean(alert.text),
        "feed": clean(alert.feed),
        "url": clean(alert.url, 2000),
        "time": iso_z(alert.published) or "",
    }
    return [_PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), arg) for arg in template]


Report = Callable[[str], object]


class CommandRunner:
    """Runs `notify_command`s one after another on a thread of its own, so whoever asks
    never waits. Each gets no input, its output is dropped and its stderr kept for the
    report; one that fails (cannot start, exits non-zero, runs past `timeout`) is reported
    once, and again only after one has succeeded since."""

    def __init__(self, report: Report, *, timeout: float = COMMAND_TIMEOUT) -> None:
        self.report = report
        self.timeout = timeout
        self.failing = False
        self._jobs: queue.Queue[list[str] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def run(self, argv: list[str]) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="liveread-alerts", daemon=True)
            self._thread.start()
        self._jobs.put(argv)

    def close(self, wait: float = 0.0) -> None:
        """Let the commands asked for run, waiting for them at most `wait` seconds."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(wait)

    def _work(self) -> None:
        while (argv := self._jobs.get()) is not None:
            problem = self._problem(argv)
            if problem is None:
                self.failing = False
            elif not self.failing:
                self.failing = True
                self.report(f"notify_command failed: {problem}")

    def _problem(self, argv: list[str]) -> str | None:
        import subprocess

        name = argv[0]
        try:
            done = subprocess.run(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"{name}: still running after {self.timeout:g} s (stopped)"
        except (OSError, ValueError) as error:
            return f"{name}: {getattr(error, 'strerror', None) or error}"
        if done.returncode == 0:
            return None
        said = done.stderr.decode(errors="replace").strip().splitlines()
        last = f": {clean(said[-1])}" if said else ""
        return f"{name}: exit status {done.returncode}{last}"


def local_now() -> datetime:
    return datetime.now().astimezone()


class Alerter:
    """Delivers alerts as `config` says: the terminal's notification (through `write`, which
    takes an escape sequence), its bell (`ring`), and `notify_command`; nothing of them
    during the quiet hours (`now` is the local time). `write` and `ring` are None where no
    terminal is to be reached. A failing command is told to `report`."""

    def __init__(
        self,
        config: Config,
        *,
        write: Callable[[str], object] | None,
        ring: Callable[[], object] | None,
        report: Report,
        environ: Mapping[str, str] = os.environ,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        self.config = config
        self.write = write
        self.ring = ring
        self.now = now
        kind = terminal_kind(config.terminal_notify, environ) if write else None
        self.sequence = {"osc9": osc9, "osc777": osc777}.get(kind or "")
        self.commands = CommandRunner(report)

    def quiet(self) -> bool:
        hours = self.config.quiet_hours
        return hours is not None and hours.holds(self.now().time())

    def deliver(self, alerts: Sequence[Alert]) -> None:
        if not alerts or self.quiet():
            return
        for alert in alerts:
            if self.sequence is not None and self.write is not None:
                self.write(self.sequence(alert))
            if self.config.notify_command:
                self.commands.run(command_argv(self.config.notify_command, alert))
        if self.config.bell and self.ring is not None:
            self.ring()

    def close(self, wait: float = 0.0) -> None:
        """Let the commands asked for run, waiting for them at most `wait` seconds."""
        self.commands.close(wait)
