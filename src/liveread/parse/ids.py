"""Entry identity: one key for a post however a site spells its id.

The same Guardian post is `block-646219…` in the DOM and `646219…` in JSON-LD; an Independent
post is `post-1288914` in the DOM and `…html/#liveblogPost1288914` in JSON-LD. Both sides go
through `normalise_id` so they meet.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from liveread.text import squash

_PREFIX = re.compile(r"^(?:block-|post[-_]|liveblogpost[-_]?|entry[-_]|update[-_]|p-)", re.I)
_PREFIX_STARTS = frozenset("bBeElLpPuU")


def normalise_id(raw: str) -> str | None:
    raw = squash(raw).lstrip("#")
    if not raw:
        return None
    key = _PREFIX.sub("", raw) if raw[0] in _PREFIX_STARTS else raw
    return key or raw


_DATA_ID = re.compile(
    r"data-(?:id|uuid|(?:[a-z]+-)*(?:post|entry|item|event|news|update|article|message)-?id)"
)
"""An attribute naming a post's own id: `data-id`, `data-post-id`, `data-postid`,
`data-entry-id`, `data-tickaroo-event-id`; not `data-author-id` or `data-video-id`."""


def data_id(attributes: dict[str, str | None]) -> str | None:
    """A post's id from the first of its `data-` attributes that names one."""
    for name, value in attributes.items():
        if not value or not name.startswith("data-") or not _DATA_ID.fullmatch(name):
            continue
        if key := normalise_id(value):
            return key
    return None


def key_from_url(url: str) -> str | None:
    """A post id from a permalink: its fragment, or a `post`/`postid`/`block` query value."""
    if "#" in url:
        return normalise_id(url.rsplit("#", 1)[1])
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.fragment:
        return normalise_id(parts.fragment)
    query = parse_qs(parts.query)
    for name in ("post", "postid", "post-id", "page"):
        if values := query.get(name):
            value = values[0].removeprefix("with:").removeprefix("asset:")
            return normalise_id(value)
    if not parts.scheme and not parts.netloc and "/" not in url:
        return normalise_id(url)  # a bare id such as Guardian's "646219928f08e408b758af95"
    return None


def derived_key(published: datetime | None, title: str, text: str) -> str:
    """A key for posts with no id of their own: a hash of time and title (or opening words)."""
    basis = f"{published.isoformat() if published else ''}\x1f{title or text[:200]}"
    return "h" + hashlib.sha1(basis.encode()).hexdigest()[:16]


def is_derived(key: str) -> bool:
    """Whether `key` is one `derived_key` made (the page gave the post no id of its own)."""
    return len(key) == DERIVED_LENGTH and key[0] == "h" and _HEX.fullmatch(key, 1) is not None


DERIVED_LENGTH = 17
_HEX = re.compile(r"[0-9a-f]+")
