"""Small helpers over the Lexbor tree shared by the adapters and the block builder."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborNode

Node = LexborNode


def unfolded(parent: Node | None) -> Iterator[Node]:
    """The children of `parent` in page order, with those of a `details` among them (earlier
    posts folded away: "Show 20 earlier updates") in its place."""
    child = parent.child if parent is not None else None
    while child is not None:
        if child.tag == "details":
            yield from unfolded(child)
        else:
            yield child
        child = child.next


def common_ancestor(nodes: list[Node]) -> Node | None:
    """The deepest element holding all of `nodes` (itself one of them if it holds the rest)."""
    if not nodes:
        return None
    if (siblings := _parent_of_all(nodes)) is not None:
        return siblings
    chain: list[Node] = []
    node: Node | None = nodes[0]
    while node is not None:
        chain.append(node)
        node = node.parent
    depth = {n.mem_id: i for i, n in enumerate(chain)}
    on_chain = Owners(depth)
    deepest = 0
    for other in nodes[1:]:
        met = on_chain.of(other)
        if met is None:
            return None
        deepest = max(deepest, depth[met])
    return chain[deepest]


def _parent_of_all(nodes: list[Node]) -> Node | None:
    """The parent of `nodes` when they are siblings, not all one element (the usual list of
    posts): their common ancestor without walking up from each; else None."""
    first = nodes[0]
    parent = first.parent
    if parent is None:
        return None
    ident, own = parent.mem_id, first.mem_id
    other = False
    for node in nodes:
        above = node.parent
        if above is None or above.mem_id != ident:
            return None
        other = other or node.mem_id != own
    return parent if other else None


def nest(nodes: list[Node]) -> bool:
    """Whether one of `nodes` lies inside another (siblings, the usual list of posts, never)."""
    if len(nodes) < 2 or _parent_of_all(nodes) is not None:
        return False
    owners = Owners(node.mem_id for node in nodes)
    return any(owners.of(node.parent) is not None for node in nodes)


def only_element(node: Node) -> Node | None:
    """The one element `node` holds, if it holds just one (text aside)."""
    only = None
    for child in node.iter():
        if child.is_element_node:
            if only is not None:
                return None
            only = child
    return only


class Owners:
    """The nearest of some marked elements at or above any element (a post, a body).

    Answers found by long walks are remembered, so however many elements ask and however
    deeply they nest, a walk never goes far past the last remembered element."""

    def __init__(self, marked: Iterable[int]) -> None:
        self._marked = set(marked)
        self._found: dict[int, int | None] = {}

    def of(self, node: Node | None) -> int | None:
        """The `mem_id` of the nearest marked element at or above `node`, if any."""
        marked, remembered = self._marked, self._found
        walked: list[int] = []
        found = None
        while node is not None:
            ident = node.mem_id
            if ident in marked:
                found = ident
                break
            if remembered and ident in remembered:
                found = remembered[ident]
                break
            walked.append(ident)
            node = node.parent
        if len(walked) > SHORT_WALK:  # short walks cost less than remembering them
            remembered.update(dict.fromkeys(walked, found))
        return found


SHORT_WALK = 8
"""Walks up to this long are not remembered. A longer one is, so every walk ends within this
many steps of a remembered element or is remembered itself: each element is passed over
once, plus a few short steps per walk, however deep the nesting."""


def link_fragment(link: Node) -> str:
    """The fragment of the address `link` points to ("post-7" of "#post-7"), or ""."""
    return (link.attributes.get("href") or "").partition("#")[2]
