"""A feed's memory of its page as last read, so that a refresh reads only what changed.

Two digests stand for a post's source. A post's *fragment digest* covers its element's HTML
(as Lexbor serialises it, taken before anything is removed from it) with what the page says
around it that reading it depends on (reader and version, the page's address, page-wide
lists a site reader flags posts by, and for the generic readers the post's times and other
metadata, which they read from the page around it): a post whose fragment digest the memory
holds is not read or cleaned again. Within the process a post is looked up by its `FragmentKey`
(the same inputs, its HTML by Python's `hash` and length), so the digest itself is taken only
of posts read anew. A post's *source digest* covers that fragment (or the
structured item it was made from) with the post's metadata as finally read: the store keeps
it beside the post and does not rewrite a post whose source digest is unchanged, so a post's
stored text never changes because its neighbours did (`Cleaner.drop_repeated`).

Page-level steps are remembered too: the structured data read from the page's JSON-LD alone,
by those texts and the address (with the entries made from its posts the markup
does not show), each source digest by what it was taken of, and how a contest of the generic
readers went (`Contest`: a refresh asks its winner first, and alone while it still finds all
the posts it found and scores above the others' last scores).

Memory is kept per process, per feed, bounded: `Memories` (by posts; what a feed's page-level
memory holds is at most one page's worth).
"""

from __future__ import annotations

import hashlib
import secrets
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from liveread.model import Block, Entry, Removal, iso_z
from liveread.parse.structured import StructuredBlog, StructuredPost

MAX_REMEMBERED = 20_000
"""Posts remembered by one process over all its feeds; the feeds refreshed longest ago are
forgotten first beyond it (a feed's memory is at most its page's posts)."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A read post's blocks once cleaned (`Cleaner.clean_blocks`) under `key`."""

    key: str
    blocks: list[Block]
    removals: list[Removal]


@dataclass(slots=True)
class ReadPost:
    """A post as read from its fragment, before merging with structured data."""

    entry: Entry
    """Never changed: `parse` works on a copy (`copy`)."""
    removals: list[Removal]
    """What reading it removed, in order."""
    digest: str = ""
    """Its fragment digest."""
    cleaned: Cleaned | None = None

    def copy(self) -> Entry:
        """The entry to merge and clean: its blocks list is the remembered one (so `parse`
        can tell that merging left it as read), its other fields its own."""
        return copy_entry(self.entry)


def copy_entry(entry: Entry) -> Entry:
    """A copy of `entry` that shares its blocks list (`dataclasses.replace` takes ten times
    as long)."""
    return Entry(
        key=entry.key,
        url=entry.url,
        published=entry.published,
        updated=entry.updated,
        title=entry.title,
        authors=list(entry.authors),
        kind=entry.kind,
        key_event=entry.key_event,
        pinned=entry.pinned,
        summary=entry.summary,
        breaking=entry.breaking,
        blocks=entry.blocks,
        label=entry.label,
    )


def _texts_key(url: str, texts: list[str]) -> Hashable:
    """JSON-LD texts read at `url`, as the memory knows them: by `hash` and length, as
    `fragment_key` knows a post's HTML (a page's JSON-LD can be a megabyte, kept per feed)."""
    return (url, *((hash(text), len(text)) for text in texts))


FragmentKey = tuple[Hashable, ...]
"""What a post is remembered by within the process: its fragment digest's inputs."""


def fragment_key(
    context: str, key: str | None, html: str, facts: tuple[object, ...] = ()
) -> FragmentKey:
    """A post's `FragmentKey`: its HTML by `hash` and length, with the rest as they are (a
    64-bit hash, salted per process: no page can aim a post at another's key), and its
    metadata as `facts_key` gives it."""
    return (context, key, hash(html), len(html), facts)


@dataclass(frozen=True, slots=True)
class Contest:
    """How the generic readers' contest for a page with no site reader went: the reader
    that won, the posts it found (by `hash` of their HTML) and the best score another
    reading scored."""

    reader: str
    posts: frozenset[int]
    runner_up: float


@dataclass(frozen=True, slots=True)
class Settled:
    """What a reading with memory tells the store (see `LiveBlog.digests`)."""

    unchanged: frozenset[str]
    since: str | None
    reading: str


@dataclass(slots=True)
class PageMemory:
    """One feed's: the posts of its page at the last reading, by fragment digest, and each
    post's source digest by key. Holds the last page only."""

    posts: dict[FragmentKey, ReadPost] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    reading: str | None = None
    """A token naming the last reading: the store records the token of the reading it
    stored, so it can tell that posts unchanged since that reading are stored as read."""
    _read: dict[FragmentKey, ReadPost] = field(default_factory=dict)
    structured: tuple[Hashable, StructuredBlog] | None = None
    """The page's structured data as last read from its JSON-LD alone, by the page's
    address and those texts (`_texts_key`)."""
    made: dict[int, ReadPost] = field(default_factory=dict)
    """The entries made from `structured`'s posts that the markup does not show, by `id` of
    the structured post."""
    contest: Contest | None = None
    """How the last reading's contest went, when only generic readers took part."""

    _sources: dict[tuple[object, ...], str] = field(default_factory=dict)
    """The source digests of the last reading by what they were taken of."""
    _new_sources: dict[tuple[object, ...], str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.posts)

    def source_digest(self, context: str, entry: Entry, fragment: str, body: str) -> str:
        """`source_digest(context, entry, fragment, body)`, taken again only if the last
        reading took none of the same."""
        taken_of = (context, fragment, body, *facts_key(entry))
        digest = self._sources.get(taken_of)
        if digest is None:
            digest = source_digest(context, entry, fragment, body)
        self._new_sources[taken_of] = digest
        return digest

    def recall_structured(self, url: str, texts: list[str]) -> StructuredBlog | None:
        """The structured data last read from these JSON-LD texts at `url`, if it was."""
        if self.structured is not None and self.structured[0] == _texts_key(url, texts):
            return self.structured[1]
        return None

    def keep_structured(self, url: str, texts: list[str], data: StructuredBlog | None) -> None:
        """Remember `data`, read from these JSON-LD texts at `url` (None: structured data
        that cannot be remembered so)."""
        self.structured = (_texts_key(url, texts), data) if data is not None else None
        self.made = {}

    def made_entry(
        self, post: StructuredPost, data: StructuredBlog, make: Callable[[], Entry]
    ) -> ReadPost | None:
        """The remembered entry made from `post` of the remembered structured `data` (made
        now if it is not yet); None if `data` is not the remembered data."""
        if self.structured is None or self.structured[1] is not data:
            return None
        read = self.made.get(id(post))
        if read is None:
            read = self.made[id(post)] = ReadPost(make(), [])
        return read

    def begin(self) -> None:
        """Start a reading (one left unfinished by a failure is dropped)."""
        self._read = {}
        self._new_sources = {}

    def recall(self, fragment: FragmentKey) -> ReadPost | None:
        read = self.posts.get(fragment)
        if read is not None:
            self._read[fragment] = read
        return read

    def keep(self, fragment: FragmentKey, read: ReadPost) -> None:
        self._read[fragment] = read

    def settle(self, digests: dict[str, str]) -> Settled:
        """End a reading whose posts have these source digests: the memory now holds this
        page's posts only. Says which posts are unchanged since the last reading."""
        unchanged = frozenset(
            key for key, digest in digests.items() if self.digests.get(key) == digest
        )
        settled = Settled(unchanged, self.reading if unchanged else None, secrets.token_hex(8))
        self.posts, self._read = self._read, {}
        self._sources, self._new_sources = self._new_sources, {}
        self.digests, self.reading = digests, settled.reading
        return settled

    def forget(self, key: str) -> None:
        """Forget the post stored under `key` (as if the last reading had not seen it)."""
        digest = self.digests.pop(key, None)
        if digest is None:
            return
        self.posts = {
            fragment: read
            for fragment, read in self.posts.items()
            if read.entry.key != key and (read.cleaned is None or read.cleaned.key != key)
        }


class Memories:
    """Each feed's `PageMemory`, the least recently used forgotten first once more than
    `limit` posts are remembered in all."""

    def __init__(self, limit: int = MAX_REMEMBERED) -> None:
        self.limit = limit
        self._feeds: OrderedDict[int, PageMemory] = OrderedDict()

    def of(self, feed_id: int) -> PageMemory:
        memory = self._feeds.pop(feed_id, None) or PageMemory()
        self._feeds[feed_id] = memory
        return memory

    def trim(self) -> None:
        """Forget feeds, least recently used first, until at most `limit` posts are held
        (the feed used last is kept whatever its size)."""
        held = sum(len(memory) for memory in self._feeds.values())
        while held > self.limit and len(self._feeds) > 1:
            _, memory = self._feeds.popitem(last=False)
            held -= len(memory)

    def __len__(self) -> int:
        """Posts remembered in all."""
        return sum(len(memory) for memory in self._feeds.values())

    def __contains__(self, feed_id: object) -> bool:
        return feed_id in self._feeds


def _digest(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def fragment_digest(context: str, key: str | None, html: str, facts: str = "") -> str:
    """A post's fragment digest: see the module's docstring."""
    return _digest(context, key or "", html, facts)


def facts_of(entry: Entry) -> str:
    """An entry's metadata as text, its body left out."""
    return "\x1f".join(
        (
            entry.key,
            entry.url or "",
            iso_z(entry.published) or "",
            iso_z(entry.updated) or "",
            entry.title,
            "\x1d".join(entry.authors),
            entry.kind,
            f"{entry.key_event:d}{entry.pinned:d}{entry.summary:d}{entry.breaking:d}",
            entry.label,
        )
    )


def facts_key(entry: Entry) -> tuple[object, ...]:
    """What `facts_of` writes out, as it is: equal facts give equal texts."""
    return (
        entry.key,
        entry.url,
        entry.published,
        entry.updated,
        entry.title,
        tuple(entry.authors),
        entry.kind,
        entry.key_event,
        entry.pinned,
        entry.summary,
        entry.breaking,
        entry.label,
    )


def source_digest(context: str, entry: Entry, fragment: str, body: str) -> str:
    """A final post's source digest: `fragment` is its fragment digest ("" for a post made
    from structured data only), `body` the structured text it was made from, if it was."""
    return _digest(context, facts_of(entry), fragment, body)
