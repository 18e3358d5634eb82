"""End to end: the installed `liveread --demo` in a real terminal, driven through tmux.

One walk through the app as a user would take it: open it, wait for the demo posts, move down,
read, mark the post unread and then everything read, favourite, export the favourites to a
chosen file, quit. tmux gives the app a real
pseudo-terminal; `send-keys` types and `capture-pane -p` reads the screen back as text.
Everything waits by polling the screen (or the file system), never by fixed sleeps, so a slow,
loaded machine only makes the test slower.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from liveread.demo.content import POSTS

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the end-to-end test needs it"
)

LIVEREAD = Path(sys.executable).parent / "liveread"
WIDTH, HEIGHT = 140, 40
SESSION = "e2e"
START_TIMEOUT = 40.0
"""Launch, serve the demo page, fetch, parse and show it: slow on a loaded machine."""
STEP_TIMEOUT = 20.0
POLL = 0.05
PLACEHOLDER = "File to write"
"""What the export dialog's path input shows when it is empty."""

T = TypeVar("T")

TITLES = {post.title: post for post in POSTS if post.title}


class Terminal:
    """A tmux server of our own (its own socket) holding one session of `WIDTH` x `HEIGHT`."""

    def __init__(self) -> None:
        self.socket = f"liveread-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
        self.socket_path: Path | None = None

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=check,
            timeout=30,
        )

    def start(self, *command: str, env: dict[str, str]) -> None:
        flags = [item for name, value in env.items() for item in ("-e", f"{name}={value}")]
        self.tmux(
            "new-session", "-d", "-s", SESSION, "-x", str(WIDTH), "-y", str(HEIGHT),
            *flags, *command,
        )  # fmt: skip
        self.socket_path = Path(self.pane("#{socket_path}"))

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", SESSION, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", SESSION, "-l", text)

    def screen(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", SESSION, check=False)
        return result.stdout if result.returncode == 0 else f"(no screen: {result.stderr.strip()})"

    def alive(self) -> bool:
        """Whether the session still exists (tmux closes it when its command ends)."""
        return self.tmux("has-session", "-t", SESSION, check=False).returncode == 0

    def pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", SESSION, fmt).stdout.strip()

    def kill(self) -> None:
        """Stop the server and remove its socket file (tmux 3.3 leaves it behind)."""
        self.tmux("kill-server", check=False)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)


def wait_for(
    what: str, probe: Callable[[], T | None], term: Terminal, timeout: float = STEP_TIMEOUT
) -> T:
    """Poll `probe` until it returns something other than None (or False)."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result is not None and result is not False:
            return result
        if time.monotonic() > deadline:
            pytest.fail(
                f"timed out after {timeout:.0f} s waiting for {what}; screen:\n{term.screen()}"
            )
        time.sleep(POLL)


def flat(text: str) -> str:
    return " ".join(text.split())


def markdown_words(markdown: str) -> str:
    """Exported Markdown as the words it shows: emphasis marks and link targets left out, as
    `first_words` leaves out a post's tags (a post may open with a bold name)."""
    linked = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return flat(re.sub(r"\*\*|(?<![\w*])[*_]|[*_](?![\w*])", "", linked))


def reader_text(screen: str) -> str:
    """The reader pane (the rightmost of the three bordered panes), as one line of words."""
    parts = []
    for line in screen.splitlines()[1:-1]:
        if "││" in line:
            parts.append(line.rsplit("││", 1)[1].rstrip().removesuffix("│"))
    return flat(" ".join(parts))


def reader_title(screen: str) -> str | None:
    """The demo post the reader shows, by its title (None while it shows none)."""
    shown = reader_text(screen)
    found = [title for title in TITLES if flat(title) in shown]
    return max(found, key=len) if found else None


def row_unread(screen: str, title: str) -> bool | None:
    """Whether the list draws the post titled `title` with the unread marker (on the line
    above its title); None while the post is not in sight."""
    panes = [line.split("││") for line in screen.splitlines()]
    rows = [parts[1].strip() for parts in panes if len(parts) == 3]
    for number, text in enumerate(rows):
        start = text.removesuffix("…")
        if number and len(start) >= 8 and flat(title).startswith(flat(start)):
            return "●" in rows[number - 1]
    return None


def export_input(screen: str) -> str | None:
    """The text in the export dialog's path input ("" when empty), None without the dialog.

    The input sits two lines under its "Save to" label, between its tall borders (▊ ... ▎),
    and scrolls to keep the cursor in view: a long path shows only its end.
    """
    lines = screen.splitlines()
    for number, line in enumerate(lines):
        if "Save to" in line and number + 2 < len(lines):
            row = lines[number + 2]
            if "▊" not in row:
                return None
            value = row.split("▊", 1)[1].split("▎", 1)[0].strip()
            return "" if value == PLACEHOLDER else value
    return None


def first_words(html: str, count: int = 5) -> str:
    """The first words of the first paragraph of a demo post body."""
    paragraph = re.search(r"<p>(.*?)</p>", html, re.S)
    text = re.sub(r"<[^>]+>", "", paragraph.group(1) if paragraph else html)
    return " ".join(text.split()[:count])


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal()
    try:
        yield term
    finally:
        term.kill()


def test_demo_read_favourite_export_quit(terminal: Terminal, tmp_path: Path) -> None:
    assert LIVEREAD.exists(), f"the liveread console script is not installed at {LIVEREAD}"
    term = terminal
    # A shell runs the app and records its exit status once the process has ended (tmux's own
    # #{pane_dead_status} is not reliable: in tmux 3.3 it can miss the exit of the pane's process).
    status_file = tmp_path / "exit-status"
    script = '"$0" --demo; echo "$?" > "$1"'
    term.start(
        "sh", "-c", script, str(LIVEREAD), str(status_file),
        env={"TERM": "xterm-256color", "LANG": "C.UTF-8"},
    )  # fmt: skip
    shell = int(term.pane("#{pane_pid}"))

    # Open: the demo live blog's posts appear, the newest highlighted and shown in the reader.
    first = wait_for(
        "the demo posts and the reader", lambda: reader_title(term.screen()), term, START_TIMEOUT
    )
    assert "Feeds" in term.screen()

    # Move down with j: the reader follows the highlight to the next (older) post.
    term.send("j")
    title = wait_for(
        "the reader to show the next post",
        lambda: t if (t := reader_title(term.screen())) not in (None, first) else None,
        term,
    )

    # Read: Enter opens the post in the reader, body text and all.
    term.send("Enter")
    words = first_words(TITLES[title].body)
    wait_for(
        f"the body of {title!r} ({words!r})", lambda: words in reader_text(term.screen()), term
    )
    wait_for("the opened post to be read", lambda: row_unread(term.screen(), title) is False, term)

    # Mark it unread again with u: its row gets the unread marker back.
    term.send("u")
    wait_for("the post to be unread", lambda: row_unread(term.screen(), title) is True, term)

    # Mark everything read with C: it asks first, then says how many it marked.
    term.send("C")
    wait_for("the question", lambda: re.search(r"Mark all \d+ unread posts?", term.screen()), term)
    term.send("y")
    marked = wait_for(
        "the count of posts marked read",
        lambda: re.search(r"Marked (\d+) posts? read", term.screen()),
        term,
    )
    assert int(marked.group(1)) >= 1
    assert row_unread(term.screen(), title) is False

    # Favourite it: a notification says so and the row gets its star.
    term.send("f")
    screen = wait_for(
        "the favourite notification",
        lambda: s if "Added to favourites" in (s := term.screen()) else None,
        term,
    )
    assert "★ Favourites  1" in screen

    # Export: the dialog, a path of our choosing typed into its path input, Enter to export.
    target = tmp_path / "favourites-e2e.md"
    term.send("e")
    wait_for("the export dialog", lambda: "Save to" in term.screen(), term)
    term.send("Tab")  # from the format choice to the path input
    # Clear the input (Home, then delete to the end) and see it empty before typing: Home, C-k
    # and the text sent back to back sometimes left the input empty (key bindings act at once,
    # typed characters queue on the widget), so each step waits for its result on the screen.
    last_clear = 0.0

    def cleared() -> bool:
        nonlocal last_clear
        if export_input(term.screen()) == "":
            return True
        if time.monotonic() - last_clear > 2.0:
            term.send("Home", "C-k")
            last_clear = time.monotonic()
        return False

    wait_for("the export path input to be cleared", cleared, term)
    term.type(str(target))
    shown = wait_for(
        "the typed path in the dialog",
        lambda: v if (v := export_input(term.screen())) and target.name in v else None,
        term,
    )
    assert len(shown) > 20 and str(target).endswith(shown), f"path input shows {shown!r}"
    term.send("Enter")
    wait_for(f"{target} to be written", lambda: target.is_file() and target.stat().st_size, term)
    exported = target.read_text(encoding="utf-8")
    assert f"## {title}" in exported
    assert words in markdown_words(exported)
    wait_for("the export notification", lambda: "Exported 1 favourites" in term.screen(), term)

    # Quit: q ends the process, cleanly, and with it the terminal session.
    app_pids = _children(shell)
    assert app_pids or not Path("/proc/self").exists(), "the app is not running under the shell"
    term.send("q")
    status = wait_for(
        "the app to exit",
        lambda: (status_file.read_text().strip() or None) if status_file.exists() else None,
        term,
    )
    assert status == "0", f"liveread exited with status {status}"
    wait_for("the tmux session to close", lambda: not term.alive(), term)
    for pid in app_pids:
        assert not _alive(pid), f"process {pid} is still running"


def _children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux; empty where /proc cannot tell)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting to be reaped counts as ended)."""
    if Path("/proc/self").exists():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
