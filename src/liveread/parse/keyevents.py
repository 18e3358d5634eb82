"""Key events a page lists: the posts a list of key events links to ("#post-7", or
"?update=7" on pages that address their posts by a query).

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
    if body.css_first(_LINKS) is None:
        return set()  # most pages: no link to a place on the page at all
    by_id = _posts_by_id(posts)
    if not by_id:
        return set()
    listed: set[int] = set()
    for box in _labelled_key_event_boxes(body):
        listed.update(_targets(box, by_id))
    owners = Owners(post.mem_id for post in posts)
    lists: dict[int, set[int]] = defaultdict(set)
    for link in body.css(_LISTED_LINKS):
        target = _target(link, by_id)
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
            if box is not None and box.css_first(_LINKS) is None:
                box = box.parent
        if box is not None:
            yield box


def _targets(box: Node, by_id: dict[str, int]) -> Iterator[int]:
    for link in box.css(_LINKS):
        if (post := _target(link, by_id)) is not None:
            yield post


def _posts_by_id(posts: list[Node]) -> dict[str, int]:
    """The posts by their ids ("update-2861203"), and by the number that ends one
    ("2861203"; not a short one, which a link to "?page=2" may give)."""
    by_id: dict[str, int] = {}
    for post in posts:
        if ident := post.attributes.get("id"):
            by_id[ident] = post.mem_id
            number = _ENDING_NUMBER.search(ident)
            if number is not None:
                by_id.setdefault(number[1], post.mem_id)
    return by_id


def _target(link: Node, by_id: dict[str, int]) -> int | None:
    """The post a link points to: by its fragment ("#update-7"), or by a value of its query
    ("?update=2861203", "?post=update-2861203") when it has no fragment."""
    if fragment := link_fragment(link):
        return by_id.get(fragment)
    query = (link.attributes.get("href") or "").partition("?")[2]
    for pair in query.split("&"):
        if (post := by_id.get(pair.partition("=")[2])) is not None:
            return post
    return None


_LINKS = "a[href*='#'], a[href*='?']"
_LISTED_LINKS = "li a[href*='#'], li a[href*='?']"
_ENDING_NUMBER = re.compile(r"[-_]([0-9]{4,})$")
KEY_EVENT_BOXES = "h2, h3, h4, h5, h6, [aria-label]"
KEY_EVENT_LABEL = 60
_KEY_EVENT_LIST = re.compile(
    spellings_pattern(phrase for phrases in KEY_EVENT_LISTS.values() for phrase in phrases)
    + r"\W*",
    re.IGNORECASE,
)
