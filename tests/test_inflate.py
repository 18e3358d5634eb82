"""Content decoding on its own: bounded steps, every stage capped, any chunking gives the same."""

from __future__ import annotations

import gzip
import zlib

import pytest

from liveread.inflate import BodyTooLarge, CodingError, Decoder, content_codings

PAGE = b"<!doctype html><title>Live</title>" + b"<p>post</p>" * 200
EMPTY_STORED_BLOCK = b"\x00\x00\x00\xff\xff"  # raw deflate: a block that holds nothing
LAST_EMPTY_BLOCK = b"\x03\x00"


def deflate(data: bytes, wbits: int = zlib.MAX_WBITS) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


def decode(codings: list[str], chunks: list[bytes], limit: int = 10**9, step: int = 1024) -> bytes:
    decoder = Decoder(codings, limit, step)
    return b"".join(piece for chunk in chunks for piece in decoder.feed(chunk))


def one_byte_at_a_time(data: bytes) -> list[bytes]:
    return [data[i : i + 1] for i in range(len(data))]


ENCODED = [
    pytest.param([], PAGE, id="identity"),
    pytest.param(["gzip"], gzip.compress(PAGE), id="gzip"),
    pytest.param(["deflate"], deflate(PAGE), id="deflate"),
    pytest.param(["deflate"], deflate(PAGE, -zlib.MAX_WBITS), id="raw-deflate"),
    pytest.param(["gzip", "gzip"], gzip.compress(gzip.compress(PAGE)), id="gzip-gzip"),
    pytest.param(["deflate", "gzip"], gzip.compress(deflate(PAGE)), id="deflate-gzip"),
    pytest.param(["gzip"], gzip.compress(PAGE[:99]) + gzip.compress(PAGE[99:]), id="members"),
]


@pytest.mark.parametrize(("codings", "body"), ENCODED)
def test_whole_or_a_byte_at_a_time_decodes_the_same(codings: list[str], body: bytes):
    assert decode(codings, [body]) == PAGE
    assert decode(codings, one_byte_at_a_time(body)) == PAGE


def test_no_piece_is_larger_than_a_step():
    page = bytes(4 * 1024 * 1024)
    body = gzip.compress(gzip.compress(page))
    decoder = Decoder(["gzip", "gzip"], limit=len(page), step=4096)
    pieces = list(decoder.feed(body))
    assert max(map(len, pieces)) == 4096
    assert b"".join(pieces) == page


def test_the_page_is_refused_as_soon_as_it_passes_the_cap():
    pieces = Decoder(["gzip"], limit=100_000, step=1024).feed(gzip.compress(bytes(10_000_000)))
    sizes: list[int] = []
    with pytest.raises(BodyTooLarge):
        sizes.extend(map(len, pieces))  # keeps what came before the error
    assert 99_000 < sum(sizes) <= 100_000


def test_an_uncompressed_body_is_capped_too():
    decoder = Decoder([], limit=10)
    assert list(decoder.feed(b"x" * 10)) == [b"x" * 10]
    with pytest.raises(BodyTooLarge):
        list(decoder.feed(b"x"))


def test_a_layer_larger_than_the_cap_is_refused_even_when_it_holds_nothing():
    """Millions of empty deflate blocks decode to nothing, but not for free."""
    inner = EMPTY_STORED_BLOCK * 400_000 + LAST_EMPTY_BLOCK  # 2 MB that hold no byte
    assert decode(["deflate"], [inner]) == b""
    with pytest.raises(BodyTooLarge):
        decode(["deflate", "gzip"], [gzip.compress(inner)], limit=1024 * 1024)


def test_bytes_after_the_stream_are_ignored():
    assert decode(["gzip"], [gzip.compress(PAGE) + b"\x00\x00junk"]) == PAGE
    assert decode(["deflate"], [deflate(PAGE) + gzip.compress(b"more")]) == PAGE


def test_corrupt_data_is_a_coding_error():
    body = bytearray(gzip.compress(PAGE))
    body[20] ^= 0xFF
    with pytest.raises(CodingError, match="could not decompress the page"):
        decode(["gzip"], [bytes(body)])


def test_codings_are_listed_in_the_order_applied():
    assert content_codings(["deflate, GZIP", "x-gzip"]) == ["deflate", "gzip", "gzip"]
    assert content_codings(["identity", ""]) == []
    assert content_codings([]) == []


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("br", "the page is compressed in a way liveread cannot read (br)"),
        ("gzip, zstd", "the page is compressed in a way liveread cannot read (zstd)"),
        ("\x1b[31mred", "the page is compressed in a way liveread cannot read (unknown)"),
        ("gzip," * 5, "too many content encodings (more than 4)"),
    ],
)
def test_codings_that_cannot_be_undone(header: str, reason: str):
    with pytest.raises(CodingError) as info:
        content_codings([header])
    assert str(info.value) == reason
