"""`liveread add` of an RSS/Atom/JSON Feed address, `liveread feeds` marking sources and the
blogs they found, and importing a newsboat OPML of RSS feeds, over loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from liveread import paths
from liveread.store import Store
from loopback import LoopbackServer
from test_service import NOT_LIVE
from test_sources import live_page, rss


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


def test_adding_a_feed_says_it_is_a_source_and_feeds_marks_it(run: Run, loopback: LoopbackServer):
    strike = loopback.route("/live/strike", body=live_page("Strike"))
    storm = loopback.route("/live/storm", body=live_page("Storm"))
    article = loopback.route("/news/budget", body=NOT_LIVE)
    items = [
        ("Strike: live updates", strike, []),
        ("Storm – as it happened", storm, []),
        ("Budget explained", article, []),
    ]
    url = loopback.route("/rss", body=rss(items), content_type="application/rss+xml")

    code, out, err = run("add", url)

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Following World news (id 1), a source: liveread follows the live blogs it announces; "
        "found 2 now"
    )
    assert lines[1:] == ["  #2 Strike live (2 posts)", "  #3 Storm live (2 posts)"]  # feed order

    code, out, _ = run("feeds")
    rows = out.splitlines()
    assert rows[0].startswith("  1  World news  [source: 2 live blogs found]  refreshed ")
    assert rows[0].endswith(" · source  alerts: key")  # fetched on the source's own interval
    blog_rows = [row for row in rows if row.startswith(("  2", "  3"))]
    assert len(blog_rows) == 2
    assert all("  2/2 unread  via World news  refreshed " in row for row in blog_rows)

    code, out, _ = run("feeds", "--json")
    listed = {feed["id"]: feed for feed in json.loads(out)}
    assert (listed[1]["kind"], listed[1]["blogs_found"]) == ("source", 2)
    assert (listed[2]["kind"], listed[2]["source_id"]) == ("blog", 1)

    code, out, _ = run("refresh", "1")
    assert (code, out) == (0, f"#1 World news ({url}): 0 live blogs found\n")
    code, out, _ = run("refresh", "1", "--json")
    assert (code, json.loads(out)["found"]) == (0, 0)


def test_a_newsboat_opml_of_rss_feeds_is_imported_as_sources(
    run: Run, loopback: LoopbackServer, tmp_path: Path
):
    strike = loopback.route("/live/strike", body=live_page("Strike"))
    url = loopback.route(
        "/news.xml", body=rss([("Strike live", strike, [])]), content_type="text/xml"
    )
    listed = tmp_path / "newsboat.opml"
    listed.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>newsboat - Exported Feeds'
        f'</title></head><body><outline type="rss" xmlUrl="{url}" htmlUrl="{loopback.url("/")}"'
        ' title="News"/></body></opml>',
        encoding="utf-8",
    )

    code, out, _ = run("import", str(listed), "--refresh")

    assert code == 0
    assert out.splitlines()[-1] == f"#1 World news ({url}): 1 live blog found"
    with Store(paths.database_file()) as store:
        source, blog = store.feeds()
        assert (source.kind, source.title) == ("source", "World news")
        assert (blog.url, blog.source_id, blog.total) == (strike, source.id, 2)


def test_a_broken_feed_is_refused_with_its_reason(run: Run, loopback: LoopbackServer):
    url = loopback.route(
        "/rss", body="<rss><channel><title>Bro", content_type="application/rss+xml"
    )

    code, out, err = run("add", url)

    assert code != 0
    assert out == ""
    assert f"{url}: not a readable feed" in err


def test_following_a_source_headless_points_to_its_blogs(run: Run, loopback: LoopbackServer):
    strike = loopback.route("/live/strike", body=live_page("Strike"))
    url = loopback.route(
        "/rss", body=rss([("Strike live", strike, [])]), content_type="application/rss+xml"
    )
    run("add", url)

    code, out, err = run("follow", "1")

    assert (code, out) == (1, "")
    assert "#1 World news is a source, with no posts of its own" in err
    assert "1 live blog it found" in err
