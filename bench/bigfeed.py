"""Opening a big feed in the app: how soon its first rows show, and how smoothly it scrolls.

`open_big_feed(path)` runs the app headless (`App.run_test`) on the database at `path`, with
a heartbeat timer on the app's event loop (every 10 ms, the longest gap between two beats
recorded), and opens the feed with the most posts:

- first_rows_s: from choosing the feed to its first rows in the list, drawn;
- whole_view_s: until the list holds every post of the feed (read in a worker meanwhile);
- open_longest_stall_s: the longest heartbeat gap from choosing the feed to the whole view;
- scroll_to_end_longest_stall_s: the longest gap while the cursor goes to the last post
  (End), back to the first (Home), and down and up a page at a time, PAGES times each way.

Targets from the issue: first rows within 0.2 s, no stall over 50 ms scrolling, at most
150 MB peak memory with the 30,000-post feed open.

    uv run python bench/bigfeed.py [--posts N]

builds a database with one feed of N posts (default 30,000) through the project's store in
a temp folder, measures in a fresh process and prints the numbers and the peak memory.
(`bench/scale.py` calls `open_big_feed` on its own database.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timing import Heartbeat

POSTS = 30_000
HEARTBEAT = 0.01
PAGES = 50
SIZE = (140, 40)
TIMEOUT = 60.0
FIRST_ROWS_AIM, STALL_AIM, MEMORY_AIM_MB = 0.2, 0.05, 150


async def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        await asyncio.sleep(0.001)


async def _measure(path: Path, home: Path) -> dict[str, float]:
    from liveread.config import Config
    from liveread.core import Core
    from liveread.store import Store
    from liveread.ui.app import LivereadApp
    from liveread.ui.lists import EntryList, FeedList
    from liveread.ui.state import UiState

    with Store(path) as store:
        feed = max(store.feeds(), key=lambda f: f.total)
        view = str(feed.id)
        app = LivereadApp(Core(store, Config(), offline=True), state=UiState(home / "ui.json"))
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            heart = Heartbeat()
            app.set_interval(HEARTBEAT, heart.beat)
            entries, feeds = app.query_one(EntryList), app.query_one(FeedList)

            def drawn() -> bool:
                """The feed's rows are in the list (it has the feed's title) and drawn."""
                titled = str(entries.border_title).startswith(feed.label)
                return titled and entries.current in entries.drawn_ids

            heart.reset()
            started = time.perf_counter()
            feeds.select_id(view)
            await _until(drawn, "the feed's first rows")
            first_rows = time.perf_counter() - started
            await _until(lambda: len(entries.rows) == feed.total, "the whole feed")
            whole_view = time.perf_counter() - started
            await app.workers.wait_for_complete()
            await pilot.pause()
            open_stall = heart.longest

            entries.focus()
            await pilot.pause()
            heart.reset()

            for key in ["end", "home"] + ["pagedown"] * PAGES + ["pageup"] * PAGES:
                await pilot.press(key)
                await pilot.pause()
                if key == "end" and entries.current != list(entries.rows)[-1]:
                    raise RuntimeError("End did not reach the last post")
            scroll_stall = heart.longest
    return {
        "first_rows_s": first_rows,
        "scroll_to_end_longest_stall_s": scroll_stall,
        "whole_view_s": whole_view,
        "open_longest_stall_s": open_stall,
    }


def open_big_feed(path: Path) -> dict[str, float]:
    """Open the biggest feed of the database at `path` in the headless app (see above)."""
    with tempfile.TemporaryDirectory(prefix="liveread-bigfeed-") as home:
        return asyncio.run(_measure(Path(path), Path(home)))


def build_database(path: Path, posts: int = POSTS) -> None:
    """One feed of `posts` posts a minute apart, stored with one upsert; the newest 20 unread."""
    from liveread.model import Entry, Paragraph, Span
    from liveread.store import Store

    now = datetime.now(UTC)
    entries = [
        Entry(
            key=f"post-{i}",
            url=f"https://example.org/live/big#post-{i}",
            published=now - timedelta(minutes=i),
            title=f"Update {i}: council vote, road closures and the weather",
            authors=[f"Reporter {i % 12}"],
            key_event=i % 20 == 0,
            blocks=[Paragraph((Span(f"Post {i} of the big live blog, a sentence or two."),))],
        )
        for i in range(posts)
    ]
    with Store(path) as store:
        feed = store.add_feed("https://example.org/live/big")
        store.update_feed_meta(feed.id, title="Big live blog", is_live=True)
        store.upsert_entries(feed.id, entries, seen_at=now - timedelta(days=1))
        store.mark_feed_read(feed.id)
        store.mark_read((s.id for s in store.entry_summaries(feed.id, limit=20)), read=False)


def _child(path: Path) -> None:
    result: dict[str, float] = dict(open_big_feed(path))
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result["maxrss_mb"] = maxrss * (1 if sys.platform == "darwin" else 1024) / 1024 / 1024
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=POSTS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0
    with tempfile.TemporaryDirectory(prefix="liveread-bigfeed-db-") as folder:
        db = Path(folder) / "liveread.db"
        started = time.perf_counter()
        build_database(db, args.posts)
        print(f"built {args.posts:,} posts in {time.perf_counter() - started:.1f} s", flush=True)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(db)],
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        print(out.stdout, out.stderr, file=sys.stderr)
        return 1
    result = json.loads(out.stdout.strip().splitlines()[-1])
    first, stall = result["first_rows_s"], result["scroll_to_end_longest_stall_s"]
    print(f"first rows:                  {first:.3f} s  (aim {FIRST_ROWS_AIM} s)")
    print(f"longest stall scrolling:     {stall:.3f} s  (aim under {STALL_AIM} s)")
    print(f"whole feed in the list:      {result['whole_view_s']:.3f} s")
    print(f"longest stall opening:       {result['open_longest_stall_s']:.3f} s")
    print(f"peak memory:                 {result['maxrss_mb']:.0f} MB  (aim {MEMORY_AIM_MB} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
