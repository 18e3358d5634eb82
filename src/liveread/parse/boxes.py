"""The boxes a page's posts are, for the box reader (`generic`): of the elements holding
times, the siblings of one tag under one parent that hold the most (`best_group`); with them,
the untimed siblings of their shape, not the paid boxes among them (`with_their_shape`); and
the posts of that shape in a pinned list or box just above or below (`lists_beside`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from liveread.parse.adapter import Node
from liveread.parse.tree import only_element, unfolded
from liveread.text import letter_count

MAX_DEPTH = 8
"""How far up from a time its post is looked for."""


def best_group(markers: list[Node]) -> list[Node]:
    """The same-tag siblings under one parent that hold the most markers; among equals, the
    deeper group (smaller posts). A group that is a list of teasers (a key-events carousel
    above the feed, timed headlines in a sidebar) gives way to the next largest list; when
    every list is one, the largest is the reading (and is refused as teasers)."""
    groups: dict[tuple[int, str | None], dict[int, Node]] = defaultdict(dict)
    climbed: dict[int, int] = {}
    """Element -> how many more steps a walk went from it: a walk that reaches an element
    another walk left with as many steps or more to go has nothing new above it."""
    for marker in markers:
        node, ident, tag = marker, marker.mem_id, marker.tag  # each element's read once
        for step in range(MAX_DEPTH):
            left = MAX_DEPTH - step
            if climbed.get(ident, 0) >= left:
                break
            climbed[ident] = left
            parent = node.parent
            if parent is None or not parent.is_element_node:
                break
            parent_tag = parent.tag
            if parent_tag == "html":
                break
            parent_ident = parent.mem_id
            groups[(parent_ident, tag)][ident] = node
            node, ident, tag = parent, parent_ident, parent_tag
    largest = [list(group.values()) for group in _largest(groups.values(), TEASER_LISTS + 1)]
    return next(
        (group for group in largest if len(group) >= 2 and not _teasers(group)),
        largest[0] if largest else [],
    )


def _largest(groups: Iterable[dict[int, Node]], count: int) -> list[dict[int, Node]]:
    """The `count` largest `groups`, the smaller posts first among equals (only those are
    measured: a group's size is its members' HTML)."""
    by_length: dict[int, list[dict[int, Node]]] = defaultdict(list)
    for group in groups:
        by_length[len(group)].append(group)
    found: list[dict[int, Node]] = []
    for length in sorted(by_length, reverse=True):
        tied = by_length[length]
        found += sorted(tied, key=_size) if len(tied) > 1 else tied
        if len(found) >= count:
            break
    return found[:count]


TEASER_LISTS = 3
"""How many lists of teasers, largest first, may stand before the posts' list."""
TEASER_LINKS = 0.5
"""The share of a list's text inside links above which it is a list of teasers."""


def _teasers(members: list[Node]) -> bool:
    """Whether the list `members` make is mostly link text: headlines, not posts (judged by
    its first few: a list of teasers is one of a kind)."""
    total = linked = 0
    for member in members[:TEASER_SAMPLE]:
        total += letter_count(member.text(deep=True))
        linked += sum(letter_count(link.text(deep=True)) for link in member.css("a"))
    return linked > TEASER_LINKS * total


TEASER_SAMPLE = 5
"""How many members of a list are measured for its link text."""


def _size(group: dict[int, Node]) -> int:
    return sum(len(member.html or "") for member in list(group.values())[:3])


def with_their_shape(members: list[Node]) -> list[Node]:
    """`members` (siblings holding a time) with the siblings of their shape that hold none,
    in page order: same tag, and a class name most of the timed ones share (or, where they
    have none, none); those in a `details` among them too (earlier posts folded away)."""
    tag = members[0].tag
    counts: dict[str, int] = defaultdict(int)
    for member in members:
        for name in _classes(member):
            counts[name] += 1
    shared = {name for name, count in counts.items() if count * 2 > len(members)}
    parent = members[0].parent
    if parent is not None and parent.tag == "details" and parent.parent is not None:
        parent = parent.parent  # the folded posts outnumber the shown ones
    siblings = unfolded(parent) if parent is not None else iter(members)
    timed = {member.mem_id for member in members}

    def fits(node: Node) -> bool:
        if node.mem_id in timed:
            return True
        names = _classes(node)
        return bool(names & shared if shared else not names) and not _sponsored(node)

    return [node for node in siblings if node.tag == tag and fits(node)]


def lists_beside(feed: list[Node]) -> tuple[list[Node], list[Node]]:
    """Posts of the feed's shape in the elements just before and after its list (a pinned
    list or box above a Tickaroo, 24liveblog or SVT feed): elements with the posts' tag and
    every class the posts share, or, where each post wraps one element (`li > article`),
    with that element's tag and classes. Not a list as long as the feed: the feed's second
    rendering (one for small screens, one for large), whose posts are the feed's again."""
    box = feed[0].parent
    if box is None:
        return [], []
    above, below = _elements_beside(box, -1), _elements_beside(box, 1)
    if not above and not below:
        return [], []  # the feed's list stands alone: its posts' shape is not needed
    shapes = [shape for shape in (_shape(feed), _shape(_inner(feed))) if shape is not None]
    if not shapes:
        return [], []

    def members(neighbours: list[Node]) -> list[Node]:
        for neighbour in neighbours:
            found: list[Node] = []
            elements = 0
            for node in neighbour.traverse():
                elements += 1
                if any(_has_shape(node, shape) for shape in shapes) and not _sponsored(node):
                    found.append(node)
            if found:
                return found
            if elements > SLOT_ELEMENTS:
                break  # not an ad slot between the feed and a list: no list of its posts
        return []

    lists = members(above), members(below)
    return (
        [] if len(lists[0]) >= len(feed) >= RENDERED_TWICE else lists[0],
        [] if len(lists[1]) >= len(feed) >= RENDERED_TWICE else lists[1],
    )


RENDERED_TWICE = 3
"""The fewest posts of a feed a list beside it as long as it is a second rendering of."""


NEAR_LISTS = 2
"""How many elements beside the feed's list a list of its posts' shape may stand apart from
it: the next one, or the one past an ad slot between them."""
SLOT_ELEMENTS = 8
"""The most elements an ad slot between the feed and a list beside it has."""


def _elements_beside(node: Node, step: int) -> list[Node]:
    """The `NEAR_LISTS` elements nearest `node` among its siblings, before (`step` -1) or
    after (1) it."""
    found: list[Node] = []
    while len(found) < NEAR_LISTS and (beside := _element_beside(node, step)) is not None:
        found.append(beside)
        node = beside
    return found


_Shape = tuple[str, frozenset[str]]
"""A tag and the classes an element of that shape has (all of them)."""


def _shape(nodes: list[Node]) -> _Shape | None:
    """The tag and the classes all of `nodes` share, if they have one tag and share some."""
    if not nodes or len({node.tag for node in nodes}) != 1:
        return None
    shared = frozenset.intersection(*(_classes(node) for node in nodes))
    return (nodes[0].tag or "", shared) if shared else None


def _has_shape(node: Node, shape: _Shape) -> bool:
    return node.tag == shape[0] and shape[1] <= _classes(node)


def _classes(node: Node) -> frozenset[str]:
    return frozenset((node.attributes.get("class") or "").split())


def _inner(posts: list[Node]) -> list[Node]:
    """The one element each post wraps (`li > article`), or none if some post has more."""
    inner = [only_element(post) for post in posts]
    return [element for element in inner if element is not None] if None not in inner else []


def _element_beside(node: Node, step: int) -> Node | None:
    """The element just before (`step` -1) or after (1) `node` among its siblings."""
    sibling = node.prev if step < 0 else node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.prev if step < 0 else sibling.next
    return sibling


_SPONSORED = re.compile(
    r"sponsor|advert|promoted|paid[-_]?(?:post|content)|(?:\b|[-_])(?:ads?|promo)\b"
)
"""What the class or `data-` attributes of a paid box in the list of posts say: a
"scrbbl-post--sponsored", a `data-sponsored`, a "post post--ad"."""


def _sponsored(node: Node) -> bool:
    """Whether a box of the posts' shape says it is paid for: an advert, not a post."""
    attributes = node.attributes
    said = " ".join(
        [
            attributes.get("class") or "",
            *(name for name in attributes if name.startswith("data-")),
            *(  # `data-testid="hys-promo"`, `data-type="ad"`; not a long JSON or address
                value
                for name, value in attributes.items()
                if name.startswith("data-") and value and len(value) <= DATA_VALUE
            ),
        ]
    )
    return _SPONSORED.search(said.casefold()) is not None


DATA_VALUE = 40
"""The longest `data-` value read for what a box says it is."""
