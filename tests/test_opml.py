"""OPML out and in, through the core on real database files: a round trip gives the same feeds,
other readers' files (newsboat, FreshRSS-style categories) import, and a broken file or one
declaring entities is refused whole, with nothing followed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from liveread.core import Core
from liveread.opml import OpmlError, read_opml
from liveread.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "opml"
GUARDIAN = "https://www.theguardian.com/world/live/2026/jun/01/harbour-strike-live"


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    with Core(Store(tmp_path / "liveread.db")) as opened:
        yield opened


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def followed(core: Core) -> list[tuple[str, str]]:
    return [(feed.url, feed.title) for feed in core.store.feeds()]


def test_export_then_import_into_an_empty_database_gives_the_same_feeds(core: Core, tmp_path: Path):
    core.store.add_feed(GUARDIAN, "Harbour strike – live")
    core.store.add_feed(
        "https://www.bbc.co.uk/news/live/world-1?page=2&x=1",
        'BBC <b>"Election"</b> & results\x07',
        canonical="https://www.bbc.co.uk/news/live/world-1",
    )
    core.store.add_feed("https://example.com/live/untitled")  # never fetched: no title
    path = tmp_path / "feeds.opml"

    assert core.export_feeds(path) == 3

    with Core(Store(tmp_path / "other.db")) as other:
        imported = other.import_opml(path.read_bytes(), str(path))
        assert [feed.url for feed in imported.added] == [f.url for f in core.store.feeds()]
        assert (imported.known, imported.invalid) == ([], [])
        assert followed(other) == [
            (GUARDIAN, "Harbour strike – live"),
            (
                "https://www.bbc.co.uk/news/live/world-1?page=2&x=1",
                'BBC <b>"Election"</b> & results',
            ),
            ("https://example.com/live/untitled", ""),
        ]
        again = other.import_opml(path.read_bytes(), str(path))
        assert again.added == [] and len(again.known) == 3


def test_the_export_is_opml_2_with_the_attributes_readers_expect(core: Core, tmp_path: Path):
    core.store.add_feed(GUARDIAN, "Harbour strike – live", canonical=GUARDIAN + "?canon")
    path = tmp_path / "feeds.opml"
    core.export_feeds(path)

    root = ET.fromstring(path.read_bytes())
    assert (root.tag, root.get("version")) == ("opml", "2.0")
    assert root.findtext("head/title") == "liveread feeds"
    (outline,) = root.iter("outline")
    assert outline.attrib == {
        "type": "rss",
        "text": "Harbour strike – live",
        "title": "Harbour strike – live",
        "xmlUrl": GUARDIAN,
        "htmlUrl": GUARDIAN + "?canon",
    }


def test_a_newsboat_export_imports(core: Core):
    imported = core.import_opml(fixture("newsboat.opml"), "newsboat.opml")

    assert len(imported.added) == 3 and imported.known == imported.invalid == []
    assert followed(core) == [
        (GUARDIAN, "Harbour strike – live"),
        ("https://www.bbc.co.uk/news/live/world-12345678", "BBC: Election live & results"),
        ("https://blog.example.org/feed.xml", ""),
    ]
    # Nothing is fetched: each is due at the next refresh.
    assert all(feed.last_fetch_at is None for feed in core.store.feeds())
    assert len(core.due()) == 3
    # A section page as htmlUrl is not taken for the blog's own address.
    (bbc,) = [feed for feed in core.store.feeds() if "bbc" in feed.url]
    assert bbc.canonical_url == bbc.url


def test_nested_categories_are_read_and_followed_or_invalid_ones_reported(core: Core):
    core.store.add_feed("https://elsewhere.example/strike", "Strike", canonical=GUARDIAN)

    imported = core.import_opml(fixture("categories.opml"), "categories.opml")

    assert [(f.url, f.title) for f in imported.added] == [
        ("https://www.independent.co.uk/sport/football/cup-final-live-b123.html", "Cup final live"),
        ("https://news.example.com/live/podcast-day", "Podcast (old style)"),
    ]
    # Followed already under its canonical address (the #fragment is no other page).
    ((address, feed),) = imported.known
    assert (address, feed.title) == (GUARDIAN, "Strike")
    assert imported.invalid == ["mailto:someone@example.com", "javascript:alert(1)"]


def test_a_feed_listed_twice_is_followed_once(core: Core):
    listed = (
        f'<opml version="2.0"><body><outline text="a" xmlUrl="{GUARDIAN}"/>'
        f'<outline text="b" xmlUrl="{GUARDIAN}#top"/></body></opml>'
    ).encode()
    imported = core.import_opml(listed, "twice.opml")
    assert [feed.url for feed in imported.added] == [GUARDIAN]
    assert [address for address, _ in imported.known] == [GUARDIAN]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken.opml", "broken.opml: not well-formed XML (unclosed token: line 6, column 4)"),
        (
            "laughs.opml",
            "laughs.opml: has a document type declaration (DOCTYPE): refused, as OPML needs none",
        ),
    ],
)
def test_a_broken_or_entity_declaring_file_is_refused_and_nothing_followed(
    core: Core, name: str, message: str
):
    with pytest.raises(OpmlError) as caught:
        core.import_opml(fixture(name), name)
    assert str(caught.value) == message
    assert core.store.feeds() == []


@pytest.mark.parametrize(
    "data",
    [
        b'<rss version="2.0"><channel><title>x</title></channel></rss>',
        b"<html><body><p>hello</p></body></html>",
        b'<opml version="2.0"><head/></opml>',
    ],
)
def test_xml_that_is_not_opml_is_refused(data: bytes):
    with pytest.raises(OpmlError, match=r"^x.xml: not an OPML file \(no <opml> with a <body>\)$"):
        read_opml(data, "x.xml")


def test_an_external_entity_is_refused_unread(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
        '<opml version="2.0"><body><outline text="&s;" xmlUrl="https://a.example/live"/>'
        "</body></opml>"
    ).encode()
    with pytest.raises(OpmlError, match="DOCTYPE"):
        read_opml(data, "x.opml")
