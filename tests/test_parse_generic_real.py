"""The three saved pages with no live-blog markup at all (DW, NZZ, sports.fr), read by the
generic readers alone, against their hand-checked ground truth in ../shared/eval/truth."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from liveread.model import LiveBlog, iso_z
from liveread.parse import parse

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = {
    "dw": ("dw_live_hanau_shooting_2020-02-20", "generic-flat"),
    "nzz": ("nzz_liveticker_nahost_2024-07-18", "generic-flat"),
    "sportsfr": ("sportsfr_direct_lorient_lyon_2020-09-27", "generic"),
}


def loose(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def read(site: str) -> tuple[dict, LiveBlog, str]:
    """A saved page's truth and the blog parsed from it, read as `liveread parse FILE` reads
    it: by the file's address."""
    name, reader = PAGES[site]
    truth_file = SHARED / "eval" / "truth" / f"{name}.json"
    pages = sorted((SHARED / "fixtures" / "real" / site).glob("*.html"))
    if not truth_file.is_file() or not pages:
        pytest.skip(f"{name}: the saved page or its truth is not in {SHARED}")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    truth["_html"] = pages[0].read_text(encoding="utf-8")
    return truth, parse(pages[0].read_bytes(), pages[0].resolve().as_uri()), reader


@pytest.fixture(params=sorted(PAGES))
def page(request: pytest.FixtureRequest) -> tuple[dict, LiveBlog, str]:
    return read(request.param)


def test_every_post_once_in_page_order_with_its_time(page):
    truth, blog, reader = page
    assert blog.source == reader
    expected = truth["entries"]
    assert len(blog.entries) == len(expected)
    for number, (want, got) in enumerate(zip(expected, blog.entries, strict=True)):
        assert iso_z(got.published) == want["published_utc"], f"post {number}: {got.text[:60]}"
        opening = loose(want["body_text"])[:60]
        assert opening in loose(got.text), f"post {number}: {got.text[:80]!r}"
        if want.get("title"):
            assert loose(got.title) == loose(want["title"]), f"post {number}"
        if want.get("key"):
            assert got.key == want["key"]


def test_every_probe_kept_and_no_promo_left(page):
    truth, blog, _ = page
    text = loose(" ".join(entry.text for entry in blog.entries))
    assert len(truth["body_probes"]) >= 12
    for probe in truth["body_probes"]:
        got = blog.entries[probe["entry_index"]]
        assert loose(probe["text"]) in loose(got.text), (probe, got.text[:80])
    for phrase in truth["promo_phrases"]:
        assert loose(phrase) not in text, phrase


def test_minutes_of_play_are_labels_in_page_order():
    truth, blog, _ = read("sportsfr")
    assert all(entry.published is None for entry in blog.entries)
    # Each post keeps its stamp as the page writes it, in the page's order.
    shown = re.findall(r"<span>(\d{1,3}'(?:\+\d{1,2})?)</span>", truth["_html"])
    assert len(shown) == len(truth["entries"])
    assert [entry.label for entry in blog.entries] == shown
