"""A real HTTP/1.1 server on 127.0.0.1 with a programmable route table, for integration tests.

    server = LoopbackServer()            # or the `loopback` fixture from conftest.py
    url = server.route("/live", body=b"<html>...</html>", etag='"v1"')
    server.route("/flaky", [Route(status=500), Route(body=b"ok")])  # in order, last repeats
    server.route("/slow", delay=0.5)     # or drip, truncate_at, huge, redirect_to, ...
    ...
    server.hits("/flaky"); server.requests[-1].headers["user-agent"]; server.peak()
    server.close()

Each connection is served on its own daemon thread; `close()` stops the server, cuts open
connections and waits for every thread, so nothing outlives a test. Nothing is logged.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FILLER_BLOCK = b"<p>" + b"filler " * 9360 + b"</p>\n"  # about 64 KiB


@dataclass
class Route:
    """One canned response. Unknown paths get a plain 404."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"  # None: send no Content-Type
    delay: float = 0.0  # seconds to wait before sending the status line and headers
    drip: float = 0.0  # seconds to wait between body chunks
    chunk: int = 0  # body chunk size; 0 means all at once (64 bytes when dripping)
    truncate_at: int | None = None  # announce the full length, close after this many bytes
    etag: str | None = None  # sent, and a matching If-None-Match gets a 304
    last_modified: str | None = None  # sent, and an equal If-Modified-Since gets a 304
    redirect_to: str | None = None  # Location; status becomes 302 unless it is already a 3xx
    huge: int = 0  # this many filler bytes after `body`, streamed, never built in memory
    length: bool = True  # send Content-Length; False streams with chunked transfer encoding


@dataclass
class Request:
    """What the server received, and how far its response got."""

    method: str
    path: str  # as sent, query included
    headers: dict[str, str]  # names in lower case
    peer: tuple[str, int] = ("", 0)  # the client's address: one per connection
    bytes_sent: int = 0  # body bytes written to the socket
    complete: bool = False  # the whole body was written
    done: threading.Event = field(default_factory=threading.Event, repr=False)


class LoopbackServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self._lock = threading.Condition()
        self._routes: dict[str, list[Route]] = {}
        self._served: Counter[str] = Counter()
        self._requests: list[Request] = []
        self._connections: set[socket.socket] = set()
        self._in_flight: Counter[str] = Counter()  # by Host header, "" for the total
        self._peak: Counter[str] = Counter()
        self._closing = threading.Event()
        self._closed = False
        self.errors: list[BaseException] = []  # unexpected handler errors, for debugging
        self._server = _Server((host, 0), _Handler)
        self._server.owner = self
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"loopback:{self.port}",
            daemon=True,
        )
        self._thread.start()

    # -- set up ----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def route(
        self, path: str, responses: Route | Sequence[Route] | None = None, /, **kwargs: Any
    ) -> str:
        """Serve `path` with one Route, a sequence (used in order, the last repeats) or a
        Route built from `kwargs`. Resets that path's sequence. Returns the full URL."""
        if responses is None:
            responses = Route(**kwargs)
        elif kwargs:
            raise TypeError("pass Route objects or keyword arguments, not both")
        seq = [responses] if isinstance(responses, Route) else list(responses)
        if not seq:
            raise ValueError("a route needs at least one response")
        with self._lock:
            self._routes[path] = seq
            self._served[path] = 0
        return self.url(path)

    def set(self, path: str, route: Route | Sequence[Route]) -> str:
        return self.route(path, route)

    # -- observe ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def hits(self, path: str) -> int:
        """Requests for `path`; without a query in `path`, any query matches."""
        with self._lock:
            return sum(1 for r in self._requests if _matches(r.path, path))

    def peak(self, host: str | None = None) -> int:
        """Most requests in flight at once, overall or for one Host header ("127.0.0.1:PORT")."""
        with self._lock:
            return self._peak[host or ""]

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no response is being written (e.g. after a client gave up on one)."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._in_flight[""], timeout)

    # -- tear down -------------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._lock:
            self._closing.set()  # wakes delays and drips; new connections are cut at once
            connections = list(self._connections)
        self._server.shutdown()
        for conn in connections:
            _cut(conn)
        self._server.server_close()  # joins every handler thread
        self._thread.join()

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- serving (handler threads) ---------------------------------------------------------

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
                if self._closing.is_set():
                    _cut(conn)
            else:
                self._connections.discard(conn)

    def _serve(self, handler: _Handler) -> None:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        request = Request(handler.command, handler.path, headers, handler.client_address[:2])
        host = headers.get("host", "")
        with self._lock:
            self._requests.append(request)
            route = self._next_route(handler.path)
            for key in ("", host):
                self._in_flight[key] += 1
                self._peak[key] = max(self._peak[key], self._in_flight[key])
        try:
            self._respond(handler, route, request)
        except OSError:  # the client went away (reset, broken pipe, timeout)
            handler.close_connection = True
        finally:
            request.done.set()
            with self._lock:
                for key in ("", host):
                    self._in_flight[key] -= 1
                self._lock.notify_all()

    def _next_route(self, path: str) -> Route:
        key = path if path in self._routes else path.split("?", 1)[0]
        seq = self._routes.get(key)
        if seq is None:
            return Route(body=b"not found\n", status=404, content_type="text/plain")
        index = min(self._served[key], len(seq) - 1)
        self._served[key] += 1
        return seq[index]

    def _respond(self, h: _Handler, route: Route, request: Request) -> None:
        if route.delay and self._closing.wait(route.delay):
            h.close_connection = True
            return
        if _not_modified(route, request.headers):
            h.send_response(304)
            _send_validators(h, route)
            h.end_headers()
            return
        body = route.body.encode() if isinstance(route.body, str) else route.body
        status = route.status
        if route.redirect_to is not None and not 300 <= status < 400:
            status = 302
        h.send_response(status)
        if route.content_type is not None:
            h.send_header("Content-Type", route.content_type)
        _send_validators(h, route)
        if route.redirect_to is not None:
            h.send_header("Location", route.redirect_to)
        for name, value in route.headers.items():
            h.send_header(name, value)
        total = len(body) + route.huge
        if route.length:
            h.send_header("Content-Length", str(total))
        else:
            h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        if request.method == "HEAD":
            request.complete = True
            return
        limit = total if route.truncate_at is None else min(route.truncate_at, total)
        for piece in _pieces(route, body):
            piece = piece[: limit - request.bytes_sent]
            if piece:
                h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if not route.length else piece)
                request.bytes_sent += len(piece)
            if request.bytes_sent >= limit:
                break
            if route.drip and self._closing.wait(route.drip):
                break
        if request.bytes_sent < total:  # truncated on purpose, or the server is closing
            h.close_connection = True
            return
        if not route.length:
            h.wfile.write(b"0\r\n\r\n")
        request.complete = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LoopbackServer

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's FQDN, which can stall without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, OSError):
            self.owner.errors.append(error)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection ends after this long
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._track(self.connection, add=False)

    def do_GET(self) -> None:
        self.server.owner._serve(self)

    do_HEAD = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _pieces(route: Route, body: bytes) -> Iterator[bytes]:
    size = route.chunk or (64 if route.drip else 0)
    if size:
        for start in range(0, len(body), size):
            yield body[start : start + size]
    elif body:
        yield body
    left = route.huge
    while left > 0:
        block = FILLER_BLOCK[: min(left, size or len(FILLER_BLOCK))]
        yield block
        left -= len(block)


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    if route.etag is not None and "if-none-match" in headers:
        wanted = {tag.strip().removeprefix("W/") for tag in headers["if-none-match"].split(",")}
        return "*" in wanted or route.etag.removeprefix("W/") in wanted
    if route.last_modified is not None and "if-modified-since" in headers:
        return headers["if-modified-since"] == route.last_modified
    return False


def _send_validators(h: _Handler, route: Route) -> None:
    if route.etag is not None:
        h.send_header("ETag", route.etag)
    if route.last_modified is not None:
        h.send_header("Last-Modified", route.last_modified)


def _matches(requested: str, path: str) -> bool:
    return requested == path or ("?" not in path and requested.split("?", 1)[0] == path)


def _cut(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)
