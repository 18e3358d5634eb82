"""la Repubblica live pages (`section.liveblog__post`).

The `datetime` attributes say "Z" but hold Rome local time, so JSON-LD times win; the page's
own times are read as Rome time for posts structured data does not list.
"""

from __future__ import annotations

from liveread.parse.spec import SiteSpec, Stamp

SPEC = SiteSpec(
    name="repubblica",
    version=1,
    signature="div.liveblog section.liveblog__post",
    posts="div.liveblog section.liveblog__post",
    title="h2.liveblog__post__title",
    published=(Stamp(selector="time.liveblog__post__pubdate[datetime]"),),
    zone="Europe/Rome",
    false_utc=True,
    trust_dom_times=False,
    not_body="time.liveblog__post__pubdate, h2.liveblog__post__title",
    furniture=(
        (".inline-article, .aside-story", "repubblica: related article"),
        (".inline-video", "repubblica: video teaser"),
        ("[data-outbrain], .gd-social-share", "repubblica: promo"),
    ),
)
