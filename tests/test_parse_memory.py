"""Reading a feed's page with the memory of its last reading: only new and changed posts are
read; what comes out is what a reading with no memory gives."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

import liveread.parse
from liveread import feedparse
from liveread.model import Entry, LiveBlog, Paragraph, Span
from liveread.parse import parse
from liveread.parse.flat import Flat
from liveread.parse.generic import Generic
from liveread.parse.memory import Memories, PageMemory, copy_entry, source_digest

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
PAGES = sorted(REAL.glob("*/*.html"))
URL = "https://example.com/live"


def page(posts: list[tuple[str, str]]) -> str:
    """A BBC "lx" page of `posts` (id, body HTML), newest first."""
    items = "".join(
        f'<li><article class="lx-stream-post" id="post-{ident}">'
        f'<header><h3 class="lx-stream-post__header-text">Post {ident}</h3></header>'
        f'<div class="lx-stream-post-body">{body}</div></article></li>'
        for ident, body in posts
    )
    return (
        "<!doctype html><html><head><title>Live</title></head><body>"
        f'<div id="lx-stream"><ol class="lx-stream__feed">{items}</ol></div></body></html>'
    )


def body(n: int, word: str = "steady") -> str:
    return f"<p>Post number {n} says that everything on the course is {word} so far today.</p>"


def posts(count: int) -> list[tuple[str, str]]:
    return [(str(n), body(n)) for n in range(count, 0, -1)]


def without_reading(blog: LiveBlog) -> LiveBlog:
    """`blog` without what only a reading with memory tells."""
    return replace(blog, digests={}, unchanged=frozenset(), since=None, reading=None)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the posts whose bodies are read, in order."""
    read: list[str] = []
    real = liveread.parse._read_body

    def spy(post, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(post.key)
        return real(post, *args, **kwargs)

    monkeypatch.setattr(liveread.parse, "_read_body", spy)
    return read


@pytest.mark.skipif(not PAGES, reason="the real fixture pages are not here")
@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.parent.name)
def test_a_page_read_with_memory_reads_as_with_none(path: Path) -> None:
    html = path.read_text(errors="replace")
    plain = parse(html, URL)
    memory = PageMemory()
    first = parse(html, URL, memory=memory)
    assert first.unchanged == frozenset() and first.reading
    again = parse(html, URL, memory=memory)
    assert again.unchanged == frozenset(again.digests) == {e.key for e in again.entries}
    assert again.since == first.reading and again.digests == first.digests
    newest = again.entries[0].key
    memory.forget(newest)  # the memory of the page before its newest post came
    one_new = parse(html, URL, memory=memory)
    assert one_new.unchanged == frozenset(one_new.digests) - {newest}
    for blog in (first, again, one_new):
        assert without_reading(blog) == plain


def test_a_page_with_one_new_post_reads_only_that_post(reads: list[str]) -> None:
    memory = PageMemory()
    parse(page(posts(5)), URL, memory=memory)
    assert reads == ["5", "4", "3", "2", "1"]
    reads.clear()
    blog = parse(page(posts(6)), URL, memory=memory)
    assert reads == ["6"]
    assert [entry.key for entry in blog.entries] == [str(n) for n in range(6, 0, -1)]
    assert blog.unchanged == {str(n) for n in range(1, 6)}
    assert without_reading(blog) == parse(page(posts(6)), URL)


def test_an_edited_post_is_read_again_and_its_digest_changes(reads: list[str]) -> None:
    memory = PageMemory()
    before = parse(page(posts(3)), URL, memory=memory)
    reads.clear()
    edited = [(ident, body(3, "windy") if ident == "3" else html) for ident, html in posts(3)]
    after = parse(page(edited), URL, memory=memory)
    assert reads == ["3"]
    assert "windy" in after.entries[0].text
    assert after.digests["3"] != before.digests["3"]
    assert after.unchanged == {"2", "1"}


def test_a_post_edited_to_html_of_the_same_length_is_read_again(reads: list[str]) -> None:
    """Posts are remembered by their HTML's hash with its length: an edit that keeps the
    length ("steady" to "sturdy") is still an edit."""
    memory = PageMemory()
    parse(page(posts(2)), URL, memory=memory)
    reads.clear()
    edited = [(ident, body(2, "sturdy") if ident == "2" else html) for ident, html in posts(2)]
    after = parse(page(edited), URL, memory=memory)
    assert reads == ["2"]
    assert "sturdy" in after.entries[0].text and after.unchanged == {"1"}
    assert without_reading(after) == parse(page(edited), URL)


def test_a_post_read_at_another_address_or_version_is_read_again(reads: list[str]) -> None:
    memory = PageMemory()
    first = parse(page(posts(2)), URL, memory=memory)
    reads.clear()
    moved = parse(page(posts(2)), "https://example.com/elsewhere", memory=memory)
    assert reads == ["2", "1"]
    assert moved.unchanged == frozenset()
    assert set(moved.digests.values()).isdisjoint(first.digests.values())


def test_a_memory_holds_only_the_last_page() -> None:
    memory = PageMemory()
    parse(page(posts(6)), URL, memory=memory)
    assert len(memory) == 6
    parse(page(posts(6)[:2]), URL, memory=memory)  # the page now shows its newest two
    assert len(memory) == 2
    assert set(memory.digests) == {"6", "5"}


def test_a_failed_reading_leaves_the_memory_as_it_was() -> None:
    memory = PageMemory()
    first = parse(page(posts(2)), URL, memory=memory)
    with pytest.raises(liveread.parse.NotALiveBlog):
        parse("<html><body><p>Gone.</p></body></html>", URL, memory=memory)
    again = parse(page(posts(2)), URL, memory=memory)
    assert again.unchanged == {"2", "1"} and again.since == first.reading


def test_memories_are_bounded_forgetting_the_feed_read_longest_ago() -> None:
    memories = Memories(limit=10)
    for feed_id in (1, 2, 3):
        parse(page(posts(4)), URL, memory=memories.of(feed_id))
        memories.trim()
    assert len(memories) == 8
    assert 1 not in memories and 2 in memories and 3 in memories
    memories.of(2)  # used again: now 3 was used longest ago
    parse(page(posts(4)), URL, memory=memories.of(4))
    memories.trim()
    assert 3 not in memories and 2 in memories and 4 in memories
    alone = Memories(limit=3)
    parse(page(posts(5)), URL, memory=alone.of(1))
    alone.trim()
    assert 1 in alone  # the feed just read is kept, however many posts its page shows


def test_parse_feed_page_remembers_each_feed_on_its_own(
    monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    monkeypatch.setattr(feedparse, "MEMORIES", Memories())
    feedparse.parse_feed_page(1, page(posts(2)), URL)
    feedparse.parse_feed_page(2, page(posts(2)), URL)
    reads.clear()
    one = feedparse.parse_feed_page(1, page(posts(3)), URL)
    assert reads == ["3"] and one.unchanged == {"2", "1"}
    reads.clear()
    added = feedparse.parse_feed_page(None, page(posts(3)), URL)  # a blog being added
    assert reads == ["3", "2", "1"]
    assert added.unchanged == frozenset() and added.digests == one.digests


def every_fact(key: str = "k", title: str = "Title") -> Entry:
    """An entry with every field other than its default."""
    return Entry(
        key=key,
        url="https://example.com/live#k",
        published=datetime(2024, 5, 1, 12, tzinfo=UTC),
        updated=datetime(2024, 5, 1, 13, tzinfo=UTC),
        title=title,
        authors=["A. Writer"],
        kind="link",
        key_event=True,
        pinned=True,
        summary=True,
        breaking=True,
        blocks=[Paragraph((Span("Text."),))],
        label="95'",
    )


def test_a_remembered_entry_is_copied_whole() -> None:
    entry = every_fact()
    defaults = Entry(key="")
    assert all(getattr(entry, f.name) != getattr(defaults, f.name) for f in fields(Entry))
    copy = copy_entry(entry)
    assert copy == entry and copy.blocks is entry.blocks and copy.authors is not entry.authors


def with_structured(html: str, items: list[tuple[int, str]]) -> str:
    """`html` with a JSON-LD live blog of `items` (number, article body), newest first."""
    updates = [
        {
            "@type": "BlogPosting",
            "url": f"{URL}#post-{n}",
            "headline": f"Post {n}",
            "datePublished": f"2024-05-01T12:{n:02d}:00Z",
            "articleBody": text,
        }
        for n, text in items
    ]
    data = {"@type": "LiveBlogPosting", "headline": "Live", "liveBlogUpdate": updates}
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return html.replace("</head>", f"{script}</head>")


def told(n: int, word: str = "dry") -> str:
    return f"Structured post {n} says the weather on the course is {word} this afternoon."


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses structured data is read at, in order."""
    decoded: list[str] = []
    real = liveread.parse.read_structured

    def spy(tree, url, *args, **kwargs):  # type: ignore[no-untyped-def]
        decoded.append(url)
        return real(tree, url, *args, **kwargs)

    monkeypatch.setattr(liveread.parse, "read_structured", spy)
    return decoded


def test_unchanged_structured_data_is_not_read_again(decodes: list[str]) -> None:
    """Posts only the JSON-LD lists come from the memory of it while its text is unchanged,
    and are read again from it once it changes; either way as a reading with no memory."""
    memory = PageMemory()
    items = [(n, told(n)) for n in range(4, 0, -1)]
    html = with_structured(page(posts(2)), items)
    first = parse(html, URL, memory=memory)
    assert [entry.key for entry in first.entries] == ["4", "3", "2", "1"]
    again = parse(html, URL, memory=memory)
    assert decodes == [URL]
    assert again.unchanged == {"4", "3", "2", "1"} and again.digests == first.digests
    assert without_reading(again) == parse(html, URL)
    decodes.clear()
    edited = with_structured(page(posts(2)), [(4, told(4, "wet")), *items[1:]])
    after = parse(edited, URL, memory=memory)
    assert decodes == [URL]
    assert "wet" in after.entries[0].text
    assert after.unchanged == {"3", "2", "1"}
    assert without_reading(after) == parse(edited, URL)
    decodes.clear()
    moved = parse(edited, "https://example.com/elsewhere", memory=memory)
    assert decodes == ["https://example.com/elsewhere"]
    assert moved.unchanged == frozenset()


def test_remembered_source_digests_tell_apart_every_fact() -> None:
    """A source digest is taken again for an entry that differs from the last reading's in
    any of the facts it covers: each then is what `source_digest` gives."""
    base = Entry(key="k", title="Title", blocks=[Paragraph((Span("Text."),))])
    changed = every_fact(key="other", title="Another title")
    memory = PageMemory()
    memory.begin()
    first = memory.source_digest("ctx", base, "fragment", "")
    memory.settle({base.key: first})
    for field in fields(Entry):
        if field.name == "blocks":
            continue
        entry = replace(base, **{field.name: getattr(changed, field.name)})
        memory.begin()
        digest = memory.source_digest("ctx", entry, "fragment", "")
        assert digest == source_digest("ctx", entry, "fragment", "") != first, field.name
        assert memory.source_digest("ctx", base, "fragment", "") == first
        memory.settle({base.key: first})


def real_page(name: str) -> str:
    found = sorted((REAL / name).glob("*.html"))
    if not found:
        pytest.skip(f"the real {name} page is not here")
    return found[0].read_text(errors="replace")


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The generic readers asked for a page's posts, in order."""
    asked: list[str] = []
    for reader in (Generic, Flat):
        real = reader.post_nodes

        def spy(self, tree, real=real):  # type: ignore[no-untyped-def]
            asked.append(self.name)
            return real(self, tree)

        monkeypatch.setattr(reader, "post_nodes", spy)
    return asked


@pytest.mark.parametrize(("name", "winner"), [("dw", "generic-flat"), ("sportsfr", "generic")])
def test_the_last_contests_winner_alone_reads_a_page_that_only_gained_posts(
    name: str, winner: str, heard: list[str]
) -> None:
    html = real_page(name)
    memory = PageMemory()
    first = parse(html, URL, memory=memory)
    assert sorted(heard) == ["generic", "generic-flat"] and first.source == winner
    newest = first.entries[0].key
    memory.forget(newest)
    heard.clear()
    again = parse(html, URL, memory=memory)
    assert heard == [winner]
    assert again.unchanged == frozenset(again.digests) - {newest}
    assert without_reading(again) == parse(html, URL)


def test_a_page_whose_layout_changed_is_read_by_the_whole_contest(heard: list[str]) -> None:
    """The posts the last winner found are gone (another layout): every reader is heard
    again, and the page is read as with no memory, whichever reader wins now."""
    boxes, runs = real_page("sportsfr"), real_page("dw")
    memory = PageMemory()
    assert parse(boxes, URL, memory=memory).source == "generic"
    heard.clear()
    changed = parse(runs, URL, memory=memory)
    assert sorted(heard) == ["generic", "generic", "generic-flat"]  # the last winner first
    assert changed.source == "generic-flat"
    assert without_reading(changed) == parse(runs, URL)
    heard.clear()
    back = parse(boxes, URL, memory=memory)
    assert sorted(heard) == ["generic", "generic-flat", "generic-flat"]
    assert without_reading(back) == parse(boxes, URL)
