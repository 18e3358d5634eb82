"""The Independent's AMP live blogs (`amp-live-list` of `div#post-<n>`).

The shown time (`amp-timeago[datetime]`, also the UK-local "14 August 2023 10:01" line) is
an editable display time and can be hours after the creation time in `data-sort-time` (which
JSON-LD's `datePublished` also gives): a post is published when it was created.
"""

from __future__ import annotations

from datetime import datetime

from liveread.parse.adapter import Adapter, Node
from liveread.parse.times import from_epoch, parse_time
from liveread.text import squash


class Independent(Adapter):
    name = "independent"
    signature = "amp-live-list div[items] > div[id^='post-'][data-sort-time]"
    entries = "amp-live-list div[items] > div[id^='post-'][data-sort-time]"
    title_selector = "h3"
    furniture = (
        ("div[id^='ad-'], [data-mpu], .taboola, amp-ad", "independent: ad slot"),
        ("amp-lightbox, amp-sidebar, amp-carousel", "independent: overlay"),
        (".inline-related, .inline-prompt, .sub-message, .syndication-btn", "independent: promo"),
    )

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        created = from_epoch(node.attributes.get("data-sort-time"))
        shown = self.first(node, "amp-timeago[datetime]")
        published = created or parse_time(shown.attributes.get("datetime") if shown else None)
        edited = from_epoch(node.attributes.get("data-update-time"))
        updated = edited if edited and created and edited > created else None
        if updated and published and updated < published:
            updated = None
        return published, updated

    def authors(self, node: Node) -> list[str]:
        row = _byline(node)
        spans = row.css("span") if row is not None else []
        name = squash(spans[0].text()) if spans else ""
        return [name] if name else []

    def body(self, node: Node) -> list[Node]:
        for part in node.css("a[href^='#post-']"):
            part.decompose()
        row = _byline(node)
        if row is not None:
            row.decompose()
        wrapper = node.css_first("h3")
        if wrapper is not None:
            wrapper.decompose()
        return [node]


def _byline(node: Node) -> Node | None:
    """The closing "Author / 14 August 2023 10:01" row: the last div holding two spans."""
    for div in reversed(node.css("div")):
        if len(div.css("span")) == 2 and div.css_first("p") is None:
            return div.parent
    return None
