"""Model objects to and from plain JSON-able dicts (the store, `--json` and export share it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from liveread.model import (
    BLOCK_TYPES,
    Block,
    Embed,
    Entry,
    Heading,
    Image,
    ListBlock,
    LiveBlog,
    Paragraph,
    Quote,
    Span,
    block_type,
    iso_z,
)


def span_to_dict(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"text": span.text}
    if span.bold:
        out["bold"] = True
    if span.italic:
        out["italic"] = True
    if span.href:
        out["href"] = span.href
    return out


def span_from_dict(data: dict[str, Any]) -> Span:
    return Span(
        text=data["text"],
        bold=bool(data.get("bold")),
        italic=bool(data.get("italic")),
        href=data.get("href"),
    )


def _spans(data: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(span_from_dict(s) for s in data)


def block_to_dict(block: Block) -> dict[str, Any]:
    kind = block_type(block)
    out: dict[str, Any] = {"type": kind}
    match block:
        case Paragraph(spans=spans) | Quote(spans=spans) | Heading(spans=spans):
            out["spans"] = [span_to_dict(s) for s in spans]
            if isinstance(block, Heading):
                out["level"] = block.level
            if isinstance(block, Quote) and block.cite:
                out["cite"] = block.cite
        case ListBlock(items=items, ordered=ordered):
            out["ordered"] = ordered
            out["items"] = [[span_to_dict(s) for s in item] for item in items]
        case Image():
            out.update(src=block.src, caption=block.caption, credit=block.credit, alt=block.alt)
        case Embed():
            out.update(url=block.url, provider=block.provider, text=block.text)
    return out


def block_from_dict(data: dict[str, Any]) -> Block:
    kind = data["type"]
    if kind not in BLOCK_TYPES:
        raise ValueError(f"unknown block type {kind!r}")
    match kind:
        case "paragraph":
            return Paragraph(_spans(data["spans"]))
        case "heading":
            return Heading(_spans(data["spans"]), level=int(data.get("level", 3)))
        case "quote":
            return Quote(_spans(data["spans"]), cite=data.get("cite"))
        case "list":
            items = tuple(_spans(item) for item in data["items"])
            return ListBlock(items, ordered=bool(data.get("ordered")))
        case "image":
            return Image(
                src=data.get("src"),
                caption=data.get("caption"),
                credit=data.get("credit"),
                alt=data.get("alt"),
            )
        case _:
            return Embed(url=data.get("url"), provider=data["provider"], text=data.get("text", ""))


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


ENTRY_FLAGS = ("key_event", "pinned", "summary", "breaking")


def entry_fields(entry: Entry) -> dict[str, Any]:
    """An entry's fields as plain values, all but its body (text and blocks)."""
    return {
        "key": entry.key,
        "url": entry.url,
        "published": iso_z(entry.published),
        "updated": iso_z(entry.updated),
        "title": entry.title,
        "authors": list(entry.authors),
        "kind": entry.kind,
        **{flag: getattr(entry, flag) for flag in ENTRY_FLAGS},
        "label": entry.label or None,
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """The `liveread parse --json` shape of one entry."""
    return {
        **entry_fields(entry),
        "text": entry.text,
        "blocks": [block_to_dict(b) for b in entry.blocks],
    }


def entry_from_dict(data: dict[str, Any]) -> Entry:
    return Entry(
        key=data["key"],
        url=data.get("url"),
        published=_parse_time(data.get("published")),
        updated=_parse_time(data.get("updated")),
        title=data.get("title", ""),
        authors=list(data.get("authors", [])),
        kind=data.get("kind", "post"),
        key_event=bool(data.get("key_event")),
        pinned=bool(data.get("pinned")),
        summary=bool(data.get("summary")),
        breaking=bool(data.get("breaking")),
        blocks=[block_from_dict(b) for b in data.get("blocks", [])],
        label=data.get("label") or "",
    )


def blog_to_dict(blog: LiveBlog) -> dict[str, Any]:
    return {
        "url": blog.url,
        "title": blog.title,
        "description": blog.description,
        "live": blog.is_live,
        "updated": iso_z(blog.updated),
        "source": blog.source,
        "entries": [entry_to_dict(e) for e in blog.entries],
    }
