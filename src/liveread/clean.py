"""Removing promotional and furniture blocks from posts, recording what went and why.

Three layers: site rules (selectors a site adapter names), global rules (selectors and phrases
every site uses, in many languages: donation asks, newsletter and WhatsApp sign-ups, "Read
more:" lines, share tools, ad labels; see `cleanphrases`) and structural rules (link-dense
teaser cards and boxes of links, blocks repeated across posts). Before posts are merged, the
furniture at each post's edges (labels, bylines, a meta row; see `cleanfurniture`) becomes
its flags and authors. Losing a real paragraph is worse than keeping a promo line, so phrase
rules only touch short blocks and structural rules only small containers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from liveread.cleanfurniture import Furniture, looks_like_byline, strip_furniture
from liveread.cleanphrases import PHRASE_LIMIT, WHOLE_BLOCKS, alternatives, bare, every, phrase_rule
from liveread.cleanwords import MATCH_LINKS, PROMO_LINK_LEADS
from liveread.model import (
    Block,
    Entry,
    Heading,
    ListBlock,
    Paragraph,
    Removal,
    Span,
    block_text,
    inline_text,
)
from liveread.text import fingerprint, squash

if TYPE_CHECKING:  # the parser imports this module: its outline is only named here
    from liveread.parse.blocks import Outline

__all__ = [
    "GLOBAL_RULES",
    "GLOBAL_SELECTORS",
    "AttributeRules",
    "Cleaner",
    "Furniture",
    "phrase_rule",
    "promo_line",
]

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
"""Selector lists of attribute and class tests only: `[name]`, `[name='v']`, `[name*='v']`,
`[name^='v']` and `.class`. They are checked on each container the judge sees (see
`AttributeRules`), not run as CSS over whole pages."""
SMALL_CONTAINER = 1500
"""Global selectors only remove containers shorter than this: a hit on a whole body is a miss."""

_DONATION_START = re.compile(r"your support helps us to tell the story", re.I)
_DONATION_END = re.compile(r"your support makes all the difference\.?", re.I)


def _excerpt(text: str) -> str:
    text = squash(text)
    return text if len(text) <= 100 else text[:99] + "…"


Attributes = Mapping[str, str | None]
_SIMPLE_SELECTOR = re.compile(r"\[([\w-]+)(?:([*^]?=)'([^']*)')?\]|\.([\w-]+)")
_HTML_SPACE = "[\t\n\x0c\r ]"


class AttributeRules:
    """Rules whose selectors test only an element's own attributes, checked in Python.

    Lexbor's CSS engine tries every selector of a list on every element: for the global
    rules (substring tests on `class` mostly) that costs more than the rest of reading a
    post. Here one regular expression per attribute screens an element's attributes, and
    only an element it passes is matched rule by rule, in the rules' order."""

    def __init__(self, rules: Iterable[tuple[str, str]]) -> None:
        self._rules: list[tuple[str, list[tuple[str, str, str]]]] = []
        screens: dict[str, list[str]] = {}
        for selector, rule in rules:
            tests = [self._test(part.strip()) for part in selector.split(",")]
            self._rules.append((rule, tests))
            for name, op, value in tests:
                screens.setdefault(name, []).append(self._pattern(op, value))
        self._screens = [(name, re.compile("|".join(p))) for name, p in screens.items()]

    @staticmethod
    def _test(selector: str) -> tuple[str, str, str]:
        match = _SIMPLE_SELECTOR.fullmatch(selector)
        if match is None:
            raise ValueError(f"not an attribute or class selector: {selector!r}")
        name, op, value, class_name = match.groups()
        if class_name:
            return "class", "~=", class_name
        return name, op or "", value or ""

    @staticmethod
    def _pattern(op: str, value: str) -> str:
        value = re.escape(value)
        return {
            "": "",
            "=": f"\\A{value}\\Z",
            "*=": value,
            "^=": f"\\A{value}",
            "~=": f"(?:\\A|{_HTML_SPACE}){value}(?!\\S)",
        }[op]

    def first(
        self, attrs: Attributes, screened: dict[tuple[str, str], bool] | None = None
    ) -> str | None:
        """The first rule whose selector matches an element with these attributes.
        `screened`, when given, remembers the screens' answers for attribute values already
        seen (one page's elements share a few class names): a dict kept for one page."""
        for name, screen in self._screens:
            if name not in attrs:
                continue
            value = attrs[name] or ""
            passed = screened.get((name, value)) if screened is not None else None
            if passed is None:
                passed = screen.search(value) is not None
                if screened is not None:
                    screened[(name, value)] = passed
            if passed:
                break
        else:
            return None
        for rule, tests in self._rules:
            for name, op, value in tests:
                if name in attrs and _passes(attrs[name] or "", op, value):
                    return rule
        return None


def _passes(actual: str, op: str, value: str) -> bool:
    if op == "~=":
        return value in re.split(_HTML_SPACE, actual)
    return (
        op == ""
        or (op == "=" and actual == value)
        or (op == "*=" and value in actual)
        or (op == "^=" and actual.startswith(value))
    )


GLOBAL_RULES = AttributeRules(GLOBAL_SELECTORS)


class Cleaner:
    """Cleans the posts of one page with one site's rules plus the global ones."""

    def __init__(self, site_rules: Iterable[tuple[str, str]] = ()) -> None:
        self.site_rules = tuple(site_rules)
        self.removals: list[Removal] = []
        self._screened: dict[tuple[str, str], bool] = {}
        """The global rules' screens' answers for the attribute values judged so far."""

    def strip_site_furniture(
        self, node: Node, owner: Callable[[Node], tuple[bool, str | None]] | None = None
    ) -> None:
        """Remove elements the site's own rules name, anywhere under `node`. `owner` tells
        whether an element lies in a post and which: only those removals are recorded."""
        for element, rule in _matches(node, self.site_rules):
            if element.parent is None:
                continue
            in_post, key = owner(element) if owner else (True, None)
            if in_post:
                self.record(rule, element.text(deep=True), key)
            element.decompose()

    def judge(
        self,
        node: Node,
        outline: Outline | None = None,
        attrs: Attributes | None = None,
    ) -> str | None:
        """The rule that removes a container inside a post body, if one does. `outline`, when
        given, tells where the body's headings and links are (else they are searched for);
        `attrs` are the node's attributes, if to hand."""
        tag = node.tag
        if tag in ("p", "li", "span", "a", "strong", "em", "b", "i"):
            return None
        rule = GLOBAL_RULES.first(node.attributes if attrs is None else attrs, self._screened)
        if rule and len(node.text(deep=True)) < SMALL_CONTAINER:
            return rule
        if tag == "aside":
            return "aside"
        if tag not in _LINK_BOX_TAGS or (outline is not None and not outline.holds_link(node)):
            return None  # the rules below are for boxes holding a link: most hold none
        text = _Text(node)  # the checks below read the same text, squashed
        if _is_share_box(node, text):
            return "share tools"
        if tag not in _BOX_TAGS:
            return None
        if _is_teaser_card(node, outline, text):
            return "teaser card"
        if _is_link_box(node, outline, text):  # a sign-up may be one link too: named as such
            return promo_line(text.whole) or "teaser card"
        if _labelled_advert(node, text):
            return "advert"
        return None

    def clean_blocks(self, blocks: list[Block], entry_key: str | None = None) -> list[Block]:
        kept: list[Block] = []
        in_donation = 0
        after_kicker = False
        """The block before was a "Read more:" label standing alone, now removed."""
        for block in blocks:
            text = squash(block_text(block))
            if after_kicker and isinstance(block, ListBlock) and _all_links(block):
                self.record("read more", text, entry_key)  # the headlines the label led
                continue
            after_kicker = False
            if in_donation:
                self.record("donation ask", text, entry_key)
                in_donation = 0 if _DONATION_END.search(text) else in_donation - 1
                continue
            if _DONATION_START.match(text):
                self.record("donation ask", text, entry_key)
                in_donation = 0 if _DONATION_END.search(text) else 12
                continue
            if isinstance(block, ListBlock):
                cleaned = self._clean_items(block, entry_key)
                if cleaned is None:
                    continue
                if cleaned is not block:
                    block, text = cleaned, squash(cleaned.text)
            elif type(block) is Paragraph and block.spans and block.spans[-1].href:
                if len(block.spans) > 1:
                    block, text = self._without_closing_link(block, text, entry_key)
                if len(blocks) > 1 and _promo_link(block, text):  # never a post's only block
                    self.record("promo link", text, entry_key)
                    continue
                if len(blocks) > 1 and _match_link(block, text):
                    self.record("match link", text, entry_key)
                    continue
            if len(text) <= PHRASE_LIMIT and (rule := phrase_rule(block, text)):
                self.record(rule, text, entry_key)
                after_kicker = rule == "read more" and WHOLE_BLOCKS.get(bare(text)) == rule
                continue
            kept.append(block)
        return kept

    def _without_closing_link(
        self, block: Paragraph, text: str, entry_key: str | None
    ) -> tuple[Paragraph, str]:
        """A paragraph without the "read more" link it closes with ("… sind. <a>Mehr dazu
        lesen Sie hier.</a>"), and its text."""
        link = block.spans[-1]
        if WHOLE_BLOCKS.get(bare(link.text)) != "read more":
            return block, text
        self.record("read more", squash(link.text), entry_key)
        *spans, last = block.spans[:-1]
        kept = Paragraph((*spans, replace(last, text=last.text.rstrip())))
        return kept, squash(block_text(kept))

    def _clean_items(self, block: ListBlock, entry_key: str | None) -> ListBlock | None:
        """The list without its promotional items ("Read more: …" bullets); None if no
        item is left. Phrase rules judge each item as they would a paragraph."""
        items = []
        for item in block.items:
            text = squash(inline_text(item))
            if rule := phrase_rule(Paragraph(item), text):
                self.record(rule, text, entry_key)
            else:
                items.append(item)
        if len(items) == len(block.items):
            return block
        return ListBlock(tuple(items), ordered=block.ordered) if items else None

    def drop_repeated(self, entries: list[Entry]) -> None:
        """Remove blocks that recur across many posts (boilerplate sign-offs, promo lines)."""
        if len(entries) < 4:
            return
        threshold = max(3, len(entries) // 3)
        # (entry, block, text) of the blocks short enough to be boilerplate.
        candidates = [
            (i, j, text)
            for i, entry in enumerate(entries)
            for j, block in enumerate(entry.blocks)
            if (text := _fingerprinted_text(block)) is not None
        ]
        # A fingerprint recurs no more often than its first characters do: only blocks whose
        # head recurs often enough need their whole fingerprint taken.
        heads = [_print_head(text) for _, _, text in candidates]
        common = _recurring(zip([i for i, _, _ in candidates], heads, strict=True), threshold)
        if not common:
            return
        prints = {
            (i, j): fingerprint(text, 400)
            for (i, j, text), head in zip(candidates, heads, strict=True)
            if head in common
        }
        repeated = _recurring(((i, p) for (i, _), p in prints.items()), threshold)
        if not repeated:
            return
        dropped = {at for at, print_ in prints.items() if print_ in repeated}
        for i in sorted({i for i, _ in dropped}):
            entry = entries[i]
            kept = []
            for j, block in enumerate(entry.blocks):
                if (i, j) in dropped:
                    self.record("repeated across posts", block_text(block), entry.key)
                else:
                    kept.append(block)
            entry.blocks = kept

    def post_furniture(
        self, blocks: list[Block], entry_key: str | None = None, authors: Iterable[str] = ()
    ) -> tuple[list[Block], Furniture]:
        """`blocks` without the furniture at the edges of a post (labels, bylines, a meta
        row), and what it said; each removal is recorded. See `strip_furniture`."""
        kept, found, removed = strip_furniture(blocks, authors)
        for rule, text in removed:
            self.record(rule, text, entry_key)
        return kept, found

    def record(self, rule: str, text: str, entry_key: str | None) -> None:
        self.removals.append(Removal(rule=rule, text=_excerpt(text), entry_key=entry_key))


def _matches(node: Node, rules: tuple[tuple[str, str], ...]) -> list[tuple[Node, str]]:
    """Elements under `node` that any rule's selector names, each with its first rule, in
    the order of the rules and then of the document.

    One query with all selectors finds the (few) hits; only they are sorted into rules.
    """
    if not rules:
        return []
    hits = node.css(", ".join(selector for selector, _ in rules))
    if not hits:
        return []
    unique = list({hit.mem_id: hit for hit in hits}.values())  # one per selector it matches
    if len(unique) * len(rules) <= FEW_RULE_TESTS and (ranked := _rank(unique, rules)):
        return ranked
    found: dict[int, tuple[Node, str]] = {}
    for selector, rule in rules:
        for hit in node.css(selector):
            found.setdefault(hit.mem_id, (hit, rule))
    return list(found.values())


FEW_RULE_TESTS = 24
"""Up to this many (hit, rule) pairs, each hit is tested against the rules on its own
instead of running every rule's selector over the whole region again."""


def _rank(hits: list[Node], rules: tuple[tuple[str, str], ...]) -> list[tuple[Node, str]]:
    ranked: list[tuple[int, Node, str]] = []
    for hit in hits:
        for index, (selector, rule) in enumerate(rules):
            # A match on the element itself comes first: the search starts at its root.
            first = hit.css_first(selector)
            if first is not None and first.mem_id == hit.mem_id:
                ranked.append((index, hit, rule))
                break
        else:
            return []  # cannot happen: each hit matched one of the rules
    ranked.sort(key=lambda item: item[0])  # stable: document order within a rule
    return [(hit, rule) for _, hit, rule in ranked]


def promo_line(text: str) -> str | None:
    """The rule a lone line (a candidate post title) falls under, if it is promotional."""
    text = squash(text)
    if _DONATION_START.match(text):
        return "donation ask"
    return phrase_rule(Heading((Span(text),)), text)


def _all_links(block: ListBlock) -> bool:
    """Whether every item of a list is a link and little else ("* Headline"): headlines."""
    return all(_linked_share(item) >= LINKED_ITEM for item in block.items)


LINKED_ITEM = 0.8
"""The least share of an item's letters in links for the item to be a linked headline."""


def _linked_share(spans: tuple[Span, ...]) -> float:
    letters = sum(len("".join(span.text.split())) for span in spans)
    linked = sum(len("".join(span.text.split())) for span in spans if span.href)
    return linked / letters if letters else 0.0


def _promo_link(block: Paragraph, text: str) -> bool:
    """A paragraph that is one link, in bold or in capitals, opening with an imperative
    ("CLICK HERE TO GET THE … APP", "Zobacz wideo: …"): it sends the reader elsewhere."""
    href = block.spans[0].href
    if not href or len(text) > PROMO_LINK_TEXT or any(span.href != href for span in block.spans):
        return False
    if not (text.isupper() or all(span.bold for span in block.spans)):
        return False
    return _PROMO_LEAD.match(text) is not None


PROMO_LINK_TEXT = 160
"""The longest paragraph read as a promotional link."""
_PROMO_LEAD = re.compile(rf"\W*(?:{alternatives(every(PROMO_LINK_LEADS))})(?![^\W\d_])", re.I)
"""An imperative opening a promotional link, as a word of its own."""


def _match_link(block: Paragraph, text: str) -> bool:
    """A paragraph that is one link to the match's line-ups or stats ("Zur Aufstellung",
    "Voir les compositions"), as a match's commentary posts carry: a tab of the page."""
    href = block.spans[0].href
    if not href or len(text) > MATCH_LINK_TEXT or any(span.href != href for span in block.spans):
        return False
    return bare(text) in _MATCH_LINKS


MATCH_LINK_TEXT = 40
_MATCH_LINKS = frozenset(bare(phrase) for phrase in every(MATCH_LINKS))


def _fingerprinted_text(block: Block) -> str | None:
    """The text of a block `drop_repeated` compares, if it is one."""
    if not isinstance(block, _FINGERPRINTED):
        return None
    text = block.text
    return text if 25 <= len(text) <= 400 else None


_FINGERPRINTED = (Paragraph, Heading)


PRINT_HEAD = 20


def _print_head(text: str | None) -> str | None:
    """The start of `fingerprint(text, 400)`, mostly from fingerprinting a short slice."""
    if text is None:
        return None
    head = fingerprint(text, 3 * PRINT_HEAD)
    return head[:PRINT_HEAD] if len(head) >= PRINT_HEAD else fingerprint(text, 400)[:PRINT_HEAD]


def _recurring(found: Iterable[tuple[int, str | None]], threshold: int) -> set[str]:
    """The keys (not blank or None) found in at least `threshold` different entries, of
    (entry, key) pairs."""
    counts = Counter(key for _, key in set(found) if key)
    return {key for key, n in counts.items() if n >= threshold}


class _Text:
    """An element's text as the judge's checks read it, taken from the tree and squashed
    once, when first asked for."""

    __slots__ = ("_node", "_squashed", "_whole")

    def __init__(self, node: Node) -> None:
        self._node = node
        self._whole: str | None = None
        self._squashed: str | None = None

    @property
    def whole(self) -> str:
        if self._whole is None:
            self._whole = self._node.text(deep=True)
        return self._whole

    @property
    def squashed(self) -> str:
        if self._squashed is None:
            self._squashed = squash(self.whole)
        return self._squashed


def _is_teaser_card(node: Node, outline: Outline | None = None, text: _Text | None = None) -> bool:
    """A small box whose heading is a link elsewhere: an image, a linked headline, a blurb.
    `outline`, when given, tells where its headings and links are; `text`, when given, is
    the box's text, shared with other checks."""
    if node.tag not in ("div", "section", "figure", "article"):
        return False
    if text is None:
        text = _Text(node)
    if outline is None:  # the length first: finding the heading takes a query
        heading = node.css_first("h2, h3, h4, h5") if len(text.whole) <= 600 else None
    else:  # the heading first: a lookup, and most boxes have none
        heading = outline.get(node.mem_id)
    if heading is None or len(text.whole) > 600:
        return False
    if outline is not None and not outline.holds_link(heading):
        return False  # an unlinked heading (most posts' titles): a lookup
    heading_text = squash(heading.text(deep=True))
    link_text = "".join(a.text(deep=True) for a in heading.css("a[href]"))
    letters = len(heading_text.replace(" ", ""))
    if letters == 0 or len("".join(link_text.split())) < 0.8 * letters:
        return False
    # The box's own text last: squashing a long text costs more than the heading's checks.
    squashed = text.squashed
    if not squashed or len(squashed) > 400:
        return False
    # The linked headline leads a card (a kicker may come first). Running text before it
    # means this is a post body that merely holds a card further down.
    lead = 0
    for element in node.css("h2, h3, h4, h5, p, li, blockquote"):
        if element.mem_id == heading.mem_id:
            return True
        lead += len(squash(element.text(deep=True)))
        if lead > CARD_KICKER:
            return False
    return True


CARD_KICKER = 40
"""Text allowed before a teaser card's linked headline ("Related", "Read more", a section)."""
LINK_BOX_TEXT = 300
"""The most text a box of links to other articles holds: a kicker and a few headlines."""
LINKED_HEADLINE = 20
"""The least link text in such a box: a headline, not an author's name or a "More" link."""
_BOX_TAGS = frozenset({"div", "section", "figure", "article"})
_LINK_BOX_TAGS = _BOX_TAGS | {"ul", "footer"}
"""Boxes judged for the links they hold: a share box may be a list or a footer too."""
SHARE_BOX_TEXT = 60
"""The most text a box of share links shows ("Teilen Link kopieren", "Share Copy link")."""
SHARE_LABEL = 20
"""The longest label of one share link."""


def _is_share_box(node: Node, text: _Text) -> bool:
    """A small box of two or three very short links and nothing else, that are share tools:
    their box's class says share, or each is a dead link (`#`, `javascript:`, worked by a
    script) or a sharer's address ("Teilen · Link kopieren", "Share Copy link")."""
    if len(text.whole) > SHARE_BOX_TEXT * 2 or len(text.squashed) > SHARE_BOX_TEXT:
        return False
    links = node.css("a")
    if not 2 <= len(links) <= 3:
        return False
    rest = text.squashed
    for link in links:
        label = squash(link.text(deep=True))
        if not label or len(label) > SHARE_LABEL:
            return False  # an icon's link, with no label to show, is no line of text
        rest = rest.replace(label, "", 1)
    if rest.strip(_SHARE_SEPARATORS):
        return False  # text of its own beside the links: not a row of tools
    if "share" in (node.attributes.get("class") or "").lower():
        return True
    return all(_share_address(link.attributes.get("href") or "") for link in links)


_SHARE_SEPARATORS = " ·|•/–-"
_SHARER = re.compile(
    r"\s*(?:#?$|javascript:|mailto:\?|https?://(?:www\.|m\.|api\.)?"
    r"(?:facebook\.com/share|(?:twitter|x)\.com/(?:intent|share)|wa\.me/|whatsapp\.com/send"
    r"|linkedin\.com/(?:sharing|shareArticle)|t\.me/share|telegram\.me/share"
    r"|reddit\.com/submit|pinterest\.[a-z.]+/pin/create|bsky\.app/intent))",
    re.IGNORECASE,
)
"""A link that goes nowhere (`#`, `javascript:`) or to a sharer: a share tool's address."""


def _share_address(href: str) -> bool:
    return _SHARER.match(href) is not None


ADVERT_TEXT = 600
"""The most text a box an ad label opens may hold to be taken for the advert it labels."""


def _labelled_advert(node: Node, text: _Text) -> bool:
    """A small box whose first words are an ad label ("Advertisement", "Anzeige") over the
    advert itself, which links to what it sells ("Bet now"): all of it is the advert. (A
    post's body under a stray label holds no such link, and stays.)"""
    if len(text.whole) > 2 * ADVERT_TEXT:  # the length first: the judge has read the text
        return False
    first = next((child for child in node.iter() if child.is_element_node), None)
    label = first.text(deep=True) if first is not None else ""
    if not label or len(label) > AD_LABEL_TEXT or WHOLE_BLOCKS.get(bare(label)) != "ad label":
        return False
    return len(text.squashed) <= ADVERT_TEXT and node.css_first("a[href]") is not None


AD_LABEL_TEXT = 40
"""The longest first line of a box read as an ad label."""


_SOCIAL_HOSTS = (
    "twitter.com",
    "x.com",
    "t.co",
    "instagram.com",
    "facebook.com",
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "bsky.app",
    "threads.net",
    "t.me",
    "whatsapp.com",
    "wa.me",
)
"""Where an embed's fallback links point: a box of them is a post, tweet or video."""


def _is_link_box(node: Node, outline: Outline | None = None, text: _Text | None = None) -> bool:
    """A small box that is all links to other articles but for a short kicker ("Related
    article", "Leggi anche", "Mehr zum Thema"), whether or not its headlines are headings.
    `text`, when given, is the box's text, shared with other checks."""
    if node.tag not in _BOX_TAGS or (outline is not None and not outline.holds_link(node)):
        return False  # most boxes hold no link: a lookup
    if text is None:
        text = _Text(node)
    if len(text.whole) > 2 * LINK_BOX_TEXT:  # the length first: finding the links takes a query
        return False
    squashed = text.squashed
    if not squashed or len(squashed) > LINK_BOX_TEXT or looks_like_byline(squashed):
        return False
    links = node.css("a[href]")
    linked = sum(len(squash(a.text(deep=True))) for a in links)
    if linked < LINKED_HEADLINE or len(squashed) - linked > CARD_KICKER:
        return False  # most boxes: text besides their links, found before reading addresses
    return all(_article_link(a.attributes.get("href") or "") for a in links)


def _article_link(href: str) -> bool:
    """Whether `href` may lead to another article: not within the page, no script, no mail,
    no social network (whose links are an embed's)."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    try:
        host = (urlsplit(href).hostname or "") if "//" in href else ""
    except ValueError:  # not an address at all ("http://[x")
        return False
    return not any(host == social or host.endswith("." + social) for social in _SOCIAL_HOSTS)
