"""The demo live blog as one complete HTML5 page, shaped like a real news live blog.

The page carries what liveread's parser looks for on real sites: a JSON-LD `LiveBlogPosting`
with one `BlogPosting` per published post, and one `<article class="live-post">` per post,
newest first, with a `<time datetime>` in UTC. Like real pages it also carries clutter the
cleaner must remove (a donation ask, a newsletter box, share links) and a second, id-less copy
of the pinned post, as the Guardian renders one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from html.parser import HTMLParser
from typing import Any

from liveread.demo.content import NEWSLETTER, SUPPORT_ASK, BlogInfo, DemoPost
from liveread.model import iso_z, utc

NEWSLETTER_AFTER = 3
"""The newsletter box sits between posts, after this many of the newest ones."""


@dataclass(frozen=True, slots=True)
class PublishedPost:
    """A post as the page shows it at one moment: its current body and its times."""

    post: DemoPost
    body: str
    published: datetime
    modified: datetime

    @property
    def id(self) -> str:
        return self.post.id

    @property
    def headline(self) -> str:
        """The title, or for a link post the text of its link."""
        return self.post.title or html_to_text(self.body)


_BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "figure", "ul"}
    | {"ol", "div", "br", "aside", "section", "header", "footer"}
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block, whitespace collapsed."""
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    return "\n".join(parser.lines)


def _hhmm(dt: datetime) -> str:
    return utc(dt).strftime("%H:%M")


def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Keep "</script>" and "<!--" out of the script element; \u003c is still valid JSON.
    return text.replace("<", "\\u003c")


def json_ld(
    blog: BlogInfo,
    posts: Sequence[PublishedPost],
    page_url: str,
    *,
    coverage_start: datetime,
    coverage_end: datetime | None,
    modified: datetime,
) -> dict[str, Any]:
    """The page's `LiveBlogPosting`, listing exactly the given posts (newest first)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": blog.headline,
        "description": blog.standfirst,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "publisher": {"@type": "Organization", "name": blog.site_name},
        "coverageStartTime": iso_z(coverage_start),
    }
    if coverage_end is not None:
        data["coverageEndTime"] = iso_z(coverage_end)
    data["datePublished"] = iso_z(coverage_start)
    data["dateModified"] = iso_z(modified)
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "@id": f"{page_url}#post-{p.id}",
            "url": f"{page_url}#post-{p.id}",
            "headline": p.headline,
            "datePublished": iso_z(p.published),
            "dateModified": iso_z(p.modified),
            "author": {"@type": "Person", "name": p.post.author},
            "articleBody": html_to_text(p.body),
        }
        for p in posts
    ]
    return data


def _post_header(p: PublishedPost) -> str:
    title = f"<h2>{escape(p.post.title)}</h2>" if p.post.title else ""
    return (
        f'<header><time datetime="{iso_z(p.published)}">{_hhmm(p.published)}</time>'
        f'{title}<span class="byline">{escape(p.post.author)}</span></header>'
    )


def _share(p: PublishedPost, page_url: str) -> str:
    post_url = escape(f"{page_url}#post-{p.id}")
    share = escape(f"https://example.org/share?to=x&url={page_url}%23post-{p.id}")
    return (
        f'<footer class="share"><a class="share-x" href="{share}">Share on X</a> '
        f'<a class="copy-link" href="{post_url}">Copy link</a></footer>'
    )


def render_post(p: PublishedPost, page_url: str) -> str:
    attrs = [f'class="live-post{" is-breaking" if p.post.breaking else ""}"', f'id="post-{p.id}"']
    if p.post.kind == "link":
        attrs.append('data-kind="link"')
    if p.post.key_event:
        attrs.append('data-key-event="true"')
    if p.post.pinned:
        attrs.append('data-pinned="true"')
    if p.post.breaking:
        attrs.append('data-breaking="true"')
    return (
        f"<article {' '.join(attrs)}>\n{_post_header(p)}\n"
        f'<div class="post-body">\n{p.body}\n</div>\n{_share(p, page_url)}\n</article>'
    )


def render_pinned_copy(p: PublishedPost) -> str:
    """The copy shown at the top: no id, no flags, no share tools (the parser must not count it)."""
    return (
        '<div class="pinned-post">\n<p class="pinned-label">Pinned post</p>\n'
        f'<article class="live-post">\n{_post_header(p)}\n'
        f'<div class="post-body">\n{p.body}\n</div>\n</article>\n</div>'
    )


def render_page(
    blog: BlogInfo,
    posts: Sequence[PublishedPost],
    page_url: str,
    *,
    coverage_start: datetime,
    coverage_end: datetime | None = None,
) -> str:
    """The whole page. `posts` may be in any order; the page shows them newest first."""
    newest_first = sorted(posts, key=lambda p: (p.published, p.id), reverse=True)
    modified = max((p.modified for p in newest_first), default=coverage_start)
    ld = json_ld(
        blog,
        newest_first,
        page_url,
        coverage_start=coverage_start,
        coverage_end=coverage_end,
        modified=modified,
    )
    live = coverage_end is None
    parts: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(blog.headline)} | {escape(blog.section)} | "
        f"{escape(blog.site_name)}</title>",
        f'<meta name="description" content="{escape(blog.standfirst)}">',
        f'<link rel="canonical" href="{escape(page_url)}">',
        f'<script type="application/ld+json">\n{_json_for_script(ld)}\n</script>',
        "</head>",
        "<body>",
        '<header class="site-header">',
        f'<a class="site-name" href="/">{escape(blog.site_name)}</a>',
        '<nav><a href="https://example.org/news">News</a> '
        '<a href="https://example.org/sport">Sport</a> '
        '<a href="https://example.org/weather">Weather</a></nav>',
        "</header>",
        "<main>",
        '<header class="article-header">',
        f'<p class="kicker">{escape(blog.section)}</p>',
        f"<h1>{escape(blog.headline)}</h1>",
        f'<p class="standfirst">{escape(blog.standfirst)}</p>',
        f'<p class="updated">{"Live" if live else "Updated"} – last updated '
        f'<time datetime="{iso_z(modified)}">{_hhmm(modified)}</time></p>',
        "</header>",
        f'<div class="liveblog" data-live="{"true" if live else "false"}">',
        SUPPORT_ASK,
    ]
    pinned = next((p for p in newest_first if p.post.pinned), None)
    if pinned is not None:
        parts.append(render_pinned_copy(pinned))
    for n, p in enumerate(newest_first):
        if n == NEWSLETTER_AFTER:
            parts.append(NEWSLETTER)
        parts.append(render_post(p, page_url))
    parts += [
        "</div>",
        "</main>",
        f'<footer class="site-footer"><p>© {escape(blog.site_name)}, a fictional newspaper: '
        "this live blog is liveread’s built-in demo.</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)
