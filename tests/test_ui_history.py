"""An edited post in the app: the reader says when it was edited and how many earlier
versions are kept, and `h` marks what the last edit changed in place. Pilot tests on a real
SQLite file, offline; history is read on the store thread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Static

from liveread import paths
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import EntryList
from liveread.ui.reader import Reader
from liveread.ui.state import UiState
from pilot import press, settle, wait_until

SIZE = (140, 40)
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FIRST = "The Ministry says the Harbour Bridge reopens at four."
CORRECTED = "The minister says the Harbour Bridge reopens at four."

pytestmark = pytest.mark.usefixtures("home")


def post(key: str, minute: int, body: str) -> Entry:
    return Entry(
        key=key,
        published=T0 + timedelta(minutes=minute),
        title=f"Post {key}",
        blocks=[Paragraph((Span(body),))],
    )


@pytest.fixture
def edited(store: Store) -> Store:
    """A feed whose newest post, "new", was corrected by one word; "old" never edited."""
    feed = store.add_feed("https://example.com/live", "Bridge live")
    store.upsert_entries(feed.id, [post("new", 10, FIRST), post("old", 0, "Calm.")], seen_at=T0)
    later = T0 + timedelta(minutes=20)
    store.upsert_entries(feed.id, [post("new", 10, CORRECTED)], seen_at=later)
    return store


def make_app(store: Store) -> LivereadApp:
    state = UiState(paths.data_dir() / "ui-state.json")
    return LivereadApp(Core(store, None, offline=True), state=state)


def segments(app: LivereadApp) -> list[tuple[str, Style | None]]:
    """What the reader has drawn, a styled piece at a time."""
    found = []
    for static in app.query_one(Reader).query(Static):
        if static.display:
            for line in static.render_lines(static.size.region):
                found += [(segment.text, segment.style) for segment in line if segment.text.strip()]
    return found


def shown(app: LivereadApp) -> str:
    return " ".join(text for text, _ in segments(app))


def style_of(app: LivereadApp, word: str) -> Style | None:
    return next(style for text, style in segments(app) if word in text)


async def open_post(pilot: Pilot, key: str) -> None:
    app = pilot.app
    assert isinstance(app, LivereadApp)
    await settle(pilot)
    store_id = next(s.id for s in app.store.entries() if s.entry.key == key)
    app.query_one(EntryList).highlight(f"e{store_id}")
    await wait_until(pilot, lambda: f"Post {key}" in shown(app), f"post {key} in the reader")


async def test_h_marks_what_the_last_edit_changed_and_h_again_hides_it(edited: Store) -> None:
    app = make_app(edited)
    async with app.run_test(size=SIZE) as pilot:
        await open_post(pilot, "new")
        assert "edited" in shown(app) and "1 earlier version" in shown(app)
        assert "Ministry" not in shown(app)

        await press(pilot, "h")
        await wait_until(pilot, lambda: "Ministry" in shown(app), "the removed word")
        removed, added = style_of(app, "Ministry"), style_of(app, "minister")
        assert removed is not None and removed.strike
        assert added is not None and added.underline and not added.strike
        assert not style_of(app, "Harbour").strike  # kept words as they were

        await press(pilot, "h")
        await wait_until(pilot, lambda: "Ministry" not in shown(app), "the changes hidden")
        assert "minister" in shown(app)


async def test_h_on_a_post_never_edited_says_so(edited: Store) -> None:
    app = make_app(edited)
    async with app.run_test(size=SIZE) as pilot:
        await open_post(pilot, "old")
        assert "edited" not in shown(app)
        await press(pilot, "h")
        assert [n.message for n in app._notifications] == [
            "This post has no earlier version to compare with."
        ]
        assert not app.query_one(Reader).changes_shown
