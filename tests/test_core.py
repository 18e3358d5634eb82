"""The application core (`liveread.core`) over a real SQLite file: read state and the counts
that follow it, naming posts, favourites, where exports go, which feeds are due, and opening
and closing (the network only on first use)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread import paths, timefmt
from liveread.config import Config
from liveread.core import Core, Offline, UnknownPost, open_core
from liveread.model import Entry, Paragraph, Span
from liveread.output import OutputError
from liveread.store import Feed, NotFound, Store

T0 = datetime(2024, 8, 5, 20, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def core(home: Path) -> Iterator[Core]:
    with open_core(Config()) as opened:
        yield opened


def post(key: str, minutes: int, title: str = "") -> Entry:
    return Entry(
        key,
        published=T0 + timedelta(minutes=minutes),
        title=title or f"Post {key}",
        blocks=[Paragraph((Span(f"Body of {key}."),))],
    )


def follow(core: Core, url: str, *keys: str) -> Feed:
    feed = core.store.add_feed(url, f"Blog at {url}")
    entries = [post(key, minutes) for minutes, key in enumerate(keys)]
    core.store.upsert_entries(feed.id, entries, seen_at=T0)
    return core.store.feed(feed.id)


def ids(core: Core, feed: Feed) -> dict[str, int]:
    return {p.key: p.id for p in core.store.entry_summaries(feed.id)}


def unread(core: Core, feed: Feed) -> int:
    return core.store.feed(feed.id).unread


# -- read state -------------------------------------------------------------------------------


def test_read_state_changes_report_what_changed_and_counts_follow(core: Core) -> None:
    one = follow(core, "https://example.com/one", "a", "b", "c")
    two = follow(core, "https://example.com/two", "x", "y")
    posts = ids(core, one)

    assert core.mark_read([posts["a"], posts["b"]]) == 2
    assert core.mark_read([posts["a"]]) == 0  # already read
    assert (unread(core, one), unread(core, two)) == (1, 2)

    assert core.mark_read([posts["a"]], read=False) == 1
    assert unread(core, one) == 2
    assert core.mark_feed_read(one.id) == 2
    assert unread(core, one) == 0
    assert core.mark_feed_read(one.id, read=False) == 3
    assert (unread(core, one), unread(core, two)) == (3, 2)  # the other feed untouched

    assert core.mark_all_read() == 5
    assert (unread(core, one), unread(core, two)) == (0, 0)
    assert core.mark_all_read() == 0


def test_marking_a_feed_that_is_gone_is_an_error(core: Core) -> None:
    feed = follow(core, "https://example.com/one", "a")
    core.remove(feed.id)
    for read in (True, False):
        with pytest.raises(NotFound):
            core.mark_feed_read(feed.id, read)


def test_a_visit_is_recorded_now_and_the_order_kept(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = follow(core, "https://example.com/one", "a", "b")
    monkeypatch.setattr(timefmt, "clock", lambda: T0 + timedelta(hours=1))
    core.record_visit([feed.id])
    assert core.store.feed(feed.id).visited_at == T0 + timedelta(hours=1)
    core.record_visit([feed.id], at=T0)
    assert core.store.feed(feed.id).visited_at == T0

    core.set_oldest_first(feed.id, True)
    assert core.store.feed(feed.id).oldest_first is True


def test_posts_are_named_by_id_or_key_within_their_feed(core: Core) -> None:
    one = follow(core, "https://example.com/one", "a", "7", "b")
    two = follow(core, "https://example.com/two", "x")
    posts, other = ids(core, one), ids(core, two)

    found = core.find_posts(one, [f"#{posts['b']}", "a", str(posts["b"])])
    assert [p.key for p in found] == ["b", "a", "b"]
    # A bare number is a key first ("7"), an id only when no key matches.
    assert [p.key for p in core.find_posts(one, ["7"])] == ["7"]
    with pytest.raises(UnknownPost, match=r"no post '#7' in #1 Blog at https://example\.com/one"):
        core.find_posts(one, [f"#{posts['a']}", "#7"])  # id 7 is no post of this feed
    with pytest.raises(UnknownPost):
        core.find_posts(one, [f"#{other['x']}"])  # another feed's post
    with pytest.raises(UnknownPost):
        core.find_posts(one, ["x"])


# -- favourites -------------------------------------------------------------------------------


def test_favourites_toggle_and_outlive_their_feed(core: Core) -> None:
    feed = follow(core, "https://example.com/one", "a", "b")
    posts = ids(core, feed)

    assert core.toggle_favourite(posts["a"]) is True
    assert core.store.entry(posts["a"]).is_favourite
    assert core.toggle_favourite(posts["a"]) is False
    assert core.count_favourites() == 0

    core.set_favourite(posts["b"], True)
    core.set_favourite(posts["a"], True)
    core.remove(feed.id)
    kept = core.favourites()
    assert [f.entry.key for f in kept] == ["a", "b"]  # most recently favourited first
    core.remove_favourite(kept[0])
    assert [f.entry.key for f in core.favourites()] == ["b"]


# -- export -----------------------------------------------------------------------------------


def test_exports_go_to_the_configured_folder_else_liveread_s_own(home: Path, tmp_path: Path):
    with Store(paths.database_file()) as store:
        default = Core(store)
        assert default.export_dir == paths.export_dir()
        configured = Core(store, Config(export_dir=tmp_path / "mine"))
        assert configured.export_dir == tmp_path / "mine"

        target = configured.export_target(None, "html", at=T0, relative_to=tmp_path)
        assert target.parent == tmp_path / "mine"
        assert target.parent.is_dir()  # the default folder is made when needed
        assert target.suffix == ".html"
        given = configured.export_target("out.md", "md", at=T0, relative_to=tmp_path)
        assert given == tmp_path / "out.md"


def test_export_writes_every_favourite_and_never_half_a_file(core: Core, tmp_path: Path):
    feed = follow(core, "https://example.com/one", "a", "b")
    for post_id in ids(core, feed).values():
        core.set_favourite(post_id, True)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "favs.md"
    path.write_text("old", encoding="utf-8")

    assert core.export(path, "md") == 2
    text = path.read_text(encoding="utf-8")
    assert "Post a" in text and "Post b" in text
    assert [p.name for p in folder.iterdir()] == ["favs.md"]  # no temp file left

    with pytest.raises(OutputError):
        core.export(folder, "md")  # a folder is never replaced


# -- refreshing, and the network ----------------------------------------------------------------


def test_due_feeds_follow_the_configured_interval(home: Path) -> None:
    with Store(paths.database_file()) as store:
        core = Core(store, Config(refresh_interval=600.0))
        fresh = follow(core, "https://example.com/fresh", "a")
        stale = follow(core, "https://example.com/stale", "a")
        never = follow(core, "https://example.com/never", "a")
        store.record_fetch(fresh.id, at=T0, error=None)
        store.record_fetch(stale.id, at=T0 - timedelta(minutes=10), error=None)

        assert {f.id for f in core.due(at=T0)} == {stale.id, never.id}
        assert [f.id for f in core.due(at=T0, skip={never.id})] == [stale.id]


async def test_an_offline_core_never_goes_online(home: Path) -> None:
    core = open_core(Config(), offline=True)
    with pytest.raises(Offline):
        core.connect()
    with pytest.raises(Offline):
        await core.add("https://example.com/live")
    await core.aclose()
    assert paths.database_file().is_file()


def test_opening_a_core_loads_no_network_code(home: Path) -> None:
    """The app opens its core before its first paint: httpx and the parser load later."""
    script = (
        "import sys\n"
        "from liveread.config import Config\n"
        "from liveread.core import open_core\n"
        "core = open_core(Config())\n"
        "core.store.feeds(); core.mark_all_read(); core.search('x')\n"
        "core.close()\n"
        "print(sorted(m for m in ('httpx', 'selectolax', 'liveread.fetch') if m in sys.modules))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert shown == "[]\n"


async def test_connect_starts_one_session_until_disconnected(core: Core) -> None:
    first = core.connect()
    assert core.connect() is first
    await core.disconnect()
    again = core.connect()
    assert again is not first
    await core.disconnect()
