"""Fetching pages over HTTP: one shared client, conditional GET, limits, retries, clear errors.

This module knows nothing of HTML, SQLite or Textual. It turns a URL into decoded text (or
"not modified"), or into a `FetchError` whose reason is one line a person understands.

Every try is bounded whatever the server does: one deadline covers its connect, redirects and
every read (time spent waiting for a free slot is not counted), and the page is decompressed
here, a bounded step at a time, so the size cap holds however it was compressed.
"""

from __future__ import annotations

import asyncio
import errno
import re
import socket
import ssl
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from liveread import __version__
from liveread.encoding import decode_page
from liveread.feedformats import FEED_TYPES, MAYBE_FEED_TYPES, looks_like_feed
from liveread.inflate import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    CodingError,
    Decoder,
    content_codings,
)

__all__ = [
    "USER_AGENT",
    "FetchConfig",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "Validators",
]

USER_AGENT = f"liveread/{__version__} (+https://github.com/liveread/liveread)"
ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,"
    "application/feed+json;q=0.8,application/xml;q=0.7,*/*;q=0.5"
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class FetchError(Exception):
    """A fetch that failed. `str(err)` is `reason`, one line a person understands; `url` is the
    URL asked for; `status` is the HTTP status when the failure is one (404, 500 ...), else None;
    `retry_after` the seconds the server asked us to wait (Retry-After), if it said.
    """

    def __init__(
        self,
        reason: str,
        *,
        url: str,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        reason = " ".join(reason.split())  # always one line
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server gave us to ask "has it changed?" next time."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int  # 200 (or another 2xx) or 304
    text: str | None  # decoded body; None when not modified
    validators: Validators  # from the response; on 304 the ones sent, unless the server sent new
    content_type: str | None
    max_age: float | None = None  # seconds the page stays fresh (Cache-Control max-age - Age)
    retry_after: float | None = None  # seconds the server asked us to wait (Retry-After)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class FetchConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest silence from the server
    deadline: float = 30.0  # one try from connect to last byte, redirects included
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    max_connections: int = 8
    max_per_host: int = 2
    retries: int = 3  # extra attempts after the first; after a timeout, one at most
    backoff: float = 0.5  # seconds; attempt n waits backoff * 2**n
    max_retry_after: float = 60.0  # cap on any single wait; a longer Retry-After ends the fetch


Sleep = Callable[[float], Awaitable[object]]

TIMEOUT_RETRIES = 1
"""Tries after a timed-out one: a server that stalled once rarely recovers on the next try."""

REDIRECT_BODY_READ = 64 * 1024
"""A redirect's body up to this size is read (and dropped) so its connection can be reused."""


class _Transient(Exception):
    """A failure worth another attempt, unless `final`."""

    def __init__(
        self,
        reason: str,
        status: int | None = None,
        retry_after: float | None = None,
        *,
        timed_out: bool = False,
        final: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.timed_out = timed_out
        self.final = final


@dataclass(slots=True)
class _Progress:
    """How far one attempt got, for the reason it failed."""

    reading: bool = False  # the final response's headers came; its body is being read


class Fetcher:
    """Fetches pages through one shared `httpx.AsyncClient`. Use as an async context manager."""

    def __init__(
        self,
        config: FetchConfig = FetchConfig(),
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._client = httpx.AsyncClient(
            headers={
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            timeout=httpx.Timeout(
                connect=config.connect_timeout,
                read=config.read_timeout,
                write=config.read_timeout,
                pool=config.connect_timeout,
            ),
            limits=httpx.Limits(max_connections=config.max_connections),
            # Followed here, so a redirect's body is never read whole (httpx would).
            follow_redirects=False,
            transport=transport,
        )
        self._all = asyncio.Semaphore(config.max_connections)
        self._hosts: weakref.WeakValueDictionary[str, asyncio.Semaphore] = (
            weakref.WeakValueDictionary()
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, validators: Validators | None = None) -> FetchResult:
        """GET `url`, conditionally when `validators` are given. Raises only `FetchError`."""
        target = _check_url(url)
        sent = validators or Validators()
        headers: dict[bytes, bytes] = {}
        if sent.etag and (etag := _header_value(sent.etag)):
            headers[b"If-None-Match"] = etag
        if sent.last_modified and (since := _header_value(sent.last_modified)):
            headers[b"If-Modified-Since"] = since
        host = self._host_limit(target)
        attempts = max(1, self.config.retries + 1)
        timeouts = 0
        for attempt in range(1, attempts + 1):
            try:
                # Per host first, so a request waiting for its host holds no global slot. The
                # deadline starts once both slots are held: queueing is not the server's fault.
                async with host, self._all:
                    return await self._attempt(target, headers, sent)
            except _Transient as exc:
                timeouts += exc.timed_out
                wait = exc.retry_after
                # A server asking for a longer wait than a fetch may take is asked again
                # later, by the feed's schedule, not now.
                too_long = wait is not None and wait > self.config.max_retry_after
                if exc.final or too_long or timeouts > TIMEOUT_RETRIES or attempt == attempts:
                    reason = exc.reason
                    if attempt > 1:
                        reason += f" (after {attempt} attempts)"
                    raise FetchError(
                        reason, url=url, status=exc.status, retry_after=exc.retry_after
                    ) from None
                if wait is None:
                    wait = self.config.backoff * 2 ** (attempt - 1)
                await self._sleep(min(wait, self.config.max_retry_after))  # holding no slot
            except FetchError as exc:
                exc.url = url
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _host_limit(self, target: httpx.URL) -> asyncio.Semaphore:
        key = f"{target.scheme}://{target.host}:{target.port or ''}"
        limit = self._hosts.get(key)
        if limit is None:
            limit = asyncio.Semaphore(self.config.max_per_host)
            self._hosts[key] = limit
        return limit

    async def _attempt(
        self, target: httpx.URL, headers: dict[bytes, bytes], sent: Validators
    ) -> FetchResult:
        """One try, from connect to the last byte, within the deadline."""
        progress = _Progress()
        deadline = self.config.deadline
        try:
            async with asyncio.timeout(deadline) as scope:
                return await self._fetch_once(target, headers, sent, progress)
        except TimeoutError:
            if not scope.expired():
                raise
            if progress.reading:
                reason = f"the server sent the page too slowly: gave up after {deadline:g} s"
            else:
                reason = f"the server did not answer in time: gave up after {deadline:g} s"
            # Another try would stall as long again.
            raise _Transient(reason, final=True) from None

    async def _fetch_once(
        self,
        target: httpx.URL,
        headers: dict[bytes, bytes],
        sent: Validators,
        progress: _Progress,
    ) -> FetchResult:
        url = str(target)
        try:
            response = await self._send(target, headers)
            try:
                return await self._result(response, sent, progress)
            finally:
                await response.aclose()
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise self._explain(exc, url, progress.reading) from None

    async def _send(self, target: httpx.URL, headers: dict[bytes, bytes]) -> httpx.Response:
        """The response at the end of the redirects, its body not yet read."""
        request = self._client.build_request("GET", target, headers=headers)
        for _ in range(self.config.max_redirects + 1):
            response = await self._client.send(request, stream=True, follow_redirects=False)
            if response.next_request is None:
                return response
            await _discard(response)
            request = response.next_request
            if request.url.scheme not in ("http", "https"):
                raise FetchError("redirected to a URL that is not http(s)", url=str(target))
        reason = f"too many redirects (more than {self.config.max_redirects})"
        raise FetchError(reason, url=str(target))

    async def _result(
        self, response: httpx.Response, sent: Validators, progress: _Progress
    ) -> FetchResult:
        url = str(response.request.url)
        status = response.status_code
        content_type = response.headers.get("Content-Type")
        if status == 304:
            return FetchResult(
                url=url,
                status=304,
                text=None,
                validators=_validators(response, fallback=sent),
                content_type=content_type,
                max_age=_max_age(response),
                retry_after=_retry_after(response),
            )
        if status == 429 or status >= 500:
            raise _Transient(f"HTTP {status}", status, _retry_after(response))
        if not 200 <= status < 300:
            raise FetchError(f"HTTP {status}", url=url, status=status)
        media = (content_type or "").split(";")[0].strip().lower()
        if media and media not in HTML_TYPES and media not in FEED_TYPES:
            raise FetchError(f"not an HTML page or feed ({media})", url=url)
        progress.reading = True
        body = await self._read_body(response, url)
        text = decode_page(body, response.charset_encoding)
        if media in MAYBE_FEED_TYPES and not looks_like_feed(text):
            raise FetchError(f"not an HTML page or feed ({media})", url=url)
        return FetchResult(
            url=url,
            status=status,
            text=text,
            validators=_validators(response),
            content_type=content_type,
            max_age=_max_age(response),
            retry_after=_retry_after(response),
        )

    async def _read_body(self, response: httpx.Response, url: str) -> bytes:
        """The page as decompressed, refused as soon as any stage of it passes the cap."""
        limit = self.config.max_bytes
        too_big = FetchError(f"page larger than {_size(limit)}", url=url)
        try:
            decoder = Decoder(content_codings(response.headers.get_list("Content-Encoding")), limit)
        except CodingError as exc:
            raise FetchError(str(exc), url=url) from None
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_big
        body = bytearray()
        try:
            async for raw in response.aiter_raw():
                for piece in decoder.feed(raw):
                    body += piece
        except BodyTooLarge:
            raise too_big from None
        except CodingError as exc:
            raise FetchError(str(exc), url=url) from None
        return bytes(body)

    def _explain(self, exc: Exception, url: str, reading: bool) -> Exception:
        """Map an httpx exception to a `_Transient` (retry it) or a `FetchError`."""
        cfg = self.config
        if isinstance(exc, httpx.ConnectTimeout):
            reason = f"could not connect: timed out after {cfg.connect_timeout:g} s"
            return _Transient(reason, timed_out=True)
        if isinstance(exc, httpx.PoolTimeout):
            return _Transient("timed out waiting for a free connection", timed_out=True)
        if isinstance(exc, httpx.TimeoutException):
            return _Transient(f"timed out after {cfg.read_timeout:g} s", timed_out=True)
        if isinstance(exc, httpx.ConnectError):
            return _connect_failure(exc, url)
        if isinstance(exc, httpx.RemoteProtocolError):
            if reading:
                return _Transient("connection closed before the page was complete")
            return _Transient("the server closed the connection without a valid response")
        if isinstance(exc, httpx.NetworkError):
            return _Transient("connection lost while reading the page")
        if isinstance(exc, httpx.UnsupportedProtocol):
            return FetchError("redirected to a URL that is not http(s)", url=url)
        if isinstance(exc, httpx.InvalidURL):
            return FetchError(f"not a valid URL ({exc})", url=url)
        return FetchError(f"request failed ({type(exc).__name__}: {exc})", url=url)


async def _discard(response: httpx.Response) -> None:
    """Close a redirect, reading its body first only when it says it is small."""
    try:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) <= REDIRECT_BODY_READ:
            async for _ in response.aiter_raw():
                pass
    finally:
        await response.aclose()


def _check_url(url: str) -> httpx.URL:
    try:
        target = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"not a valid URL ({exc})", url=url) from None
    if target.scheme not in ("http", "https"):
        raise FetchError("not an http(s) URL", url=url)
    if not target.host:
        raise FetchError("not a valid URL (no host name)", url=url)
    return target


def _connect_failure(exc: httpx.ConnectError, url: str) -> Exception:
    cause = _root_cause(exc)
    if isinstance(cause, socket.gaierror):
        if cause.errno == socket.EAI_AGAIN:
            return _Transient("name lookup failed (temporary DNS failure)")
        return FetchError("name not found", url=url)
    if isinstance(cause, ssl.SSLCertVerificationError):
        detail = cause.verify_message or "certificate not trusted"
        return FetchError(f"could not connect: TLS certificate problem ({detail})", url=url)
    if isinstance(cause, ssl.SSLError):
        detail = (cause.reason or str(cause)).replace("_", " ").lower()
        return FetchError(f"could not connect: TLS error ({detail})", url=url)
    if isinstance(cause, ConnectionRefusedError):
        return _Transient("could not connect: connection refused")
    if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return _Transient("could not connect: network unreachable")
    if isinstance(cause, OSError) and cause.strerror:
        return _Transient(f"could not connect: {cause.strerror.lower()}")
    return _Transient(f"could not connect: {exc or type(exc).__name__}")


def _header_value(value: str) -> bytes | None:
    """A validator to send back as it came (httpx decodes headers as UTF-8), or None if unsafe."""
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return None
    return value.encode()


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost exception: httpx wraps httpcore, which wraps the OS error."""
    seen = {id(exc)}
    while (inner := exc.__cause__ or exc.__context__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        exc = inner
    return exc


def _validators(response: httpx.Response, fallback: Validators | None = None) -> Validators:
    fallback = fallback or Validators()
    return Validators(
        etag=response.headers.get("ETag") or fallback.etag,
        last_modified=response.headers.get("Last-Modified") or fallback.last_modified,
    )


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), if usable."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)", re.I)


def _max_age(response: httpx.Response) -> float | None:
    """Seconds the response stays fresh: Cache-Control max-age less its Age; None when the
    server did not say (or said no-cache / no-store, which asks for no wait)."""
    control = ",".join(response.headers.get_list("Cache-Control"))
    match = _MAX_AGE.search(control)
    if match is None:
        return None
    age = response.headers.get("Age", "").strip()
    return max(0.0, float(match.group(1)) - (float(age) if age.isdigit() else 0.0))


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"
