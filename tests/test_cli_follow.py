"""`liveread set FEED --alerts`, the alert level `liveread feeds` shows, and `liveread follow`:
new posts printed as they arrive and alerted through a real notify command, over loopback."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import Run
from liveread import fetch, paths
from liveread.alerts import Alerter
from liveread.config import Config
from liveread.core import Core
from liveread.demo import BLOG
from liveread.demo.content import DemoPost
from liveread.demo.render import PublishedPost, render_page
from liveread.fetch import FetchConfig, Fetcher
from liveread.follow import follow, post_text
from liveread.model import Entry, Paragraph, Span, iso_z
from liveread.store import Store
from loopback import LoopbackServer, Route

START = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
PATH = "/live/harbour"
ARGV_WRITER = """\
import json, sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(sys.argv[2:]) + "\\n")
"""


pytestmark = pytest.mark.usefixtures("home")  # liveread's home under tmp_path (conftest)


@pytest.fixture
def no_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fetcher without retries, so a failing page fails at once."""
    config = FetchConfig(connect_timeout=2.0, read_timeout=2.0, retries=0)
    monkeypatch.setattr(fetch, "Fetcher", functools.partial(Fetcher, config))


def demo_post(n: int, title: str, *, key_event: bool = False) -> PublishedPost:
    post = DemoPost(
        id=f"p{n}",
        title=title,
        author="Ines Halloran",
        body=f"<p>Post {n} of the race: {title.lower()}, and more to say about it.</p>",
        minute=n,
        key_event=key_event,
    )
    at = START + timedelta(minutes=n)
    return PublishedPost(post, post.body, at, at)


def page(loopback: LoopbackServer, *posts: PublishedPost) -> str:
    return render_page(BLOG, list(posts), loopback.url(PATH), coverage_start=START)


FIRST = demo_post(1, "Runners gather on Lantern Quay")
QUIET = demo_post(2, "Water stations stocked")
WINNER = demo_post(3, "Okafor wins the men's race", key_event=True)


def feed_title(run: Run) -> str:
    (feed,) = json.loads(run("feeds", "--json")[1])
    return str(feed["title"])


# -- set --alerts and feeds -----------------------------------------------------------------


def test_set_alerts_is_kept_and_shown_by_feeds(run: Run, loopback: LoopbackServer) -> None:
    url = loopback.route(PATH, body=page(loopback, FIRST))
    assert run("add", url)[0] == 0
    title = feed_title(run)
    code, out, _ = run("feeds")
    assert code == 0 and out.rstrip("\n").endswith("  alerts: key")  # the config's default

    assert run("set", "1", "--alerts", "all") == (0, f"#1 {title}: alerts: all\n", "")
    assert run("feeds")[1].rstrip("\n").endswith("  alerts: all")
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert feed["alerts"] == "all"

    assert run("set", title[:8], "--alerts", "none")[0] == 0
    assert json.loads(run("feeds", "--json")[1])[0]["alerts"] == "none"
    assert run("set", "1", "--alerts", "default") == (
        0,
        f"#1 {title}: alerts: key (the config's)\n",
        "",
    )
    with Store(paths.database_file()) as store:
        assert store.feed(1).alerts is None


def test_set_with_nothing_to_set_or_no_such_feed_is_one_error_line(
    run: Run, loopback: LoopbackServer
) -> None:
    url = loopback.route(PATH, body=page(loopback, FIRST))
    run("add", url)
    assert run("set", "1") == (
        1,
        "",
        "liveread: error: nothing to set: give --interval SECONDS (or --interval auto) or --alerts LEVEL\n",
    )
    code, out, err = run("set", "9", "--alerts", "all")
    assert (code, out) == (1, "") and err.startswith("liveread: error: ")


# -- follow, in-process -------------------------------------------------------------------------


async def test_follow_prints_new_posts_and_goes_on_after_a_failed_refresh(
    loopback: LoopbackServer, db: Path, no_retries: None
) -> None:
    url = loopback.route(PATH, body=page(loopback, FIRST))
    shown: list[str] = []
    failures: list[str] = []
    async with Core(Store(db), Config()) as core:
        feed = await core.add(url)
        loopback.route(
            PATH,
            [
                Route(status=500),
                Route(body=page(loopback, FIRST, QUIET)),
                Route(body=page(loopback, FIRST, QUIET, WINNER)),
            ],
        )
        alerter = Alerter(core.config, write=None, ring=None, report=failures.append)
        following = asyncio.create_task(
            follow(
                core,
                feed,
                interval=0.05,
                show=shown.append,
                failed=failures.append,
                alerter=alerter,
                as_json=True,
            )
        )
        try:
            async with asyncio.timeout(20):
                while len(shown) < 2:
                    await asyncio.sleep(0.02)
        finally:
            following.cancel()
            await asyncio.gather(following, return_exceptions=True)
    assert failures == [f"#1 {feed.title}: refresh failed: HTTP 500"]
    posts = [json.loads(line) for line in shown]
    assert [(p["key"], p["title"], p["key_event"]) for p in posts] == [
        ("p2", QUIET.post.title, False),
        ("p3", WINNER.post.title, True),
    ]
    assert {(p["feed_id"], p["feed"]) for p in posts} == {(1, feed.title)}
    assert posts[1]["url"] == f"{url}#post-p3"


def test_a_post_as_text_names_when_the_feed_and_its_flags_with_its_first_lines() -> None:
    entry = Entry(
        key="k",
        url="https://news.example/live#k",
        published=datetime(2026, 5, 1, 14, 3, tzinfo=UTC),
        title="Ohio called",
        key_event=True,
        blocks=[Paragraph((Span(f"Line {n}."),)) for n in range(1, 6)],
    )
    lines = post_text(entry, "Election live").splitlines()
    assert lines[0].startswith("── ") and lines[0].endswith(" · Election live  [KEY EVENT]")
    assert lines[1:] == [
        "Ohio called",
        "Line 1.",
        "Line 2.",
        "Line 3.",
        "…",
        "https://news.example/live#k",
    ]


# -- follow, the installed program ----------------------------------------------------------------


@pytest.fixture
def argv_file(home: Path, tmp_path: Path) -> Path:
    """Where the notify command (a real script) writes the arguments it was given, one JSON
    list a line; the config names it, with every placeholder."""
    script = tmp_path / "notify.py"
    script.write_text(ARGV_WRITER, encoding="utf-8")
    written = tmp_path / "argv.jsonl"
    command = f"{sys.executable} {script} {written} {{title}} {{text}} {{url}} {{time}} {{feed}}"
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(
        f"notify_command = {json.dumps(command)}\nterminal_notify = 'off'\n", encoding="utf-8"
    )
    return written


def read_lines(path: Path, count: int, timeout: float = 30.0) -> list[str]:
    """The first `count` lines written to `path`, once they are there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    raise AssertionError(f"{path} never had {count} lines")


def test_follow_json_prints_each_new_post_and_runs_the_notify_command_for_the_key_event(
    run: Run, loopback: LoopbackServer, home: Path, argv_file: Path
) -> None:
    url = loopback.route(PATH, body=page(loopback, FIRST))
    assert run("add", url)[0] == 0
    title = feed_title(run)
    loopback.route(PATH, body=page(loopback, FIRST, QUIET, WINNER))

    env = {**os.environ, paths.HOME_ENV: str(home)}
    with subprocess.Popen(
        [sys.executable, "-m", "liveread", "follow", "1", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        assert child.stdout is not None
        lines = [child.stdout.readline(), child.stdout.readline()]
        (argv,) = read_lines(argv_file, 1)
        child.send_signal(signal.SIGINT)
        rest, err = child.communicate(timeout=30)

    posts = [json.loads(line) for line in lines]
    assert all(line.endswith("\n") for line in lines)
    assert [(p["key"], p["key_event"]) for p in posts] == [("p2", False), ("p3", True)]
    # Alerts are for key events (the default level): one command, for the winner's post.
    assert json.loads(argv) == [
        title,
        f"Key event: {WINNER.post.title}",
        f"{url}#post-p3",
        iso_z(WINNER.published),
        title,
    ]
    assert child.returncode == 0
    assert rest == ""
    assert "Traceback" not in err
    assert err.splitlines()[0].startswith(f"Following #1 {title} ({url}) every 60 s")


def test_follow_a_new_url_follows_it_first(run: Run, loopback: LoopbackServer, home: Path) -> None:
    url = loopback.route(PATH, body=page(loopback, FIRST))
    env = {**os.environ, paths.HOME_ENV: str(home)}
    with subprocess.Popen(
        [sys.executable, "-m", "liveread", "follow", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        assert child.stderr is not None
        first = child.stderr.readline()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    assert first.startswith("Following #1 ")
    assert (child.returncode, out) == (0, "")
    assert "Traceback" not in err
    assert loopback.hits(PATH) == 1  # added, then waiting a whole interval
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert feed["url"] == url


def test_follow_refuses_an_interval_below_the_floor(run: Run) -> None:
    assert run("follow", "1", "--interval", "2") == (
        1,
        "",
        "liveread: error: --interval must be at least 10 seconds\n",
    )
