"""The reader for flat live blogs: posts as runs of sibling elements in one column of text,
each opened by an element that begins with a written time ("<p><strong>13:47</strong> …",
"<h5>11.04 Uhr: Title</h5>") and closed by the next. Day headings between runs ("Donnerstag,
18. 7.") date the runs below them; they and whatever comes before the first run are no posts.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from liveread.parse.adapter import Adapter, Node
from liveread.parse.facts import PageFacts
from liveread.parse.generic import DayHeadings, heading_like
from liveread.parse.ids import normalise_id
from liveread.parse.markers import Found, holders, minute_label, newest_first, opener
from liveread.parse.texttimes import Marker
from liveread.parse.tree import Owners
from liveread.text import squash

MIN_OPENERS = 2
TEXT_OPENERS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "strong", "b"})
"""What a flat column's posts open with: a paragraph or a heading, not a box."""
ENDS_A_RUN = frozenset({"h1", "h2", "h3", "footer", "aside", "section", "nav", "form"})
"""Elements that close the last run instead of joining it (a new section of the page)."""


class Flat(Adapter):
    name = "generic-flat"
    generic = True
    trust_dom_times = False
    title_selector = ""

    def __init__(
        self, facts: PageFacts, markers: list[Found], days: DayHeadings | None = None
    ) -> None:
        self.facts = facts
        self.days = days or DayHeadings(facts)
        self._markers = markers
        self._runs: dict[int, list[Node]] = {}
        self._opened_by: dict[int, Found] = {}
        self._times: dict[int, datetime | None] = {}
        self._marks: dict[int, int] = {}
        self._boxes = False
        """Most openers are boxes: the page is the box reader's."""
        self._title_lines: dict[int, bool] = {}
        self.cuts: dict[int, Marker] = {}

    def post_nodes(self, tree: LexborHTMLParser) -> list[Node]:
        by_parent: dict[int, dict[int, Found]] = defaultdict(dict)
        parents: dict[int, Node] = {}
        held = holders(self._markers)
        for found in self._markers:
            node = opener(found.node, held)
            parent = node.parent
            if parent is None:
                continue
            parents[parent.mem_id] = parent
            by_parent[parent.mem_id].setdefault(node.mem_id, found)
        if not by_parent:
            return []
        best = max(by_parent, key=lambda ident: len(by_parent[ident]))
        openers = by_parent[best]
        if len(openers) < MIN_OPENERS:
            return []
        nodes = [child for child in parents[best].iter() if child.mem_id in openers]
        boxes = sum(1 for node in nodes if node.tag not in TEXT_OPENERS)
        if boxes * 2 > len(nodes):
            self._boxes = True
            return nodes  # not read as runs: refused (see `refusal`)
        return self._read_runs(parents[best], openers)

    def _read_runs(self, parent: Node, openers: dict[int, Found]) -> list[Node]:
        facts = self.facts
        newest = newest_first([found.marker for found in openers.values()])
        clock = facts.clock(newest_first=newest)
        posts: list[Node] = []
        run: list[Node] | None = None
        for child in parent.iter():
            found = openers.get(child.mem_id)
            if found is not None:
                run = self._runs[child.mem_id] = [child]
                posts.append(child)
                self._opened_by[child.mem_id] = found
                self._times[child.mem_id] = clock.time_of(found.marker)
                self._marks[child.mem_id] = 1
            elif (day := self.days.of(child)) is not None:
                clock.day_heading(day)
                run = None
            elif run is not None:
                if child.tag in ENDS_A_RUN and squash(child.text(deep=True)):
                    run = None
                    continue
                run.append(child)
        self._count_swallowed(posts)
        return posts

    def _count_swallowed(self, posts: list[Node]) -> None:
        """Times written inside a run beyond its opener's: other posts, swallowed by it."""
        post_of = {
            member.mem_id: post.mem_id for post in posts for member in self._runs[post.mem_id]
        }
        owners = Owners(post_of)
        for found in self._markers:
            member = owners.of(found.node)
            if member is not None and self._opened_by[post_of[member]] is not found:
                self._marks[post_of[member]] += 1

    def refusal(self) -> str | None:
        """A flat column's posts open with a paragraph or heading; boxes that each hold a
        whole post (with adverts and sign-ups between them) are the box reader's."""
        if self._boxes:
            return "its posts open with boxes, not paragraphs: a reading of boxes"
        return None

    def _titled(self, node: Node) -> bool:
        """Whether the post's opening element is its title line (see `generic.heading_like`)."""
        known = self._title_lines.get(node.mem_id)
        if known is None:
            known = self._title_lines[node.mem_id] = heading_like(node)
        return known

    def extent(self, node: Node) -> list[Node]:
        return self._runs.get(node.mem_id, [node])

    def written_time(self, node: Node) -> Marker | None:
        return self.cuts.get(node.mem_id)

    def label(self, node: Node) -> str:
        return minute_label(self._opened_by.get(node.mem_id))

    def time_marks(self, node: Node) -> int:
        return self._marks.get(node.mem_id, 0)

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        return self._times.get(node.mem_id), None

    def key(self, node: Node, page_url: str) -> str | None:
        ident = node.attributes.get("id")
        return normalise_id(ident) if ident else None

    def title(self, node: Node) -> str:
        found = self._opened_by.get(node.mem_id)
        if found is None or not self._titled(node):
            return ""
        title = squash(node.text(deep=True))[found.marker.end :].strip(" :–-|")
        return title.rstrip("+ ") if title.endswith("+++") else title  # "+++ 07:30 Title +++"

    def body(self, node: Node) -> list[Node]:
        run = self._runs.get(node.mem_id, [node])
        found = self._opened_by.get(node.mem_id)
        if self._titled(node):
            return run[1:]
        if found is not None:
            if found.label and found.node.mem_id != node.mem_id:
                found.node.decompose()  # "<strong>13:47</strong>" opening a paragraph
            else:
                self.cuts[node.mem_id] = found.marker
        return run
