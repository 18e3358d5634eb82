"""Reach plc live templates: "live-event" (Mirror and sister titles) and "live-events" (Express).

Times come from epoch attributes; the shown "21:00" is UK local with no date.
"""

from __future__ import annotations

from liveread.parse.spec import FlagRule, SiteSpec, Stamp

FURNITURE = (
    ("reach-recirculation, .recirculation, section.topStories", "reach: related stories"),
    ("reach-taboola, reach-mpu, reach-native, .ad-placeholder, .taboola-ad", "reach: ad slot"),
    ("shopwindow-advertorial, .ad-slot-article, [id^='div-gpt-ad']", "reach: ad slot"),
    (".sharebar, social-follow-comment-bar", "reach: share tools"),
    (".whatsapp-group, .newsletter-pure, .dont-miss", "reach: sign-up prompt"),
    (".related-articles, .more-on", "reach: related stories"),
)

LIVE_EVENT = SiteSpec(
    name="reach-live-event",
    version=1,
    signature="div.live-event-container div.live-event-entry",
    posts="div.live-event-entries div.live-event-entry",
    title=".entry-content h3",
    # The mark names the author, or says "KEY EVENT" instead.
    authors=".entry-info mark",
    published=(Stamp(attribute="data-post-time", epoch=True),),
    updated=(Stamp(attribute="data-last-modified-time", epoch=True),),
    key_event=FlagRule(
        attribute=("data-type", "key-event"), label_selector=".entry-info mark", label="KEY EVENT"
    ),
    body=".entry-content",
    not_body=".entry-info",
    title_in_body=True,
    furniture=FURNITURE,
)

LIVE_EVENTS = SiteSpec(
    name="reach-live-events",
    version=1,
    signature="div.live-events__entries div.live-events__entry",
    posts="div.live-events__entries div.live-events__entry",
    title="h3.live-events__entry-head",
    authors=".live-events__entry-author",
    published=(Stamp(attribute="data-sort-time", epoch=True),),
    updated=(Stamp(attribute="data-update-time", epoch=True),),
    not_body=".live-events__entry-info, h3.live-events__entry-head",
    furniture=FURNITURE,
)
