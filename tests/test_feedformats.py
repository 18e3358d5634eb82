"""Reading RSS, Atom and JSON Feed documents into items, and knowing a feed by its first
bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from liveread.feedformats import FeedItem, NotAFeed, is_feed, looks_like_feed, read_feed

BASE = "https://news.example.com/feeds/world.xml"


@pytest.mark.parametrize(
    "start",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel>',
        '\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<rss version="0.91">',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<?xml version="1.0"?><?xml-stylesheet href="feed.xsl"?><atom:feed xmlns:atom="x">',
        ' {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}',
        '{"title": "T", "version": "https://jsonfeed.org/version/1"}',
    ],
)
def test_a_feeds_first_bytes_tell_it(start: str):
    assert looks_like_feed(start)
    assert is_feed(start, "text/html; charset=utf-8")


@pytest.mark.parametrize(
    "start",
    [
        "<!doctype html><html><head><title>Live: the feed</title>",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '{"live": true, "version": 2}',
        "<html><body><rss>not the root</rss></body></html>",
    ],
)
def test_other_documents_are_not_feeds(start: str):
    assert not looks_like_feed(start)
    assert not is_feed(start, "application/xml")


def test_a_feed_media_type_says_feed_whatever_the_bytes():
    assert is_feed("<html>", "application/rss+xml; charset=utf-8")


def test_rss_items_with_relative_links_dates_and_categories():
    document = read_feed(
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
        "<title>Élection  news</title>"
        "<item><title>Élection : en direct</title><link>/live/election</link>"
        "<pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate>"
        "<category>Politique</category><category>Direct</category></item>"
        "<item><title>No link</title></item>"
        "</channel></rss>",
        BASE,
    )
    assert document.title == "Élection news"
    assert document.items == [
        FeedItem(
            url="https://news.example.com/live/election",
            title="Élection : en direct",
            published=datetime(2026, 12, 7, 10, 0, tzinfo=UTC),
            categories=("Politique", "Direct"),
        )
    ]


def test_rss_1_0_items():
    document = read_feed(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>Old</title></channel>'
        '<item rdf:about="https://news.example.com/a"><title>A live</title>'
        "<link>https://news.example.com/a</link></item></rdf:RDF>",
        BASE,
    )
    assert [(item.url, item.title) for item in document.items] == [
        ("https://news.example.com/a", "A live")
    ]


def test_json_feed_items_by_the_spec():
    document = read_feed(
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1",
                "title": "World",
                "items": [
                    {
                        "id": "1",
                        "url": "/live/1",
                        "title": "Strike live",
                        "date_published": "2026-12-07T10:00:00Z",
                        "tags": ["Live", 3],
                    },
                    {"id": "2", "external_url": "https://other.example.org/x", "title": "Link"},
                    {"id": "3", "title": "Neither address"},
                    {"id": "4", "url": "https://news.example.com/4", "date_published": "soon"},
                    "not an item",
                ],
            }
        ),
        BASE,
    )
    assert document.title == "World"
    assert document.items == [
        FeedItem(
            "https://news.example.com/live/1",
            "Strike live",
            datetime(2026, 12, 7, 10, 0, tzinfo=UTC),
            ("Live",),
        ),
        FeedItem("https://other.example.org/x", "Link"),
        FeedItem("https://news.example.com/4"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<rss><channel><title>Broken", "not a readable feed"),
        ("<html><body><p>Hello</p></body></html>", "not a readable feed"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [', "not a readable feed (JSON"),
        ('["https://jsonfeed.org/version/1.1"]', "not a readable feed (JSON without a JSON Feed"),
    ],
)
def test_what_cannot_be_read_says_so(text: str, reason: str):
    with pytest.raises(NotAFeed) as info:
        read_feed(text, BASE)
    assert str(info.value).startswith(reason)
