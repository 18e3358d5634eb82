"""Linked articles: the article a link post points to, read in place.

A link post (`Entry.kind == "link"`, see `liveread.parse.links`) is a teaser whose body only
points to another article. `linked_address` finds that article's address; `extract` turns its
page into an `Article` (title, authors, date and paragraphs as the model's blocks) with
trafilatura, which the optional `articles` extra installs. Fetching and keeping articles is
the core's (`Core.linked_article`): on demand only, never during a refresh.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from liveread.addresses import safe_address
from liveread.model import (
    Article,
    Block,
    Entry,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    link_target,
)
from liveread.text import squash

if TYPE_CHECKING:
    from types import ModuleType

INSTALL_HINT = (
    "reading linked articles needs the articles extra: pip install 'liveread[articles]'"
    " (or uv sync --extra articles)"
)


class ArticleError(Exception):
    """A linked article that could not be read; `str(err)` is one line a person understands."""


class ExtraMissing(ArticleError):
    """trafilatura, which reading articles needs, is not installed."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


class NotCached(ArticleError):
    """Offline, and the article was never fetched."""


def linked_address(entry: Entry, page_url: str | None = None) -> str | None:
    """The address of the article a link post points to (None: not a link post, or its
    link is no web address liveread opens)."""
    if entry.kind != "link":
        return None
    target = link_target(entry, page_url or "")
    return safe_address(target) if target else None


def source_name(article: Article) -> str:
    """Where the article comes from, as a reader knows it: its site's name, else its host."""
    return article.site or urlsplit(article.url).hostname or article.url


def article_date(article: Article) -> str:
    """The day the article gives as its date (pages give a day, rarely a time)."""
    return f"{article.published:%a %d %b %Y}" if article.published else ""


def trafilatura() -> ModuleType:
    """The trafilatura module; ExtraMissing (with the install hint) when it is not there."""
    try:
        import trafilatura as module
    except ImportError:
        raise ExtraMissing() from None
    return module


def trafilatura_missing() -> bool:
    """Whether trafilatura cannot be imported (the `articles` extra is not installed)."""
    try:
        trafilatura()
    except ExtraMissing:
        return True
    return False


def extract(html: str, url: str, *, fetched_at: datetime | None = None) -> Article:
    """The article on the page `html` (fetched from `url`); ArticleError when the page holds
    no article text."""
    document = trafilatura().bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(document, "body", None)
    blocks = _blocks(body) if body is not None else []
    title = _clean(getattr(document, "title", None) or "")
    if blocks and isinstance(blocks[0], Heading) and _clean(blocks[0].text) == title:
        blocks = blocks[1:]  # the headline, shown as the title
    if not any(isinstance(block, Paragraph) for block in blocks):
        raise ArticleError("no article text found on that page")
    author = _clean(getattr(document, "author", None) or "")
    return Article(
        url=url,
        fetched_at=fetched_at or datetime.now(UTC),
        title=title,
        authors=[name.strip() for name in author.split(";") if name.strip()],
        published=_date(getattr(document, "date", None)),
        site=_clean(getattr(document, "sitename", None) or ""),
        blocks=blocks,
    )


def _blocks(body: Any) -> list[Block]:
    """trafilatura's XML body (<head>, <p>, <quote>, <list>, ...) as the model's blocks."""
    blocks: list[Block] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            items = [_clean(_text_of(item)) for item in element if item.tag == "item"]
            if kept := tuple((Span(item),) for item in items if item):
                blocks.append(ListBlock(kept, ordered=element.get("rend") == "ol"))
            continue
        text = _clean(_text_of(element))
        if not text:
            continue
        if tag == "head":
            level = element.get("rend", "h3").removeprefix("h")
            blocks.append(Heading((Span(text),), int(level) if level.isdigit() else 3))
        elif tag == "quote":
            blocks.append(Quote((Span(text),)))
        else:
            blocks.append(Paragraph((Span(text),)))
    return blocks


def _text_of(element: Any) -> str:
    return " ".join(element.itertext())


def _clean(text: str) -> str:
    return squash(text)


def _date(value: str | None) -> datetime | None:
    """trafilatura's date ("2026-03-14") as midnight UTC that day."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None
