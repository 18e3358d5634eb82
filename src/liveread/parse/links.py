"""Teaser posts: a post whose whole body is a link to another article is kind "link"."""

from __future__ import annotations

from liveread.model import Entry, block_text, link_target


def mark_link_posts(entries: list[Entry], page_url: str) -> None:
    for entry in entries:
        if entry.kind != "link" and entry.blocks and link_target(entry, page_url):
            entry.kind = "link"
        if entry.kind == "link" and not entry.title and entry.blocks:
            entry.title = block_text(entry.blocks[0])
