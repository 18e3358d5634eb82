"""Pilot tests for the modal dialogs, each pushed by a tiny host app that records the result."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, OptionList, RadioSet, Static

from liveread.model import Entry, Paragraph, Span
from liveread.service import ServiceError
from liveread.store import SNIPPET_CLOSE, SNIPPET_OPEN, Feed, SearchHit, StoredEntry
from liveread.ui.keyhelp import HelpRow, HelpSection
from liveread.ui.screens import (
    BAD_URL,
    HIGHLIGHT_STYLE,
    NO_FAVOURITES,
    AddFeedScreen,
    ConfirmScreen,
    ExportRequest,
    ExportScreen,
    HelpScreen,
    SearchScreen,
    highlight_snippet,
)

SIZE = (100, 40)
NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


class Host(App[None]):
    """Pushes one screen on mount and keeps whatever it is dismissed with (the screen brings
    its own styles)."""

    def __init__(self, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.dialog: Screen[Any] | None = None
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.dialog = self.make_screen()
        self.push_screen(self.dialog, self.results.append)


def text_of(static: Static) -> str:
    content = static.content
    return content.plain if isinstance(content, Text) else str(content)


def rendered_lines(widget: OptionList | DataTable) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def make_feed(url: str = "https://example.com/live") -> Feed:
    return Feed(
        id=7,
        url=url,
        title="Example live",
        added_at=NOW,
        last_fetch_at=NOW,
        last_ok_at=NOW,
        last_error=None,
        etag=None,
        last_modified=None,
        is_live=True,
        unread=3,
        total=3,
    )


def make_hit(
    entry_id: int, title: str, snippet: str, feed_title: str = "Election live"
) -> SearchHit:
    entry = Entry(
        key=f"k{entry_id}",
        published=NOW,
        title=title,
        blocks=[Paragraph((Span("The polls close at ten tonight across the country."),))],
    )
    stored = StoredEntry(
        id=entry_id,
        feed_id=1,
        feed_title=feed_title,
        entry=entry,
        first_seen_at=NOW,
        edited_at=None,
        is_read=False,
        is_favourite=False,
    )
    return SearchHit(entry=stored, snippet=snippet, score=-1.0)


# ---------------------------------------------------------------------------------------------
# ConfirmScreen


async def test_confirm_keys() -> None:
    for key, expected in [("y", True), ("enter", True), ("n", False), ("escape", False)]:
        app = Host(lambda: ConfirmScreen("Delete [bold]this[/bold]?"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            question = app.screen.query_one("#confirm-question", Static)
            assert text_of(question) == "Delete [bold]this[/bold]?"
            await pilot.press(key)
            await pilot.pause()
            assert app.results == [expected], key
            assert not isinstance(app.screen, ConfirmScreen)


async def test_confirm_buttons_and_labels() -> None:
    for button, expected in [("#confirm-yes", True), ("#confirm-no", False)]:
        app = Host(lambda: ConfirmScreen("Overwrite?", yes="Overwrite", no="Keep"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert str(app.screen.query_one("#confirm-yes", Button).label) == "Overwrite"
            assert str(app.screen.query_one("#confirm-no", Button).label) == "Keep"
            await pilot.click(button)
            await pilot.pause()
            assert app.results == [expected]


# ---------------------------------------------------------------------------------------------
# AddFeedScreen


class FakeAdd:
    def __init__(self, result: Feed | BaseException | None = None) -> None:
        self.result = result
        self.calls: list[str] = []
        self.gate: asyncio.Event | None = None

    async def __call__(self, url: str) -> Feed:
        self.calls.append(url)
        if self.gate is not None:
            await self.gate.wait()
        if isinstance(self.result, BaseException):
            raise self.result
        assert self.result is not None
        return self.result


async def submit_url(pilot: Any, app: Host, url: str) -> None:
    field = app.screen.query_one("#add-url", Input)
    field.focus()
    field.value = url
    await pilot.press("enter")
    await pilot.pause()


async def test_add_feed_rejects_a_non_url_inline() -> None:
    add = FakeAdd(make_feed())
    app = Host(lambda: AddFeedScreen(add))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for bad in ["not a url", "", "ftp://example.com/live", "https://", "example.com/live"]:
            await submit_url(pilot, app, bad)
            status = app.screen.query_one("#add-status", Static)
            assert text_of(status) == BAD_URL, bad
            assert status.has_class("error")
        assert add.calls == []
        assert isinstance(app.screen, AddFeedScreen)
        assert app.results == []


async def test_add_feed_shows_the_service_error_and_stays_open() -> None:
    add = FakeAdd(ServiceError("not a live blog: no [b]posts[/b] found\n(second line)"))
    app = Host(lambda: AddFeedScreen(add))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        url = "https://example.com/news/story"
        await submit_url(pilot, app, url)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert add.calls == [url]
        screen = app.screen
        assert isinstance(screen, AddFeedScreen)
        status = screen.query_one("#add-status", Static)
        assert text_of(status) == "not a live blog: no [b]posts[/b] found (second line)"
        assert status.has_class("error")
        assert screen.query_one("#add-url", Input).value == url
        assert not screen.query_one("#add-ok", Button).disabled
        assert app.results == []


async def test_add_feed_shows_fetching_then_dismisses_with_the_feed() -> None:
    feed = make_feed()
    add = FakeAdd(feed)
    add.gate = asyncio.Event()
    app = Host(lambda: AddFeedScreen(add))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await submit_url(pilot, app, "  https://example.com/live  ")
        screen = app.screen
        assert text_of(screen.query_one("#add-status", Static)).startswith("Fetching ")
        assert screen.query_one("#add-ok", Button).disabled
        await pilot.press("enter")  # a second submit while busy does nothing
        await pilot.pause()
        add.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert add.calls == ["https://example.com/live"]
        assert app.results == [feed]
        assert not isinstance(app.screen, AddFeedScreen)


async def test_add_feed_escape_cancels_the_running_add() -> None:
    add = FakeAdd(make_feed())
    add.gate = asyncio.Event()  # never set: the add would wait forever
    app = Host(lambda: AddFeedScreen(add))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await submit_url(pilot, app, "https://example.com/live")
        workers = [w for w in app.workers if w.group == "add-feed"]
        assert len(workers) == 1
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.results == [None]
        assert workers[0].is_cancelled
        assert not isinstance(app.screen, AddFeedScreen)


# ---------------------------------------------------------------------------------------------
# ExportScreen


def path_input(app: Host) -> Input:
    return app.screen.query_one("#export-path", Input)


async def choose_format(pilot: Any, app: Host, fmt: str) -> None:
    await pilot.click(f"#export-{fmt}")
    await pilot.pause()
    radio = app.screen.query_one("#export-format", RadioSet)
    assert radio.pressed_button is not None
    assert radio.pressed_button.id == f"export-{fmt}"


async def test_export_default_path_and_suffix_switching(tmp_path: Path) -> None:
    app = Host(lambda: ExportScreen(default_dir=tmp_path, count=3, now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = app.screen.query(".dialog-title").first(Static)
        assert text_of(title) == "Export 3 favourites"
        stamp = NOW.strftime("%Y%m%d-%H%M%S")
        assert path_input(app).value == str(tmp_path / f"liveread-favourites-{stamp}.md")

        await choose_format(pilot, app, "json")
        assert path_input(app).value == str(tmp_path / f"liveread-favourites-{stamp}.json")
        await choose_format(pilot, app, "html")
        assert path_input(app).value == str(tmp_path / f"liveread-favourites-{stamp}.html")

        # An edited name keeps its stem; only a known suffix is swapped.
        path_input(app).value = str(tmp_path / "mine.html")
        await choose_format(pilot, app, "md")
        assert path_input(app).value == str(tmp_path / "mine.md")
        path_input(app).value = str(tmp_path / "notes.txt")
        await choose_format(pilot, app, "json")
        assert path_input(app).value == str(tmp_path / "notes.txt")

        path_input(app).value = str(tmp_path / "mine.json")
        await pilot.click("#export-ok")
        await pilot.pause()
        assert app.results == [ExportRequest("json", tmp_path / "mine.json")]


async def test_export_rejects_an_empty_path_a_missing_folder_and_a_device(tmp_path: Path) -> None:
    app = Host(lambda: ExportScreen(default_dir=tmp_path, count=1, now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app.screen.query(".dialog-title").first(Static)) == "Export 1 favourite"
        status = app.screen.query_one("#export-status", Static)
        for value, message in [
            ("   ", "Enter the file to export to."),
            ("missing/", "missing/: no such folder"),
            (str(tmp_path / "gone" / "x.md"), f"{tmp_path / 'gone' / 'x.md'}: no such folder"),
            ("/dev/null", "/dev/null is not a regular file: not replacing it"),
        ]:
            path_input(app).value = value
            path_input(app).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert status.has_class("error"), value
            assert text_of(status).startswith(message), value
            assert isinstance(app.screen, ExportScreen)
        assert app.results == []
        assert not (tmp_path / "missing").exists()
        assert not (tmp_path / "gone").exists()


async def test_export_into_a_folder_uses_the_default_name(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    stamp = NOW.strftime("%Y%m%d-%H%M%S")
    for value in [str(tmp_path / "notes"), "notes/"]:
        app = Host(lambda: ExportScreen(default_dir=tmp_path, count=1, now=NOW))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            path_input(app).value = value
            await pilot.click("#export-ok")
            await pilot.pause()
        written = tmp_path / "notes" / f"liveread-favourites-{stamp}.md"
        assert app.results == [ExportRequest("md", written)], value


async def test_export_relative_and_home_paths(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "sub").mkdir()
    app = Host(lambda: ExportScreen(default_dir=tmp_path, count=2, now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = "~/out.md"
        path_input(app).focus()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [ExportRequest("md", tmp_path / "home" / "out.md")]

    app = Host(lambda: ExportScreen(default_dir=tmp_path, count=2, now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = "sub/out.md"
        await pilot.click("#export-ok")
        await pilot.pause()
    assert app.results == [ExportRequest("md", tmp_path / "sub" / "out.md")]


async def test_export_overwrite_needs_confirmation(tmp_path: Path) -> None:
    existing = tmp_path / "faves.md"
    existing.write_text("keep me", encoding="utf-8")
    app = Host(lambda: ExportScreen(default_dir=tmp_path, count=2, now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = str(existing)
        await pilot.click("#export-ok")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.query_one("#confirm-question", Static)
        assert text_of(question) == f"{existing} exists. Overwrite it?"

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.results == []
        assert existing.read_text(encoding="utf-8") == "keep me"

        await pilot.click("#export-ok")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.results == [ExportRequest("md", existing)]
        assert existing.read_text(encoding="utf-8") == "keep me"  # writing is the caller's job


async def test_export_with_no_favourites_is_disabled(tmp_path: Path) -> None:
    app = Host(lambda: ExportScreen(default_dir=tmp_path, count=0, now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#export-ok", Button).disabled
        assert text_of(app.screen.query_one("#export-status", Static)) == NO_FAVOURITES
        path_input(app).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


# ---------------------------------------------------------------------------------------------
# SearchScreen


def snip(*parts: str) -> str:
    """snip("a ", ["b"], " c") style: odd-indexed parts are matches."""
    return "".join(f"{SNIPPET_OPEN}{p}{SNIPPET_CLOSE}" if i % 2 else p for i, p in enumerate(parts))


class FakeSearch:
    def __init__(self, hits: dict[str, list[SearchHit]]) -> None:
        self.hits = hits
        self.queries: list[str] = []
        self.pages: list[tuple[str, int, int]] = []

    def __call__(self, query: str, *, limit: int, offset: int) -> list[SearchHit]:
        if offset == 0:
            self.queries.append(query)
        self.pages.append((query, offset, limit))
        return self.hits.get(query, [])[offset : offset + limit]


async def type_query(pilot: Any, app: Host, query: str) -> None:
    app.screen.query_one("#search-input", Input).value = query
    await pilot.pause(SearchScreen.DEBOUNCE + 0.15)
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_highlight_snippet_builds_text_not_markup() -> None:
    text = highlight_snippet(snip(" …the [red]", "polls", "[/red] close\nat ", "ten", " "))
    assert text.plain == "…the [red]polls[/red] close at ten"
    highlighted = [text.plain[s.start : s.end] for s in text.spans if s.style == HIGHLIGHT_STYLE]
    assert highlighted == ["polls", "ten"]


async def test_search_lists_highlighted_hits_and_enter_returns_the_id() -> None:
    hits = [
        make_hit(41, "[bold]Breaking[/bold] polls open", snip("when the ", "polls", " open")),
        make_hit(42, "", snip("The ", "polls", " close at ten"), feed_title="[i]Other[/i] live"),
    ]
    search = FakeSearch({"polls": hits})
    app = Host(lambda: SearchScreen(search))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#search-input", Input).has_focus
        await type_query(pilot, app, "polls")
        assert search.queries == ["polls"]

        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count == 2
        prompt = results.get_option_at_index(0).prompt
        assert isinstance(prompt, Text)
        assert "[bold]Breaking[/bold] polls open" in prompt.plain
        assert any(
            prompt.plain[s.start : s.end] == "polls" and s.style == HIGHLIGHT_STYLE
            for s in prompt.spans
        )
        screen_text = "\n".join(rendered_lines(results))
        assert "[bold]Breaking[/bold] polls open" in screen_text
        assert "[i]Other[/i] live" in screen_text
        # An untitled post shows the start of its text instead.
        assert "The polls close at ten tonight" in screen_text

        await pilot.press("down")
        await pilot.pause()
        assert results.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.results == [42]


async def test_search_enter_in_the_input_moves_to_the_results() -> None:
    search = FakeSearch({"polls": [make_hit(5, "Polls", snip("", "polls", ""))]})
    app = Host(lambda: SearchScreen(search))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#search-input", Input).value = "polls"
        await pilot.press("enter")  # before the debounce fires: search now, then focus
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.query_one("#search-results", OptionList)
        assert results.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [5]


async def test_search_no_match_and_escape() -> None:
    search = FakeSearch({})
    app = Host(lambda: SearchScreen(search))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_query(pilot, app, "zebra")
        assert text_of(app.screen.query_one("#search-status", Static)) == "No posts match"
        assert app.screen.query_one("#search-results", OptionList).option_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_search_debounces_typing() -> None:
    search = FakeSearch({})
    app = Host(lambda: SearchScreen(search))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#search-input", Input)
        for partial in ["p", "po", "pol", "poll"]:
            field.value = partial
            await pilot.pause()
        await pilot.pause(SearchScreen.DEBOUNCE + 0.15)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert search.queries == ["poll"]


async def test_search_loads_the_next_page_when_the_highlight_reaches_the_end() -> None:
    hits = [make_hit(n, f"Poll {n}", snip("", "poll", f" {n}")) for n in range(1, 8)]
    search = FakeSearch({"poll": hits})
    app = Host(lambda: SearchScreen(search, page_size=3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_query(pilot, app, "poll")
        results = app.screen.query_one("#search-results", OptionList)
        status = app.screen.query_one("#search-status", Static)
        assert results.option_count == 3
        assert text_of(status) == "3+ posts: Enter to read"
        assert search.pages == [("poll", 0, 3)]

        await pilot.press("down")  # to the results, on the first hit
        await pilot.press("down")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert search.pages == [("poll", 0, 3)]  # not at the end yet

        await pilot.press("end")  # the last hit shown: the next page is read and added
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert search.pages == [("poll", 0, 3), ("poll", 3, 3)]
        assert results.option_count == 6
        assert results.highlighted == 2  # where it was
        assert text_of(status) == "6+ posts: Enter to read"

        await pilot.press("end")  # a short page: the last one
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert results.option_count == 7
        assert text_of(status) == "7 posts: Enter to read"
        await pilot.press("end")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert search.pages == [("poll", 0, 3), ("poll", 3, 3), ("poll", 6, 3)]

        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.results == [7]


async def test_search_error_is_shown_inline() -> None:
    def broken(query: str, *, limit: int, offset: int) -> list[SearchHit]:
        raise RuntimeError("database is locked")

    app = Host(lambda: SearchScreen(broken))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_query(pilot, app, "polls")
        status = app.screen.query_one("#search-status", Static)
        assert text_of(status) == "database is locked"
        assert status.has_class("error")
        assert isinstance(app.screen, SearchScreen)


# ---------------------------------------------------------------------------------------------
# HelpScreen


async def test_help_lists_the_rows_and_closes() -> None:
    lists = [
        HelpRow("j / down", "Next post", "entries.down"),
        HelpRow("[", "Previous [feed]", "feeds.previous"),
    ]
    sections = [
        HelpSection("Lists", lists),
        HelpSection("Everywhere", [HelpRow("?", "This help", "app.help")]),
    ]
    for key in ["escape", "q", "question_mark"]:
        app = Host(lambda: HelpScreen(sections))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#help-table", DataTable)
            cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
            assert cells == [
                ["Lists", "", ""],
                list(lists[0]),
                list(lists[1]),
                ["", "", ""],
                ["Everywhere", "", ""],
                ["?", "This help", "app.help"],
            ]
            screen_text = "\n".join(rendered_lines(table))
            assert "Previous [feed]" in screen_text
            assert "feeds.previous" in screen_text
            intro = [text_of(s) for s in app.screen.query(Static)]
            assert any("[keys] table of config.toml" in t for t in intro)
            await pilot.press(key)
            await pilot.pause()
            assert app.results == [None], key
            assert not isinstance(app.screen, HelpScreen)
