"""What a site template is, as data: one frozen `SiteSpec` per template, read by `SiteAdapter`.

A spec names where a template keeps each thing a post has (its id, times, title, authors,
flags, body) and what on its pages is furniture. Selectors are CSS, matched inside a post
unless said otherwise. Where data cannot say it, a spec names a small function (a hook).
The specs live in `parse/sites/`, one module per site, registered in its `__init__`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

TITLE_OPENING = 30
"""How many characters of a title `FlagRule.title_opening` looks at."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """Where a post writes one of its times: in an attribute of the post itself, or of the
    first element in it that `selector` matches."""

    attribute: str = "datetime"
    selector: str = ""
    epoch: bool = False
    """Seconds or milliseconds since 1970 (`data-sort-time="1691987017000"`), not ISO 8601."""


@dataclass(frozen=True, slots=True)
class FlagRule:
    """How a template marks posts with one flag (key event, pinned, breaking, summary): a
    post is flagged when any test it sets holds."""

    post_class: str = ""
    """A class of the post element itself."""
    attribute: tuple[str, str] | None = None
    """An attribute of the post element, and the value it has then."""
    selector: str = ""
    """An element inside the post."""
    label_selector: str = ""
    label: str = ""
    """An element (`label_selector`) whose whole text is this label, in any case. A label
    is never taken for an author."""
    title_opening: str = ""
    """Words the title's first `TITLE_OPENING` characters hold, in any case."""
    listed: str = ""
    """Links anywhere on the page to the flagged posts (a list of key events): each post
    a link's address names (by its fragment or query) is flagged."""


@dataclass(frozen=True, slots=True)
class SiteSpec:
    """One template of live blogs, recognised by its markup (`signature`), not its domain."""

    name: str
    """Shown as the reader of a page (`LiveBlog.source`); letters, digits and '-'."""
    version: int
    """Bump it when a change to the spec changes what is read from its pages: feeds this
    spec read are read again, and no other feed is."""
    signature: str
    """Matches the first post of this template's pages, and no other page's."""
    posts: str
    """Selects every post, pinned copies included."""

    # What a post says of itself.
    title: str = "h2, h3"
    authors: str = ""
    published: tuple[Stamp, ...] = ()
    """Where a post's first publication time is written: the first stamp found is taken."""
    updated: tuple[Stamp, ...] = ()
    """Where the time of its last change is written; counted only when later than published."""
    zone: str = "Europe/London"
    """Where times written without a zone are meant."""
    false_utc: bool = False
    """The page's times say "Z" (UTC) but are local times in `zone`."""
    trust_dom_times: bool = True
    """False when the page's own times are wrong and per-post structured data's win."""
    key_event: FlagRule | None = None
    pinned: FlagRule | None = None
    breaking: FlagRule | None = None
    summary: FlagRule | None = None

    # Identity.
    id_attribute: str = "id"
    """The post element's attribute that holds its id (prefixes such as `block-`, `post-`
    are dropped as everywhere: see `ids.normalise_id`)."""
    key_link: str = "a[href*='#']"
    """A link whose address names the post, for posts with no id (a pinned copy)."""
    permalink_link: str = ""
    """A link to the post's own address, if the template has one."""
    permalink: str = "{page}#{id}"
    """The post's address otherwise: `{page}` is the page's address, `{id}` the post's id."""

    # The body.
    body: str = ""
    """The element that holds a post's body; the post itself when empty or not found."""
    not_body: str = ""
    """Parts of a post that are metadata, not body (header, time, byline): skipped silently."""
    title_in_body: bool = False
    """The title element sits in the body (and not in `not_body`): it is taken out of it."""
    byline: Callable[[LexborNode], LexborNode | None] | None = None
    """A hook: the post's byline row, found by what no selector says. It is not body, and
    the text of its first `byline_author` element is an author."""
    byline_author: str = "span"
    embed_link: Callable[[LexborNode], str | None] | None = None
    """A hook: where an embed box points when its markup holds no link or frame."""
    furniture: tuple[tuple[str, str], ...] = ()
    """(selector, rule) pairs for promotional or furniture elements: removed and recorded."""
    pinned_copies: str = ""
    """The element that holds second renderings of posts shown on top (pinned posts)."""

    # The page.
    older_pages: str = ""
    """Links to the pages of older posts."""
    older_page_text: str = ""
    """Only `older_pages` links whose text is this, in any case, when set."""
    last_updated: Stamp | None = None
    """Where the page writes when it was last updated (the selector runs over the page)."""
    live_badge: str = ""
    live_word: str = "live"
    """A page with a `live_badge` element is live while its text holds `live_word`; without
    one, nothing is known from the markup."""
