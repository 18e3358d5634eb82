"""la Repubblica live pages (`section.liveblog__post`).

The `datetime` attributes say "Z" but hold Rome local time, so JSON-LD times win; the page's
own times are read as Rome time for posts structured data does not list.
"""

from __future__ import annotations

from datetime import datetime

from liveread.parse.adapter import Adapter, Node
from liveread.parse.times import parse_time


class Repubblica(Adapter):
    name = "repubblica"
    signature = "div.liveblog section.liveblog__post"
    entries = "div.liveblog section.liveblog__post"
    zone = "Europe/Rome"
    trust_dom_times = False
    title_selector = "h2.liveblog__post__title"
    not_body = "time.liveblog__post__pubdate, h2.liveblog__post__title"
    furniture = (
        (".inline-article, .aside-story", "repubblica: related article"),
        (".inline-video", "repubblica: video teaser"),
        ("[data-outbrain], .gd-social-share", "repubblica: promo"),
    )

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        stamp = self.first(node, "time.liveblog__post__pubdate[datetime]")
        raw = (stamp.attributes.get("datetime") or "") if stamp is not None else ""
        return parse_time(raw.rstrip("Zz"), local_zone=self.zone), None
