"""Pilot tests of the whole app against real parts: a SQLite file under tmp_path, feeds served
over real sockets by the loopback server or the demo server, the real fetcher and parser.

Nothing here sleeps a fixed time: `settle` waits for workers and idle, `wait_until` polls a
condition (up to a few seconds) and fails with a message when it never holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Group
from rich.text import Text
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input, Static

from liveread import paths
from liveread.config import Config
from liveread.core import Core
from liveread.demo import DemoServer
from liveread.store import Feed, Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import ALL_FEEDS, FAVOURITES, EntryList, FeedList
from liveread.ui.reader import Reader
from liveread.ui.screens import (
    BAD_URL,
    AddFeedScreen,
    ConfirmScreen,
    ExportScreen,
    SearchScreen,
)
from liveread.ui.state import UiState
from loopback import LoopbackServer
from pilot import settle, wait_until

SIZE = (140, 40)
INDEPENDENT_PAGE = Path(__file__).parent / "fixtures" / "pages" / "independent_2024_style.html"


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers


pytestmark = pytest.mark.usefixtures("home")  # every file the app touches under tmp_path


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    """The demo live blog with a frozen clock: posts only appear through publish_next()."""
    with DemoServer(clock=lambda: 0.0, interval=1000.0, edit_after=None) as server:
        yield server


def make_app(
    store: Store, *, config: Config | None = None, offline: bool = False, **kwargs: object
) -> LivereadApp:
    """The app over a core on `store` (which the test keeps open after the app ends)."""
    kwargs.setdefault("state", UiState(paths.data_dir() / "ui-state.json"))
    return LivereadApp(Core(store, config, offline=offline), **kwargs)  # type: ignore[arg-type]


async def follow(store: Store, url: str) -> Feed:
    """Add a feed the way the CLI does, before any app runs."""
    core = Core(store)
    try:
        return await core.add(url)
    finally:
        await core.disconnect()


def plain(renderable: object) -> str:
    if isinstance(renderable, Text):
        return renderable.plain
    if isinstance(renderable, Group):
        return "\n".join(plain(part) for part in renderable.renderables)
    return str(renderable)


def reader_text(app: LivereadApp) -> str:
    """What the reader shows, as plain text (rendered, so Groups of blocks count too)."""
    static = app.query_one("#article", Static)
    return "\n".join(line.text for line in static.render_lines(static.region.reset_offset))


def entries(app: LivereadApp) -> EntryList:
    return app.query_one(EntryList)


def feeds_pane(app: LivereadApp) -> FeedList:
    return app.query_one(FeedList)


def feed_row(app: LivereadApp, option_id: str) -> str:
    return plain(feeds_pane(app).get_option(option_id).prompt)


def row_text(app: LivereadApp, ref: str) -> str:
    return plain(entries(app).get_option(ref).prompt)


def ref_of(store: Store, title: str) -> str:
    matches = [e for e in store.entries() if e.entry.title == title]
    assert len(matches) == 1, title
    return f"e{matches[0].id}"


def notes(app: LivereadApp) -> list[tuple[str, str, str]]:
    """(title, message, severity) of every notification raised so far."""
    return [(n.title, n.message, n.severity) for n in app._notifications]


async def choose_feed(pilot: Pilot, option_id: str) -> None:
    """Highlight a feeds-pane option, as moving the cursor there does."""
    app = pilot.app
    assert isinstance(app, LivereadApp)
    pane = feeds_pane(app)
    pane.focus()
    pane.highlighted = pane.get_option_index(option_id)
    await wait_until(pilot, lambda: app.view == option_id, f"the {option_id} view")
    await settle(pilot)


# ---------------------------------------------------------------------------------------------
# Launch, offline


async def test_launch_shows_cached_posts_without_touching_the_network(
    store: Store, loopback: LoopbackServer, demo: DemoServer
) -> None:
    url = loopback.route("/live", body=demo.page().body)
    feed = await follow(store, url)
    fetched = loopback.hits("/live")
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = entries(app).rows
        assert len(rows) == feed.total == 12
        newest = store.entries(feed.id)[0]
        assert entries(app).current == f"e{newest.id}"
        assert newest.entry.title in reader_text(app)
        assert "Harbour Bridge Marathon 2026" in feed_row(app, str(feed.id))
        assert app.sub_title == "offline"
        assert "offline" not in feed_row(app, str(feed.id))  # it was fetched once: says when
        assert "updated" in feed_row(app, str(feed.id))
    assert loopback.hits("/live") == fetched


async def test_offline_refresh_warns_and_fetches_nothing(
    store: Store, loopback: LoopbackServer, demo: DemoServer
) -> None:
    url = loopback.route("/live", body=demo.page().body)
    await follow(store, url)
    fetched = loopback.hits("/live")
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("r", "R", "a", "D"):
            await pilot.press(key)
            await settle(pilot)
        warnings = [n for n in notes(app) if n[2] == "warning"]
        assert len(warnings) == 4
        assert all("offline" in message for _, message, _ in warnings)
        assert app.screen is app.screen_stack[0]  # no add-feed dialog opened
    assert loopback.hits("/live") == fetched
    assert len(store.feeds()) == 1


# ---------------------------------------------------------------------------------------------
# Adding a feed


async def test_add_feed_through_the_dialog(
    store: Store, loopback: LoopbackServer, demo: DemoServer
) -> None:
    good = loopback.route("/live", body=demo.page().body)
    missing = loopback.url("/gone")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AddFeedScreen)
        status = dialog.query_one("#add-status", Static)
        url_input = dialog.query_one("#add-url", Input)

        await pilot.press(*"example.org/live", "enter")
        await settle(pilot)
        assert plain(status.content) == BAD_URL
        assert app.screen is dialog

        url_input.value = missing
        await pilot.press("enter")
        await wait_until(pilot, lambda: "404" in plain(status.content), "the 404 reason")
        assert status.has_class("error")
        assert app.screen is dialog
        assert store.feeds() == []

        url_input.value = good
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not dialog, "the dialog to close")
        await settle(pilot)
        [feed] = store.feeds()
        assert feed.url == good
        assert feeds_pane(app).highlighted_option.id == str(feed.id)
        assert app.view == str(feed.id)
        assert entries(app).border_title == feed.title
        assert len(entries(app).rows) == 12
        assert ("Following " + feed.title, "12 posts") in [n[:2] for n in notes(app)]


async def test_adding_a_source_through_the_dialog_lists_the_blogs_it_found(
    store: Store, loopback: LoopbackServer, demo: DemoServer
) -> None:
    from test_sources import rss

    blog = loopback.route("/live", body=demo.page().body)
    url = loopback.route(
        "/rss", body=rss([("Regatta live", blog, [])]), content_type="application/rss+xml"
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#add-url", Input).value = url
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not dialog, "the dialog to close")
        await settle(pilot)

        source, found = store.feeds()
        assert found.source_id == source.id
        assert ("Following World news", "a source: 1 live blog found now") in [
            n[:2] for n in notes(app)
        ]
        assert app.view == str(source.id)
        assert "via World news" in feed_row(app, str(found.id))


# ---------------------------------------------------------------------------------------------
# Refreshing: new and edited posts, failures


async def test_refresh_brings_new_posts_and_keeps_the_cursor(
    store: Store, demo: DemoServer
) -> None:
    feed = await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)
        kept = entries(app).current
        assert kept is not None
        assert entries(app).border_subtitle == ""
        unread_before = store.feed(feed.id).unread
        assert f"  {unread_before}" in feed_row(app, str(feed.id))

        published = demo.publish_next()
        assert published is not None
        await pilot.press("r")
        await wait_until(pilot, lambda: len(entries(app).rows) == 13, "the new post")
        await settle(pilot)

        assert entries(app).current == kept  # the cursor stayed on the same post
        assert entries(app).border_subtitle == "1 new ↑"
        new_ref = ref_of(store, published.post.title)
        assert entries(app).get_option_at_index(0).id == new_ref
        assert "●" in row_text(app, new_ref).splitlines()[0]  # unread
        assert store.feed(feed.id).unread == unread_before + 1
        assert f"  {unread_before + 1}" in feed_row(app, str(feed.id))
        assert f"  {unread_before + 1}" in feed_row(app, ALL_FEEDS)
        assert (feed.title, "1 new") in [n[:2] for n in notes(app)]

        await pilot.press("home")  # reading the newest post clears the marker
        await settle(pilot)
        assert entries(app).current == new_ref
        assert entries(app).border_subtitle == ""
        assert published.post.title in reader_text(app)


async def test_refresh_keeps_the_reading_place(store: Store, demo: DemoServer) -> None:
    """A refresh that reloads the list must not scroll the post being read back to its top."""
    await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=(100, 16)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "down", "enter")
        await settle(pilot)
        reader = app.query_one(Reader)
        assert reader.has_focus
        assert reader.max_scroll_y >= 3
        reading = entries(app).current
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert reader.scroll_y == 3
        demo.publish_next()
        await pilot.press("r")
        await wait_until(pilot, lambda: len(entries(app).rows) == 13, "the new post")
        await settle(pilot)
        assert entries(app).current == reading
        assert reader.scroll_y == 3
        await pilot.press("shift+tab", "down")  # another post starts from its top
        await settle(pilot)
        assert entries(app).current != reading
        assert reader.scroll_y == 0


@pytest.mark.parametrize("key", ["down", "f"])
async def test_posts_removed_by_another_process(store: Store, demo: DemoServer, key: str) -> None:
    """The CLI shares the database: `liveread remove` while the app runs leaves stale rows,
    which must not crash the app when moved over or starred."""
    feed = await follow(store, demo.url)
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with Store(paths.database_file()) as other:
            other.remove_feed(feed.id)
        await pilot.press(key)
        await wait_until(pilot, lambda: not entries(app).rows, "the list to catch up")
        assert app.is_running
        assert "Welcome to liveread" in reader_text(app)
        assert feeds_pane(app).option_count == 2
        assert store.favourites() == []


async def test_edited_post_is_marked(store: Store) -> None:
    with DemoServer(clock=lambda: 0.0, interval=1000.0, edit_after=1) as demo:
        await follow(store, demo.url)
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            ref = ref_of(store, "Road closures across the city centre")
            assert "✎" not in row_text(app, ref)
            demo.publish_next()  # publishes one post and corrects "Road closures"
            assert demo.edited is not None
            await pilot.press("r")
            await wait_until(pilot, lambda: entries(app).rows[ref].edited, "the edit mark")
            row = row_text(app, ref)
            assert "●✎" in row.splitlines()[0]  # unread again, and edited
            assert any(message == "1 new, 1 edited" for _, message, _ in notes(app))
            entries(app).highlighted = entries(app).get_option_index(ref)
            await settle(pilot)
            assert "This post was amended" in reader_text(app)


async def test_failing_feed_shows_its_reason_while_others_update(
    store: Store, loopback: LoopbackServer, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = loopback.route("/good", body=demo.page().body)
    bad = loopback.route("/bad", body=INDEPENDENT_PAGE.read_bytes())
    good_feed = await follow(store, good)
    bad_feed = await follow(store, bad)
    assert bad_feed.title.startswith("Ukraine-Russia war latest")
    # From now on /bad fails (Retry-After 0: the fetcher's retries do not wait) and /good
    # has one more post.
    loopback.route("/bad", status=500, body=b"oops", headers={"Retry-After": "0"})
    published = demo.publish_next()
    assert published is not None
    loopback.route("/good", body=demo.page().body)

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        unread = store.feed(good_feed.id).unread  # less the post shown at launch
        rebuilds: list[object] = []
        set_options = feeds_pane(app).set_options

        def counted_set_options(*args: Any, **kwargs: Any) -> FeedList:
            rebuilds.append(args)
            return set_options(*args, **kwargs)

        monkeypatch.setattr(feeds_pane(app), "set_options", counted_set_options)
        await pilot.press("R")
        await wait_until(pilot, lambda: store.feed(bad_feed.id).last_error, "the failure")
        total = good_feed.total + bad_feed.total + 1
        # Two feeds: the parse pool's processes start first (a generous wait when busy).
        await wait_until(
            pilot, lambda: len(entries(app).rows) == total, "the good feed's post", timeout=30
        )
        await settle(pilot)
        failing = feed_row(app, str(bad_feed.id))
        assert failing.startswith("✗ ")
        assert "HTTP 500" in failing
        assert store.feed(bad_feed.id).last_error in failing
        healthy = feed_row(app, str(good_feed.id))
        assert "✗" not in healthy
        assert "HTTP" not in healthy
        assert store.feed(good_feed.id).unread == unread + 1
        assert f"  {unread + 1}" in healthy
        assert ref_of(store, published.post.title) in entries(app).rows
        assert rebuilds == []  # each event redrew its feed's row, not the pane
        errors = [n for n in notes(app) if n[2] == "error"]
        assert len(errors) == 1
        assert errors[0][0] == f"{bad_feed.title}: refresh failed"
        assert "HTTP 500" in errors[0][1]
        assert loopback.hits("/bad") >= 2  # the real fetcher retried


# ---------------------------------------------------------------------------------------------
# Favourites, export


async def test_favourite_marks_the_row_and_survives_a_restart(
    store: Store, demo: DemoServer
) -> None:
    feed = await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        ref = entries(app).current
        assert ref is not None
        title = store.entry(int(ref[1:])).entry.title
        assert "★" not in row_text(app, ref)
        await pilot.press("f")
        await settle(pilot)
        assert "★" in row_text(app, ref)
        assert [f.entry.title for f in store.favourites()] == [title]
        assert feed_row(app, FAVOURITES).endswith("  1")

        await choose_feed(pilot, FAVOURITES)
        assert list(entries(app).rows) == ["f0"]
        assert title in row_text(app, "f0")
        assert title in reader_text(app)
        assert entries(app).border_title == "Favourites"

    # A new app on the same database file, offline: the favourite is still there.
    with Store(paths.database_file()) as reopened:
        app = make_app(reopened, offline=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert feed_row(app, FAVOURITES).endswith("  1")
            starred = [r for r in entries(app).rows.values() if r.is_favourite]
            assert [r.title for r in starred] == [title]
            await choose_feed(pilot, FAVOURITES)
            assert [r.title for r in entries(app).rows.values()] == [title]
            await pilot.press("f")  # f in the Favourites view takes it away
            await settle(pilot)
            assert reopened.favourites() == []
            assert entries(app).rows == {}
            assert "No favourites yet" in reader_text(app)
    assert feed.id == store.feeds()[0].id


async def export_via_dialog(pilot: Pilot, fmt: str, path: Path) -> ExportScreen:
    app = pilot.app
    await pilot.press("e")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ExportScreen)
    await pilot.click(f"#export-{fmt}")
    dialog.query_one("#export-path", Input).value = str(path)
    dialog.query_one("#export-path", Input).focus()
    await pilot.press("enter")
    await settle(pilot)
    return dialog


async def test_export_writes_each_format_and_asks_before_overwriting(
    store: Store, demo: DemoServer, home: Path
) -> None:
    await follow(store, demo.url)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "down", "down", "f")
        await settle(pilot)
        titles = [f.entry.title for f in store.favourites()]
        assert len(titles) == 2

        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        default = dialog.query_one("#export-path", Input).value
        assert default.startswith(str(home / "exports" / "liveread-favourites-"))
        await pilot.press("escape")
        await settle(pilot)

        out = home / "out"
        out.mkdir()  # a folder that does not exist is an error, never made silently
        for fmt in ("md", "json", "html"):
            target = out / f"favourites.{fmt}"
            await export_via_dialog(pilot, fmt, target)
            await wait_until(pilot, target.exists, f"{target.name}")
            assert not isinstance(app.screen, ExportScreen)
            text = target.read_text(encoding="utf-8")
            if fmt == "json":
                data = json.dumps(json.loads(text), ensure_ascii=False)
                assert all(t in data for t in titles)
            elif fmt == "html":
                assert text.lstrip().lower().startswith("<!doctype html")
                assert all(t.replace("’", "&#x27;") in text or t in text for t in titles)
            else:
                assert all(t in text for t in titles)
        assert any("Exported 2 favourites" in title for title, _, _ in notes(app))

        # Overwriting: no keeps the old file, yes replaces it.
        target = out / "favourites.md"
        target.write_text("keep me\n", encoding="utf-8")
        dialog = await export_via_dialog(pilot, "md", target)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog
        assert target.read_text(encoding="utf-8") == "keep me\n"
        assert "Not exported" in plain(dialog.query_one("#export-status", Static).content)
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_until(
            pilot, lambda: target.read_text(encoding="utf-8") != "keep me\n", "the overwrite"
        )
        assert all(t in target.read_text(encoding="utf-8") for t in titles)


# ---------------------------------------------------------------------------------------------
# Reading: search, keys, filters


async def test_search_finds_a_post_and_shows_it(store: Store, demo: DemoServer) -> None:
    await follow(store, demo.url)
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Fancy dress watch" not in reader_text(app)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"lighthouse")
        search = app.screen
        await wait_until(pilot, lambda: len(search.hits) == 1, "one search hit")
        await pilot.press("enter", "enter")  # to the results, then read the hit
        await wait_until(pilot, lambda: not isinstance(app.screen, SearchScreen), "the pick")
        await settle(pilot)
        ref = ref_of(store, "Fancy dress watch")
        assert "Fancy dress watch" in reader_text(app)
        assert "a lighthouse, complete with a working (battery) lamp" in reader_text(app)
        assert entries(app).current == ref
        assert store.entry(int(ref[1:])).is_read


async def test_remapped_favourite_key(store: Store, demo: DemoServer) -> None:
    await follow(store, demo.url)
    app = make_app(store, offline=True, config=Config(keys={"app.favourite": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ref = entries(app).current
        assert ref is not None
        await pilot.press("f")
        await settle(pilot)
        assert store.favourites() == []
        assert not entries(app).rows[ref].is_favourite
        await pilot.press("x")
        await settle(pilot)
        assert len(store.favourites()) == 1
        assert entries(app).rows[ref].is_favourite
        assert "★" in row_text(app, ref)
        await pilot.press("x")
        await settle(pilot)
        assert store.favourites() == []
        help_keys = {binding_id: keys for keys, _, binding_id in app.help_rows()}
        assert help_keys["app.favourite"] == "x"
        assert help_keys["app.help"] == "?"  # keys as the footer shows them
        assert help_keys["app.search"] == "/"


async def test_key_events_filter(store: Store, demo: DemoServer) -> None:
    feed = await follow(store, demo.url)
    key_events = {e.entry.title for e in store.entries(feed.id) if e.entry.key_event}
    assert 0 < len(key_events) < feed.total
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(entries(app).rows) == feed.total
        await pilot.press("K")
        await wait_until(pilot, lambda: len(entries(app).rows) == len(key_events), "filter")
        assert {r.title for r in entries(app).rows.values()} == key_events
        assert entries(app).border_title == "All feeds · key events"
        await pilot.press("K")
        await wait_until(pilot, lambda: len(entries(app).rows) == feed.total, "every post")
        assert entries(app).border_title == "All feeds"


async def test_next_unread_skips_read_posts(store: Store, demo: DemoServer) -> None:
    """With `read_after = 0` a post the reader moves to is read at once."""
    feed = await follow(store, demo.url)
    stored = store.entries(feed.id)
    store.mark_read([e.id for e in stored[1:4]])
    app = make_app(store, offline=True, config=Config(read_after=0))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert entries(app).current == f"e{stored[0].id}"
        assert not store.entry(stored[0].id).is_read  # shown on launch, not moved to
        await pilot.press("n")
        await settle(pilot)
        assert entries(app).current == f"e{stored[4].id}"
        assert stored[4].entry.title in reader_text(app)
        assert store.entry(stored[4].id).is_read
        for entry in stored[5:]:
            await pilot.press("n")
            await settle(pilot)
            assert entries(app).current == f"e{entry.id}"
        await pilot.press("n")  # wraps round to the first
        await settle(pilot)
        assert entries(app).current == f"e{stored[0].id}"
        assert store.feed(feed.id).unread == 0
        assert "No unread posts here." not in [n[1] for n in notes(app)]
        await pilot.press("n")  # none left
        await settle(pilot)
        assert entries(app).current == f"e{stored[0].id}"
        assert ("", "No unread posts here.", "information") in notes(app)


async def test_remove_feed_keeps_favourites(store: Store, demo: DemoServer) -> None:
    feed = await follow(store, demo.url)
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        title = store.favourites()[0].entry.title

        await pilot.press("d")  # on All feeds: nothing to remove
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert any(n[2] == "warning" for n in notes(app))

        await choose_feed(pilot, str(feed.id))
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(store.feeds()) == 1

        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert store.feeds() == []
        assert [f.entry.title for f in store.favourites()] == [title]
        assert str(feed.id) not in [feeds_pane(app).get_option_at_index(i).id for i in (0, 1)]
        assert feeds_pane(app).option_count == 2  # All feeds and Favourites
        assert feed_row(app, FAVOURITES).endswith("  1")
        assert app.view == ALL_FEEDS
        await choose_feed(pilot, FAVOURITES)
        assert [r.title for r in entries(app).rows.values()] == [title]
        assert title in reader_text(app)


async def test_markup_in_a_feed_title_is_shown_as_text(store: Store) -> None:
    """Page text reaches notifications too: it must never be parsed as markup."""
    feed = store.add_feed("https://example.org/live/odd", "Odd [/] blog [b]live[/b]")
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await choose_feed(pilot, str(feed.id))
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert store.feeds() == []
        assert ("", "Removed Odd [/] blog [b]live[/b]; favourites kept.", "information") in notes(
            app
        )
        await settle(pilot)
        toasts = [plain(toast.render()) for toast in app.screen.query("Toast")]
        assert "Removed Odd [/] blog [b]live[/b]; favourites kept." in toasts


# ---------------------------------------------------------------------------------------------
# Theme, config errors, first run


async def test_theme_is_remembered_across_restarts(store: Store, home: Path) -> None:
    state_file = home / "data" / "ui-state.json"
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme != "nord"
        app.theme = "nord"
        await settle(pilot)
    assert json.loads(state_file.read_text(encoding="utf-8"))["theme"] == "nord"

    app = make_app(store, offline=True, config=Config(theme="gruvbox"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"  # the remembered choice wins over the config's default


async def test_broken_config_is_reported_and_the_app_runs(store: Store, demo: DemoServer) -> None:
    await follow(store, demo.url)
    reason = "/home/me/.config/liveread/config.toml: unknown setting 'colour' [keys]"
    app = make_app(store, offline=True, config_error=reason)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert ("Config", f"{reason} (using defaults)", "error") in notes(app)
        first = entries(app).current
        await pilot.press("j")
        await settle(pilot)
        assert entries(app).current != first
        await pilot.press("question_mark")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"


async def test_first_run_offers_the_demo(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = reader_text(app)
        assert "Welcome to liveread" in text
        assert "built-in demo" in text
        assert entries(app).rows == {}
        await pilot.press("D")
        await wait_until(pilot, lambda: store.feeds(), "the demo feed", timeout=10)
        await wait_until(pilot, lambda: len(entries(app).rows) >= 12, "the demo posts")
        [feed] = store.feeds()
        assert feed.url.startswith("http://127.0.0.1:")
        assert feed.title == "Harbour Bridge Marathon 2026 – live"
        assert feeds_pane(app).highlighted_option.id == str(feed.id)
        assert "Welcome to liveread" not in reader_text(app)
        await pilot.press("D")  # a second D selects the same feed, adds nothing
        await settle(pilot)
        assert len(store.feeds()) == 1


def palette_hits(app: LivereadApp) -> int:
    found = app.screen.query(CommandList)
    return found.first().option_count if found else 0


async def test_command_palette_offers_the_app_actions(store: Store, demo: DemoServer) -> None:
    feed = await follow(store, demo.url)
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for wanted in ("Favourite", "Key events", "Search", "Export", "Refresh all", "Add"):
            assert wanted in titles
        first = entries(app).current
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Favourite")
        await wait_until(pilot, lambda: palette_hits(app) > 0, "palette hits")
        await pilot.press("enter")
        await settle(pilot)
        assert first is not None
        assert store.entry(int(first[1:])).is_favourite
        assert len(store.favourites()) == 1
    assert feed.total > 1


async def test_mouse_click_on_a_post_opens_it(store: Store, demo: DemoServer) -> None:
    feed = await follow(store, demo.url)
    second = store.entries(feed.id)[1]
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert entries(app).current != f"e{second.id}"
        rows = entries(app)
        line = next(
            y
            for y in range(rows.content_size.height)
            if second.entry.title[:20] in rows.render_line(y).text
        )
        await pilot.click("#entries", offset=(6, 1 + line))  # 1: the border
        await settle(pilot)
        assert entries(app).current == f"e{second.id}"
        assert second.entry.title in reader_text(app)
