"""A title line's text: its words, without the controls (a permalink's "#" button, an icon)
and labels ("BREAKING") it holds beside them; and the flags those labels name."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from liveread.cleanfurniture import label_flag
from liveread.parse.texttimes import Marker, read_marker
from liveread.text import squash

__all__ = ["marker_end", "title_flags", "title_text"]

Node = LexborNode


def title_text(heading: Node, after: int = 0) -> str:
    """A title line's text from position `after` of its squashed text (where a time written
    before the title ends), without what the line holds beside its words: controls (a
    permalink's "#" button, an icon) and a label ("BREAKING", read as the post's flag)."""
    whole = squash(heading.text(deep=True))
    if (first := heading.first_child) is None or (first.is_text_node and first.next is None):
        return whole[after:]  # its text alone, as most are
    controls, labels = _not_title(heading)
    if not controls and not labels:
        return whole[after:]
    kept = _kept_text(heading, controls | labels)
    if not kept and labels:
        kept = _kept_text(heading, controls)  # a label alone: the line says nothing else
    if after and not kept.startswith(whole[:after]):
        return whole[after:]  # something left out before the time: positions differ
    return kept[after:]


def marker_end(line: Node, marker: Marker) -> int:
    """Where `marker`, read from the start of `line`, ends in the squashed text `title_text`
    counts in: the marker was read with a space between elements, which moves what follows
    it ("<b>1.40pm</b>: <b>Title</b>" was read as "1.40pm : Title")."""
    again = read_marker(squash(line.text(deep=True)))
    return again.end if again is not None and again.label == marker.label else marker.end


def title_flags(heading: Node) -> set[str]:
    """The flags the labels in a title line name ("BREAKING": "breaking")."""
    if (first := heading.first_child) is None or (first.is_text_node and first.next is None):
        return set()
    return {
        flag
        for element in heading.traverse()
        if element.mem_id != heading.mem_id
        and _LABEL_CLASS.search(element.attributes.get("class") or "")
        and (flag := label_flag(squash(element.text(deep=True))))
    }


_CONTROL_TAGS = frozenset({"button", "svg", "script", "style"})
_LABEL_CLASS = re.compile("label|tag|badge|flag|kicker")
"""The class of an element that may hold a label (as `generic.LABELS` selects them)."""
_ICON_CLASS = re.compile("anchor|permalink|icon", re.I)


def _not_title(heading: Node) -> tuple[set[int], set[int]]:
    """The `mem_id`s of the elements in a title line that are no part of its title: its
    controls, and its labels."""
    controls: set[int] = set()
    labels: set[int] = set()
    for element in heading.traverse():
        if element.mem_id == heading.mem_id or not element.is_element_node:
            continue
        names = element.attributes.get("class") or ""
        if element.tag in _CONTROL_TAGS or _icon(element, names):
            controls.add(element.mem_id)
        elif _LABEL_CLASS.search(names) and label_flag(squash(element.text(deep=True))):
            labels.add(element.mem_id)
    return controls, labels


def _icon(element: Node, names: str) -> bool:
    """A permalink's mark or an icon: a link within the page or an element classed as an
    anchor or icon, that shows no word ("#", "¶", "🔗", nothing)."""
    if element.tag == "a":
        if not (element.attributes.get("href") or "").startswith("#") and not _ICON_CLASS.search(
            names
        ):
            return False
    elif not _ICON_CLASS.search(names):
        return False
    return not any(char.isalnum() for char in element.text(deep=True))


def _kept_text(heading: Node, left_out: set[int]) -> str:
    parts: list[str] = []
    _title_parts(heading, parts, left_out)
    return squash("".join(parts))


def _title_parts(node: Node, parts: list[str], left_out: set[int]) -> None:
    for child in node.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.is_element_node and child.mem_id not in left_out:
            _title_parts(child, parts, left_out)
