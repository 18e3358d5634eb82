"""Parsing a followed feed's page: the one call a refresh makes to read what it fetched."""

from __future__ import annotations

from liveread.model import LiveBlog
from liveread.parse import parse


def parse_feed_page(feed_id: int | None, html: str, url: str) -> LiveBlog:
    """The live blog in the page fetched for feed `feed_id` (None: a blog being added)."""
    return parse(html, url)
