"""Choosing between readings of a page.

Every reader that claims the page (a site spec, structured data, the generic readers) proposes
the elements it takes for posts. Each proposal is measured on evidence the page carries, and
the best supported one is read:

- agreement with structured data: posts whose key a JSON-LD, microdata or page-state post has;
- the share of posts with a time (an attribute, or a time written at their start);
- text per post, and the share of it that is link text (teaser lists are mostly links);
- regularity: posts of one shape (tag and class), not a run of unlike boxes;
- markers swallowed: a reading whose posts hold other posts' times has merged posts.

A site spec's reading starts ahead (its template is known); a generic reading must also pass
a floor (enough posts, mostly timed, with text of their own) or the page is not a live blog.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from liveread.parse.adapter import Adapter, Node
from liveread.parse.structured import StructuredBlog
from liveread.parse.tree import Owners, common_ancestor
from liveread.text import letter_count

SITE_PRIOR = 2.0
"""How far ahead a site spec's reading starts: its template is known."""
MIN_POSTS = 2
MIN_TEXT = 40
"""Characters of text a post needs to count as having a body of its own."""
UNSAID_POSTS, UNSAID_TEXT, UNSAID_LINKS = 6, 200, 0.15
"""What a page that does not call itself live needs to be read as one anyway: this many
timed posts, of this much text each (median), with at most this share of link text."""


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


def judge(proposal: Proposal, *, site: bool, structured: bool, live_signal: bool) -> None:
    """Score `proposal` (its `evidence` measured), and say why; refuse a generic reading the
    page gives too little evidence for."""
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
    if e.posts < MIN_POSTS:
        proposal.refused = f"{e.posts} post{'s' * (e.posts != 1)}"
    elif e.with_body * 2 < 1:
        proposal.refused = "most posts have no text of their own"
    elif e.links > 0.5:
        proposal.refused = "mostly links: a list of teasers"
    elif e.timed < (0.5 if live_signal else 0.9):
        proposal.refused = f"only {e.timed:.0%} of posts carry a time"
    elif not live_signal and not _plainly_posts(e):
        proposal.refused = "the page does not say it is live, and its timed items are short"


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


UNSAID_SWALLOWED = 0.5
"""Times beyond its own a post of such a page may hold on average: more, and the "posts" are
groups of timed items (a programme's days), not posts."""


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
