"""The scale benchmark's database: M feeds, N posts, one feed of 30,000, built through
`liveread.store.Store` (so schema, counts and search index are the project's) and cached.

    uv run python bench/scaledb.py [--posts N] [--feeds M] [--rebuild]

Feed 1 is the big one (30,000 posts, or half the posts when there are fewer than 60,000); the
others get a few hundred to a few thousand each (log-normal sizes adding up to the rest). Its
title and newest post are those `startup.py` looks for, so its launch measurement runs on this
database as it is. Every feed's address is a placeholder on 127.0.0.1 port 9 (nothing
listens there): `feedserver.serve` starts servers for them and points a copy at those.

A built database is cached under the temp folder (`liveread-bench/`), keyed by posts, feeds,
schema version and how the store encodes a post, with a manifest of what was built; a second
run reuses it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from liveread.model import Entry, Paragraph, Span
from liveread.store import SCHEMA_VERSION, Refresh, Store
from liveread.store.rows import entry_params
from scaletext import COMMON_SHARE, COMMON_WORD, PostWriter

BUILDER_VERSION = 2
"""Bump when what the builder writes changes, so cached databases are built again."""
BIG_FEED = 30_000
BIG_FEED_TITLE = "Bench live blog 1"
"""As `startup.py` expects: it opens the feed titled "Bench live blog 1 (opened)"."""
NEWEST_TITLE = "Latest from bench live blog"
"""The title of the newest post (of the big feed), followed by " 1-0" as `startup.py` expects."""
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
BATCH = 10_000
UNREAD_PER_FEED = 10
ETAG = '"bench-1"'
PLACEHOLDER = "http://127.0.0.1:9/live/{number}"


@dataclass(frozen=True)
class Manifest:
    """What a build wrote: checked by the tests, printed by the benchmark."""

    posts: int
    feeds: int
    sizes: list[int]
    """Posts per feed, feed 1 first (feed numbers are 1-based; ids follow them)."""
    common_word: str
    common_posts: int
    """Posts holding `common_word`."""
    unread: int
    build_seconds: float


def feed_sizes(posts: int, feeds: int, seed: int = 7) -> list[int]:
    """Posts per feed, adding up to `posts`: the big feed first, the rest log-normal
    (a few hundred to a few thousand at a million posts over 500 feeds)."""
    if feeds < 1 or posts < feeds:
        raise ValueError("need at least one feed and one post per feed")
    if feeds == 1:
        return [posts]
    big = min(BIG_FEED, posts // 2)
    rest = posts - big
    rng = random.Random(seed)
    weights = [math.exp(rng.gauss(0, 0.6)) for _ in range(feeds - 1)]
    scale = (rest - (feeds - 1)) / sum(weights)  # every feed gets at least one post
    shares = [1 + w * scale for w in weights]
    sizes = [int(s) for s in shares]
    # Largest remainders take the posts rounding left over, so the sizes add up exactly.
    order = sorted(range(len(shares)), key=lambda i: shares[i] - sizes[i], reverse=True)
    for i in order[: rest - sum(sizes)]:
        sizes[i] += 1
    return [big, *sizes]


def feed_url(number: int) -> str:
    return PLACEHOLDER.format(number=number)


def feed_number(url: str) -> int:
    """The feed number in a bench feed's address (its path ends in /live/<number>)."""
    return int(url.rstrip("/").rsplit("/", 1)[1])


def build(path: Path, posts: int, feeds: int, *, seed: int = 1) -> Manifest:
    """Write the database at `path` (which must not exist) through the project's Store."""
    started = time.perf_counter()
    sizes = feed_sizes(posts, feeds)
    writer = PostWriter(seed)
    rng = random.Random(seed)
    common = 0
    with Store(path) as store:
        for number, size in enumerate(sizes, 1):
            feed = store.add_feed(feed_url(number))
            big = number == 1
            # The big feed is the newest (its post 0 is the newest of all); the others end
            # at some time in the past year and cover a day to a few weeks.
            end = NOW if big else NOW - timedelta(hours=rng.uniform(1, 24 * 365))
            span = timedelta(days=60 if big else rng.uniform(1, 30))
            step = span / size
            pinned = size // 2 if rng.random() < 0.2 else -1
            batch: list[Entry] = []
            for i in range(size):
                holds_word = rng.random() < COMMON_SHARE
                common += holds_word
                batch.append(
                    writer.entry(
                        number,
                        i,
                        end - step * i,
                        title=f"{NEWEST_TITLE} 1-0" if big and i == 0 else "",
                        common=holds_word,
                        pinned=i == pinned,
                    )
                )
                if len(batch) == BATCH and i + 1 < size:
                    store.upsert_entries(feed.id, batch, seen_at=batch[-1].published or NOW)
                    batch = []
            title = f"{BIG_FEED_TITLE} (opened)" if big else f"Bench live blog {number}"
            refresh = Refresh(
                entries=batch,
                at=end,
                reader_version="bench",  # `feedserver.serve` sets the current one
                title=title,
                is_live=big,
                validators=(ETAG, None),
            )
            store.store_refresh(feed.id, refresh)
            store.mark_feed_read(feed.id)
            newest = store.entry_summaries(feed.id, limit=UNREAD_PER_FEED)
            store.mark_read((s.id for s in newest), read=False)
            if big:
                for summary in newest[:3]:
                    store.set_favourite(summary.id, True, at=NOW)
        unread = sum(f.unread for f in store.feeds())
    return Manifest(
        posts=posts,
        feeds=feeds,
        sizes=sizes,
        common_word=COMMON_WORD,
        common_posts=common,
        unread=unread,
        build_seconds=round(time.perf_counter() - started, 1),
    )


def encoding_fingerprint() -> str:
    """Changes when the store encodes a post differently, so a cached database is rebuilt."""
    sample = Entry(key="k", blocks=[Paragraph((Span("a"), Span("b", bold=True, href="h")))])
    return hashlib.sha256(repr(entry_params(sample)).encode()).hexdigest()[:8]


def cache_folder(posts: int, feeds: int) -> Path:
    key = f"scale-v{SCHEMA_VERSION}-b{BUILDER_VERSION}-e{encoding_fingerprint()}-{posts}-{feeds}"
    return Path(tempfile.gettempdir()) / "liveread-bench" / key


def cached(posts: int, feeds: int, *, rebuild: bool = False) -> tuple[Path, Manifest]:
    """The database of `posts` over `feeds`, built now unless a finished one is cached."""
    folder = cache_folder(posts, feeds)
    db, manifest_file = folder / "liveread.db", folder / "manifest.json"
    if rebuild or not manifest_file.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        print(f"Building {posts:,} posts over {feeds} feeds in {db} ...", flush=True)
        manifest = build(db, posts, feeds)
        manifest_file.write_text(json.dumps(asdict(manifest)))  # written last: the build is whole
        print(f"  built in {manifest.build_seconds:.0f} s", flush=True)
        return db, manifest
    return db, Manifest(**json.loads(manifest_file.read_text()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db, manifest = cached(args.posts, args.feeds, rebuild=args.rebuild)
    print(f"{db} ({db.stat().st_size / 1e6:.0f} MB)")
    print(json.dumps({k: v for k, v in asdict(manifest).items() if k != "sizes"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
