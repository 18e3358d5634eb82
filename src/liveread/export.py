"""Posts to Markdown, JSON and HTML (favourites export, `liveread show`); `output` writes them."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from liveread.addresses import safe_address
from liveread.codec import entry_to_dict
from liveread.model import (
    Block,
    Embed,
    Entry,
    Heading,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Span,
)
from liveread.text import scrub

Format = Literal["md", "json", "html"]
FORMATS: tuple[Format, ...] = ("md", "json", "html")
SUFFIXES: dict[Format, str] = {"md": ".md", "json": ".json", "html": ".html"}


@dataclass(frozen=True, slots=True)
class ExportItem:
    """One post to export, with where it came from."""

    entry: Entry
    feed_title: str = ""
    feed_url: str = ""


def _when(entry: Entry) -> str:
    if entry.published:
        return entry.published.strftime("%Y-%m-%d %H:%M UTC")
    return entry.label or "undated"


# What leaves liveread


def exportable(item: ExportItem) -> ExportItem:
    """`item` as it may leave liveread: every address one `safe_address` keeps (or none),
    every text scrubbed. Parsed posts are so already; a favourite is a copy, and one saved
    by an older liveread may not be."""
    entry = item.entry
    clean = replace(
        entry,
        key=scrub(entry.key),
        url=safe_address(entry.url),
        title=scrub(entry.title),
        authors=[scrub(author) for author in entry.authors],
        blocks=[_exportable_block(block) for block in entry.blocks],
        label=scrub(entry.label),
    )
    return ExportItem(clean, scrub(item.feed_title), safe_address(item.feed_url) or "")


def _exportable_spans(spans: Inline) -> Inline:
    return tuple(Span(scrub(s.text), s.bold, s.italic, safe_address(s.href)) for s in spans)


def _exportable_block(block: Block) -> Block:
    match block:
        case Paragraph(spans=spans):
            return Paragraph(_exportable_spans(spans))
        case Heading(spans=spans, level=level):
            return Heading(_exportable_spans(spans), level)
        case Quote(spans=spans, cite=cite):
            return Quote(_exportable_spans(spans), _scrubbed(cite))
        case ListBlock(items=items, ordered=ordered):
            return ListBlock(tuple(_exportable_spans(item) for item in items), ordered)
        case Image(src=src, caption=caption, credit=credit, alt=alt):
            return Image(safe_address(src), _scrubbed(caption), _scrubbed(credit), _scrubbed(alt))
        case Embed(url=url, provider=provider, text=text):
            return Embed(safe_address(url), scrub(provider), scrub(text))


def _scrubbed(text: str | None) -> str | None:
    return scrub(text) if text is not None else None


# Markdown: page text is escaped so that a CommonMark renderer shows it as the text it is,
# never as markup; addresses go only into link destinations, which they cannot close.

_MD_ENTITY = r"&(?=#?[0-9A-Za-z]+;)"
"""An `&` that starts what CommonMark reads as an entity or numeric character reference."""
_MD_SPECIAL = re.compile(rf"[\\`*_\[\]<>#|~!]|{_MD_ENTITY}")
"""Characters escaped wherever they are: emphasis, code, links and images, raw HTML and
autolinks, headings, tables and strikethrough; and an `&` that an entity reference would
decode (`&amp;`), where an `&` on its own (Q&A) shows as it is."""
_MD_LINE_MARKER = re.compile(r"[-+=]|[0-9]{1,9}[.)]")
"""What starts a list, a thematic break or a heading underline at the start of a line."""


def _md_text(text: str) -> str:
    """Page text with every character that could start inline markup escaped."""
    return _MD_SPECIAL.sub(r"\\\g<0>", text)


def _md_lines(markdown: str, *, single: bool = False) -> str:
    """Inline Markdown laid out in lines that open no block: each line's indent dropped (or
    it would be code), blank lines dropped (or they would end a list item), a leading list or
    heading marker escaped; lines end in a hard break, or with `single` are joined by spaces."""
    lines = []
    for raw in markdown.split("\n"):
        line = raw.strip(" \t")
        if not line:
            continue
        if marker := _MD_LINE_MARKER.match(line):
            line = f"{line[: marker.end() - 1]}\\{line[marker.end() - 1 :]}"
        lines.append(line)
    return (" " if single else "  \n").join(lines)


def _md_line(text: str) -> str:
    """A one-line field (title, byline, caption) as Markdown text."""
    return _md_lines(_md_text(text), single=True)


def _md_destination(url: str) -> str:
    """A link destination for an address `safe_address` gave: it holds no space, `<`, `>`
    or backslash, so only an entity reference (`&amp;`) needs escaping to stay as written."""
    return "<" + re.sub(_MD_ENTITY, r"\\&", url) + ">"


def _md_inline(spans: Inline, *, single: bool = False) -> str:
    parts: list[str] = []
    before = ""
    for n, span in enumerate(spans):
        after = spans[n + 1].text[:1] if n + 1 < len(spans) else ""
        part = _md_span(span, before, after)
        parts.append(part)
        before = part[-1:] or before
    return _md_lines("".join(parts), single=single)


def _md_span(span: Span, before: str, after: str) -> str:
    text = _md_text(span.text)
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    marks = "*" * (2 * span.bold + span.italic)
    # Inside a link's brackets emphasis always opens and closes.
    if marks and (span.href or _can_emphasise(lead[-1:] or before, core, trail[:1] or after)):
        core = f"{marks}{core}{marks}"
    if span.href:
        core = f"[{core}]({_md_destination(span.href)})"
    return f"{lead}{core}{trail}"


def _can_emphasise(before: str, core: str, after: str) -> bool:
    """Whether `*` around `core` opens and closes emphasis (CommonMark's flanking rules);
    where it would not, the words are written plain rather than with stray asterisks."""
    if before == "*":  # it would join the delimiters of the emphasis just before
        return False
    opens = not _punctuation(core[0]) or not before or before.isspace() or _punctuation(before)
    closes = not _punctuation(core[-1]) or not after or after.isspace() or _punctuation(after)
    return opens and closes


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _md_link(label: str, url: str) -> str:
    return f"[{label}]({_md_destination(url)})"


def _markdown_body(entry: Entry) -> str:
    parts: list[str] = []
    for block in entry.blocks:
        match block:
            case Paragraph(spans=spans):
                parts.append(_md_inline(spans))
            case Heading(spans=spans, level=level):
                parts.append(f"{'#' * min(6, max(3, level + 1))} {_md_inline(spans, single=True)}")
            case Quote(spans=spans, cite=cite):
                quoted = "\n".join(f"> {line}" for line in _md_inline(spans).split("\n"))
                parts.append(quoted + (f"\n>\n> — {_md_line(cite)}" if cite else ""))
            case ListBlock(items=items, ordered=ordered):
                parts.append(
                    "\n".join(
                        f"{f'{n}.' if ordered else '-'} {_md_inline(item)}"
                        for n, item in enumerate(items, 1)
                    )
                )
            case Image(src=src, caption=caption, credit=credit, alt=alt):
                label = _md_line(caption or alt or "") or "image"
                line = f"!{_md_link(label, src)}" if src else f"*{label}*"
                parts.append(line + (f"  \n*{_md_line(credit)}*" if credit else ""))
            case Embed(url=url, provider=provider, text=text):
                label = _md_line(f"{provider}: {text}" if text else provider)
                parts.append(_md_link(label, url) if url else label)
    return "\n\n".join(p for p in parts if p)


def _entry_markdown(item: ExportItem) -> str:
    entry = item.entry
    meta = [_when(entry), ", ".join(entry.authors), item.feed_title]
    lines = [
        f"## {_md_line(entry.title or '(untitled post)')}",
        "",
        _md_line(" · ".join(m for m in meta if m)),
    ]
    if entry.url:
        lines += ["", _md_link(_md_line(entry.url), entry.url)]
    body = _markdown_body(entry)
    return "\n".join(lines) + (f"\n\n{body}" if body else "") + "\n"


def to_markdown(items: Sequence[ExportItem], title: str = "liveread export") -> str:
    """Posts as CommonMark; nothing taken from a page becomes markup or a non-http link."""
    posts = [_entry_markdown(exportable(item)) for item in items]
    return f"# {_md_line(scrub(title))}\n\n" + "\n---\n\n".join(posts)


# JSON


def to_json(items: Sequence[ExportItem], title: str = "liveread export") -> str:
    posts = [
        {**entry_to_dict(i.entry), "feed": {"title": i.feed_title, "url": i.feed_url}}
        for i in map(exportable, items)
    ]
    return json.dumps({"title": scrub(title), "posts": posts}, ensure_ascii=False, indent=2) + "\n"


# HTML


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_inline(spans: Inline) -> str:
    out = []
    for span in spans:
        text = _h(span.text).replace("\n", "<br>")
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.italic:
            text = f"<em>{text}</em>"
        if span.href:
            text = f'<a href="{_h(span.href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def _html_body(entry: Entry) -> str:
    parts: list[str] = []
    for block in entry.blocks:
        match block:
            case Paragraph(spans=spans):
                parts.append(f"<p>{_html_inline(spans)}</p>")
            case Heading(spans=spans, level=level):
                n = min(6, max(3, level + 1))
                parts.append(f"<h{n}>{_html_inline(spans)}</h{n}>")
            case Quote(spans=spans, cite=cite):
                footer = f"<footer>{_h(cite)}</footer>" if cite else ""
                parts.append(f"<blockquote><p>{_html_inline(spans)}</p>{footer}</blockquote>")
            case ListBlock(items=items, ordered=ordered):
                tag = "ol" if ordered else "ul"
                lis = "".join(f"<li>{_html_inline(item)}</li>" for item in items)
                parts.append(f"<{tag}>{lis}</{tag}>")
            case Image(src=src, caption=caption, credit=credit, alt=alt):
                img = f'<img src="{_h(src)}" alt="{_h(alt or "")}">' if src else ""
                cap = " ".join(x for x in (caption, f"({credit})" if credit else None) if x)
                parts.append(f"<figure>{img}<figcaption>{_h(cap)}</figcaption></figure>")
            case Embed(url=url, provider=provider, text=text):
                label = _h(f"{provider}: {text}" if text else provider)
                link = f'<a href="{_h(url)}">{label}</a>' if url else label
                parts.append(f'<p class="embed">{link}</p>')
    return "\n".join(parts)


def to_html(items: Sequence[ExportItem], title: str = "liveread export") -> str:
    """Posts as an HTML page: every text escaped, links only to addresses liveread lets out."""
    title = scrub(title)
    articles = []
    for item in map(exportable, items):
        entry = item.entry
        byline = " · ".join(
            x for x in (_when(entry), ", ".join(entry.authors), item.feed_title) if x
        )
        link = (
            f'<p class="permalink"><a href="{_h(entry.url)}">{_h(entry.url)}</a></p>'
            if entry.url
            else ""
        )
        articles.append(
            f"<article>\n<h2>{_h(entry.title or '(untitled post)')}</h2>\n"
            f'<p class="byline">{_h(byline)}</p>\n{link}\n{_html_body(entry)}\n</article>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(title)}</title>\n</head>\n<body>\n<h1>{_h(title)}</h1>\n"
        + "\n".join(articles)
        + "\n</body>\n</html>\n"
    )


RENDERERS = {"md": to_markdown, "json": to_json, "html": to_html}


def render(items: Sequence[ExportItem], fmt: Format, title: str = "liveread export") -> str:
    return RENDERERS[fmt](items, title)


def default_filename(fmt: Format, at: datetime) -> str:
    return f"liveread-favourites-{at.strftime('%Y%m%d-%H%M%S')}{SUFFIXES[fmt]}"
