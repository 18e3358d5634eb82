"""Teaser posts: a post whose whole body is a link to another article is kind "link"."""

from __future__ import annotations

from liveread.model import Entry, Heading, Paragraph, block_text


def _target(entry: Entry, page_url: str) -> str | None:
    """The single article the body points to, if the body is nothing but links."""
    targets: list[str] = []
    for block in entry.blocks:
        if not isinstance(block, Paragraph | Heading):
            return None
        for span in block.spans:
            if not span.text or span.text.isspace():
                continue
            if span.href is None or span.href.split("#")[0] == page_url.split("#")[0]:
                return None
            targets.append(span.href)
    return targets[0] if targets and len(set(targets)) == 1 else None


def mark_link_posts(entries: list[Entry], page_url: str) -> None:
    for entry in entries:
        if entry.kind != "link" and entry.blocks and _target(entry, page_url):
            entry.kind = "link"
        if entry.kind == "link" and not entry.title and entry.blocks:
            entry.title = block_text(entry.blocks[0])
