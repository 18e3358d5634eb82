"""Page state: posts read from the JSON a page's scripts render them from (`stateblobs`
finds and decodes it), as one more structured source beside JSON-LD and microdata.

The posts are the best array anywhere in the state of objects with an id, a time and a body
or headline (Apollo's `__ref`s followed, Relay's edges opened): arrays of navigation links or
related articles (no bodies) and of comments lose. The walk is iterative and bounded in
depth and in values looked at, so no state is too deep or too wide for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from liveread.addresses import safe_address
from liveread.parse.ids import key_from_url, normalise_id
from liveread.parse.richtext import Budget, rich_text
from liveread.parse.stateblobs import state_blobs
from liveread.parse.structured import StructuredBlog, StructuredPost, _authors, _Bodies
from liveread.parse.times import from_epoch, parse_time
from liveread.text import plain

MAX_NODES = 300_000
"""The most values looked at in one blob's walk, and in all of its posts' rich-text bodies."""
MAX_DEPTH = 64
"""The deepest a walk goes into a blob (orjson itself refuses blobs nested past 1024)."""
MAX_POSTS = 5000

_CAPITAL = re.compile(r"(?<=[a-z0-9])([A-Z])")


def _spellings(*keys: str) -> tuple[str, ...]:
    """Each key as listed, then in snake_case and kebab-case ("publishedAt", "published_at",
    "published-at"): states are written in all three, by the language of the site's back end."""
    spelled: dict[str, None] = {}
    for key in keys:
        snake = _CAPITAL.sub(r"_\1", key).lower()
        spelled.update(dict.fromkeys((key, snake, snake.strip("_").replace("_", "-"))))
    return tuple(spelled)


ID_KEYS = _spellings("id", "postId", "_id", "uuid", "key", "slug")
PUBLISHED_KEYS = _spellings(
    *("datePublished", "publishedAt", "published", "firstPublished", "firstPublishedAt"),
    *("publishedDate", "createdAt", "created", "timestamp", "date", "time"),
    *("display_date", "first_publish_date"),  # Arc's ANS
    "cardAddedAt",  # Quintype's cards: `"card-added-at": 1729500660000`
    *("publishTime", "publishDate", "pubDate", "createTime"),  # "publish_time": "2024-10-21 14:02"
)
UPDATED_KEYS = _spellings(
    *("dateModified", "updatedAt", "updated", "modifiedAt", "lastModified", "modified"),
    *("lastUpdated", "cardUpdatedAt"),
)
TIME_HOLDERS = ("dates", "timestamps", "times")
"""Keys of an object a post keeps its times in (`"dates": {"firstPublished": …}`)."""
BODY_KEYS = _spellings(
    *("body", "bodyHtml", "html", "content", "articleBody", "text", "blocks", "elements"),
    *("descriptor", "richText", "document", "content_elements", "storyElements"),
)
ITEM_BODY = re.compile(r"text|html|body|content", re.I)
"""Other names a body is held under as a list of items with HTML or text in each
(`"commentTextItems": [{"type": "HTML", "html": …}]`)."""
ITEM_TEXT_KEYS = ("html", "text")
TITLE_KEYS = _spellings("headline", "title", "headlines")
PAGE_TITLE_KEYS = (*TITLE_KEYS, "name")
URL_KEYS = _spellings("url", "permalink", "link", "shareUrl")
AUTHOR_KEYS = _spellings("author", "authors", "byline", "bylines", "credits")
KEY_EVENT_KEYS = _spellings(
    "keyEvent", "isKeyEvent", "key_event", "isKey", "highlighted", "isHighlighted"
)
PINNED_KEYS = _spellings("pinned", "isPinned", "sticky", "isSticky")
"""Keys whose `true` flags a post (a key event, pinned to the top)."""
REPLY_KEYS = _spellings("parentId", "inReplyTo", "replyTo", "replies", "replyCount", "upvotes")
"""Keys of comments: an array most of whose members have one is not the posts."""
READER_KEYS = (
    *("user", "username", "userName", "handle", "screenName", "nickname", "commenter"),
    *("likes", "likeCount", "votes", "voteCount", "upvotes", "downvotes", "reactions"),
    *REPLY_KEYS,
)
"""Keys of a reader's comment: who wrote it under a handle, and how others took it."""
PLAY_WORDS = frozenset(
    {"over", "overs", "ball", "inning", "innings", "minute", "period", "quarter", "clock", "lap"}
)
"""Words in the keys of a match commentary's entries (`overNumber`, `match_minute`): no
reader's comment is stamped with a moment of play."""

_NOT_POSTS = re.compile(r"repl(?:y|ies)|related|recommend|nav|menu|trending|teaser", re.I)
"""Arrays held under such names, or of objects of such types, are never the posts."""
_COMMENTS = re.compile(r"comment", re.I)
"""Arrays held under such names, or of objects of such types, are readers' comments, unless
their members are a match commentary's (`"comments": [{"overNumber": 15, …}]`)."""
_KEY_WORDS = re.compile(r"[a-z]+|[A-Z][a-z]*")
_POSTS = re.compile(r"post|update|entr(?:y|ies)|live|feed|timeline|ticker|event", re.I)
"""A name an array of posts is often held under: it wins a tie."""


def read_page_state(
    tree: LexborHTMLParser, page_url: str, zone: tzinfo | None = None
) -> StructuredBlog:
    """The posts of the page's state JSON, if any blob of it holds an array of posts. A time
    written without an offset is read in `zone` (the site's), else as UTC."""
    best: _Array | None = None
    for data in state_blobs(tree):
        for array in _post_arrays(data):
            if best is None or array.score > best.score:
                best = array
    blog = StructuredBlog()
    if best is None:
        return blog
    bodies = _Bodies()
    budget = Budget(MAX_NODES)
    posts = (_post(member, page_url, bodies, best.resolve, budget, zone) for member in best.members)
    blog.posts = [post for post in posts if post is not None]
    if not blog.posts:
        return blog
    blog.found = True
    blog.source = "pagestate"
    if best.holder is not None:
        blog.title = _title(best.holder, PAGE_TITLE_KEYS)
        blog.description = plain(_string(best.holder.get("description")) or "")
    blog.judge_sources()
    return blog


@dataclass(slots=True)
class _Array:
    members: list[dict[str, Any]]
    holder: dict[str, Any] | None
    """The object that holds the array: a blog, whose headline is the page's."""
    resolve: Callable[[Any], Any]
    score: tuple[int, bool, int]
    """Members with a time and a body; held under a post-like name; post-like members."""


def _post_arrays(data: Any) -> Iterator[_Array]:
    """Each array in `data` that holds posts: at least two post-like members (an id, a time,
    a body or headline), most of its members with a time and a body."""
    tables: list[dict[str, Any]] = []
    arrays = list(_arrays(data, tables))
    resolve = _resolver(tables)
    for array, holder, name in arrays:
        if _NOT_POSTS.search(name):
            continue
        members = [m for item in array[:MAX_POSTS] if isinstance(m := _member(item, resolve), dict)]
        if _comments(members, name):
            continue
        shapes = [_shape(member) for member in members]
        post_like = sum(
            1 for has_id, timed, body, title in shapes if has_id and timed and (body or title)
        )
        full = sum(1 for _, timed, body, _ in shapes if timed and body)
        if post_like >= 2 and full * 2 > len(members):
            yield _Array(members, holder, resolve, (full, bool(_POSTS.search(name)), post_like))


def _comments(members: list[dict[str, Any]], name: str) -> bool:
    """Whether `members` are comments (or the like): by reply keys; by their name or type
    unless they are a match's commentary."""
    replies = sum(1 for member in members if any(key in member for key in REPLY_KEYS))
    if replies * 2 > len(members):
        return True
    kind = (_string(members[0].get("__typename")) or "") if members else ""
    if _NOT_POSTS.search(kind):
        return True
    return bool(_COMMENTS.search(name) or _COMMENTS.search(kind)) and not _commentary(members)


def _commentary(members: list[dict[str, Any]]) -> bool:
    """Whether `members` are a match commentary's entries: most stamped with a moment of play
    (an over, a minute, a period), few with a reader's handle or likes."""
    played = sum(1 for member in members if _play_stamped(member))
    readers = sum(1 for member in members if any(key in member for key in READER_KEYS))
    return played >= 2 and played * 2 >= len(members) and readers * 4 < len(members)


def _play_stamped(member: dict[str, Any]) -> bool:
    return any(
        _usable(value) and any(word.lower() in PLAY_WORDS for word in _KEY_WORDS.findall(key))
        for key, value in member.items()
    )


def _arrays(
    data: Any, tables: list[dict[str, Any]]
) -> Iterator[tuple[list[Any], dict[str, Any] | None, str]]:
    """Each array of objects in `data` with the object holding it and its name there;
    Apollo's maps of normalised objects (with a `ROOT_QUERY`) are added to `tables`. Only
    the first `MAX_POSTS` items of an array are walked: one long list of links or ids costs
    no more than that, and leaves the budget for the rest of the state."""
    stack: list[tuple[Any, dict[str, Any] | None, str, int]] = [(data, None, "", 0)]
    budget = MAX_NODES
    while stack and budget > 0:
        value, holder, name, depth = stack.pop()
        if isinstance(value, dict):
            budget -= len(value)
            if "ROOT_QUERY" in value:
                tables.append(value)
            if depth < MAX_DEPTH:
                stack.extend(
                    (item, value, key, depth + 1)
                    for key, item in value.items()
                    if isinstance(item, dict | list)
                )
        elif isinstance(value, list):
            if len(value) > MAX_POSTS:
                value = value[:MAX_POSTS]
            budget -= len(value)
            if len(value) >= 2 and isinstance(value[0], dict):
                yield value, holder, name.split("(", 1)[0]
            if depth < MAX_DEPTH:
                stack.extend(
                    (item, None, name, depth + 1) for item in value if isinstance(item, dict | list)
                )


def _resolver(tables: list[dict[str, Any]]) -> Callable[[Any], Any]:
    """Follows an Apollo reference (`{"__ref": "Post:1"}`, or Apollo 2's `{"type": "id",
    "id": "Post:1"}`) to the object it names; any other value is itself."""

    def resolve(value: Any) -> Any:
        if not (tables and isinstance(value, dict)):
            return value
        ref = value.get("__ref")
        if ref is None and value.get("type") == "id" and "generated" in value:
            ref = value.get("id")
        if not isinstance(ref, str):
            return value
        for table in tables:
            if isinstance(found := table.get(ref), dict):
                return found
        return None

    return resolve


def _member(item: Any, resolve: Callable[[Any], Any]) -> Any:
    """A member of an array, its reference followed and a Relay edge (`{"node": …}`) opened."""
    item = resolve(item)
    if isinstance(item, dict) and isinstance(node := item.get("node"), dict) and "id" not in item:
        return resolve(node)
    return item


def _shape(obj: dict[str, Any]) -> tuple[bool, bool, bool, bool]:
    """Whether `obj` has an id, a time, a body and a headline (by their keys, not yet read)."""
    return (
        any(_usable(obj.get(key)) for key in ID_KEYS),
        any(_usable(held.get(key)) for held in _time_holders(obj) for key in PUBLISHED_KEYS),
        any(obj.get(key) for key in BODY_KEYS) or _item_body(obj) is not None,
        any(obj.get(key) for key in TITLE_KEYS),
    )


def _item_body(obj: dict[str, Any]) -> list[Any] | None:
    """A body held under a name not in `BODY_KEYS`, as a list of items each with its HTML or
    text (`"commentTextItems": [{"html": …}]`)."""
    for key, value in obj.items():
        if (
            isinstance(value, list)
            and value
            and key not in BODY_KEYS
            and ITEM_BODY.search(key)
            and all(_item_text(item) for item in value[:20])
        ):
            return value
    return None


def _item_text(item: Any) -> bool:
    return isinstance(item, dict) and any(
        isinstance(text := item.get(key), str) and text for key in ITEM_TEXT_KEYS
    )


def _usable(value: Any) -> bool:
    return (isinstance(value, str) and bool(value)) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


# Reading the posts.


def _post(
    obj: dict[str, Any],
    page_url: str,
    bodies: _Bodies,
    resolve: Callable[[Any], Any],
    budget: Budget,
    zone: tzinfo | None = None,
) -> StructuredPost | None:
    """The post `obj` describes, or None if it has neither body nor headline."""
    title = _title(obj)
    raw = ""
    for name in BODY_KEYS:
        value = obj.get(name)
        if not title and isinstance(value, list) and (heading := _title_element(value)):
            title, value = heading, value[1:]
        if raw := _body(value, budget):
            break
    if not raw and (items := _item_body(obj)) is not None:
        raw = rich_text(items, budget)
    if not (title or raw):
        return None
    url = next((url for key in URL_KEYS if (url := _address(obj.get(key)))), None)
    key = key_from_url(url) if url else None
    if key is None:
        ident = next((obj[k] for k in ID_KEYS if _usable(obj.get(k))), None)
        key = normalise_id(str(ident)) if ident is not None else None
    authors = next((value for key in AUTHOR_KEYS if (value := obj.get(key))), None)
    if isinstance(authors, dict) and "by" in authors:  # Arc's `"credits": {"by": […]}`
        authors = authors["by"]
    if isinstance(authors, list):
        authors = [resolve(author) for author in authors[:50]]
    post = StructuredPost(
        key=key,
        url=safe_address(url, page_url),
        published=_first_time(obj, PUBLISHED_KEYS, zone),
        updated=_first_time(obj, UPDATED_KEYS, zone),
        title=title,
        authors=_authors(resolve(authors)),
        key_event=any(_flagged(obj, key) for key in KEY_EVENT_KEYS),
        pinned=any(_flagged(obj, key) for key in PINNED_KEYS),
    )
    bodies.add(post, raw)
    return post


def _title_element(elements: list[Any]) -> str:
    """The title a list of body elements opens with, as a post without a headline holds it
    (Quintype's `"story-elements": [{"type": "title", "text": …}, …]`)."""
    first = elements[0] if elements else None
    if isinstance(first, dict) and first.get("type") == "title":
        return _title(first, ("text",))
    return ""


def _flagged(obj: dict[str, Any], key: str) -> bool:
    """Whether `obj` says `key` of itself: `true`, or a flags object's (`"attributes":
    {"keyEvent": true}`)."""
    if obj.get(key) is True:
        return True
    return any(
        isinstance(held := obj.get(name), dict) and held.get(key) is True for name in FLAG_HOLDERS
    )


FLAG_HOLDERS = ("attributes", "flags", "meta")
"""Objects a post keeps its flags in (the Guardian's `attributes`)."""


def _title(obj: dict[str, Any], keys: tuple[str, ...] = TITLE_KEYS) -> str:
    return plain(next((text for key in keys if (text := _string(obj.get(key)))), ""))


def _body(value: Any, budget: Budget) -> str:
    """A body's raw text: HTML or plain as the state gives it, or rich text's paragraphs,
    one a line."""
    text = _string(value)
    return text if text is not None else rich_text(value, budget)


def _string(value: Any) -> str | None:
    """A string, or the one a rich value carries (WordPress's `{"rendered": …}`)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("rendered", "text", "value", "html", "basic"):  # Arc: `headlines.basic`
            if isinstance(inner := value.get(key), str):
                return inner
    return None


def _address(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("href") or value.get("url")
    return value if isinstance(value, str) else None


def _first_time(obj: dict[str, Any], keys: tuple[str, ...], zone: tzinfo | None) -> datetime | None:
    for held in _time_holders(obj):
        for key in keys:
            if (when := _time(held.get(key), zone)) is not None:
                return when
    return None


def _time_holders(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """`obj`, and the objects of times it holds (`"dates": {…}`)."""
    return [obj, *(held for key in TIME_HOLDERS if isinstance(held := obj.get(key), dict))]


def _time(value: Any, zone: tzinfo | None = None) -> datetime | None:
    """An ISO (or other written) time, one without an offset in `zone`, or epoch seconds or
    milliseconds; small numbers (a match minute, a duration) are no time."""
    if isinstance(value, str):
        if value.isdigit() and len(value) >= 9:
            return from_epoch(value)
        return parse_time(value, local_zone=zone)
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 1e8:
        return from_epoch(value)
    return None
