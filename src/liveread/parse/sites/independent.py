"""The Independent's AMP live blogs (`amp-live-list` of `div#post-<n>`).

The shown time (`amp-timeago[datetime]`, also the UK-local "14 August 2023 10:01" line) is
an editable display time and can be hours after the creation time in `data-sort-time` (which
JSON-LD's `datePublished` also gives): a post is published when it was created.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from liveread.parse.spec import SiteSpec, Stamp

POSTS = "amp-live-list div[items] > div[id^='post-'][data-sort-time]"
SIGNATURE = f"{POSTS}:has(> a[href^='#post-'] > amp-timeago)"
"""A post opening with its permalink around its time: any AMP live list has `POSTS`, only
this template has the permalink so."""


def closing_byline(node: LexborNode) -> LexborNode | None:
    """The closing "Author / 14 August 2023 10:01" row: the last div holding two spans, in
    the box around it (never the post itself: its body would go with it)."""
    for div in reversed(node.css("div")):
        # One walk over the (small) div rather than a query for its spans and one for a `p`.
        tags = [element.tag for element in div.traverse()]
        if tags.count("span") == 2 and "p" not in tags:
            box = div.parent
            return div if box is None or box.mem_id == node.mem_id else box
    return None


SPEC = SiteSpec(
    name="independent",
    version=1,
    signature=SIGNATURE,
    posts=POSTS,
    title="h3",
    published=(
        Stamp(attribute="data-sort-time", epoch=True),
        Stamp(selector="amp-timeago[datetime]"),
    ),
    updated=(Stamp(attribute="data-update-time", epoch=True),),
    not_body="a[href^='#post-']",
    title_in_body=True,
    byline=closing_byline,
    furniture=(
        ("div[id^='ad-'], [data-mpu], .taboola, amp-ad", "independent: ad slot"),
        ("amp-lightbox, amp-sidebar, amp-carousel", "independent: overlay"),
        (".inline-related, .inline-prompt, .sub-message, .syndication-btn", "independent: promo"),
    ),
)
