"""BBC News "lx" live pages (`article.lx-stream-post`).

Posts show only "15:05" with no date; their times come from JSON-LD.
"""

from __future__ import annotations

from liveread.parse.spec import FlagRule, SiteSpec

SPEC = SiteSpec(
    name="bbc",
    version=1,
    signature="#lx-stream article.lx-stream-post, ol.lx-stream__feed",
    posts="article.lx-stream-post",
    title=".lx-stream-post__header-text",
    authors=".qa-contributor-name",
    trust_dom_times=False,
    breaking=FlagRule(post_class="lx-stream-post--breaking"),
    body=".lx-stream-post-body, .qa-post-body",
    not_body="time, header, footer, .lx-stream-post__contributor",
    furniture=(
        (".lx-stream-post__footer, .lx-share-tools", "bbc: share tools"),
        (".lx-stream-advert-container", "bbc: advert"),
        (".lx-get-involved, .lx-commentary__get-involved", "bbc: get involved"),
    ),
    older_pages="a.lx-pagination__btn[rel='next'][href]",
)
