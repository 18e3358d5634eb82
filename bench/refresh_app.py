"""Refreshing in the app against `liveread refresh`, and a refresh's wall time against its CPU
time, as ratios measured in one run.

1. `app_vs_cli_refresh(db, feeds, latency)`: the app (headless, `App.run_test`) refreshes the
   database's first `feeds` feeds, with a heartbeat timer every 10 ms recording the longest
   gap between beats (the longest stall of its event loop); `liveread refresh`'s own path
   (`Core.refresh`) refreshes the same feeds of another copy. The feeds' servers are expected
   to answer "not modified" after `latency` seconds (bench/scale.py's do; so does this
   module's own, below). Floors from the issue: the app at most 1.2x the CLI, no stall of
   50 ms or more.
2. `wall_vs_cpu(db, changed_feeds)`: a refresh of that many feeds whose servers send a changed
   page each time, its wall time against the CPU time it took, this process's and its
   children's (the parse pool's processes, counted once they end). Floor: 0.65x with 2 cores.

Both work on copies of the database they are given and leave it as it was.

    uv run python bench/refresh_app.py [--feeds 50] [--changed 50]

builds a small database (the feeds followed from a loopback server of its own, in a process of
its own) and prints both.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from liveread.config import Config
from liveread.core import Core
from liveread.store import Store
from timing import Heartbeat

HEARTBEAT = 0.010
SIZE = (140, 40)
PAGE_POSTS = 40
WORDS_TEXT = """
minister council harbour race police crowd statement bridge runners weather vote spokesperson
update earlier morning afternoon evening confirmed reported residents officials emergency
services road closure train delays talks agreement markets shares court hearing witnesses match
"""
WORDS = WORDS_TEXT.split()


# ---------------------------------------------------------------------------------------------
# Copies of the database


def copy_database(source: Path, folder: Path) -> Path:
    """A consistent copy of `source` (its write-ahead log included) in `folder`."""
    target = folder / "liveread.db"
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@contextmanager
def copies(source: Path, *names: str) -> Iterator[list[Path]]:
    with tempfile.TemporaryDirectory(prefix="liveread-refresh-") as tmp:
        yield [copy_database(source, Path(tmp) / name) for name in names]


# ---------------------------------------------------------------------------------------------
# 1. The app against the CLI


def app_vs_cli_refresh(db_path: Path, feeds: int | None = None, latency: float = 0.1) -> dict:
    """The app's refresh of the first `feeds` feeds (None: all) against the CLI's, on copies
    of `db_path`, with the app's longest event-loop stall meanwhile. `latency` is what the
    servers take to answer (reported, not imposed here)."""
    with copies(db_path, "cli", "app") as (cli_db, app_db):
        cli_s = asyncio.run(_cli_refresh(cli_db, feeds))
        app_s, stall_s, count = asyncio.run(_app_refresh(app_db, feeds))
    return {
        "feeds": count,
        "latency_s": latency,
        "cli_s": cli_s,
        "app_s": app_s,
        "ratio": app_s / cli_s,
        "longest_stall_s": stall_s,
    }


async def _cli_refresh(db: Path, count: int | None) -> float:
    async with Core(Store(db)) as core:
        chosen = core.store.feeds()[:count]
        start = time.perf_counter()
        await core.refresh(chosen)
        return time.perf_counter() - start


async def _app_refresh(db: Path, count: int | None) -> tuple[float, float, int]:
    from liveread.ui.app import LivereadApp
    from liveread.ui.state import UiState

    with Store(db) as store:
        # Nothing due on its own: only the refresh measured runs.
        now = datetime.now(UTC)
        for feed in store.feeds():
            store.record_fetch(feed.id, at=now, error=None)
        core = Core(store, Config(refresh_interval=10**9, read_after=0))
        app = LivereadApp(core, state=UiState(db.parent / "ui-state.json"))
        async with app.run_test(size=SIZE) as pilot:
            while app.network is None or not app.feeds_shown:
                await pilot.pause(0.05)
            await _idle(app)
            chosen = [feed.id for feed in store.feeds()[:count]]
            heartbeat = Heartbeat()
            app.set_interval(HEARTBEAT, heartbeat.beat)
            await pilot.pause(0.1)
            heartbeat.reset()
            start = time.perf_counter()
            worker = app.refresh_feeds(lambda c: [f for f in c.store.feeds() if f.id in chosen])
            await worker.wait()
            await _idle(app)
            elapsed = time.perf_counter() - start
            heartbeat.beat()
            return elapsed, heartbeat.longest, len(chosen)


async def _idle(app: Any) -> None:
    """Until no worker of the app runs and its messages are handled."""
    while True:
        running = list(app.workers)
        if not running and not app.busy:
            return
        await app.workers.wait_for_complete(running)
        await asyncio.sleep(0.01)


# ---------------------------------------------------------------------------------------------
# 2. Wall time against CPU time


def cpu_seconds() -> float:
    """CPU time of this process (every thread) and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def wall_vs_cpu(db_path: Path, changed_feeds: int = 200) -> dict:
    """A refresh of the first `changed_feeds` feeds of a copy of `db_path`, whose servers
    send a changed page: its wall time against its CPU time."""
    with copies(db_path, "changed") as (db,):
        return asyncio.run(_timed_refresh(db, changed_feeds))


async def _timed_refresh(db: Path, count: int) -> dict:
    from liveread.service import FeedFailed, FeedRefreshed

    async with Core(Store(db)) as core:
        chosen = core.store.feeds()[:count]
        service = core.connect()
        cpu_before = cpu_seconds()
        start = time.perf_counter()
        events = await core.refresh(chosen)
        wall = time.perf_counter() - start
        pool = service.pool
        pages = pool.pages if pool else 0
        processes = pool.size if pool else 0
        await core.disconnect()  # the pool's processes end: their CPU time is counted now
        cpu = cpu_seconds() - cpu_before
    changed = sum(1 for e in events if isinstance(e, FeedRefreshed) and (e.new or e.edited))
    return {
        "feeds": len(chosen),
        "changed": changed,
        "failed": sum(1 for e in events if isinstance(e, FeedFailed)),
        "pages_parsed_in_pool": pages,
        "processes": processes,
        "wall_s": wall,
        "cpu_s": cpu,
        "ratio": wall / cpu,
    }


# ---------------------------------------------------------------------------------------------
# A loopback server of its own, for __main__


def _paragraph(seed: int, words: int = 45) -> str:
    picked = [WORDS[(seed * 7 + i * 13 + i * i) % len(WORDS)] for i in range(words)]
    return " ".join(picked).capitalize() + "."


def page(feed: int, version: int) -> str:
    """Feed `feed`'s page at `version`: its newest `PAGE_POSTS` posts, one more than at the
    version before, in the BBC "lx" markup."""
    items = []
    for number in range(version + PAGE_POSTS, version, -1):
        body = "".join(f"<p>{_paragraph(feed * 1000 + number * 3 + k)}</p>" for k in range(3))
        items.append(
            f'<li><article class="lx-stream-post" id="post-{feed}-{number}"><header>'
            f'<h3 class="lx-stream-post__header-text">Update {number} on {WORDS[number % 30]}'
            f'</h3></header><div class="lx-stream-post-body">{body}</div></article></li>'
        )
    return (
        f"<!doctype html><html><head><title>Bench live {feed}</title></head><body>"
        f'<div id="lx-stream"><ol class="lx-stream__feed">{"".join(items)}</ol></div>'
        "</body></html>"
    )


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, state: dict) -> None:
    try:
        while True:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            path = head.split(" ", 2)[1]
            if path.startswith("/mode/"):  # /mode/<name>/<latency>
                _, _, state["mode"], latency = path.split("/")
                state["latency"] = float(latency)
                writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                await writer.drain()
                continue
            await asyncio.sleep(state["latency"])
            feed = int(path.rsplit("/", 1)[1])
            if state["mode"] == "not-modified" and "if-none-match" in head.lower():
                writer.write(b'HTTP/1.1 304 Not Modified\r\nETag: "same"\r\n\r\n')
            else:
                version = state.setdefault(feed, 0) + 1
                state[feed] = version
                body = page(feed, version).encode()
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f'ETag: "v{version}"\r\nContent-Length: {len(body)}\r\n\r\n'.encode()
                    + body
                )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def _serve(ports: Any, count: int) -> None:
    async def main() -> None:
        state: dict = {"mode": "changed", "latency": 0.0}
        servers = [
            await asyncio.start_server(lambda r, w: _handle(r, w, state), "127.0.0.1", 0)
            for _ in range(count)
        ]
        for i, server in enumerate(servers):
            ports[i] = server.sockets[0].getsockname()[1]
        await asyncio.Event().wait()

    asyncio.run(main())


@contextmanager
def feed_server(count: int = 25) -> Iterator[list[int]]:
    """A server process listening on `count` ports of 127.0.0.1 (the fetcher runs two
    requests at once per port, as it would per site)."""
    context = multiprocessing.get_context("spawn")
    ports = context.Array("i", count)
    process = context.Process(target=_serve, args=(ports, count), daemon=True)
    process.start()
    try:
        while 0 in ports[:]:
            time.sleep(0.01)
        yield list(ports[:])
    finally:
        process.terminate()
        process.join()


def set_mode(port: int, mode: str, latency: float) -> None:
    import httpx

    httpx.get(f"http://127.0.0.1:{port}/mode/{mode}/{latency}").raise_for_status()


async def build(db: Path, ports: list[int], feeds: int) -> None:
    async with Core(Store(db)) as core:
        for n in range(1, feeds + 1):
            await core.add(f"http://127.0.0.1:{ports[n % len(ports)]}/live/{n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, feed_server() as ports:
        db = Path(tmp) / "liveread.db"
        asyncio.run(build(db, ports, args.feeds))
        for port in ports:
            set_mode(port, "not-modified", args.latency)
        refresh = app_vs_cli_refresh(db, args.feeds, latency=args.latency)
        for port in ports:
            set_mode(port, "changed", 0.0)
        timed = wall_vs_cpu(db, changed_feeds=args.changed)
    print(
        f"app refresh / CLI refresh ({refresh['feeds']} feeds, 304 after "
        f"{args.latency * 1000:.0f} ms): {refresh['ratio']:.2f}x "
        f"({refresh['app_s']:.2f} s / {refresh['cli_s']:.2f} s; floor 1.2x)"
    )
    print(
        f"longest event-loop stall during it: {refresh['longest_stall_s'] * 1000:.0f} ms "
        "(floor 50 ms)"
    )
    print(
        f"refresh of {timed['changed']} changed feeds, wall / CPU: {timed['ratio']:.2f}x "
        f"({timed['wall_s']:.2f} s / {timed['cpu_s']:.2f} s, {timed['processes']} parse "
        f"processes, {timed['pages_parsed_in_pool']} pages in them; floor 0.65x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
