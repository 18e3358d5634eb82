"""Small live-blog pages of liveread's own, with times written as text only, for the tests of
the generic reader in one language or another."""

from __future__ import annotations

from datetime import UTC, datetime

from liveread.model import LiveBlog
from liveread.parse import parse
from liveread.parse.textmarkers import Marker, read_marker


def page(url: str, language: str, title: str, modified: str, *posts: str) -> LiveBlog:
    """A page with no structured data: its posts' times are text only."""
    html = (
        f"<html lang='{language}'><head><title>{title}</title>"
        f"<link rel='canonical' href='{url}'>"
        f"<meta property='article:modified_time' content='{modified}'></head><body>"
        f"<main><h1>{title}</h1><div class='feed'>{''.join(posts)}</div></main></body></html>"
    )
    return parse(html, url)


def entry(number: int, stamp: str, title: str, body: str) -> str:
    """A post whose time stands in a box of its own above its title."""
    return (
        f"<div class='entry' id='entry-{number}'><div class='entry__time'>{stamp}</div>"
        f"<h3>{title}</h3><p>{body}</p></div>"
    )


def times(blog: LiveBlog) -> list[datetime | None]:
    return [entry.published for entry in blog.entries]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def marker(text: str, language: str | None = None) -> Marker:
    found = read_marker(text, language)
    assert found is not None, text
    return found
