"""Sources: feeds (RSS, Atom, JSON Feed) that announce articles, among them live blogs that
liveread then follows. This module decides which of a source's items to look at; the service
fetches them, and follows those whose page is a live blog.

- An item whose title, or one of its categories, matches the source pattern (config
  `source_pattern`) is a live blog by its own account: its page is fetched to follow it.
- Of the items that do not match, the newest few (`MAX_CHECKS`) not looked at before are
  fetched too, in case their page is a live blog all the same.
- Each item is looked at once: the source remembers the addresses it has looked at (so a blog
  the user stopped following is not followed again).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the config reads this module at start-up; feed items come only with a fetch
    from liveread.feedformats import FeedItem

SOURCE = "source"
"""A feed's kind when it announces live blogs (a live blog's own kind is "blog")."""

DEFAULT_SOURCE_PATTERN = (
    r"\b(?:live|liveblog|live blog|live updates|latest updates|as it happened|ticker"
    r"|en direct|in diretta|en vivo)\b"
)
"""What a live blog's title (or category) says of it, in a few languages; case-insensitive."""

MAX_MATCHED = 10
"""Items that match the pattern looked at in one refresh of a source (newest first)."""
MAX_CHECKS = 3
"""Items that do not match the pattern looked at in one refresh of a source (newest first)."""


def compile_pattern(text: str) -> re.Pattern[str]:
    """The source pattern, case-insensitive; ValueError with the reason when it is no regex."""
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"not a regular expression: {error}") from None


DEFAULT_PATTERN = compile_pattern(DEFAULT_SOURCE_PATTERN)


def announces_live(item: FeedItem, pattern: re.Pattern[str]) -> bool:
    """Whether the item says it is a live blog: its title or a category matches."""
    return any(pattern.search(text) for text in (item.title, *item.categories))


def items_to_check(
    items: Sequence[FeedItem], looked_at: Collection[str], pattern: re.Pattern[str]
) -> list[FeedItem]:
    """The items worth fetching this refresh, matched ones first: those not looked at before,
    newest first, at most `MAX_MATCHED` that match the pattern and `MAX_CHECKS` that do not."""
    seen = set(looked_at)
    fresh = []
    for item in newest_first(items):
        if item.url not in seen:
            seen.add(item.url)
            fresh.append(item)
    matched = [item for item in fresh if announces_live(item, pattern)]
    unmatched = [item for item in fresh if not announces_live(item, pattern)]
    return matched[:MAX_MATCHED] + unmatched[:MAX_CHECKS]


def newest_first(items: Sequence[FeedItem]) -> list[FeedItem]:
    """By publication time, newest first; undated items keep the feed's order, after them."""
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(items, key=lambda item: item.published or oldest, reverse=True)
