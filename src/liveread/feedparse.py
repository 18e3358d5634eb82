"""Parsing a followed feed's page: the one call a refresh makes to read what it fetched.

Each feed's last reading is remembered in this process (`parse.memory`), so a refresh reads
only the posts that changed; a feed is always parsed by the same process for that to pay.
"""

from __future__ import annotations

from liveread.model import LiveBlog
from liveread.parse import parse
from liveread.parse.memory import Memories, PageMemory

MEMORIES = Memories()
"""This process's memory of each feed's page as last read."""


def parse_feed_page(feed_id: int | None, html: str, url: str) -> LiveBlog:
    """The live blog in the page fetched for feed `feed_id` (None: a blog being added, or an
    older page of one, read with no memory), each post with its source digest."""
    memory = PageMemory() if feed_id is None else MEMORIES.of(feed_id)
    blog = parse(html, url, memory=memory)
    MEMORIES.trim()
    return blog
