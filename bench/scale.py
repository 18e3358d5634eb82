"""liveread at scale: 500 feeds and a million posts, every measure in one run, as ratios.

    uv run python bench/scale.py [--posts N] [--feeds M] [--rounds R] [--rebuild] [--only abc]

Builds (or reuses) the database of N posts over M feeds through the project's own store
(`scaledb.py`; a tenth of it too, for the search ratio) and measures, each on a fresh copy:

a. the app's refresh of every feed (servers on loopback answering 304 after 100 ms) against
   `liveread refresh` of the same, and the longest event-loop stall during it;
b. opening the 30,000-post feed: first rows, and the longest stall scrolling to its end;
c. a common-word search at N posts against the same at N/10, and its first page;
d. a refresh of a page with one new post against a bare Lexbor parse of that page;
e. a full refresh of 200 changed feeds: wall time against CPU time;
f. launch to first paint at N posts against a bare Textual app (`startup.py`, in tmux);
g. bytes per stored post (and what holds them), reading a post's blocks, and peak memory of
   the app with the 30,000-post feed open.

Each measure is printed beside its floor from the issue (met / NOT met). A section whose
benchmark function is not there (yet) prints "not measured" and why; the others still run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scaledb
from feedserver import serve
from storage import storage_report

WIDTH, HEIGHT = 140, 40
CHANGED_FEEDS = 200


@dataclass(frozen=True)
class Measure:
    name: str
    value: float | None
    floor: float | None = None
    unit: str = ""
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.value is None:
            return ""
        if self.floor is None:
            return "(reported)"
        return "met" if self.value <= self.floor else "NOT met"

    def line(self) -> str:
        if self.value is None:
            shown = f"not measured: {self.note}"
            return f"  {self.name:50} {shown}"
        floor = "" if self.floor is None else f"{_fmt(self.floor, self.unit)}"
        note = f"  ({self.note})" if self.note else ""
        return (
            f"  {self.name:50} {_fmt(self.value, self.unit):>10}  {floor:>10}  {self.verdict}{note}"
        )


def _fmt(value: float, unit: str) -> str:
    match unit:
        case "x":
            return f"{value:.2f}x"
        case "s":
            return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
        case "MB":
            return f"{value:.0f} MB"
        case "B":
            return f"{value:,.0f} B"
        case "us":
            return f"{value:.1f} µs"
    return f"{value:g}"


class NotMeasured(Exception):
    """A section could not run; str() says why."""


def bench_function(module: str, name: str) -> Callable[..., Any]:
    """`module.name` from bench/, imported now; NotMeasured when it is not there."""
    try:
        found = getattr(__import__(module), name)
    except ImportError as exc:
        raise NotMeasured(f"bench/{module}.py is missing ({exc.msg})") from None
    except AttributeError:
        raise NotMeasured(f"bench/{module}.py has no {name}()") from None
    return found


def pick(result: dict[str, Any], *names: str) -> float:
    """The first of `names` in a bench function's result."""
    for name in names:
        if isinstance(result.get(name), int | float):
            return float(result[name])
    raise NotMeasured(f"result has none of {names}: {sorted(result)}")


@contextlib.contextmanager
def working_copy(db: Path) -> Iterator[Path]:
    """A copy of `db` in a temp folder laid out as a LIVEREAD_HOME (data/liveread.db)."""
    home = Path(tempfile.mkdtemp(prefix="liveread-scale-"))
    try:
        (home / "data").mkdir()
        copy = home / "data" / "liveread.db"
        shutil.copyfile(db, copy)
        yield copy
    finally:
        shutil.rmtree(home, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Sections: each returns its measures or raises NotMeasured


def refresh_all(db: Path, feeds: int) -> list[Measure]:
    app_vs_cli = bench_function("refresh_app", "app_vs_cli_refresh")
    with working_copy(db) as copy, serve(copy, mode="not-modified", delay=0.1):
        result = app_vs_cli(copy, feeds, latency=0.1)
    details("a", result)
    return [
        Measure("a. refresh all feeds: app / `liveread refresh`", pick(result, "ratio"), 1.2, "x"),
        Measure(
            "a. longest event-loop stall during it",
            pick(result, "longest_stall_s", "app_longest_stall_s", "stall_s"),
            0.050,
            "s",
        ),
    ]


def open_big(db: Path) -> list[Measure]:
    open_big_feed = bench_function("bigfeed", "open_big_feed")
    with working_copy(db) as copy:
        result = open_big_feed(copy)
    details("b", result)
    return [
        Measure("b. 30,000-post feed: first rows", pick(result, "first_rows_s"), 0.2, "s"),
        Measure(
            "b. longest stall scrolling to its end",
            pick(result, "scroll_to_end_longest_stall_s"),
            0.050,
            "s",
        ),
    ]


def search(db_small: Path, db_big: Path, posts: int) -> list[Measure]:
    search_ratio = bench_function("search", "search_ratio")
    result = search_ratio(db_small, db_big, scaledb.COMMON_WORD)
    details("c", result)
    return [
        Measure(
            f"c. search '{scaledb.COMMON_WORD}': {posts:,} / {posts // 10:,} posts",
            pick(result, "ratio"),
            1.5,
            "x",
        ),
        Measure(
            f"c. its first page at {posts:,} posts",
            pick(result, "big_s", "db_big_s", "first_page_big_s", "big_first_page_s"),
            0.2,
            "s",
        ),
    ]


def one_new_post() -> list[Measure]:
    ratios = bench_function("refresh", "one_new_post_ratios")()
    details("d", ratios)
    values = [float(v) for v in ratios.values() if isinstance(v, int | float)]
    if not values:
        raise NotMeasured(f"no ratios in {ratios}")
    return [
        Measure(
            "d. one new post: refresh / bare Lexbor parse",
            max(values),
            1.5,
            "x",
            f"worst of {len(values)}; median {statistics.median(values):.2f}x",
        )
    ]


def changed_feeds(db: Path, feeds: int) -> list[Measure]:
    wall_vs_cpu = bench_function("refresh_app", "wall_vs_cpu")
    changed = min(CHANGED_FEEDS, feeds)
    with working_copy(db) as copy, serve(copy, mode="changed", delay=0.0):
        result = wall_vs_cpu(copy, changed_feeds=changed)
    details("e", result)
    return [
        Measure(f"e. refresh {changed} changed feeds: wall / CPU", pick(result, "ratio"), 0.65, "x")
    ]


def launch(db: Path, rounds: int) -> list[Measure]:
    """`startup.py`'s launch measurement (tmux, alternating rounds, the median of the rounds'
    ratios) on this database."""
    if shutil.which("tmux") is None:
        raise NotMeasured("tmux is not installed")
    import startup

    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}
    bare = ([sys.executable, str(startup.BARE_APP)], env, ["bare-textual-app"])
    tmux = startup.Tmux()
    paint: list[float] = []
    bare_times: list[float] = []
    with working_copy(db) as copy:
        liveread = (
            [str(startup.LIVEREAD), "--offline"],
            {**env, "LIVEREAD_HOME": str(copy.parent.parent)},
            ["╭─ Feeds"],
        )
        try:
            tmux.start()
            tmux.launch(*bare)  # warm the disk cache and bytecode: not counted
            tmux.launch(*liveread)
            for number in range(rounds):
                for name in ("bare", "liveread") if number % 2 == 0 else ("liveread", "bare"):
                    if name == "bare":
                        bare_times += tmux.launch(*bare)
                    else:
                        paint += tmux.launch(*liveread)
        except SystemExit as exc:  # startup.py's way of saying a launch never painted
            raise NotMeasured(str(exc).splitlines()[0]) from None
        finally:
            tmux.kill()
    ratios = [p / b for p, b in zip(paint, bare_times, strict=True)]
    details("f", {"bare_s": bare_times, "liveread_s": paint})
    return [
        Measure(
            "f. launch to first paint: liveread / bare Textual",
            statistics.median(ratios),
            1.2,
            "x",
            f"median of {rounds} rounds; {statistics.median(paint) * 1000:.0f} ms",
        )
    ]


def storage(db: Path) -> list[Measure]:
    report = storage_report(db)
    details("g", {k: round(v) for k, v in report.items()})
    compact, keyed, decode_compact, decode_keyed, render = blocks_forms(db)
    return [
        Measure("g. bytes per stored post (file)", report["file"], None, "B"),
        Measure(
            "g.   of which post bodies (blocks)",
            report["column:blocks"],
            None,
            "B",
            f"the keyed JSON form: {keyed:,.0f} B; compact {compact:,.0f} B",
        ),
        Measure("g.   of which plain text", report["column:text"], None, "B"),
        Measure("g.   of which search index", report.get("table:search index", 0.0), None, "B"),
        Measure(
            "g. reading a post's blocks",
            decode_compact,
            None,
            "us",
            f"the keyed JSON form: {decode_keyed:.1f} µs; laying the post out takes {render:.0f} µs",
        ),
    ]


def blocks_forms(db: Path, sample: int = 3000) -> tuple[float, float, float, float, float]:
    """Over a sample of posts: bytes of their blocks as stored and in the keyed JSON form
    older versions stored, microseconds to decode each, and to lay a post's body out as the
    reader does (at 80 columns), for scale."""
    import io

    from rich.console import Console, Group

    from liveread.codec import block_from_dict, block_to_dict
    from liveread.model import Entry
    from liveread.store.rows import decode_blocks, dumps
    from liveread.ui.render import body

    con = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
    try:
        total = con.execute("SELECT max(id) FROM entries").fetchone()[0] or 0
        ids = random.Random(3).sample(range(1, total + 1), min(sample, total))
        stored = [
            row[0]
            for row in con.execute(
                "SELECT blocks FROM entries WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        ]
    finally:
        con.close()
    keyed = [dumps([block_to_dict(b) for b in decode_blocks(v)]) for v in stored]

    def best(decode: Callable[[Any], object], values: list[Any]) -> float:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            for value in values:
                decode(value)
            times.append(time.perf_counter() - started)
        return min(times) / len(values) * 1e6

    def decode_keyed(value: str) -> object:
        return [block_from_dict(b) for b in json.loads(value)]

    console = Console(width=80, file=io.StringIO(), color_system="truecolor")

    def lay_out(value: str | bytes) -> object:
        entry = Entry(key="k", blocks=decode_blocks(value))
        return console.render_lines(Group(*body(entry)), console.options.update(width=78))

    n = len(stored) or 1
    return (
        sum(len(v if isinstance(v, bytes) else v.encode()) for v in stored) / n,
        sum(len(v.encode()) for v in keyed) / n,
        best(decode_blocks, stored),
        best(decode_keyed, keyed),
        best(lay_out, stored[:300]),
    )


def peak_memory(db: Path) -> list[Measure]:
    with working_copy(db) as copy:
        out = subprocess.run(
            [sys.executable, __file__, "--peak-memory-child"],
            env={**os.environ, "LIVEREAD_HOME": str(copy.parent.parent)},
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        raise NotMeasured(f"the app failed: {out.stderr.strip().splitlines()[-1:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    details("g", result)
    return [
        Measure("g. peak memory, 30,000-post feed open", result["maxrss_mb"], 150, "MB", "max RSS")
    ]


async def _hold_big_feed_open() -> dict[str, float]:
    """In a child process: the app headless, the big feed opened and scrolled to its end."""
    import resource

    from liveread.config import Config
    from liveread.core import open_core
    from liveread.ui.app import LivereadApp
    from liveread.ui.lists import FeedList

    with open_core(Config(), offline=True) as core:
        feed = next(f for f in core.store.feeds() if f.title.startswith(scaledb.BIG_FEED_TITLE))
        app = LivereadApp(core)
        async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.query_one(FeedList).select_id(str(feed.id))
            while app.view != str(feed.id):
                await asyncio.sleep(0.01)
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.query_one("#entries").focus()
            await pilot.press("end")
            await app.workers.wait_for_complete()
            await pilot.pause(0.5)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return {"maxrss_mb": maxrss * scale / 1024 / 1024, "posts": feed.total}


# ---------------------------------------------------------------------------------------------

_details: list[str] = []


def details(section: str, result: object) -> None:
    _details.append(f"  {section}: {json.dumps(result, default=str)}")


def run(section: Callable[[], list[Measure]], names: list[str]) -> list[Measure]:
    started = time.perf_counter()
    try:
        measures = section()
    except NotMeasured as why:
        measures = [Measure(name, None, note=str(why)) for name in names]
    except (Exception, SystemExit) as exc:  # one broken section must not lose the others
        traceback.print_exc()
        measures = [Measure(name, None, note=f"failed: {exc!r}") for name in names]
    print(f"  ({names[0][:2]} took {time.perf_counter() - started:.0f} s)", flush=True)
    return measures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5, help="launches of each app (f)")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument(
        "--only", default="abcdefg", help="the sections to run, by letter (default: all)"
    )
    parser.add_argument("--peak-memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_memory_child:
        print(json.dumps(asyncio.run(_hold_big_feed_open())))
        return 0
    posts, feeds = args.posts, args.feeds
    db, manifest = scaledb.cached(posts, feeds, rebuild=args.rebuild)
    small, small_manifest = scaledb.cached(posts // 10, feeds, rebuild=args.rebuild)
    print(
        f"Database: {posts:,} posts over {feeds} feeds (biggest {manifest.sizes[0]:,}), "
        f"{db.stat().st_size / 1e6:,.0f} MB, built in {manifest.build_seconds:.0f} s; "
        f"{posts // 10:,} posts built in {small_manifest.build_seconds:.0f} s\n",
        flush=True,
    )
    measures: list[Measure] = []
    sections: list[tuple[Callable[[], list[Measure]], list[str]]] = [
        (lambda: refresh_all(db, feeds), ["a. refresh all feeds", "a. longest stall"]),
        (lambda: open_big(db), ["b. 30,000-post feed: first rows", "b. scroll stall"]),
        (lambda: search(small, db, posts), ["c. common-word search ratio", "c. first page"]),
        (one_new_post, ["d. one new post: refresh / Lexbor"]),
        (lambda: changed_feeds(db, feeds), ["e. changed feeds: wall / CPU"]),
        (lambda: launch(db, args.rounds), ["f. launch: liveread / bare Textual"]),
        (lambda: storage(db), ["g. bytes per stored post"]),
        (lambda: peak_memory(db), ["g. peak memory, big feed open"]),
    ]
    for section, names in sections:
        if names[0][0] in args.only:
            measures += run(section, names)
    print(f"\n  {'measure':50} {'measured':>10}  {'floor':>10}  verdict")
    for measure in measures:
        print(measure.line())
    print("\nDetails:")
    print("\n".join(_details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
