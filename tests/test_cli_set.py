"""`liveread set FEED --interval` and the next fetch `liveread feeds` shows, in-process
against feeds served on the loopback server."""

from __future__ import annotations

import functools
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import Run
from liveread import fetch, paths
from liveread.fetch import FetchConfig, Fetcher
from liveread.model import iso_z
from liveread.store.rows import from_iso
from loopback import LoopbackServer

PAGE = """<!doctype html><html><head><title>Small live</title></head><body>
<div id="lx-stream"><ol class="lx-stream__feed">
<li><article class="lx-stream-post" id="post-2"><header>
<h3 class="lx-stream-post__header-text">Post 2</h3></header>
<div class="lx-stream-post-body"><p>Post 2 says the course is clear today.</p></div></article></li>
<li><article class="lx-stream-post" id="post-1"><header>
<h3 class="lx-stream-post__header-text">Post 1</h3></header>
<div class="lx-stream-post-body"><p>Post 1 says the course is busy today.</p></div></article></li>
</ol></div></body></html>"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(folder))
    config = FetchConfig(connect_timeout=1.0, read_timeout=1.0, retries=0)
    monkeypatch.setattr(fetch, "Fetcher", functools.partial(Fetcher, config))
    return folder


@pytest.fixture
def followed(run: Run, loopback: LoopbackServer) -> str:
    url = loopback.route("/live", body=PAGE)
    assert run("add", url)[0] == 0
    return url


def test_feeds_show_when_each_feed_is_fetched_next_and_why(run: Run, followed: str):
    code, out, _ = run("feeds")
    assert code == 0
    # Two undated posts, both first seen now: arriving, at the base interval (a minute).
    assert re.search(
        r"  fetching: in (1 min|\d+ s) · posts arriving  alerts: key$", out.splitlines()[0]
    )
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert (feed["poll_reason"], feed["poll_interval"], feed["interval"]) == ("arriving", 60, None)
    assert feed["next_fetch"].endswith("Z")
    assert feed["schedule"].endswith(" · posts arriving")


def test_set_interval_is_honoured_and_shown_then_undone_with_auto(run: Run, followed: str):
    (before,) = json.loads(run("feeds", "--json")[1])
    assert run("set", "1", "--interval", "300") == (0, "#1 Small live: fetched every 5 min\n", "")
    out = run("feeds")[1]
    assert out.splitlines()[0].endswith("  fetching: every 5 min (set)  alerts: key")
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert (feed["interval"], feed["poll_reason"], feed["schedule"]) == (
        300,
        "set",
        "every 5 min (set)",
    )
    last_ok = before["last_ok"]

    assert feed["next_fetch"] == iso_z(from_iso(last_ok) + timedelta(seconds=300))

    assert run("set", "Small", "--interval", "auto") == (
        0,
        "#1 Small live: fetched by its own rhythm\n",
        "",
    )
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert (feed["interval"], feed["next_fetch"], feed["schedule"]) == (None, None, "due now")
    # The next refresh schedules it by its rhythm again.
    assert run("refresh", "1")[0] == 0
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert feed["poll_reason"] == "arriving"


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        pytest.param(
            ("1", "--interval", "10"),
            "an interval must be at least 30 s (min_interval)",
            id="below-the-floor",
        ),
        pytest.param(
            ("1", "--interval", "soon"),
            "--interval takes a number of seconds or 'auto', not 'soon'",
            id="not-a-number",
        ),
        pytest.param(
            ("1", "--interval", "nan"),
            "--interval takes a number of seconds or 'auto', not 'nan'",
            id="nan",
        ),
        pytest.param(("9", "--interval", "60"), "no feed #9", id="unknown-feed"),
        pytest.param(
            ("1",),
            "nothing to set: give --interval SECONDS (or --interval auto) or --alerts LEVEL",
            id="nothing",
        ),
    ],
)
def test_set_interval_refuses_what_it_cannot_use(
    run: Run, followed: str, argv: tuple[str, ...], error: str
):
    assert run("set", *argv) == (1, "", f"liveread: error: {error}\n")
    (feed,) = json.loads(run("feeds", "--json")[1])
    assert feed["interval"] is None


def test_the_floor_comes_from_the_config(run: Run, followed: str):
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text("min_interval = 120\n", encoding="utf-8")
    code, _, err = run("set", "1", "--interval", "90")
    assert (code, err) == (
        1,
        "liveread: error: an interval must be at least 120 s (min_interval)\n",
    )
    assert run("set", "1", "--interval", "120")[0] == 0
