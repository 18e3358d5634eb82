"""Times written as text where a post begins: "13:47", "11.04 Uhr: Title", "2:02 p.m. ET", "95'".

Found in the short elements that carry them (a bold run, a heading, a time label, a paragraph's
opening); each is told apart as the whole of its element's text (a label) or the start of it
(a heading or paragraph that goes on). `opener` climbs to the element the marker opens: the
paragraph whose bold run it is, the box whose first line it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from liveread.model import Block, Heading, Paragraph, Span
from liveread.parse import timewords as words
from liveread.parse.adapter import Node
from liveread.parse.texttimes import Marker, may_start_marker, read_marker

CANDIDATES = (
    ":is(strong, b, em, span, small, time, h2, h3, h4, h5, h6, p, li, dt, td,"
    " div[class*='time'], div[class*='date'], div[class*='stamp'], div:not(:has(*)))"
    ":not(:empty, [class*='uration'])"
)
"""Elements a written time is found in: not the empty ones (icons, spacers), nor a video's
length ("01:58"), never a post's time. A `div` holding text only may be a time label whatever
its class ("<div data-qa="…-Timestamp">9:40pm</div>"); other divs only with a class that
names a time."""
LONGEST_LABEL = 40
"""A marker's element of at most this many characters is a label: the time and little else."""
LONGEST_TIME_BOX = 4 * LONGEST_LABEL
"""The most text, as written, an element holding a time and little else has: a label, or a
`div` chosen by its class (`post-time`, `entry-date`) with its byline, never a post's body."""
MAX_CLIMB = 4
MARKER_TEXT = 200
"""How much of an element's opening a written time is looked for in."""
SPACED_HEAD = 60
"""How much of an opening must be single-spaced for it to be read as it is, not squashed."""
NOTE_TEXT = 300
"""The longest element text kept as a note that may state the page's zone."""


@dataclass(slots=True)
class Found:
    node: Node
    marker: Marker
    label: bool
    """The element's whole text is the time (and perhaps a zone or separator)."""


@dataclass(slots=True)
class Scan:
    """What a look over a page's short elements found: the written times, and the short
    texts (notes such as "All times in UTC") that may say what zone they are in."""

    markers: list[Found]
    notes: list[str]


def find_markers(root: Node, language: str | None) -> Scan:
    """Every element under `root` whose text starts with a written time, outermost last
    dropped: a `<strong>` inside a `<p>` that starts with it is found once, as the `<p>`'s.
    An element whose opening its parent's text already began with is not read again."""
    found: list[Found] = []
    notes: list[str] = []
    seen: set[int] = set()
    openings: dict[int, str] = {}
    read: dict[str, Marker | None] = {}
    """Openings read already: a page repeats its labels ("74'", "Live")."""
    overs: list[tuple[int, Node, re.Match[str]]] = []
    """Decimals standing alone ("14.3"), each with its place among `found`: overs of a
    cricket commentary if they run in sequence (`over_stamps`)."""
    for node in root.css(CANDIDATES):
        node_id = node.mem_id
        parent = node.parent
        parent_id = parent.mem_id if parent is not None else -1
        if parent_id in seen:
            seen.add(node_id)  # the parent starts with the same time: found already
            continue
        text = node.text(deep=True, separator=" ")
        opening = text[:MARKER_TEXT].lstrip()
        if not opening or (node.tag == "div" and len(text) > LONGEST_TIME_BOX):
            # A box whose class only sounds like a time ("live-updates", "timeline"): the
            # posts in it hold their own times.
            continue
        openings[node_id] = opening
        before = openings.get(parent_id)
        if before is not None and before.startswith(opening):
            continue  # the parent's text begins with this one's: read as the parent's
        if len(text) <= NOTE_TEXT:
            notes.append(text)
        if not may_start_marker(opening):
            continue  # most texts: no digit, nor a word a marker starts with
        head = opening[:SPACED_HEAD]
        spaced = "  " in head or "\n" in head or "\t" in head
        plain = " ".join(opening.split()) if spaced else opening
        if plain in read:
            marker = read[plain]
        else:
            marker = read[plain] = read_marker(plain, language)
        if marker is None:
            if len(plain) <= OVER_TEXT and (over := _OVER.fullmatch(plain.strip())):
                overs.append((len(found), node, over))
            continue
        seen.add(node_id)
        label = _is_label(text, marker)
        if label and bounds_a_period(node):
            continue  # "valid from <time>14:00</time> until <time>22:00</time>": no stamp
        found.append(Found(node, marker, label))
    for place, stamp in reversed(over_stamps(overs) if overs else []):
        found.insert(place, stamp)
    return Scan(found, notes)


OVER_TEXT = 8
"""The longest text, as written, an over's stamp has ("14.3" and its spaces)."""
_OVER = re.compile(r"(?P<over>\d{1,3})\.(?P<ball>\d)")
MIN_OVERS = 3
"""Stamps of overs that must stand in one slot, in sequence, for them to be the posts'."""
BALLS_PER_OVER = 6


def over_stamps(candidates: list[tuple[int, Node, re.Match[str]]]) -> list[tuple[int, Found]]:
    """The cricket overs ("14.3": the 3rd ball of the 15th over) standing alone in a slot
    the posts repeat (the same element and class, in the same parent), running in sequence
    down the list: the cricket counterpart of a minute of play, read as a post's label. A
    decimal alone is no stamp otherwise (a price, a score, a rating). `candidates`: each
    decimal standing alone, with the place among the found markers it takes."""
    slots: dict[tuple[str, str, str, str], list[tuple[int, Node, re.Match[str]]]] = {}
    for candidate in candidates:
        node = candidate[1]
        parent = node.parent
        slot = (node.tag or "", node.attributes.get("class") or "", "", "")
        if parent is not None:
            slot = (*slot[:2], parent.tag or "", parent.attributes.get("class") or "")
        slots.setdefault(slot, []).append(candidate)
    stamps: list[tuple[int, Found]] = []
    for members in slots.values():
        if len(members) >= MIN_OVERS and _in_sequence([over for *_, over in members]):
            stamps += [
                (place, Found(node, Marker("minute", label=over[0], end=over.end()), label=True))
                for place, node, over in members
            ]
    stamps.sort(key=lambda stamp: stamp[0])
    return stamps


def _in_sequence(overs: list[re.Match[str]]) -> bool:
    """Whether `overs`, in page order, are balls of an innings running one way (newest
    first or oldest first), most a ball or a few from the one before; each ball of an over
    is numbered 1 to 6."""
    if any(not "1" <= over["ball"] <= "6" for over in overs):
        return False
    balls = [int(over["over"]) * BALLS_PER_OVER + int(over["ball"]) for over in overs]
    steps = [after - before for before, after in pairwise(balls)]
    if all(step == 0 for step in steps):
        return False
    falling = sum(1 for step in steps if -BALLS_PER_OVER <= step <= 0)
    rising = sum(1 for step in steps if 0 <= step <= BALLS_PER_OVER)
    return max(falling, rising) * 5 >= len(steps) * 4


_PERIOD_BEFORE = re.compile(
    r"\b(?:from|between|since|von|ab|zwischen|seit|de|du|dès|dal|dalle|desde|entre|od|van|från|fra"
    r"|until|till|bis|jusqu'à|hasta|fino alle|tot|and|und|et|y)\s*[–—-]?\s*$",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    r"\s*(?:until|till|to|and|bis|und|à|au|jusqu'à|al|alle|hasta|a|y|do|tot|til|–|—|-)\s*\d",
    re.IGNORECASE,
)


_PERIODS = (
    words.spellings_pattern(
        phrase.strip() for phrases in words.MATCH_PERIODS for phrase in phrases.split(",")
    )
    + "|"
    + words.MATCH_PERIOD_ORDINAL
)
_MATCH_PERIOD = re.compile(r"\d{1,3}(?:\+\d{1,2})?['’]\W*(?:" + _PERIODS + r")\W*", re.IGNORECASE)
_PERIOD_NAME = re.compile(r"\W*(?:" + _PERIODS + r")\W*", re.IGNORECASE)


def marks_a_match_period(text: str) -> bool:
    """Whether `text` is a minute of play and the stage of the match it opens or ends and
    nothing more ("48' Mi-temps", "90+4' Full-time"): a divider of a commentary, not a post."""
    if len(text) > MATCH_PERIOD_TEXT:
        return False
    return _MATCH_PERIOD.fullmatch(" ".join(text.split())) is not None


MATCH_PERIOD_TEXT = 60
"""The longest text, as written, a match's divider has."""


def names_a_match_period(text: str) -> bool:
    """Whether `text` names a stage of the match and nothing more ("HT", "Mi-temps",
    "Descanso"): where a post's minute of play would stand, its stamp."""
    return len(text) <= PERIOD_NAME_TEXT and _PERIOD_NAME.fullmatch(text) is not None


PERIOD_NAME_TEXT = 30
"""The longest text, squashed, a stage of the match is named by in a post's stamp."""


def bounds_a_period(node: Node) -> bool:
    """Whether a time standing alone in its element is one end of a period written around
    it ("from 14:00", "14:00 until 22:00"): a span of time, not the moment of a post."""
    before, after = node.prev, node.next
    tail = (before.text_content or "")[-20:] if before is not None and before.is_text_node else ""
    head = (after.text_content or "")[:20] if after is not None and after.is_text_node else ""
    return bool(_PERIOD_BEFORE.search(tail) or _PERIOD_AFTER.match(head))


def _is_label(text: str, marker: Marker) -> bool:
    """Whether `text` is the time and little else: a label, not a heading or paragraph."""
    if len(text) > LONGEST_TIME_BOX:
        return False  # too long, even as written (spaces and all), to split and measure
    length = len(" ".join(text.split()))
    return length <= LONGEST_LABEL and length <= marker.end + 12


def stamp_of(found: Found, depth: int = MAX_CLIMB) -> Node | None:
    """The element that holds `found`'s time and little else: its own, or the first element
    it opens with, down to `depth` ("<li><div>67'</div><p>Goal…</p></li>" -> the div)."""
    node = found.node
    for _ in range(depth + 1):
        text = node.text(deep=True)
        if _is_label(text, found.marker):
            return node
        child = node.child
        while child is not None and not child.is_element_node:
            if (child.text_content or "").strip():
                return None  # text before any element: the time is written in it
            child = child.next
        if child is None:
            return None
        node = child
    return None


def minute_label(found: Found | None) -> str:
    """A post's label from the time it is written with: a minute of play ("95'"), else none."""
    return found.marker.label if found is not None and found.marker.kind == "minute" else ""


def holders(found: list[Found]) -> Counter[int]:
    """How many of the `found` times each element near them holds."""
    held: Counter[int] = Counter()
    for item in found:
        node = item.node.parent
        for _ in range(MAX_CLIMB + 1):
            if node is None:
                break
            held[node.mem_id] += 1
            node = node.parent
    return held


def opener(node: Node, held: Counter[int]) -> Node:
    """The element `node` opens: climbing while `node` comes first in its parent (no text or
    element before it) and the parent holds no other written time (the first post of a list
    does not open the list)."""
    for _ in range(MAX_CLIMB):
        parent = node.parent
        if parent is None or not parent.is_element_node or parent.tag in ("body", "html"):
            break
        if held[parent.mem_id] > 1 or not _first_in(node, parent):
            break
        node = parent
    return node


def _first_in(node: Node, parent: Node) -> bool:
    child = parent.child
    while child is not None:
        if child.mem_id == node.mem_id:
            return True
        if child.is_element_node or (child.text_content or "").strip():
            return False
        child = child.next
    return False


def cut_opening(blocks: list[Block], marker: Marker) -> list[Block]:
    """`blocks` without the written time their first paragraph opens with ("13:47 All
    public buildings…" reads "All public buildings…")."""
    if not blocks or not isinstance(blocks[0], Paragraph | Heading):
        return blocks
    first = blocks[0]
    text = first.text
    again = read_marker(text)
    if again is None or again.label != marker.label:
        return blocks
    cut = again.end
    spans: list[Span] = []
    for span in first.spans:
        if cut >= len(span.text):
            cut -= len(span.text)
            continue
        spans.append(Span(span.text[cut:], span.bold, span.italic, span.href) if cut else span)
        cut = 0
    if spans:
        head = spans[0]
        spans[0] = Span(head.text.lstrip(SEPARATORS), head.bold, head.italic, head.href)
    rest = tuple(span for span in spans if span.text)
    if not rest:
        return blocks[1:]
    opened = Paragraph(rest) if isinstance(first, Paragraph) else Heading(rest, first.level)
    return [opened, *blocks[1:]]


SEPARATORS = " \u00a0:–—-|·•"
"""What may stand between a written time and the text it opens."""


def newest_first(markers: list[Marker | None]) -> bool:
    """Whether a list whose posts carry `markers` (in page order) runs newest first: more
    clock times fall than rise from one post to the next."""
    clocks = [wall for marker in markers if (wall := _wall(marker)) is not None]
    pairs = list(pairwise(clocks))
    rising = sum(1 for before, after in pairs if after > before)
    return rising * 2 <= len(pairs)


def out_of_order_first(markers: list[Marker | None], newest: bool) -> bool:
    """Whether the first post stands outside the list's order (a pinned post on top): its
    clock time is out of step with the next one's while the next two keep the order (times
    written as "16 min ago" between them skipped), and the step is not the list crossing
    midnight: 00:12 above 23:48 in a newest-first list is 24 minutes on, not 23 hours back."""
    if markers and (day := _named_day(markers[0])) is not None:
        return _before_its_day(markers, day, newest)
    walls = [_wall(markers[0])] if markers else []
    walls += [wall for marker in markers[1:] if (wall := _wall(marker)) is not None][:2]
    if len(walls) < 3:
        return False
    first, second, third = walls  # the first post's, and the next two clock times
    if first is None or second is None or third is None:
        return False
    in_step = (second >= third) if newest else (second <= third)
    if not (in_step and ((first < second) if newest else (first > second))):
        return False
    back = _minutes(second) - _minutes(first)  # how far out of step, read as one day
    return abs(back) <= DAY_MINUTES - abs(back)  # else nearer read across midnight


def _before_its_day(
    markers: list[Marker | None], first: tuple[str, int, int, int], newest: bool
) -> bool:
    """Whether the first post, its time written with a named day ("Sa., 16:00", "Gestern,
    9:10"), stands outside the list's order: the next post naming the same day is, for the
    list's order, on the wrong side of it (a pinned post above the later posts of its day)."""
    for marker in markers[1:]:
        if (other := _named_day(marker)) is not None and other[:2] == first[:2]:
            return first < other if newest else first > other
    return False


def _named_day(marker: Marker | None) -> tuple[str, int, int, int] | None:
    """(how, which day, hour, minute) of a clock time that names its day relative to the
    page's ("Gestern, 9:10": back one day; "Sa., 16:00": a Saturday), else None."""
    if marker is None or marker.kind != "clock" or marker.hour is None or marker.minute is None:
        return None
    if marker.days_back is not None:
        return ("back", marker.days_back, marker.hour, marker.minute)
    if marker.weekday is not None:
        return ("weekday", marker.weekday, marker.hour, marker.minute)
    return None


DAY_MINUTES = 24 * 60


def _minutes(wall: tuple[int, int]) -> int:
    return wall[0] * 60 + wall[1]


def _wall(marker: Marker | None) -> tuple[int, int] | None:
    """A marker's wall-clock time, for a clock time on the list's own days."""
    if marker is None or marker.kind != "clock":
        return None
    if marker.days_back is not None or marker.weekday is not None:
        return None
    if marker.hour is None or marker.minute is None:
        return None
    return marker.hour, marker.minute
