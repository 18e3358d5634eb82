"""The Guardian's dotcom-rendering live blogs (`article.block` inside `#liveblog-body`).

Posts carry `block-<id>` ids (the pinned copy on top has none, only its link); key events are
the page's carousel of links to them.
"""

from __future__ import annotations

import json
import re

from selectolax.lexbor import LexborNode

from liveread.parse.spec import FlagRule, SiteSpec, Stamp

_YOUTUBE_ID = re.compile(r"[\w-]{11}")


def youtube_link(node: LexborNode) -> str | None:
    """A YouTube atom is drawn by script: its video id is in its island's JSON props."""
    island = node.css_first("gu-island[name='YoutubeBlockComponent'][props]")
    if island is None:
        return None
    try:
        props = json.loads(island.attributes.get("props") or "")
    except ValueError:
        return None
    asset = props.get("assetId") if isinstance(props, dict) else None
    if not isinstance(asset, str) or not _YOUTUBE_ID.fullmatch(asset):
        return None
    return f"https://www.youtube.com/watch?v={asset}"


SPEC = SiteSpec(
    name="guardian",
    version=1,
    signature="#liveblog-body article.block, [data-gu-name='body'] article.block",
    posts="article.block",
    title="header h2",
    authors="header div > div + span",
    published=(Stamp(selector="header time[datetime]"),),
    updated=(Stamp(selector="footer time[datetime]"),),
    key_event=FlagRule(listed="#key-events-carousel a[href*='#block-']"),
    summary=FlagRule(title_opening="summary"),
    key_link="header a[href*='block-']",
    permalink_link="header a[href*='block-']",
    not_body="header",
    embed_link=youtube_link,
    furniture=(
        ("footer ul, footer a[aria-label^='Share']", "guardian: share tools"),
        ("[data-spacefinder-type$='NewsletterSignupBlockElement']", "guardian: newsletter sign-up"),
        ("figure[data-atom-type='qanda'], figure[data-atom-type='profile']", "guardian: atom"),
        (".ad-slot-container, .ad-slot, .js-ad-slot", "guardian: ad slot"),
        ("gu-island[name='LiveBlogEpic'], gu-island[name='SupportTheG']", "guardian: support ask"),
    ),
    pinned_copies="#pinned-post",
    older_pages="#liveblog-navigation a[href*='page=with:block-']",
    older_page_text="next",
    last_updated=Stamp(selector="time[data-gu-marker='liveblog-last-updated']"),
    live_badge="[data-gu-name='headline'] span, header [class*='live']",
)
