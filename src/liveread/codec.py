"""Model objects to and from plain JSON-able values: keyed dicts (`--json`, export and older
databases) and the compact form the store keeps blocks in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from liveread.model import (
    BLOCK_TYPES,
    Article,
    Block,
    Embed,
    Entry,
    Heading,
    Image,
    Inline,
    ListBlock,
    LiveBlog,
    Paragraph,
    Quote,
    Span,
    block_type,
    blocks_text,
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


def article_to_dict(article: Article) -> dict[str, Any]:
    """A linked article as `liveread show --article --json` prints it and the store keeps it."""
    return {
        "url": article.url,
        "fetched_at": iso_z(article.fetched_at),
        "title": article.title,
        "authors": list(article.authors),
        "published": iso_z(article.published),
        "site": article.site,
        "text": blocks_text(article.blocks),
        "blocks": [block_to_dict(b) for b in article.blocks],
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    fetched_at = _parse_time(data.get("fetched_at"))
    if fetched_at is None:
        raise ValueError("an article without the time it was fetched")
    return Article(
        url=data["url"],
        fetched_at=fetched_at,
        title=data.get("title", ""),
        authors=list(data.get("authors", [])),
        published=_parse_time(data.get("published")),
        site=data.get("site", ""),
        blocks=[block_from_dict(b) for b in data.get("blocks", [])],
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


# The compact form the store keeps a post's blocks in: no keys, no defaults. A plain
# paragraph (one span, no emphasis or link) is its text; any other block is a list led by a
# one-letter tag; a plain span is its text, any other span [text, flags(, href)]. Every field
# round-trips as it is (an empty href or cite too). Blocks in the keyed form of
# `block_to_dict` (JSON objects, as older databases hold them) read as well.

_BOLD, _ITALIC = 1, 2


def _span_compact(span: Span) -> str | list[Any]:
    flags = (_BOLD if span.bold else 0) | (_ITALIC if span.italic else 0)
    if span.href is not None:
        return [span.text, flags, span.href]
    return [span.text, flags] if flags else span.text


def _span_from_compact(data: str | list[Any]) -> Span:
    if isinstance(data, str):
        return Span(data)
    flags = data[1]
    return Span(
        data[0], bool(flags & _BOLD), bool(flags & _ITALIC), data[2] if len(data) > 2 else None
    )


def _spans_compact(spans: Inline) -> list[str | list[Any]]:
    return [_span_compact(s) for s in spans]


def _spans_from_compact(data: list[Any]) -> Inline:
    return tuple(_span_from_compact(s) for s in data)


def _trimmed(tag: str, *fields: str | None) -> list[Any]:
    """[tag, *fields] without the trailing Nones."""
    values = list(fields)
    while values and values[-1] is None:
        values.pop()
    return [tag, *values]


def block_to_compact(block: Block) -> str | list[Any]:
    match block:
        case Paragraph(spans=spans):
            if len(spans) == 1 and isinstance(plain := _span_compact(spans[0]), str):
                return plain
            return ["p", *_spans_compact(spans)]
        case Heading(spans=spans, level=level):
            return ["h", level, *_spans_compact(spans)]
        case Quote(spans=spans, cite=cite):
            return ["q", cite, *_spans_compact(spans)]
        case ListBlock(items=items, ordered=ordered):
            return ["l", int(ordered), *(_spans_compact(item) for item in items)]
        case Image(src=src, caption=caption, credit=credit, alt=alt):
            return _trimmed("i", src, caption, credit, alt)
        case Embed(url=url, provider=provider, text=text):
            return ["e", provider, url, text] if text else _trimmed("e", provider, url)
    raise TypeError(f"not a block: {block!r}")


def block_from_compact(data: str | list[Any] | dict[str, Any]) -> Block:
    """A block from its compact form, or from the keyed form (`block_from_dict`)."""
    if isinstance(data, str):
        return Paragraph((Span(data),))
    if isinstance(data, dict):
        return block_from_dict(data)
    tag = data[0]
    match tag:
        case "p":
            return Paragraph(_spans_from_compact(data[1:]))
        case "h":
            return Heading(_spans_from_compact(data[2:]), level=int(data[1]))
        case "q":
            return Quote(_spans_from_compact(data[2:]), cite=data[1])
        case "l":
            items = tuple(_spans_from_compact(item) for item in data[2:])
            return ListBlock(items, ordered=bool(data[1]))
        case "i":
            src, caption, credit, alt = [*data[1:], None, None, None, None][:4]
            return Image(src=src, caption=caption, credit=credit, alt=alt)
        case "e":
            url = data[2] if len(data) > 2 else None
            return Embed(url=url, provider=data[1], text=data[3] if len(data) > 3 else "")
    raise ValueError(f"unknown block tag {tag!r}")
