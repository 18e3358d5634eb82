"""BBC News "lx" live pages (`article.lx-stream-post`).

Posts show only "15:05" with no date; their times come from JSON-LD.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from liveread.addresses import safe_address
from liveread.parse.adapter import Adapter, Flags, Node, PageInfo


class BBC(Adapter):
    name = "bbc"
    signature = "#lx-stream article.lx-stream-post, ol.lx-stream__feed"
    entries = "article.lx-stream-post"
    trust_dom_times = False
    title_selector = ".lx-stream-post__header-text"
    author_selector = ".qa-contributor-name"
    not_body = "time, header, footer, .lx-stream-post__contributor"
    furniture = (
        (".lx-stream-post__footer, .lx-share-tools", "bbc: share tools"),
        (".lx-stream-advert-container", "bbc: advert"),
        (".lx-get-involved, .lx-commentary__get-involved", "bbc: get involved"),
    )

    def flags(self, node: Node, key: str | None) -> Flags:
        return {"breaking": "lx-stream-post--breaking" in (node.attributes.get("class") or "")}

    def body(self, node: Node) -> list[Node]:
        super().body(node)
        body = node.css_first(".lx-stream-post-body, .qa-post-body")
        return [body] if body is not None else [node]

    def page(self, tree: LexborHTMLParser, page_url: str) -> PageInfo:
        older = [
            url
            for a in tree.css("a.lx-pagination__btn[rel='next'][href]")
            if (url := safe_address(a.attributes.get("href"), page_url))
        ]
        return PageInfo(older_pages=tuple(older))
