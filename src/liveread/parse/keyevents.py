"""Key events a page lists: the posts a list of key events links to ("#post-7").

A box labelled as the page's key events ("Key events", "Die wichtigsten Ereignisse",
"Moments clés": `cleanwords.KEY_EVENT_LISTS`), or a list outside the posts whose items link
to a few of them, names the posts that matter most; a list linking to most of them is a table
of contents, not key events.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from liveread.cleanwords import KEY_EVENT_LISTS
from liveread.parse.adapter import Node
from liveread.parse.blocks import HEADINGS
from liveread.parse.timewords import spellings_pattern
from liveread.parse.tree import Owners, link_fragment
from liveread.text import squash


def key_events_listed(body: Node, posts: list[Node]) -> set[int]:
    """The posts (of `posts`) a list of key events on the page links to ("#post-7"): links
    in a box labelled so ("Key events", "Das Wichtigste", "Moments clés"), or a list outside
    the posts whose items link to a few of them (one linking to most is a table of contents)."""
    if body.css_first("a[href*='#']") is None:
        return set()  # most pages: no link to a place on the page at all
    by_id = {ident: post.mem_id for post in posts if (ident := post.attributes.get("id"))}
    if not by_id:
        return set()
    listed: set[int] = set()
    for box in _labelled_key_event_boxes(body):
        listed.update(_targets(box, by_id))
    owners = Owners(post.mem_id for post in posts)
    lists: dict[int, set[int]] = defaultdict(set)
    for link in body.css("li a[href*='#']"):
        target = by_id.get(link_fragment(link))
        item = link.parent
        while item is not None and item.tag != "li":
            item = item.parent
        if target is not None and item is not None and owners.of(link) is None:
            lists[item.parent.mem_id if item.parent is not None else 0].add(target)
    for targets in lists.values():
        if len(targets) >= 2 and len(targets) * 2 <= len(posts):
            listed.update(targets)
    return listed


def _labelled_key_event_boxes(body: Node) -> Iterator[Node]:
    for element in body.css(KEY_EVENT_BOXES):
        label = element.attributes.get("aria-label") or (
            element.text(deep=True) if element.tag in HEADINGS else ""
        )
        if not label or len(label) > KEY_EVENT_LABEL:
            continue
        if not _KEY_EVENT_LIST.fullmatch(squash(label)):
            continue
        box: Node | None = element
        if element.tag in HEADINGS:  # the box the heading heads, its links and all
            box = element.parent
            if box is not None and box.css_first("a[href*='#']") is None:
                box = box.parent
        if box is not None:
            yield box


def _targets(box: Node, by_id: dict[str, int]) -> Iterator[int]:
    for link in box.css("a[href*='#']"):
        if (post := by_id.get(link_fragment(link))) is not None:
            yield post


KEY_EVENT_BOXES = "h2, h3, h4, h5, h6, [aria-label]"
KEY_EVENT_LABEL = 60
_KEY_EVENT_LIST = re.compile(
    spellings_pattern(phrase for phrases in KEY_EVENT_LISTS.values() for phrase in phrases)
    + r"\W*",
    re.IGNORECASE,
)
