"""Finding the feed a person means by what they typed: `#3`, `3`, an address or a title.

A number is only ever an id (never a piece of an address: every loopback feed holds "127"); an
address must be a feed's own or canonical one, written any way `feed_address` reads as the
same; a title must match as a whole unless the caller allows a piece of one (a command that
destroys data asks for `exact`).
"""

from __future__ import annotations

from collections.abc import Sequence

from liveread.store.errors import NotFound, StoreError
from liveread.store.records import Feed


def find_feed(feeds: Sequence[Feed], ref: str, *, exact: bool = False) -> Feed:
    """The one feed `ref` names, or a StoreError that says why there is none."""
    text = ref.strip()
    number = text.removeprefix("#")
    if number.isdigit():
        for feed in feeds:
            if feed.id == int(number):
                return feed
        raise NotFound(f"no feed #{int(number)}")
    if not text:
        raise StoreError("no feed named: give its id, address or title")
    from liveread.addresses import feed_address  # its patterns load when first asked for

    address = feed_address(text) or text
    for feed in feeds:
        if address in (feed.url, feed.url.split("#", 1)[0], feed.canonical_url):
            return feed
    needle = text.casefold()
    named = [f for f in feeds if f.title.casefold() == needle]
    if not named and not exact:
        named = [f for f in feeds if needle in f.title.casefold()]
    if len(named) == 1:
        return named[0]
    if named:
        names = ", ".join(f"{f.label} (#{f.id})" for f in named)
        raise StoreError(f"'{ref}' matches several feeds: {names}; give its id")
    hint = " (give its id, address or whole title)" if exact else ""
    raise NotFound(f"no feed matches '{ref}'{hint}")
