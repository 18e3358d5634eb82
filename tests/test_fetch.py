"""The fetcher, through real sockets against the loopback server (and MockTransport for maths)."""

from __future__ import annotations

import asyncio
import gzip
import socket
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from liveread import __version__
from liveread.fetch import (
    USER_AGENT,
    FetchConfig,
    Fetcher,
    FetchError,
    FetchResult,
    Validators,
)
from loopback import LoopbackServer, Route

PAGE = b"<!doctype html><title>Live</title><p>First post</p>"
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
FAST = FetchConfig(connect_timeout=1.0, read_timeout=1.0, retries=0)
DRIP_FOREVER = Route(body=b"<p>", huge=10**9, chunk=1, drip=0.05, length=False)
"""A page sent a byte every 50 ms: every read succeeds, the page never ends."""


class RecordingSleep:
    """Stands in for asyncio.sleep: records each wait and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


async def fetch(
    url: str, config: FetchConfig = FAST, validators: Validators | None = None, **kwargs
) -> FetchResult:
    async with Fetcher(config, **kwargs) as fetcher:
        return await fetcher.fetch(url, validators)


async def fetch_error(url: str, config: FetchConfig = FAST, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as info:
        await fetch(url, config, **kwargs)
    assert str(info.value) == info.value.reason
    assert "\n" not in info.value.reason
    assert info.value.url == url
    return info.value


# -- success and conditional GET -------------------------------------------------------------


async def test_200_returns_text_validators_and_content_type(loopback: LoopbackServer):
    url = loopback.route("/live", body=PAGE, etag='"v1"', last_modified=LAST_MODIFIED)
    result = await fetch(url)
    assert result.status == 200
    assert not result.not_modified
    assert result.url == url
    assert result.text == PAGE.decode()
    assert result.validators == Validators(etag='"v1"', last_modified=LAST_MODIFIED)
    assert result.content_type == "text/html; charset=utf-8"


async def test_conditional_get_gives_304_without_a_body(loopback: LoopbackServer):
    url = loopback.route("/live", body=PAGE, etag='"v1"', last_modified=LAST_MODIFIED)
    sent = Validators(etag='"v1"', last_modified=LAST_MODIFIED)
    result = await fetch(url, validators=sent)
    assert result.not_modified
    assert result.status == 304
    assert result.text is None
    assert result.validators == sent
    seen = loopback.requests[-1].headers
    assert seen["if-none-match"] == '"v1"'
    assert seen["if-modified-since"] == LAST_MODIFIED
    assert loopback.requests[-1].bytes_sent == 0


async def test_conditional_get_with_a_stale_etag_gets_the_new_page(loopback: LoopbackServer):
    url = loopback.route("/live", body=PAGE, etag='"v2"')
    result = await fetch(url, validators=Validators(etag='"v1"'))
    assert result.status == 200
    assert result.text == PAGE.decode()
    assert result.validators.etag == '"v2"'


async def test_if_modified_since_alone_gives_304(loopback: LoopbackServer):
    url = loopback.route("/live", body=PAGE, last_modified=LAST_MODIFIED)
    result = await fetch(url, validators=Validators(last_modified=LAST_MODIFIED))
    assert result.not_modified
    assert "if-none-match" not in loopback.requests[-1].headers


async def test_no_validators_sends_no_conditional_headers(loopback: LoopbackServer):
    await fetch(loopback.route("/live", body=PAGE, etag='"v1"'))
    seen = loopback.requests[-1].headers
    assert "if-none-match" not in seen
    assert "if-modified-since" not in seen


async def test_user_agent_and_accept(loopback: LoopbackServer):
    await fetch(loopback.route("/live", body=PAGE))
    seen = loopback.requests[-1].headers
    assert seen["user-agent"] == USER_AGENT
    assert seen["user-agent"].startswith(f"liveread/{__version__} ")
    assert seen["accept"].startswith("text/html")


async def test_missing_content_type_is_accepted(loopback: LoopbackServer):
    result = await fetch(loopback.route("/live", body=PAGE, content_type=None))
    assert result.text == PAGE.decode()
    assert result.content_type is None


async def test_xhtml_is_accepted(loopback: LoopbackServer):
    url = loopback.route("/live", body=PAGE, content_type="application/xhtml+xml")
    assert (await fetch(url)).text == PAGE.decode()


async def test_slow_drip_under_the_read_timeout_succeeds(loopback: LoopbackServer):
    body = b"<p>" + b"x" * 1000 + b"</p>"
    url = loopback.route("/drip", body=body, chunk=128, drip=0.05)  # 8 chunks, about 0.4 s
    config = FetchConfig(read_timeout=0.2, retries=0)  # each gap is under it, the total is not
    result = await fetch(url, config)
    assert result.text == body.decode()


async def test_chunked_transfer_encoding(loopback: LoopbackServer):
    result = await fetch(loopback.route("/live", body=PAGE, length=False, chunk=7))
    assert result.text == PAGE.decode()


# -- decoding --------------------------------------------------------------------------------


async def test_latin1_charset_is_honoured(loopback: LoopbackServer):
    body = "<p>Caffè, città, naïve, €</p>".encode("cp1252")
    url = loopback.route("/it", body=body, content_type="text/html; charset=ISO-8859-1")
    # Browsers read the latin-1 label as windows-1252, which is what sites actually send.
    assert (await fetch(url)).text == "<p>Caffè, città, naïve, €</p>"


async def test_bad_utf8_bytes_become_replacement_characters(loopback: LoopbackServer):
    body = b"<p>ok \xff\xfe broken \xc3</p>"
    url = loopback.route("/bad", body=body)
    text = (await fetch(url)).text
    assert text is not None
    assert text.startswith("<p>ok ")
    assert "\ufffd" in text


async def test_no_charset_header_is_utf8_by_default(loopback: LoopbackServer):
    url = loopback.route("/u", body="<p>Zürich – 10°C</p>".encode(), content_type="text/html")
    assert (await fetch(url)).text == "<p>Zürich – 10°C</p>"


async def test_no_charset_header_falls_back_to_the_meta_charset(loopback: LoopbackServer):
    body = '<meta charset="iso-8859-1"><p>Perché</p>'.encode("latin-1")
    url = loopback.route("/m", body=body, content_type="text/html")
    assert (await fetch(url)).text == '<meta charset="iso-8859-1"><p>Perché</p>'


async def test_unknown_charset_falls_back_to_utf8(loopback: LoopbackServer):
    url = loopback.route("/x", body="<p>é</p>".encode(), content_type="text/html; charset=nope")
    assert (await fetch(url)).text == "<p>é</p>"


async def test_a_bom_wins(loopback: LoopbackServer):
    body = "\ufeff<p>Grüße</p>".encode("utf-16-le")
    url = loopback.route("/bom", body=body, content_type="text/html")
    assert (await fetch(url)).text == "<p>Grüße</p>"


# -- compressed pages ------------------------------------------------------------------------


def deflate(data: bytes, wbits: int = zlib.MAX_WBITS) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


def double_gzip_of_zeros(megabytes: int) -> bytes:
    """gzip(gzip(that many MB of zeros)), built a megabyte at a time: a few KB in all."""
    inner = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    outer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    parts = [outer.compress(inner.compress(zeros)) for _ in range(megabytes)]
    parts += [outer.compress(inner.flush()), outer.flush()]
    return b"".join(parts)


async def test_accept_encoding_names_what_is_decoded(loopback: LoopbackServer):
    await fetch(loopback.route("/live", body=PAGE))
    assert loopback.requests[-1].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(PAGE)),
        ("x-gzip", gzip.compress(PAGE)),
        ("deflate", deflate(PAGE)),
        ("deflate", deflate(PAGE, -zlib.MAX_WBITS)),  # raw deflate, as some servers send it
        ("gzip, gzip", gzip.compress(gzip.compress(PAGE))),
        ("deflate, gzip", gzip.compress(deflate(PAGE))),
        ("identity, gzip", gzip.compress(PAGE)),
        ("gzip", gzip.compress(PAGE[:20]) + gzip.compress(PAGE[20:])),  # two gzip members
    ],
)
async def test_compressed_pages_are_decoded(loopback: LoopbackServer, encoding: str, body: bytes):
    url = loopback.route("/z", body=body, chunk=5, headers={"Content-Encoding": encoding})
    assert (await fetch(url)).text == PAGE.decode()


async def test_a_large_gzip_page_under_the_cap_decodes_whole(loopback: LoopbackServer):
    page = b"<p>" + b"".join(b"post %d " % i for i in range(400_000)) + b"</p>"
    assert len(page) > 3 * 1024 * 1024
    body = gzip.compress(gzip.compress(page))
    url = loopback.route(
        "/big", body=body, chunk=999, length=False, headers={"Content-Encoding": "gzip, gzip"}
    )
    assert (await fetch(url)).text == page.decode()


async def test_a_double_gzip_bomb_is_refused_before_it_fills_memory(loopback: LoopbackServer):
    """256 MB of page in a few KB: the cap stops the decoding, not the whole chunk inflated."""
    cap = 2 * 1024 * 1024
    body = double_gzip_of_zeros(256)
    assert len(body) < 64 * 1024
    url = loopback.route("/bomb", body=body, headers={"Content-Encoding": "gzip, gzip"})
    tracemalloc.start()
    try:
        error = await fetch_error(url, FetchConfig(max_bytes=cap, retries=0))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "page larger than 2 MB"
    assert peak < 4 * cap


async def test_an_encoding_that_cannot_be_decoded_is_a_clear_error(loopback: LoopbackServer):
    url = loopback.route("/br", body=b"\x0b\x02\x80", headers={"Content-Encoding": "br"})
    error = await fetch_error(url, FetchConfig(retries=3), sleep=RecordingSleep())
    assert error.reason == "the page is compressed in a way liveread cannot read (br)"
    assert loopback.hits("/br") == 1


async def test_too_many_stacked_encodings_are_refused(loopback: LoopbackServer):
    body = PAGE
    for _ in range(5):
        body = gzip.compress(body)
    url = loopback.route("/deep", body=body, headers={"Content-Encoding": ", ".join(["gzip"] * 5)})
    error = await fetch_error(url)
    assert error.reason == "too many content encodings (more than 4)"


async def test_a_body_that_is_not_what_it_claims_cannot_be_decompressed(loopback: LoopbackServer):
    url = loopback.route("/lie", body=PAGE, headers={"Content-Encoding": "gzip"})
    error = await fetch_error(url)
    assert error.reason == "could not decompress the page"


async def test_repeated_content_encoding_headers_stack():
    headers = [("Content-Encoding", "deflate"), ("Content-Encoding", "gzip")]
    response = httpx.Response(
        200, headers=headers, stream=httpx.ByteStream(gzip.compress(deflate(PAGE)))
    )
    result = await fetch("http://example.test/", transport=mock(response))
    assert result.text == PAGE.decode()


# -- HTTP errors and retries -----------------------------------------------------------------


async def test_404_is_not_retried(loopback: LoopbackServer):
    sleep = RecordingSleep()
    config = FetchConfig(retries=3)
    error = await fetch_error(loopback.url("/missing"), config, sleep=sleep)
    assert error.reason == "HTTP 404"
    assert error.status == 404
    assert loopback.hits("/missing") == 1
    assert sleep.waits == []


async def test_500_then_200_succeeds_after_a_retry(loopback: LoopbackServer):
    sleep = RecordingSleep()
    url = loopback.route("/flaky", [Route(status=500), Route(body=PAGE)])
    result = await fetch(url, FetchConfig(retries=3, backoff=0.5), sleep=sleep)
    assert result.text == PAGE.decode()
    assert loopback.hits("/flaky") == 2
    assert sleep.waits == [0.5]


async def test_persistent_500_gives_up_with_the_attempt_count(loopback: LoopbackServer):
    sleep = RecordingSleep()
    url = loopback.route("/down", status=500, body=b"oops")
    error = await fetch_error(url, FetchConfig(retries=3, backoff=0.5), sleep=sleep)
    assert error.reason == "HTTP 500 (after 4 attempts)"
    assert error.status == 500
    assert loopback.hits("/down") == 4
    assert sleep.waits == [0.5, 1.0, 2.0]


async def test_429_retry_after_seconds_is_honoured(loopback: LoopbackServer):
    sleep = RecordingSleep()
    busy = Route(status=429, headers={"Retry-After": "7"})
    url = loopback.route("/busy", [busy, Route(body=PAGE)])
    result = await fetch(url, FetchConfig(retries=3), sleep=sleep)
    assert result.text == PAGE.decode()
    assert sleep.waits == [7.0]
    assert loopback.hits("/busy") == 2


async def test_a_retry_after_beyond_the_cap_ends_the_fetch_and_is_reported(
    loopback: LoopbackServer,
):
    # Waiting an hour inside one fetch would hold up a refresh: the schedule waits instead.
    sleep = RecordingSleep()
    busy = Route(status=503, headers={"Retry-After": "3600"})
    url = loopback.route("/busy", [busy, Route(body=PAGE)])
    error = await fetch_error(url, FetchConfig(retries=3, max_retry_after=60.0), sleep=sleep)
    assert (error.status, error.retry_after) == (503, 3600.0)
    assert sleep.waits == []
    assert loopback.hits("/busy") == 1


async def test_a_429_that_outlasts_the_retries_reports_its_retry_after(
    loopback: LoopbackServer,
):
    sleep = RecordingSleep()
    url = loopback.route("/busy", status=429, headers={"Retry-After": "20"})
    error = await fetch_error(url, FetchConfig(retries=2), sleep=sleep)
    assert error.reason == "HTTP 429 (after 3 attempts)"
    assert (error.status, error.retry_after) == (429, 20.0)
    assert sleep.waits == [20.0, 20.0]


@pytest.mark.parametrize(
    ("headers", "max_age"),
    [
        pytest.param({"Cache-Control": "public, max-age=120"}, 120.0, id="max-age"),
        pytest.param({"Cache-Control": "max-age=120", "Age": "100"}, 20.0, id="less-its-age"),
        pytest.param({"Cache-Control": "s-maxage=60, max-age=90"}, 90.0, id="not-s-maxage"),
        pytest.param({"Cache-Control": "no-cache"}, None, id="no-cache"),
        pytest.param({}, None, id="none"),
    ],
)
async def test_the_result_carries_cache_control_max_age(
    loopback: LoopbackServer, headers: dict[str, str], max_age: float | None
):
    url = loopback.route("/page", body=PAGE, headers=headers)
    result = await fetch(url, FetchConfig(retries=0))
    assert result.max_age == max_age
    assert result.retry_after is None


async def test_the_result_carries_a_retry_after_sent_with_the_page(loopback: LoopbackServer):
    url = loopback.route("/page", body=PAGE, headers={"Retry-After": "300"})
    result = await fetch(url, FetchConfig(retries=0))
    assert result.retry_after == 300.0


async def test_wrong_content_type_is_refused_without_retry(loopback: LoopbackServer):
    url = loopback.route("/doc.pdf", body=b"%PDF-1.7", content_type="application/pdf")
    error = await fetch_error(url, FetchConfig(retries=3), sleep=RecordingSleep())
    assert error.reason == "not an HTML page or feed (application/pdf)"
    assert error.status is None
    assert loopback.hits("/doc.pdf") == 1


# -- redirects -------------------------------------------------------------------------------


async def test_redirect_chain_is_followed_to_the_final_url(loopback: LoopbackServer):
    start = loopback.route("/a", redirect_to="/b")
    loopback.route("/b", redirect_to=loopback.url("/c"), status=301)
    final = loopback.route("/c", body=PAGE, etag='"c"')
    result = await fetch(start)
    assert result.url == final
    assert result.text == PAGE.decode()
    assert result.validators.etag == '"c"'
    assert [r.path for r in loopback.requests] == ["/a", "/b", "/c"]


async def test_redirect_loop_is_too_many_redirects(loopback: LoopbackServer):
    url = loopback.route("/loop", redirect_to="/loop")
    error = await fetch_error(url, FetchConfig(max_redirects=5, retries=3))
    assert error.reason == "too many redirects (more than 5)"
    assert loopback.hits("/loop") == 6  # the request and five redirects, never retried


async def test_redirect_to_another_scheme_is_refused(loopback: LoopbackServer):
    url = loopback.route("/ftp", redirect_to="ftp://example.org/file")
    error = await fetch_error(url)
    assert error.reason == "redirected to a URL that is not http(s)"


async def test_a_redirect_body_is_not_read(loopback: LoopbackServer):
    start = loopback.route(
        "/moved", redirect_to="/c", body=b"<p>", huge=50 * 1024 * 1024, length=False
    )
    loopback.route("/c", body=PAGE)
    assert (await fetch(start)).text == PAGE.decode()
    assert loopback.wait_idle()
    assert not loopback.requests[0].complete
    assert loopback.requests[0].bytes_sent < 5 * 1024 * 1024


async def test_a_small_redirect_keeps_its_connection(loopback: LoopbackServer):
    start = loopback.route("/a", redirect_to="/b", body=b"moved")
    loopback.route("/b", body=PAGE)
    assert (await fetch(start)).text == PAGE.decode()
    assert len({r.peer for r in loopback.requests}) == 1


# -- faults on the wire ----------------------------------------------------------------------


async def test_read_timeout(loopback: LoopbackServer):
    url = loopback.route("/slow", body=PAGE, delay=2.0)
    error = await fetch_error(url, FetchConfig(read_timeout=0.2, retries=0))
    assert error.reason == "timed out after 0.2 s"
    assert error.status is None


async def test_read_timeout_is_retried(loopback: LoopbackServer):
    sleep = RecordingSleep()
    url = loopback.route("/slow", [Route(delay=2.0), Route(body=PAGE)])
    result = await fetch(url, FetchConfig(read_timeout=0.2, retries=1), sleep=sleep)
    assert result.text == PAGE.decode()
    assert sleep.waits == [0.5]


async def test_truncated_body(loopback: LoopbackServer):
    url = loopback.route("/cut", body=PAGE * 10, truncate_at=40)
    error = await fetch_error(url)
    assert error.reason == "connection closed before the page was complete"


async def test_truncated_body_after_retries_says_so(loopback: LoopbackServer):
    url = loopback.route("/cut", body=PAGE * 10, truncate_at=40)
    error = await fetch_error(url, FetchConfig(retries=2), sleep=RecordingSleep())
    assert error.reason == "connection closed before the page was complete (after 3 attempts)"
    assert loopback.hits("/cut") == 3


async def test_huge_streamed_body_stops_at_the_cap(loopback: LoopbackServer):
    huge = 200 * 1024 * 1024
    url = loopback.route("/huge", body=b"<p>", huge=huge, length=False)
    error = await fetch_error(url, FetchConfig(max_bytes=64 * 1024, retries=0))
    assert error.reason == "page larger than 64 KB"
    assert loopback.wait_idle()
    (request,) = loopback.requests
    assert not request.complete
    assert request.bytes_sent < huge // 10  # the client hung up long before the end


async def test_the_cap_counts_the_page_as_decompressed(loopback: LoopbackServer):
    """A few kilobytes of gzip can hold megabytes of page: the length sent says nothing."""
    packed = gzip.compress(b"<p>" + b" " * (5 * 1024 * 1024))
    assert len(packed) < 64 * 1024
    url = loopback.route("/bomb", body=packed, headers={"Content-Encoding": "gzip"})
    error = await fetch_error(url, FetchConfig(max_bytes=1024 * 1024, retries=0))
    assert error.reason == "page larger than 1 MB"


async def test_declared_content_length_over_the_cap_is_refused_before_reading(
    loopback: LoopbackServer,
):
    url = loopback.route("/big", huge=5 * 1024 * 1024)
    error = await fetch_error(url, FetchConfig(max_bytes=1024 * 1024, retries=0))
    assert error.reason == "page larger than 1 MB"
    assert loopback.wait_idle()
    assert not loopback.requests[0].complete


async def test_default_cap_is_described_in_megabytes():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": str(21 * 1024 * 1024)})

    error = await fetch_error(
        "http://example.test/", FetchConfig(), transport=httpx.MockTransport(handler)
    )
    assert error.reason == "page larger than 20 MB"


async def test_dead_port_could_not_connect(unused_port: int):
    sleep = RecordingSleep()
    url = f"http://127.0.0.1:{unused_port}/live"
    error = await fetch_error(url, FetchConfig(retries=1, backoff=0.25), sleep=sleep)
    assert error.reason == "could not connect: connection refused (after 2 attempts)"
    assert sleep.waits == [0.25]


async def test_dead_port_without_retries(unused_port: int):
    error = await fetch_error(f"http://127.0.0.1:{unused_port}/", FetchConfig(retries=0))
    assert error.reason == "could not connect: connection refused"


# -- deadlines -------------------------------------------------------------------------------
# Each fetch is wrapped in asyncio.wait_for (ten deadlines) so that a regression fails the test
# instead of hanging it.


async def test_a_page_dripping_forever_fails_at_the_deadline(loopback: LoopbackServer):
    url = loopback.route("/drip", DRIP_FOREVER)
    sleep = RecordingSleep()
    config = FetchConfig(read_timeout=1.0, deadline=0.5, retries=3)
    error = await asyncio.wait_for(fetch_error(url, config, sleep=sleep), timeout=5.0)
    assert error.reason == "the server sent the page too slowly: gave up after 0.5 s"
    assert loopback.hits("/drip") == 1  # a second try would drip as slowly: none is made
    assert sleep.waits == []
    assert loopback.wait_idle()  # the connection was dropped, not left dripping


async def test_a_server_that_never_answers_fails_at_the_deadline(loopback: LoopbackServer):
    url = loopback.route("/silent", body=PAGE, delay=60.0)
    config = FetchConfig(read_timeout=30.0, deadline=0.3, retries=3)
    error = await asyncio.wait_for(fetch_error(url, config, sleep=RecordingSleep()), 3.0)
    assert error.reason == "the server did not answer in time: gave up after 0.3 s"
    assert loopback.hits("/silent") == 1


async def test_a_deadline_after_a_retry_says_how_many_attempts(loopback: LoopbackServer):
    url = loopback.route("/bad", [Route(status=503), DRIP_FOREVER])
    config = FetchConfig(read_timeout=1.0, deadline=0.3, retries=3)
    error = await asyncio.wait_for(fetch_error(url, config, sleep=RecordingSleep()), 3.0)
    assert error.reason == (
        "the server sent the page too slowly: gave up after 0.3 s (after 2 attempts)"
    )
    assert loopback.hits("/bad") == 2


async def test_a_timed_out_request_is_retried_once_at_most(loopback: LoopbackServer):
    sleep = RecordingSleep()
    url = loopback.route("/slow", body=PAGE, delay=5.0)
    error = await fetch_error(url, FetchConfig(read_timeout=0.2, retries=3), sleep=sleep)
    assert error.reason == "timed out after 0.2 s (after 2 attempts)"
    assert loopback.hits("/slow") == 2
    assert sleep.waits == [0.5]


async def test_other_failures_still_get_every_retry_after_a_timeout(loopback: LoopbackServer):
    url = loopback.route("/shaky", [Route(delay=5.0), Route(status=503), Route(body=PAGE)])
    config = FetchConfig(read_timeout=0.2, retries=3)
    result = await fetch(url, config, sleep=RecordingSleep())
    assert result.text == PAGE.decode()
    assert loopback.hits("/shaky") == 3


async def test_waiting_for_a_slot_does_not_count_against_the_deadline(loopback: LoopbackServer):
    urls = [loopback.route(f"/q{i}", body=PAGE, delay=0.3) for i in range(4)]
    config = FetchConfig(max_per_host=1, deadline=1.0, retries=0)
    async with Fetcher(config) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    assert [r.text for r in results] == [PAGE.decode()] * 4
    assert loopback.peak() == 1  # one after another: the last waited longer than the deadline


async def test_no_slot_is_held_while_waiting_to_retry(loopback: LoopbackServer):
    flaky = loopback.route("/flaky", [Route(status=503), Route(body=PAGE)])
    other = loopback.route("/other", body=PAGE)
    fetched_while_waiting: list[str | None] = []

    async def sleep(seconds: float) -> None:
        # With one slot in all, this fetch can only run if the waiting request let it go.
        result = await asyncio.wait_for(fetcher.fetch(other), timeout=2.0)
        fetched_while_waiting.append(result.text)

    config = FetchConfig(max_per_host=1, max_connections=1, retries=1)
    async with Fetcher(config, sleep=sleep) as fetcher:
        result = await fetcher.fetch(flaky)
    assert result.text == PAGE.decode()
    assert fetched_while_waiting == [PAGE.decode()]


# -- URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/live", "file:///etc/passwd", "javascript:alert(1)", "example.org/live", ""],
)
async def test_non_http_urls_are_rejected_before_any_io(url: str):
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request should be made")

    error = await fetch_error(url, transport=httpx.MockTransport(handler))
    assert error.reason == "not an http(s) URL"


@pytest.mark.parametrize("url", ["http://[::1/live", "http://", "https:///path"])
async def test_malformed_urls_are_rejected(url: str):
    error = await fetch_error(url)
    assert error.reason.startswith("not a valid URL")


# -- concurrency -----------------------------------------------------------------------------


async def test_per_host_limit(loopback: LoopbackServer):
    for i in range(6):
        loopback.route(f"/p{i}", body=PAGE, delay=0.1)
    config = FetchConfig(max_per_host=2, max_connections=8, retries=0)
    async with Fetcher(config) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(loopback.url(f"/p{i}")) for i in range(6)))
    assert all(r.text == PAGE.decode() for r in results)
    assert loopback.peak() == 2  # concurrent, but never more than two at once


async def test_global_limit_across_hosts(loopback: LoopbackServer):
    # 127.0.0.1 and localhost are two hosts to the fetcher and one server here.
    try:
        socket.getaddrinfo("localhost", loopback.port, socket.AF_INET)
    except OSError:  # pragma: no cover
        pytest.skip("localhost does not resolve here")
    loopback.route("/p", body=PAGE, delay=0.15)
    urls = [f"http://{host}:{loopback.port}/p" for host in ("127.0.0.1", "localhost")] * 3
    config = FetchConfig(max_per_host=2, max_connections=3, retries=0)
    async with Fetcher(config) as fetcher:
        await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    assert loopback.peak() == 3
    assert loopback.peak(f"127.0.0.1:{loopback.port}") <= 2
    assert loopback.peak(f"localhost:{loopback.port}") <= 2


async def test_one_client_is_shared_and_connections_are_reused(loopback: LoopbackServer):
    url = loopback.route("/live", body=PAGE)
    async with Fetcher(FAST) as fetcher:
        for _ in range(3):
            await fetcher.fetch(url)
    assert loopback.hits("/live") == 3
    assert len({r.peer for r in loopback.requests}) == 1  # one keep-alive connection for all


async def test_a_stalled_host_does_not_hold_back_other_hosts(loopback: LoopbackServer):
    config = FetchConfig(
        max_per_host=2, max_connections=3, read_timeout=5.0, deadline=1.5, retries=0
    )
    with LoopbackServer() as stalled_host:
        stalled_urls = [stalled_host.route(f"/s{i}", DRIP_FOREVER) for i in range(2)]
        good_urls = [loopback.route(f"/g{i}", body=PAGE) for i in range(6)]
        async with Fetcher(config) as fetcher:
            # Started first, the stalled fetches take every slot their host may have.
            stalled = [asyncio.create_task(fetcher.fetch(url)) for url in stalled_urls]
            good = await asyncio.wait_for(
                asyncio.gather(*(fetcher.fetch(url) for url in good_urls)), timeout=15.0
            )
            assert not any(task.done() for task in stalled)
            errors = await asyncio.wait_for(
                asyncio.gather(*stalled, return_exceptions=True), timeout=15.0
            )
    assert [r.text for r in good] == [PAGE.decode()] * 6
    assert stalled_host.peak() == 2
    assert all(isinstance(e, FetchError) and "too slowly" in e.reason for e in errors)


async def test_one_stalled_page_does_not_starve_its_host(loopback: LoopbackServer):
    config = FetchConfig(max_per_host=2, read_timeout=5.0, deadline=1.5, retries=0)
    stalled_url = loopback.route("/stalled", DRIP_FOREVER)
    good_urls = [loopback.route(f"/g{i}", body=PAGE, delay=0.05) for i in range(6)]
    async with Fetcher(config) as fetcher:
        stalled = asyncio.create_task(fetcher.fetch(stalled_url))
        good = await asyncio.wait_for(
            asyncio.gather(*(fetcher.fetch(url) for url in good_urls)), timeout=15.0
        )
        assert not stalled.done()
        with pytest.raises(FetchError, match="too slowly"):
            await asyncio.wait_for(stalled, timeout=15.0)
    assert [r.text for r in good] == [PAGE.decode()] * 6
    assert loopback.peak() == 2  # the stalled page and, one after another, the good ones


# -- unit tests with MockTransport -----------------------------------------------------------


def streamed(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    """A response whose body is still to be read, as one from the network is."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


def mock(*responses: httpx.Response | Exception) -> httpx.MockTransport:
    """A transport answering with `responses` in order, the last repeating."""
    seq = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        item = seq.pop(0) if len(seq) > 1 else seq[0]
        if isinstance(item, Exception):
            raise item
        return item

    return httpx.MockTransport(handler)


async def test_backoff_doubles_and_is_capped():
    sleep = RecordingSleep()
    config = FetchConfig(retries=5, backoff=1.0, max_retry_after=10.0)
    error = await fetch_error(
        "http://example.test/", config, transport=mock(httpx.Response(503)), sleep=sleep
    )
    assert error.reason == "HTTP 503 (after 6 attempts)"
    assert sleep.waits == [1.0, 2.0, 4.0, 8.0, 10.0]


async def test_retry_after_http_date():
    sleep = RecordingSleep()
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    transport = mock(httpx.Response(429, headers={"Retry-After": when}), streamed(200))
    await fetch("http://example.test/", FetchConfig(retries=1), transport=transport, sleep=sleep)
    (wait,) = sleep.waits
    assert 27 <= wait <= 30


async def test_unparseable_retry_after_falls_back_to_backoff():
    sleep = RecordingSleep()
    transport = mock(httpx.Response(429, headers={"Retry-After": "soon"}), streamed(200))
    await fetch("http://example.test/", FetchConfig(retries=1), transport=transport, sleep=sleep)
    assert sleep.waits == [0.5]


async def test_connect_timeout_reason():
    error = await fetch_error(
        "http://example.test/",
        FetchConfig(retries=0),
        transport=mock(httpx.ConnectTimeout("timed out")),
    )
    assert error.reason == "could not connect: timed out after 10 s"


async def test_dns_failure_is_name_not_found_and_not_retried():
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        try:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc)) from exc

    calls: list[httpx.Request] = []
    error = await fetch_error(
        "http://no-such-host.test/",
        FetchConfig(retries=3),
        transport=httpx.MockTransport(handler),
        sleep=RecordingSleep(),
    )
    assert error.reason == "name not found"
    assert len(calls) == 1


@pytest.mark.parametrize("validator", ["caf\u00e9-v1", "bad\nvalue"])
async def test_odd_validators_never_crash(validator: str):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return streamed(200, b"ok")

    transport = httpx.MockTransport(handler)
    result = await fetch(
        "http://example.test/", validators=Validators(validator), transport=transport
    )
    assert result.text == "ok"
    sent = seen[0].headers.get("If-None-Match")
    assert sent in (None, validator)


async def test_other_3xx_is_an_error():
    error = await fetch_error("http://example.test/", transport=mock(httpx.Response(300)))
    assert error.reason == "HTTP 300"
    assert error.status == 300


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
