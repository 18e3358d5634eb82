"""The three saved pages with no live-blog markup at all (DW, NZZ, sports.fr), read by the
generic readers alone, against their hand-checked ground truth in ../shared/eval/truth."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from liveread.model import LiveBlog, iso_z
from liveread.parse import parse, sites

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


SITE_PAGES = {
    "bbc": "bbc_news-live-world-52627824_2020-05-12",
    "express": "express_harry-meghan-live_2024-07-18",
    "guardian": "guardian_russia-ukraine-war-live_2023-05-15",
    "independent": "independent_womens-world-cup-england-live_2023-08-14",
    "mirror": "mirror_uk-riots-live_2024-08-05",
    "repubblica": "repubblica_israele-hamas-diretta_2023-11-02",
}


@pytest.mark.parametrize("site", sorted(SITE_PAGES))
def test_site_pages_read_as_well_without_their_site_specs(site, monkeypatch):
    """The six templates liveread has specs for stand for the many it has none for: with no
    spec known, the generic readers and the page's structured data find every post with its
    time, keep every probe and let no promotion through (a teaser list of timed links above
    the posts, a post's own creation time beside an editable one, a video box's title)."""
    name = SITE_PAGES[site]
    truth_file = SHARED / "eval" / "truth" / f"{name}.json"
    pages = sorted((SHARED / "fixtures" / "real" / site).glob("*.html"))
    if not truth_file.is_file() or not pages:
        pytest.skip(f"{name}: the saved page or its truth is not in {SHARED}")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    monkeypatch.setattr(sites, "SPECS", ())
    blog = parse(pages[0].read_bytes(), pages[0].resolve().as_uri())

    assert not blog.source.startswith(site)
    by_key = {entry.key: entry for entry in blog.entries}
    expected = [want for want in truth["entries"] if not want.get("is_promo_entry")]
    assert len(blog.entries) == len(expected)
    for want in expected:
        got = by_key.get(want["key"]) or next(
            entry for entry in blog.entries if want["key"] in entry.key or entry.key in want["key"]
        )
        assert iso_z(got.published) == want["published_utc"].replace(".000", ""), want["key"]
    text = loose(" ".join(entry.text for entry in blog.entries))
    for probe in truth["body_probes"]:
        assert loose(probe["text"]) in text, probe
    for phrase in truth["promo_phrases"]:
        assert loose(phrase) not in text, phrase
