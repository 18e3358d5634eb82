"""The reader for pages no site spec knows: repeated sibling boxes of one shape, most of them timed.

A time is a `time`/`[datetime]` element, an epoch `data-*` attribute, a closing "Author + date"
byline ("Tom Watling15 November 2024 06:00") or a time written where a box begins ("2:02 p.m.
ET", "95'"). The boxes under one parent that hold the most times are the posts, with the boxes
of their shape that hold none (an image-only post, a result card): not the boxes of another
shape between them (an advert, a newsletter sign-up).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence
from datetime import date, datetime
from urllib.parse import parse_qsl, urlsplit

from selectolax.lexbor import LexborHTMLParser

from liveread.clean import promo_line
from liveread.cleanfurniture import label_flag, names_after_time, names_in
from liveread.cleanwords import BYLINE_WORDS, NAME_JOINERS
from liveread.parse.adapter import Adapter, Flags, Node
from liveread.parse.boxes import best_group, lists_beside, with_their_shape
from liveread.parse.facts import PageFacts
from liveread.parse.ids import data_id, normalise_id
from liveread.parse.keyevents import key_events_listed
from liveread.parse.markers import (
    Found,
    bounds_a_period,
    marks_a_match_period,
    minute_label,
    names_a_match_period,
    newest_first,
    out_of_order_first,
    stamp_of,
)
from liveread.parse.texttimes import Marker, read_day, read_marker
from liveread.parse.times import from_epoch, parse_day_month_time, parse_time
from liveread.parse.titles import marker_end, title_text
from liveread.parse.tree import Owners, link_fragment, unfolded
from liveread.text import squash

_DATE_ALONE = re.compile(r"\d{4}-\d{2}-\d{2}")
"""A `datetime` attribute giving a day and no time of day."""
TIME_SELECTOR = (
    "time, [datetime], [data-timestamp], [data-post-time], [data-sort-time], [data-published]"
)
EPOCH_ATTRIBUTES = ("data-post-time", "data-sort-time", "data-timestamp", "data-published")
UPDATE_ATTRIBUTE = "data-update-time"
"""When a post with its own time attribute was last changed, in the same style (AMP)."""
EPOCH_SELECTOR = ", ".join(f"[{attribute}]" for attribute in EPOCH_ATTRIBUTES)
BYLINE = re.compile(
    r"^(?P<author>\D{2,80}?)\s*(?P<when>\d{1,2} [A-Z][a-z]+ \d{4},? \d{1,2}[:.]\d{2})$"
)
BYLINE_WHEN = re.compile(r"\d\d? [A-Z][a-z]+ \d{4},? \d\d?[:.]\d{2}")
"""The date and time a closing byline ends with. A page's whole text is searched for it:
one or two digits are written as a digit and an optional one, which is searched twice as
fast as the same repeated one to two times."""
BYLINE_YEAR = re.compile(r" \d{4},? \d")
"""The year and the hour after it that every `BYLINE_WHEN` holds: searched for first, as it
opens with a space, which is found faster than a digit (most pages have no byline dates)."""
CLOCK_BYLINE = re.compile(
    r"^(?:(?:posted|published|updated|written|filed)\s+)?"
    r"(?:by|von|par|di|door|por|przez)\s+(?P<author>[^\W\d_][^\d,|·]{1,60}?)\s*"
    r"(?:,|·|\||–|—|-|\bat\b|\bum\b|\bà\b|\balle\b|\bom\b|\ba las\b|\bo\b)\s*"
    r"(?P<when>\d.{2,40})$",
    re.IGNORECASE,
)
"""A closing byline with a clock time: "Posted by Sarah Jones at 23:12", "Von Anna Berg um
14.05 Uhr", "Par Léa Martin, 14h23"."""
BYLINE_PARTS = "p, div, span, footer, small"
MIN_BYLINES = 2
"""Fewer closing bylines than this make no list of posts."""
BYLINE_TEXT = 120
"""The longest byline, squashed."""
BYLINE_RAW_TEXT = 4000
"""The longest text, as written, worth squashing to see whether it is a byline."""
LEAD_TEXT = 80
"""Paragraph text allowed before a post's title (a kicker, a byline) before it is not one."""
DAY_HEADING_TEXT = 60
"""The longest text read as a day heading between posts."""


class Generic(Adapter):
    name = "generic"
    generic = True
    trust_dom_times = False
    """Unknown templates: per-post structured times, where there are any, win."""
    title_selector = "h1, h2, h3, h4, h5, h6"

    def __init__(
        self,
        facts: PageFacts,
        markers: list[Found],
        days: DayHeadings | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        """`notes`: the page's short texts (`markers.Scan.notes`), where closing bylines
        with a clock time are looked for before the page's elements are."""
        self.facts = facts
        self._notes = notes
        self.days = days or DayHeadings(facts)
        self.zone = facts.zone  # type: ignore[assignment]
        self._written = {found.node.mem_id: found for found in _game_clocks(markers)}
        self._bylines: dict[int, tuple[str, datetime | None]] = {}
        """Byline -> its author and time (None for a clock time: read as a written one)."""
        self._marks: dict[int, int] = {}
        """Post -> how many times it holds."""
        self._minutes: dict[int, Found] = {}
        """Post -> the minute of play it is stamped with, beside a clock time or alone."""
        self._periods: dict[int, tuple[Node, str]] = {}
        """Post -> the stamp naming the stage of the match where others have a minute
        ("HT", "Mi-temps"), and its text."""
        self._own: dict[int, Found] = {}
        """Post -> the time written where it begins (or first in it)."""
        self._clocked: dict[int, datetime | None] = {}
        self._flags: dict[int, Flags] = {}
        self._key_listed: set[int] = set()
        """Posts a list of key events on the page links to."""
        self._headings: dict[int, Node] = {}
        self._apart: set[int] = set()
        """Posts of the feed's shape in a list of their own beside it (pinned ones on top)."""
        self.cuts: dict[int, Marker] = {}
        """Post -> a written time its first paragraph opens with, to cut from its text."""
        self._page_path = ""
        """The path of the page's address: a link with it (or none) points at the page."""
        self._indexed: list[Node] = []
        self._linked_authors: dict[int, Node] | None = None
        """Post -> the box of the link to its author's page that is its byline."""

    def prepare(self, tree: LexborHTMLParser, page_url: str) -> None:
        self._page_path = _path_of(page_url) or ""

    def index_posts(self, posts: list[Node]) -> None:
        super().index_posts(posts)
        self._indexed = posts
        self._linked_authors = None

    def post_nodes(self, tree: LexborHTMLParser) -> list[Node]:
        body = tree.body
        if body is None:
            return []
        timed = [stamp for stamp in body.css(TIME_SELECTOR) if not bounds_a_period(stamp)]
        written = [self._written[ident].node for ident in self._written]
        # Bylines are looked for element by element only where the page's text holds some.
        text = body.text()
        stated = len(BYLINE_WHEN.findall(text)) if BYLINE_YEAR.search(text) else 0
        if stated < MIN_BYLINES and len(timed) + len(written) < MIN_BYLINES:
            # Closing bylines with a clock are looked for only where posts have no time
            # otherwise: the page's short texts are many.
            stated = sum(1 for note in self._notes if _clock_byline(note) is not None)
        bylined = self._byline_nodes(body) if stated >= MIN_BYLINES else []
        members = best_group([*timed, *written, *bylined])
        if not members:
            return []
        feed = with_their_shape(members)
        if len(feed) > len(members):
            timed_ids = {member.mem_id for member in members}
            feed = [node for node in feed if node.mem_id in timed_ids or not _promo_box(node)]
        if any(found.marker.kind == "minute" for found in self._written.values()):
            feed = [node for node in feed if not marks_a_match_period(node.text(deep=True))]
            if not feed:
                return []
        before, after = lists_beside(feed)
        self._apart = {node.mem_id for node in (*before, *after)}
        posts = [*before, *feed, *after]
        self._key_listed = key_events_listed(body, posts)
        bylines = self._bylines_in(body) if self._bylines else []
        self._count_marks(posts, [*timed, *written, *bylines])
        if self._minutes:
            self._stamp_periods(posts)
        self._clock(feed)
        return posts

    # -- times ------------------------------------------------------------------------------

    def _count_marks(self, posts: list[Node], marks: list[Node]) -> None:
        """How many times each post holds, and the written time it is read by: the most
        exact of those written side by side ("hace 2 horas · 18:10" is 18:10)."""
        owners = Owners(post.mem_id for post in posts)
        written = Owners(self._written)
        holding_times = self._holding_times(marks, written)
        stamp_nodes = {mark.mem_id: mark for mark in marks if mark.mem_id not in self._written}
        """Time elements and closing bylines: a time written inside one is that time."""

        def in_a_stamp(mark: Node, post: int) -> bool:
            """Whether `mark` lies inside a time element or byline of its post `post`."""
            stamp = _marked_above(mark, post, stamp_nodes)
            return stamp is not None and stamp != post

        seen: set[int] = set()
        stamped: set[tuple[int, int]] = set()
        """(post, parent) pairs whose written time is counted: stamps side by side are one."""
        self_stamped: set[int] = set()
        """Posts with a time attribute of their own (`data-timestamp` on the post)."""
        shown: set[int] = set()
        """Of those, the ones whose first written time was taken as that time, shown."""
        for mark in marks:
            if mark.mem_id in seen:
                continue
            seen.add(mark.mem_id)
            post = owners.of(mark)
            if post is None:
                continue
            found = self._written.get(mark.mem_id)
            if found is not None:
                own = self._own.get(post)
                if own is None or _EXACTNESS[found.marker.kind] > _EXACTNESS[own.marker.kind]:
                    self._own[post] = found
                if found.marker.kind == "minute":
                    self._minutes.setdefault(post, found)
                if mark.mem_id in holding_times:
                    continue  # the text of a time element in it, counted as that element
                if _marked_above(mark, post, self._written) is not None:
                    continue  # inside another written time of the post: one time, read twice
                if in_a_stamp(mark, post):
                    continue  # the text of a byline's or a time element's time
                side = (post, mark.parent.mem_id if mark.parent is not None else 0)
                if side in stamped:
                    continue
                stamped.add(side)
                if post in self_stamped and post not in shown:
                    shown.add(post)  # the post's own time attribute, written out: one time
                    continue
            elif mark.mem_id == post:
                self_stamped.add(post)
            elif in_a_stamp(mark, post):
                continue  # a byline inside a byline, a time element inside a stamped one
            self._marks[post] = self._marks.get(post, 0) + 1

    def _stamp_periods(self, posts: list[Node]) -> None:
        """The posts whose minute-of-play slot (the element and class, at the place in the
        post, that holds "67'" in other posts) names a stage of the match instead ("HT")."""
        if all(post.mem_id in self._minutes for post in posts):
            return  # every post holds its minute: no slot to read a stage from
        slots = Counter(
            path
            for post in posts
            if (found := self._minutes.get(post.mem_id)) is not None
            if (stamp := stamp_of(found)) is not None and (path := _path(stamp, post))
        )
        paths = [path for path, count in slots.most_common() if count >= MIN_SLOT_POSTS]
        for post in posts:
            if post.mem_id in self._minutes:
                continue
            for path in paths:
                stamp = _follow(post, path)
                if stamp is None:
                    continue
                text = squash(stamp.text(deep=True))
                if names_a_match_period(text):
                    self._periods[post.mem_id] = (stamp, text)
                    break

    def _holding_times(self, marks: list[Node], written: Owners) -> set[int]:
        """The written times (`written`) whose element holds a time element (`<time>` or a
        `datetime` attribute) below it: one time, written twice."""
        holding = set()
        for mark in marks:
            if mark.mem_id not in self._written and (held := written.of(mark.parent)):
                holding.add(held)
        return holding

    def _clock(self, posts: list[Node]) -> None:
        """Times written as text, read in page order: day headings between posts date the
        posts below them, and a later clock time below an earlier one is the day before."""
        if not self._own:
            return
        facts = self.facts
        aside = {p.mem_id for p in posts if _marked_pinned(p)}
        if _opens_pinned(posts[0]):
            aside.add(posts[0].mem_id)
        in_walk = [p for p in posts if p.mem_id not in aside]  # pinned: out of the list's order
        written = [found.marker if (found := self._own.get(p.mem_id)) else None for p in in_walk]
        newest = newest_first(written)
        clock = facts.clock(newest_first=newest)
        if out_of_order_first(written, newest):
            aside.add(in_walk[0].mem_id)
        for ident in self._apart:  # a list of its own above the feed: out of its order
            found = self._own.get(ident)
            self._clocked[ident] = clock.time_of(found.marker if found else None, in_order=False)
        ids = {post.mem_id for post in posts}
        parent = posts[0].parent
        if parent is not None and parent.tag == "details":
            parent = parent.parent  # see `with_their_shape`
        for child in unfolded(parent):
            if child.mem_id in ids:
                found = self._own.get(child.mem_id)
                marker = found.marker if found else None
                in_order = child.mem_id not in aside
                self._clocked[child.mem_id] = clock.time_of(marker, in_order=in_order)
            elif child.is_element_node and (day := self.days.of(child)):
                clock.day_heading(day)

    def written_time(self, node: Node) -> Marker | None:
        return self.cuts.get(node.mem_id)

    def copies(self, tree: LexborHTMLParser) -> set[int]:
        """The posts in a list beside the feed: pinned, and second renderings of a feed post
        where the feed holds it too (a post then shown once, as the feed's)."""
        return set(self._apart)

    def label(self, node: Node) -> str:
        if (period := self._periods.get(node.mem_id)) is not None:
            return period[1]
        return minute_label(self._minutes.get(node.mem_id))

    def time_marks(self, node: Node) -> int:
        return self._marks.get(node.mem_id, 0)

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        attributes = node.attributes
        for attribute in EPOCH_ATTRIBUTES:
            if own := from_epoch(attributes.get(attribute)):
                break
        values = [t.attributes.get("datetime") or "" for t in self.all(node, "[datetime]")]
        if (
            not own
            and values
            and all(_DATE_ALONE.fullmatch(value.strip()) for value in values)
            and (clocked := self._clocked.get(node.mem_id)) is not None
        ):
            return clocked, None  # <time datetime="2024-07-30">14:50 Uhr</time>: the clock
        stamps = [parse_time(value, local_zone=self.facts.zone) for value in values]
        found = [stamp for stamp in stamps if stamp is not None]
        if own:
            if edited := from_epoch(attributes.get(UPDATE_ATTRIBUTE)):
                found.append(edited)
            return own, max(found) if found and max(found) > own else None
        if found:
            return found[0], max(found) if max(found) > found[0] else None
        for element in self.all(node, EPOCH_SELECTOR):
            attributes = element.attributes
            for attribute in EPOCH_ATTRIBUTES:
                if when := from_epoch(attributes.get(attribute)):
                    return when, None
        byline = self._byline(node)
        if byline and byline[2] is not None:
            return byline[2], None
        return self._clocked.get(node.mem_id), None

    def _byline_nodes(self, body: Node) -> list[Node]:
        found = []
        # An element holding one whose text is too long for a byline has too long a text
        # itself: innermost first, each such element passes that on to its parent, so deep
        # nesting costs no text (or squash) of every element's whole subtree.
        too_long: set[int] = set()
        for node in reversed(body.css(BYLINE_PARTS)):
            if node.mem_id not in too_long:
                raw = node.text(deep=True)
                text = squash(raw) if len(raw) <= BYLINE_RAW_TEXT else raw
                if len(text) <= BYLINE_TEXT:
                    if self._is_byline(node, text):
                        found.append(node)
                    continue
            if (parent := node.parent) is not None:
                too_long.add(parent.mem_id)
        found.reverse()
        return found

    def _bylines_in(self, body: Node) -> list[Node]:
        return [node for node in body.css(BYLINE_PARTS) if node.mem_id in self._bylines]

    def _is_byline(self, node: Node, text: str) -> bool:
        if not (match := BYLINE.match(text)):
            return self._is_clock_byline(node, text)
        when = parse_day_month_time(match["when"], local_zone=self.facts.zone)
        if when is None:
            return False
        self._bylines[node.mem_id] = (match["author"].strip(), when)
        return True

    def _is_clock_byline(self, node: Node, text: str) -> bool:
        """A byline ending in a clock time: the time is read as one written where the post
        begins would be (its day from the page and the posts around it)."""
        if not (match := _clock_byline(text)):
            return False
        marker = read_marker(match["when"], self.facts.language)
        if marker is None or marker.kind not in ("clock", "moment") or match["when"][marker.end :]:
            return False
        self._bylines[node.mem_id] = (match["author"].strip(), None)
        self._written[node.mem_id] = Found(node, marker, label=False)
        return True

    def _byline(self, node: Node) -> tuple[Node, str, datetime | None] | None:
        if not self._bylines:
            return None
        candidates = [n for n in node.css(BYLINE_PARTS) if n.mem_id in self._bylines]
        if not candidates:
            return None
        last = candidates[-1]
        author, when = self._bylines[last.mem_id]
        return last, author, when

    # -- the rest of a post -----------------------------------------------------------------

    def flags(self, node: Node, key: str | None) -> Flags:
        """Flags from `data-*` attributes or class names the template puts on the post."""
        known = self._flags.get(node.mem_id)
        if known is None:
            known = self._flags[node.mem_id] = self._read_flags(node)
        return known

    def _read_flags(self, node: Node) -> Flags:
        attrs = node.attributes
        names = (attrs.get("class") or "").casefold()

        def flagged(attribute: str, words: re.Pattern[str]) -> bool:
            value = (attrs.get(attribute) or "").casefold()
            return value in ("true", "1", "yes") or words.search(names) is not None

        own = self._own.get(node.mem_id)
        labelled = {
            flag
            for element in self.all(node, LABELS)
            if (flag := label_flag(squash(element.text(deep=True)))) is not None
        }
        return {
            "key_event": flagged("data-key-event", KEY_EVENT_CLASS)
            or "key_event" in labelled
            or node.mem_id in self._key_listed,
            "pinned": flagged("data-pinned", PINNED_CLASS)
            or (attrs.get("data-type") or "").casefold() == "pinned"
            or "pinned" in labelled
            or (own is not None and own.marker.pinned)  # "Pinned post from 9.32pm"
            or node.mem_id in self._apart,
            "breaking": flagged("data-breaking", BREAKING_CLASS) or "breaking" in labelled,
            "summary": flagged("data-summary", SUMMARY_CLASS),
        }

    def authors(self, node: Node) -> list[str]:
        if byline := self._byline(node):
            return [byline[1]]
        naming: dict[int, tuple[Node, list[str]]] = {}
        """Author elements that name someone, with the names."""
        for element in self.all(node, AUTHORS):
            if element.tag == "img" or _in_figure(element, node):
                continue  # a picture's credit
            if names := _byline_names(element):
                naming[element.mem_id] = (element, names)
        # A box holding a naming element (the name beside a role) is read by that element;
        # one that holds only a "By" of its own class is read itself.
        holders = _holders([element for element, _ in naming.values()], node)
        found = list(
            dict.fromkeys(
                name
                for ident, (_, names) in naming.items()
                if ident not in holders
                for name in names
            )
        )
        if not found and (box := self._author_link_boxes().get(node.mem_id)) is not None:
            return names_in(squash(box.text(deep=True)))
        if not found and (own := self._own.get(node.mem_id)) is not None and own.marker.end:
            text = squash(own.node.text(deep=True))
            if own.marker.end < len(text) and text[: own.marker.end].rstrip()[-1] in "·|•":
                return names_after_time(text[own.marker.end :])  # "7.48pm · Jane Doe"
        return found

    def _author_link_boxes(self) -> dict[int, Node]:
        """Post -> the box holding nothing but a link to its author's page (`<div><a
        href="/author/jane-roe">Jane Roe</a></div>`), where most posts have one: their
        byline, whatever its class."""
        if self._linked_authors is None:
            boxes: dict[int, Node] = {}
            for post in self._indexed:
                for link in self.all(post, AUTHOR_LINKS):
                    if (box := _lone_link_box(link, post)) is not None:
                        boxes[post.mem_id] = box
                        break
            repeated = len(boxes) >= MIN_BYLINES and 2 * len(boxes) > len(self._indexed)
            self._linked_authors = boxes if repeated else {}
        return self._linked_authors

    def body(self, node: Node) -> list[Node]:
        byline = self._byline(node)
        if byline is not None:
            byline[0].decompose()
        if (box := self._author_link_boxes().get(node.mem_id)) is not None and box.parent:
            box.decompose()
        found = self._own.get(node.mem_id)
        if found is not None and found.node.parent is not None:
            if found.label and found.marker.kind == "minute":
                _stamp_column(found.node, node).decompose()  # "95'", "14.3" and its mark
            elif found.label:
                found.node.decompose()  # a time label: "95'", "2:02 p.m. ET"
            elif found.node.tag not in HEADINGS:
                self.cuts[node.mem_id] = found.marker
        minute = self._minutes.get(node.mem_id)
        if minute is not None and minute.label and minute.node.parent is not None:
            _stamp_column(minute.node, node).decompose()  # "67'" beside the post's clock time
        period = self._periods.get(node.mem_id)
        if period is not None and period[0].parent is not None:
            period[0].decompose()  # "HT" where others have their minute: the label
        parts = self._furniture(node)
        boxes = _holders(
            [part for part in parts if part.tag not in ("time", "header", "img")], node
        )
        for part in parts:
            if part.parent is None:
                continue
            if part.tag in ("time", "header") or (
                not _in_figure(part, node) and (self._names(part) or self._byline_box(part, boxes))
            ):
                box = part.parent
                part.decompose()
                if box is not None and box.mem_id != node.mem_id and _bare_byline(box):
                    box.decompose()  # "By" and commas, the names it stood before taken
        heading = self._headings.get(node.mem_id)
        lines = f"{self.title_selector}, p"
        if (heading is None or heading.parent is None) and self.all(node, lines):
            # Asked again: what was just removed may have been running text before it.
            heading = self._title_heading(node.css(lines), node)
        if heading is not None and (
            self.first(node, "a[href]") is None
            or (link := heading.css_first("a[href]")) is None
            # the post's own permalink, not a link post's article
            or _links_to(link, node)
            or _links_to_post(link.attributes.get("href") or "", node, self._page_path)
        ):
            heading.decompose()
        return [node]

    def _furniture(self, node: Node) -> list[Node]:
        """`node.css(f"time, header, {AUTHORS}")`: from the author elements its authors
        were read from, and one query over the posts for its time and header elements."""
        stamps = self.all(node, "time, header")
        authors = self.all(node, AUTHORS)
        if not stamps or not authors:
            return stamps or authors
        order = {element.mem_id: place for place, element in enumerate(node.traverse())}
        return sorted([*stamps, *authors], key=lambda element: order.get(element.mem_id, -1))

    def title(self, node: Node) -> str:
        heading = self._title_heading(self.all(node, f"{self.title_selector}, p"), node)
        if heading is not None:
            self._headings[node.mem_id] = heading
        if heading is None:
            return ""
        found = self._own.get(node.mem_id)
        if found is None or found.node.mem_id != heading.mem_id:
            text = title_text(heading)
        else:
            after = marker_end(heading, found.marker)
            text = title_text(heading, after).strip() if not found.label else ""
        if text.startswith("+++") or text.endswith("+++"):
            return text.strip("+ ")  # "+++ Title +++", "+++ 07:30 Title +++"
        return text

    def _byline_box(self, element: Node, boxes: set[int]) -> bool:
        """Whether an author element is a short box around another ("From CNB Meteorologist
        <span class=byline__name>Lena Cruzado</span>"): the byline, whatever its words."""
        return element.mem_id in boxes and len(squash(element.text(deep=True))) < AUTHOR_TEXT

    def _names(self, element: Node) -> bool:
        """Whether an author element holds names and nothing else (not a bio paragraph)."""
        return bool(_byline_names(element))

    def _title_heading(self, candidates: list[Node], post: Node) -> Node | None:
        """The post's own heading among its headings and paragraphs (`candidates`, in page
        order): the first one that is not promotional, unless running text comes before it
        (then it heads something inside the post, such as a related card). A first
        paragraph that is all bold and short is a heading when the post says more."""
        lead = 0
        for element in candidates:
            if element.tag != "p":
                if promo_line(element.text(deep=True)):
                    continue  # a donation ask's heading: the cleaner removes it with the ask
                if self._stamp_alone(element):
                    continue  # "<h4>2:30 PM</h4>" over "<h3>Title</h3>": the post's time
                return element
            text = squash(element.text(deep=True))
            if not lead and text and heading_like(element) and _says_more(post, text):
                return element
            lead += len(text)
            if lead > LEAD_TEXT:
                return None
        return None

    def _stamp_alone(self, heading: Node) -> bool:
        """Whether `heading` holds a time and nothing else ("2:30 PM", "14:23 Uhr")."""
        text = squash(heading.text(deep=True))
        if not text or len(text) > STAMP_HEADING:
            return False
        marker = read_marker(text, self.facts.language)
        return marker is not None and marker.end >= len(text)


STAMP_HEADING = 24
"""The longest heading that may be a time alone."""
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
AUTHORS = (
    "[rel='author'], [itemprop='author'], [class*='author' i], [class*='byline' i],"
    " [class*='contributor' i], [data-testid*='byline' i], [class*='user-name'],"
    " [class*='username'], [class$='-by' i], [class$='_by' i]"
)
"""Elements that may name a post's author (BEM names too: "live-post__byline"; a live-blog
widget's "lb24-base-user-name"; "posted-by", "entry_by")."""
LABELS = "[class*='label'], [class*='tag'], [class*='badge'], [class*='flag'], [class*='kicker']"
"""Elements that may hold a post's label ("Eilmeldung", "Pinned")."""
KEY_EVENT_CLASS = re.compile(
    "key-event|keyevent|key_event|type-key|highlight|--essential|--important|_important_"
)
PINNED_CLASS = re.compile("is-pinned|pinned-post|--pinned|_pinned_")
"""A post's own class names flagging it; `_pinned_`, `_important_`: CSS modules' spelling
("LiveFeedItem_pinned__Rz0Y1")."""
BREAKING_CLASS = re.compile("breaking")
SUMMARY_CLASS = re.compile("is-summary")
"""What a post's class holds (lower-cased) where the template marks it as one of these."""
AUTHOR_TEXT = 120
"""The longest author element read for names."""
AUTHOR_LINKS = ", ".join(
    f"a[href*='/{part}/']" for part in ("author", "authors", "profile", "by", "autor", "auteur")
)
"""Links to an author's page ("/author/jane-roe", "/by/jane-roe-p5a7")."""
_RUN_ON = re.compile(r"(?<=\w)\x00(?=\w)")
"""Where one element's words end and the next's begin, with nothing between them."""


def _byline_names(element: Node) -> list[str]:
    """The people an author element names. Its elements are its fields where nothing parts
    them ("<span>Jonas Ek</span><span>reporter</span>": a name, then a role), else words of
    one line ("<span>By</span><a>Jonas Ek</a>")."""
    text = element.text(deep=True, separator="\x00")
    joined = squash(text.replace("\x00", ""))
    if not 0 < len(joined) < AUTHOR_TEXT:
        return []
    if "\x00" in text and _RUN_ON.search(text):
        for boundary in (" · ", " "):
            if names := names_in(squash(_RUN_ON.sub(boundary, text).replace("\x00", ""))):
                return names
    return names_in(joined)


def _lone_link_box(link: Node, post: Node) -> Node | None:
    """The element around `link` within `post` when it holds nothing else and the link's
    text names someone: a box of its own, not a heading's, a list's or a picture's."""
    box = link.parent
    if box is None or box.mem_id == post.mem_id or box.tag in HEADINGS or box.tag == "li":
        return None
    text = squash(link.text(deep=True))
    if not text or len(text) > AUTHOR_TEXT or squash(box.text(deep=True)) != text:
        return None
    return box if names_in(text) and not _in_figure(box, post) else None


def _says_more(post: Node, opening: str) -> bool:
    """Whether `post` holds more text than its `opening` line (a title needs a body)."""
    return len(squash(post.text(deep=True))) > len(opening) + LEAD_TEXT // 2


_EXACTNESS = {"minute": 0, "relative": 1, "clock": 2, "moment": 2}
"""Of the times written in a post, the one it is read by: a clock time over "16 min ago"
("hace 2 horas · 18:10" is 18:10), and either over a minute of play ("67' 19:42")."""


def _promo_box(node: Node) -> bool:
    """Whether an untimed box of the posts' shape is headed by a promotion ("Sign up to the
    Front Page newsletter"): a box among the posts, not one, where no class tells them apart
    (a page saved without its classes)."""
    heading = node.css_first("h2, h3, h4")
    return heading is not None and bool(promo_line(heading.text(deep=True)))


def _clock_byline(text: str) -> re.Match[str] | None:
    """`CLOCK_BYLINE` in `text`, if it ends as a clock time does (a digit, "Uhr", "h")."""
    if not CLOCK_BYLINE_TEXT <= len(text) <= BYLINE_RAW_TEXT or not _BYLINE_START.match(text):
        return None  # most texts: anchored at their start, this fails at once
    tail = text.rstrip()[-3:]
    if not (tail[-1].isdigit() or tail in ("Uhr", "uur") or tail[-1] == "h"):
        return None
    return CLOCK_BYLINE.match(squash(text))


CLOCK_BYLINE_TEXT = 12
"""The shortest closing byline with a clock time: "By Al at 9:05"."""
_BYLINE_START = re.compile(
    r"\s*(?:posted|published|updated|written|filed|by|von|par|di|door|por|przez)\s", re.I
)


def _game_clocks(markers: list[Found]) -> list[Found]:
    """`markers` with a game's clock written apart from its period ("<span>Q3</span>
    <span>5:42</span>") read as one stamp, "Q3 5:42", as `read_marker` reads it written
    together: the clock is no time of day. The box of the two stands for them if it holds
    nothing else."""
    periods: set[int] = set()
    read: list[Found] = []
    for found in markers:
        read.append(found)
        if not found.label or found.marker.kind != "clock":
            continue  # a clock alone in its element, as a game's is
        if not _PLAIN_CLOCK.fullmatch(found.marker.label):
            continue
        before = found.node.prev
        while before is not None and not before.is_element_node:
            before = before.prev
        if before is None or len(period := before.text(deep=True)) > GAME_PERIOD_TEXT:
            continue
        if not _GAME_PERIOD.fullmatch(period := squash(period)):
            continue
        label = f"{period} {found.marker.label}"
        box = found.node.parent
        node = box if box is not None and squash(box.text(deep=True)) == label else found.node
        periods.add(before.mem_id)
        read[-1] = Found(node, Marker("minute", label=label, end=found.marker.end), label=True)
    return [found for found in read if found.node.mem_id not in periods] if periods else read


GAME_PERIOD_TEXT = 16
"""The longest text, as written, a game's period beside its clock has ("3rd Quarter")."""
_PLAIN_CLOCK = re.compile(r"[0-9]{1,2}:[0-5][0-9]")
_GAME_PERIOD = re.compile(
    r"q[1-4]|[1-4]q|[1-4]?ot|(?:1[0-9]|[1-9])(?:st|nd|rd|th)(?:\s?(?:qtr\.?|quarter|period|half))?",
    re.IGNORECASE,
)
"""A game's period standing alone beside its clock: "Q3", "OT", "3rd", "3rd Qtr"."""


def _stamp_column(stamp: Node, post: Node) -> Node:
    """A minute-of-play stamp, or the column it stands in if that holds no more than a
    mark of the play beside it ("15.1" over a bubble "W", "67'" over a card's icon)."""
    column = stamp.parent
    if column is None or column.mem_id == post.mem_id:
        return stamp
    rest = _letters(column.text(deep=True)) - _letters(stamp.text(deep=True))
    if rest > STAMP_MARK_TEXT or column.css_first("img, picture, figure, iframe, video"):
        return stamp
    return column


def _letters(text: str) -> int:
    return len(text) - sum(1 for char in text if char.isspace())


STAMP_MARK_TEXT = 2
"""The most characters a mark beside a minute stamp shows: a run ("4"), "W", "nb"."""
MIN_SLOT_POSTS = 2
"""Posts that must hold their minute of play in one slot for it to be the posts' stamp."""
SLOT_DEPTH = 6
"""The deepest a post's stamp is looked for below it."""
_Slot = tuple[tuple[str, str], ...]


def _path(stamp: Node, post: Node) -> _Slot | None:
    """The elements (tag and class) from `post` down to `stamp`, or None if it lies deeper."""
    path: list[tuple[str, str]] = []
    node: Node | None = stamp
    while node is not None and node.mem_id != post.mem_id:
        if len(path) == SLOT_DEPTH:
            return None
        path.append((node.tag or "", node.attributes.get("class") or ""))
        node = node.parent
    return tuple(reversed(path)) if node is not None else None


def _follow(post: Node, path: _Slot) -> Node | None:
    """The element `path` leads to in `post` (the first child of its tag and class at each
    step), if there is one."""
    node = post
    for tag, classes in path:
        child = node.child
        while child is not None and not (
            child.tag == tag and (child.attributes.get("class") or "") == classes
        ):
            child = child.next
        if child is None:
            return None
        node = child
    return node


def _marked_above(mark: Node, post: int, marked: Container[int]) -> int | None:
    """The nearest of the `marked` elements above `mark`, up to its post `post` (the
    `mem_id` of the nearest post at or above it): a climb from a mark ends at its post."""
    if mark.mem_id == post:
        return None
    node = mark.parent
    while node is not None:
        ident = node.mem_id
        if ident in marked:
            return ident
        if ident == post:
            return None
        node = node.parent
    return None


def _bare_byline(box: Node) -> bool:
    """Whether all `box` says is a byline's word with the names gone: "By", "By , and"."""
    text = box.text(deep=True)
    if len(text) > BARE_BYLINE_TEXT:
        return False
    said = [word for word in _WORDS.findall(text.casefold()) if word not in NAME_JOINERS]
    return len(said) == 1 and said[0] in _BY_WORDS


BARE_BYLINE_TEXT = 40
_WORDS = re.compile(r"[^\W\d_]+")
_BY_WORDS = frozenset(
    word for words in BYLINE_WORDS.values() for word in words if " " not in word and ":" not in word
)
"""The words a byline opens with before the names ("by", "von", "par")."""


def _links_to(link: Node, post: Node) -> bool:
    """Whether `link` points at `post` itself: its fragment is the post's id, or the id of an
    element in it ("#post-7", "?page=with:block-7#block-7")."""
    fragment = link_fragment(link)
    if not fragment:
        return False
    if post.attributes.get("id") == fragment:
        return True
    return any(element.attributes.get("id") == fragment for element in post.css("[id]"))


def _links_to_post(href: str, post: Node, page_path: str) -> bool:
    """Whether `href` is the post's own address: this page (its path, or none), with the
    post's id as the fragment or a query value ("?update=3512907" of `#update-3512907`,
    "#post-88214" of a post whose `data-post-id` is 88214)."""
    if "?" not in href and "#" not in href:
        return False  # most links: another page
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    if parts.path and parts.path != page_path:
        return False
    attributes = post.attributes
    own = {key for key in (normalise_id(attributes.get("id") or ""), data_id(attributes)) if key}
    if not own:
        return False
    named = [value for _, value in parse_qsl(parts.query)] + [parts.fragment]
    return any(value and normalise_id(value) in own for value in named)


def _path_of(url: str) -> str | None:
    try:
        return urlsplit(url).path
    except ValueError:
        return None


def _holders(elements: list[Node], post: Node) -> set[int]:
    """The elements of `post` that hold one of `elements` (an author box around the name)."""
    held: set[int] = set()
    for element in elements:
        parent = element.parent
        while parent is not None and parent.mem_id != post.mem_id and parent.mem_id not in held:
            held.add(parent.mem_id)
            parent = parent.parent
    return held


def _in_figure(element: Node, post: Node) -> bool:
    """Whether `element` lies in a picture's box (its caption or credit) within `post`."""
    node = element.parent
    while node is not None and node.mem_id != post.mem_id:
        if node.tag in ("figure", "figcaption"):
            return True
        node = node.parent
    return False


def _marked_pinned(node: Node) -> bool:
    """Whether the post's own markup marks it pinned (read again, fully, by `flags`)."""
    attrs = node.attributes
    return "pinned" in (attrs.get("class") or "").casefold() or (
        (attrs.get("data-pinned") or "").casefold() in ("true", "1", "yes")
    )


def _opens_pinned(post: Node) -> bool:
    """Whether the post's first text is a label pinning it ("Pinned", "Pinned post from
    9.32pm"): a post on top of the list, out of its order."""
    for node in post.traverse(include_text=True):
        if node.is_text_node and (text := (node.text_content or "").strip()):
            head = _LABEL_SINCE.split(text[: LABEL_OPENING + 1], maxsplit=1)[0]
            return len(text) <= LABEL_OPENING and label_flag(squash(head)) == "pinned"
    return False


LABEL_OPENING = 60
"""The longest first text of a post that may be a label (and the time it was pinned at)."""
_LABEL_SINCE = re.compile(r"\s+(?:from|at|since|seit|ab|depuis|desde|dal|od|vanaf)\s+(?=\d)", re.I)


class DayHeadings:
    """`day_heading` of the elements between posts, each read once though both generic
    readers walk the same column."""

    def __init__(self, facts: PageFacts) -> None:
        self.facts = facts
        self._known: dict[int, date | None] = {}

    def of(self, node: Node) -> date | None:
        ident = node.mem_id
        if ident not in self._known:
            self._known[ident] = day_heading(node, self.facts)
        return self._known[ident]


def day_heading(node: Node, facts: PageFacts) -> date | None:
    """The day a heading between posts names ("Donnerstag, 18. 7."), as a date."""
    text = node.text(deep=True)
    if len(text) > DAY_HEADING_TEXT * 4:
        return None
    text = squash(text)
    if not text or len(text) > DAY_HEADING_TEXT:
        return None
    return read_day(text, facts.language, near=facts.day)


TITLE_TEXT = 160
"""The longest opening line, time included, taken for a post's title."""


def heading_like(node: Node) -> bool:
    """A heading, or a short paragraph that is all bold ("<p><strong>06:55 Uhr: Mehr als 340
    Einsätze</strong></p>"): the post's title line, not its first paragraph."""
    if node.tag in HEADINGS:
        return True
    if node.tag != "p":
        return False
    text = squash(node.text(deep=True))
    if not text or len(text) > TITLE_TEXT:
        return False
    if (names := node.attributes.get("class")) and _TITLE_CLASS.search(names):
        return True  # "<p class='Live__title'>": a title line by its name, bold or not
    # Walked, not queried: a paragraph is small, and a query costs more to set up than that.
    bold = "".join(part.text(deep=True) for part in node.traverse() if part.tag in BOLD)
    if not bold or (bold := squash(bold)) == text:
        return bool(bold)
    # Bold runs joined by plain separators ("<strong>4:55</strong> – <strong>Title</strong>")
    return _SEPARATOR.sub("", bold) == _SEPARATOR.sub("", text)


BOLD = frozenset({"strong", "b"})
_TITLE_CLASS = re.compile(r"(?<![a-z])title\b|[_-]title(?![a-z])", re.IGNORECASE)
"""A class naming a title line ("title", "Live__title", "post-title"; not "subtitle")."""
_SEPARATOR = re.compile(r"[\s:|·•–—-]+")
