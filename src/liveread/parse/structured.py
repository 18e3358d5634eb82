"""Structured data: schema.org `LiveBlogPosting` from JSON-LD or microdata.

The most reliable source of post ids and times, and sometimes of posts the page no longer
renders; never of rich bodies (`articleBody` is plain text, sometimes cut short, and on some
sites, the Mirror among them, HTML with entities: read here as text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import orjson
from selectolax.lexbor import LexborHTMLParser, LexborNode

from liveread.addresses import safe_address
from liveread.parse.depth import limit_depth, may_nest_too_deeply
from liveread.parse.ids import key_from_url
from liveread.parse.times import parse_time
from liveread.text import plain, scrub, squash, unescape

LIVE_TYPES = {"LiveBlogPosting"}
UPDATE_KEYS = ("liveBlogUpdate", "blogPost", "blogPosts")


@dataclass(slots=True)
class StructuredPost:
    key: str | None
    url: str | None
    published: datetime | None
    updated: datetime | None
    title: str
    authors: list[str]
    decoded: str | None = None
    """The body once decoded: see `body`."""
    key_event: bool = False
    pinned: bool = False
    """Flags the source gives the post (page state's `"keyEvent": true`, `"pinned": true`)."""
    bodies: _Bodies | None = field(default=None, repr=False, compare=False)
    """Decodes `decoded` (with the rest of the blog's bodies) when it is first read."""

    @property
    def body(self) -> str:
        """Plain text with paragraphs separated by newlines, entities decoded."""
        if self.decoded is None and self.bodies is not None:
            self.bodies.decode(self)
        return self.decoded or ""


class _Bodies:
    """The `articleBody` of a blog's posts, decoded when first read: posts the page also
    renders seldom need theirs. Plain bodies decode one by one; the first body holding HTML
    decodes every pending HTML body in one shared parse."""

    def __init__(self) -> None:
        self.raw: dict[int, tuple[StructuredPost, str]] = {}

    def add(self, post: StructuredPost, raw: str) -> None:
        post.bodies = self
        self.raw[id(post)] = (post, raw)

    def decode(self, wanted: StructuredPost) -> None:
        _, raw = self.raw.pop(id(wanted))
        text, is_markup = _body_source(raw)
        if not is_markup:
            wanted.decoded = scrub(unescape(text))
            return
        markup = [(wanted, text)]
        for post, other in list(self.raw.values()):  # sorted once: decode the plain ones too
            del self.raw[id(post)]
            other_text, other_is_markup = _body_source(other)
            if other_is_markup:
                markup.append((post, other_text))
            else:
                post.decoded = scrub(unescape(other_text))
        for (post, _), text in zip(markup, _markup_texts([m for _, m in markup]), strict=True):
            post.decoded = scrub(unescape(text))


@dataclass(slots=True)
class StructuredBlog:
    title: str = ""
    description: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    coverage_end: datetime | None = None
    authors: list[str] = field(default_factory=list)
    posts: list[StructuredPost] = field(default_factory=list)
    found: bool = False
    source: str = ""
    """Where the posts came from: "jsonld" or "microdata"."""

    per_post_times: bool = True
    """False when every post carries the same time (the page's, not the post's)."""
    per_post_authors: bool = True
    """False when every post lists the same several authors (the page's byline)."""
    per_post_titles: bool = True
    """False when every post carries the same headline (the page's)."""

    def judge_sources(self) -> None:
        """Tell per-post values from page values copied into every post (the Guardian)."""
        many = len(self.posts) > 1
        times = {p.published for p in self.posts if p.published}
        self.per_post_times = len(times) > 1 or not many
        authors = {tuple(p.authors) for p in self.posts}
        self.per_post_authors = not (many and len(authors) == 1 and len(next(iter(authors))) > 1)
        self.per_post_titles = not (many and len({p.title for p in self.posts}) == 1)


def read_structured(
    tree: LexborHTMLParser,
    page_url: str,
    json_ld: list[str] | None = None,
    *,
    zone: tzinfo | None = None,
) -> StructuredBlog:
    """The page's structured data; `json_ld`, the page's `json_ld_texts` if already taken.
    A time written without an offset is read in `zone` (the site's), else as UTC."""
    blog = StructuredBlog()
    bodies = _Bodies()
    bylines = _Bylines()
    read = _Reading(page_url, bodies, bylines, zone)
    objects = list(_live_objects(json_ld_texts(tree) if json_ld is None else json_ld))
    for node in _this_pages(objects, page_url) if len(objects) > 1 else objects:
        _merge_object(blog, node, read)
    if not blog.found:
        _read_microdata(tree, blog, read)
    if not blog.posts:
        from liveread.parse.pagestate import read_page_state  # it builds on this module

        if (state := read_page_state(tree, page_url, zone)).posts:
            return state
    blog.judge_sources()
    return blog


def json_ld_texts(tree: LexborHTMLParser) -> list[str]:
    """The text of each JSON-LD script of the page, in order."""
    return [script.text(deep=True) for script in tree.css('script[type="application/ld+json"]')]


def from_json_ld_alone(blog: StructuredBlog) -> bool:
    """Whether `read_structured` read `blog` from the JSON-LD texts alone: nothing else of
    the page (microdata, page state) was asked, so the same texts at the same address give
    the same blog."""
    return blog.source == "jsonld" and bool(blog.posts)


def _live_objects(texts: list[str]) -> Iterator[dict[str, Any]]:
    for text in texts:
        try:
            data = _json(text or "null")
        except ValueError:
            continue
        yield from (obj for obj in _walk(data) if _is_live(obj))


def _this_pages(objects: list[dict[str, Any]], page_url: str) -> list[dict[str, Any]]:
    """The live objects that are the page's own: when one names the page by its `url`, one
    whose `url` names another page (a related live blog in the same `@graph`) is not. (Not by
    `@id`: some sites name every object by one at the site's root.)"""
    here = _page_path(page_url, page_url)
    named = [_page_path(_str(obj.get("url")), page_url) for obj in objects]
    if here is None or here not in named:
        return objects
    return [obj for obj, path in zip(objects, named, strict=True) if path in (here, None)]


def _page_path(url: str | None, page_url: str) -> str | None:
    """The host and path `url` names (resolved against the page's), without "www.", query,
    fragment or closing slash; None without one."""
    if not url or not (address := safe_address(url, page_url)):
        return None
    parts = urlsplit(address)
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}"


def _json(text: str) -> Any:
    """JSON as orjson reads it, or failing that as the lenient standard reader does (raw
    control characters in strings, NaN, numbers too long for 64 bits)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        try:
            data = json.loads(text, strict=False)
            # The standard reader keeps a lone surrogate ("\ud800"): no text can hold one.
            return _mend_surrogates(data) if _SURROGATE_ESCAPE.search(text) else data
        except RecursionError:  # nested deeper than the standard reader goes
            raise ValueError("JSON nested too deeply") from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _mend_surrogates(data: Any) -> Any:
    """`data` with each lone surrogate (a pair is one character by now) made U+FFFD."""
    if isinstance(data, str):
        return _SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_mend_surrogates(item) for item in data]
    if isinstance(data, dict):
        return {_mend_surrogates(k): _mend_surrogates(v) for k, v in data.items()}
    return data


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _walk(data[key], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return {str(n).rsplit("/", 1)[-1] for n in names if n}


def _is_live(obj: dict[str, Any]) -> bool:
    return bool(_types(obj) & LIVE_TYPES) or any(k in obj for k in UPDATE_KEYS[:1])


class _Reading(NamedTuple):
    """What reading one page's structured posts needs besides each post's object."""

    page_url: str
    bodies: _Bodies
    bylines: _Bylines
    zone: tzinfo | None

    def time(self, value: str | None) -> datetime | None:
        return parse_time(value, local_zone=self.zone)


def _merge_object(blog: StructuredBlog, obj: dict[str, Any], read: _Reading) -> None:
    blog.found = True
    blog.source = "jsonld"
    blog.title = blog.title or plain(str(obj.get("headline") or obj.get("name") or ""))
    blog.description = blog.description or plain(str(obj.get("description") or ""))
    blog.published = blog.published or read.time(_str(obj.get("datePublished")))
    blog.updated = blog.updated or read.time(_str(obj.get("dateModified")))
    blog.coverage_end = blog.coverage_end or read.time(_str(obj.get("coverageEndTime")))
    blog.authors = blog.authors or _authors(obj.get("author"))
    for key in UPDATE_KEYS:
        updates = obj.get(key)
        if isinstance(updates, dict):
            updates = [updates]
        if isinstance(updates, list):
            blog.posts.extend(_post(update, read) for update in updates if isinstance(update, dict))


def _post(obj: dict[str, Any], read: _Reading) -> StructuredPost:
    """The post `obj` describes; its body is left to `bodies` to decode when needed. Its
    address, if it gives one, is resolved against the page's and kept only if safe. Its time
    is its `datePublished`, else its `dateCreated`; its body its `articleBody`, else its `text`
    (a CreativeWork's), else its `description`."""
    get = obj.get
    url = _str(get("url"))
    key = key_from_url(url) if url else None
    if key is None and (ident := _str(get("@id"))):
        key = key_from_url(ident) or squash(ident) or None
    post = StructuredPost(
        key=key,
        url=safe_address(url, read.page_url),
        published=read.time(_str(get("datePublished")) or _str(get("dateCreated"))),
        updated=read.time(_str(get("dateModified"))),
        title=plain(_str(get("headline")) or _str(get("name")) or ""),
        authors=read.bylines.read(get("author")),
    )
    body = _str(get("articleBody")) or _str(get("text")) or _str(get("description"))
    read.bodies.add(post, body or "")
    return post


_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BREAKS = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|blockquote|figure)\b[^<>]*>", re.I)
READ_MORE_LINK_TEXT = 300
"""The longest link text (a headline, with its markup) a "Read more:" promo may have."""
_READ_MORE_LINK = re.compile(
    r"(?:<b>\s*|\b)read more(?: here)?\s*(?::\s*)?(?:<b>\s*)?<a\b[^<>]*>"
    rf".{{0,{READ_MORE_LINK_TEXT}}}?</a>(?:\s*</b>)*",
    re.I | re.S,
)
"""A "Read more: <a>other story</a>" promo run into a post's last sentence (the Mirror). Each
part can match in one way only, and the link's text is bounded, so no body, however long
or broken, makes the search slow."""


def _body_source(raw: str) -> tuple[str, bool]:
    """`articleBody` with its entities decoded unless it holds HTML (`<p>`, `<br>`, `<a href>`,
    `<b>`, even escaped as `&lt;p&gt;`), and whether it does: markup is read as markup, never
    kept as literal tags."""
    if "<" in raw and _MARKUP.search(raw):
        return raw, True
    text = unescape(raw)
    return text, "<" in text and _MARKUP.search(text) is not None


def _markup_texts(bodies: list[str]) -> list[str]:
    """The text of each HTML body, as its own Lexbor document would give it. Bodies of plain
    inline markup share one document (a parse each costs more than reading them): each in a
    `<section>` that no tag of theirs can close or escape, so each reads as it would alone."""
    prepared = [_BREAKS.sub("\n", _promo_lines(body)) for body in bodies]
    texts: list[str | None] = [None] * len(prepared)
    shared = [(i, body.lstrip(_HTML_SPACE)) for i, body in enumerate(prepared) if _shareable(body)]
    if len(shared) > 1:
        doc = LexborHTMLParser("".join(f"<section>{body}</section>" for _, body in shared))
        sections = list(doc.body.iter()) if doc.body is not None else []
        if len(sections) == len(shared) and all(s.tag == "section" for s in sections):
            for (i, _), section in zip(shared, sections, strict=True):
                texts[i] = section.text(deep=True)
    return [text if text is not None else _alone(prepared[i]) for i, text in enumerate(texts)]


def _promo_lines(markup: str) -> str:
    """The promo link gets a line of its own, as on the page, for the cleaner to judge."""
    words = markup.casefold().find("read more")
    if words < 0:
        return markup
    # The pattern has no literal opening to scan for, so it is tried at each position: it is
    # searched for from where the first match could start (a `<b>` and spaces before the
    # words), found in ASCII text, where case folding moves no character.
    start = _promo_start(markup, words) if markup.isascii() else 0
    parts = [markup[:start]]
    for match in _READ_MORE_LINK.finditer(markup, start):
        parts.append(markup[start : match.start()])
        parts.append(f"<br>{match[0]}<br>")
        start = match.end()
    parts.append(markup[start:])
    return "".join(parts)


def _promo_start(markup: str, words: int) -> int:
    """Where a promo whose words ("read more") are at `words` may start: at the words, or at
    a `<b>` before them, spaces between."""
    start = words
    while start > 0 and markup[start - 1].isspace():
        start -= 1
    return max(start - len("<b>"), 0)


def _alone(markup: str) -> str:
    body = LexborHTMLParser(limit_depth(markup)).body
    if body is None:
        return ""
    for node in body.css("script, style, template"):
        node.decompose()
    return body.text(deep=True)


_HTML_SPACE = "\t\n\x0c\r "
"""What a document drops before its first tag or word."""
_INLINE_TAG = re.compile(
    r"<(/?)(a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)"
    r"""((?:[\t\n\f\r ]+[^\t\n\f\r "'<>/=]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*"""
    r"""(?:"[^"]*"|'[^']*'|[^\t\n\f\r "'<>=`]+))?)*)[\t\n\f\r ]*/?>""",
    re.I,
)
"""A start or end tag of a phrasing element: no raw text, nothing special to the tree builder."""


def _shareable(markup: str) -> bool:
    """Whether `markup` parses the same inside a `<section>` as alone: only inline tags,
    properly nested, no other `<`; no character reference or BOM at its start (where a
    document drops whitespace), no NUL, not deep enough for `limit_depth` to touch."""
    text = markup.lstrip(_HTML_SPACE)
    if text.startswith(("&", "\ufeff")) or "\x00" in text or may_nest_too_deeply(text):
        return False
    tags = _INLINE_TAG.findall(text)
    if text.count("<") != len(tags):  # a `<` of another kind (or one inside a value)
        return False
    open_tags: list[str] = []
    for slash, name, _ in tags:
        if not slash:
            open_tags.append(name.lower())
        elif not open_tags or open_tags.pop() != name.lower():
            return False
    return not open_tags


def _str(value: Any) -> str | None:
    if type(value) is str:  # the common case
        return value
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return str(value) if value is not None else None


def _authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    raw = tuple(
        [
            name
            for item in items
            if isinstance(name := item.get("name") if isinstance(item, dict) else item, str)
        ]
    )
    return list(_names(raw))


class _Bylines:
    """The author lists of a blog's posts, read once for each run of posts that give the
    same one: most posts repeat the post before's (often the page's whole byline)."""

    def __init__(self) -> None:
        self._raw: Any = None
        self._names: list[str] = []

    def read(self, value: Any) -> list[str]:
        try:
            same = value is not None and value == self._raw
        except RecursionError:  # nested deeper than comparing goes: read afresh
            same = False
        if not same:
            self._raw, self._names = value, _authors(value)
        return list(self._names)


@lru_cache(maxsize=256)
def _names(raw: tuple[str, ...]) -> tuple[str, ...]:
    """Author names as plain text, blanks and repeats left out (cached: every post of a
    page often lists the same byline)."""
    names: list[str] = []
    for name in raw:
        if (clean := plain(name)) and clean not in names:
            names.append(clean)
    return tuple(names)


# Microdata: itemscope itemtype=".../LiveBlogPosting" with itemprop="liveBlogUpdate" children.


def _read_microdata(tree: LexborHTMLParser, blog: StructuredBlog, read: _Reading) -> None:
    roots = tree.css('[itemtype$="/LiveBlogPosting"]')
    if not roots:
        return
    updates = [root.css('[itemprop~="liveBlogUpdate"]') for root in roots]
    # The one holding the updates: another is a teaser for a related live blog.
    most = max(range(len(roots)), key=lambda n: len(updates[n])) if len(roots) > 1 else 0
    root = roots[most]
    blog.found = True
    blog.source = "microdata"
    blog.title = blog.title or _prop_text(root, "headline")
    for update in updates[most]:
        url = _prop_value(update, "url")
        key = key_from_url(url) if url else None
        ident = update.attributes.get("id") or update.attributes.get("itemid")
        key = key or (key_from_url(ident) if ident else None)
        blog.posts.append(
            StructuredPost(
                key=key,
                url=safe_address(url, read.page_url),
                published=read.time(
                    _prop_value(update, "datePublished") or _prop_value(update, "dateCreated")
                ),
                updated=read.time(_prop_value(update, "dateModified")),
                title=_prop_text(update, "headline"),
                authors=[a for a in (_prop_text(update, "author"),) if a],
                decoded=_prop_text(update, "articleBody"),
            )
        )


def _prop(node: LexborNode, name: str) -> LexborNode | None:
    return node.css_first(f'[itemprop~="{name}"]')


def _prop_value(node: LexborNode, name: str) -> str | None:
    prop = _prop(node, name)
    if prop is None:
        return None
    attrs = prop.attributes
    for attr in ("content", "datetime", "href", "src"):
        if attrs.get(attr):
            return attrs[attr]
    return prop.text(deep=True).strip() or None


def _prop_text(node: LexborNode, name: str) -> str:
    prop = _prop(node, name)
    if prop is None:
        return ""
    inner = _prop(prop, "name")
    return plain((inner or prop).attributes.get("content") or (inner or prop).text(deep=True))
