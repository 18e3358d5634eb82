"""`parse(html, url) -> LiveBlog`: one Lexbor tree; structured data; every reader that claims
the page proposes its posts, the best supported is read; merged, cleaned, newest first."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from itertools import pairwise
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from liveread.addresses import encode_unsafe, safe_address
from liveread.clean import Cleaner
from liveread.encoding import decode_page
from liveread.model import Block, Entry, Image, LiveBlog, Paragraph, Removal, Span, block_text
from liveread.parse import sites
from liveread.parse.adapter import Adapter, Node, PageInfo, SiteAdapter
from liveread.parse.blocks import ADDRESS_ATTRIBUTE, BlockBuilder, Outline
from liveread.parse.contest import MIN_POSTS, MIN_TEXT, Proposal, choose, judge, measure
from liveread.parse.contest import explain as explain_contest
from liveread.parse.depth import limit_depth, may_nest_too_deeply
from liveread.parse.ended import page_says_ended
from liveread.parse.facts import (
    PageFacts,
    dated_by_dateline,
    page_facts,
    page_language,
    page_zone,
    stated_zone,
)
from liveread.parse.flat import Flat
from liveread.parse.generic import DayHeadings, Generic
from liveread.parse.ids import is_derived
from liveread.parse.links import mark_link_posts
from liveread.parse.markers import Scan, cut_opening, find_markers
from liveread.parse.memory import (
    Cleaned,
    Contest,
    FragmentKey,
    PageMemory,
    ReadPost,
    copy_entry,
    facts_key,
    facts_of,
    fragment_digest,
    fragment_key,
)
from liveread.parse.merge import entry_from_structured, merge
from liveread.parse.structured import (
    StructuredBlog,
    StructuredPost,
    from_json_ld_alone,
    json_ld_texts,
    read_structured,
)
from liveread.parse.tree import Owners
from liveread.text import comparable, fingerprint, scrub, squash

__all__ = ["PARSER_VERSION", "NotALiveBlog", "is_current", "parse", "reading_version"]

MAX_POSTS = 5000

PARSER_VERSION = 15
"""Bump it whenever parsing or cleaning changes what a post's text is, for any reader; a
change to one site's spec bumps that spec's version instead."""


class NotALiveBlog(ValueError):
    """The page holds no live entries; str() is the reason shown to a person. `contest`: how
    each reader read the page (as `LiveBlog.contest`), when the parse was asked to explain."""

    def __init__(self, reason: str, contest: list[str] | None = None) -> None:
        super().__init__(reason)
        self.contest = contest or []


def parse(
    html: str | bytes, url: str, *, explain: bool = False, memory: PageMemory | None = None
) -> LiveBlog:
    """The live blog in `html`, fetched from `url`. With `explain`, the blog's `contest` says
    how each reader read the page and why the winner won. With `memory` (a feed's, from its
    last reading), a post whose fragment is unchanged is taken from it rather than read again,
    the blog tells each post's source digest and which are unchanged since that reading (see
    `parse.memory`), and the memory then holds this reading."""
    if memory is not None:
        memory.begin()
    tree = _tree(html)
    url = _reading_address(tree, _page_address(url))
    data = _structured(tree, url, memory)
    fragments: dict[int, str] = {}
    remembered = memory.contest if memory is not None else None
    keyed: dict[int, dict[int, str | None]] = {}
    proposals, winner = _contest(
        tree, url, data, explain=explain, remembered=remembered, fragments=fragments, keyed=keyed
    )
    adapter = winner.reader if winner else _structured_only(url, data, tree)
    nodes = winner.nodes if winner else []
    page = adapter.page(tree, url)
    cleaner = Cleaner(adapter.furniture)
    copies = adapter.copies(tree)
    keys = keyed.get(id(adapter)) or adapter.keys(nodes, url)  # a site reading's, once
    version = reading_version(adapter)
    recall = _Recall(memory, adapter, f"{version}\x1f{url}") if memory is not None else None
    if recall is not None:
        recall.take_fragments(nodes, fragments)  # as the page has them, before any stripping
        recall.memory.contest = _outcome(proposals, winner, fragments, remembered)
    regions = _regions(nodes)  # one query per list of posts, not one per post
    owners = Owners(keys)
    for region in regions:
        cleaner.strip_site_furniture(region, owner=lambda el: _owner(el, keys, owners))
    posts = _read_posts(nodes, keys, adapter, cleaner, url, recall)
    if adapter.generic and not data.found and not _looks_live(posts):
        posts, nodes = [], []
    originals = [post for post, node in zip(posts, nodes, strict=True) if node.mem_id not in copies]
    pinned = [post for post, node in zip(posts, nodes, strict=True) if node.mem_id in copies]
    partners: dict[int, StructuredPost] = {}
    made = partial(recall.made, data) if recall is not None else None
    entries = merge(originals, pinned, data, adapter, partners, made)
    for entry in entries:
        if recall is None or not recall.clean(entry, cleaner):
            entry.blocks = cleaner.clean_blocks(entry.blocks, entry.key)
    cleaner.drop_repeated(entries)
    mark_link_posts(entries, url)
    entries = _without_empty_and_doubles(entries)
    if not entries:
        explained = explain_contest(proposals, None, data) if explain else []
        raise NotALiveBlog("no live entries found", explained)
    in_page = {id(post) for post in originals}
    entries.sort(key=_newest_first(entries, in_page))
    blog = LiveBlog(
        url=url,
        title=data.title or _page_title(tree),
        description=data.description or _meta(tree, "description") or _meta(tree, "og:description"),
        entries=entries,
        is_live=_is_live(data, page, lambda: page_says_ended(tree, nodes, entries[0])),
        updated=page.updated or data.updated or _latest(entries),
        older_pages=[older for link in page.older_pages if (older := safe_address(link, url))],
        removals=cleaner.removals,
        source="+".join(
            s for s in (adapter.name if nodes else "", data.source if data.posts else "") if s
        ),
        contest=explain_contest(proposals, winner, data) if explain else [],
        canonical=_canonical(tree, url),
        version=version,
    )
    if recall is not None:
        recall.settle(blog, partners)
    return blog


class _Recall:
    """A reading with a feed's memory (`parse.memory`): each post's fragment digest, the
    posts the memory holds, and what this reading read, to remember."""

    def __init__(self, memory: PageMemory, adapter: Adapter, context: str) -> None:
        self.memory = memory
        self.adapter = adapter
        self.context = context
        self._fragment_context = f"{context}\x1f{adapter.page_context()}"
        self._html: dict[int, str] = {}
        self.fragments: dict[int, str] = {}
        """`id` of a post's entry -> its fragment digest."""
        self.reads: dict[int, ReadPost] = {}
        """`id` of a post's entry -> what reading it made of it (remembered or new)."""
        self._made: dict[int, ReadPost] = {}
        """`id` of an entry made from structured data alone -> its remembered making."""

    def take_fragments(self, nodes: list[Node], taken: dict[int, str]) -> None:
        """Each post's HTML, into `taken` too (those it holds already taken)."""
        for node in nodes:
            if node.mem_id not in taken:
                taken[node.mem_id] = _fragment(self.adapter, node)
        self._html = taken

    def at(self, node: Node, key: str | None, facts: Entry | None) -> FragmentKey:
        """What the memory knows the post by (see `digest`)."""
        html = self._html[node.mem_id]
        return fragment_key(
            self._fragment_context, key, html, facts_key(facts) if facts is not None else ()
        )

    def digest(self, node: Node, key: str | None, facts: Entry | None) -> str:
        """The post's fragment digest; a generic reader's posts' `facts` count (they read
        them from the page around the post)."""
        return fragment_digest(
            self._fragment_context,
            key,
            self._html[node.mem_id],
            facts_of(facts) if facts is not None else "",
        )

    def recalled(self, at: FragmentKey) -> Entry | None:
        read = self.memory.recall(at)
        if read is None:
            return None
        post = read.copy()
        self.fragments[id(post)] = read.digest
        self.reads[id(post)] = read
        return post

    def keep(self, at: FragmentKey, digest: str, post: Entry, removals: list[Removal]) -> None:
        read = ReadPost(copy_entry(post), removals, digest)
        self.memory.keep(at, read)
        self.fragments[id(post)] = digest
        self.reads[id(post)] = read

    def made(self, data: StructuredBlog, post: StructuredPost) -> Entry:
        """The entry of a post only structured data lists: a copy of the one made at an
        earlier reading of the same structured data, if there was one."""
        read = self.memory.made_entry(post, data, partial(entry_from_structured, post, data))
        if read is None:
            return entry_from_structured(post, data)
        entry = read.copy()
        self._made[id(entry)] = read
        return entry

    def clean(self, entry: Entry, cleaner: Cleaner) -> bool:
        """Clean a read post's blocks as they were last cleaned, or clean them and remember
        how; False for an entry whose blocks are not as read (made or filled from
        structured data), for the caller to clean."""
        read = self.reads.get(id(entry)) or self._made.get(id(entry))
        if read is None or entry.blocks is not read.entry.blocks:
            return False
        cleaned = read.cleaned
        if cleaned is None or cleaned.key != entry.key:
            start = len(cleaner.removals)
            blocks = cleaner.clean_blocks(entry.blocks, entry.key)
            cleaned = read.cleaned = Cleaned(entry.key, blocks, cleaner.removals[start:])
        else:
            cleaner.removals.extend(cleaned.removals)
        entry.blocks = cleaned.blocks
        return True

    def settle(self, blog: LiveBlog, partners: dict[int, StructuredPost]) -> None:
        """Each post's source digest into `blog`, and this reading into the memory."""
        digests = {}
        for entry in blog.entries:
            fragment = self.fragments.get(id(entry), "")
            partner = partners.get(id(entry))
            read = self.reads.get(id(entry))
            made_from_partner = partner is not None and (read is None or not read.entry.blocks)
            body = partner.body if made_from_partner and partner is not None else ""
            digests[entry.key] = self.memory.source_digest(self.context, entry, fragment, body)
        settled = self.memory.settle(digests)
        blog.digests = digests
        blog.unchanged = settled.unchanged
        blog.since = settled.since
        blog.reading = settled.reading


def _read_posts(
    nodes: list[Node],
    keys: dict[int, str | None],
    adapter: Adapter,
    cleaner: Cleaner,
    url: str,
    recall: _Recall | None,
) -> list[Entry]:
    """Each post's entry as read from its node, before merging; with `recall`, a post whose
    fragment the memory holds is taken from it instead."""
    facts: dict[int, Entry] = {}
    if recall is None or adapter.generic:  # a generic reader's facts count in the digest
        adapter.index_posts(nodes)
        facts = {
            node.mem_id: _post_facts(node, adapter, url, key=keys[node.mem_id]) for node in nodes
        }
    known: dict[int, Entry] = {}
    at: dict[int, FragmentKey] = {}
    digests: dict[int, str] = {}
    if recall is not None:
        for node in nodes:
            place = at[node.mem_id] = recall.at(node, keys[node.mem_id], facts.get(node.mem_id))
            post = recall.recalled(place)
            if post is not None:
                known[node.mem_id] = post
    fresh = [node for node in nodes if node.mem_id not in known]
    if recall is not None:  # the digest of a post read anew, its facts as read around it
        digests = {
            node.mem_id: recall.digest(node, keys[node.mem_id], facts.get(node.mem_id))
            for node in fresh
        }
    if recall is not None and not adapter.generic:
        adapter.index_posts(fresh)  # nothing is asked of the posts remembered
        facts = {
            node.mem_id: _post_facts(node, adapter, url, key=keys[node.mem_id]) for node in fresh
        }
    bodies = {node.mem_id: adapter.body(node) for node in fresh}  # metadata is all read before
    outline = Outline([root for roots in bodies.values() for root in roots])
    posts = []
    for node in nodes:
        if (post := known.get(node.mem_id)) is not None and recall is not None:
            cleaner.removals.extend(recall.reads[id(post)].removals)
            posts.append(post)
            continue
        post = facts[node.mem_id]
        start = len(cleaner.removals)
        _read_body(post, bodies[node.mem_id], adapter, cleaner, url, outline)
        if marker := adapter.written_time(node):
            post.blocks = cut_opening(post.blocks, marker)
        if recall is not None:
            recall.keep(at[node.mem_id], digests[node.mem_id], post, cleaner.removals[start:])
        posts.append(post)
    return posts


def _structured(tree: LexborHTMLParser, url: str, memory: PageMemory | None) -> StructuredBlog:
    """The page's structured data; with `memory`, as last read if its JSON-LD texts are
    unchanged (decoding them is most of a refresh of a page that lists every post there)."""
    zone = page_zone(tree, url, page_language(tree))  # of times written without an offset
    if memory is None:
        return read_structured(tree, url, zone=zone)
    texts = json_ld_texts(tree)
    if (known := memory.recall_structured(url, texts)) is not None:
        return known
    data = read_structured(tree, url, texts, zone=zone)
    memory.keep_structured(url, texts, data if from_json_ld_alone(data) else None)
    return data


def reading_version(reader: Adapter) -> str:
    """What a blog that `reader` read says of its reading (`LiveBlog.version`): the core
    parser's version and the reader's, "6/guardian-1"; "6/generic" for a reader with no
    version of its own."""
    return _version(reader.name, reader.version)


def is_current(version: str | None) -> bool:
    """Whether a blog read at `version` (`LiveBlog.version`) is read the same way today: the
    core parser and the reader that read it are both still at that version."""
    current = {_version(spec.name, spec.version) for spec in sites.SPECS}
    current.update(_version(reader.name, reader.version) for reader in (Generic, Flat))
    return version in current


def _version(name: str, own: int) -> str:
    return f"{PARSER_VERSION}/{name}-{own}" if own else f"{PARSER_VERSION}/{name}"


def _reading_address(tree: LexborHTMLParser, url: str) -> str:
    """The address to read a page by: its own, or for a saved file, the web address the page
    gives itself (so its links resolve, and its times get that site's zone)."""
    if url.startswith(("http://", "https://")):
        return url
    return _canonical(tree, url) or _saved_from(tree) or url


_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)")


def _saved_from(tree: LexborHTMLParser) -> str | None:
    """The web address a page saved without a canonical one came from: the "saved from url"
    comment a browser writes at the top of the file, else the page's `<base href>`."""
    node = tree.root.prev if tree.root is not None else None
    while node is not None:
        if node.tag == "-comment" and (found := _SAVED_FROM.search(node.comment_content or "")):
            return safe_address(found[1])
        node = node.prev
    base = tree.css_first("base[href]")
    return safe_address(base.attributes.get("href")) if base is not None else None


def _page_address(url: str) -> str:
    """`url` as links are resolved against: an http(s) address as `safe_address` writes it;
    another (a saved file's `file:` URI, from which no link is kept) with the characters an
    address cannot hold percent-encoded; "" if it is no address at all (an unclosed `[`
    host)."""
    if address := safe_address(url):
        return address
    try:
        urlsplit(url)
    except ValueError:
        return ""
    return encode_unsafe(url)


def _tree(html: str | bytes) -> LexborHTMLParser:
    if isinstance(html, bytes):
        html = decode_page(html)
    # The UTF-8 Lexbor would make of the text anyway; NULs and tags are found faster in it.
    data = html.encode("utf-8", errors="ignore")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    if may_nest_too_deeply(data):
        data = limit_depth(html.replace("\x00", "")).encode("utf-8", errors="ignore")
    return LexborHTMLParser(data)


def _fragment(reader: Adapter, node: Node) -> str:
    """A post's HTML as the page has it."""
    return "".join(part.html or "" for part in reader.extent(node))


def _contest(
    tree: LexborHTMLParser,
    url: str,
    data: StructuredBlog,
    *,
    explain: bool,
    remembered: Contest | None = None,
    fragments: dict[int, str] | None = None,
    keyed: dict[int, dict[int, str | None]] | None = None,
) -> tuple[list[Proposal], Proposal | None]:
    """Every reading of the page, judged, and the one to read it by (None: no reader found
    posts the evidence supports). A site spec whose reading structured data does not
    contradict is taken as it is; the generic readers are heard when there is none, or with
    `explain`, for the record. With the `remembered` contest of the page's last reading, its
    winner is heard first, and alone if its reading is plainly still the page's (see
    `_still_the_page`); `fragments` is then told the HTML of the posts it found. `keyed`
    is told the keys of a site reading's posts, by `id` of its reader, if they were read."""
    proposals = []
    site = _site_for(tree)
    if site is not None:
        site.prepare(tree, url)
        reading = Proposal(site, site.post_nodes(tree)[:MAX_POSTS])
        if _settled(reading, data, url, keyed) and not explain:
            return [reading], reading  # nothing to weigh it against: not measured
        proposals.append(_judged(reading, data, url, {}))
    facts = page_facts(tree, url, data)
    # Scripts and styles are read (structured data, page dates): the generic readers, which
    # look at every element and the page's whole text, go faster without them.
    _keep_embed_addresses(tree)
    tree.strip_tags(["script", "style", "template", "noscript"])
    scan = find_markers(tree.body, facts.language) if tree.body is not None else Scan([], [])
    markers = scan.markers
    if markers:
        facts = dated_by_dateline(stated_zone(facts, scan.notes), scan.notes)
    days = DayHeadings(facts)  # both readers walk the same column of posts
    letters: dict[int, int] = {}  # and measure mostly the same elements

    def hear(kind: type[Generic] | type[Flat]) -> Proposal:
        reader = (
            Generic(facts, markers, days, scan.notes)
            if kind is Generic
            else kind(facts, markers, days)
        )
        reader.prepare(tree, url)
        nodes = reader.post_nodes(tree)[:MAX_POSTS]
        return _judged(
            Proposal(reader, nodes),
            data,
            url,
            letters,
            facts,
        )

    last = _last_winner(remembered) if site is None and not explain else None
    if last is not None and remembered is not None:
        reading = hear(last)
        if (html := _still_the_page(reading, remembered)) is not None:
            if fragments is not None:
                fragments.update(html)
            return [reading], reading
    proposals += [hear(kind) for kind in GENERIC_READERS]
    if site is not None and _settled(proposals[0], data, url, keyed):
        return proposals, proposals[0]
    return proposals, choose(proposals)


def _keep_embed_addresses(tree: LexborHTMLParser) -> None:
    """The addresses a `template` or `noscript` holds for the embed it stands in for
    (`<template data-embed-src=…>`, `<noscript><iframe src=…>`), put on the element around
    it, which outlives them: a consent placeholder there names its embed by them."""
    for holder in [*tree.tags("template"), *tree.tags("noscript")]:
        parent = holder.parent
        if parent is None:
            continue
        addresses = {
            name: value
            for name, value in holder.attributes.items()
            if value and ADDRESS_ATTRIBUTE.fullmatch(name)
        }
        if holder.tag == "noscript" and (frame := holder.css_first("iframe[src]")) is not None:
            addresses.setdefault("data-fallback-src", frame.attributes.get("src") or "")
        for name, value in addresses.items():
            if name not in parent.attributes:
                parent.attrs[name] = value


GENERIC_READERS: tuple[type[Generic] | type[Flat], ...] = (Generic, Flat)


def _last_winner(remembered: Contest | None) -> type[Generic] | type[Flat] | None:
    """The generic reader that won the page's last contest, if one did."""
    if remembered is None:
        return None
    return next((kind for kind in GENERIC_READERS if kind.name == remembered.reader), None)


def _still_the_page(reading: Proposal, remembered: Contest) -> dict[int, str] | None:
    """The HTML of the posts of the last winner's `reading`, if that reading is plainly
    still the page's: it is not refused, it finds every post it found then (the page only
    gained posts, or changed none of the old), and it scores above what any other reading
    scored then. None otherwise: the whole contest is heard."""
    if reading.refused is not None or not reading.nodes or reading.score <= remembered.runner_up:
        return None
    html = {node.mem_id: _fragment(reading.reader, node) for node in reading.nodes}
    if not remembered.posts <= {hash(text) for text in html.values()}:
        return None
    return html


def _outcome(
    proposals: list[Proposal],
    winner: Proposal | None,
    fragments: dict[int, str],
    remembered: Contest | None,
) -> Contest | None:
    """What to remember of a contest only generic readers took part in (None for one
    another reader took part in, or none won)."""
    if winner is None or not all(p.reader.generic for p in proposals):
        return None
    if len(proposals) == 1:  # the last winner heard alone: the others were not
        runner_up = remembered.runner_up if remembered is not None else math.inf
    else:
        others = [p.score for p in proposals if p is not winner and p.refused is None]
        runner_up = max(others, default=-math.inf)
    posts = frozenset(hash(fragments[node.mem_id]) for node in winner.nodes)
    return Contest(winner.reader.name, posts, runner_up)


def _judged(
    proposal: Proposal,
    data: StructuredBlog,
    url: str,
    letters: dict[int, int],
    facts: PageFacts | None = None,
) -> Proposal:
    if (refusal := proposal.reader.refusal()) is not None:
        proposal.refused = refusal  # whatever it would score: not measured
        return proposal
    proposal.evidence = measure(proposal.reader, proposal.nodes, data, url, letters)
    judge(
        proposal,
        site=not proposal.reader.generic,
        structured=data.found,
        facts=facts,
    )
    return proposal


def _settled(
    proposal: Proposal,
    data: StructuredBlog,
    url: str,
    keyed: dict[int, dict[int, str | None]] | None = None,
) -> bool:
    """A site spec's reading that structured data does not contradict: it found posts, and
    where structured posts have keys, half of its posts have one of them (the keys of its
    posts then into `keyed`, by `id` of its reader)."""
    nodes = proposal.nodes
    if len(nodes) < MIN_POSTS:
        return False
    keys = {post.key for post in data.posts if post.key}
    if not keys:
        return True
    post_keys = proposal.reader.keys(nodes, url)
    if keyed is not None:
        keyed[id(proposal.reader)] = post_keys
    return sum(1 for node in nodes if post_keys[node.mem_id] in keys) * 2 >= len(nodes)


def _structured_only(url: str, data: StructuredBlog, tree: LexborHTMLParser) -> Adapter:
    """The reader of a page whose posts only structured data gives (the markup shows none)."""
    return Generic(page_facts(tree, url, data), [])


def _site_for(tree: LexborHTMLParser) -> Adapter | None:
    """The reader of the site spec whose signature the page's first post-like element matches
    (the first such spec, in `sites.SPECS` order): one query over the page for all of them."""
    readers = [SiteAdapter(spec) for spec in sites.SPECS]
    if not readers:
        return None
    first = tree.css_first(", ".join(reader.signature for reader in readers))
    if first is not None:
        for reader in readers:
            if reader.claims(first):
                return reader
    return None


def _regions(nodes: list[Node]) -> list[Node]:
    """The elements that hold the posts: usually one list, a few with pinned copies."""
    regions: dict[int, Node] = {}
    for node in nodes:
        parent = node.parent or node
        regions.setdefault(parent.mem_id, parent)
    return list(regions.values())


def _owner(element: Node, keys: dict[int, str | None], owners: Owners) -> tuple[bool, str | None]:
    """Whether `element` lies inside a post (a post of `owners`), and that post's key."""
    post = owners.of(element.parent)
    return (True, keys[post]) if post is not None else (False, None)


def _post_facts(node: Node, adapter: Adapter, url: str, *, key: str | None) -> Entry:
    """A post's metadata, read before any post's body is taken apart."""
    published, updated = adapter.times(node)
    return Entry(
        key=key or "",
        url=safe_address(adapter.permalink(node, key, url), url),
        published=published,
        updated=updated,
        title=adapter.title(node),
        authors=adapter.authors(node),
        label=scrub(adapter.label(node)),
        **adapter.flags(node, key),
    )


def _read_body(
    post: Entry, roots: list[Node], adapter: Adapter, cleaner: Cleaner, url: str, outline: Outline
) -> None:
    builder = BlockBuilder(url, judge=cleaner.judge, embed_link=adapter.embed_link)
    blocks = _blocks(builder, roots, outline)
    cards = [node for rule, _, node in builder.removed if rule == "teaser card"]
    if not blocks and cards:
        # The whole post is a card pointing to another article: a link post, not promo.
        blocks = [b for b in _blocks(BlockBuilder(url), cards) if not isinstance(b, Image)]
        post.kind = "link"
    for rule, text, _ in builder.removed:
        if post.kind != "link" or rule != "teaser card":
            cleaner.record(rule, text, post.key)
    if adapter.generic:  # a site spec names its own furniture
        blocks, furniture = cleaner.post_furniture(blocks, post.key, post.authors)
        post.authors = post.authors or furniture.authors
        post.pinned |= furniture.pinned
        post.breaking |= furniture.breaking
        post.key_event |= furniture.key_event
    post.blocks = blocks  # phrase rules run once all sources are merged


def _blocks(
    builder: BlockBuilder, roots: list[Node], outline: Outline | None = None
) -> list[Block]:
    """The blocks under `roots`; nested deeper than the walk can follow, their words as
    plain paragraphs."""
    try:
        return builder.build(roots, outline)
    except RecursionError:
        builder.removed.clear()
        return [Paragraph((Span(text),)) for root in roots if (text := squash(root.text()))]


def _looks_live(posts: list[Entry]) -> bool:
    """Timed teaser lists are not live blogs: once cleaned, most posts must carry some body
    text."""
    with_body = sum(1 for p in posts if sum(len(block_text(b)) for b in p.blocks) >= MIN_TEXT)
    return len(posts) >= MIN_POSTS and with_body * 2 >= len(posts)


def _without_empty_and_doubles(entries: list[Entry]) -> list[Entry]:
    """Drop posts with nothing to read, and second copies of one post under another key
    (an untitled intro that repeats a post). Same text under another title is kept."""
    bodies = [(entry, _text(entry)) for entry in entries]
    bodies = [(entry, body) for entry, body in bodies if entry.title or not _blank(body)]
    # Copies have bodies of one length and one first letter (as fingerprinted): only posts
    # that share both need their fingerprints taken.
    shapes = [(len(body), _first_letter(body)) for _, body in bodies]
    shared = Counter(shapes)
    # The titles kept for each text: raw while there is one, compared loosely from the second.
    titles_by_text: dict[str, list[str] | set[str]] = {}
    first_with_text: dict[str, int] = {}
    """Text -> where in `kept` the first post with it is."""
    kept: list[Entry] = []
    for (entry, body), shape in zip(bodies, shapes, strict=True):
        if shared[shape] > 1 and len(text := f"{len(body)}:{fingerprint(body, FINGERPRINT)}") > 60:
            seen = titles_by_text.get(text)
            if seen is None:
                titles_by_text[text] = [entry.title]
                first_with_text[text] = len(kept)
            else:
                if isinstance(seen, list):
                    seen = titles_by_text[text] = {comparable(title) for title in seen}
                title = comparable(entry.title)
                if not title or title in seen or "" in seen:
                    place = first_with_text[text]
                    if is_derived(kept[place].key) and not is_derived(entry.key):
                        # The first was a copy with no id (pinned above the feed): the post
                        # is kept under the id the page gives it, the copy dropped.
                        kept[place], entry = entry, kept[place]
                    kept[place].pinned |= entry.pinned  # a pinned copy pins it
                    continue
                seen.add(title)
        kept.append(entry)
    return kept


FINGERPRINT = 300
"""How much of a post's text `_without_empty_and_doubles` compares."""


def _first_letter(text: str) -> str:
    """The first character of `fingerprint(text, FINGERPRINT)`, found without taking it."""
    return text[:FINGERPRINT].lstrip()[:1].casefold()[:1]


def _text(entry: Entry) -> str:
    """`entry.text`, built with less overhead: every post's is needed here."""
    blocks = entry.blocks
    if len(blocks) == 1:  # most posts read from structured data: nothing to join
        return block_text(blocks[0])
    return "\n\n".join([text for block in blocks if (text := block_text(block))])


def _latest(entries: list[Entry]) -> datetime | None:
    return max(
        (when for entry in entries if (when := entry.updated or entry.published) is not None),
        default=None,
    )


def _blank(text: str) -> bool:
    return not text or text.isspace()


_Order = tuple[int, float, int, int]


def _newest_first(entries: list[Entry], in_page: set[int]) -> Callable[[Entry], _Order]:
    """A sort key for `entries`, newest first. A post of the page's list (`id` in `in_page`,
    in page order in `entries`) with no time keeps its place between its page neighbours: a
    match's posts, stamped only "67'", stay between the timed posts before and after the
    match. It is put beside the timed post below it in the page (beside the one above it at
    the end of the list): one pinned on top, out of order, moves no other post. Untimed
    posts elsewhere (structured data alone, pinned copies) sink below every timed one."""
    page = [entry for entry in entries if id(entry) in in_page]
    stamps = [entry.published.timestamp() for entry in page if entry.published is not None]
    placed: dict[int, _Order] = {}
    if stamps and len(stamps) < len(page):
        rises = sum(1 for before, after in pairwise(stamps) if after > before)
        newest = rises * 2 <= len(stamps) - 1
        run: list[Entry] = []
        above: float | None = None
        for entry in page:
            if entry.published is None:
                run.append(entry)
                continue
            stamp = entry.published.timestamp()
            # Newest first, the run is newer than the post below it: just above it, in page
            # order. Oldest first, it is older: just below it, the run turned round.
            step = -1 if newest else 1
            for place, post in enumerate(run):
                placed[id(post)] = (0, -stamp, step, place * -step)
            run, above = [], stamp
        if run and above is not None:  # the list ends untimed: beside the post above it
            step = 1 if newest else -1
            for place, post in enumerate(run):
                placed[id(post)] = (0, -above, step, place * step)

    def order(entry: Entry) -> _Order:
        if entry.published is not None:
            return (0, -entry.published.timestamp(), 0, 0)
        return placed.get(id(entry), (1, 0.0, 0, 0))

    return order


def _is_live(data: StructuredBlog, page: PageInfo, says_ended: Callable[[], bool]) -> bool | None:
    """The site's live badge, else structured data's `coverageEndTime`, else the page's own
    words that its coverage has ended."""
    if page.is_live is not None:
        return page.is_live
    if data.coverage_end is not None:
        return data.coverage_end > datetime.now(UTC)
    if says_ended():
        return False
    return True if data.found else None


def _page_title(tree: LexborHTMLParser) -> str:
    return (
        _meta(tree, "og:title")
        or squash((tree.css_first("h1") or tree.css_first("title") or tree.root).text(deep=True))[
            :300
        ]
        if tree.root is not None
        else ""
    )


def _canonical(tree: LexborHTMLParser, url: str) -> str | None:
    """The page's own address for itself, if it states a web address."""
    link = tree.css_first("link[rel~='canonical'][href]")
    stated = link.attributes.get("href") if link is not None else None
    return safe_address(stated or _meta(tree, "og:url"), url)


def _meta(tree: LexborHTMLParser, name: str) -> str:
    node = tree.css_first(f"meta[property='{name}'], meta[name='{name}']")
    return squash(node.attributes.get("content") or "") if node is not None else ""
