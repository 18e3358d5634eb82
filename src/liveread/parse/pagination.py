"""A live blog's older pages, for the readers no site spec guides: the numbered pages of the
same address its pager, "Load more" or "Older posts" link or `rel="next"` leads to
("?page=2", "/page/2"), next page first."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from liveread.addresses import safe_address

MAX_PAGE = 1000
"""The highest page number taken: a larger one is no page of posts (an id, a year)."""

_LINKS = "link[rel~='next'][href], a[href*='pag' i], a[href*='seite' i], a[href*='strona' i]"
"""What may lead to a numbered page: one query (each selector in it is a walk over the whole
page), whose matches the patterns below sort out."""
_PAGE_WORDS = "page|paged|pagina|seite|strona"
_QUERY_PAGE = re.compile(rf"(?:^|[?&;])(?:{_PAGE_WORDS})=(?P<n>\d{{1,4}})(?:[&;#]|$)", re.I)
_PATH_PAGE = re.compile(r"/(?:page|seite|pagina|strona)/(?P<n>\d{1,4})/?$", re.I)


def older_pages(tree: LexborHTMLParser, page_url: str) -> tuple[str, ...]:
    """The addresses of the page's further numbered pages: the one a `rel="next"` names
    first, then those a link names in words ("Older posts", "Load more"), then by number.
    Only of the page's own host and path (a pager of comments, of a section front or of
    search results leads elsewhere), only numbers after the page's own; the page itself
    (`aria-current`) is none."""
    here = _numbered(page_url)
    if here is None:
        return ()
    base, number = here
    found: dict[str, tuple[bool, bool, int]] = {}
    for link in tree.css(_LINKS):
        attributes = link.attributes
        href = attributes.get("href") or ""
        if attributes.get("aria-current") or not (
            _QUERY_PAGE.search(href) or _PATH_PAGE.search(href.split("?", 1)[0])
        ):
            continue
        if (address := safe_address(href, page_url)) is None:
            continue
        there = _numbered(address)
        if there is not None and there[0] == base and number < there[1] <= MAX_PAGE:
            named = "next" in (attributes.get("rel") or "").split()
            rank = (not named, link.text().strip().isdigit(), there[1])
            found[address] = min(rank, found.get(address, rank))
    return tuple(sorted(found, key=found.__getitem__))


def _numbered(address: str) -> tuple[str, int] | None:
    """The host and path of a page (its page number's segment taken off) and its number (0
    when it gives none: a pager counting from 0, Drupal's, calls the second page 1)."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    path, number = parts.path, 0
    if (match := _PATH_PAGE.search(path)) is not None:
        path, number = path[: match.start()], int(match["n"])
    elif (match := _QUERY_PAGE.search(parts.query)) is not None:
        number = int(match["n"])
    return f"{parts.netloc.lower().removeprefix('www.')}{path.rstrip('/')}", number
