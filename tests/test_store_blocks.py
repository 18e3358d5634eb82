"""A post's blocks survive the store's compact encoding exactly, and rows written in the older
keyed JSON form still read."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liveread.codec import block_to_dict
from liveread.model import Block, Embed, Entry, Heading, Image, ListBlock, Paragraph, Quote, Span
from liveread.parse import parse
from liveread.store import Store
from liveread.store.rows import DEFLATED, decode_blocks, dumps, encode_blocks

SEEN = datetime(2026, 1, 1, tzinfo=UTC)

texts = st.text(max_size=40)
maybe = st.none() | texts
spans = st.builds(Span, texts, st.booleans(), st.booleans(), maybe)
inline = st.lists(spans, max_size=4).map(tuple)
block_strategy: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, inline),
    st.builds(Heading, inline, st.integers(1, 6)),
    st.builds(Quote, inline, maybe),
    st.builds(ListBlock, st.lists(inline, max_size=3).map(tuple), st.booleans()),
    st.builds(Image, maybe, maybe, maybe, maybe),
    st.builds(Embed, maybe, texts, texts),
)

EVERY_KIND: list[Block] = [
    Paragraph((Span("plain"),)),
    Paragraph((Span("a "), Span("link", href="https://example.org/x"), Span(" b", bold=True))),
    Paragraph((Span("empty link", href=""), Span("both", bold=True, italic=True))),
    Paragraph(()),
    Heading((Span("Heading", italic=True),), level=2),
    Quote((Span("“Quoted”"),), cite=""),
    Quote((Span("q"),), cite="Someone"),
    ListBlock(((Span("one"),), (Span("two", href="https://example.org/2"),)), ordered=True),
    ListBlock((), ordered=False),
    Image(src="https://example.org/i.jpg", caption="c", credit="cr", alt="alt"),
    Image(src=None, caption=None, credit="only credit"),
    Image(src=None),
    Embed(url=None, provider="X"),
    Embed(url="https://x.com/a/status/1", provider="X"),
    Embed(url=None, provider="poll", text="Who wins?"),
]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.lists(block_strategy, max_size=8))
def test_any_blocks_round_trip(blocks: list[Block]) -> None:
    assert decode_blocks(encode_blocks(blocks)) == blocks


def test_every_kind_of_block_and_field_round_trips() -> None:
    assert decode_blocks(encode_blocks(EVERY_KIND)) == EVERY_KIND
    for block in EVERY_KIND:
        assert decode_blocks(encode_blocks([block])) == [block]


@pytest.mark.parametrize("site", ["bbc", "guardian", "independent", "mirror", "nzz", "dw"])
def test_real_pages_posts_round_trip_and_take_less_room(
    site: str, real_page: Callable[[str], bytes]
) -> None:
    entries = parse(real_page(site), f"https://example.org/{site}").entries
    assert entries
    keyed = compact = 0
    for entry in entries:
        stored = encode_blocks(entry.blocks)
        assert decode_blocks(stored) == entry.blocks
        keyed += len(dumps([block_to_dict(b) for b in entry.blocks]).encode())
        compact += len(stored if isinstance(stored, bytes) else stored.encode())
    assert compact < keyed


def test_long_bodies_are_deflated_and_short_ones_stay_json() -> None:
    short = encode_blocks([Paragraph((Span("Short."),))])
    assert short == '["Short."]'
    body = [
        Paragraph((Span(f"Paragraph {n} of a post about the harbour race."),)) for n in range(9)
    ]
    long = encode_blocks(body)
    assert isinstance(long, bytes)
    assert long.startswith(DEFLATED)
    assert decode_blocks(long) == body


def test_damaged_deflated_blocks_are_refused() -> None:
    body = [Paragraph((Span("word " * 100),))]
    packed = encode_blocks(body)
    assert isinstance(packed, bytes)
    with pytest.raises(zlib.error):
        decode_blocks(packed[:1] + b"\xff" + packed[2:])
    with pytest.raises(ValueError, match="damaged"):
        decode_blocks(packed[:-3])
    with pytest.raises(ValueError, match="unknown form"):
        decode_blocks(b"\x07" + packed[1:])


def _long_entry(key: str) -> Entry:
    return Entry(
        key=key,
        title="A post",
        blocks=[*EVERY_KIND, *(Paragraph((Span(f"More text, part {n}."),)) for n in range(8))],
    )


def test_a_stored_post_reads_back_the_same(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        feed = store.add_feed("https://example.org/live")
        entry = _long_entry("p1")
        store.upsert_entries(feed.id, [entry], seen_at=SEEN)
        stored = store.entries(feed.id)[0]
        assert stored.entry.blocks == entry.blocks
        store.set_favourite(stored.id, True)
        assert store.favourites()[0].entry.blocks == entry.blocks
        raw = store._db.execute("SELECT blocks FROM entries").fetchone()[0]
    assert isinstance(raw, bytes)  # kept deflated: it is the smaller form here


def test_rows_in_the_older_keyed_form_still_read(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    with Store(path) as store:
        feed = store.add_feed("https://example.org/live")
        store.upsert_entries(feed.id, [_long_entry("p1")], seen_at=SEEN)
        entry_id = store.entries(feed.id)[0].id
    # The keyed form never held an empty link or cite: every other block it holds exactly.
    blocks = [b for n, b in enumerate(EVERY_KIND) if n not in (2, 5)]
    old_form = json.dumps([block_to_dict(b) for b in blocks], indent=1)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE entries SET blocks = ? WHERE id = ?", (old_form, entry_id))
    con.close()
    with Store(path) as store:
        assert store.entry(entry_id).entry.blocks == blocks
