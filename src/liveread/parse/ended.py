"""Whether a page says in words that its live coverage has ended: "this live blog is now
closed", "Der Liveticker ist beendet", "ce direct est désormais terminé".

Only short texts are searched: banners and notices outside the posts, and the opening of the
newest post (blogs often end with a closing post, its first or last paragraph saying so). A phrase counts only when it names the
blog, coverage, ticker or direct itself, never the event ("the match has ended")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser

from liveread.model import Entry, block_text
from liveread.parse.tree import Node, Owners

_NOW = r"(?:now |hiermit |nun |jetzt |désormais |maintenant |à présent |ormai |ya |nu |już )?"

PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        # "the live coverage" may be a broadcaster's, "the live stream" a video: only a blog
        # goes with "the"; coverage and updates need "this" or "our".
        r"\b(?:(?:this|our|the) live[ -]?blog|(?:this|our) (?:live[ -]?)?(?:coverage|updates)"
        r"|(?:this|our) (?:blog|live page))(?: (?:of|on|for) [^.!?:;]{1,60}?)? (?:has|have|is|are) "
        + _NOW
        + r"(?:ended|closed|finished|over|concluded|paused)\b",
        r"\bwe(?: are|'re| have|'ve| will be|'ll be)? (?:now )?(?:pausing|paused|closing|closed"
        r"|ending|ended|wrapping up|wrapped up|suspending|suspended|concluding|concluded) "
        r"(?:our|this|the) live\b",
        r"\bthis (?:live[ -]?)?(?:blog|page|coverage) is no longer being updated\b",
        # The event named first, at a sentence's start (not "TV coverage of this race…"):
        # "Coverage for this event has ended."
        r"(?:^|[.!?:] )(?:live[ -]?)?(?:coverage|updates) (?:of|for|on) this(?: [\w'-]+){1,3} "
        r"(?:has|have|is|are) " + _NOW + r"(?:ended|closed|finished|over|concluded)\b",
    ),
    "de": (
        r"\b(?:dieser|der|unser|dieses|das|diese|unsere) (?:live-?)?(?:ticker|blog|"
        r"berichterstattung)(?: zu [^.!?:;]{1,60}?)? (?:ist|wird|hat) " + _NOW + r"(?:\w+ )?"
        r"(?:beendet|geschlossen|zu ende|geendet)\b",
        r"\b(?:beenden|schließen) wir (?:\w+ )?(?:unseren|diesen|den|unser|dieses|das) "
        r"(?:live-?)?(?:ticker|blog)",
        r"\bwir (?:beenden|schließen) (?:\w+ )?(?:unseren|diesen|den|unser|dieses|das) "
        r"(?:live-?)?(?:ticker|blog)",
        r"\b(?:endet|schließt) (?:\w+ )?(?:unser|dieser|der|dieses|das) (?:live-?)?(?:ticker|blog)",
    ),
    "fr": (
        r"\b(?:le|ce|notre) (?:direct|live|live-?blog|suivi en direct|fil en direct) (?:est|se) "
        + _NOW
        + r"(?:terminé|clos|fini|achevé|termine|clôturé)",
        r"\bfin de (?:ce|notre) (?:direct|live|suivi en direct)\b",
        r"\bnous (?:mettons fin à|clôturons|terminons|arrêtons|fermons) (?:ce|notre) "
        r"(?:direct|live|suivi)\b",
    ),
    "it": (
        r"\b(?:la|questa|la nostra) diretta (?:è|e') " + _NOW + r"(?:terminata|conclusa|finita|"
        r"chiusa)",
        r"\b(?:la|questa|la nostra) diretta (?:si chiude|termina|si conclude|finisce)\b",
        r"\b(?:il|questo) (?:live|liveblog|live blog) (?:è|e') " + _NOW + r"(?:terminato|"
        r"concluso|chiuso|finito)",
        r"\b(?:chiudiamo|terminiamo|concludiamo) (?:qui )?(?:la|questa|la nostra) diretta\b",
    ),
    "es": (
        r"\b(?:esta|la|nuestra) cobertura(?: en (?:directo|vivo))? (?:ha|se ha) "
        r"(?:finalizado|terminado|concluido|acabado)",
        r"\b(?:termina|finaliza|concluye|acaba) (?:aquí |acá )?(?:nuestra|la|esta) "
        r"(?:cobertura|retransmisión|narración|minuto a minuto)\b",
        r"\b(?:este|el|nuestro) (?:directo|minuto a minuto|en vivo) (?:ha|se ha) "
        r"(?:finalizado|terminado|concluido)",
    ),
    "nl": (
        r"\b(?:deze|dit|de|het|ons|onze) (?:live-?blog|live-?verslag|live-?ticker|blog|"
        r"verslaggeving) (?:is|wordt) "
        + _NOW
        + r"(?:afgelopen|afgesloten|gesloten|beëindigd|ten einde|"
        r"gestopt|niet (?:meer|langer) bijgewerkt)",
        r"\b(?:we|wij) (?:sluiten|stoppen|beëindigen) (?:\w+ )?(?:dit|deze|ons|onze|het) "
        r"(?:live-?blog|live-?verslag|verslag)",
    ),
    "pl": (
        r"\brelacj[aę] na żywo (?:\w+ )?(?:została |jest |się )?(?:zakończona|zakończyła|"
        r"zamknięta|kończy)",
        r"\b(?:kończymy|zamykamy) (?:\w+ )?(?:relację|naszą relację|tę relację)",
        r"\b(?:ta|nasza) relacja (?:została |jest |się )?(?:zakończona|zakończyła)",
        r"\bten (?:live-?blog|liveblog) (?:został |jest )?(?:zakończony|zamknięty)",
    ),
}

ENDED = re.compile("|".join(f"(?:{p})" for ps in PHRASES.values() for p in ps), re.IGNORECASE)

MAX_TEXT = 400
"""Longer texts are no banner nor a post's opening: they are not searched."""

MAX_BANNERS = 100

BANNER_WORDS = ("banner", "notice", "alert", "status", "coverage", "-end", "-fin")
"""Words in the class of a page's own notices ("live-banner", "blog-ended", "su-direct-fin",
"coverage-note");
"end" and "fin" only after a hyphen, or every "trending" and "infinite" would be read too.
Few words: each is a substring test of every class on the page (~0.13 ms on a large one)."""

BANNERS = ", ".join(
    [f'[class*="{word}"]' for word in BANNER_WORDS] + ['[role="status"]', '[role="alert"]']
)


def says_ended(text: str) -> bool:
    """Whether `text` (a short one) says the live blog itself has ended."""
    if len(text) > 4 * MAX_TEXT:  # no short text however its spaces are squashed: not read
        return False
    words = " ".join(text.replace("\u2019", "'").split())
    return len(words) <= MAX_TEXT and ENDED.search(words) is not None


def page_says_ended(tree: LexborHTMLParser, posts: Iterable[Node], newest: Entry | None) -> bool:
    """Whether a banner outside `posts`, or the opening or the last paragraph of the `newest`
    post, says the page's live coverage has ended."""
    if newest is not None and any(map(says_ended, _opening_and_close(newest))):
        return True
    owners = Owners(post.mem_id for post in posts)
    for banner in tree.css(BANNERS)[:MAX_BANNERS]:
        if owners.of(banner) is None and says_ended(banner.text(deep=True, separator=" ")):
            return True
    return False


def _opening_and_close(entry: Entry) -> tuple[str, str]:
    """The post's title and first paragraph; its last paragraph ("Damit endet unser Ticker")."""
    paragraphs = [text for text in map(block_text, entry.blocks) if text.strip()] or [""]
    first = f"{entry.title}. {paragraphs[0]}" if entry.title else paragraphs[0]
    return first[:MAX_TEXT], paragraphs[-1][-MAX_TEXT:] if len(paragraphs) > 1 else ""
