"""The scale benchmark's database builder and feed servers (bench/scaledb.py, feedserver.py):
the database holds what the builder says it built, through the project's own store, and its
feeds refresh over real sockets from the benchmark's loopback servers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import Run
from liveread import paths
from liveread.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import feedserver
import scaledb


@pytest.mark.parametrize(("posts", "feeds"), [(1_000_000, 500), (100_000, 500), (600, 5)])
def test_feed_sizes_add_up_with_one_big_feed(posts: int, feeds: int) -> None:
    sizes = scaledb.feed_sizes(posts, feeds)
    assert len(sizes) == feeds
    assert sum(sizes) == posts
    assert sizes[0] == min(scaledb.BIG_FEED, posts // 2)
    assert min(sizes) >= 1


def test_a_million_posts_are_spread_a_few_hundred_to_a_few_thousand_a_feed() -> None:
    rest = sorted(scaledb.feed_sizes(1_000_000, 500)[1:])
    assert rest[len(rest) // 20] >= 200  # 95 % of the feeds hold more than a few hundred
    assert rest[-len(rest) // 20] <= 6_000  # and 95 % fewer than a few thousand


def test_the_database_holds_what_the_builder_says(tmp_path: Path) -> None:
    manifest = scaledb.build(tmp_path / "bench.db", 900, 6)

    assert (manifest.posts, manifest.feeds, sum(manifest.sizes)) == (900, 6, 900)
    with Store(tmp_path / "bench.db") as store:
        feeds = store.feeds()
        assert [f.total for f in feeds] == manifest.sizes
        assert store.count_entries() == 900
        assert [f.unread for f in feeds] == [scaledb.UNREAD_PER_FEED] * 6
        assert manifest.unread == 6 * scaledb.UNREAD_PER_FEED
        hits = store.search_hits(manifest.common_word, limit=1_000)
        assert len(hits) == manifest.common_posts
        assert 0.15 * 900 < manifest.common_posts < 0.35 * 900
        assert store.count_favourites() == 3
        assert feeds[0].title == f"{scaledb.BIG_FEED_TITLE} (opened)"
        assert store.entry_summaries(limit=1)[0].title == f"{scaledb.NEWEST_TITLE} 1-0"
        assert [scaledb.feed_number(f.url) for f in feeds] == list(range(1, 7))


def test_a_built_database_is_cached_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scaledb.tempfile, "gettempdir", lambda: str(tmp_path))
    path, built = scaledb.cached(300, 3)
    assert path.is_relative_to(tmp_path)

    def build_again(*args: object, **kwargs: object) -> scaledb.Manifest:
        raise AssertionError("built again")

    monkeypatch.setattr(scaledb, "build", build_again)
    again, manifest = scaledb.cached(300, 3)
    assert (again, manifest) == (path, built)
    with pytest.raises(AssertionError, match="built again"):
        scaledb.cached(300, 4)


@pytest.fixture
def bench_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A LIVEREAD_HOME holding a built bench database of 120 posts over 4 feeds."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    (tmp_path / "data").mkdir()
    scaledb.build(tmp_path / "data" / "liveread.db", 120, 4)
    return tmp_path


def test_served_feeds_answer_not_modified(run: Run, bench_home: Path) -> None:
    with feedserver.serve(bench_home / "data" / "liveread.db", mode="not-modified", delay=0):
        code, out, err = run("refresh", "--json")

    assert (code, err) == (0, "")
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == 4
    assert all(r["not_modified"] and r["error"] is None for r in results)


def test_served_feeds_change_at_every_request(run: Run, bench_home: Path) -> None:
    with feedserver.serve(bench_home / "data" / "liveread.db", mode="changed", delay=0):
        first = [json.loads(line) for line in run("refresh", "--json")[1].splitlines()]
        second = [json.loads(line) for line in run("refresh", "--json")[1].splitlines()]

    assert [r["new"] for r in first] == [feedserver.PAGE_POSTS] * 4
    assert [r["new"] for r in second] == [1] * 4
    assert not any(r["error"] or r["not_modified"] for r in first + second)
