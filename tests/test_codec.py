"""Model objects survive the trip to JSON and back (the store keeps bodies this way)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from liveread.codec import block_from_dict, entry_from_dict, entry_to_dict
from liveread.model import Embed, Entry, Heading, Image, ListBlock, Paragraph, Quote, Span


def test_entry_round_trips_through_json():
    entry = Entry(
        key="k1",
        url="https://example.org/live#k1",
        published=datetime(2026, 4, 26, 10, 16, 5, tzinfo=UTC),
        updated=datetime(2026, 4, 26, 10, 20, tzinfo=UTC),
        title="Title",
        authors=["A. Writer", "B. Writer"],
        kind="link",
        key_event=True,
        pinned=True,
        summary=True,
        breaking=True,
        blocks=[
            Paragraph((Span("a"), Span("b", bold=True, italic=True, href="https://example.org"))),
            Heading((Span("h"),), level=2),
            Quote((Span("q"),), cite="Someone"),
            ListBlock(((Span("one"),), (Span("two"),)), ordered=True),
            Image(src="https://example.org/i.jpg", caption="c", credit="cr", alt="alt"),
            Embed(url="https://example.org/s/1", provider="tweet", text="t"),
        ],
    )
    data = json.loads(json.dumps(entry_to_dict(entry)))
    assert data["published"] == "2026-04-26T10:16:05Z"
    assert entry_from_dict(data) == entry


def test_unknown_block_type_is_refused():
    with pytest.raises(ValueError, match="unknown block type"):
        block_from_dict({"type": "marquee"})
