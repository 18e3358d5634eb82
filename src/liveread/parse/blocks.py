"""Turning an entry's DOM into typed blocks: paragraphs with inline spans, headings, quotes,
lists, images and embeds. Markup never leaves this module; only plain model objects do."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from liveread.addresses import safe_address
from liveread.cleanphrases import every
from liveread.cleanwords import LEADING
from liveread.model import (
    Block,
    Embed,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    block_text,
)
from liveread.parse.tree import Owners, common_ancestor
from liveread.text import html_spaces, squash

Node = LexborNode
Judge = Callable[[Node, "Outline", Mapping[str, str | None]], str | None]
"""Looks at a container element and names the rule that removes it, or says None to keep it.
The `Outline` of the body being built tells where its headings and links are, so that the
judge need not search for them; then come the element's attributes, already read."""

SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "button",
        "form",
        "input",
        "select",
        "textarea",
        "link",
        "meta",
        "head",
        "nav",
        "object",
        "canvas",
        "map",
        "area",
        "dialog",
        "label",
    ]
)
INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    ]
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
TEXT_BLOCKS = "p, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, table, iframe"
MEDIA_TAGS = frozenset({"img", "picture", "amp-img", "figure"})
EMBED_CLASSES = (
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "twitter-video",
    "bluesky-embed",
    "text-post-media",  # Threads
    "reddit-embed-bq",
    "fb-xfbml-parse-ignore",  # a Facebook post's fallback
)
EMBED_TEXT = 280
"""The longest embed text kept (a tweet's length): the rest is at the embed's link."""
_EMBED_CLASS = re.compile("|".join(re.escape(name) for name in EMBED_CLASSES))
"""Any of `EMBED_CLASSES` within a class attribute."""
_PROVIDERS = (
    ("twitter.com", "tweet"),
    ("x.com", "tweet"),
    ("youtube.com", "video"),
    ("youtu.be", "video"),
    ("vimeo.com", "video"),
    ("dailymotion.com", "video"),
    ("dai.ly", "video"),
    ("twitch.tv", "video"),
    ("brightcove.net", "video"),
    ("brightcove.com", "video"),
    ("jwplayer.com", "video"),
    ("jwplatform.com", "video"),
    ("kaltura.com", "video"),
    ("fb.watch", "video"),
    ("instagram.com", "instagram"),
    ("facebook.com", "facebook"),
    ("tiktok.com", "tiktok"),
    ("bsky.app", "bluesky"),
    ("reddit.com", "reddit"),
    ("threads.net", "threads"),
    ("t.me", "telegram"),
    ("spotify.com", "audio"),
    ("soundcloud.com", "audio"),
)
_CAPTION_PREFIX = re.compile(
    r"^(?:Image caption|Media caption|Caption|Legende)\s*:\s*", re.IGNORECASE
)
_GRAPHIC_LABELS = (
    r"Chart|Graphic|Graphics|Infographic|Map|Grafik|Karte|Infographie|Graphique|Carte|Gráfico"
    r"|Infografía|Mapa|Grafico|Grafica|Infografica|Grafika|Infografika|Kaart"
)
"""The labels of a chart's or a map's credit, as "Photo" labels a photograph's: "Chart: …"."""
_PHOTO_WORDS = r"Fotó|Fotoğraf|Φωτογραφία|Φωτ\.|Фото|Snímka|Snímek"
"""A photograph's label in languages beyond the Western European ones: Hungarian, Turkish,
Greek, Russian (and the other Cyrillic ones), Slovak, Czech."""
_CREDIT_LABELS = (
    r"(?:Copyright|Image source|(?:Image|Photo|Picture)\s+credits?|Credits?|Crédits?|Créditos?"
    r"|Image|Photo|Photograph|Picture|Pic|Fotos?|Fotografía|Fotografia|Fot\.|Bild|Bilde|Billede"
    rf"|Kuva|Zdjęcie|Quelle|Source|Screenshot|{_PHOTO_WORDS}|{_GRAPHIC_LABELS})"
)
_CREDIT_BY = r"(?:(?:Photo|Photograph|Picture|Image)\s+by|Foto\s+von|Photo\s+de)\s+"
_CREDIT_PREFIX = re.compile(
    rf"^(?:(?:©|\(c\))\s*:?\s*|{_CREDIT_LABELS}\s*(?::|\.\.\.|…)\s*|{_CREDIT_BY}"
    r"|(?:Fotos?|Fot\.|Bild)\s+)+",
    re.IGNORECASE,
)
"""The labels before a credit's name: "Image source:", "Image Credit:", "© Foto:", "Fot.",
"Bild", "Credit…", "Screenshot:", "Photo by", "Foto von"."""
_LABEL_ALONE = re.compile(rf"{_CREDIT_LABELS}\s*(?::|\.\.\.|…)?", re.IGNORECASE)
"""A credit's label in an element of its own, where a colon is not needed: "Credit"."""
_TRAILING_CREDIT = re.compile(
    r"\s*\((?:Image|Picture|Pic|Photo|Photograph|Foto|Fot\.|Bild)\s*:\s*([^()]+)\)$", re.I
)
"""A credit written into the caption, as Reach titles do: "Harry and Meghan (Image: Getty)"."""
_AGENCY_PHOTO_CREDIT = re.compile(
    r"\s*\(((?:[A-Z][\w.&-]*\s+){1,4}(?:Photo|Foto|Video|Picture)s?\s*/\s*[^()/]{2,80})\)$"
)
"""A wire service's credit closing a caption: "… on Thursday. (AP Photo/Jane Doe)"."""
_NAMED_OUTLET_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\(((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?(?:[A-Z][\w.&'’-]*\s?){1,5})\)$"
)
"""A photographer and their outlet closing a caption: "… afternoon. (Rosa Delgado/The
Capital Courier)"."""
_LABELLED_CREDIT = re.compile(
    r"(?:(?<=[.!?\"”’)])|\s[—–]|(?<=[a-z])\s(?=(?:Credit|Photograph)s?:))"
    r"\s*(?:©\s*)?(?:(?:Photograph|Photo|Picture|Composite|Illustration|Foto"
    rf"|Bild|Bilde|Billede|Kuva|Crédit|Crédito|Credit|Zdjęcie|{_PHOTO_WORDS}|{_GRAPHIC_LABELS})"
    r"s?\s*:|Fot\.|©)"
    r"\s*([^:©]{1,80})$"
)
"""A credit written after the caption's last sentence, as the Guardian does: "… on his
arrival. Photograph: Reuters"; so too "…del club.Foto: Unión Almendralejo", "… Wolności.
Fot. Anna Zielińska", "… Mühlgasse. © Jana Keller", "… by ballot type. Chart: The Margin",
and after no full stop where the label's capital says it starts: "… this morning Credit:
Jamie Lorriman"."""
_LAST_WORDS = re.compile(r"(?<=[.!?\"”’)])\s*([^.!?\"”’()]{2,60}(?:\s?\([^()]{2,30}\))?)$")
_AGENCY = re.compile(
    r"\b(?:Getty Images|Getty|AFP|AP|Reuters|dpa|Imago|IMAGO|EPA|EFE|ANSA|PA|Shutterstock"
    r"|Alamy|Keystone|APA|ANP|picture alliance|SIPA|NurPhoto|Bloomberg)\b"
)
"""Picture agencies a caption may end with, unlabelled: "… on Tuesday. Dale Ortman via
Getty Images", "… protest. AFP/Getty"."""
_CREDIT_WORDS = frozenset({"via", "/", "&", "and", "dpa", "picture", "alliance"})
_BRACKETED = re.compile(r"\(([^()]{1,60})\)")
"""A caption that is nothing but a bracketed name, as Repubblica writes one: "(reuters)"."""


def absolute_http(href: str | None, base: str) -> str | None:
    """A link's target: `href` resolved against `base` if `safe_address` keeps it; None for
    anything else (javascript:, data:, mailto:, ...) and for anchors within the page."""
    if not href or href.lstrip(" \t\n\r\f").startswith("#"):
        return None
    return safe_address(href, base)


def provider_of(url: str | None) -> str:
    if not url:
        return "embed"
    parts = urlsplit(url)
    host = parts.hostname or ""
    for domain, name in _PROVIDERS:
        if host == domain or host.endswith("." + domain):
            if name == "facebook" and _FACEBOOK_VIDEO.search(parts.path):
                return "video"  # Facebook's video player, not a post
            return name
    return "embed"


_FACEBOOK_VIDEO = re.compile(r"/plugins/video\.php|/videos?/|/watch/?$|/reel/")


def classes(node: Node) -> str:
    return node.attributes.get("class") or ""


Style = tuple[bool, bool, str | None]
"""(bold, italic, link target) of a run of inline text."""
PLAIN: Style = (False, False, None)
_FRAMES_IN_TEXT = frozenset(
    {"iframe", "video", "audio", "embed", "amp-iframe", "amp-youtube", "amp-twitter"}
)
"""Frames a paragraph may hold among its text (WordPress wraps an embed in a paragraph)."""
_NOT_INLINE = SKIP_TAGS | {"img", "picture", "amp-img", "figure"} | _FRAMES_IN_TEXT
"""Elements whose content never joins the running text."""
_ENDS_LINE = frozenset({"p", "div", "li", *HEADINGS})
_LABELLED_INLINE = frozenset({"a", "span"})
"""Inline elements whose class is read: links, and the spans that hold text for screen
readers only (other inline elements are styles, rarely so used)."""


class _Inline:
    """Collects inline content into runs of one style; `result` makes them spans."""

    __slots__ = ("base_url", "frames", "split", "styles", "texts")

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.styles: list[Style] = []
        self.texts: list[list[str]] = []
        self.split = False
        """The next text starts a run of its own even in the same style."""
        self.frames: list[tuple[int, Node]] = []
        """Each frame met in the text, with the number of runs before it."""

    def add(self, text: str, style: Style) -> None:
        if not text:
            return
        if self.styles and not self.split and self.styles[-1] == style:
            self.texts[-1].append(text)
        else:
            self.styles.append(style)
            self.texts.append([text])
            self.split = False

    def walk(self, node: Node, style: Style = PLAIN) -> None:
        add = self.add
        for child in node.iter(include_text=True):
            if child.is_text_node:
                text = child.text_content or ""
                # Most text is laid out already: `html_spaces` would give it back as it is.
                add(text if text.isprintable() and "  " not in text else html_spaces(text), style)
                continue
            tag = child.tag
            if not child.is_element_node or tag in _NOT_INLINE:
                if tag in _FRAMES_IN_TEXT:
                    self.frames.append((len(self.styles), child))
                    self.split = True
                continue
            if tag == "br":
                add("\n", style)
                continue
            bold, italic, href = style
            link = href
            if tag in _LABELLED_INLINE:  # the inline elements that may be for screen readers
                attrs = child.attributes
                if _screen_reader_class(attrs.get("class") or ""):
                    continue  # "Posted at" before a time: not what the page shows
                if tag == "a":
                    link = absolute_http(attrs.get("href"), self.base_url) or href
            self.walk(
                child, (bold or tag in ("b", "strong"), italic or tag in ("i", "em", "cite"), link)
            )
            if tag in _ENDS_LINE:
                add("\n", style)

    def pieces(self) -> Iterator[tuple[Span, ...] | Node]:
        """The spans of the text between frames, and the frames, in order."""
        start = 0
        for end, frame in self.frames:
            yield self._part(start, end).result()
            yield frame
            start = end
        yield self._part(start, len(self.styles)).result()

    def _part(self, start: int, end: int) -> _Inline:
        part = _Inline(self.base_url)
        part.styles, part.texts = self.styles[start:end], self.texts[start:end]
        return part

    def result(self) -> tuple[Span, ...]:
        """Spans with whitespace tidied at the edges and across joins."""
        if len(self.styles) < 2:  # all one style, or nothing: just the ends to trim
            if not self.styles:
                return ()
            parts = self.texts[0]
            text = parts[0] if len(parts) == 1 else "".join(parts)
            text = (_one_break(text) if "\n" in text else text).strip()
            return (Span(text, *self.styles[0]),) if text else ()
        texts: list[str] = []
        styles: list[Style] = []
        after_space = False
        for style, parts in zip(self.styles, self.texts, strict=True):
            text = parts[0] if len(parts) == 1 else "".join(parts)
            if "\n" in text:
                text = _one_break(text)
            if after_space:
                text = text.lstrip(" ")
            if text:
                texts.append(text)
                styles.append(style)
                after_space = text.endswith((" ", "\n"))
        start, end = 0, len(texts)
        while start < end and texts[start].isspace():
            start += 1
        while end > start and texts[end - 1].isspace():
            end -= 1
        if start == end:
            return ()
        texts[start] = texts[start].lstrip()
        texts[end - 1] = texts[end - 1].rstrip()
        return tuple(
            [
                Span(text, *style)
                for text, style in zip(texts[start:end], styles[start:end], strict=True)
                if text
            ]
        )


def _one_break(text: str) -> str:
    """Each run of spaces and line breaks holding a break made one break (the regular
    expression ` *\\n[ \\n]*` replaced with a break, several times faster on long text)."""
    lines = text.split("\n")
    last = len(lines) - 1
    kept = []
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" ")
        if number < last:
            line = line.rstrip(" ")
        if line or number in (0, last):
            kept.append(line)
    return "\n".join(kept)


def inline_spans(node: Node, base_url: str) -> tuple[Span, ...]:
    text = _only_text(node)
    if text is not None:
        return _plain_spans(text)
    collector = _Inline(base_url)
    collector.walk(node)
    return collector.result()


def _only_text(node: Node) -> str | None:
    """The text of `node` when it holds nothing but one text node ("" when it holds nothing
    at all), as most paragraphs do; None when it has other children."""
    child = node.first_child
    if child is None:
        return ""
    if not child.is_text_node or child.next is not None:
        return None
    return child.text_content or ""


def _plain_spans(text: str) -> tuple[Span, ...]:
    """What `_Inline.walk` and `result` make of a lone text node: one plain span, trimmed."""
    text = html_spaces(text)
    if "\n" in text:
        text = _one_break(text)
    text = text.strip()
    return (Span(text, *PLAIN),) if text else ()


class Outline(Mapping[int, Node]):
    """Where the headings, pictures and links under one or more bodies are, from one query
    over the element that holds them all rather than one per container asking whether it
    holds any. The query runs when first asked: bodies whose containers are ruled out by
    cheaper checks never need it. Bodies must not nest.

    As a mapping it is `headings`: the first h2-h5 under each element."""

    __slots__ = ("_headings", "_linked", "_pictures", "_roots")

    def __init__(self, roots: list[Node]) -> None:
        self._roots = roots
        self._headings: dict[int, Node] | None = None
        self._pictures: dict[int, int] = {}
        self._linked: set[int] = set()

    @property
    def headings(self) -> dict[int, Node]:
        """The first h2-h5 under each element (its descendants, not itself)."""
        if self._headings is None:
            self._find()
        assert self._headings is not None
        return self._headings

    def pictures(self, node: Node) -> int:
        """How many `img` and `amp-img` `node` holds (itself not counted): 0, 1, or 2 for
        two or more."""
        if self._headings is None:
            self._find()
        return self._pictures.get(node.mem_id, 0)

    def holds_link(self, node: Node) -> bool:
        """Whether `node` holds a link (`a[href]`; itself not counted)."""
        if self._headings is None:
            self._find()
        return node.mem_id in self._linked

    def _find(self) -> None:
        headings: dict[int, Node] = {}
        pictures, linked = self._pictures, self._linked
        roots = {root.mem_id for root in self._roots}
        bodies = Owners(roots)
        scope = common_ancestor(self._roots)
        query = "h2, h3, h4, h5, img, amp-img, a[href]"
        for hit in scope.css(query) if scope is not None else []:
            if hit.mem_id in roots or (root := bodies.of(hit.parent)) is None:
                continue  # not under a body's root
            # Up from the hit's parent to the root. An element that has its heading, a link
            # or two pictures has them for every element above it: the walk stops there, so
            # no element is passed more than twice however deeply hits nest.
            node: Node | None = hit.parent
            if hit.tag in HEADINGS:
                while node is not None and node.mem_id not in headings:
                    headings[node.mem_id] = hit
                    node = None if node.mem_id == root else node.parent
            elif hit.tag == "a":
                while node is not None and node.mem_id not in linked:
                    linked.add(node.mem_id)
                    node = None if node.mem_id == root else node.parent
            else:
                while node is not None and (count := pictures.get(node.mem_id, 0)) < 2:
                    pictures[node.mem_id] = count + 1
                    node = None if node.mem_id == root else node.parent
        self._headings = headings

    def get(self, key: int, default: Node | None = None) -> Node | None:  # type: ignore[override]
        return self.headings.get(key, default)

    def __getitem__(self, key: int) -> Node:
        return self.headings[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self.headings)

    def __len__(self) -> int:
        return len(self.headings)


_NO_BODIES = Outline([])
"""The outline of no body, a builder's until it is given bodies to read."""


class BlockBuilder:
    """Walks a body element and produces blocks, asking `judge` about each container."""

    def __init__(
        self,
        base_url: str,
        judge: Judge | None = None,
        embed_link: Callable[[Node], str | None] | None = None,
    ) -> None:
        self.base_url = base_url
        self.judge = judge
        self.embed_link = embed_link
        """Where an embed with no link or frame in its markup points, if its site says."""
        self.removed: list[tuple[str, str, Node]] = []
        """(rule, text, element) for every container the judge removed."""
        self._outline = _NO_BODIES  # `build` gives the outline of the bodies it reads

    def build(self, roots: list[Node], outline: Outline | None = None) -> list[Block]:
        """Blocks of everything under `roots`. One root is the post's own element: it is
        never judged, only what it holds. Several are a run of siblings that make up the
        post between two others (a flat page): each is read like any element of a body, so a
        newsletter box or a picture among them is judged or read as what it is.
        `outline`, when given, covers these roots among others: one for all posts of a page."""
        self._outline = outline if outline is not None else Outline(roots)
        blocks: list[Block] = []
        if len(roots) == 1:
            self._visit_children(roots[0], blocks)
        else:
            for root in roots:
                self._visit(root, blocks)
        return blocks

    def _visit_children(self, node: Node, out: list[Block]) -> None:
        loose: _Inline | None = None
        """Running text between block children, made when there is some."""
        for child in node.iter(include_text=True):
            if child.is_text_node:
                text = child.text_content or ""
                # Leading whitespace is trimmed from a paragraph anyway: skip making one.
                if (loose is not None and loose.styles) or not text.isspace():
                    if loose is None:
                        loose = _Inline(self.base_url)
                    loose.add(html_spaces(text), PLAIN)
                continue
            if child.is_element_node and child.tag in INLINE_TAGS:
                if loose is None:
                    loose = _Inline(self.base_url)
                # Each inline element's runs stand apart from the text before them.
                loose.split = True
                wrapper_walk(loose, child)
                loose.split = False
                continue
            if loose is not None and loose.styles:
                self._flush(loose, out)
                loose = None
            if child.is_element_node:
                self._visit(child, out)
        if loose is not None and loose.styles:
            self._flush(loose, out)

    def _flush(self, loose: _Inline, out: list[Block]) -> None:
        spans = loose.result()
        if spans:
            out.append(Paragraph(spans))

    def _visit(self, node: Node, out: list[Block]) -> None:
        tag = node.tag
        if not node.is_element_node or tag in SKIP_TAGS:
            return
        attrs = node.attributes
        if _hidden(attrs):
            return
        if self.judge is not None and (rule := self.judge(node, self._outline, attrs)):
            self.removed.append((rule, squash(node.text(deep=True)), node))
            return
        names = attrs.get("class") or ""
        if ("uration" in names or "ength" in names) and _is_duration(node, names):
            return  # a video's running time beside its player: "01:12"
        if tag in _PLAYER_TAGS and _is_video_player(node, attrs):
            _add(out, self._video(node, attrs))
        elif tag in HEADINGS:
            if spans := inline_spans(node, self.base_url):
                out.append(Heading(spans, level=HEADINGS[tag]))
        elif tag == "p":
            self._paragraph(node, out)
        elif tag in ("ul", "ol"):
            if _is_gallery(node):
                self._visit_children(node, out)  # each slide a picture with its caption
            else:
                self._list(node, out)
        elif tag == "blockquote":
            _add(out, self._quote_or_embed(node))
        elif tag in MEDIA_TAGS or _is_media_wrapper(node, self._outline):
            if not self._read_as_placeholder(node, out):
                self._media(node, out)
        elif tag in ("iframe", "video", "audio", "amp-iframe", "amp-youtube", "amp-twitter"):
            _add(out, self._embed_element(node))
        elif tag == "table":
            self._table(node, out)
        elif _is_embed_container(node, attrs):
            if not self._read_as_placeholder(node, out):
                _add(out, self._embed_from(node))
        elif tag in INLINE_TAGS:
            if spans := inline_spans(node, self.base_url):
                out.append(Paragraph(spans))
        else:
            start = len(out)
            self._visit_children(node, out)
            if start < len(out) <= start + CONSENT_BLOCKS:
                self._consent_placeholder(node, out, start)

    def _read_as_placeholder(self, node: Node, out: list[Block]) -> bool:
        """Read an embed's or a picture's box as a consent placeholder if it is one (the
        embed it names, or nothing); False, with nothing read, if it is not."""
        text = node.text(deep=True)
        if len(text) > CONSENT_BLOCKS * CONSENT_TEXT or not _CONSENT_OPENING.match(text[:200]):
            return False  # most boxes: their text opens otherwise
        blocks: list[Block] = []
        removed = len(self.removed)
        self._visit_children(node, blocks)
        read = any(rule == "consent placeholder" for rule, _, _ in self.removed[removed:])
        if read or (blocks and self._consent_placeholder(node, blocks, 0)):
            out.extend(blocks)  # the embed, if a box inside it named one
            return True
        del self.removed[removed:]  # read again as what it is
        return False

    def _consent_placeholder(self, node: Node, out: list[Block], start: int) -> bool:
        """A box that stands in for an embed until the reader consents to load it
        ("Empfohlener externer Inhalt … Ich bin damit einverstanden …", "This content is
        provided by X"), whose blocks are `out[start:]`: the embed when the box or the one
        around it names the address, else nothing."""
        first = out[start]
        if not isinstance(first, Paragraph | Heading):
            return False
        opening = block_text(first)  # the opening first: most boxes open otherwise
        if len(opening) > CONSENT_TEXT or _CONSENT.match(opening) is None:
            return False
        texts = [squash(block_text(block)) for block in out[start:]]
        if any(len(text) > CONSENT_TEXT for text in texts):
            return False  # more than a notice and its buttons: the post's own text
        self.removed.append(("consent placeholder", " ".join(texts), node))
        del out[start:]
        if address := _consent_address(node, self.base_url):
            out.append(Embed(url=address, provider=provider_of(address)))
        return True

    def _paragraph(self, node: Node, out: list[Block]) -> None:
        text = _only_text(node)
        if text is not None:  # no children to look at: no picture, no styles
            spans = _plain_spans(text)
        else:
            if any(c.tag in MEDIA_TAGS for c in node.iter()):
                self._media(node, out)
            collector = _Inline(self.base_url)
            collector.walk(node)
            if collector.frames:
                self._text_and_frames(collector, out)
                return
            spans = collector.result()
        if spans:
            out.append(Paragraph(spans))

    def _text_and_frames(self, collector: _Inline, out: list[Block]) -> None:
        """A paragraph holding frames ("<p><iframe …></p>", as WordPress wraps embeds): its
        text and the embeds, in order."""
        for piece in collector.pieces():
            if isinstance(piece, tuple):
                if piece:
                    out.append(Paragraph(piece))
            else:
                _add(out, self._embed_element(piece))

    def _list(self, node: Node, out: list[Block]) -> None:
        items = tuple(
            spans
            for li in node.iter()
            if li.tag == "li" and (spans := inline_spans(li, self.base_url))
        )
        if items:
            out.append(ListBlock(items, ordered=node.tag == "ol"))

    def _quote_or_embed(self, node: Node) -> Block:
        if _EMBED_CLASS.search(classes(node)):
            return self._embed_from(node)
        cite_node = node.css_first("cite, footer")
        cite = squash(cite_node.text()) if cite_node is not None else None
        return Quote(inline_spans(node, self.base_url), cite=cite or None)

    def _embed_from(self, node: Node) -> Embed:
        links = [absolute_http(a.attributes.get("href"), self.base_url) for a in node.css("a")]
        frame = node.css_first("iframe[src], amp-iframe[src]")
        if frame is not None:
            links.append(absolute_http(frame.attributes.get("src"), self.base_url))
        urls = [u for u in links if u]
        # A tweet's own address is its last link ("... — Name (@handle) date"), a link in
        # its text to a hashtag or an article not.
        url = next((u for u in reversed(urls) if _TWEET_ADDRESS.search(u)), None)
        url = url or (urls[-1] if urls else None)
        if url is None and self.embed_link is not None:
            url = absolute_http(self.embed_link(node), self.base_url)
        provider = provider_of(url)
        paragraph = node.css_first("p")
        if paragraph is None and provider == "tweet" and url is not None:
            text = self._card_text(node, url)
        else:
            text = caption_text(paragraph or node, bare_durations=provider == "video")
        if _VIEW_ON_PROVIDER.fullmatch(text):
            text = ""  # the embed's own "View this post on Instagram": no text of the post
        if not text and frame is not None:
            text = frame_title(frame)
        return Embed(url=url, provider=provider, text=_clip(text, EMBED_TEXT))

    def _card_text(self, card: Node, url: str) -> str:
        """A tweet's text in a card the page draws itself: its longest line of text, not
        the author's name and handle (in links to the tweet), its time or its counters
        ("1,204 Likes ∙ 311 Retweets")."""
        longest = ""
        for element in card.traverse():
            if element.mem_id == card.mem_id or element.tag in SKIP_TAGS:
                continue
            if not any(
                child.is_text_node and not (child.text_content or "").isspace()
                for child in element.iter(include_text=True)
            ):
                continue  # no text of its own: a box around lines
            if self._within_link_to(element, card, url):
                continue
            text = visible_text(element)
            meta = _COUNTERS.search(text) or _CLOCK_LINE.match(text)
            if len(text) > len(longest) and not meta:
                longest = text
        return longest

    def _within_link_to(self, element: Node, card: Node, url: str) -> bool:
        node: Node | None = element
        while node is not None and node.mem_id != card.mem_id:
            if node.tag == "a" and absolute_http(node.attributes.get("href"), self.base_url) == url:
                return True
            node = node.parent
        return False

    def _embed_element(self, node: Node, text: str = "") -> Embed | None:
        """The embed a frame, video or audio element shows; `text` is its caption, if any
        (else a frame's title)."""
        attrs = node.attributes
        if node.tag == "amp-twitter" and attrs.get("data-tweetid"):
            url = safe_address(f"https://twitter.com/i/status/{attrs['data-tweetid']}")
            return Embed(url=url, provider="tweet")
        if node.tag == "amp-youtube" and attrs.get("data-videoid"):
            url = safe_address(f"https://www.youtube.com/watch?v={attrs['data-videoid']}")
            return Embed(url=url, provider="video")
        src = attrs.get("src") or attrs.get("data-src")
        if src is None and (source := node.css_first("source[src]")) is not None:
            src = source.attributes.get("src")
        address = absolute_http(src, self.base_url)
        if address is None:
            return None
        provider = "video" if node.tag == "video" else provider_of(address)
        if node.tag == "audio":
            provider = "audio"
        return Embed(
            url=address, provider=provider, text=_clip(text or frame_title(node), EMBED_TEXT)
        )

    def _video(self, node: Node, attrs: Mapping[str, str | None]) -> Embed:
        """A video player's box (a poster, a play button, "Video wird geladen …") as the one
        video it plays: its address from the box's attributes or its video or frame, its
        caption if it has one; the rest of what it shows is the player's."""
        address = next(
            (
                url
                for name in _VIDEO_ADDRESSES
                if (url := absolute_http(attrs.get(name), self.base_url))
            ),
            None,
        )
        if address is None and (inner := node.css_first("video[src], source[src], iframe[src]")):
            address = absolute_http(inner.attributes.get("src"), self.base_url)
        if address is None and (player := _player_element(node)) is not None:
            address = absolute_http(player.attributes.get("data-src"), self.base_url)
        caption = node.css_first("figcaption, [class*='caption'], [class*='Caption']")
        text = caption_text(caption, bare_durations=True) if caption is not None else ""
        if caption is not None and (credit := caption.css_first("small, [class*='credit']")):
            text = squash(text.replace(visible_text(credit), ""))  # "Video: Jonas Åberg/SRT"
        if not text and (frame := node.css_first("iframe[title]")) is not None:
            text = frame_title(frame)
        return Embed(url=address, provider="video", text=_clip(text, EMBED_TEXT))

    def _media(self, node: Node, out: list[Block]) -> None:
        if _is_embed_container(node):
            _add(out, self._embed_from(node))
            return
        parts = _MediaParts(node)
        if parts.frame is not None and parts.img is None:
            caption = next(
                (text for c in parts.captions if (text := caption_text(c, bare_durations=True))),
                "",
            )
            _add(out, self._embed_element(parts.frame, caption))
            return
        if image := self._image(parts):
            out.append(image)

    def _image(self, parts: _MediaParts) -> Image | None:
        img = parts.img
        src = _image_src(img, self.base_url) if img is not None else None
        if src is None and parts.source is not None:
            srcset = parts.source.attributes.get("srcset") or ""
            src = absolute_http(srcset.split(" ")[0], self.base_url)
        # The first caption-like element with visible text: an empty `p.withoutCaption` around
        # the picture (Express) is not the caption, its sibling `span.newsCaption` is.
        caption, caption_node = next(
            ((text, c) for c in parts.captions if (text := caption_text(c))), ("", None)
        )
        credit_node = parts.credit
        if credit_node is None and caption_node is not None:
            credit_node = _unnamed_credit(caption_node)
        credit_shown = visible_text(credit_node) if credit_node is not None else ""
        credit = _credit_text(credit_node, credit_shown) if credit_node is not None else ""
        if not caption and parts.line is not None:  # a plain paragraph under the picture
            caption = visible_text(parts.line)
        if caption:
            if credit and credit_node is not None:
                caption = squash(caption.replace(credit_shown, ""))
                caption = squash(caption.replace(squash(credit_node.text()), ""))
                caption = squash(caption.replace(credit, ""))
            caption = _dedupe_repeated(_CAPTION_PREFIX.sub("", caption))
            if not credit:
                caption, credit = _credit_in_caption(caption)
        alt = squash(img.attributes.get("alt") or "") if img is not None else ""
        if not caption and (src is None or (img is not None and (_is_icon(img) or _avatar(img)))):
            return None
        return Image(src=src, caption=caption or None, credit=credit or None, alt=alt or None)

    def _table(self, node: Node, out: list[Block]) -> None:
        rows = []
        for tr in _rows(node):
            cells = [squash(cell.text()) for cell in tr.iter() if cell.tag in ("td", "th")]
            if any(cells):
                rows.append((Span(" | ".join(cells)),))
        if rows:
            out.append(ListBlock(tuple(rows)))


def _add(out: list[Block], block: Block | None) -> None:
    """Append `block` unless it is none or an embed that says nothing: no address to follow
    and no text, only "[video]"."""
    if block is not None and not (isinstance(block, Embed) and not block.url and not block.text):
        out.append(block)


CONSENT_BLOCKS = 6
"""The most blocks a consent placeholder shows: a label, a notice, a consent line, a link."""
CONSENT_TEXT = 320
"""The longest line of a consent placeholder."""
_CONSENT = re.compile(rf"\W*+(?:{'|'.join(every(LEADING['consent placeholder']))})", re.IGNORECASE)
"""How a consent placeholder opens: "Empfohlener externer Inhalt", "This content is provided
by …". Every phrase opens with a letter, so the non-letters before it are taken whole (a
possessive `*+`), never given back one at a time to try every phrase again (a box's text
opens with its markup's indents)."""
_CONSENT_OPENING = re.compile(
    rf"\W*+(?:{'|'.join(p.removesuffix('$') for p in every(LEADING['consent placeholder']))})",
    re.IGNORECASE,
)
"""How a box holding a consent placeholder's lines opens (a label's end not seen in the
box's text, glued to the next line)."""
_EMBED_ADDRESS_WORDS = ("embed", "consent")
ADDRESS_ATTRIBUTE = re.compile(r"data-[\w-]*(?:src|url|href)")
"""An attribute that holds an address: `data-src`, `data-embed-src`, `data-consent-url`."""


def _consent_address(node: Node, base: str) -> str | None:
    """The address a consent placeholder names for its embed: an attribute of its (or the
    box around it, when that shows nothing else) that names an embed's source
    (`data-embed-src`, `data-consent-url`), or a link or `data-src` to a known provider."""
    scope = node
    parent = node.parent
    if parent is not None and squash(parent.text(deep=True)) == squash(node.text(deep=True)):
        scope = parent
    for element in scope.traverse():
        if element.tag in _PICTURE_TAGS or element.tag in ("picture", "source"):
            continue
        for name, value in element.attributes.items():
            if not value or not (name == "href" or ADDRESS_ATTRIBUTE.fullmatch(name)):
                continue
            address = absolute_http(value, base)
            if address is None:
                continue
            named = any(word in name for word in _EMBED_ADDRESS_WORDS)
            if named or provider_of(address) != "embed":
                return address
    return None


def _is_gallery(node: Node) -> bool:
    """A list whose every item holds a picture: the slides of a gallery, not a list."""
    items = [item for item in node.iter() if item.tag == "li"]
    return bool(items) and all(item.css_first("img, amp-img, picture") for item in items)


def _rows(table: Node) -> Iterator[Node]:
    """The table's own rows, not those of tables inside its cells (whose text their cell
    gives): direct children, or children of its `thead`, `tbody` and `tfoot`."""
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child.iter() if row.tag == "tr")


class _MediaParts:
    """What a picture's box holds, found in one walk over it (itself included) rather than a
    CSS query each: the first image, frame and `source[srcset]`, the first credit-like element
    and every caption-like one. Class names are matched as case-sensitive substrings."""

    __slots__ = ("captions", "credit", "frame", "img", "line", "source")

    def __init__(self, node: Node) -> None:
        self.img: Node | None = None
        self.frame: Node | None = None
        self.source: Node | None = None
        self.credit: Node | None = None
        self.captions: list[Node] = []
        self.line: Node | None = None
        """The first paragraph after the picture, neither caption nor credit by its class."""
        for element in node.traverse():
            tag = element.tag
            attrs = element.attributes
            if tag in _PICTURE_TAGS:
                if self.img is None:
                    self.img = element
            elif tag in _FRAME_TAGS:
                if self.frame is None:
                    self.frame = element
            elif tag == "source" and self.source is None and "srcset" in attrs:
                self.source = element
            names = (attrs.get("class") or "").lower()  # "imgCredit", "ImageCaption"
            if self.credit is None and (
                tag == "small"
                or ("attribution" in names and "caption" not in names)
                or (tag != "img" and "author" in names)  # a picture's "photoAuthor"
                or _credit_class(names)
            ):
                self.credit = element
            if tag == "figcaption" or "caption" in names:
                self.captions.append(element)
            elif (
                tag == "p"
                and self.line is None
                and self.img is not None
                and element is not self.credit
            ):
                self.line = element


_PICTURE_TAGS = frozenset({"img", "amp-img"})
_FRAME_TAGS = frozenset({"iframe", "video", "amp-youtube", "amp-twitter"})


def wrapper_walk(collector: _Inline, node: Node) -> None:
    """Walk one inline element (with its own emphasis or link) into `collector`."""
    tag = node.tag
    if tag in SKIP_TAGS or (tag in _LABELLED_INLINE and _screen_reader_only(node)):
        return
    if tag == "br":
        collector.add("\n", PLAIN)
        return
    href = absolute_http(node.attributes.get("href"), collector.base_url) if tag == "a" else None
    collector.walk(node, (tag in ("b", "strong"), tag in ("i", "em", "cite"), href))


def _hidden(attrs: Mapping[str, str | None]) -> bool:
    """Hidden from sight: by the `hidden` attribute, `aria-hidden`, or a class that keeps
    it for screen readers only."""
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or _screen_reader_class(attrs.get("class") or "")
    )


_SCREEN_READER_ONLY = re.compile(
    r"(?:^|[\s_-])(?:vh|visually-?hidden|sr-only|screen-reader-text|a11y-hidden)(?=\s|\Z)",
    re.IGNORECASE,
)
"""A class name that ends in one of these words (after a `-` or `_`, or as all of it)."""


@lru_cache(maxsize=1024)
def _screen_reader_class(names: str) -> bool:
    """Whether a class attribute keeps its element for screen readers only (`sr-only`,
    `screen-reader-text`, `visually-hidden`, BBC `gs-u-vh`). A page's elements share a few
    class attributes: each is read once."""
    return bool(names) and _SCREEN_READER_ONLY.search(names) is not None


def _class_test(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether `pattern` is found in a class attribute. A page's elements share a few class
    attributes: each is searched once (a case-blind search takes microseconds)."""

    @lru_cache(maxsize=1024)
    def found(names: str) -> bool:
        return pattern.search(names) is not None

    return found


def _screen_reader_only(node: Node) -> bool:
    """A copy of visible text for screen readers only (BBC `gs-u-vh`, `sr-only`)."""
    return _screen_reader_class(classes(node))


def visible_text(node: Node, leave_out: frozenset[int] = frozenset()) -> str:
    """The text a sighted reader sees in a small element (caption, credit, embed): text nodes
    included, screen-reader-only copies left out, line breaks and block boundaries as spaces.
    `leave_out` holds the `mem_id`s of elements whose text is not wanted either."""
    return _visible_text(node, node.text(deep=True), leave_out)


def _visible_text(node: Node, whole: str, leave_out: frozenset[int]) -> str:
    """`visible_text` of `node`, whose whole text is `whole`."""
    if not whole or whole.isspace():
        return ""  # no text to show (a caption box around a picture and nothing else)
    parts: list[str] = []
    _visible_parts(node, parts, leave_out)
    return squash("".join(parts))


def _visible_parts(node: Node, parts: list[str], leave_out: frozenset[int]) -> None:
    for child in node.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif (
            not child.is_element_node
            or child.tag in SKIP_TAGS
            or _screen_reader_only(child)
            or (leave_out and child.mem_id in leave_out)
        ):
            continue
        elif child.tag == "br":
            parts.append(" ")
        elif child.tag in INLINE_TAGS:
            start = len(parts)
            _visible_parts(child, parts, leave_out)
            if 0 < start < len(parts) and _glued_sentences(parts[start - 1], parts[start]):
                parts.insert(start, " ")  # "… miércoles.</span><span>A. CARRASCO …"
        else:
            parts.append(" ")
            _visible_parts(child, parts, leave_out)
            parts.append(" ")


_DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
"""A video's running time as players print it: "00:48", "1:02:33"."""
_DURATION_CLASS = re.compile(r"duration|length", re.I)
_duration_class = _class_test(_DURATION_CLASS)
DURATION_TEXT = 20
"""The most text an element classed as a duration holds ("Duration 1:02:33", "2 min")."""
_CAPTION_TOOL = re.compile(
    r"(?:purchase\s+)?licens(?:ing|e)\s+rights|buy\s+(?:this\s+)?(?:photo|image|picture|print)"
    r"|acheter\s+(?:cette\s+)?(?:photo|image)|(?:bild|foto)(?:rechte)?\s+(?:kaufen|erwerben)"
    r"|comprar\s+(?:esta\s+)?(?:foto|imagen)|share(?:\s+this\s+(?:photo|image|picture))?"
    r"|teilen|partager|compartir|condividi|delen|udostępnij|expand|enlarge|zoom|vergrößern"
    r"|agrandir|ampliar|ingrandisci|vergroten|powiększ|full\s*screen|vollbild|plein\s+écran",
    re.IGNORECASE,
)
"""The whole text of a button or link in a picture's caption that is a tool, not caption:
"Purchase Licensing Rights", "Buy this photo", "Acheter cette photo", "Bild kaufen"."""


def _caption_furniture(caption: Node, bare_durations: bool = False) -> frozenset[int]:
    """The `mem_id`s of the elements in a caption that are not its text: tools ("Purchase
    Licensing Rights", "Share", "Expand") and a video's duration, whether classed as one
    (`span.duration`) or, with `bare_durations`, an element that holds "01:12" alone."""
    found: set[int] = set()
    for element in caption.traverse(include_text=False):
        if element.mem_id == caption.mem_id or element.tag in SKIP_TAGS:
            continue
        text = element.text(deep=True)
        if not text or len(text) > 60:
            continue
        text = squash(text)
        names = element.attributes.get("class") or ""
        if (
            _CAPTION_TOOL.fullmatch(text.rstrip(" ›»→↗+"))
            or (_duration_class(names) and len(text) <= DURATION_TEXT)
            or (bare_durations and _DURATION.fullmatch(text))
        ):
            found.add(element.mem_id)
    return frozenset(found)


def _is_duration(node: Node, names: str) -> bool:
    """Whether an element is a video's running time: classed as one, and "01:12" or little
    more ("Duration 1:02:33")."""
    if not _duration_class(names):
        return False
    text = node.text(deep=True)
    return (
        len(text) <= 4 * DURATION_TEXT
        and len(text := squash(text)) <= DURATION_TEXT
        and (_DURATION.search(text) is not None)
    )


def caption_text(caption: Node, bare_durations: bool = False) -> str:
    """The visible text of a caption without its tools and a video's duration."""
    if (text := _only_text(caption)) is not None:  # its text alone, as most captions are
        return "" if not text or text.isspace() else squash(text)
    whole = caption.text(deep=True)
    if not whole or whole.isspace():
        return ""  # a box around a picture, classed as a caption: no tools to look for
    return _visible_text(caption, whole, _caption_furniture(caption, bare_durations))


def _glued_sentences(before: str, after: str) -> bool:
    """Whether an element's text starts a sentence right after the text before it ends one,
    with no space between them: the page's style lays the two apart."""
    return before[-1:] in ".!?" and after[:1].isupper()


def _is_media_wrapper(node: Node, outline: Outline) -> bool:
    """A box that is only an image with its caption and credit (`div.image-container`, BBC's
    `div.lx-media-asset`): one picture (of the pictures `outline` counts), no running text."""
    if node.tag not in ("div", "span", "section"):
        return False
    # The picture count first: a lookup (after one query for all bodies), and most have none.
    if outline.pictures(node) != 1 or len(node.text(deep=True)) >= 400:
        return False
    # Text blocks with text mean running copy; an empty `p` around the picture does not, nor
    # a `p.image-caption` or `p.image-source` under it, nor, in a box that credits its
    # picture, one short line (the caption of "Bild: picture alliance/dpa").
    lines = [
        (block, text)
        for block in node.css(TEXT_BLOCKS)
        if not _caption_or_credit_class(block.attributes.get("class") or "")
        and (text := squash(block.text(deep=True)))
    ]
    if not lines:
        return True
    if len(lines) > 1 or len(lines[0][1]) > CAPTION_TEXT:
        return False
    return not _captioned_elsewhere(lines[0][0], node) and _credited_and_captioned(node)


CAPTION_TEXT = 300
"""The longest caption a picture's box that credits it may hold as a plain paragraph."""


def _credited_and_captioned(node: Node) -> bool:
    """Whether a box names who took its picture in an element of its own (`.copyright`,
    `.credit`, `.image-source`) and its one line of text comes after the picture, as a
    caption does (text before it is a post's, with a picture below)."""
    credited = picture = False
    for element in node.traverse():
        tag = element.tag
        if tag in _PICTURE_TAGS:
            picture = True
        elif tag == "p" and not picture and squash(element.text(deep=True)):
            return False
        if not credited:
            names = element.attributes.get("class") or ""
            credited = _credit_class(names) and "aption" not in names
    return credited


def _captioned_elsewhere(line: Node, box: Node) -> bool:
    """Whether the picture in `box` has a `figcaption` with text while `line` stands outside
    every `figure`: the figure's caption is the picture's, the line beside it is a post's."""
    node = line.parent
    while node is not None and node.mem_id != box.mem_id:
        if node.tag == "figure":
            return False
        node = node.parent
    return any(visible_text(caption) for caption in box.css("figcaption"))


_CREDIT_CLASS = re.compile(r"credit|copyright|(?<![a-z])source(?![a-z])", re.I)
"""The class of a picture's credit: "imgCredit", "copyright", "image-source" (not "resource")."""
_CAPTION_OR_CREDIT = re.compile(rf"caption|{_CREDIT_CLASS.pattern}", re.I)
"""The class of a picture's caption or credit line: "image-caption", "lb24-base-image-source"."""
_credit_class = _class_test(_CREDIT_CLASS)
_caption_or_credit_class = _class_test(_CAPTION_OR_CREDIT)


def _is_embed_container(node: Node, attrs: Mapping[str, str | None] | None = None) -> bool:
    """A tweet, video or other embed box; `attrs` are the node's attributes if to hand."""
    if attrs is None:
        attrs = node.attributes
    names = attrs.get("class") or ""
    said = _embed_by_attributes(names, attrs.get("data-spacefinder-type") or "")
    if said is None:  # a class that ends in "embed": an embed if it holds a link or frame
        return node.css_first("a[href], iframe[src]") is not None
    if not said and "weet" in names and _TWEET_CARD_CLASS.search(names):
        return _links_to_a_tweet(node)  # a tweet drawn as a card: its link says so
    return said


_TWEET_CARD_CLASS = re.compile(r"(?:^|[\s_-])tweet(?:$|[\s_-])", re.I)
""""tweet" as a word of a box's class: "tweet", "tweet-card", "embedded-tweet" (not
"retweet"); the box must hold a link to a tweet too."""
_TWEET_ADDRESS = re.compile(r"^https://(?:[\w-]+\.)?(?:twitter|x)\.com/\w+/status(?:es)?/\d+")
"""The address of one tweet."""
_COUNTERS = re.compile(
    r"\d[\d.,]*\s?[KkMm]?\s+(?:likes?|retweets?|reposts?|repl(?:y|ies)|quotes?|views|bookmarks?"
    r"|comments?|shares?|gefällt mir|j'aime|me gusta|mi piace)\b",
    re.IGNORECASE,
)
"""A post's counters: "1,204 Likes", "311 Retweets", "2.1K Views"."""
_CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?\s?(?:[·∙•|,-]|$)")
"""A line that opens with the time a post was made: "11:02 PM ∙ Nov 3, 2026"."""


def _links_to_a_tweet(node: Node) -> bool:
    """Whether a box holds a link to one tweet (not a share link, "x.com/intent/tweet")."""
    return any(
        _TWEET_ADDRESS.search(link.attributes.get("href") or "")
        for link in node.css("a[href*='/status']")
    )


@lru_cache(maxsize=1024)
def _embed_by_attributes(names: str, kind: str) -> bool | None:
    """Whether a box with this class and `data-spacefinder-type` is an embed, as far as they
    say; None when its markup must say (see `_is_embed_container`). A page's boxes share a
    few classes: each is read once."""
    if _EMBED_CLASS.search(names):
        return True
    if kind.endswith("Element") and "Image" not in kind and "Text" not in kind:
        return any(word in kind for word in ("Tweet", "Youtube", "Video", "Embed", "Instagram"))
    return None if "embed" in names.split("--")[-1] else False


_VIDEO_ADDRESSES = ("data-video-src", "data-video-url", "data-video", "data-canonical-url")
"""Attributes of a video player's box that may hold the address of its video."""
_VIDEO_ATTRIBUTES = frozenset({"data-video", "data-video-id", "data-video-src", "data-video-url"})
_VIDEO_PLAYER_CLASS = re.compile(r"video[-_]?(?:player|resource)|player[-_]?video", re.I)
_PLAYER_TAGS = frozenset({"div", "section", "figure", "span"})
PLAYER_TEXT = 200
"""The most text a video player's box shows (a notice, a duration, a title): a box with
more holds more than the player."""


def _is_video_player(node: Node, attrs: Mapping[str, str | None]) -> bool:
    """A video player's box: it names its video (`data-video`, `data-video-id`, …), calls
    itself one (`class="video-player"`) or a video box holding a player (`section.inline-video`
    around a `<gdwc-video-component>`), and shows little text."""
    names = attrs.get("class") or ""
    if _VIDEO_ATTRIBUTES.isdisjoint(attrs) and not (
        "ideo" in names  # the substring first: faster
        and (
            _VIDEO_PLAYER_CLASS.search(names)
            or (_VIDEO_WORD.search(names) and _player_element(node) is not None)
        )
    ):
        return False
    return len(node.text(deep=True)) <= PLAYER_TEXT


_VIDEO_WORD = re.compile(r"(?:^|[\s_-])video(?:$|[\s_-])", re.I)
""""video" as a word of a class name: "inline-video", "video_box", "post video"."""
_PLAYER_NAME = re.compile(r"video|player")


def _player_element(node: Node) -> Node | None:
    """The player in a video box: a `video` or frame, or an element of the site's own making
    named for one (`<gdwc-video-component>`, `<media-player>`)."""
    if (found := node.css_first("video, iframe")) is not None:
        return found
    return next(
        (
            element
            for element in node.traverse()
            if "-" in (tag := element.tag or "") and _PLAYER_NAME.search(tag)
        ),
        None,
    )


def frame_title(frame: Node) -> str:
    """A frame's `title` when it names what the frame shows ("Floodwater in the old town"),
    not what it is ("YouTube video player", "Embedded content", "Advertisement")."""
    title = squash(frame.attributes.get("title") or "") if frame.tag == "iframe" else ""
    return "" if _GENERIC_TITLE.fullmatch(title) else title


_GENERIC_TITLE = re.compile(
    r"(?:[\W\d_]|\b(?:youtube|vimeo|dailymotion|twitch|brightcove|jw\s?player|kaltura|twitter|x"
    r"|tweet|facebook|instagram|tiktok|bluesky|reddit|threads|telegram|spotify|soundcloud"
    r"|datawrapper|flourish|google|maps?|video|audio|player|embed(?:ded)?|content|i?frame"
    r"|media|widget|post|podcast|chart|3rd|third|party|ads?|advertisement|sponsored"
    r"|untitled|title|the|a|an|of)\b)*",
    re.IGNORECASE,
)
"""A title made only of these words: the kind of frame, not what it shows."""


_VIEW_ON_PROVIDER = re.compile(
    r"(?:view|see|watch|ver|voir|visualizza|vedi|bekijk|zobacz|diesen beitrag|dieses video)"
    r"\b.{0,40}\b(?:instagram\w*|threads|facebook|tiktok|youtube|twitter|x)"
    r"(?:\s+(?:ansehen|anzeigen|an))?\W*",
    re.IGNORECASE,
)
"""An embed's fallback that only says where to see the post: "View this post on Instagram",
"Ver esta publicación en Instagram", "Diesen Beitrag auf Instagram ansehen"."""


def _unnamed_credit(caption: Node) -> Node | None:
    """A credit whose class does not say so (`span.sc-7b2c1a4e-2`): the caption's last child
    element, after the caption's own text and set apart from it, short, not a sentence, and
    mostly capitals ("ANP", "A. CARRASCO RAGEL (EFE)") or the name of an agency."""
    last = _last_filled(caption.last_child)
    while last is not None and last.is_element_node and _last_filled(last.prev) is None:
        last = _last_filled(last.last_child)  # a caption that is a box around its text
    while last is not None and last.tag in ("a", "button") and last.prev is not None:
        # "… <span>REUTERS/Jo Doe</span> <a>Purchase Licensing Rights</a>": a tool last
        if not _CAPTION_TOOL.fullmatch(squash(last.text(deep=True))):
            break
        last = _last_filled(last.prev)
    if last is None or not last.is_element_node or last.tag in SKIP_TAGS:
        return None
    if _last_filled(last.prev) is None:
        return None  # nothing before it: the caption's own text
    before = last.prev
    if before is not None and before.is_text_node:
        text = before.text_content or ""
        # Text glued to the credit's element is laid apart from it by the page's style; text
        # and a space before it must end a sentence ("… woensdag. <span>ANP</span>").
        if (
            text[-1:].isspace()
            and not text.isspace()
            and not text.rstrip().endswith(_CLOSES_SENTENCE)
        ):
            return None
    credit = visible_text(last)
    if not credit or len(credit) > CREDIT_TEXT or credit.endswith((".", "!", "?")):
        return None
    letters = [char for char in credit if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    return last if capitals * 2 > len(letters) or _names_an_agency(credit) else None


CREDIT_TEXT = 60
"""The longest credit `_unnamed_credit` takes from a caption's last element."""
_CLOSES_SENTENCE = (".", "!", "?", '"', "”", "’", ")")


def _last_filled(node: Node | None) -> Node | None:
    """`node` or the nearest sibling before it that is not blank text."""
    while node is not None and node.is_text_node and (node.text_content or "").isspace():
        node = node.prev
    return node


def _credit_text(node: Node, shown: str) -> str:
    """A credit without its brackets and label: BBC prints it twice, once for screen readers
    ("Copyright: EPA"); Reach titles wrap it as "(Image: Getty Images)" with the label in a
    child element and the name in a bare text node. `shown` is its `visible_text`."""
    text = shown or squash(node.text(deep=True))
    label = node.first_child
    while label is not None and label.is_text_node and (label.text_content or "").isspace():
        label = label.next
    if label is not None and label.is_element_node:
        named = squash(label.text(deep=True))
        if _LABEL_ALONE.fullmatch(named):  # "<span>Credit</span><span>Jo Doe</span>"
            text = text.removeprefix(named).strip()
    text = _unbracket(text)
    return _unbracket(_CREDIT_PREFIX.sub("", text).strip())


def _clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a space when one is near, marked "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + "…"


def _credit_in_caption(caption: str) -> tuple[str, str]:
    """A caption and the credit written into it, if one is: (caption, credit)."""
    if bracketed := _BRACKETED.fullmatch(caption):
        return "", bracketed.group(1).strip()
    if (label := _CREDIT_PREFIX.match(caption)) and _credit_alone(name := caption[label.end() :]):
        return "", name.strip()
    for pattern in (_TRAILING_CREDIT, _AGENCY_PHOTO_CREDIT, _NAMED_OUTLET_CREDIT, _LABELLED_CREDIT):
        if written := pattern.search(caption):
            credit = written.group(1).strip()
            if pattern is _LABELLED_CREDIT:  # "Chart: The Margin, from county returns."
                credit = credit.removesuffix(".").rstrip()
            return caption[: written.start()].strip(), credit
    if (last := _LAST_WORDS.search(caption)) and _names_an_agency(last.group(1)):
        return caption[: last.start()].strip(), last.group(1).strip()
    if (
        caption.endswith("]")
        and (square := _SQUARE_CREDIT.search(caption))
        and _reads_as_credit(words := square.group(1).strip())
    ):
        return caption[: square.start()].strip(), words
    return caption, ""


def _credit_alone(words: str) -> bool:
    """Whether the words after a credit's label that opens a caption are the credit and no
    more ("Photo: Getty Images", "Foto: dpa", "Bild: Keystone"), not a caption that opens
    with a label ("Photo: the crowd outside the town hall"): one word, or names."""
    tokens = words.split()
    return len(tokens) == 1 or _reads_as_credit(words) or _names_an_agency(words)


_SQUARE_CREDIT = re.compile(r"\s*\[([^\[\]]{2,80})\]$")
"""A credit in square brackets closing a caption: "Trucks at the crossing [Jo Doe/Reuters]"."""
_NAME_LINKS = frozenset({"of", "via", "and", "&", "/", "for"})


def _reads_as_credit(words: str) -> bool:
    """Whether bracketed words name who took a picture: capitalised words, none a sentence's,
    and either a "/" between a name and an outlet, an agency, or a name of two words or
    more ("Samir Haddad/Reuters", "File: Ana Ruiz/AFP", "AFP", "Al Jazeera")."""
    tokens = words.replace("/", " / ").split()
    if len(tokens) > 8 or not any(token[0].isupper() for token in tokens):
        return False
    if not all(
        token[0].isupper() or not token[0].isalpha() or token.lower() in _NAME_LINKS
        for token in tokens
    ):
        return False
    return "/" in tokens or _AGENCY.search(words) is not None or len(tokens) >= 2


def _names_an_agency(words: str) -> bool:
    """Whether the words after a caption's last sentence are a credit: names, one of them a
    picture agency ("Dale Ortman via Getty Images"), and no running text."""
    tokens = words.replace("/", " / ").replace("(", " ").replace(")", " ").split()
    return _AGENCY.search(words) is not None and all(
        token[0].isupper() or token in _CREDIT_WORDS for token in tokens
    )


def _unbracket(text: str) -> str:
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


ICON_SIZE = 64
"""Pictures this small on both sides are an author's avatar, a logo or an icon."""


def _is_icon(img: Node) -> bool:
    """A picture whose stated width and height are both at most `ICON_SIZE` pixels."""
    attrs = img.attributes
    sides = (attrs.get("width") or "", attrs.get("height") or "")
    return all(side.isdigit() and 0 < int(side) <= ICON_SIZE for side in sides)


_AVATAR_CLASS = re.compile(r"avatar|author|profile|headshot|byline|mugshot", re.I)
_avatar_class = _class_test(_AVATAR_CLASS)
AVATAR_ALT = 60
"""The longest `alt` an author's picture has: their name, or nothing."""


def _avatar(img: Node) -> bool:
    """An author's picture in a post's header: it or the box right around it is classed as
    an avatar or the author's (`img.author-avatar`, `span.byline__photo > img`), and its
    `alt` says no more than a name."""
    attrs = img.attributes
    if len(attrs.get("alt") or "") > AVATAR_ALT:
        return False
    if _avatar_class(attrs.get("class") or ""):
        return True
    parent = img.parent
    if parent is not None and parent.tag == "picture":
        parent = parent.parent
    return parent is not None and _avatar_class(parent.attributes.get("class") or "")


def _image_src(img: Node, base: str) -> str | None:
    """The address of the picture `img` shows: a lazy loader's attribute first (its `src` is
    a placeholder until the page's script swaps it), then `src`, then a `srcset`'s first."""
    attrs = img.attributes
    for key in _IMAGE_ADDRESSES:
        value = attrs.get(key)
        if not value or value.startswith("data:"):
            continue
        if address := absolute_http(value.replace("{width}", "640"), base):
            return address
    srcset = attrs.get("srcset") or attrs.get("data-srcset")
    if srcset:
        return absolute_http(srcset.split(",")[0].strip().split(" ")[0], base)
    return None


_IMAGE_ADDRESSES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "src")


def _dedupe_repeated(text: str) -> str:
    """BBC captions say the same sentence twice ("X. Image caption: X.")."""
    half = len(text) // 2
    if text and text[:half].strip() == text[half:].strip():
        return text[:half].strip()
    return text
