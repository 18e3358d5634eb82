"""Reach plc live templates: "live-event" (Mirror and sister titles) and "live-events" (Express).

Times come from epoch attributes; the shown "21:00" is UK local with no date.
"""

from __future__ import annotations

from datetime import datetime

from liveread.parse.adapter import Adapter, Flags, Node
from liveread.parse.times import from_epoch
from liveread.text import squash

_REACH_FURNITURE = (
    ("reach-recirculation, .recirculation, section.topStories", "reach: related stories"),
    ("reach-taboola, reach-mpu, reach-native, .ad-placeholder, .taboola-ad", "reach: ad slot"),
    ("shopwindow-advertorial, .ad-slot-article, [id^='div-gpt-ad']", "reach: ad slot"),
    (".sharebar, social-follow-comment-bar", "reach: share tools"),
    (".whatsapp-group, .newsletter-pure, .dont-miss", "reach: sign-up prompt"),
    (".related-articles, .more-on", "reach: related stories"),
)


class ReachLiveEvent(Adapter):
    name = "reach-live-event"
    signature = "div.live-event-container div.live-event-entry"
    entries = "div.live-event-entries div.live-event-entry"
    title_selector = ".entry-content h3"
    not_body = ".entry-info"
    furniture = _REACH_FURNITURE

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        return _epoch_times(node, "data-post-time", "data-last-modified-time")

    def authors(self, node: Node) -> list[str]:
        mark = self.first(node, ".entry-info mark")
        name = squash(mark.text()) if mark is not None else ""
        return [name] if name and name.upper() != "KEY EVENT" else []

    def flags(self, node: Node, key: str | None) -> Flags:
        mark = self.first(node, ".entry-info mark")
        labelled = mark is not None and squash(mark.text()).upper() == "KEY EVENT"
        return {"key_event": labelled or node.attributes.get("data-type") == "key-event"}

    def body(self, node: Node) -> list[Node]:
        super().body(node)
        title = node.css_first(self.title_selector)
        if title is not None:
            title.decompose()
        content = node.css_first(".entry-content")
        return [content] if content is not None else [node]


class ReachLiveEvents(Adapter):
    name = "reach-live-events"
    signature = "div.live-events__entries div.live-events__entry"
    entries = "div.live-events__entries div.live-events__entry"
    title_selector = "h3.live-events__entry-head"
    author_selector = ".live-events__entry-author"
    not_body = ".live-events__entry-info, h3.live-events__entry-head"
    furniture = _REACH_FURNITURE

    def times(self, node: Node) -> tuple[datetime | None, datetime | None]:
        return _epoch_times(node, "data-sort-time", "data-update-time")


def _epoch_times(
    node: Node, published_attribute: str, modified_attribute: str
) -> tuple[datetime | None, datetime | None]:
    """Post times from epoch attributes; "updated" only when it is later than published."""
    published = from_epoch(node.attributes.get(published_attribute))
    modified = from_epoch(node.attributes.get(modified_attribute))
    return published, modified if modified and published and modified > published else None
