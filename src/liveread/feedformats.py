"""Reading syndication feeds: RSS and Atom (with feedparser) and JSON Feed 1.0/1.1 (by its
spec, with the json module), into the few facts a source needs of each item: its address,
title, publication time and categories. Nothing here fetches anything."""

from __future__ import annotations

import json
import re
import time
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

FEED_ONLY_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
"""Media types that say a document is a feed."""
MAYBE_FEED_TYPES = frozenset({"application/xml", "text/xml", "application/json"})
"""Media types feeds are served as among other documents: the document's first bytes tell."""
FEED_TYPES = FEED_ONLY_TYPES | MAYBE_FEED_TYPES

# The document's first element, past an XML declaration, comments and a doctype.
_XML_ROOT = re.compile(
    r"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?(rss|feed|RDF)[\s>/]",
    re.S | re.I,
)
_JSON_FEED = re.compile(r'\s*\{.*?"version"\s*:\s*"https?://jsonfeed\.org/version/1', re.S)
SNIFF_CHARS = 4096


class NotAFeed(Exception):
    """A document that is no feed liveread reads; str() is the reason."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    title: str = ""
    published: datetime | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedDocument:
    title: str
    items: list[FeedItem]


def is_feed(text: str, content_type: str | None) -> bool:
    """Whether a fetched document is a feed: by its media type, or its first bytes."""
    media = (content_type or "").split(";")[0].strip().lower()
    return media in FEED_ONLY_TYPES or looks_like_feed(text)


def looks_like_feed(text: str) -> bool:
    """Whether the document's first bytes are those of an RSS, Atom or JSON Feed document."""
    start = text[:SNIFF_CHARS].lstrip("\ufeff")
    return bool(_XML_ROOT.match(start) or _JSON_FEED.match(start))


def read_feed(text: str, url: str) -> FeedDocument:
    """The feed in `text`, fetched from `url` (relative item addresses resolve against it).
    NotAFeed, with the reason, for a document that is not one or cannot be read."""
    if text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return read_json_feed(text, url)
    return _read_xml_feed(text, url)


def _read_xml_feed(text: str, url: str) -> FeedDocument:
    import feedparser

    # Bytes, so feedparser never takes the text for an address to fetch; the text is decoded
    # already, and an HTTP charset outranks the document's own declaration.
    parsed = feedparser.parse(
        text.encode("utf-8"),
        response_headers={
            "content-type": "application/xml; charset=utf-8",
            "content-location": url,
        },
    )
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        raise NotAFeed(f"not a readable feed ({problem})" if problem else "not a readable feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or _alternate(entry)
        if not link:
            continue
        items.append(
            FeedItem(
                url=urljoin(url, link),
                title=_one_line(entry.get("title", "")),
                published=_struct_time(
                    entry.get("published_parsed") or entry.get("updated_parsed")
                ),
                categories=tuple(tag["term"] for tag in entry.get("tags", ()) if tag.get("term")),
            )
        )
    return FeedDocument(_one_line(parsed.feed.get("title", "")), items)


def read_json_feed(text: str, url: str) -> FeedDocument:
    """A JSON Feed (https://jsonfeed.org/version/1.1): `version`, `title`, and each item's
    `url` (else `external_url`), `title`, `date_published` and `tags`."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise NotAFeed(f"not a readable feed (JSON: {error})") from None
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not version.startswith(
        ("https://jsonfeed.org/version/1", "http://jsonfeed.org/version/1")
    ):
        raise NotAFeed("not a readable feed (JSON without a JSON Feed version)")
    items = []
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = _text(item.get("url")) or _text(item.get("external_url"))
        if not link:
            continue
        tags = item.get("tags")
        items.append(
            FeedItem(
                url=urljoin(url, link),
                title=_one_line(_text(item.get("title"))),
                published=_rfc3339(_text(item.get("date_published"))),
                categories=tuple(t for t in tags if isinstance(t, str))
                if isinstance(tags, list)
                else (),
            )
        )
    return FeedDocument(_one_line(_text(data.get("title"))), items)


def _alternate(entry: Any) -> str:
    for link in entry.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return ""


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _struct_time(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromtimestamp(timegm(value), UTC)


def _rfc3339(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
