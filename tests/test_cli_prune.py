"""`liveread prune [FEED] [--dry-run]`: what goes by the config's keep_days and
max_posts_per_feed (or the options given), reported per feed and in total; favourites stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import Run
from liveread import paths, service, timefmt
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store
from loopback import LoopbackServer, Route
from test_service import bbc_page, text

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def post(key: str, minute: int) -> Entry:
    return Entry(
        key,
        published=NOW - timedelta(days=90, minutes=-minute),
        blocks=[Paragraph((Span(f"Report {key} from the harbour."),))],
    )


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(timefmt, "clock", lambda: NOW)
    with Store(paths.database_file()) as store:
        harbour = store.add_feed("https://example.com/live/harbour", "Harbour live").id
        old = [post(f"h{n}", n) for n in range(1, 1206)]  # 1,205 posts seen 40 days ago
        store.upsert_entries(harbour, old, seen_at=NOW - timedelta(days=40))
        store.upsert_entries(harbour, [post("fresh", 2000)], seen_at=NOW - timedelta(days=1))
        (kept,) = store.named_summaries(harbour, keys=["h7"])
        store.set_favourite(kept.id, True)
        quiet = store.add_feed("https://example.org/live/quiet", "Quiet live").id
        store.upsert_entries(quiet, [post("q1", 1)], seen_at=NOW - timedelta(days=2))


def config(text: str) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(text, encoding="utf-8")


def totals() -> dict[str, int]:
    with Store(paths.database_file()) as store:
        return {feed.title: feed.total for feed in store.feeds()}


def test_prune_by_the_config_reports_each_feed_and_the_total(run: Run):
    config("keep_days = 30\n")
    code, out, err = run("prune")
    assert (code, err) == (0, "")
    assert out == (
        "Harbour live: 1,204 posts older than 30 days removed\nRemoved 1,204 posts from 1 feed.\n"
    )
    assert totals() == {"Harbour live": 2, "Quiet live": 1}  # the favourite and the fresh post
    code, out, _ = run("prune")
    assert (code, out) == (0, "Nothing to prune.\n")


def test_a_dry_run_says_what_would_go_and_removes_nothing(run: Run):
    config("keep_days = 30\nmax_posts_per_feed = 1\n")
    before = totals()
    code, out, err = run("prune", "--dry-run")
    assert (code, err) == (0, "")
    assert out == (
        "Harbour live: 1,204 posts older than 30 days would be removed\n"
        "Would remove 1,204 posts from 1 feed (dry run).\n"
    )
    assert totals() == before


def test_options_take_the_place_of_the_config_and_a_feed_can_be_named(run: Run):
    config("keep_days = 30\n")
    code, out, _ = run("prune", "Quiet", "--keep-days", "1", "--max-posts", "5")
    assert (code, out) == (
        0,
        "Quiet live: 1 post older than 1 day removed\nRemoved 1 post from 1 feed.\n",
    )
    assert totals()["Harbour live"] == 1206

    code, out, _ = run("prune", "Harbour", "--keep-days", "0", "--max-posts", "3", "--vacuum")
    # The newest three are fresh, h1205 and h1204; h7, a favourite, stays beyond them.
    assert (code, out) == (
        0,
        "Harbour live: 1,202 posts beyond the newest 3 removed\nRemoved 1,202 posts from 1 feed.\n",
    )
    assert totals()["Harbour live"] == 4


def test_with_no_limit_set_it_says_how_to_set_one(run: Run):
    code, out, err = run("prune")
    assert (code, out) == (1, "")
    assert "nothing to prune by: set keep_days or max_posts_per_feed in" in err
    assert "or give --keep-days or --max-posts" in err
    assert totals() == {"Harbour live": 1206, "Quiet live": 1}


def test_refresh_prunes_by_the_config_and_says_so(
    run: Run, loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch
):
    pages = [bbc_page([("2", text(2)), ("1", text(1))]), bbc_page([("4", text(4)), ("3", text(3))])]
    url = loopback.route("/live", [Route(body=body) for body in pages])
    config("max_posts_per_feed = 3\n")
    monkeypatch.setattr(service, "now", lambda: NOW)
    assert run("add", url)[0] == 0
    monkeypatch.setattr(service, "now", lambda: NOW + timedelta(minutes=1))

    code, out, err = run("refresh", url)

    assert (code, err) == (0, "")
    # The oldest post the page no longer shows goes (undated posts: by when first seen).
    assert out == f"#3 Small live ({url}): 2 new, 0 edited, 1 old post removed\n"
    with Store(paths.database_file()) as store:
        assert [s.entry.key for s in store.entries(3)] == ["4", "3", "2"]
