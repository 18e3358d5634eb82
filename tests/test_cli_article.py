"""`liveread show FEED --article POST`: the article a link post points to, printed for
scripts, after a real refresh of a live blog served on loopback into a real SQLite file;
fetched once and kept, so it prints again with the server gone and with `--offline`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import Run
from liveread import articles
from loopback import LoopbackServer

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "harbour.html"
PAGE = """<!doctype html><html><head><title>Storm live</title></head><body>
<div id="lx-stream"><ol class="lx-stream__feed">{posts}</ol></div></body></html>"""
POST = (
    '<li><article class="lx-stream-post" id="post-{n}"><header>'
    '<h3 class="lx-stream-post__header-text">{title}</h3></header>'
    '<div class="lx-stream-post-body">{body}</div></article></li>'
)
FIRST_PARAGRAPH = "Engineers started work on the breached harbour wall on Saturday morning"


pytestmark = pytest.mark.usefixtures("home")  # liveread's home under tmp_path (conftest)


@pytest.fixture
def feed(run: Run, loopback: LoopbackServer) -> str:
    """A live blog followed whose post 2 only links to the harbour article: its address."""
    article = loopback.route("/news/harbour-wall", body=ARTICLE.read_bytes())
    posts = [
        POST.format(
            n=2, title="Repairs", body=f'<p><a href="{article}">Harbour wall repairs begin</a></p>'
        ),
        POST.format(n=1, title="Storm passes", body="<p>The wind dropped overnight.</p>"),
    ]
    url = loopback.route("/live", body=PAGE.format(posts="".join(posts)))
    assert run("add", url)[0] == 0
    return url


needs_trafilatura = pytest.mark.skipif(
    articles.trafilatura_missing(), reason="trafilatura is not installed: uv sync --extra articles"
)


@needs_trafilatura
def test_show_article_prints_the_linked_article_then_reads_it_as_kept(
    run: Run, feed: str, loopback: LoopbackServer
):
    code, out, err = run("show", feed, "--article", "2")
    assert (code, err) == (0, "")
    assert out.startswith("── linked article from Coastal Times: http://")
    assert "Harbour wall repairs begin after the storm\nSat 14 Mar 2026 · Mara Quinlan\n" in out
    assert FIRST_PARAGRAPH in out and "Fishing fleet waits" in out
    assert "All rights reserved" not in out

    loopback.close()
    assert run("show", feed, "--article", "2")[1] == out
    assert run("--offline", "show", feed, "--article", "2")[1] == out


@needs_trafilatura
def test_show_article_json_has_the_fields_and_paragraphs(run: Run, feed: str):
    code, out, _ = run("show", feed, "--article", "2", "--json")
    found = json.loads(out)
    assert code == 0
    assert found["title"] == "Harbour wall repairs begin after the storm"
    assert found["authors"] == ["Mara Quinlan"]
    assert found["published"] == "2026-03-14T00:00:00Z"
    assert found["blocks"][0]["type"] == "paragraph"
    assert found["text"].startswith(FIRST_PARAGRAPH)


def test_a_post_that_is_no_link_is_refused_in_one_line(run: Run, feed: str):
    code, out, err = run("show", feed, "--article", "1")
    assert (code, out) == (1, "")
    assert err == "liveread: error: post 1 is not a link to an article\n"


def test_offline_an_article_never_fetched_is_not_cached(
    run: Run, feed: str, loopback: LoopbackServer
):
    code, _, err = run("--offline", "show", feed, "--article", "2")
    assert code == 1 and err.startswith("liveread: error: not cached:")
    assert loopback.hits("/news/harbour-wall") == 0


def test_without_the_extra_it_says_how_to_install_it(
    run: Run, feed: str, monkeypatch: pytest.MonkeyPatch, loopback: LoopbackServer
):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` fails
    code, _, err = run("show", feed, "--article", "2")
    assert (code, err) == (1, f"liveread: error: {articles.INSTALL_HINT}\n")
    assert loopback.hits("/news/harbour-wall") == 0
