"""Plain data: a live blog, its entries and their typed body blocks.

Everything here is a plain dataclass with no behaviour beyond small derived values, so every
layer (parser, cleaner, store, UI, export) can share it without knowing the others. Spans and
blocks are values: nothing changes one once it is made (a list of blocks is replaced, not
edited). They are not frozen because a page makes them by the thousand, and a frozen
dataclass costs about four times as much to make.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, TypeAlias

EntryKind = Literal["post", "link"]


@dataclass(slots=True)
class Span:
    """A run of inline text with its emphasis and, for links, the target."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Inline: TypeAlias = tuple[Span, ...]


def inline_text(spans: Inline) -> str:
    if len(spans) == 1:
        return spans[0].text
    return "".join([span.text for span in spans])


@dataclass(slots=True)
class Paragraph:
    spans: Inline

    @property
    def text(self) -> str:
        return inline_text(self.spans)


@dataclass(slots=True)
class Heading:
    spans: Inline
    level: int = 3

    @property
    def text(self) -> str:
        return inline_text(self.spans)


@dataclass(slots=True)
class Quote:
    spans: Inline
    cite: str | None = None

    @property
    def text(self) -> str:
        return inline_text(self.spans)


@dataclass(slots=True)
class ListBlock:
    items: tuple[Inline, ...]
    ordered: bool = False

    @property
    def text(self) -> str:
        marker = "{n}." if self.ordered else "-"
        return "\n".join(
            f"{marker.format(n=n)} {inline_text(item)}" for n, item in enumerate(self.items, 1)
        )


@dataclass(slots=True)
class Image:
    src: str | None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None

    @property
    def text(self) -> str:
        """The caption: the credit is about the picture, not part of the post's text."""
        return self.caption or ""


@dataclass(slots=True)
class Embed:
    """A tweet, video, poll or other third-party object, kept as a labelled link."""

    url: str | None
    provider: str
    text: str = ""


Block: TypeAlias = Paragraph | Heading | Quote | ListBlock | Image | Embed

BLOCK_TYPES: dict[str, type] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "quote": Quote,
    "list": ListBlock,
    "image": Image,
    "embed": Embed,
}


def block_type(block: Block) -> str:
    for name, cls in BLOCK_TYPES.items():
        if isinstance(block, cls):
            return name
    raise TypeError(f"not a block: {block!r}")


def blocks_text(blocks: Iterable[Block]) -> str:
    """Blocks as plain text, each block's text a paragraph, a blank line between them."""
    return "\n\n".join(t for t in (block_text(b) for b in blocks) if t)


def block_text(block: Block) -> str:
    if type(block) is Paragraph:  # the usual block, read without the property's overhead
        spans = block.spans
        return spans[0].text if len(spans) == 1 else inline_text(spans)
    if isinstance(block, Embed):
        label = block.text or block.provider
        return f"[{block.provider}] {label}".strip() if block.text else f"[{label}]"
    return block.text


@dataclass(slots=True)
class Entry:
    """One post of a live blog."""

    key: str
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    title: str = ""
    authors: list[str] = field(default_factory=list)
    kind: EntryKind = "post"
    key_event: bool = False
    pinned: bool = False
    summary: bool = False
    breaking: bool = False
    blocks: list[Block] = field(default_factory=list)
    label: str = ""
    """The post's stamp where it has no time of day: a minute of play ("95'", "45'+2")."""

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by a blank line."""
        return blocks_text(self.blocks)

    @property
    def content_hash(self) -> str:
        """Changes when what a reader sees changes; used to tell an edited post from a new one."""
        return content_hash(self.title, self.authors, self.text)


def link_target(entry: Entry, page_url: str) -> str | None:
    """The single article the body points to, if the body is nothing but links (to pages
    other than `page_url`)."""
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


def content_hash(title: str, authors: list[str], text: str) -> str:
    """`Entry.content_hash` for callers that already hold the entry's text."""
    import hashlib  # on first use: OpenSSL's bindings take some 2 ms to load, at start-up too

    digest = hashlib.sha256()
    for part in (title, "\x1f".join(authors), text):
        digest.update(part.encode())
        digest.update(b"\x1e")
    return digest.hexdigest()[:32]


@dataclass(slots=True)
class Article:
    """The article a link post points to, as its text was extracted from its page."""

    url: str
    """The address the link post gave (the page may have been reached by redirects)."""
    fetched_at: datetime
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    site: str = ""
    blocks: list[Block] = field(default_factory=list)

    def as_entry(self) -> Entry:
        """The article as a post, for what renders posts."""
        return Entry(
            key=self.url,
            url=self.url,
            published=self.published,
            title=self.title,
            authors=list(self.authors),
            blocks=list(self.blocks),
        )


@dataclass(frozen=True, slots=True)
class Removal:
    """A block the cleaner removed, with the rule that removed it."""

    rule: str
    text: str
    entry_key: str | None = None


@dataclass(slots=True)
class LiveBlog:
    url: str
    title: str = ""
    description: str = ""
    entries: list[Entry] = field(default_factory=list)
    is_live: bool | None = None
    updated: datetime | None = None
    older_pages: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    source: str = ""
    """Which parsers produced the entries, e.g. "guardian+jsonld"."""
    canonical: str | None = None
    """The address the page gives as its own (`<link rel="canonical">`, else `og:url`)."""
    contest: list[str] = field(default_factory=list)
    """How each reader read the page and why the winner won (`parse(..., explain=True)`)."""
    version: str = ""
    """Which reader read the entries, at which versions: the core parser's and the reader's
    own, e.g. "6/guardian-1" (`liveread.parse.reading_version`)."""
    digests: dict[str, str] = field(default_factory=dict)
    """Each post's source digest by key, when read with a feed's memory (`parse.memory`):
    the store leaves a post whose digest it holds as it is."""
    unchanged: frozenset[str] = frozenset()
    """The keys of the posts whose source digest is the same as at the memory's last
    reading (`since`)."""
    since: str | None = None
    """The token of the reading `unchanged` is told against (None: nothing is unchanged)."""
    reading: str | None = None
    """This reading's token, for the store to record with what it stored."""


def utc(dt: datetime) -> datetime:
    """The same instant as an aware UTC datetime (naive values are taken to be UTC)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def iso_z(dt: datetime | None) -> str | None:
    """ISO 8601 in UTC ending in Z, to the second."""
    if dt is None:
        return None
    return utc(dt).strftime("%Y-%m-%dT%H:%M:%SZ")
