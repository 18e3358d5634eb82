"""Merging what the markup shows with what structured data says.

Structured data gives reliable ids and times (when they are per post) and posts the page no
longer renders; the DOM gives rich bodies, per-post authors and, on some sites, the only
per-post times. Each DOM post is matched to a structured post by key, then by title, by an id
token their keys or permalinks share, by the opening of its text, by the structured text found
inside it, and last by a time that is unique on both sides. A structured post is paired with
one page post at most, so no post is shown twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime

from liveread.model import Block, Entry, Paragraph, Span, block_text
from liveread.parse.adapter import Adapter
from liveread.parse.ids import derived_key
from liveread.parse.markers import MARKER_TEXT
from liveread.parse.structured import StructuredBlog, StructuredPost
from liveread.parse.texttimes import read_marker
from liveread.text import comparable, fingerprint, unescape

OPENING = 80


def _opening(text: str) -> str:
    return fingerprint(unescape(text[: OPENING * 2]), OPENING)


def _openings(body: str, opening: str) -> set[str]:
    """A structured post's `opening`, and the one after the time its text starts with if it
    does ("9.51am Players are out…"): the page shows that time apart, or not at all."""
    openings = {opening}
    if "0" <= body[:1] <= "9" and (marker := read_marker(body[:MARKER_TEXT])) is not None:
        openings.add(_opening(body[marker.end :]))
    return openings


class _Index:
    """Structured posts by key, by title and by the opening of their text; titles and
    openings that several posts share are left out (generic labels match nothing).

    Matching runs in two passes: key and title first, then the opening of the text, for the
    few posts still unmatched, so bodies are decoded only where they decide something."""

    def __init__(self, posts: list[StructuredPost]) -> None:
        self.posts = posts
        self.unmatched = {id(p): p for p in posts}
        self.by_key = {p.key: p for p in posts if p.key}
        self._by_title: dict[str, StructuredPost] | None = None
        self._by_exact_title: dict[str, StructuredPost] = {}
        self._by_token: dict[str, StructuredPost] | None = None
        self._with_openings: list[tuple[StructuredPost, str]] | None = None

    def by_key_or_title(self, post: Entry) -> StructuredPost | None:
        if not self.unmatched:  # no structured posts, or all of them paired
            return None
        found = self.by_key.get(post.key)
        if (found is None or id(found) not in self.unmatched) and post.title:
            by_title = self.by_title
            # A title written alike on both sides needs no loose form to match.
            found = self._by_exact_title.get(post.title) or by_title.get(comparable(post.title))
        return self._claim(found)

    def by_opening(self, texts: list[str]) -> list[StructuredPost | None]:
        """A match (or None) for each text, among the posts the first pass left."""
        if not self.unmatched or not texts:
            return [None] * len(texts)
        openings = _unique(
            (opening, p)
            for p, first in self.openings
            if id(p) in self.unmatched
            for opening in _openings(p.body, first)
        )
        return [
            self._claim(openings.get(_opening(text))) if len(text) > 40 else None for text in texts
        ]

    def by_token(self, post: Entry) -> StructuredPost | None:
        """A structured post whose key or permalink holds an id token of the post's key or
        permalink ("post-1288914" and "…#liveblogPost1288914" share "1288914")."""
        tokens = _tokens(post.key) | _tokens(post.url)
        if not tokens:
            return None
        if self._by_token is None:
            self._by_token = _unique(
                (token, p)
                for p in self.unmatched.values()
                for token in _tokens(p.key) | _tokens(p.url)
            )
        found = {id(hit): hit for token in tokens if (hit := self._by_token.get(token))}
        return self._claim(next(iter(found.values()))) if len(found) == 1 else None

    def by_inner_text(self, text: str) -> StructuredPost | None:
        """A structured post whose text's opening is found inside this post's text (the page
        shows a kicker, a byline or a summary first)."""
        if len(text) <= MIN_TEXT or not self.unmatched:
            return None
        inside = fingerprint(unescape(text), INNER_TEXT)
        hits = [p for p, opening in self.openings if opening in inside and id(p) in self.unmatched]
        return self._claim(hits[0]) if len(hits) == 1 else None

    def by_time(self, posts: list[Entry]) -> list[StructuredPost | None]:
        """A match for each post by a time that is unique among the posts and among the
        unmatched structured posts (within a minute)."""
        if not posts:
            return []
        counts: dict[int, int] = {}
        for post in posts:
            if post.published is not None:
                counts[_minute(post.published)] = counts.get(_minute(post.published), 0) + 1
        index = _unique(
            (str(_minute(p.published)), p) for p in self.unmatched.values() if p.published
        )
        found: list[StructuredPost | None] = []
        for post in posts:
            at = _minute(post.published) if post.published else None
            if at is None or counts[at] > 1:
                found.append(None)
                continue
            found.append(self._claim(index.get(str(at))))
        return found

    def _claim(self, found: StructuredPost | None) -> StructuredPost | None:
        if found is None or id(found) not in self.unmatched:
            return None
        del self.unmatched[id(found)]
        return found

    @property
    def openings(self) -> list[tuple[StructuredPost, str]]:
        """Each structured post left unmatched by the first pass whose text is long enough to
        match on, with its text's opening: taken once, as every page post left unmatched
        looks for every one of them."""
        if self._with_openings is None:
            self._with_openings = [
                (p, _opening(p.body)) for p in self.unmatched.values() if len(p.body) > MIN_TEXT
            ]
        return self._with_openings

    @property
    def by_title(self) -> dict[str, StructuredPost]:
        if self._by_title is None:
            self._by_title = _unique((comparable(p.title), p) for p in self.posts if p.title)
            self._by_exact_title = {p.title: p for p in self._by_title.values()}
        return self._by_title


MIN_TEXT = 40
"""Texts this short are too short to match on."""
INNER_TEXT = 2000
"""How much of a page post's text is searched for a structured post's opening."""
_TOKEN = re.compile(r"[0-9A-Za-z]{4,}")


def _tokens(value: str | None) -> set[str]:
    """The id-like tokens of a key or permalink: runs of 4+ letters and digits holding a
    digit ("1288914", "646219928f08e408b758af95"), lower case."""
    if not value:
        return set()
    tail = value.rsplit("#", 1)[-1] if "#" in value else value.rsplit("/", 1)[-1]
    return {t.lower() for t in _TOKEN.findall(tail) if any(c.isdigit() for c in t)}


def _minute(when: datetime) -> int:
    return int(when.timestamp() // 60)


def _unique(pairs: Iterable[tuple[str, StructuredPost]]) -> dict[str, StructuredPost]:
    index: dict[str, StructuredPost] = {}
    shared: set[str] = set()
    for key, post in pairs:
        if key in index:
            shared.add(key)
        index[key] = post
    return {k: v for k, v in index.items() if k and k not in shared}


def merge(
    posts: list[Entry],
    copies: list[Entry],
    data: StructuredBlog,
    adapter: Adapter,
    partners: dict[int, StructuredPost] | None = None,
    made: Callable[[StructuredPost], Entry] | None = None,
) -> list[Entry]:
    """`posts` as the page shows them, completed from structured data, with the posts only
    structured data lists; `copies` (second renderings, pinned) mark their originals.
    `partners`, when given, is told the structured post each entry was paired with or made
    from, by `id` of the entry. `made`, when given, makes the entry of a post only
    structured data lists (as `entry_from_structured` does; a memory of them may)."""
    partners = {} if partners is None else partners
    index = _Index(data.posts)
    pairs: list[tuple[Entry, StructuredPost | None]] = [
        (post, index.by_key_or_title(post)) for post in posts
    ]
    if index.unmatched:
        pairs = [(post, match or index.by_token(post)) for post, match in pairs]
    if index.unmatched:
        left = [i for i, (_, match) in enumerate(pairs) if match is None]
        texts = {i: pairs[i][0].text for i in left}
        found = index.by_opening([texts[i] for i in left])
        for i, match in zip(left, found, strict=True):
            pairs[i] = (pairs[i][0], match or index.by_inner_text(texts[i]))
    if index.unmatched and data.per_post_times:
        left = [i for i, (_, match) in enumerate(pairs) if match is None]
        found = index.by_time([pairs[i][0] for i in left])
        for i, match in zip(left, found, strict=True):
            pairs[i] = (pairs[i][0], match)
    entries: dict[str, Entry] = {}
    for entry, match in pairs:
        if match is not None:
            _fill_from(entry, match, data, adapter, dom_time=entry.published)
            partners[id(entry)] = match
        entry.key = entry.key or _derived_key(entry)
        entries.setdefault(entry.key, entry)
    for copy in copies:
        original = entries.get(copy.key)
        if original is not None:
            original.pinned = True
        else:
            copy.pinned = True
            copy.key = copy.key or _derived_key(copy)
            entries.setdefault(copy.key, copy)
    for leftover in index.unmatched.values():
        entry = made(leftover) if made is not None else entry_from_structured(leftover, data)
        partners[id(entry)] = leftover
        entries.setdefault(entry.key, entry)
    return list(entries.values())


KEY_TEXT = 200
"""How much of an untitled post's text its derived key is made from (`derived_key`)."""


def _derived_key(entry: Entry) -> str:
    """`derived_key` of a page post with no key: only an untitled post's text is read, and
    of it only the opening the key is made from."""
    if entry.title:
        return derived_key(entry.published, entry.title, "")
    texts: list[str] = []
    length = -2  # the first text has no separator before it
    for block in entry.blocks:
        if text := block_text(block):
            texts.append(text)
            length += len(text) + 2
            if length >= KEY_TEXT:
                break
    return derived_key(entry.published, "", "\n\n".join(texts))


def _fill_from(
    entry: Entry,
    match: StructuredPost,
    data: StructuredBlog,
    adapter: Adapter,
    dom_time: datetime | None,
) -> None:
    trusted_dom = adapter.trust_dom_times and dom_time is not None
    if not trusted_dom and data.per_post_times and match.published:
        entry.published = match.published
        entry.updated = match.updated if match.updated and match.updated > match.published else None
    entry.key = entry.key or match.key or ""
    entry.url = entry.url or match.url
    if not entry.title and data.per_post_titles:
        entry.title = match.title
    if not entry.authors and data.per_post_authors:
        entry.authors = list(match.authors)
    if not entry.blocks and match.body:
        entry.blocks = _paragraphs(match.body)
    entry.key_event |= match.key_event
    entry.pinned |= match.pinned
    _drop_closing_author(entry, match.authors)


def _drop_closing_author(entry: Entry, authors: Iterable[str]) -> None:
    """Drop the line closing `entry` that only names one of its structured post's `authors`
    ("JAVIER RUIZ | Madrid", "Javier Ruiz"): a byline in an element no class names as one."""
    if len(entry.blocks) < 2 or not isinstance(last := entry.blocks[-1], Paragraph):
        return
    text = block_text(last)
    if len(text) > AUTHOR_LINE:
        return
    name = _PLACE_AFTER_NAME.sub("", text).strip(" —–-").casefold()
    if name and name in {author.casefold() for author in authors}:
        entry.blocks = entry.blocks[:-1]


AUTHOR_LINE = 80
"""The longest closing line read as its post's byline."""
_PLACE_AFTER_NAME = re.compile(r"\s*[|/·,]\s*[^|/·,]{1,40}$")
"""Where the author wrote from, after the name: " | Madrid", ", Brussels"."""


def entry_from_structured(post: StructuredPost, data: StructuredBlog) -> Entry:
    """The entry of a post only structured data lists."""
    published = post.published if data.per_post_times else None
    updated = post.updated if post.updated and published and post.updated > published else None
    title = post.title if data.per_post_titles else ""
    body = post.body
    return Entry(
        key=post.key or derived_key(published, title, body),
        url=post.url,
        published=published,
        updated=updated,
        title=title,
        authors=list(post.authors) if data.per_post_authors else [],
        key_event=post.key_event,
        pinned=post.pinned,
        blocks=_paragraphs(body),
    )


def _paragraphs(body: str) -> list[Block]:
    if "\n" not in body:  # one paragraph, the common case
        line = body.strip()
        return [Paragraph((Span(line),))] if line else []
    return [Paragraph((Span(line),)) for part in body.split("\n") if (line := part.strip())]
