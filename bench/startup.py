"""Start-up speed and memory of the app on a big database, as ratios measured in one run.

1. Launch to first paint in a real terminal (tmux): the installed `liveread --offline` on a
   database of 100,000 cached posts, against a bare Textual app with a Header and a Footer
   (`bare_app.py`, same interpreter). Each launch is timed from just before tmux starts the
   program to the first `capture-pane` (polled every few ms) that shows the app's marker: the
   bare app's Header title, liveread's "Feeds" pane border. The two apps alternate, round
   after round, so they share the machine's noise; the result is the median of the rounds'
   ratios. Both run with a bytecode cache, as an installed program does (see
   `app_environment`). Also printed: the time until liveread shows posts (All feeds filled).
2. Opening a feed of 10,000 posts in the app (headless, `App.run_test`, in a fresh process):
   from moving the highlight to that feed to the list holding its 10,000 rows.
3. Peak memory (max RSS) of that process once the feed is open, and of the real `liveread`
   in tmux after opening the same feed with the keyboard.

Targets from the issue: launch ratio floor 1.5x (aim 1.2x); peak memory floor 200 MB (aim
120 MB).

    uv run python bench/startup.py [--rounds N] [--rebuild]

The database is built once with `Store.upsert_entries` (about 10 s) and cached in the temp
folder (`liveread-bench/`); every run works on a fresh copy of it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_APP = HERE / "bare_app.py"
LIVEREAD = Path(sys.executable).parent / "liveread"

FEED_SIZES = (10_000, 30_000, 30_000, 30_000)
"""Posts per feed: 100,000 in all; the first feed is the one opened."""
BIG_FEED_TITLE = "Bench live blog 1"
NEWEST_TITLE = "Latest from bench live blog"
WIDTH, HEIGHT = 140, 40
POLL = 0.005
TIMEOUT = 60.0

FLOOR_RATIO, AIM_RATIO = 1.5, 1.2
FLOOR_MB, AIM_MB = 200, 120

_WORD_TEXT = """
minister council harbour race police crowd statement bridge runners weather vote spokesperson
update earlier morning afternoon evening confirmed reported residents officials emergency
services road closure train delays talks agreement markets shares court hearing witnesses match
goal half-time result fans stadium storm warning flood
"""
WORDS = tuple(_WORD_TEXT.split())


# ---------------------------------------------------------------------------------------------
# The database


def cache_folder() -> Path:
    from liveread.store import SCHEMA_VERSION

    total = sum(FEED_SIZES)
    sizes = "-".join(str(n) for n in FEED_SIZES)
    return (
        Path(tempfile.gettempdir())
        / "liveread-bench"
        / f"startup-v{SCHEMA_VERSION}-{sizes}-{total}"
    )


def build_database(path: Path) -> None:
    """100,000 posts over four feeds, each feed spread over the same 60 days, most read."""
    from liveread.model import Block, Entry, Paragraph, Span
    from liveread.store import Store

    rng = random.Random(1)
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    span = timedelta(days=60)

    def sentence() -> str:
        words = rng.choices(WORDS, k=rng.randint(8, 18))
        return " ".join(words).capitalize() + "."

    with Store(path) as store:
        for number, size in enumerate(FEED_SIZES, 1):
            feed = store.add_feed(f"https://example.org/live/bench-{number}")
            title = f"Bench live blog {number}" + (" (opened)" if number == 1 else "")
            store.update_feed_meta(feed.id, title=title, is_live=number == 1)
            step = span / size
            batch: list[Entry] = []
            for i in range(size):
                published = now - step * i - timedelta(seconds=number)
                head = NEWEST_TITLE if i == 0 else " ".join(rng.choices(WORDS, k=6)).capitalize()
                blocks: list[Block] = [
                    Paragraph((Span(" ".join(sentence() for _ in range(3))),))
                    for _ in range(rng.randint(1, 3))
                ]
                batch.append(
                    Entry(
                        key=f"post-{number}-{i}",
                        url=f"https://example.org/live/bench-{number}#post-{i}",
                        published=published,
                        title=f"{head} {number}-{i}",
                        authors=[f"Reporter {rng.randint(1, 12)}"],
                        key_event=rng.random() < 0.05,
                        blocks=blocks,
                    )
                )
                if len(batch) == 5_000:
                    store.upsert_entries(feed.id, batch, seen_at=published)
                    batch = []
            if batch:
                store.upsert_entries(feed.id, batch, seen_at=now)
            store.mark_feed_read(feed.id)
            newest = store.entry_summaries(feed.id, limit=20)
            store.mark_read((s.id for s in newest), read=False)
            for summary in newest[:3]:
                store.set_favourite(summary.id, True)


def cached_database(rebuild: bool) -> Path:
    folder = cache_folder()
    db, done = folder / "liveread.db", folder / "complete"
    if rebuild or not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        started = time.perf_counter()
        print(f"Building {sum(FEED_SIZES):,} posts in {db} ...", flush=True)
        build_database(db)
        done.write_text("ok\n")
        print(f"  built in {time.perf_counter() - started:.1f} s\n", flush=True)
    return db


def fresh_home(db: Path) -> Path:
    """A LIVEREAD_HOME holding a copy of the cached database (the app marks posts read). One
    copy serves the whole run: the uncounted first launch makes the only change (the newest
    post becomes read), so every counted launch starts from the same state."""
    home = Path(tempfile.mkdtemp(prefix="liveread-bench-home-"))
    (home / "data").mkdir()
    shutil.copyfile(db, home / "data" / "liveread.db")
    return home


# ---------------------------------------------------------------------------------------------
# Launch to first paint, in tmux


def app_environment() -> dict[str, str]:
    """The environment both apps run in: like an installed program, with a bytecode cache.

    PYTHONDONTWRITEBYTECODE would make every launch compile Textual and liveread from source
    (hundreds of ms); PYTHONPYCACHEPREFIX keeps the cache out of the source tree and the
    venv, in the benchmark's temp folder, filled by the uncounted first launches.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache_folder().parent / "pycache")
    return env


class Tmux:
    def __init__(self) -> None:
        self.socket = f"liveread-bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.env = app_environment()  # the tmux server's, so the panes' too
        self.target = "bench"
        self.socket_path: Path | None = None

    def __call__(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        ).stdout

    def start(self) -> None:
        self("new-session", "-d", "-s", self.target, "-x", str(WIDTH), "-y", str(HEIGHT),
             "sleep", "1000000")  # fmt: skip
        self.socket_path = Path(self("display-message", "-p", "#{socket_path}").strip())

    def pid(self) -> int:
        return int(self("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", self.target)

    def idle(self) -> None:
        """Replace whatever runs in the pane with `sleep` and wait for it to be gone."""
        old = self.pid()
        self("respawn-pane", "-k", "-t", self.target, "sleep", "1000000")
        deadline = time.monotonic() + TIMEOUT
        while _running(old) and time.monotonic() < deadline:
            time.sleep(0.01)

    def launch(self, command: list[str], env: dict[str, str], markers: list[str]) -> list[float]:
        """Seconds from the launch until each marker is first on screen (in order)."""
        self.idle()
        flags = [item for k, v in env.items() for item in ("-e", f"{k}={v}")]
        times: list[float] = []
        started = time.perf_counter()
        self("respawn-pane", "-k", "-t", self.target, *flags, *command)
        for marker in markers:
            while marker not in (screen := self.screen()):
                if time.perf_counter() - started > TIMEOUT:
                    raise SystemExit(f"{command[0]} never showed {marker!r}:\n{screen}")
                time.sleep(POLL)
            times.append(time.perf_counter() - started)
        return times

    def send(self, *keys: str) -> None:
        self("send-keys", "-t", self.target, *keys)

    def kill(self) -> None:
        """Stop the server and remove its socket file (tmux 3.3 leaves it behind)."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def measure_launches(
    home: Path, rounds: int
) -> tuple[list[float], list[float], list[float], float | None]:
    term_env = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}
    bare = ([sys.executable, str(BARE_APP)], term_env, ["bare-textual-app"])
    liveread = (
        [str(LIVEREAD), "--offline"],
        {**term_env, "LIVEREAD_HOME": str(home)},
        ["╭─ Feeds", NEWEST_TITLE],
    )
    tmux = Tmux()
    bare_times: list[float] = []
    paint_times: list[float] = []
    posts_times: list[float] = []
    open_feed_hwm = None
    try:
        tmux.start()
        # One launch of each to warm the disk cache and compiled bytecode, not counted.
        tmux.launch(*bare)
        tmux.launch(*liveread)
        for number in range(rounds):
            order = ["bare", "liveread"] if number % 2 == 0 else ["liveread", "bare"]
            for name in order:
                if name == "bare":
                    bare_times += tmux.launch(*bare)
                else:
                    paint, posts = tmux.launch(*liveread)
                    paint_times.append(paint)
                    posts_times.append(posts)
            print(
                f"  round {number + 1}: bare {bare_times[-1] * 1000:4.0f} ms, "
                f"liveread {paint_times[-1] * 1000:4.0f} ms "
                f"({paint_times[-1] / bare_times[-1]:.2f}x; posts at "
                f"{posts_times[-1] * 1000:4.0f} ms)",
                flush=True,
            )
        # The real app, in the terminal, opening the 10,000-post feed with the keyboard.
        tmux.launch(*liveread)
        pid = tmux.pid()
        tmux.send("BTab")  # from the entry list to the feeds pane
        tmux.send("j", "j")  # from All feeds past Favourites (the rule is skipped)
        deadline = time.monotonic() + TIMEOUT
        screen = tmux.screen()
        while not (
            f"{BIG_FEED_TITLE} (opened)" in screen.splitlines()[1]
            and f"{NEWEST_TITLE} 1-0" in screen
        ):
            if time.monotonic() > deadline:
                raise SystemExit(f"the 10,000-post feed never opened:\n{screen}")
            time.sleep(0.05)
            screen = tmux.screen()
        time.sleep(0.5)  # let the list settle before reading the high-water mark
        open_feed_hwm = vm_hwm_mb(pid)
    finally:
        tmux.kill()
    return bare_times, paint_times, posts_times, open_feed_hwm


# ---------------------------------------------------------------------------------------------
# Opening the 10,000-post feed, headless, in a fresh process


async def _open_feed(rounds: int) -> dict[str, object]:
    import resource

    from liveread.config import Config
    from liveread.core import open_core
    from liveread.ui.app import LivereadApp
    from liveread.ui.lists import FAVOURITES, EntryList, FeedList

    with open_core(Config(), offline=True) as core:
        feed = next(f for f in core.store.feeds() if f.title.startswith(BIG_FEED_TITLE))
        app = LivereadApp(core)
        async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            all_feeds_rows = app.query_one(EntryList).option_count
            feeds, entries = app.query_one(FeedList), app.query_one(EntryList)
            times = []
            for _ in range(rounds):
                feeds.select_id(FAVOURITES)
                while not (app.view == FAVOURITES and entries.option_count < 100):
                    await asyncio.sleep(0.005)
                await app.workers.wait_for_complete()
                await pilot.pause()
                started = time.perf_counter()
                feeds.select_id(str(feed.id))
                while not (app.view == str(feed.id) and entries.option_count == feed.total):
                    await asyncio.sleep(0.001)
                await pilot.pause()  # and drawn
                times.append(time.perf_counter() - started)
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return {
        "times": times,
        "rows": feed.total,
        "all_feeds_rows": all_feeds_rows,
        "maxrss_mb": maxrss * scale / 1024 / 1024,
    }


def measure_open_feed(home: Path, rounds: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--open-feed-child", str(rounds)],
        env={**app_environment(), "LIVEREAD_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"open-feed run failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------


def verdict(value: float, floor: float, aim: float) -> str:
    if value <= aim:
        return "meets the aim"
    if value <= floor:
        return "within the floor, above the aim"
    return "ABOVE THE FLOOR"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="launches of each app (default 7)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--open-feed-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_feed_child:
        print(json.dumps(asyncio.run(_open_feed(args.open_feed_child))))
        return 0
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed for the launch measurement")
    if not LIVEREAD.exists():
        raise SystemExit(f"no installed liveread at {LIVEREAD} (uv sync)")

    db = cached_database(args.rebuild)
    print(f"Database: {sum(FEED_SIZES):,} posts in {len(FEED_SIZES)} feeds, "
          f"{db.stat().st_size / 1e6:.0f} MB ({db})")  # fmt: skip
    print(f"\nLaunch to first paint in tmux ({WIDTH}x{HEIGHT}), {args.rounds} rounds, alternating:")
    home = fresh_home(db)
    try:
        bare, paint, posts, tmux_hwm = measure_launches(home, args.rounds)
        opened = measure_open_feed(home, 5)
    finally:
        shutil.rmtree(home, ignore_errors=True)

    bare_ms = statistics.median(bare) * 1000
    paint_ms = statistics.median(paint) * 1000
    posts_ms = statistics.median(posts) * 1000
    # The headline: the median of each round's ratio (the two launches of a round are next to
    # each other in time, so they share the machine's mood); the ratio of the medians and of
    # the fastest launches are printed beside it as a check.
    ratio = statistics.median(p / b for p, b in zip(paint, bare, strict=True))
    open_times = opened["times"]
    assert isinstance(open_times, list)
    rss = float(opened["maxrss_mb"])  # type: ignore[arg-type]
    print()
    print(f"bare Textual app, first paint       median {bare_ms:6.0f} ms")
    print(f"liveread --offline, first paint     median {paint_ms:6.0f} ms")
    print(f"liveread --offline, posts shown     median {posts_ms:6.0f} ms")
    print(
        f"launch ratio (liveread / bare)      {ratio:6.2f}x   floor {FLOOR_RATIO}x, aim "
        f"{AIM_RATIO}x: {verdict(ratio, FLOOR_RATIO, AIM_RATIO)}"
    )
    print(
        f"  (median of the rounds' ratios; ratio of the medians {paint_ms / bare_ms:.2f}x, "
        f"of the fastest launches {min(paint) / min(bare):.2f}x)"
    )
    print(
        f"open a feed of {opened['rows']:,} posts           median "
        f"{statistics.median(open_times) * 1000:6.0f} ms  "
        f"(runs: {', '.join(f'{t * 1000:.0f}' for t in open_times)} ms; "
        f"All feeds list: {opened['all_feeds_rows']:,} rows)"
    )
    print(
        f"peak memory, headless, feed open    {rss:6.0f} MB   floor {FLOOR_MB} MB, aim "
        f"{AIM_MB} MB: {verdict(rss, FLOOR_MB, AIM_MB)}"
    )
    if tmux_hwm is not None:
        print(
            f"peak memory, tmux, feed open        {tmux_hwm:6.0f} MB   (VmHWM of the "
            f"liveread process): {verdict(tmux_hwm, FLOOR_MB, AIM_MB)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
