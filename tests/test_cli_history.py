"""`liveread show FEED --history POST`: a post's versions, each edit's changed words marked,
after real refreshes of a page served on loopback into a real SQLite file."""

from __future__ import annotations

import io
import json
import re

import pytest

from conftest import Run
from loopback import LoopbackServer, Route

PAGE = """<!doctype html><html><head><title>Small live</title></head><body>
<div id="lx-stream"><ol class="lx-stream__feed">{posts}</ol></div></body></html>"""
POST = (
    '<li><article class="lx-stream-post" id="post-{n}"><header>'
    '<h3 class="lx-stream-post__header-text">Post {n}</h3></header>'
    '<div class="lx-stream-post-body"><p>{body}</p></div></article></li>'
)
FIRST = "The Ministry says the Harbour Bridge reopens at four."
CORRECTED = "The minister says the Harbour Bridge reopens at four."
LAST = "The minister says the Harbour Bridge reopens at five."


def page(*bodies: str) -> str:
    posts = "".join(POST.format(n=n, body=body) for n, body in enumerate(bodies, 1))
    return PAGE.format(posts=posts)


pytestmark = pytest.mark.usefixtures("home")  # liveread's home under tmp_path (conftest)


@pytest.fixture
def edited_twice(run: Run, loopback: LoopbackServer) -> str:
    """A feed refreshed three times, post 1 edited by each refresh after the first (post 2
    never): its address."""
    url = loopback.route(
        "/live",
        [Route(body=page(body, "Unchanged.")) for body in (FIRST, CORRECTED, LAST)],
    )
    assert run("add", url)[0] == 0  # the first fetch
    for _ in range(2):
        code, out, _ = run("refresh")
        assert (code, out) == (0, f"#1 Small live ({url}): 0 new, 1 edited\n")
    return url


def without_times(out: str) -> str:
    return re.sub(r"(first seen|edited) [^·\n]+", r"\1 TIME ", out)


def test_history_prints_each_version_with_the_words_each_edit_changed(
    run: Run, edited_twice: str
) -> None:
    code, out, err = run("show", "1", "--history", "1")
    assert (code, err) == (0, "")
    assert without_times(out) == (
        "── version 1 of 3 · first seen TIME \nPost 1\n\n"
        f"{FIRST}\n\n"
        "── version 2 of 3 · edited TIME \nPost 1\n\n"
        "The [-Ministry-]{+minister+} says the Harbour Bridge reopens at four.\n\n"
        "── version 3 of 3 · edited TIME · current\nPost 1\n\n"
        "The minister says the Harbour Bridge reopens at [-four.-]{+five.+}\n"
    )


def test_a_post_never_edited_has_one_version(run: Run, edited_twice: str) -> None:
    code, out, _ = run("show", "1", "--history", "2")
    assert code == 0
    assert without_times(out) == (
        "── version 1 of 1 · first seen TIME · current\nPost 2\n\nUnchanged.\n"
    )


def test_history_as_json_lists_each_version_oldest_first(run: Run, edited_twice: str) -> None:
    code, out, _ = run("show", "1", "--history", "1", "--json")
    assert code == 0
    versions = json.loads(out)
    assert [v["text"] for v in versions] == [FIRST, CORRECTED, LAST]
    assert [v["since"] for v in versions] == sorted(v["since"] for v in versions)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_changes_show_in_colour_without_markers(
    run: Run, edited_twice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert run("show", "1", "--history", "1")[0] == 0
    shown = terminal.getvalue()
    assert "\x1b[" in shown
    assert "[-" not in shown and "{+" not in shown
    assert "minister" in re.sub(r"\x1b\[[0-9;]*m", "", shown)


def test_an_unknown_post_or_a_list_option_is_an_error(run: Run, edited_twice: str) -> None:
    code, out, err = run("show", "1", "--history", "9")
    assert (code, out) == (1, "")
    assert "no post '9'" in err
    code, _, err = run("show", "1", "--history", "1", "--limit", "2")
    assert code == 1
    assert "--history" in err
