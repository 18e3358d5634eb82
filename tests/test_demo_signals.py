"""The demo's throwaway folder goes when the app is told to stop: SIGTERM (`kill`) or SIGHUP
(the terminal closing), not only on a clean quit. The real program, in a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


class Terminal:
    """A pseudo-terminal of 100x30 whose output is read (and kept) as the program writes it.

    `close` hangs it up as closing a terminal window does: the reader stops first, as the
    terminal only goes once no read of it is under way."""

    def __init__(self) -> None:
        self.master, self.slave = pty.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = bytearray()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the program's end of the terminal closed
                return
            if not chunk:
                return
            self.output += chunk

    def close(self) -> None:
        self._stop.set()
        self._reader.join()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


def wait_for(what: str, condition: Callable[[], object], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def start_demo(terminal: Terminal, tmp_path: Path) -> subprocess.Popen[bytes]:
    """`liveread --demo` in a session of its own whose controlling terminal is `terminal`, as
    a shell in a terminal window runs it: closing the terminal hangs the session up."""
    env = {k: v for k, v in os.environ.items() if k != "LIVEREAD_HOME"}
    env |= {"TMPDIR": str(tmp_path), "TERM": "xterm-256color"}
    command = ["setsid", "--ctty", sys.executable, "-m", "liveread", "--demo"]
    app = subprocess.Popen(
        command, stdin=terminal.slave, stdout=terminal.slave, stderr=terminal.slave, env=env
    )
    os.close(terminal.slave)
    return app


def demo_databases(tmp_path: Path) -> list[Path]:
    return list(tmp_path.glob("liveread-demo-*/data/liveread.db"))


@pytest.mark.skipif(shutil.which("setsid") is None, reason="needs setsid (util-linux)")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "terminal closed"])
def test_the_demo_folder_is_removed_when_the_app_is_told_to_stop(tmp_path: Path, how: str) -> None:
    terminal = Terminal()
    app = start_demo(terminal, tmp_path)
    try:
        wait_for("the demo's database", lambda: demo_databases(tmp_path))
        wait_for("the demo live blog on screen", lambda: b"Harbour" in terminal.output)
        [database] = demo_databases(tmp_path)
        if how == "terminal closed":
            terminal.close()  # the kernel sends the session SIGHUP
        else:
            app.send_signal(getattr(signal, how))
        status = app.wait(timeout=30)
        assert not database.parent.parent.exists()
        assert list(tmp_path.iterdir()) == []
        if how != "terminal closed":
            assert status == 128 + getattr(signal, how)
        if how == "SIGTERM":  # after SIGHUP there is no terminal to put back
            wait_for("the terminal put back", lambda: LEAVE_ALTERNATE_SCREEN in terminal.output)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        terminal.close()


def test_the_headless_demo_removes_its_folder_on_SIGTERM(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "LIVEREAD_HOME"}
    env["TMPDIR"] = str(tmp_path)
    command = [sys.executable, "-m", "liveread", "demo", "--watch", "600"]
    demo = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        assert demo.stdout is not None
        assert demo.stdout.readline().startswith(b"Demo live blog at ")
        wait_for("the demo's database", lambda: demo_databases(tmp_path))
        demo.send_signal(signal.SIGTERM)
        assert demo.wait(timeout=30) == 128 + signal.SIGTERM
        assert list(tmp_path.iterdir()) == []
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
        if demo.stdout is not None:
            demo.stdout.close()
