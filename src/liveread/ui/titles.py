"""Which title a list row shows: a title that tells posts apart, or the post's first words.

Some live blogs give every post the blog's own headline as its title ("Women's World Cup" on
nine posts of ten); a list of those cannot be scanned. Such a title is replaced in the list
(only there: the reader still shows it) by the opening of the post's text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Protocol

NO_TEXT = "(no text)"


class Titled(Protocol):
    """What the rule reads of a row."""

    @property
    def ref(self) -> str: ...
    @property
    def feed(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def excerpt(self) -> str: ...


def list_titles(rows: Iterable[Titled]) -> dict[str, str]:
    """The title each row (by `ref`) shows in the list.

    A title is replaced by the post's first words when it repeats its blog's headline (is
    the headline, or how the headline begins), or when most of that feed's rows listed here
    share it. A post without a title shows its first words too; one without either says so.
    """
    rows = list(rows)
    by_feed: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        by_feed[row.feed][_key(row.title)] += 1
    shown: dict[str, str] = {}
    for row in rows:
        key = _key(row.title)
        counts = by_feed[row.feed]
        shared = counts[key] >= 2 and counts[key] * 2 > sum(counts.values())
        telling = key and not shared and not _repeats_headline(key, _key(row.headline))
        if telling or not row.excerpt:
            shown[row.ref] = row.title or row.excerpt or NO_TEXT
        else:
            shown[row.ref] = row.excerpt
    return shown


_BREAKS = ":;,|/–—-(["
_QUOTES = str.maketrans("‘’“”", "''\"\"")


def _key(title: str) -> str:
    """A title as compared: case, quote shapes, spacing and closing stops set aside."""
    return " ".join(title.translate(_QUOTES).casefold().split()).rstrip(" .:!-–—|")


def _repeats_headline(title: str, headline: str) -> bool:
    """The title is the headline, or its opening words up to a break ("Women's World Cup"
    of "Women's World Cup LIVE: England news as …")."""
    if not headline or not headline.startswith(title):
        return False
    rest = headline[len(title) :]
    return not rest or rest[0].isspace() or rest[0] in _BREAKS
