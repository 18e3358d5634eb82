"""The fallback for pages no site adapter knows: repeated sibling blocks that each carry a time.

A time is a `time`/`[datetime]` element, an epoch `data-*` attribute, or a closing
"Author + date" byline ("Tom Watling15 November 2024 06:00"). The group of same-tag siblings
under one parent with the most timed members is the list of posts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from liveread.clean import promo_line
from liveread.parse.adapter import Adapter, Flags, Node
from liveread.parse.times import from_epoch, parse_day_month_time, parse_time
from liveread.text import squash

TIME_SELECTOR = (
    "time, [datetime], [data-timestamp], [data-post-time], [data-sort-time], [data-published]"
)
EPOCH_ATTRIBUTES = ("data-post-time", "data-sort-time", "data-timestamp", "data-published")
BYLINE = re.compile(
    r"^(?P<author>\D{2,80}?)\s*(?P<when>\d{1,2} [A-Z][a-z]+ \d{4},? \d{1,2}[:.]\d{2})$"
)
BYLINE_PARTS = "p, div, span, footer, small"
BYLINE_TEXT = 120
"""The longest byline, squashed."""
BYLINE_RAW_TEXT = 4000
"""The longest text, as written, worth squashing to see whether it is a byline."""
MIN_POSTS = 2
MAX_DEPTH = 8
LEAD_TEXT = 80
"""Paragraph text allowed before a post's title (a kicker, a byline) before it is not one."""
ZONES_BY_SUFFIX = (
    (".uk", "Europe/London"),
    (".ie", "Europe/Dublin"),
    (".it", "Europe/Rome"),
    (".fr", "Europe/Paris"),
    (".de", "Europe/Berlin"),
    (".es", "Europe/Madrid"),
    (".au", "Australia/Sydney"),
)


def zone_for(url: str) -> str:
    host = urlsplit(url).hostname or ""
    for suffix, name in ZONES_BY_SUFFIX:
        if host.endswith(suffix):
            return name
    return "UTC"


class Generic(Adapter):
    name = "generic"
    trust_dom_times = False
    """Unknown templates: per-post structured times, where there are any, win."""
    title_selector = "h1, h2, h3, h4"

    def __init__(self, page_url: str) -> None:
        self.zone = zone_for(page_url)
        self._bylines: dict[int, tuple[str, datetime]] = {}

    def post_nodes(self, tree: LexborHTMLParser) -> list[Node]:
        body = tree.body
        if body is None:
            return []
        # Timed elements and closing bylines each propose a group; the larger wins, so one
        # `time` in the page header does not hide a list of posts that only have bylines.
        timed = _best_group(body.css(TIME_SELECTOR))
        bylined = _best_group(self._byline_nodes(body))
        posts = max(timed, bylined, key=len)
        return posts if len(posts) >= MIN_POSTS else []

    def _byline_nodes(self, body: Node) -> list[Node]:
        found = []
        # An element holding one whose text is too long for a byline has too long a text
        # itself: innermost first, each such element passes that on to its parent, so deep
        # nesting costs no text (or squash) of every element's whole subtree.
        too_long: set[int] = set()
        for node in reversed(body.css(BYLINE_PARTS)):
            if node.mem_id not in too_long:
                raw = node.text(deep=True)
                text = squash(raw) if len(raw) <= BYLINE_RAW_TEXT else raw
                if len(text) <= BYLINE_TEXT:
                    if self._is_byline(node, text):
                        found.append(node)
                    continue
            if (parent := node.parent) is not None:
                too_long.add(parent.mem_id)
        found.reverse()
        return found

    def _is_byline(self, node: Node, text: str) -> bool:
        if not (match := BYLINE.match(text)):
            return False
        when = parse_day_month_time(match["when"], local_zone=self.zone)
        if when is None:
            return False
        self._bylines[node.mem_id] = (match["author"].strip(), when)
        return True

    def _byline(self, node: Node) -> tuple[Node, str, datetime] | None:
        candidates = [n for n in node.css(BYLINE_PARTS) if n.mem_id in self._bylines]
        if not candidates:
            return None
        last = candidates[-1]
        author, when = self._bylines[last.mem_id]
        return last, author, when

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        stamps = [
            parse_time(t.attributes.get("datetime"), local_zone=self.zone)
            for t in node.css("[datetime]")
        ]
        found = [stamp for stamp in stamps if stamp is not None]
        if found:
            return found[0], max(found) if max(found) > found[0] else None
        for attribute in EPOCH_ATTRIBUTES:
            if when := from_epoch(node.attributes.get(attribute)):
                return when, None
        byline = self._byline(node)
        return (byline[2], None) if byline else (None, None)

    def flags(self, node: Node, key: str | None) -> Flags:
        """Flags from `data-*` attributes or class names the template puts on the post."""
        attrs = node.attributes
        names = (attrs.get("class") or "").casefold()

        def flagged(attribute: str, *words: str) -> bool:
            value = (attrs.get(attribute) or "").casefold()
            return value in ("true", "1", "yes") or any(w in names for w in words)

        return {
            "key_event": flagged("data-key-event", "key-event", "keyevent", "key_event"),
            "pinned": flagged("data-pinned", "is-pinned", "pinned-post"),
            "breaking": flagged("data-breaking", "breaking"),
            "summary": flagged("data-summary", "is-summary"),
        }

    def authors(self, node: Node) -> list[str]:
        if byline := self._byline(node):
            return [byline[1]]
        named = node.css("[rel='author'], [itemprop='author'], .author, .byline")
        names = [squash(n.text(deep=True)) for n in named]
        return list(dict.fromkeys(n for n in names if n and len(n) < 80))

    def body(self, node: Node) -> list[Node]:
        byline = self._byline(node)
        if byline is not None:
            byline[0].decompose()
        for part in node.css("time, [rel='author'], [itemprop='author'], .author, .byline, header"):
            part.decompose()
        heading = self._title_heading(node)
        if heading is not None and not heading.css_first("a[href]"):
            heading.decompose()
        return [node]

    def title(self, node: Node) -> str:
        heading = self._title_heading(node)
        return squash(heading.text(deep=True)) if heading is not None else ""

    def _title_heading(self, node: Node) -> Node | None:
        """The post's own heading: the first one that is not promotional, unless running text
        comes before it (then it heads something inside the post, such as a related card)."""
        lead = 0
        for element in node.css(f"{self.title_selector}, p"):
            if element.tag != "p":
                if promo_line(element.text(deep=True)):
                    continue  # a donation ask's heading: the cleaner removes it with the ask
                return element
            lead += len(squash(element.text(deep=True)))
            if lead > LEAD_TEXT:
                return None
        return None


def _best_group(markers: list[Node]) -> list[Node]:
    """The same-tag siblings under one parent that hold the most markers."""
    groups: dict[tuple[int, str | None], dict[int, Node]] = defaultdict(dict)
    for marker in markers:
        node = marker
        for _ in range(MAX_DEPTH):
            parent = node.parent
            if parent is None or not parent.is_element_node or parent.tag == "html":
                break
            groups[(parent.mem_id, node.tag)][node.mem_id] = node
            node = parent
    return list(max(groups.values(), key=_group_score, default={}).values())


def _group_score(group: dict[int, Node]) -> tuple[int, int]:
    """More posts wins; among equals, the deeper group (smaller posts) wins."""
    members = list(group.values())
    return len(members), -sum(len(m.html or "") for m in members[:3])
