"""Choosing between readings of a page.

Every reader that claims the page (a site spec, structured data, the generic readers) proposes
the elements it takes for posts. Each proposal is measured on evidence the page carries, and
the best supported one is read:

- agreement with structured data: posts whose key a JSON-LD, microdata or page-state post has;
- the share of posts with a time (an attribute, or a time written at their start);
- text per post, and the share of it that is link text (teaser lists are mostly links);
- regularity: posts of one shape (tag and class), not a run of unlike boxes;
- markers swallowed: a reading whose posts hold other posts' times has merged posts;
- prose: a reading none of whose posts holds a sentence is boxes of data (price tables,
  results, timetables stamped "Updated 14:23"), not posts, unless the page is seen to be
  kept up with them (a score ticker's "GOAL! Harbour 1-0 Rovers (Doyle 11)");
- live pages listed: a reading most of whose posts are headlines that link to a live page
  of their own ("Storm Bert live: …", or under a "LIVE" badge) is a site's index of its live
  blogs.

A site spec's reading starts ahead (its template is known); a generic reading must also pass
a floor (enough posts, mostly timed, with text of their own; on a page that does not call
itself live, long posts, or short ones it is seen to be kept up with) or the page is not a
live blog, and its posts' times must be the moments of posts: not dates alone, not a table
of times of which none is a post's, not a programme's (all on five minutes, earliest
first), and, on a page that does not call itself live, neither a schedule's (all on the
quarter hour) nor all older than the page that quotes them.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from urllib.parse import urlsplit

from liveread.parse import timewords as words
from liveread.parse.adapter import Adapter, Node
from liveread.parse.facts import LIVE_WORDS, PageFacts
from liveread.parse.markers import MARKER_TEXT
from liveread.parse.structured import StructuredBlog
from liveread.parse.texttimes import FUTURE_SLACK, read_marker
from liveread.parse.tree import Owners, common_ancestor
from liveread.text import letter_count, squash

SITE_PRIOR = 2.0
"""How far ahead a site spec's reading starts: its template is known."""
MIN_POSTS = 2
MIN_TEXT = 40
"""Characters of text a post needs to count as having a body of its own."""
UNSAID_POSTS, UNSAID_TEXT, UNSAID_LINKS = 6, 200, 0.15
"""What a page that does not call itself live needs to be read as one anyway: this many
timed posts, of this much text each (median), with at most this share of link text."""
UNSAID_TIMED = 0.9
"""The share of its posts that must be timed, unless it is seen to be kept up with them."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a proposal's posts show, measured without changing the page."""

    posts: int
    timed: float
    """Share of posts with a time."""
    structured: float
    """Share of posts whose key a structured post has."""
    text: int
    """Median characters of text per post."""
    with_body: float
    """Share of posts with `MIN_TEXT` characters or more."""
    links: float
    """Share of all text inside links."""
    regular: float
    """Share of posts of the most common shape."""
    swallowed: float
    """Times found inside posts beyond their own, per post."""
    holds_structured: bool = False
    """The posts hold every post structured data lists, and more, and those list no bodies:
    the structured list is only the page's newest posts, by headline."""


@dataclass(slots=True)
class Proposal:
    reader: Adapter
    nodes: list[Node]
    evidence: Evidence | None = None
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    refused: str | None = None
    """Why this reading cannot be the page's posts, if it cannot."""


def measure(
    reader: Adapter,
    nodes: list[Node],
    data: StructuredBlog,
    page_url: str,
    letters: dict[int, int] | None = None,
) -> Evidence:
    """What `reader`'s posts (`nodes`) show. `letters`: the letters of elements already
    measured (readings of one page share most of their elements), added to as it goes."""
    letters = {} if letters is None else letters
    keys = {post.key for post in data.posts if post.key}
    held: set[str] = set()
    texts: list[int] = []
    linked = total = timed = matched = swallowed = 0
    shapes: dict[tuple[str, str], int] = {}
    link_text = _link_text(reader, nodes)
    post_keys = reader.keys(nodes, page_url) if keys else {}
    for node in nodes:
        extent = reader.extent(node)
        text = 0
        for part in extent:
            if (part_letters := letters.get(part.mem_id)) is None:
                part_letters = letters[part.mem_id] = letter_count(part.text(deep=True))
            text += part_letters
        links = link_text.get(node.mem_id, 0)
        texts.append(text)
        total += text
        linked += min(links, text)
        marks = reader.time_marks(node)
        timed += marks > 0
        swallowed += max(0, marks - 1)
        if keys and (key := post_keys[node.mem_id]) in keys:
            matched += 1
            held.add(key)
        shape = (node.tag or "", (node.attributes.get("class") or "").split(" ")[0])
        shapes[shape] = shapes.get(shape, 0) + 1
    count = len(nodes)
    return Evidence(
        posts=count,
        timed=timed / count if count else 0.0,
        structured=matched / count if count else 0.0,
        text=int(statistics.median(texts)) if texts else 0,
        with_body=sum(1 for t in texts if t >= MIN_TEXT) / count if count else 0.0,
        links=linked / total if total else 0.0,
        regular=max(shapes.values()) / count if count else 0.0,
        swallowed=swallowed / count if count else 0.0,
        holds_structured=(
            count > len(data.posts) and bool(keys) and held == keys and _headlines_only(data)
        ),
    )


def _headlines_only(data: StructuredBlog) -> bool:
    """Whether none of the posts structured data lists has a body."""
    return all(not post.body.strip() for post in data.posts)


def _link_text(reader: Adapter, nodes: list[Node]) -> dict[int, int]:
    """Each post's link text (letters), from one query over the region that holds them."""
    post_of = {part.mem_id: node.mem_id for node in nodes for part in reader.extent(node)}
    region = common_ancestor(nodes)
    if region is None:
        return {}
    owners = Owners(post_of)
    found: dict[int, int] = {}
    for link in region.css("a"):
        part = owners.of(link)
        if part is not None:
            post = post_of[part]
            found[post] = found.get(post, 0) + letter_count(link.text(deep=True))
    return found


def judge(
    proposal: Proposal,
    *,
    site: bool,
    structured: bool,
    facts: PageFacts | None = None,
) -> None:
    """Score `proposal` (its `evidence` measured), and say why; refuse a generic reading the
    page gives too little evidence for. `facts`: what the page says of itself (whether it is
    live, when it was first published and last changed), which its generic readers read by."""
    e = proposal.evidence
    assert e is not None
    parts = [
        ("structured agreement", 3.0 * e.structured),
        ("timed posts", 2.0 * e.timed),
        ("text per post", min(e.text, 400) / 400),
        ("posts with a body", e.with_body),
        ("regular posts", 0.5 * e.regular),
        ("number of posts", 0.5 * math.log10(max(e.posts, 1))),
        ("link text", -3.0 * e.links),
        ("times swallowed", -2.0 * min(e.swallowed, 1.0)),
    ]
    if site:
        parts.append(("known template", SITE_PRIOR))
    proposal.score = sum(value for _, value in parts)
    proposal.reasons = [f"{name} {value:+.2f}" for name, value in parts if value]
    if site or (structured and (e.structured >= 0.5 or e.holds_structured)):
        return
    live_signal = facts is None or facts.live
    live_signal = live_signal or (e.text >= NAMED_TEXT and _named_live_posts(proposal.nodes))
    if e.posts < MIN_POSTS:
        proposal.refused = f"{e.posts} post{'s' * (e.posts != 1)}"
    elif e.with_body * 2 < 1:
        proposal.refused = "most posts have no text of their own"
    elif e.links > 0.5:
        proposal.refused = "mostly links: a list of teasers"
    elif e.links >= INDEX_LINKS and _lists_live_pages(proposal.reader, proposal.nodes):
        proposal.refused = "its items are headlines linking to live pages: an index of live blogs"
    elif e.links >= INDEX_LINKS and _open_with_links_away(proposal.nodes):
        proposal.refused = "its items open with headlines linking to other pages: a news feed"
    elif e.timed < 0.5:
        proposal.refused = f"only {e.timed:.0%} of posts carry a time"
    elif round(e.timed * e.posts) < MIN_POSTS:
        proposal.refused = "only one post carries a time"
    elif (
        not live_signal
        and (e.timed < UNSAID_TIMED or not _plainly_posts(e))
        and not _kept_up(proposal, e, facts)
    ):
        proposal.refused = (
            f"only {e.timed:.0%} of posts carry a time"
            if e.timed < UNSAID_TIMED
            else "the page does not say it is live, and its timed items are short"
        )
    elif not _some_prose(proposal.reader, proposal.nodes) and not _kept_up(proposal, e, facts):
        proposal.refused = "no post holds a sentence of prose: boxes of data, not posts"
    elif _marks_a_recording(proposal.reader, proposal.nodes):
        proposal.refused = "its items link to places in a recording: chapters, not posts"
    elif not live_signal and _after_the_page(proposal, facts):
        proposal.refused = "its newest item comes after the page's last change: another day's"
    else:
        proposal.refused = _not_post_times(
            proposal, e, facts, live_signal=live_signal
        ) or _recounted(proposal, facts)


_LIVE_POST_NAME = re.compile(
    r"(?:^|[\s_-])live[-_]?(?:(?:blog|ticker)[-_]{0,2}(?:post|entry|update|item|event)"
    r"|post|entry|update)s?(?:$|[\s_-])",
    re.IGNORECASE,
)
"""A post's class or id naming it a live blog's post: "live-post", "liveblog-entry",
"live-update-3", "liveticker__item" (not "live-card", "live-scores")."""


NAMED_TEXT = 100
"""The text (median) of posts whose markup names them live posts it takes to read them so:
a sidebar of a live blog's latest lines beside an article has one-line items."""


def _named_live_posts(nodes: list[Node]) -> bool:
    """Whether most posts' own class or id names them a live blog's posts: the page says it
    is live in its markup where its title does not ("Heatwave latest: …")."""
    named = sum(
        1
        for node in nodes
        if _LIVE_POST_NAME.search(node.attributes.get("class") or "")
        or _LIVE_POST_NAME.search(node.attributes.get("id") or "")
    )
    return named * 2 > len(nodes)


INDEX_LINKS = 0.1
"""The share of link text from which a reading's posts may be an index's teasers (a live
blog's posts, even the ones that link out, are mostly text of their own)."""
_LINKED_HEADLINES = "h1 a[href], h2 a[href], h3 a[href], h4 a[href]"


def _lists_live_pages(reader: Adapter, nodes: list[Node]) -> bool:
    """Whether most posts have a headline linking to another page, a page that says it is
    live ("M62 closed – live traffic updates") or under a live badge ("LIVE"): an index of a
    site's live blogs, not one."""
    listed = 0
    for node in nodes:
        parts = reader.extent(node)
        links = [
            link
            for part in parts
            for link in part.css(_LINKED_HEADLINES)
            if "#" not in (link.attributes.get("href") or "#")
        ]
        listed += bool(links) and (
            any(LIVE_WORDS.search(link.text()) for link in links) or _live_badge(parts[0])
        )
    return listed * 2 > len(nodes)


def _open_with_links_away(nodes: list[Node]) -> bool:
    """Whether all posts but one open with a headline linking to another page, after their
    time at most ("14:25 В Архангельске закрыли мост"), and say little more (a lead): a
    site's news feed, each item a teaser of its own article, even on a page that calls itself
    live. A live blog's posts whose headlines link to pages of their own go on to tell the
    news themselves."""
    opening = 0
    own = _own_path(nodes[0]) if nodes else ""
    for node in nodes:
        link = node.css_first("a[href]")
        if link is None:
            continue
        href = link.attributes.get("href") or "#"
        if "#" in href or href.startswith("?") or (own and urlsplit(href).path.startswith(own)):
            continue  # a link to the post itself, on this page or a page of its own below it
        headline = squash(link.text(deep=True))
        if _width(headline) >= HEADLINE_LINK:
            text = squash(node.text(deep=True))
            opening += (
                0 <= text.find(headline) <= STAMP_BEFORE
                and len(text) - len(headline) <= STAMP_BEFORE + TEASER_LEAD
            )
    return opening >= max(len(nodes) - 1, 3)


def _own_path(node: Node) -> str:
    """The path of the page `node` is in, as its canonical link gives it ("/live/flood-
    updates"), or "" if it gives none or names a section ("/politik/"): a section's own
    articles are below it, not its posts'."""
    root = node
    while root.parent is not None:
        root = root.parent
    canonical = root.css_first("link[rel='canonical']")
    href = canonical.attributes.get("href") or "" if canonical is not None else ""
    path = urlsplit(href).path.rstrip("/")
    slug = path.rpartition("/")[2]
    return path if "-" in slug or any(char.isdigit() for char in slug) else ""


HEADLINE_LINK = 20
"""The shortest link text that is a headline, not a name or a "Read more" (`_width`)."""
_WIDE = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
"""Kana, Chinese characters and Hangul: a word in one or two of them."""


def _width(text: str) -> int:
    """The length of `text`, a wide character counting as two: "태풍 북상에 제주공항 결항"
    says as much as "Typhoon nears, airport flights cancelled"."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


STAMP_BEFORE = 24
"""The most characters a teaser's time may take before its headline ("5 минут назад")."""
TEASER_LEAD = 240
"""The most characters a teaser says after its headline: a sentence or two of lead."""
LIVE_BADGE = 20
"""The longest opening line that is a live badge ("LIVE", "En direct", "Liveticker")."""


def _live_badge(part: Node) -> bool:
    """Whether the post opens with a badge that says live, alone on its line."""
    opening = part.text(deep=True, separator="\n", strip=True).lstrip().split("\n", 1)[0]
    return len(opening) <= LIVE_BADGE and LIVE_WORDS.fullmatch(opening) is not None


def _plainly_posts(e: Evidence) -> bool:
    """Timed items a page that does not call itself live may still be posts by: enough of
    them, with paragraphs of their own rather than a line and a link, one time each
    (schedules, guides, fixtures and headline lists are timed too)."""
    return (
        e.posts >= UNSAID_POSTS
        and e.text >= UNSAID_TEXT
        and e.links <= UNSAID_LINKS
        and e.swallowed <= UNSAID_SWALLOWED
    )


def _kept_up(proposal: Proposal, e: Evidence, facts: PageFacts | None) -> bool:
    """Whether the page, though it does not call itself live ("Storm Ciarán: updates through
    the day"), shows it is kept up with its timed items: they run newest first, each a post
    of its own (not a teaser linking to its article), and the page says it last changed just
    after the newest, as a page does that is changed by adding a post, over a while (boxes of
    data refreshed together are stamped within minutes), and they are the page's main text.
    Schedules, fixtures and programmes run the other way; comments and feeds do not change
    their page. Such items are posts even if none is a sentence ("GOAL! Harbour 1-0 Rovers
    (Doyle 11)")."""
    if e.posts < KEPT_UP_POSTS or e.swallowed > UNSAID_SWALLOWED:
        return False
    times = [when for node in proposal.nodes if (when := proposal.reader.times(node)[0])]
    if not times or not _changed_just_after(facts, times[0]):
        return False
    if times[0] - times[-1] < KEPT_UP_SPAN or any(
        later < earlier for later, earlier in pairwise(times)
    ):
        return False
    host = _site(proposal.nodes[0])
    away = sum(1 for node in proposal.nodes if _links_away(proposal.reader, node, host))
    return away * 2 <= len(proposal.nodes) and _hold_the_text(proposal.reader, proposal.nodes)


def _changed_just_after(facts: PageFacts | None, newest: datetime | None) -> bool:
    """Whether the page says it last changed just after `newest`, its newest item, as a page
    does that is changed by adding a post (a programme lists what is still to come)."""
    return (
        facts is not None
        and facts.reference is not None
        and not facts.reference_is_start
        and newest is not None
        and -CLOCK_SLACK <= facts.reference - newest <= KEPT_UP_CHANGE
    )


def _hold_the_text(reader: Adapter, nodes: list[Node]) -> bool:
    """Whether the posts hold at least as much text as the paragraphs outside them: they are
    the page, not a box of timed lines beside an article's running text ("How the day
    unfolded: 17:10 Road reopens …")."""
    parts = {part.mem_id: part for node in nodes for part in reader.extent(node)}
    inside = sum(letter_count(part.text(deep=True)) for part in parts.values())
    root = nodes[0]
    while root.parent is not None:
        root = root.parent
    outside = 0
    for paragraph in root.css("p"):
        ancestor: Node | None = paragraph
        while ancestor is not None and ancestor.mem_id not in parts:
            ancestor = ancestor.parent
        if ancestor is None:
            outside += letter_count(paragraph.text(deep=True))
            if outside > inside:
                return False
    return True


KEPT_UP_POSTS = 3
"""Timed items a page that does not call itself live needs to show it is kept up."""
KEPT_UP_CHANGE = timedelta(minutes=30)
"""How long after its newest post a page kept up by its posts says it last changed."""
KEPT_UP_SPAN = timedelta(minutes=15)
"""The least time from the oldest of such posts to the newest."""
CLOCK_SLACK = timedelta(minutes=2)
"""How far a post's written time may run ahead of the page's stated change (clocks differ)."""


def _links_away(reader: Adapter, node: Node, host: str) -> bool:
    """Whether the post links to another page of the site (`host`, the page's: "Read more"
    under a teaser), not to a place on this one, nor elsewhere (a share button's
    "facebook.com/sharer…", an embed's source, "mailto:")."""
    for part in reader.extent(node):
        for link in part.css("a[href]"):
            href = link.attributes.get("href") or "#"
            if href.startswith(("#", "?")):
                continue
            try:
                address = urlsplit(href)
            except ValueError:
                continue
            if address.scheme in ("", "http", "https") and address.netloc in ("", host):
                return True
    return False


def _site(node: Node) -> str:
    """The host of the page `node` is in, as its canonical link gives it ("" if none)."""
    root = node
    while root.parent is not None:
        root = root.parent
    canonical = root.css_first("link[rel='canonical']")
    href = canonical.attributes.get("href") or "" if canonical is not None else ""
    try:
        return urlsplit(href).netloc
    except ValueError:
        return ""


SENTENCE_WORDS = 5
"""Words of letters a sentence ends with, its full stop after the last."""
_FULL_STOP = re.compile(r"[.!?…؟۔।]")
_STOPS_WITHOUT_SPACES = ("。", "！", "？")
_SCRIPT_WITHOUT_SPACES = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]{20}")
"""Thai, Lao, Myanmar, Khmer: no spaces between words, nor full stops."""
_WORD_PUNCTUATION = str.maketrans("", "", ",;:'’-\"“”„«»(" + words.WORD_MARKS)
"""What may stand in or around a word of a sentence: "l’homme", "said:", "\"we", and the
vowel signs of Devanagari ("बताया")."""


def _marks_a_recording(reader: Adapter, nodes: list[Node]) -> bool:
    """Whether most posts link to a place in a recording ("?t=142", "&t=2m22s"): the
    chapters of a podcast or video, stamped with minutes and seconds into it, not posts."""
    linked = 0
    for place, node in enumerate(nodes):
        if any(
            _MEDIA_TIME.search(link.attributes.get("href") or "") is not None
            for part in reader.extent(node)
            for link in part.css("a[href*='t=']")
        ):
            linked += 1
        elif place < 2:
            return False  # chapters link each one: most readings are cleared by their first
    return linked * 2 > len(nodes)


_MEDIA_TIME = re.compile(r"[?&#](?:t|start|time)=[0-9]")


def _some_prose(reader: Adapter, nodes: list[Node]) -> bool:
    """Whether any of the posts holds a sentence (the first post mostly does: one look)."""
    return any(
        _has_sentence(part.text(deep=True)) for node in nodes for part in reader.extent(node)
    )


def _has_sentence(text: str) -> bool:
    """Whether `text` holds a sentence: `SENTENCE_WORDS` words of letters, then a full stop.
    A row of figures, a headline, a team and its score, a train's destination hold none."""
    for stop in _FULL_STOP.finditer(text):
        after = text[stop.end() : stop.end() + 1]
        if after.isdigit() or after.islower():
            continue  # the point of "80,542.10" or "example.com", not a full stop
        before = text[max(0, stop.start() - 30 * SENTENCE_WORDS) : stop.start()].split()
        if len(before) >= SENTENCE_WORDS and all(
            word.translate(_WORD_PUNCTUATION).isalpha() for word in before[-SENTENCE_WORDS:]
        ):
            return True
    if text.isascii():
        return False
    return any(stop in text for stop in _STOPS_WITHOUT_SPACES) or bool(
        _SCRIPT_WITHOUT_SPACES.search(text)
    )


UNSAID_SWALLOWED = 0.5
"""Times beyond its own a post of such a page may hold on average: more, and the "posts" are
groups of timed items (a programme's days), not posts."""


def _not_post_times(
    proposal: Proposal, e: Evidence, facts: PageFacts | None, *, live_signal: bool
) -> str | None:
    """Why the times of a reading's posts are not the moments of posts, if they are not.
    Each post's time is read only while a reason may still hold (most readings are cleared
    by their first two posts)."""
    reader = proposal.reader
    times = (reader.times(node)[0] for node in proposal.nodes)
    if e.swallowed >= SEVERAL_TIMES:
        if all(when is None for when in times):
            return "its items each hold several times, none of them an item's: a table of times"
        return None
    dates = True  # every time so far at one time of day: dates alone, each read as midnight
    schedule = not live_signal and e.posts >= UNSAID_POSTS  # every time on the quarter hour
    published = facts.published if facts is not None else None
    latest = published - QUOTED_BEFORE if published is not None and not live_signal else None
    older = latest is not None  # every time so far before the page was published
    programme = e.posts >= PROGRAMME_ITEMS  # every time on five minutes, earliest first
    seen: set[datetime] = set()
    day_time: float | None = None
    previous: datetime | None = None
    for when in times:
        if when is None:
            return None  # a post without a time: none of the reasons is about all posts
        seen.add(when)
        day_time = _time_of_day(when) if day_time is None else day_time
        dates = dates and _time_of_day(when) == day_time
        schedule = schedule and when.minute % 15 == 0 and when.second == 0
        older = older and latest is not None and when < latest
        programme = programme and when.minute % 5 == 0 and when.second == 0
        programme = programme and (previous is None or when > previous)
        previous = when
        if not (dates or schedule or older or programme):
            return None
    if dates and len(seen) >= DATED_LIST_ITEMS:
        return "its times are dates alone, all at one time of day: a dated list"
    if schedule:
        return "its times are all on the quarter hour: a schedule"
    if programme and not _changed_just_after(facts, previous):
        return "its times are all on five minutes, earliest first: a programme"
    if older and seen:
        return "every item is older than the page: times an article quotes"
    return None


PROGRAMME_ITEMS = 5
"""Items all on five-minute marks and earliest first it takes to call them a programme (a
channel's day, a day's fixtures), even on a page that says "live": the posts of a live blog
fall on such a mark one time in five, and mostly run newest first."""


def _after_the_page(proposal: Proposal, facts: PageFacts | None) -> bool:
    """Whether the newest item of a page that does not call itself live comes after the
    page's own last change (by more than clocks differ): its times are of another day
    than the page's, read on the page's (a chronology of the day before, written once)."""
    if facts is None or facts.reference is None or facts.reference_is_start:
        return False
    times = [proposal.reader.times(node)[0] for node in proposal.nodes]
    newest = max((when for when in times if when is not None), default=None)
    return newest is not None and newest > facts.reference + FUTURE_SLACK


DATED_LIST_ITEMS = 4
"""Items all at one time of day it takes to call them dates alone: two posts an exact number
of days apart are a coincidence a small live blog may show, four are not."""
SEVERAL_TIMES = 1.0
"""Times beyond its own each post holds on average, in a reading none of whose posts has a
time of its own: the "posts" are boxes of timed rows (a league's fixtures), not posts."""
QUOTED_BEFORE = timedelta(minutes=30)
"""How long before the page's first publication its newest item must be for every item to be
older than the page (a page's stated publication may come minutes after its last post)."""


def _recounted(proposal: Proposal, facts: PageFacts | None) -> str | None:
    """Why a generic reading is an article recounting a night hour by hour ("As it happened:
    how the night unfolded"), if it is: the page states its first publication and no later
    change, and its items, read forward from that publication, run from hours after it to the
    next morning. A live blog opens with its first post and is changed as it goes on; such an
    article's times are the night before it was published."""
    reader = proposal.reader
    if facts is None or (published := facts.published) is None:
        return None
    if not facts.reference_is_start:
        return None  # the page states a later change: a live blog's
    timed = [(node, when) for node in proposal.nodes if (when := reader.times(node)[0])]
    times = [when for _, when in timed]
    if not times or min(times) - published < RECOUNTED_AFTER:
        return None
    if max(times) - published < RECOUNTED_UNTIL:
        return None  # an evening's ticker on a page set up that morning
    if not all(_dated_by_the_page(reader, node) for node, _ in timed):
        return None  # times that say their own day: a live blog's days after it opened
    return "its items run from hours after the page's one publication to the next morning: a recap"


def _dated_by_the_page(reader: Adapter, node: Node) -> bool:
    """Whether the item opens with a clock written without its day ("23:10", "11.02pm"),
    dated only by reading it forward from the page's publication."""
    opening = reader.extent(node)[0]
    marker = read_marker(squash(opening.text(deep=True, separator=" ")[:MARKER_TEXT]))
    return (
        marker is not None
        and marker.kind == "clock"
        and marker.day is None
        and marker.month_day is None
        and marker.days_back is None
        and marker.weekday is None
        and node.css_first("[datetime]") is None
    )


RECOUNTED_AFTER = timedelta(hours=6)
"""How long after a page's first publication its oldest item must come, on a page that states
no later change, for its items to be read forward from an article's publication..."""
RECOUNTED_UNTIL = timedelta(hours=18)
"""... and its newest: the next morning, when a live blog would have been changed since."""


def _time_of_day(when: datetime) -> float:
    """The instant's place in its day (UTC): the same for every date written without a time
    (each read as midnight in one zone), whatever the zone."""
    return when.timestamp() % 86400


def choose(proposals: list[Proposal]) -> Proposal | None:
    """The best scored of the proposals not refused."""
    standing = [p for p in proposals if p.refused is None and p.nodes]
    return max(standing, key=lambda p: p.score, default=None)


def explain(proposals: list[Proposal], winner: Proposal | None, data: StructuredBlog) -> list[str]:
    """One text per reading: its reader, posts, score and the evidence behind it (a second
    line), the one read by marked `*`."""
    lines = []
    if data.posts:
        alone = "" if winner else ", read alone: no reading of the markup won"
        lines.append(
            f"{' ' if winner else '*'} {data.source}: {len(data.posts)} structured posts{alone}"
        )
    for proposal in sorted(proposals, key=lambda p: -p.score):
        mark = "*" if proposal is winner else " "
        e = proposal.evidence
        line = f"{mark} {proposal.reader.name}: {len(proposal.nodes)} posts, score {proposal.score:.2f}"
        if e is not None:
            line += (
                f" (timed {e.timed:.0%}, structured {e.structured:.0%}, text {e.text},"
                f" links {e.links:.0%}, regular {e.regular:.0%})"
            )
        if proposal.refused:
            line += f": refused, {proposal.refused}"
        if proposal.reasons:
            line += "\n    " + ", ".join(proposal.reasons)
        lines.append(line)
    return lines
