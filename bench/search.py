"""Search speed at two database sizes, as a ratio measured in one run.

The issue's floor: a common-word search at 1,000,000 posts takes at most 1.5x the same search
at 100,000 posts, and its first page comes back in under 0.2 s.

    uv run python bench/search.py [--posts N] [--small N] [--feeds M] [--word W] [--rebuild]

Both databases are built through the project's own `Store.upsert_entries` (one transaction
per feed; the store fills the search index) and cached in the temp folder
(`liveread-bench/`). Every post holds about forty words drawn evenly from `WORDS`, so each of
them (the default `police` too) is in about half of all posts; a rare word (`topic<n>`) is in
a few posts each. `search_ratio` is what `bench/scale.py` reports.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

SMALL_POSTS, BIG_POSTS, FEEDS = 100_000, 1_000_000, 500
COMMON_WORD = "police"
ROUNDS = 5
PAGE = 20
FLOOR_RATIO, FLOOR_SECONDS = 1.5, 0.2

_WORD_TEXT = """
minister council harbour race police crowd statement bridge runners weather vote spokesperson
update earlier morning afternoon evening confirmed reported residents officials emergency
services road closure train delays talks agreement markets shares court hearing witnesses match
goal half-time result fans stadium storm warning flood rescue hospital budget election leader
protest airport border energy prices school teachers doctors strike union
"""
WORDS = tuple(_WORD_TEXT.split())
WORDS_PER_POST = 40
RARE_TOPICS = 5_000
"""Each post also holds one `topic<n>` word: a rare word, in posts / RARE_TOPICS posts."""


# ---------------------------------------------------------------------------------------------
# The databases


def build_database(path: Path, *, posts: int, feeds: int = FEEDS, seed: int = 1) -> float:
    """`posts` posts spread evenly over `feeds` feeds, each feed stored in one transaction
    through `Store.upsert_entries`; returns how long it took in seconds."""
    from liveread.model import Entry, Paragraph, Span
    from liveread.store import Store

    rng = random.Random(seed)
    choices, words, topics = rng.choices, WORDS, RARE_TOPICS
    start = datetime(2025, 1, 1, tzinfo=UTC)
    per_feed, extra = divmod(posts, feeds)
    step = timedelta(days=365) / max(per_feed + 1, 1)
    begun = time.perf_counter()
    with Store(path) as store:
        for number in range(1, feeds + 1):
            feed = store.add_feed(f"https://example.org/live/bench-{number}")
            store.update_feed_meta(feed.id, title=f"Bench live blog {number}", is_live=False)
            size = per_feed + (number <= extra)
            batch = []
            for i in range(size):
                text = " ".join(choices(words, k=WORDS_PER_POST))
                topic = f"topic{rng.randrange(topics)}"
                batch.append(
                    Entry(
                        key=f"p{i}",
                        published=start + step * i,
                        title=f"Update {i}: {choices(words, k=1)[0]} {topic}",
                        blocks=[Paragraph((Span(text.capitalize() + "."),))],
                    )
                )
            store.upsert_entries(feed.id, batch, seen_at=start + step * size)
    return time.perf_counter() - begun


def cached_database(posts: int, feeds: int, *, rebuild: bool = False) -> Path:
    """The database of `posts` posts over `feeds` feeds, built once and kept in the temp
    folder."""
    from liveread.store import SCHEMA_VERSION

    folder = (
        Path(tempfile.gettempdir()) / "liveread-bench" / f"search-v{SCHEMA_VERSION}-{posts}-{feeds}"
    )
    db, done = folder / "liveread.db", folder / "complete"
    if rebuild or not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        print(f"Building {posts:,} posts over {feeds} feeds in {db} ...", flush=True)
        took = build_database(db, posts=posts, feeds=feeds)
        done.write_text(f"{took:.1f}\n")
        print(f"  built in {took:.1f} s ({posts / took:,.0f} posts/s)", flush=True)
    return db


# ---------------------------------------------------------------------------------------------
# The measurement


def first_page_seconds(db: Path, word: str, *, rounds: int = ROUNDS, limit: int = PAGE) -> float:
    """The best of `rounds` times to fetch the first page of results for `word`, on a fresh
    read-only store (a warm page cache: the first, uncounted search reads the index in)."""
    from liveread.store import Store

    with Store(db, read_only=True) as store:
        store.search_hits(word, limit=limit)
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            store.search_hits(word, limit=limit)
            best = min(best, time.perf_counter() - started)
    return best


def search_ratio(db_small: Path, db_big: Path, word: str = COMMON_WORD) -> dict[str, float]:
    """First-page time of a search for `word` on each database (best of `ROUNDS`) and the big
    one's against the small one's."""
    small = first_page_seconds(db_small, word)
    big = first_page_seconds(db_big, word)
    return {"small_s": small, "big_s": big, "ratio": big / small}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=BIG_POSTS, help="the big database's posts")
    parser.add_argument("--small", type=int, default=SMALL_POSTS, help="the small one's")
    parser.add_argument("--feeds", type=int, default=FEEDS)
    parser.add_argument("--word", default=COMMON_WORD, help="the common word searched for")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    args = parser.parse_args(argv)

    small = cached_database(args.small, args.feeds, rebuild=args.rebuild)
    big = cached_database(args.posts, args.feeds, rebuild=args.rebuild)
    result = search_ratio(small, big, args.word)
    print(f"\nFirst page ({PAGE} results) for {args.word!r}, best of {ROUNDS}:")
    print(f"  {args.small:>9,} posts: {result['small_s'] * 1000:7.1f} ms")
    print(f"  {args.posts:>9,} posts: {result['big_s'] * 1000:7.1f} ms")
    ratio_ok = result["ratio"] <= FLOOR_RATIO
    time_ok = result["big_s"] < FLOOR_SECONDS
    print(f"  ratio {result['ratio']:.2f}x (floor {FLOOR_RATIO}x): {'ok' if ratio_ok else 'OVER'}")
    print(f"  first page {'ok' if time_ok else 'OVER'} (floor {FLOOR_SECONDS * 1000:.0f} ms)")
    return 0 if ratio_ok and time_ok else 1


if __name__ == "__main__":
    sys.exit(main())
