"""A link post's article in the app: `l` fetches it from the loopback server on the network
thread and shows its paragraphs in the reader under where it comes from; `l` or escape goes
back to the post. A link that cannot be read leaves the post on show with a one-line note.
Offline, a kept article opens and one never fetched is "not cached". Pilot tests on a real
SQLite file."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from liveread import articles, paths
from liveread.config import Config
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import EntryList
from liveread.ui.reader import Reader
from liveread.ui.state import UiState
from loopback import LoopbackServer, Route
from pilot import press, settle, wait_until

SIZE = (140, 40)
T0 = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "harbour.html"
FIRST_PARAGRAPH = "Engineers started work on the breached harbour wall"
LAST_PARAGRAPH = "a decision on raising the wall would be made before next winter"

pytestmark = pytest.mark.usefixtures("home")
needs_trafilatura = pytest.mark.skipif(
    articles.trafilatura_missing(), reason="trafilatura is not installed: uv sync --extra articles"
)


def teaser(article_url: str) -> Entry:
    span = Span("Harbour wall repairs begin", href=article_url)
    return Entry(key="teaser", published=T0, kind="link", blocks=[Paragraph((span,))])


def follow(store: Store, loopback: LoopbackServer, article_url: str) -> None:
    """A feed (its page on loopback, not found: a refresh fetches nothing) whose one post
    links to `article_url`."""
    feed = store.add_feed(loopback.url("/live"), "Storm live")
    store.upsert_entries(feed.id, [teaser(article_url)], seen_at=T0)


def make_app(store: Store, *, offline: bool = False) -> LivereadApp:
    state = UiState(paths.data_dir() / "ui-state.json")
    core = Core(store, Config(refresh_interval=3600), offline=offline)
    return LivereadApp(core, state=state)


def shown(app: LivereadApp) -> str:
    """The reader's text as drawn."""
    lines = []
    for static in app.query_one(Reader).query(Static):
        if static.display:
            for line in static.render_lines(static.size.region):
                lines.append("".join(segment.text for segment in line).strip())
    return " ".join(" ".join(lines).split())


async def open_teaser(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, LivereadApp)
    await settle(pilot)
    (stored,) = app.store.entries()
    app.query_one(EntryList).highlight(f"e{stored.id}")
    await wait_until(pilot, lambda: "Harbour wall repairs begin" in shown(app), "the post")


async def open_article(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, LivereadApp)
    await pilot.press("l")
    await wait_until(pilot, lambda: app.query_one(Reader).article_shown is not None, "article")
    await settle(pilot)


@needs_trafilatura
async def test_l_shows_the_linked_article_and_l_or_escape_goes_back(
    store: Store, loopback: LoopbackServer
):
    follow(store, loopback, loopback.route("/news/harbour-wall", body=ARTICLE.read_bytes()))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_teaser(pilot)
        assert FIRST_PARAGRAPH not in shown(app)

        await open_article(pilot)
        text = shown(app)
        assert "↗ linked article from Coastal Times · l or esc back to the post" in text
        assert "Harbour wall repairs begin after the storm" in text
        assert "Sat 14 Mar 2026 · Mara Quinlan" in text
        assert FIRST_PARAGRAPH in text and "Fishing fleet waits" in text
        assert LAST_PARAGRAPH in text and "All rights reserved" not in text

        await press(pilot, "l")
        assert FIRST_PARAGRAPH not in shown(app)
        assert "Harbour wall repairs begin" in shown(app)

        await open_article(pilot)  # kept: no second fetch
        await press(pilot, "escape")
        assert FIRST_PARAGRAPH not in shown(app)
    assert loopback.hits("/news/harbour-wall") == 1
    with Core(Store(paths.database_file()), offline=True) as reopened:
        assert reopened.cached_article(loopback.url("/news/harbour-wall")).title


@needs_trafilatura
async def test_a_kept_article_opens_offline_and_a_restart_keeps_it(
    store: Store, loopback: LoopbackServer
):
    url = loopback.route("/news/harbour-wall", body=ARTICLE.read_bytes())
    follow(store, loopback, url)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_teaser(pilot)
        await open_article(pilot)
    loopback.close()

    with Store(paths.database_file()) as reopened:
        app = make_app(reopened, offline=True)
        async with app.run_test(size=SIZE) as pilot:
            await open_teaser(pilot)
            await open_article(pilot)
            assert FIRST_PARAGRAPH in shown(app)


async def test_offline_an_article_never_fetched_is_not_cached(
    store: Store, loopback: LoopbackServer
):
    follow(store, loopback, loopback.route("/news/harbour-wall", body=ARTICLE.read_bytes()))
    app = make_app(store, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_teaser(pilot)
        await press(pilot, "l")
        text = shown(app)
        assert text.startswith("not cached: the linked article was never fetched")
        assert "Harbour wall repairs begin" in text  # the post stays
    assert loopback.hits("/news/harbour-wall") == 0


@needs_trafilatura
async def test_a_dead_link_leaves_the_post_with_a_one_line_note(
    store: Store, loopback: LoopbackServer
):
    follow(store, loopback, loopback.route("/news/gone", [Route(status=404)]))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_teaser(pilot)
        await pilot.press("l")
        note = app.query_one("#note", Static)
        await wait_until(pilot, lambda: "HTTP 404" in shown(app), "the note")
        assert str(note.render()) == "could not fetch the linked article: HTTP 404"
        assert "Harbour wall repairs begin" in shown(app)
        assert app.query_one(Reader).article_shown is None


async def test_without_the_extra_l_says_how_to_install_it(
    store: Store, loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` fails
    follow(store, loopback, loopback.route("/news/harbour-wall", body=ARTICLE.read_bytes()))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_teaser(pilot)
        await pilot.press("l")
        await wait_until(pilot, lambda: "liveread[articles]" in shown(app), "the hint")
        assert str(app.query_one("#note", Static).render()) == articles.INSTALL_HINT
    assert loopback.hits("/news/harbour-wall") == 0


async def test_l_on_a_post_that_links_nowhere_says_so(store: Store, loopback: LoopbackServer):
    feed = store.add_feed(loopback.url("/live"), "Storm live")
    plain = Entry(key="p", published=T0, blocks=[Paragraph((Span("The wind dropped."),))])
    store.upsert_entries(feed.id, [plain], seen_at=T0)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "l")
        messages = [n.message for n in app._notifications]
        assert "This post is not a link to another article." in messages
        assert app.query_one(Reader).article_shown is None
