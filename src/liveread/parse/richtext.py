"""Plain text from rich text written as a tree of JSON nodes: Portable Text, ProseMirror,
Slate, Contentful, Draft.js, a CMS's list of blocks. Each block is a paragraph; the inline
nodes inside one (text, spans, links) are joined. Bounded in depth and in nodes read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_TEXT_KEYS = ("text", "value", "html", "content")  # "content": a string here, not children
_CHILD_KEYS = ("children", "content", "elements", "blocks", "nodes", "content_elements")
_INLINE_TYPES = (
    frozenset({"text", "span", "link", "hyperlink", "a", "em", "i", "strong", "b", "u", "s"})
    | {"mark", "code", "inlinecode", "sup", "sub", "br", "hardbreak", "linebreak", "softbreak"}
    | {"mention", "emoji", "entryhyperlink", "assethyperlink", "inlineentry"}
)
"""Node types that sit inside a paragraph (compared lowercased, without `-` and `_`)."""
_TYPE_KEYS = ("type", "_type", "nodeType", "kind")
_RICH_DEPTH = 24
"""The deepest a rich-text tree is read: real ones nest a few levels."""


class Budget:
    """Nodes left to read, shared by all the bodies of one page."""

    def __init__(self, values: int) -> None:
        self.left = values


def rich_text(value: Any, budget: Budget) -> str:
    """The text of a rich-text tree (or list of them): one paragraph a line."""
    if not isinstance(value, list | dict):
        return ""
    return "\n".join(paragraph for paragraph in _paragraphs(value, budget, 0) if paragraph)


def _paragraphs(node: Any, budget: Budget, depth: int) -> Iterator[str]:
    """The paragraphs under `node`: each item of a list, each node whose children are all
    inline (text, spans, links) joined into one."""
    budget.left -= 1
    if budget.left < 0 or depth > _RICH_DEPTH:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _paragraphs(item, budget, depth + 1)
    elif isinstance(node, dict):
        children = _children(node)
        if children is None:
            yield _leaf_text(node)
        elif all(_inline(child) for child in children):
            yield "".join(_inline_text(child, budget, depth + 1) for child in children)
        else:
            yield from _paragraphs(children, budget, depth + 1)


def _children(node: dict[str, Any]) -> list[Any] | None:
    return next((c for key in _CHILD_KEYS if isinstance(c := node.get(key), list)), None)


def _inline(node: Any) -> bool:
    if isinstance(node, str):
        return True
    if not isinstance(node, dict):
        return False
    kind = next((k for key in _TYPE_KEYS if isinstance(k := node.get(key), str)), None)
    if kind is not None:
        return kind.replace("-", "").replace("_", "").lower() in _INLINE_TYPES
    return _children(node) is None


def _inline_text(node: Any, budget: Budget, depth: int) -> str:
    budget.left -= 1
    if budget.left < 0 or depth > _RICH_DEPTH:
        return ""
    if isinstance(node, str):
        return node
    if not isinstance(node, dict):
        return ""
    children = _children(node)
    if children is None:
        return _leaf_text(node)
    return "".join(_inline_text(child, budget, depth + 1) for child in children)


def _leaf_text(node: dict[str, Any]) -> str:
    return next((text for key in _TEXT_KEYS if isinstance(text := node.get(key), str)), "")
