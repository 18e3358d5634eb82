"""The Guardian's dotcom-rendering live blogs (`article.block` inside `#liveblog-body`)."""

from __future__ import annotations

import json
import re
from collections.abc import Set as AbstractSet
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from liveread.addresses import safe_address
from liveread.parse.adapter import Adapter, Flags, Node, PageInfo
from liveread.parse.ids import key_from_url
from liveread.parse.times import parse_time

_YOUTUBE_ID = re.compile(r"[\w-]{11}")


class Guardian(Adapter):
    name = "guardian"
    signature = "#liveblog-body article.block, [data-gu-name='body'] article.block"
    entries = "article.block"
    title_selector = "header h2"
    author_selector = "header div > div + span"
    not_body = "header"
    pinned_selector = "#pinned-post"
    key_events: AbstractSet[str | None] = frozenset()
    furniture = (
        ("footer ul, footer a[aria-label^='Share']", "guardian: share tools"),
        ("[data-spacefinder-type$='NewsletterSignupBlockElement']", "guardian: newsletter sign-up"),
        ("figure[data-atom-type='qanda'], figure[data-atom-type='profile']", "guardian: atom"),
        (".ad-slot-container, .ad-slot, .js-ad-slot", "guardian: ad slot"),
        ("gu-island[name='LiveBlogEpic'], gu-island[name='SupportTheG']", "guardian: support ask"),
    )

    def key(self, node: Node, page_url: str) -> str | None:
        if node.attributes.get("id"):
            return super().key(node, page_url)
        link = node.css_first("header a[href*='block-']")  # the pinned copy has no id
        return key_from_url(link.attributes.get("href") or "") if link is not None else None

    def permalink(self, node: Node, key: str | None, page_url: str) -> str | None:
        link = self.first(node, "header a[href*='block-']")
        return link.attributes["href"] if link is not None else None

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        published = self.first(node, "header time[datetime]")
        updated = self.first(node, "footer time[datetime]")
        return (
            parse_time(published.attributes.get("datetime") if published else None),
            parse_time(updated.attributes.get("datetime") if updated else None),
        )

    def embed_link(self, node: Node) -> str | None:
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

    def prepare(self, tree: LexborHTMLParser, page_url: str) -> None:
        cards = tree.css("#key-events-carousel a[href*='#block-']")
        self.key_events = {key_from_url(a.attributes.get("href") or "") for a in cards}

    def flags(self, node: Node, key: str | None) -> Flags:
        title = self.title(node).casefold()
        return {
            "key_event": key in self.key_events,
            "summary": "summary" in title[:30],
        }

    def page(self, tree: LexborHTMLParser, page_url: str) -> PageInfo:
        stamp = tree.css_first("time[data-gu-marker='liveblog-last-updated']")
        older = [
            url
            for a in tree.css("#liveblog-navigation a[href*='page=with:block-']")
            if a.text(deep=True).strip().casefold() == "next"
            and (url := safe_address(a.attributes["href"], page_url))
        ]
        badge = tree.css_first("[data-gu-name='headline'] span, header [class*='live']")
        return PageInfo(
            updated=parse_time(stamp.attributes.get("datetime") if stamp else None),
            older_pages=tuple(dict.fromkeys(older)),
            is_live=None if badge is None else "live" in badge.text().casefold(),
        )
