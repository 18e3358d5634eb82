"""Alerts from the app: a refresh's new posts are alerted as their feed's level says, through
a real notify command and the terminal's notification; a failing command is reported once in
the app. The refresh's events are posted as the service posts them, after the store changes
it would make (a real refresh over loopback drives `liveread follow` in test_cli_follow.py)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from liveread import paths
from liveread.alerts import Alert, Alerter, osc9
from liveread.config import Config
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.service import FeedRefreshed
from liveread.store import Feed, Store
from liveread.ui.app import LivereadApp
from liveread.ui.state import UiState
from pilot import settle, wait_until

SIZE = (140, 40)
FEED_URL = "https://news.example/live/harbour"
ARGV_WRITER = """\
import json, sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(sys.argv[2:]) + "\\n")
"""

pytestmark = pytest.mark.usefixtures("home")  # every file the app touches under tmp_path


def entry(key: str, title: str, *, key_event: bool = False, minutes: int = 0) -> Entry:
    return Entry(
        key=key,
        url=f"{FEED_URL}#{key}",
        published=datetime.now(UTC) - timedelta(minutes=60 - minutes),
        title=title,
        key_event=key_event,
        blocks=[Paragraph((Span(f"Body of {key}."),))],
    )


@pytest.fixture
def feed(store: Store) -> Feed:
    made = store.add_feed(FEED_URL, "Harbour Marathon live")
    store.upsert_entries(made.id, [entry("old", "Before the start")], seen_at=datetime.now(UTC))
    return store.feed(made.id)


def arrive(store: Store, feed: Feed, *entries: Entry) -> FeedRefreshed:
    """Store `entries` as a refresh would, and the event it would post."""
    result = store.upsert_entries(feed.id, list(entries), seen_at=datetime.now(UTC))
    return FeedRefreshed(feed.id, feed.title, new=result.new)


def make_app(store: Store, config: Config) -> LivereadApp:
    # Offline: the app starts no refresh of its own; the tests post the refresh's events.
    core = Core(store, config, offline=True)
    return LivereadApp(core, state=UiState(paths.data_dir() / "ui-state.json"))


async def send(pilot: Pilot, event: FeedRefreshed) -> None:
    pilot.app.inbox.put(event)
    await settle(pilot)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


async def test_a_key_event_runs_the_notify_command_with_its_feed_and_title(
    store: Store, feed: Feed, tmp_path: Path
) -> None:
    script = tmp_path / "notify.py"
    script.write_text(ARGV_WRITER, encoding="utf-8")
    written = tmp_path / "argv.jsonl"
    command = (sys.executable, str(script), str(written), "{title}", "{text}", "{url}")
    app = make_app(store, Config(notify_command=command, terminal_notify="off"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        event = arrive(
            store,
            feed,
            entry("k1", "Okafor wins the men's race", key_event=True, minutes=5),
            entry("n1", "Water stations stocked", minutes=4),
        )
        await send(pilot, event)
        await wait_until(pilot, lambda: lines(written), "the notify command to run")
        # The in-app notification is there as before.
        assert ("Harbour Marathon live", "2 new") in [
            (n.title, n.message) for n in app._notifications
        ]
    assert [json.loads(line) for line in lines(written)] == [
        ["Harbour Marathon live", "Key event: Okafor wins the men's race", f"{FEED_URL}#k1"]
    ]


class Terminal:
    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, sequence: str) -> None:
        self.written.append(sequence)


def watch_terminal(app: LivereadApp, config: Config) -> Terminal:
    """The app's alerter, writing what it would send the terminal into a list (a test's
    terminal is headless: nothing reaches one)."""
    terminal = Terminal()
    app._alerter = Alerter(
        config,
        write=terminal.write,
        ring=lambda: terminal.write("\a"),
        report=lambda line: None,
        environ={"TERM_PROGRAM": "iTerm.app"},
    )
    return terminal


@pytest.mark.parametrize(
    ("level", "texts"),
    [
        (None, ["Key event: Okafor wins"]),  # the config's level: key
        ("key", ["Key event: Okafor wins"]),
        ("all", ["Split times", "Key event: Okafor wins"]),
        ("none", []),
    ],
)
async def test_each_feed_is_alerted_at_its_own_level(
    store: Store, feed: Feed, level: str | None, texts: list[str]
) -> None:
    store.set_alerts(feed.id, level)
    config = Config(bell=True)
    app = make_app(store, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        terminal = watch_terminal(app, config)
        event = arrive(
            store,
            feed,
            entry("k1", "Okafor wins", key_event=True, minutes=5),
            entry("n1", "Split times", minutes=6),
        )
        await send(pilot, event)
    expected = [osc9(Alert(feed.title, text, FEED_URL)) for text in texts]
    assert terminal.written == expected + (["\a"] if texts else [])  # one bell, after them


async def test_a_failing_notify_command_is_reported_once_in_the_app(
    store: Store, feed: Feed
) -> None:
    command = (sys.executable, "-c", "import sys; sys.exit('no notification daemon')")
    app = make_app(store, Config(notify_command=command, alerts="all"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for n in range(2):
            await send(pilot, arrive(store, feed, entry(f"n{n}", f"Update {n}", minutes=n)))

        def reports() -> list[str]:
            return [n.message for n in app._notifications if n.title == "Alerts"]

        await wait_until(pilot, reports, "the failure to be reported")
        app._alerter.close(wait=30)  # type: ignore[union-attr]
        await pilot.pause()
        assert reports() == [
            f"notify_command failed: {sys.executable}: exit status 1: no notification daemon"
        ]
