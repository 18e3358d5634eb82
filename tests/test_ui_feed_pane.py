"""The feeds pane redraws the row of a feed that changed, and nothing else: a refresh of
hundreds of feeds reports each one, and measuring and drawing every row again for each took
longer than a frame. A row that grows (an error under it) moves the rows below it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.app import App, ComposeResult
from textual.visual import Visual
from textual.widgets.option_list import Option

from liveread.store import Feed
from liveread.ui.lists import FeedList

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FEEDS = 40


def feed(number: int) -> Feed:
    return Feed(
        id=number,
        url=f"https://example.com/live/{number}",
        title=f"Live blog {number}",
        added_at=NOW - timedelta(days=1),
        last_fetch_at=NOW - timedelta(minutes=5),
        last_ok_at=NOW - timedelta(minutes=5),
        last_error=None,
        etag=None,
        last_modified=None,
        is_live=True,
        unread=0,
        total=10,
    )


class Pane(App[None]):
    def compose(self) -> ComposeResult:
        yield FeedList(id="feeds")

    def on_mount(self) -> None:
        feeds = [feed(n) for n in range(1, FEEDS + 1)]
        self.query_one(FeedList).show(feeds, favourites=0, busy=set(), offline=False, now=NOW)


def screen_lines(app: App[None]) -> list[str]:
    """The screen as drawn: lines no refresh asked for come from the widgets' caches of
    what they drew last, as on a terminal."""
    update = app.screen._compositor.render_full_update()
    return ["".join(strip.text for strip in line) for line in update.strips]


def line_of(app: App[None], text: str) -> int:
    return next(n for n, line in enumerate(screen_lines(app)) if text in line)


async def test_a_feed_that_changed_is_redrawn_alone() -> None:
    app = Pane()
    async with app.run_test(size=(60, 30)) as pilot:
        pane = app.query_one(FeedList)
        await pilot.pause()
        before = screen_lines(app)
        measured: list[Option] = []
        own = pane._get_visual

        def counting(option: Option) -> Visual:
            measured.append(option)
            return own(option)

        pane._get_visual = counting  # type: ignore[method-assign]
        assert pane.update_feeds([feed(3)._replace(unread=7)], busy=set(), now=NOW)
        await pilot.pause()
        after = screen_lines(app)

        assert {option.id for option in measured} <= {"3", "all"}  # no other row redrawn
        changed = [n for n, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
        row = line_of(app, "Live blog 3 ")
        assert "7" in after[row]
        assert "◉ All feeds  7" in after[line_of(app, "All feeds")]
        assert set(changed) == {row, line_of(app, "All feeds")}


async def test_a_row_that_grows_moves_the_rows_below_it() -> None:
    app = Pane()
    async with app.run_test(size=(60, 30)) as pilot:
        pane = app.query_one(FeedList)
        await pilot.pause()
        below = line_of(app, "Live blog 4 ")
        failed = feed(3)._replace(last_error="HTTP 500 from example.com")
        assert pane.update_feeds([failed], busy=set(), now=NOW)
        await pilot.pause()
        assert "HTTP 500" in screen_lines(app)[below]
        assert line_of(app, "Live blog 4 ") == below + 1

        # As many lines of text, but one wider than the pane: it takes the lines it wraps to.
        wordy = "the server answered with a page of text that no live blog holds"
        assert pane.update_feeds([feed(3)._replace(last_error=wordy)], busy=set(), now=NOW)
        await pilot.pause()
        assert "the server answered" in screen_lines(app)[below]
        assert line_of(app, "Live blog 4 ") == below + 2

        assert pane.update_feeds([feed(3)], busy=set(), now=NOW)  # and shrinks back
        await pilot.pause()
        assert line_of(app, "Live blog 4 ") == below
        assert not any("answered" in line for line in screen_lines(app))
