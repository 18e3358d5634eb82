"""A post listed twice under two keys is shown once: copies are told by their text, compared
loosely (case and spacing ignored); the same text under another title is another post."""

from __future__ import annotations

import json

from liveread.parse import parse

URL = "https://news.example.com/live/storm-live"
TEXT = "Rail operators have cut services on every line north of the river until noon today."


def page(updates: list[dict[str, str]]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Storm live",
        "liveBlogUpdate": updates,
    }
    return (
        "<!doctype html><html><head><title>Storm live</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        "<body><h1>Storm live</h1></body></html>"
    )


def update(key: str, body: str, minute: int, title: str = "") -> dict[str, str]:
    return {
        "@type": "BlogPosting",
        "url": f"{URL}#post-{key}",
        "headline": title,
        "datePublished": f"2024-11-15T07:{minute:02d}:00Z",
        "articleBody": body,
    }


def test_a_copy_differing_only_in_case_is_shown_once() -> None:
    copy = TEXT.lower()  # one length, one text once case is set aside
    other = TEXT.replace("north", "south")  # as long, but another text
    blog = parse(page([update("1", TEXT, 3), update("2", copy, 2), update("3", other, 1)]), URL)
    assert [entry.key for entry in blog.entries] == ["1", "3"]


def test_the_same_text_under_another_title_is_kept() -> None:
    blog = parse(
        page(
            [
                update("1", TEXT, 2, title="Trains cut in the north"),
                update("2", TEXT, 1, title="Services update"),
            ]
        ),
        URL,
    )
    assert [entry.key for entry in blog.entries] == ["1", "2"]
