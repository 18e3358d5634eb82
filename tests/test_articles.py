"""Linked articles: a link post's article fetched from the loopback server through the core,
its text extracted with trafilatura, kept in the store (so a second open, a restart or an
offline core needs no network), and the one-line reasons when it cannot be read."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveread import articles
from liveread.articles import INSTALL_HINT, ArticleError, ExtraMissing, NotCached
from liveread.core import Core
from liveread.model import Article, Entry, Heading, Paragraph, Quote, Span
from liveread.store import MIGRATIONS, Store, schema
from loopback import LoopbackServer, Route
from schemas import at_version

FIXTURE = Path(__file__).parent / "fixtures" / "articles" / "harbour.html"
FIRST_PARAGRAPH = "Engineers started work on the breached harbour wall on Saturday morning"
NOW = datetime(2026, 3, 15, 8, 0, tzinfo=UTC)

needs_trafilatura = pytest.mark.skipif(
    articles.trafilatura_missing(),
    reason="trafilatura is not installed: uv sync --extra articles",
)


def link_post(url: str, key: str = "teaser") -> Entry:
    return Entry(key=key, kind="link", blocks=[Paragraph((Span("Repairs begin", href=url),))])


def harbour(loopback: LoopbackServer) -> str:
    return loopback.route("/news/harbour-wall", body=FIXTURE.read_bytes())


# -- finding the article a post links to ------------------------------------------------------


def test_a_link_post_names_its_article_and_other_posts_name_none():
    url = "https://example.org/news/harbour-wall"
    assert articles.linked_address(link_post(url), "https://example.com/live") == url
    post = Entry(key="p", blocks=[Paragraph((Span("Repairs begin", href=url),))])
    assert articles.linked_address(post, "https://example.com/live") is None  # not a link post
    unsafe = link_post("javascript:alert(1)")
    assert articles.linked_address(unsafe, "https://example.com/live") is None


# -- extracting -------------------------------------------------------------------------------


@needs_trafilatura
def test_the_article_page_becomes_title_byline_and_blocks_without_the_page_furniture():
    article = articles.extract(FIXTURE.read_text(), "https://example.org/a", fetched_at=NOW)
    assert article.title == "Harbour wall repairs begin after the storm"
    assert article.authors == ["Mara Quinlan"]
    assert article.published == datetime(2026, 3, 14, tzinfo=UTC)
    assert article.site == "Coastal Times"
    kinds = [type(block) for block in article.blocks]
    assert kinds == [Paragraph, Paragraph, Heading, Paragraph, Quote, Paragraph]
    assert article.blocks[0].text.startswith(FIRST_PARAGRAPH)
    assert article.blocks[2].text == "Fishing fleet waits"
    text = article.as_entry().text
    assert "All rights reserved" not in text and "Privacy" not in text and "Sport" not in text


@needs_trafilatura
def test_a_page_with_no_article_text_is_refused():
    with pytest.raises(ArticleError, match="no article text"):
        articles.extract(
            "<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://x.org/"
        )


def test_without_the_extra_asking_for_an_article_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` fails
    assert articles.trafilatura_missing()
    with pytest.raises(ExtraMissing) as raised:
        articles.extract("<p>text</p>", "https://example.org/a")
    assert str(raised.value) == INSTALL_HINT
    assert "pip install 'liveread[articles]'" in INSTALL_HINT


async def test_without_the_extra_the_core_fetches_nothing(
    monkeypatch: pytest.MonkeyPatch, loopback: LoopbackServer, tmp_path: Path
):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    url = harbour(loopback)
    async with Core(Store(tmp_path / "liveread.db")) as core:
        with pytest.raises(ExtraMissing, match=r"liveread\[articles\]"):
            await core.linked_article(url)
    assert loopback.hits("/news/harbour-wall") == 0


# -- fetching and keeping ---------------------------------------------------------------------


@needs_trafilatura
async def test_an_article_is_fetched_once_then_read_as_kept_even_after_a_restart(
    loopback: LoopbackServer, tmp_path: Path
):
    db = tmp_path / "liveread.db"
    url = harbour(loopback)
    async with Core(Store(db)) as core:
        first = await core.linked_article(url)
        assert first.blocks[0].text.startswith(FIRST_PARAGRAPH)
        loopback.close()  # the server is gone: the second open needs no network
        again = await core.linked_article(url)
    assert again == first
    assert loopback.hits("/news/harbour-wall") == 1

    async with Core(Store(db)) as restarted:  # reopened: still kept
        assert await restarted.linked_article(url) == first
    with Core(Store(db), offline=True) as offline:
        assert offline.cached_article(url) == first


@needs_trafilatura
async def test_offline_an_article_never_fetched_is_not_cached(
    loopback: LoopbackServer, tmp_path: Path
):
    url = harbour(loopback)
    async with Core(Store(tmp_path / "liveread.db"), offline=True) as core:
        with pytest.raises(NotCached, match="not cached"):
            await core.linked_article(url)
    assert loopback.hits("/news/harbour-wall") == 0


@needs_trafilatura
@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(status=404), "could not fetch the linked article: HTTP 404"),
        (Route(body=b"%PDF-1.4", content_type="application/pdf"), "not an HTML page"),
        (
            Route(body=b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
            "no article text",
        ),
        (Route(body=b"<p>x</p>", huge=21 << 20), "page larger than"),
    ],
)
async def test_a_link_that_cannot_be_read_gives_one_line_and_keeps_nothing(
    loopback: LoopbackServer, tmp_path: Path, route: Route, reason: str
):
    url = loopback.route("/gone", [route])
    async with Core(Store(tmp_path / "liveread.db")) as core:
        with pytest.raises(ArticleError) as raised:
            await core.linked_article(url)
        assert reason in str(raised.value) and "\n" not in str(raised.value)
        assert core.store.count_articles() == 0


# -- the store --------------------------------------------------------------------------------


def article(n: int) -> Article:
    return Article(
        url=f"https://example.org/{n}",
        fetched_at=NOW + timedelta(minutes=n),
        title=f"Story {n}",
        blocks=[Paragraph((Span(f"Paragraph {n}."),))],
    )


def test_the_store_keeps_only_the_articles_fetched_last(tmp_path: Path):
    with Store(tmp_path / "liveread.db") as store:
        for n in range(4):
            store.save_article(article(n), keep=3)
        assert store.count_articles() == 3
        assert store.article("https://example.org/0") is None
        assert store.article("https://example.org/3") == article(3)


def test_a_database_of_the_version_before_gains_the_articles_table(tmp_path: Path):
    db = tmp_path / "liveread.db"
    before = MIGRATIONS.index(schema._migrate_v13)
    with closing(sqlite3.connect(db)) as con:
        at_version(con, before)
        con.commit()
    with Store(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        store.save_article(article(1))
        assert store.article("https://example.org/1") == article(1)
