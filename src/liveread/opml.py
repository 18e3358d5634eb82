"""Followed feeds as OPML 2.0, and the feeds an OPML file lists: the list feed readers
exchange.

Each feed is one outline as newsboat and FreshRSS write them: `type="rss"`, `text` and
`title` (the feed's title), `xmlUrl` (the address liveread fetches) and `htmlUrl` (the
address the blog is known by). Reading, every outline with an `xmlUrl` (or newsboat's
older `url`) counts, however deep in categories it is; the others are categories. Other
readers' `htmlUrl` is mostly a site's front page, so it is not read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime
from email.utils import format_datetime
from typing import NamedTuple

from liveread.store import Feed
from liveread.text import squash

MAX_BYTES = 10_000_000
"""A bigger file is refused unread: a list of feeds is a few kilobytes."""

# What XML 1.0 cannot hold at all, even escaped (a title is scrubbed of controls first).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OpmlError(ValueError):
    """A file that is not an OPML list of feeds; str() says which and why, in one line."""


class Outline(NamedTuple):
    """One feed an OPML file lists, as written there."""

    xml_url: str
    title: str


def default_filename(at: datetime) -> str:
    return f"liveread-feeds-{at.strftime('%Y%m%d-%H%M%S')}.opml"


def to_opml(feeds: Iterable[Feed], *, created: datetime) -> str:
    """Every feed of `feeds` as an OPML 2.0 document."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "liveread feeds"
    ET.SubElement(head, "dateCreated").text = format_datetime(created, usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        title = _xml_text(feed.title)
        ET.SubElement(
            body,
            "outline",
            type="rss",
            text=title or feed.url,  # OPML 2.0 wants text on every outline
            title=title,
            xmlUrl=feed.url,
            htmlUrl=feed.canonical_url or feed.url,
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def read_opml(data: bytes, name: str) -> list[Outline]:
    """The feeds the OPML document `data` (the file `name`) lists, in order. OpmlError for
    anything else: not XML, not OPML, or a document type declaration."""
    if len(data) > MAX_BYTES:
        raise OpmlError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB: not a list of feeds")
    # defusedxml is not a dependency: a DOCTYPE is refused as the parser meets it, before any
    # entity it declares is read, so no entity can expand ("billion laughs"), and expat
    # fetches no external entity.
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as error:
        raise OpmlError(f"{name}: not well-formed XML ({error})") from None
    except _DoctypeRefused:
        raise OpmlError(
            f"{name}: has a document type declaration (DOCTYPE): refused, as OPML needs none"
        ) from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise OpmlError(f"{name}: not an OPML file (no <opml> with a <body>)")
    found = []
    for outline in body.iter("outline"):
        address = (outline.get("xmlUrl") or outline.get("url") or "").strip()
        if not address:
            continue  # a category: its outlines are read on their own
        title = (outline.get("title") or outline.get("text") or "").strip()
        found.append(Outline(address, "" if title == address else title))
    return found


def _xml_text(title: str) -> str:
    return _NOT_XML.sub("", squash(title))


class _DoctypeRefused(Exception):
    pass


class _NoDoctype(ET.TreeBuilder):
    """A tree builder that stops the parse at a document type declaration."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _DoctypeRefused
