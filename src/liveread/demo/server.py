"""`DemoServer`: the demo live blog on a loopback HTTP server that publishes posts over time.

At `start()` the first `initial` posts are already up, spread over the previous few hours.
After that one more post is due every `interval` seconds of `clock()` until all are published,
and once, when `edit_after` posts have been published since the start, an earlier post is
corrected (its body changes and its `dateModified` moves), so a reader can show an edit.

Publishing is lazy: nothing runs on a timer. Each request (and each of the inspection
properties) first publishes whatever has fallen due by `clock()`, giving every post the time
it fell due. Tests pass a fake clock and advance it, or call `publish_next()`.

    with DemoServer(interval=2.0) as demo:
        print(demo.url)
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

from liveread.demo.content import BLOG, EDIT, POSTS, BlogInfo, DemoEdit, DemoPost
from liveread.demo.render import PublishedPost, render_page
from liveread.model import utc

DEMO_PATH = f"/live/{BLOG.slug}"
LEAD = timedelta(minutes=4)
"""How long before the server's start the newest initial post went up."""


@dataclass(frozen=True, slots=True)
class _Page:
    body: bytes
    etag: str
    last_modified: datetime


class DemoServer:
    """The demo live blog on http://127.0.0.1:<port>/live/harbour-marathon."""

    def __init__(
        self,
        port: int = 0,
        *,
        host: str = "127.0.0.1",
        interval: float = 5.0,
        initial: int = 12,
        edit_after: int | None = 3,
        clock: Callable[[], float] = time.monotonic,
        start_time: datetime | None = None,
        posts: Sequence[DemoPost] = POSTS,
        edit: DemoEdit | None = EDIT,
        blog: BlogInfo = BLOG,
    ) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        if not 0 <= initial <= len(posts):
            raise ValueError(f"initial must be between 0 and {len(posts)}")
        self._host = host
        self._port = port
        self.interval = interval
        self.initial = initial
        self.edit_after = edit_after
        self._clock = clock
        self._start_time = start_time
        self._posts = tuple(posts)
        self._edit = edit
        self.blog = blog
        self.path = f"/live/{blog.slug}"

        self._lock = threading.Lock()
        self._published: dict[str, PublishedPost] = {}
        self._pending: list[DemoPost] = []
        self._new_count = 0
        self._edited = False
        self._t0 = 0.0
        self._wall0 = datetime.min.replace(tzinfo=UTC)
        self._next_due = 0.0
        self._coverage_start = self._wall0
        self._version = 0
        self._page: tuple[int, _Page] | None = None

        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Self:
        """Publish the initial posts, bind the socket and serve in a daemon thread."""
        if self._httpd is not None:
            return self
        self._reset_story()
        httpd = _HTTPServer((self._host, self._port), _Handler)
        httpd.demo = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"liveread-demo:{httpd.server_address[1]}",
            daemon=True,
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving, close the socket and join the thread. Safe to call twice."""
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if thread is not None:
            thread.join()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the demo server is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    @property
    def url(self) -> str:
        """The live blog's address."""
        return f"{self.base_url}{self.path}"

    # -- the story -------------------------------------------------------------------------

    def _reset_story(self) -> None:
        self._t0 = self._clock()
        self._wall0 = utc(self._start_time or datetime.now(UTC).replace(microsecond=0))
        self._published = {}
        initial = self._posts[: self.initial]
        self._pending = list(self._posts[self.initial :])
        self._new_count = 0
        self._edited = False
        self._next_due = self._t0 + self.interval
        if initial:
            last = initial[-1].minute
            for post in initial:
                at = self._wall0 - LEAD - timedelta(minutes=last - post.minute)
                self._published[post.id] = PublishedPost(post, post.body, at, at)
            self._coverage_start = self._published[initial[0].id].published
        else:
            self._coverage_start = self._wall0
        self._version += 1

    def _wall(self, mono: float) -> datetime:
        return self._wall0 + timedelta(seconds=mono - self._t0)

    def _publish(self, mono: float) -> PublishedPost:
        post = self._pending.pop(0)
        at = self._wall(mono)
        published = PublishedPost(post, post.body, at, at)
        self._published[post.id] = published
        self._new_count += 1
        self._version += 1
        self._maybe_edit(at)
        return published

    def _maybe_edit(self, at: datetime) -> None:
        edit = self._edit
        if self._edited or edit is None or self.edit_after is None:
            return
        if self._new_count < self.edit_after or edit.post_id not in self._published:
            return
        old = self._published[edit.post_id]
        self._published[edit.post_id] = PublishedPost(old.post, edit.body, old.published, at)
        self._edited = True
        self._version += 1

    def _advance(self, now: float) -> None:
        while self._pending and now >= self._next_due:
            self._publish(self._next_due)
            self._next_due += self.interval

    def publish_next(self) -> PublishedPost | None:
        """Publish the next post now (after any that were already due); None when all are up."""
        with self._lock:
            now = self._clock()
            self._advance(now)
            if not self._pending:
                return None
            published = self._publish(now)
            self._next_due = now + self.interval
            return published

    @property
    def published(self) -> list[PublishedPost]:
        """The posts on the page now, oldest first."""
        with self._lock:
            self._advance(self._clock())
            return sorted(self._published.values(), key=lambda p: (p.published, p.id))

    @property
    def pending(self) -> int:
        """How many posts are still to come."""
        with self._lock:
            self._advance(self._clock())
            return len(self._pending)

    @property
    def edited(self) -> str | None:
        """The id of the corrected post, once the correction has been made."""
        with self._lock:
            self._advance(self._clock())
            return self._edit.post_id if self._edited and self._edit else None

    @property
    def finished(self) -> bool:
        return self.pending == 0

    def page(self) -> _Page:
        """The page as it stands now (publishing anything that has fallen due first)."""
        with self._lock:
            self._advance(self._clock())
            if self._page is not None and self._page[0] == self._version:
                return self._page[1]
            posts = list(self._published.values())
            end = max((p.published for p in posts), default=None) if not self._pending else None
            html = render_page(
                self.blog,
                posts,
                self._page_url(),
                coverage_start=self._coverage_start,
                coverage_end=end,
            )
            body = html.encode("utf-8")
            modified = max((p.modified for p in posts), default=self._coverage_start)
            page = _Page(
                body=body,
                etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
                last_modified=modified.replace(microsecond=0),
            )
            self._page = (self._version, page)
            return page

    def _page_url(self) -> str:
        return self.url if self._httpd is not None else f"http://{self._host}{self.path}"


class _HTTPServer(ThreadingHTTPServer):
    # Join request threads on close; each answers one HTTP/1.0 request and ends.
    daemon_threads = False
    demo: DemoServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: a client hanging up mid-response is not worth a traceback."""


def _etag_matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "liveread-demo"
    sys_version = ""
    timeout = 10

    def log_message(self, format: str, *args: object) -> None:
        """No access log on stderr."""

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, *, head: bool) -> None:
        demo = self.server.demo
        path = urlsplit(self.path).path
        if path == "/":
            self._send_simple(HTTPStatus.FOUND, head, location=demo.path)
        elif path.rstrip("/") == demo.path:
            self._send_page(demo.page(), head)
        else:
            self._send_simple(HTTPStatus.NOT_FOUND, head)

    def _not_modified(self, page: _Page) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return _etag_matches(inm, page.etag)
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            return page.last_modified <= since
        return False

    def _send_page(self, page: _Page, head: bool) -> None:
        status = HTTPStatus.NOT_MODIFIED if self._not_modified(page) else HTTPStatus.OK
        self.send_response(status)
        self.send_header("ETag", page.etag)
        self.send_header("Last-Modified", format_datetime(page.last_modified, usegmt=True))
        self.send_header("Cache-Control", "no-cache")
        if status is HTTPStatus.NOT_MODIFIED:
            self.end_headers()
            return
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        if not head:
            self.wfile.write(page.body)

    def _send_simple(self, status: HTTPStatus, head: bool, location: str | None = None) -> None:
        body = f"<!DOCTYPE html><title>{status.value} {status.phrase}</title>\n".encode()
        self.send_response(status)
        if location is not None:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)
