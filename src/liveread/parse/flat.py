"""The reader for flat live blogs: posts as runs of sibling elements in one column of text,
each opened by an element that begins with a written time ("<p><strong>13:47</strong> …",
"<h5>11.04 Uhr: Title</h5>") and closed by the next. Day headings between runs ("Donnerstag,
18. 7.") date the runs below them; they and whatever comes before the first run are no posts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from liveread.clean import promo_line
from liveread.cleanfurniture import AGENCY_INITIALS
from liveread.parse.adapter import Adapter, Flags, Node
from liveread.parse.facts import PageFacts
from liveread.parse.generic import (
    BOLD,
    HEADINGS,
    TITLE_TEXT,
    DayHeadings,
    heading_like,
)
from liveread.parse.ids import normalise_id
from liveread.parse.markers import Found, holders, minute_label, newest_first, opener
from liveread.parse.texttimes import Marker
from liveread.parse.titles import marker_end, title_flags, title_text
from liveread.parse.tree import Owners
from liveread.text import squash

MIN_OPENERS = 2
TEXT_OPENERS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "strong", "b"})
"""What a flat column's posts open with: a paragraph or a heading, not a box."""
ENDS_A_RUN = frozenset({"h1", "h2", "h3", "footer", "aside", "section", "nav", "form"})
"""Elements that close the last run instead of joining it (a new section of the page)."""
SOURCE_LINE = re.compile(
    r"(?:quellen?|sources?|fonte|fonti|fuentes?|bron|źródło|kilde|källa)\s*:", re.I
)
"""How a line naming where the news came from starts ("Quelle: ntv.de, dpa")."""
FURNITURE_CLASS = re.compile("footer|source|disclaimer|footnote|copyright")
"""What the class of a closing line of the article (not of a post) names."""
NOTE_TEXT = 300
"""The longest line read as a note that closes the article."""
ITALIC = frozenset({"em", "i"})
EMPHASIS = ITALIC | {"strong", "b"}
NOTE_WORDS = 4
"""The fewest words of an editor's note (fewer: a sign-off, a credit)."""
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
"""A bold run written as a style, not as `<strong>` or `<b>`."""


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
        self._headed_by: dict[int, Node] = {}
        """A subheading right above a post's opener: its title when it has none of its own."""
        self._title_after: dict[int, Node] = {}
        """The title line right after an opener that holds only its time (see `_read_runs`)."""
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
        heading: Node | None = None
        """The heading just passed, while nothing else with text has come after it."""
        bare: Node | None = None
        """The opener just passed if it holds only its time, while nothing with text has
        come after it: the line that comes next may be its post's title."""
        for child in parent.iter():
            found = openers.get(child.mem_id)
            if found is not None:
                if heading is not None:
                    self._take_heading(heading, child, run)
                heading = None
                bare = child if _time_alone(child, found) else None
                run = self._runs[child.mem_id] = [child]
                posts.append(child)
                self._opened_by[child.mem_id] = found
                self._times[child.mem_id] = clock.time_of(found.marker)
                self._marks[child.mem_id] = 1
            elif (day := self.days.of(child)) is not None:
                clock.day_heading(day)
                run = heading = bare = None
            elif bare is not None and run is not None and _title_line(child):
                self._title_after[bare.mem_id] = child  # "<p>08:30</p><h3>Title</h3>"
                run.append(child)
                bare = None
            else:
                if bare is not None and squash(child.text(deep=True)):
                    bare = None
                if child.tag in HEADINGS:
                    heading = child
                elif heading is not None and squash(child.text(deep=True)):
                    heading = None
                if run is None:
                    continue
                if child.tag in ENDS_A_RUN and squash(child.text(deep=True)):
                    run = None
                    continue
                run.append(child)
        if posts:
            _end_at_furniture(self._runs[posts[-1].mem_id])
        for ident, line in list(self._title_after.items()):
            if not _says_more(self._after(self._runs[ident], line)):
                del self._title_after[ident]  # a title needs a body: this line is the body
        self._count_swallowed(posts)
        return posts

    def _take_heading(self, heading: Node, opener: Node, run: list[Node] | None) -> None:
        """Read `heading`, right above `opener`, as the title of the post it opens (when
        that post has none of its own), not as the last line of the post above it."""
        text = squash(heading.text(deep=True))
        if not text or len(text) > TITLE_TEXT or promo_line(text):
            return
        self._headed_by[opener.mem_id] = heading
        if run and run[-1].mem_id == heading.mem_id:
            run.pop()

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

    @staticmethod
    def _after(run: list[Node], line: Node) -> list[Node]:
        """The elements of `run` after its element `line` (none if `line` is not in it)."""
        place = next(
            (place for place, member in enumerate(run) if member.mem_id == line.mem_id),
            len(run),
        )
        return run[place + 1 :]

    def _titled(self, node: Node) -> bool:
        """Whether the post's opening element is its title line (see `generic.heading_like`)."""
        known = self._title_lines.get(node.mem_id)
        if known is None:
            known = heading_like(node) or _bold_paragraph(node)
            if known and node.tag not in HEADINGS:
                known = _says_more(self._runs.get(node.mem_id, [node])[1:])
            self._title_lines[node.mem_id] = known
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
        if found is None:
            return ""
        if (line := self._title_after.get(node.mem_id)) is not None:
            return title_text(line)
        if self._titled(node):
            title = title_text(node, marker_end(node, found.marker)).strip(" :–-|")
            return title.rstrip("+ ") if title.endswith("+++") else title  # "+++ 07:30 Title +++"
        heading = self._headed_by.get(node.mem_id)
        return title_text(heading) if heading is not None else ""

    def flags(self, node: Node, key: str | None) -> Flags:
        """What the labels in a post's title line say ("BREAKING"), left out of its title."""
        line = self._title_after.get(node.mem_id)
        if line is None:
            line = node if self._titled(node) else self._headed_by.get(node.mem_id)
        said = title_flags(line) if line is not None else set()
        found = self._opened_by.get(node.mem_id)
        if found is not None and found.marker.pinned:
            said.add("pinned")  # "Pinned post from 9.32pm"
        if not said:
            return {}
        return Flags(
            key_event="key_event" in said, pinned="pinned" in said, breaking="breaking" in said
        )

    def body(self, node: Node) -> list[Node]:
        run = self._runs.get(node.mem_id, [node])
        found = self._opened_by.get(node.mem_id)
        if (line := self._title_after.get(node.mem_id)) is not None:
            return self._after(run, line)
        if self._titled(node):
            return run[1:]
        if found is not None:
            if found.label and found.node.mem_id != node.mem_id:
                found.node.decompose()  # "<strong>13:47</strong>" opening a paragraph
            else:
                self.cuts[node.mem_id] = found.marker
        return run


def _time_alone(node: Node, found: Found) -> bool:
    """Whether the opener `node` holds its time and nothing else ("<p><strong>7/12/2026
    08:30</strong></p>")."""
    if found.label and found.node.mem_id == node.mem_id:
        return True
    text = node.text(deep=True)
    words = text.split()
    if len(words) > MARKER_WORDS and any(
        any(char.isalnum() for char in word) for word in words[MARKER_WORDS:]
    ):
        return False  # words beyond the longest time: a paragraph (most openers)
    return not squash(text)[found.marker.end :].strip(" :–-|")


MARKER_WORDS = 16
"""More words than a written time ever has ("Aktualisiert am Donnerstag, den 18. Juli 2024
um 11.04 Uhr"): a word with a letter or digit beyond them is text after the time."""


def _title_line(element: Node) -> bool:
    """Whether `element` is a line that titles the post it opens: a heading or a short
    paragraph that is all bold."""
    if element.tag in HEADINGS:
        text = squash(element.text(deep=True))
        return bool(text) and len(text) <= TITLE_TEXT and not promo_line(text)
    return heading_like(element) or _bold_paragraph(element)


def _bold_paragraph(node: Node) -> bool:
    """A short paragraph that is all bold where the bold is written as a class or a style
    ("<p><span class='text-bold'>12.40am: Title</span></p>"): `heading_like` reads tags."""
    if node.tag != "p":
        return False
    markup = (node.html or "").casefold()
    if "bold" not in markup and "font-weight" not in markup:
        return False  # most paragraphs: no bold of any kind
    text = squash(node.text(deep=True))
    if not text or len(text) > TITLE_TEXT:
        return False
    plain = "".join(
        part.text_content or ""
        for part in node.traverse(include_text=True)
        if part.tag == "-text" and not _in(part, node, BOLD, styled=True)
    )
    return not plain.strip()


def _in(part: Node, outer: Node, tags: frozenset[str], styled: bool = False) -> bool:
    """Whether the text `part` lies, within `outer`, in one of the elements `tags` (or,
    if `styled`, in one whose class or style makes it bold)."""
    element = part.parent
    while element is not None and element.mem_id != outer.mem_id:
        if element.tag in tags or (styled and _styled_bold(element)):
            return True
        element = element.parent
    return False


def _styled_bold(element: Node) -> bool:
    attributes = element.attributes
    return "bold" in (attributes.get("class") or "").casefold() or bool(
        BOLD_STYLE.search(attributes.get("style") or "")
    )


def _says_more(rest: list[Node]) -> bool:
    """Whether a post's elements after its opening line hold anything: a title needs a body."""
    return any(
        squash(element.text(deep=True)) or element.css_first("img, iframe, video, blockquote")
        for element in rest
    )


def _end_at_furniture(run: list[Node]) -> None:
    """Cut the lines that close the article from the last `run`, which runs to the end of
    the column: from the first closing line (see `_closing_line`) that only short lines
    follow, and the italic or bold notes right above it ("Frühere Entwicklungen können Sie
    hier nachlesen.")."""
    cut = next(
        (
            place
            for place in range(1, len(run))
            if _closing_line(run[place]) and _short_lines(run[place + 1 :])
        ),
        None,
    )
    if cut is None:
        return
    while cut > 2 and _note(run[cut - 1], emphasis=EMPHASIS):  # never the post's first line
        cut -= 1
    del run[cut:]


def _closing_line(element: Node) -> bool:
    """A line that closes the article rather than a post: where the news came from
    ("Quelle: …", "(dpa/rts)", an italic note signed "(lb/tm)"), a `*` footnote, an element
    whose class names a footer, a source or a disclaimer."""
    text = squash(element.text(deep=True))
    if len(text) > NOTE_TEXT:
        return False
    if FURNITURE_CLASS.search((element.attributes.get("class") or "").casefold()):
        return True
    if not text:
        return False
    if SOURCE_LINE.match(text) or (text.startswith("*") and not text.startswith("**")):
        return True
    signed = AGENCY_INITIALS.search(text)
    if signed is None:
        return False
    return signed.start() == 0 or _note(element, signed.start())


def _short_lines(elements: list[Node]) -> bool:
    """Whether `elements` hold no more than a few short lines (buttons, a footer): no post."""
    return sum(len(squash(element.text(deep=True))) for element in elements) <= NOTE_TEXT


def _note(element: Node, length: int | None = None, emphasis: frozenset[str] = ITALIC) -> bool:
    """Whether `element` (its first `length` characters) is an editor's note: a sentence in
    italics (or another `emphasis`: "Die Nachrichten in diesem Ticker werden laufend
    aktualisiert."), not an italic sign-off ("— Jane Doe")."""
    text = squash(element.text(deep=True))[:length].rstrip()
    if len(text) > NOTE_TEXT or not text.endswith((".", "!", "?", "…")):
        return False
    if len(text.split()) < NOTE_WORDS:
        return False
    if element.tag in emphasis:
        return True
    plain = "".join(
        part.text_content or ""
        for part in element.traverse(include_text=True)
        if part.tag == "-text" and not _in(part, element, emphasis)
    )
    return not AGENCY_INITIALS.sub("", plain).strip()
