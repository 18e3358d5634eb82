"""Loopback servers for the scale benchmark's feeds, in a process of their own.

    with serve(db_copy, mode="not-modified", delay=0.1) as server:
        ...  # refresh the feeds of db_copy: every one is answered by `server`

The child process listens on several ports of 127.0.0.1 (the fetcher allows two requests at
once per host and port, so many ports let it run its eight at once, as hundreds of real sites
would) and answers `/live/<n>` after `delay`:

- "not-modified": 304 to a request carrying the feed's ETag (`scaledb.ETAG`), else the page;
- "changed": each request gets the page with one post more than the last one did (a new ETag).

The page is the demo blog's markup (`liveread.demo.render`) holding the feed's newest posts
(`PAGE_POSTS`), written by `scaletext.PostWriter`. `serve` points every feed of the database it
is given (a copy: it rewrites addresses) at these ports, and marks them read by today's reader
so that a refresh sends its validators.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from liveread.demo import render
from liveread.demo.content import BlogInfo, DemoPost
from liveread.demo.render import PublishedPost, render_page
from liveread.model import Image, ListBlock, Paragraph, Quote, Span
from scaledb import ETAG, NOW, feed_number
from scaletext import AUTHORS, PostWriter

PORTS = 25
PAGE_POSTS = 60
MODES = ("not-modified", "changed")


@dataclass
class FeedServer:
    ports: list[int]
    process: subprocess.Popen[str]

    def url(self, number: int) -> str:
        return f"http://127.0.0.1:{self.ports[(number - 1) % len(self.ports)]}/live/{number}"


# ---------------------------------------------------------------------------------------------
# Pages


def _span_html(span: Span) -> str:
    html = escape(span.text)
    if span.bold:
        html = f"<strong>{html}</strong>"
    if span.italic:
        html = f"<em>{html}</em>"
    return f'<a href="{escape(span.href)}">{html}</a>' if span.href else html


def _body_html(writer: PostWriter, number: int) -> str:
    parts = []
    for block in writer.blocks(number, common=False):
        match block:
            case Paragraph(spans=spans):
                parts.append("<p>" + "".join(map(_span_html, spans)) + "</p>")
            case Quote(spans=spans):
                parts.append(
                    "<blockquote><p>" + "".join(map(_span_html, spans)) + "</p></blockquote>"
                )
            case ListBlock(items=items):
                lis = "".join("<li>" + "".join(map(_span_html, i)) + "</li>" for i in items)
                parts.append(f"<ul>{lis}</ul>")
            case Image(src=src, caption=caption):
                parts.append(
                    f'<figure><img src="{escape(src or "")}" alt="">'
                    f"<figcaption>{escape(caption or '')}</figcaption></figure>"
                )
    return "\n".join(parts)


class Pages:
    """The pages of the feeds: feed n's page after `served` requests in "changed" mode."""

    def __init__(self) -> None:
        self._writers: dict[int, PostWriter] = {}
        self._posts: dict[int, list[PublishedPost]] = {}

    def _post(self, feed: int, number: int) -> PublishedPost:
        writer = self._writers.get(feed)
        if writer is None:
            writer = self._writers[feed] = PostWriter(seed=feed, pool=400)
        at = NOW - timedelta(days=30) + timedelta(minutes=7 * number)
        demo = DemoPost(
            id=f"{feed}-{number}",
            title=writer.title() if writer.rng.random() < 0.7 else "",
            author=writer.rng.choice(AUTHORS),
            body=_body_html(writer, number),
            minute=number,
            key_event=writer.rng.random() < 0.05,
        )
        return PublishedPost(demo, demo.body, at, at)

    def page(self, feed: int, url: str, extra: int = 0) -> str:
        """Feed `feed`'s page with its first `PAGE_POSTS` posts and `extra` more."""
        posts = self._posts.setdefault(feed, [])
        while len(posts) < PAGE_POSTS + extra:
            posts.append(self._post(feed, len(posts)))
        blog = BlogInfo(
            slug=f"bench-{feed}",
            headline=f"Bench live blog {feed}",
            standfirst="Live coverage, invented for liveread's scale benchmark.",
            site_name="Port Calloway Courier",
            section="News",
        )
        shown = posts[extra : PAGE_POSTS + extra]
        return render_page(blog, shown, url, coverage_start=shown[0].published)


# ---------------------------------------------------------------------------------------------
# The server (child process)


async def _handle(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    mode: str,
    delay: float,
    pages: Pages,
    served: dict[int, int],
) -> None:
    port = writer.get_extra_info("sockname")[1]
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, *header_lines = head.decode("latin-1").split("\r\n")
            path = request_line.split(" ")[1]
            headers = {
                name.strip().lower(): value.strip()
                for name, _, value in (line.partition(":") for line in header_lines if line)
            }
            await asyncio.sleep(delay)
            try:
                feed = feed_number(path)
            except ValueError:
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                continue
            if mode == "not-modified" and headers.get("if-none-match") == ETAG:
                writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {ETAG}\r\n\r\n".encode())
                await writer.drain()
                continue
            extra = 0
            etag = ETAG
            if mode == "changed":
                extra = served[feed] = served.get(feed, 0) + 1
                etag = f'"bench-changed-{extra}"'
            body = pages.page(feed, f"http://127.0.0.1:{port}{path}", extra).encode()
            writer.write(
                f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: {etag}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, IndexError):
        pass
    finally:
        writer.close()


async def _serve(ports: int, mode: str, delay: float) -> None:
    # A post's JSON-LD text is made from its HTML on every page that shows it: once is enough.
    render.html_to_text = functools.lru_cache(maxsize=100_000)(render.html_to_text)
    pages, served = Pages(), dict[int, int]()
    servers = [
        await asyncio.start_server(
            lambda r, w: _handle(r, w, mode, delay, pages, served), "127.0.0.1", 0
        )
        for _ in range(ports)
    ]
    print(json.dumps([s.sockets[0].getsockname()[1] for s in servers]), flush=True)
    parent = os.getppid()
    while os.getppid() == parent:  # end with the benchmark, however it ends
        await asyncio.sleep(0.5)


# ---------------------------------------------------------------------------------------------
# The benchmark's side


def current_reader_version() -> str:
    from liveread.parse import parse

    url = "http://127.0.0.1:9/live/1"
    return parse(Pages().page(1, url), url).version


def point_feeds_at(db: Path, server: FeedServer) -> None:
    """Every feed of `db` read by today's reader and fetched from `server`."""
    version = current_reader_version()
    con = sqlite3.connect(db)
    try:
        with con:
            for feed_id, url in con.execute("SELECT id, url FROM feeds").fetchall():
                address = server.url(feed_number(url))
                con.execute(
                    "UPDATE feeds SET url = ?, canonical_url = ?, reader_version = ?, etag = ? "
                    "WHERE id = ?",
                    (address, address, version, ETAG, feed_id),
                )
    finally:
        con.close()


@contextmanager
def serve(
    db: Path | None, *, mode: str = "not-modified", delay: float = 0.1, ports: int = PORTS
) -> Iterator[FeedServer]:
    """Servers for the feeds, in a child process; `db` (a copy) pointed at them."""
    if mode not in MODES:
        raise ValueError(f"mode is one of {MODES}")
    process = subprocess.Popen(
        [sys.executable, __file__, "--mode", mode, "--delay", str(delay), "--ports", str(ports)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        server = FeedServer(json.loads(process.stdout.readline()), process)
        if db is not None:
            point_feeds_at(db, server)
        yield server
    finally:
        process.terminate()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=MODES, default="not-modified")
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--ports", type=int, default=PORTS)
    args = parser.parse_args()
    asyncio.run(_serve(args.ports, args.mode, args.delay))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
