"""Removing promotional and furniture blocks from posts, recording what went and why.

Three layers: site rules (selectors a site adapter names), global rules (selectors and phrases
every site uses: donation asks, newsletter and WhatsApp sign-ups, "Read more:" lines, share
tools, ad labels) and structural rules (link-dense teaser cards, blocks repeated across posts).
Losing a real paragraph is worse than keeping a promo line, so phrase rules only touch short
blocks and structural rules only small containers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from selectolax.lexbor import LexborNode

from liveread.model import Block, Entry, Heading, ListBlock, Paragraph, Removal, block_text
from liveread.text import comparable, squash

Node = LexborNode

GLOBAL_SELECTORS: tuple[tuple[str, str], ...] = (
    ("[class*='newsletter'], [class*='Newsletter'], [data-component*='newsletter']", "newsletter"),
    ("[class*='whatsapp'], [class*='WhatsApp']", "whatsapp prompt"),
    ("[class*='share-tools'], [class*='sharebar'], [class*='social-share'], .share", "share tools"),
    ("[class*='advert'], [class*='ad-slot'], [class*='ad-placeholder'], [id^='div-gpt-ad']", "ad"),
    ("[class*='taboola'], [class*='outbrain'], [data-outbrain]", "ad"),
    ("[class*='inline-related'], [class*='related-article'], .related", "related articles"),
    ("[class*='donation'], [class*='support-ask'], [class*='contributions']", "donation ask"),
    ("[class*='subscribe'], [class*='paywall'], [class*='sign-in-gate']", "subscription prompt"),
    ("[class*='cookie'], [id*='cookie'], [class*='consent']", "cookie notice"),
    ("[data-component='more-on-this-story'], [data-component='filter-key-events']", "furniture"),
)
SMALL_CONTAINER = 1500
"""Global selectors only remove containers shorter than this: a hit on a whole body is a miss."""

_DONATION_START = re.compile(r"^your support helps us to tell the story", re.I)
_DONATION_END = re.compile(r"your support makes all the difference\.?", re.I)
PHRASE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), rule)
    for pattern, rule in (
        (
            r"^(?:read more|more on this story|related|recommended|don'?t miss|must read)\s*[:>|]",
            "read more",
        ),
        (r"^read more\b.{0,160}$", "read more"),
        (r"^(?:sign up|subscribe)\b.{0,40}\b(?:newsletter|email|alerts?)\b", "newsletter"),
        (r"\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox)\b", "newsletter"),
        (
            r"\bjoin (?:us|our \w+(?: \w+)?) on whatsapp\b|^get the latest .{0,60} on whatsapp",
            "whatsapp prompt",
        ),
        (
            r"^(?:share this (?:post|article)|copy (?:this )?link|link copied|share on (?:facebook|twitter|x))\b",
            "share tools",
        ),
        (r"^(?:advertisement|advertising|sponsored( content)?|ad)$", "ad label"),
        (r"\b(?:turn on|enable) javascript\b", "javascript note"),
        (
            r"^(?:sign in|log in|register)(?: (?:or|/|and) (?:register|sign up|log in))?\b.{0,80}$",
            "sign-in prompt",
        ),
        (r"\bwe use cookies\b|\bcookie (?:policy|settings)\b", "cookie notice"),
        (r"^this is a live blog\. scroll down for the latest updates\.?$", "furniture"),
        (r"^subscribe to .{0,60}(?:premium|to bookmark)", "subscription prompt"),
        (r"^(?:get|start) (?:your )?(?:free )?(?:trial|subscription)\b", "subscription prompt"),
        # An unresolved CMS reference left as a dead link, e.g. Repubblica's
        # "[[(gele.Finegil.Image2014v1) TOPSHOT-PALESTINIAN-ISRAEL-CONFLICT]]".
        (r"^\[\[\([\w.]+\)[^\[\]]*\]\]$", "cms placeholder"),
    )
)
PHRASE_LIMIT = 320
"""Phrase rules only judge blocks shorter than this many characters."""


def _excerpt(text: str) -> str:
    text = squash(text)
    return text if len(text) <= 100 else text[:99] + "…"


class Cleaner:
    """Cleans the posts of one page with one site's rules plus the global ones."""

    def __init__(self, site_rules: Iterable[tuple[str, str]] = ()) -> None:
        self.site_rules = tuple(site_rules)
        self.removals: list[Removal] = []
        self._flagged: dict[int, str] = {}

    def flag_global(self, nodes: Iterable[Node]) -> None:
        """Find the elements global selectors name under `nodes`, for `judge` to remove."""
        self._flagged = {}
        for node in nodes:
            for selector, rule in GLOBAL_SELECTORS:
                for hit in node.css(selector):
                    self._flagged.setdefault(hit.mem_id, rule)

    def strip_site_furniture(self, node: Node, entry_key: str | None = None) -> None:
        """Remove elements the site's own rules name, anywhere under `node`."""
        for selector, rule in self.site_rules:
            for element in node.css(selector):
                if element.parent is None:
                    continue
                self.record(rule, element.text(deep=True), entry_key)
                element.decompose()

    def judge(self, node: Node) -> str | None:
        """The rule that removes a container inside a post body, if one does."""
        if node.tag in ("p", "li", "span", "a", "strong", "em", "b", "i"):
            return None
        rule = self._flagged.get(node.mem_id)
        if rule and len(node.text(deep=True)) < SMALL_CONTAINER:
            return rule
        if node.tag == "aside":
            return "aside"
        if _is_teaser_card(node):
            return "teaser card"
        return None

    def clean_blocks(self, blocks: list[Block], entry_key: str | None = None) -> list[Block]:
        kept: list[Block] = []
        in_donation = 0
        for block in blocks:
            text = squash(block_text(block))
            if in_donation:
                self.record("donation ask", text, entry_key)
                in_donation = 0 if _DONATION_END.search(text) else in_donation - 1
                continue
            if _DONATION_START.search(text):
                self.record("donation ask", text, entry_key)
                in_donation = 0 if _DONATION_END.search(text) else 12
                continue
            if rule := phrase_rule(block, text):
                self.record(rule, text, entry_key)
                continue
            kept.append(block)
        return kept

    def drop_repeated(self, entries: list[Entry]) -> None:
        """Remove blocks that recur across many posts (boilerplate sign-offs, promo lines)."""
        if len(entries) < 4:
            return
        counts: Counter[str] = Counter()
        for entry in entries:
            seen = {_fingerprint(b) for b in entry.blocks}
            counts.update(f for f in seen if f)
        threshold = max(3, len(entries) // 3)
        repeated = {f for f, n in counts.items() if n >= threshold}
        if not repeated:
            return
        for entry in entries:
            kept = []
            for block in entry.blocks:
                if _fingerprint(block) in repeated:
                    self.record("repeated across posts", block_text(block), entry.key)
                else:
                    kept.append(block)
            entry.blocks = kept

    def record(self, rule: str, text: str, entry_key: str | None) -> None:
        self.removals.append(Removal(rule=rule, text=_excerpt(text), entry_key=entry_key))


def phrase_rule(block: Block, text: str) -> str | None:
    if not isinstance(block, Paragraph | Heading | ListBlock) or len(text) > PHRASE_LIMIT:
        return None
    for pattern, rule in PHRASE_RULES:
        if pattern.search(text):
            return rule
    return None


def _fingerprint(block: Block) -> str | None:
    if not isinstance(block, Paragraph | Heading):
        return None
    text = block.text
    if len(text) < 25 or len(text) > 400:
        return None
    return comparable(text)


def _is_teaser_card(node: Node) -> bool:
    """A small box whose heading is a link elsewhere: an image, a linked headline, a blurb."""
    if node.tag not in ("div", "section", "figure", "article"):
        return False
    text = squash(node.text(deep=True))
    if not text or len(text) > 400:
        return False
    heading = node.css_first("h2, h3, h4, h5")
    if heading is None:
        return False
    heading_text = squash(heading.text(deep=True))
    link_text = "".join(a.text(deep=True) for a in heading.css("a[href]"))
    letters = len(heading_text.replace(" ", ""))
    return letters > 0 and len("".join(link_text.split())) >= 0.8 * letters
