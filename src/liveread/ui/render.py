"""Posts as Rich text for the reader and list rows. Page content is data: it only ever enters a
`Text` through `append`, never as markup."""

from __future__ import annotations

from datetime import datetime

from rich.console import RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from liveread.addresses import safe_address
from liveread.history import changes
from liveread.model import (
    Article,
    Embed,
    Entry,
    Heading,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
)
from liveread.store import PostVersion
from liveread.timefmt import local, stamp
from liveread.ui.reader import Edits
from liveread.ui.wrapping import Wrapped


def _safe_link(url: str | None) -> str | None:
    """The address to link and show, if liveread lets it out (see `liveread.addresses`)."""
    return safe_address(url)


def link_style(url: str | None, *, dim: bool = False) -> Style:
    """A clickable style for http(s) URLs only (built as an object: URLs never meet a parser)."""
    link = _safe_link(url)
    return Style(link=link, underline=bool(link) or None, dim=dim or None)


def inline_text(spans: Inline, base_style: str = "") -> Text:
    text = Text(style=base_style)
    for span in spans:
        style = Style(bold=span.bold or None, italic=span.italic or None)
        if span.href:
            style += link_style(span.href)
        text.append(span.text, style)
    return text


def flags_text(entry: Entry) -> Text:
    text = Text()
    for label, on, style in (
        ("BREAKING", entry.breaking, "bold reverse red"),
        ("KEY EVENT", entry.key_event, "bold reverse yellow"),
        ("PINNED", entry.pinned, "bold reverse cyan"),
        ("SUMMARY", entry.summary, "bold reverse blue"),
        ("LINK", entry.kind == "link", "bold reverse magenta"),
    ):
        if on:
            text.append(f" {label} ", style)
            text.append(" ")
    return text


def byline(entry: Entry, feed_title: str = "", now: datetime | None = None) -> Text:
    text = Text(style="dim")
    if entry.published is None and entry.label:
        text.append(entry.label, "not dim bold")
    else:
        text.append(stamp(entry.published, now, layout="%a %d %b %Y, %H:%M"))
    if entry.authors:
        text.append(" · ")
        text.append(", ".join(entry.authors), "not dim bold")
    if feed_title:
        text.append(" · ")
        text.append(feed_title)
    if entry.updated:
        text.append(f" · updated {local(entry.updated).strftime('%H:%M')}")
    return text


def edits_line(edits: Edits, *, changes_shown: bool, changes_key: str = "h") -> Text:
    """ "edited 12:02 · 2 earlier versions", and what the changes key does."""
    count = len(edits.earlier)
    text = Text(f"✎ edited {local(edits.edited_at).strftime('%H:%M')}", "dim")
    if count:
        text.append(f" · {count} earlier version{'s' * (count != 1)} · ")
        text.append(changes_key, "not dim bold")
        text.append(" hides the changes" if changes_shown else " shows what changed")
    return text


def changes_body(previous: PostVersion, entry: Entry) -> list[RenderableType]:
    """The post's text with what its last edit changed marked in place: added words
    underlined, removed ones struck through; a paragraph a part, as `body` gives them."""
    marked = changes(previous.text, entry.text, colour=True)
    return list(marked.split("\n\n"))


def body(entry: Entry) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for block in entry.blocks:
        match block:
            case Paragraph(spans=spans):
                parts.append(inline_text(spans))
            case Heading(spans=spans):
                parts.append(inline_text(spans, "bold"))
            case Quote(spans=spans, cite=cite):
                quote = inline_text(spans, "italic")
                if cite:
                    quote.append("\n— ")
                    quote.append(cite)
                parts.append(Padding(quote, (0, 0, 0, 2), style="on default"))
            case ListBlock(items=items, ordered=ordered):
                lines = Text()
                for n, item in enumerate(items, 1):
                    lines.append(f"{n}. " if ordered else "• ", "bold")
                    lines.append_text(inline_text(item))
                    if n < len(items):
                        lines.append("\n")
                parts.append(Padding(lines, (0, 0, 0, 1)))
            case Image(src=src, caption=caption, credit=credit, alt=alt):
                label = Text("▣ image", "bold cyan")
                label.append(": ")
                label.append(caption or alt or "(no caption)", "italic")
                if credit:
                    label.append(f" ({credit})", "dim")
                if _safe_link(src):
                    label.stylize(link_style(src), 0, 7)
                parts.append(label)
            case Embed(url=url, provider=provider, text=text):
                label = Text(f"↗ {provider}", "bold magenta")
                if text:
                    label.append(": ")
                    label.append(text)
                if link := _safe_link(url):
                    label.append("\n  ")
                    label.append(link, link_style(link, dim=True))
                parts.append(label)
    return parts


def linked_head(article: Article, back_keys: str) -> list[RenderableType]:
    """What the reader shows above a linked article's body: where it comes from and how to go
    back to the post, its title, date and authors, its address, a rule."""
    from liveread.articles import article_date, source_name

    source = Text("↗ linked article from ", "dim")
    source.append(source_name(article), "not dim bold")
    source.append(" · ")
    source.append(back_keys, "not dim bold")
    source.append(" back to the post")
    head: list[RenderableType] = [source, Text(article.title or "(untitled article)", "bold")]
    meta = Text(style="dim")
    meta.append(article_date(article))
    if article.authors:
        meta.append(" · " if meta.plain else "")
        meta.append(", ".join(article.authors), "not dim bold")
    if meta.plain:
        head.append(meta)
    if link := _safe_link(article.url):
        head.append(Wrapped(Text(link, link_style(link, dim=True))))
    head.append(Rule(style="dim"))
    return head


def article_head(
    entry: Entry,
    feed_title: str = "",
    now: datetime | None = None,
    *,
    edits: Edits | None = None,
    changes_shown: bool = False,
    changes_key: str = "h",
) -> list[RenderableType]:
    """What the reader shows above a post's body: flags, title (with what the last edit
    changed in it, when `changes_shown`), byline, how it was edited, permalink, a rule."""
    head: list[RenderableType] = []
    flags = flags_text(entry)
    if flags.plain:
        head.append(flags)
    if changes_shown and edits and edits.earlier and edits.earlier[-1].title != entry.title:
        head.append(changes(edits.earlier[-1].title, entry.title, colour=True, base_style="bold"))
    else:
        head.append(Text(entry.title or "(untitled post)", "bold"))
    head.append(byline(entry, feed_title, now))
    if edits is not None:
        head.append(edits_line(edits, changes_shown=changes_shown, changes_key=changes_key))
    if link := _safe_link(entry.url):
        head.append(Wrapped(Text(link, link_style(link, dim=True))))
    head.append(Rule(style="dim"))
    return head
