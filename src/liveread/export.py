"""Posts to Markdown, JSON and HTML (favourites export, `liveread show`); `output` writes them."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from liveread.codec import entry_to_dict
from liveread.model import Embed, Entry, Heading, Image, Inline, ListBlock, Paragraph, Quote, Span

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
    return entry.published.strftime("%Y-%m-%d %H:%M UTC") if entry.published else "undated"


# Markdown


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def _md_span(span: Span) -> str:
    text = _md_escape(span.text)
    if not text.strip():
        return text
    if span.bold:
        text = f"**{text}**"
    if span.italic:
        text = f"*{text}*"
    return f"[{text}](<{span.href}>)" if span.href else text


def _md_inline(spans: Inline) -> str:
    return "".join(_md_span(s) for s in spans).replace("\n", "  \n")


def markdown_body(entry: Entry) -> str:
    parts: list[str] = []
    for block in entry.blocks:
        match block:
            case Paragraph(spans=spans):
                parts.append(_md_inline(spans))
            case Heading(spans=spans, level=level):
                parts.append(f"{'#' * min(6, max(3, level + 1))} {_md_inline(spans)}")
            case Quote(spans=spans, cite=cite):
                quoted = "\n".join(f"> {line}" for line in _md_inline(spans).split("\n"))
                parts.append(quoted + (f"\n>\n> — {_md_escape(cite)}" if cite else ""))
            case ListBlock(items=items, ordered=ordered):
                parts.append(
                    "\n".join(
                        f"{f'{n}.' if ordered else '-'} {_md_inline(item)}"
                        for n, item in enumerate(items, 1)
                    )
                )
            case Image(src=src, caption=caption, credit=credit, alt=alt):
                label = _md_escape(caption or alt or "image")
                line = f"![{label}](<{src}>)" if src else f"*{label}*"
                parts.append(line + (f"  \n*{_md_escape(credit)}*" if credit else ""))
            case Embed(url=url, provider=provider, text=text):
                label = _md_escape(text or provider)
                parts.append(f"[{provider}: {label}](<{url}>)" if url else f"[{provider}] {label}")
    return "\n\n".join(p for p in parts if p)


def entry_markdown(item: ExportItem) -> str:
    entry = item.entry
    title = _md_escape(entry.title or "(untitled post)")
    meta = [_when(entry)]
    if entry.authors:
        meta.append(_md_escape(", ".join(entry.authors)))
    if item.feed_title:
        meta.append(_md_escape(item.feed_title))
    lines = [f"## {title}", "", " · ".join(meta)]
    if entry.url:
        lines += ["", f"<{entry.url}>"]
    body = markdown_body(entry)
    return "\n".join(lines) + (f"\n\n{body}" if body else "") + "\n"


def to_markdown(items: Sequence[ExportItem], title: str = "liveread export") -> str:
    return f"# {_md_escape(title)}\n\n" + "\n---\n\n".join(entry_markdown(i) for i in items)


# JSON


def to_json(items: Sequence[ExportItem], title: str = "liveread export") -> str:
    posts = [
        {**entry_to_dict(i.entry), "feed": {"title": i.feed_title, "url": i.feed_url}}
        for i in items
    ]
    return json.dumps({"title": title, "posts": posts}, ensure_ascii=False, indent=2) + "\n"


# HTML


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _safe_href(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _html_inline(spans: Inline) -> str:
    out = []
    for span in spans:
        text = _h(span.text).replace("\n", "<br>")
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.italic:
            text = f"<em>{text}</em>"
        if href := _safe_href(span.href):
            text = f'<a href="{_h(href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def html_body(entry: Entry) -> str:
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
                img = f'<img src="{_h(s)}" alt="{_h(alt or "")}">' if (s := _safe_href(src)) else ""
                cap = " ".join(x for x in (caption, f"({credit})" if credit else None) if x)
                parts.append(f"<figure>{img}<figcaption>{_h(cap)}</figcaption></figure>")
            case Embed(url=url, provider=provider, text=text):
                label = _h(f"{provider}: {text}" if text else provider)
                link = f'<a href="{_h(u)}">{label}</a>' if (u := _safe_href(url)) else label
                parts.append(f'<p class="embed">{link}</p>')
    return "\n".join(parts)


def to_html(items: Sequence[ExportItem], title: str = "liveread export") -> str:
    articles = []
    for item in items:
        entry = item.entry
        byline = " · ".join(
            x for x in (_when(entry), ", ".join(entry.authors), item.feed_title) if x
        )
        link = (
            f'<p class="permalink"><a href="{_h(u)}">{_h(u)}</a></p>'
            if (u := _safe_href(entry.url))
            else ""
        )
        articles.append(
            f"<article>\n<h2>{_h(entry.title or '(untitled post)')}</h2>\n"
            f'<p class="byline">{_h(byline)}</p>\n{link}\n{html_body(entry)}\n</article>'
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
