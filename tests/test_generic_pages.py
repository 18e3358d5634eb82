"""Live blogs of templates no site adapter knows, and timed pages that are not live blogs.

Every page in fixtures/generic/ is a whole document written for these tests (invented text),
each modelled on a different kind of real template; beside it, `<name>.json` says what a
careful reader finds there, in the format of ../shared/eval/truth: the posts newest first with
key, UTC time, title, author and body text, distinctive body sentences ("probes") that must
survive, and promotional or furniture phrases that must not reach any post. A page that is no
live blog has `"live_blog": false` instead. Each file's `notes` says what its page exercises.

Posts are matched as ../shared/eval/score.py matches them: by key (either contains the
other), else by a time within 90 s with the same title or the same opening text, else by the
opening of the body.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.model import Entry, LiveBlog
from liveread.parse import NotALiveBlog, parse

FIXTURES = Path(__file__).parent / "fixtures" / "generic"
TIME_TOLERANCE = 90
"""Seconds between a post's time and the truth's that still count as right."""
TIMES_RIGHT = 0.98
"""The share of a page's timed posts whose time must be right."""
MAX_PAGE_BYTES = 300_000


def _truth_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.json"))


def _is_live_blog(path: Path) -> bool:
    return json.loads(path.read_text(encoding="utf-8")).get("live_blog", True) is not False


LIVE_BLOGS = [path.stem for path in _truth_files() if _is_live_blog(path)]
NOT_LIVE_BLOGS = [path.stem for path in _truth_files() if not _is_live_blog(path)]


# --------------------------------------------------------------------------------------------
# Loading


@cache
def truth_of(name: str) -> dict[str, Any]:
    truth: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return truth


def page_bytes(name: str) -> bytes:
    return (FIXTURES / truth_of(name)["file"]).read_bytes()


@cache
def _parse(name: str) -> LiveBlog | str:
    try:
        return parse(page_bytes(name), truth_of(name)["page"]["url"])
    except NotALiveBlog as exc:
        return str(exc)


def parsed(name: str) -> LiveBlog:
    """The page as liveread reads it (once per session); the test fails if it finds no blog."""
    blog = _parse(name)
    if isinstance(blog, str):
        pytest.fail(f"{name}: parse found no live blog ({blog})")
    return blog


# --------------------------------------------------------------------------------------------
# Matching, as ../shared/eval/score.py does it


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    for curly, straight in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    text = text.replace("–", "-").replace("—", "-").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def when(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def close(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and abs((a - b).total_seconds()) <= TIME_TOLERANCE


@dataclass(frozen=True)
class Matching:
    truth: list[dict[str, Any]]
    entries: list[Entry]
    found: list[int | None]
    """For each truth post, the index of the entry matched to it."""

    @property
    def extra(self) -> list[Entry]:
        used = {i for i in self.found if i is not None}
        return [entry for i, entry in enumerate(self.entries) if i not in used]

    @property
    def missing(self) -> list[tuple[int, dict[str, Any]]]:
        return [(n, post) for n, (post, i) in enumerate(self._found()) if i is None]

    def pairs(self) -> list[tuple[int, dict[str, Any], Entry]]:
        return [
            (n, post, self.entries[i]) for n, (post, i) in enumerate(self._found()) if i is not None
        ]

    def _found(self) -> list[tuple[dict[str, Any], int | None]]:
        return list(zip(self.truth, self.found, strict=True))


def _keys_match(truth_keys: list[str], key: str) -> bool:
    return bool(key) and any(
        k == key or (len(k) > 5 and k in key) or (len(key) > 5 and key in k) for k in truth_keys
    )


def match(truth: list[dict[str, Any]], entries: list[Entry]) -> Matching:
    texts = [norm(entry.text) for entry in entries]
    titles = [norm(entry.title) for entry in entries]
    keys = [norm(entry.key) for entry in entries]
    used: set[int] = set()
    found: list[int | None] = []
    for post in truth:
        truth_keys = [norm(str(k)) for k in [post.get("key"), *post.get("key_alt", [])] if k]
        moment = when(post.get("published_utc"))
        text, title = norm(post.get("body_text")), norm(post.get("title"))
        free = [i for i in range(len(entries)) if i not in used]
        best = next((i for i in free if _keys_match(truth_keys, keys[i])), None)
        if best is None:
            best = next(
                (
                    i
                    for i in free
                    if (moment is None or close(moment, entries[i].published))
                    and (
                        (title and title == titles[i])
                        or (text[:80] and text[:80] in texts[i])
                        or (texts[i][:80] and texts[i][:80] in text)
                    )
                ),
                None,
            )
        if best is None:
            best = next((i for i in free if text[:60] and text[:60] in texts[i]), None)
        if best is not None:
            used.add(best)
        found.append(best)
    return Matching(truth, entries, found)


@cache
def matching(name: str) -> Matching:
    return match(truth_of(name)["entries"], parsed(name).entries)


def describe_truth(n: int, post: dict[str, Any]) -> str:
    label = post.get("title") or post.get("body_text", "")[:70]
    return f"truth post {n} ({post.get('published_utc') or 'no time'}, key {post.get('key')}): {label!r}"


def describe_entry(entry: Entry) -> str:
    published = entry.published.isoformat() if entry.published else "no time"
    return f"entry {entry.key!r} ({published}): {(entry.title or entry.text)[:70]!r}"


# --------------------------------------------------------------------------------------------
# The fixtures themselves


def test_every_page_has_its_truth_and_is_a_whole_document():
    pages = {path.name for path in FIXTURES.glob("*.html")}
    named = {truth_of(path.stem)["file"] for path in _truth_files()}
    assert pages == named, (
        f"pages without truth: {pages - named}; truth without page: {named - pages}"
    )
    assert len(LIVE_BLOGS) >= 14, LIVE_BLOGS
    assert len(NOT_LIVE_BLOGS) >= 10, NOT_LIVE_BLOGS
    for name in LIVE_BLOGS + NOT_LIVE_BLOGS:
        data = page_bytes(name)
        assert len(data) < MAX_PAGE_BYTES, f"{name}: {len(data)} bytes"
        tree = LexborHTMLParser(data)
        assert tree.css_first("head title") is not None, f"{name}: no <title>"
        assert tree.body is not None and tree.css_first("body footer, body nav"), name


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_truth_agrees_with_its_page(name):
    """Probes are from their posts; what the truth names is on the page (in its state
    script, for a page that renders none); no promo phrase is in a post."""
    truth = truth_of(name)
    page = _page_text(name)
    bodies = "\n".join(norm(post["body_text"]) for post in truth["entries"])
    for probe in truth["body_probes"]:
        post = truth["entries"][probe["entry_index"]]
        assert norm(probe["text"]) in norm(post["body_text"]), f"{name}: probe {probe}"
        assert norm(probe["text"]) in page, f"{name}: probe {probe} is not on the page"
    for post in truth["entries"]:
        for field in ("title", "author"):
            assert norm(post[field]) in page, f"{name}: {field} {post[field]!r} not on the page"
    for phrase in truth["promo_phrases"]:
        assert norm(phrase) not in bodies, f"{name}: promo phrase {phrase!r} is in a post's body"
        assert norm(phrase) in page, f"{name}: promo phrase {phrase!r} is not on the page"
    assert truth["entry_count"] == len(truth["entries"])


def _page_text(name: str) -> str:
    """Every text of the page, scripts included, JSON string escapes undone."""
    root = LexborHTMLParser(page_bytes(name)).root
    assert root is not None
    return norm(root.text(deep=True).replace('\\"', '"'))


# --------------------------------------------------------------------------------------------
# Live blogs


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_every_post_is_found(name):
    found = matching(name)
    missing = [describe_truth(n, post) for n, post in found.missing]
    assert not missing, (
        f"{name}: {len(missing)} of {len(found.truth)} posts not found "
        f"(parse gave {len(found.entries)} entries):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_no_entry_beyond_the_posts(name):
    """With every post found (the test above), this makes the count exact."""
    found = matching(name)
    extra = [describe_entry(entry) for entry in found.extra]
    assert not extra, (
        f"{name}: {len(extra)} entries beyond the page's {len(found.truth)} posts:\n"
        + "\n".join(extra)
    )


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_post_times(name):
    found = matching(name)
    timed = [post for post in found.truth if when(post.get("published_utc"))]
    if not timed:  # minutes of play, no clock: a minute must not be read as a time of day
        wrong = [describe_entry(e) for e in found.entries if e.published is not None]
        assert not wrong, f"{name}: the page gives no time of day, yet:\n" + "\n".join(wrong)
        return
    right, wrong = 0, []
    for n, post, entry in found.pairs():
        expected = when(post.get("published_utc"))
        if expected is None:
            continue
        if close(expected, entry.published):
            right += 1
        else:
            got = entry.published.isoformat() if entry.published else None
            wrong.append(f"{describe_truth(n, post)} was given {got}")
    needed = TIMES_RIGHT * len(timed)
    assert right >= needed, (
        f"{name}: {right} of {len(timed)} post times right "
        f"({len(timed) - right - len(wrong)} posts not found):\n" + "\n".join(wrong)
    )


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_posts_in_the_truths_order(name):
    """Newest first; where the page gives no times, in the page's own order."""
    found = matching(name)
    untimed_page = not any(post.get("published_utc") for post in found.truth)
    positions = [
        (n, found.found[n])
        for n, post, _ in found.pairs()
        if untimed_page or post.get("published_utc")
    ]
    assert positions, f"{name}: no post found"
    out_of_order = [
        f"{describe_truth(n, found.truth[n])} at position {at}, before the one above it"
        for (_, before), (n, at) in pairwise(positions)
        if at < before
    ]
    assert not out_of_order, f"{name}:\n" + "\n".join(out_of_order)


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_body_probes_survive(name):
    text = "\n".join(norm(entry.text) for entry in parsed(name).entries)
    probes = truth_of(name)["body_probes"]
    lost = [
        f"post {p['entry_index']}: {p['text']!r}" for p in probes if norm(p["text"]) not in text
    ]
    assert not lost, f"{name}: {len(lost)} of {len(probes)} body sentences lost:\n" + "\n".join(
        lost
    )


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_no_promotion_in_posts(name):
    truth = truth_of(name)
    truth_text = "\n".join(norm(post["body_text"]) for post in truth["entries"])
    phrases = [p for p in truth["promo_phrases"] if norm(p) and norm(p) not in truth_text]
    leaks = [
        f"{phrase!r} in {describe_entry(entry)}"
        for entry in parsed(name).entries
        for phrase in phrases
        if norm(phrase) in norm(entry.text)
    ]
    assert not leaks, f"{name}: promotion or furniture kept as post text:\n" + "\n".join(leaks)


@pytest.mark.parametrize("name", LIVE_BLOGS)
def test_titles_and_authors(name):
    found = matching(name)
    assert found.pairs(), f"{name}: no post found"
    wrong = []
    for n, post, entry in found.pairs():
        if post.get("title") and norm(entry.title) != norm(post["title"]):
            wrong.append(f"{describe_truth(n, post)}: title {entry.title!r}")
        if post.get("author") and norm(post["author"]) not in map(norm, entry.authors):
            wrong.append(f"{describe_truth(n, post)}: authors {entry.authors!r}")
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


# --------------------------------------------------------------------------------------------
# Pages that only look timed


@pytest.mark.parametrize("name", NOT_LIVE_BLOGS)
def test_timed_page_that_is_no_live_blog_is_refused(name):
    blog = _parse(name)
    if isinstance(blog, LiveBlog):
        found = "\n".join(describe_entry(entry) for entry in blog.entries[:8])
        pytest.fail(f"{name}: read as a live blog of {len(blog.entries)} entries:\n{found}")
