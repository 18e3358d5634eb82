"""`liveread import FILE.opml [--refresh]` and `liveread export --format opml`: what each
reports, the file written, and fetching the imported feeds at once over loopback."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import Run
from liveread import paths
from liveread.store import Store
from loopback import LoopbackServer
from test_service import bbc_page, text

FIXTURES = Path(__file__).parent / "fixtures" / "opml"
GUARDIAN = "https://www.theguardian.com/world/live/2026/jun/01/harbour-strike-live"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


def feed_urls() -> list[str]:
    with Store(paths.database_file()) as store:
        return [feed.url for feed in store.feeds()]


def test_import_reports_added_known_and_invalid_outlines(run: Run):
    assert run("import", str(FIXTURES / "newsboat.opml"))[0] == 0

    code, out, err = run("import", str(FIXTURES / "categories.opml"))

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Added #4 Cup final live (https://www.independent.co.uk/sport/football/cup-final-live-b123.html)",
        "Added #5 Podcast (old style) (https://news.example.com/live/podcast-day)",
        f"Already following {GUARDIAN} as #1 Harbour strike – live",
        "Not a web address, skipped: mailto:someone@example.com",
        "Not a web address, skipped: javascript:alert(1)",
        f"{FIXTURES / 'categories.opml'}: 2 feeds added, 1 already followed, 2 invalid.",
        "They are fetched on the next refresh (liveread refresh, or in the app).",
    ]
    assert len(feed_urls()) == 5


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("broken.opml", "not well-formed XML (unclosed token: line 6, column 4)"),
        ("laughs.opml", "has a document type declaration (DOCTYPE): refused"),
    ],
)
def test_a_bad_file_is_one_line_of_error_and_follows_nothing(run: Run, name: str, error: str):
    code, out, err = run("import", str(FIXTURES / name))
    assert (code, out) == (1, "")
    assert err.startswith(f"liveread: error: {FIXTURES / name}: {error}")
    assert err.count("\n") == 1
    assert feed_urls() == []


def test_a_missing_file_is_named(run: Run):
    assert run("import", "nope.opml") == (1, "", "liveread: error: no such file: nope.opml\n")


def test_export_opml_writes_every_feed_and_says_how_many(run: Run, tmp_path: Path):
    code, _, err = run("export", "--format", "opml")
    assert (code, err) == (
        1,
        "liveread: error: no feeds to export (follow one with: liveread add URL)\n",
    )

    run("import", str(FIXTURES / "newsboat.opml"))
    code, out, err = run("export", "--format", "opml", "-o", "feeds.opml")

    assert (code, err) == (0, "")
    assert out == f"Exported 3 feeds to {tmp_path / 'feeds.opml'}\n"
    outlines = ET.parse(tmp_path / "feeds.opml").getroot().iter("outline")
    assert [o.get("xmlUrl") for o in outlines] == feed_urls()

    code, out, _ = run("export", "--format", "opml", "-o", ".")  # a folder: a new file in it
    (written,) = tmp_path.glob("liveread-feeds-*.opml")
    assert (code, out) == (0, f"Exported 3 feeds to {written}\n")


def test_the_export_help_says_which_formats_export_what(
    run: Run, capsys: pytest.CaptureFixture[str]
):
    with pytest.raises(SystemExit):
        run("export", "--help")
    shown = " ".join(capsys.readouterr().out.split())
    assert "md, json, html: your favourites; opml: the feeds you follow" in shown


def test_import_refresh_fetches_the_feeds_added(run: Run, loopback: LoopbackServer, tmp_path: Path):
    url = loopback.route("/live", body=bbc_page([("2", text(2)), ("1", text(1))]))
    missing = loopback.url("/gone")
    listed = tmp_path / "mine.opml"
    listed.write_text(
        f'<opml version="2.0"><body><outline text="Mine" xmlUrl="{url}"/>'
        f'<outline text="Gone" xmlUrl="{missing}"/></body></opml>',
        encoding="utf-8",
    )

    code, out, _ = run("import", str(listed), "--refresh")

    assert code == 1  # one of them failed
    lines = out.splitlines()
    assert lines[2] == f"{listed}: 2 feeds added, 0 already followed, 0 invalid."
    assert sorted(lines[3:]) == [
        f"#1 Small live ({url}): 2 new, 0 edited",
        f"#2 Gone ({missing}): failed: HTTP 404",
    ]
    with Store(paths.database_file()) as store:
        assert [(f.title, f.total) for f in store.feeds()] == [("Small live", 2), ("Gone", 0)]
