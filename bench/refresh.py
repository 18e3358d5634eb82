"""A refresh that finds one new post, as ratios measured in one run.

Parsing: for each real fixture page, `parse_feed_page` with the feed's memory of the same page
minus its newest post (one new post to read), against a bare Lexbor parse of the page (floor:
1.5x), beside a parse with no memory. Storing: `Store.store_refresh` of a 30,000-post feed's
posts with one new among them, against the same feed's first store; once with the reading's
word that the rest are unchanged since the stored reading, once without it (as after a
restart: each post's stored source digest is compared).

    uv run python bench/refresh.py [--rounds N] [--posts N]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from liveread import feedparse
from liveread.model import Entry, Paragraph, Span
from liveread.parse import parse
from liveread.store import Refresh, Store
from timing import best_of

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
URL = "https://example.com/live"
FLOOR = 1.5


def _pages() -> list[tuple[str, str]]:
    return [
        (page.parent.name, page.read_bytes().decode("utf-8", errors="replace"))
        for page in sorted(FIXTURES.glob("*/*.html"))
    ]


def _one_new_post(feed_id: int, text: str) -> Callable[[], object]:
    """A refresh-parse of `text` by a feed whose memory holds the page but its newest post."""
    newest = feedparse.parse_feed_page(feed_id, text, URL).entries[0].key
    memory = feedparse.MEMORIES.of(feed_id)

    def refresh() -> object:
        memory.forget(newest)  # a dictionary pass over the remembered posts: timed too
        blog = feedparse.parse_feed_page(feed_id, text, URL)
        assert blog.unchanged == frozenset(blog.digests) - {newest}
        return blog

    return refresh


def page_times(rounds: int = 15) -> dict[str, tuple[float, float, float]]:
    """Each fixture page's (bare Lexbor parse, parse with no memory, refresh-parse with one
    new post), in seconds, best of `rounds`."""
    times = {}
    for feed_id, (name, text) in enumerate(_pages(), 1):
        bare, plain, refresh = best_of(
            rounds,
            partial(LexborHTMLParser, text),
            partial(parse, text, URL),
            _one_new_post(feed_id, text),
        )
        times[name] = (bare, plain, refresh)
    return times


def one_new_post_ratios(rounds: int = 15) -> dict[str, float]:
    """Each fixture page's refresh-parse with one new post against a bare Lexbor parse of
    it (floor: 1.5), and their geometric mean ("geometric mean")."""
    ratios = {name: refresh / bare for name, (bare, _, refresh) in page_times(rounds).items()}
    ratios["geometric mean"] = statistics.geometric_mean(ratios.values())
    return ratios


def _post(n: int, start: datetime) -> Entry:
    paragraphs = [
        f"Post {n}: the council said on Tuesday that roads would reopen after repairs to the "
        f"bridge were finished, and that buses would run again from stop {n % 97}.",
        "Witnesses described long queues at the crossing through the morning and early "
        "afternoon, with traffic backed up to the ring road.",
    ]
    return Entry(
        key=f"post-{n}",
        published=start + timedelta(minutes=n),
        title=f"Update {n}" if n % 3 == 0 else "",
        blocks=[Paragraph((Span(text),)) for text in paragraphs],
    )


def _digest(entry: Entry) -> str:
    return hashlib.blake2b(f"{entry.key}:{entry.text}".encode(), digest_size=16).hexdigest()


def upsert_times(posts: int = 30_000) -> dict[str, float]:
    """Seconds to store a feed of `posts` posts the first time, then the same with one new
    post: told the rest are unchanged since the stored reading, and not told."""
    start = datetime(2024, 5, 1, tzinfo=UTC)
    entries = [_post(n, start) for n in range(posts, 0, -1)]
    digests = {entry.key: _digest(entry) for entry in entries}
    newer = _post(posts + 1, start)
    more = {newer.key: _digest(newer), **digests}

    def store_once(path: Path, told: bool) -> tuple[float, float]:
        with Store(path) as store:
            feed = store.add_feed(URL).id
            first = Refresh(
                entries, at=start, reader_version="9/bench", digests=digests, reading="r1"
            )
            began = time.perf_counter()
            store.store_refresh(feed, first)
            stored = time.perf_counter() - began
            again = Refresh(
                [newer, *entries],
                at=start,
                reader_version="9/bench",
                digests=more,
                unchanged=frozenset(digests) if told else frozenset(),
                since="r1" if told else None,
                reading="r2",
            )
            began = time.perf_counter()
            result = store.store_refresh(feed, again)
            one_new = time.perf_counter() - began
            assert result.new == [newer.key] and result.unchanged == posts
        return stored, one_new

    with tempfile.TemporaryDirectory() as folder:
        first, remembered = store_once(Path(folder) / "told.db", told=True)
        _, restarted = store_once(Path(folder) / "untold.db", told=False)
    return {
        "first store": first,
        "one new, remembered": remembered,
        "one new, restarted": restarted,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--posts", type=int, default=30_000)
    args = parser.parse_args()
    times = page_times(args.rounds)
    if not times:
        print(f"no fixture pages under {FIXTURES}")
        return 1
    print(f"{'page':<14}{'lexbor ms':>10}{'no memory':>11}{'one new':>9}{'x lexbor':>10}  floor")
    ratios = []
    for name, (bare, plain, refresh) in times.items():
        ratio = refresh / bare
        ratios.append(ratio)
        met = "met" if ratio <= FLOOR else "NOT met"
        print(
            f"{name:<14}{bare * 1e3:>10.1f}{plain * 1e3:>11.1f}{refresh * 1e3:>9.1f}"
            f"{ratio:>10.2f}  {met}"
        )
    print(f"geometric mean, one new post / bare Lexbor: {statistics.geometric_mean(ratios):.2f}x")
    upsert = upsert_times(args.posts)
    first = upsert["first store"]
    print(f"\nstoring a feed of {args.posts:,} posts: first store {first * 1e3:.0f} ms")
    for case in ("one new, remembered", "one new, restarted"):
        taken = upsert[case]
        print(f"  {case:<22}{taken * 1e3:>8.1f} ms  {taken / first:.4f}x the first store")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
