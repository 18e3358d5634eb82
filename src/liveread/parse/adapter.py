"""What a reader of a page's posts is (`Adapter`), the shared machinery every reader uses, and
`SiteAdapter`, which reads any site template its `SiteSpec` describes.

A site spec recognises a page template by its markup signature (not its domain: one Reach plc
template serves dozens of titles) and says where each post's id, times, title, authors, flags
and body are. Turning the body into blocks and cleaning it is shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

from selectolax.lexbor import LexborHTMLParser, LexborNode

from liveread.addresses import safe_address
from liveread.parse.ids import data_id, key_from_url, normalise_id
from liveread.parse.pagination import older_pages
from liveread.parse.spec import TITLE_OPENING, FlagRule, SiteSpec, Stamp
from liveread.parse.texttimes import Marker
from liveread.parse.times import from_epoch, parse_time
from liveread.parse.titles import title_text
from liveread.parse.tree import Owners, common_ancestor, nest, only_element
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
    """Base for readers: `SiteAdapter` reads a site spec, the generic readers override what
    differs.

    While posts are read, `first` and `all` answer per-post queries from a `PostIndex`:
    adapters use them for metadata read before a post's body is taken apart."""

    name = "site"
    version = 0
    """The reader's own version beside the core parser's: a site spec's; 0 for readers that
    change only with the core (see `parse.reading_version`)."""
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

    def page_context(self) -> str:
        """What the page says outside its posts that a post's metadata is read from (see
        `parse.memory`), once `prepare`d."""
        return ""

    def keys(self, posts: list[Node], page_url: str) -> dict[int, str | None]:
        """Every post's `key`. What posts without an id of their own look up (a link to
        themselves) is found by one query over them all, not one per post; posts that nest
        are each asked on their own (the outer one's query reaches into the inner one)."""
        before = self._index
        self._index = None if nest(posts) else PostIndex(posts)
        try:
            return {post.mem_id: self.key(post, page_url) for post in posts}
        finally:
            self._index = before

    def key(self, node: Node, page_url: str) -> str | None:
        attributes = node.attributes
        ident = attributes.get("id")
        if ident:
            return normalise_id(ident)
        if key := data_id(attributes):
            return key
        if (inner := only_element(node)) is not None and (ident := inner.attributes.get("id")):
            return normalise_id(ident)  # `li > article#post-6628241`
        link = self.first(node, "a[href*='#']")
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
        return title_text(heading) if heading is not None else ""

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
        return PageInfo(older_pages=older_pages(tree, page_url))


class SiteAdapter(Adapter):
    """The reader of one site template: everything it knows of the site is in its spec."""

    def __init__(self, spec: SiteSpec) -> None:
        self.spec = spec
        self.name = spec.name
        self.version = spec.version
        self.signature = spec.signature
        self.entries = spec.posts
        self.zone = spec.zone
        self.trust_dom_times = spec.trust_dom_times
        self.title_selector = spec.title
        self.author_selector = spec.authors
        self.not_body = spec.not_body
        self.furniture = spec.furniture
        self.pinned_selector = spec.pinned_copies
        rules = (spec.key_event, spec.pinned, spec.breaking, spec.summary)
        self._rules = [rule for rule in rules if rule is not None]
        self._labels = {rule.label.casefold() for rule in self._rules if rule.label}
        self._listed: dict[str, set[str]] = {}
        """A `FlagRule.listed` selector -> the keys of the posts its links name."""

    def prepare(self, tree: LexborHTMLParser, page_url: str) -> None:
        for rule in self._rules:
            if rule.listed:
                links = tree.css(rule.listed)
                keys = (key_from_url(a.attributes.get("href") or "") for a in links)
                self._listed[rule.listed] = {key for key in keys if key}

    def page_context(self) -> str:
        return repr(sorted((rule, sorted(keys)) for rule, keys in self._listed.items()))

    def key(self, node: Node, page_url: str) -> str | None:
        ident = node.attributes.get(self.spec.id_attribute)
        if ident:
            return normalise_id(ident)
        link = self.first(node, self.spec.key_link) if self.spec.key_link else None
        return key_from_url(link.attributes.get("href") or "") if link is not None else None

    def permalink(self, node: Node, key: str | None, page_url: str) -> str | None:
        if self.spec.permalink_link:
            link = self.first(node, self.spec.permalink_link)
            if link is not None and (href := link.attributes.get("href")):
                return href
        ident = node.attributes.get(self.spec.id_attribute)
        if not ident or not page_url:
            return None
        page = page_url.split("#")[0]
        return self.spec.permalink.replace("{page}", page).replace("{id}", ident)

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        published = self._first_time(node, self.spec.published)
        updated = self._first_time(node, self.spec.updated) if self.spec.updated else None
        if updated is not None and published is not None and updated <= published:
            updated = None  # an "update" at or before publication changed nothing
        return published, updated

    def time_marks(self, node: Node) -> int:
        return 1 if self._first_time(node, self.spec.published) is not None else 0

    def _first_time(self, node: Node, stamps: tuple[Stamp, ...]) -> datetime | None:
        for stamp in stamps:
            holder = self.first(node, stamp.selector) if stamp.selector else node
            if holder is not None and (when := self._time(holder, stamp)) is not None:
                return when
        return None

    def _time(self, holder: Node, stamp: Stamp) -> datetime | None:
        raw = holder.attributes.get(stamp.attribute)
        if stamp.epoch:
            return from_epoch(raw)
        if raw and self.spec.false_utc:
            raw = raw.rstrip("Zz")
        return parse_time(raw, local_zone=self.zone)

    def authors(self, node: Node) -> list[str]:
        names = super().authors(node)
        if self.spec.byline is not None and (row := self.spec.byline(node)) is not None:
            author = row.css_first(self.spec.byline_author)
            name = squash(author.text(deep=True)) if author is not None else ""
            if name and name not in names:
                names.append(name)
        if self._labels:
            return [name for name in names if name.casefold() not in self._labels]
        return names

    def flags(self, node: Node, key: str | None) -> Flags:
        spec = self.spec
        flags: Flags = {}
        if spec.key_event is not None:
            flags["key_event"] = self._marked(node, key, spec.key_event)
        if spec.pinned is not None:
            flags["pinned"] = self._marked(node, key, spec.pinned)
        if spec.breaking is not None:
            flags["breaking"] = self._marked(node, key, spec.breaking)
        if spec.summary is not None:
            flags["summary"] = self._marked(node, key, spec.summary)
        return flags

    def _marked(self, node: Node, key: str | None, rule: FlagRule) -> bool:
        return bool(
            (rule.post_class and rule.post_class in (node.attributes.get("class") or "").split())
            or (rule.attribute and node.attributes.get(rule.attribute[0]) == rule.attribute[1])
            or (rule.selector and self.first(node, rule.selector) is not None)
            or (rule.label and self._labelled(node, rule.label_selector, rule.label))
            or (
                rule.title_opening
                and rule.title_opening.casefold() in self.title(node).casefold()[:TITLE_OPENING]
            )
            or (rule.listed and key is not None and key in self._listed.get(rule.listed, ()))
        )

    def _labelled(self, node: Node, selector: str, label: str) -> bool:
        wanted = label.casefold()
        return any(
            squash(el.text(deep=True)).casefold() == wanted for el in self.all(node, selector)
        )

    def embed_link(self, node: Node) -> str | None:
        return self.spec.embed_link(node) if self.spec.embed_link is not None else None

    def body(self, node: Node) -> list[Node]:
        super().body(node)
        spec = self.spec
        if spec.byline is not None and (row := spec.byline(node)) is not None:
            row.decompose()
        if spec.title_in_body and (title := node.css_first(spec.title)) is not None:
            title.decompose()
        content = node.css_first(spec.body) if spec.body else None
        return [content] if content is not None else [node]

    def page(self, tree: LexborHTMLParser, page_url: str) -> PageInfo:
        spec = self.spec
        stamp = spec.last_updated
        holder = tree.css_first(stamp.selector) if stamp is not None and stamp.selector else None
        badge = tree.css_first(spec.live_badge) if spec.live_badge else None
        return PageInfo(
            updated=self._time(holder, stamp) if holder is not None and stamp else None,
            older_pages=self._older_pages(tree, page_url),
            is_live=None if badge is None else spec.live_word.casefold() in badge.text().casefold(),
        )

    def _older_pages(self, tree: LexborHTMLParser, page_url: str) -> tuple[str, ...]:
        if not self.spec.older_pages:
            return ()
        wanted = self.spec.older_page_text.casefold()
        older = [
            url
            for a in tree.css(self.spec.older_pages)
            if (not wanted or a.text(deep=True).strip().casefold() == wanted)
            and (url := safe_address(a.attributes.get("href"), page_url))
        ]
        return tuple(dict.fromkeys(older))
