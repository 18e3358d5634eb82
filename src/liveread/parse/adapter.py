"""What a site adapter is, and the shared machinery every adapter uses.

An adapter recognises a page template by its markup signature (not its domain: one Reach plc
template serves dozens of titles) and reads each post's id, times, title, authors, flags and
body node. Turning the body into blocks and cleaning it is shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

from selectolax.lexbor import LexborHTMLParser, LexborNode

from liveread.parse.ids import key_from_url, normalise_id
from liveread.parse.texttimes import Marker
from liveread.parse.tree import Owners, common_ancestor
from liveread.text import squash

Node = LexborNode


class Flags(TypedDict, total=False):
    """What a post's markup marks it as: the `Entry` fields of the same names."""

    key_event: bool
    pinned: bool
    summary: bool
    breaking: bool


@dataclass(frozen=True, slots=True)
class PageInfo:
    title: str = ""
    is_live: bool | None = None
    updated: datetime | None = None
    older_pages: tuple[str, ...] = ()


class PostIndex:
    """`post.css(selector)` for every post of a page, from one query per selector over the
    element that holds them all rather than one per post. Posts do not nest, so each match
    belongs to its nearest post ancestor (or is a post itself)."""

    def __init__(self, posts: list[Node]) -> None:
        self._owners = Owners(post.mem_id for post in posts)
        self._root = common_ancestor(posts)
        self._found: dict[str, dict[int, list[Node]]] = {}

    def all(self, post: Node, selector: str) -> list[Node]:
        found = self._found.get(selector)
        if found is None:
            found = self._found[selector] = self._query(selector)
        return found.get(post.mem_id, [])

    def first(self, post: Node, selector: str) -> Node | None:
        hits = self.all(post, selector)
        return hits[0] if hits else None

    def _query(self, selector: str) -> dict[int, list[Node]]:
        found: dict[int, list[Node]] = {}
        for hit in self._root.css(selector) if self._root is not None else []:
            if (post := self._owners.of(hit)) is not None:
                found.setdefault(post, []).append(hit)
        return found


class Adapter:
    """Base for site adapters: subclasses set the selectors and override what differs.

    While posts are read, `first` and `all` answer per-post queries from a `PostIndex`:
    adapters use them for metadata read before a post's body is taken apart."""

    name = "site"
    signature = ""
    """A CSS selector only this template's pages match."""
    entries = ""
    """Selects every post node, pinned copies included."""
    zone = "Europe/London"
    """Where displayed times without a zone are meant."""
    trust_dom_times = True
    """False when the page's own times are wrong (BBC, Repubblica) and structured data wins."""
    title_selector = "h2, h3"
    author_selector = ""
    not_body = ""
    """Parts of a post that are metadata, not body (header, time, byline): skipped silently."""
    furniture: tuple[tuple[str, str], ...] = ()
    """(selector, rule) pairs for promotional or furniture elements: removed and recorded."""
    pinned_selector = ""
    generic = False
    """A reader of any page, not of one known template: it must earn its reading."""
    _index: PostIndex | None = None

    def index_posts(self, posts: list[Node]) -> None:
        """Answer per-post queries from now on from one query per selector over the page.
        Called once furniture is stripped: nothing found here is removed before it is read."""
        self._index = PostIndex(posts)

    def first(self, post: Node, selector: str) -> Node | None:
        """`post.css_first(selector)`."""
        if self._index is None:
            return post.css_first(selector)
        return self._index.first(post, selector)

    def all(self, post: Node, selector: str) -> list[Node]:
        """`post.css(selector)`."""
        if self._index is None:
            return post.css(selector)
        return self._index.all(post, selector)

    def claims(self, element: Node) -> bool:
        """Whether `element` itself matches the signature."""
        found = element.css_first(self.signature) if self.signature else None
        return found is not None and found.mem_id == element.mem_id

    def prepare(self, tree: LexborHTMLParser, page_url: str) -> None:
        """Read page-wide facts posts need (key-event lists and the like). One page per
        adapter instance."""

    def post_nodes(self, tree: LexborHTMLParser) -> list[Node]:
        return tree.css(self.entries)

    def key(self, node: Node, page_url: str) -> str | None:
        ident = node.attributes.get("id")
        if ident:
            return normalise_id(ident)
        link = node.css_first("a[href*='#']")
        return key_from_url(link.attributes.get("href") or "") if link is not None else None

    def permalink(self, node: Node, key: str | None, page_url: str) -> str | None:
        """The post's own address as the page gives it, absolute or relative to the page:
        `parse` resolves it and keeps it only if `safe_address` does."""
        ident = node.attributes.get("id")
        return f"{page_url.split('#')[0]}#{ident}" if ident and page_url else None

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        return None, None

    def label(self, node: Node) -> str:
        """The post's stamp where it has no time of day: a minute of play ("95'")."""
        return ""

    def refusal(self) -> str | None:
        """Why this reader's reading of the page must not win, whatever its score."""
        return None

    def written_time(self, node: Node) -> Marker | None:
        """A time written at the start of the post's text, to cut from it (read by `body`)."""
        return None

    def extent(self, node: Node) -> list[Node]:
        """The elements the post spans: itself, for a post that is one box."""
        return [node]

    def time_marks(self, node: Node) -> int:
        """How many times the post holds (more than one: posts merged into one)."""
        return 1 if self.times(node)[0] is not None else 0

    def title(self, node: Node) -> str:
        heading = self.first(node, self.title_selector) if self.title_selector else None
        return squash(heading.text(deep=True)) if heading is not None else ""

    def authors(self, node: Node) -> list[str]:
        if not self.author_selector:
            return []
        names = [squash(n.text(deep=True)) for n in self.all(node, self.author_selector)]
        return list(dict.fromkeys(n for n in names if n))

    def flags(self, node: Node, key: str | None) -> Flags:
        return {}

    def embed_link(self, node: Node) -> str | None:
        """Where an embed box points when its markup holds no link or frame (a video player
        drawn by script, say): site knowledge, so None here."""
        return None

    def copies(self, tree: LexborHTMLParser) -> set[int]:
        """Node ids of second renderings (pinned copies) among the post nodes."""
        if not self.pinned_selector:
            return set()
        return {n.mem_id for n in tree.css(f"{self.pinned_selector} {self.entries}")}

    def body(self, node: Node) -> list[Node]:
        """The nodes holding the post's body; `not_body` parts are removed from them."""
        for part in self.all(node, self.not_body) if self.not_body else []:
            part.decompose()
        return [node]

    def page(self, tree: LexborHTMLParser, page_url: str) -> PageInfo:
        return PageInfo()
