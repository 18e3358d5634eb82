"""Small helpers over the Lexbor tree shared by the adapters and the block builder."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

Node = LexborNode


def common_ancestor(nodes: list[Node]) -> Node | None:
    """The deepest element holding all of `nodes` (itself one of them if it holds the rest)."""
    if not nodes:
        return None
    chain: list[Node] = []
    node: Node | None = nodes[0]
    while node is not None:
        chain.append(node)
        node = node.parent
    depth = {n.mem_id: i for i, n in enumerate(chain)}
    deepest = 0
    for other in nodes[1:]:
        node = other
        while node is not None and node.mem_id not in depth:
            node = node.parent
        if node is None:
            return None
        deepest = max(deepest, depth[node.mem_id])
    return chain[deepest]
