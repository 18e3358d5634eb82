"""Undoing a page's Content-Encoding (gzip, deflate, stacked) a bounded step at a time.

httpx's decoders inflate a whole network chunk at once, so a few kilobytes sent as
`gzip, gzip` can become gigabytes before anyone counts them. Here no decompression step yields
more than `STEP` bytes, and every stage of the decoding, from the bytes on the wire to the page,
is counted against one cap, so a body is refused as soon as any stage grows past it.

This module knows nothing of HTTP clients: it turns raw body chunks into page bytes.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Sequence

__all__ = [
    "ACCEPT_ENCODING",
    "GZIP_MAGIC",
    "MAX_CODINGS",
    "BodyTooLarge",
    "CodingError",
    "Decoder",
    "content_codings",
]

ACCEPT_ENCODING = "gzip, deflate"  # identity is always acceptable too (RFC 9110 12.5.3)
MAX_CODINGS = 4  # stacked encodings beyond this are refused: no real server sends them
STEP = 64 * 1024  # the most one decompression step may produce

_ALIASES = {"x-gzip": "gzip"}
_SUPPORTED = frozenset({"gzip", "deflate"})
GZIP_MAGIC = b"\x1f\x8b"
"""How a gzip stream starts (a saved `page.html.gz` too)."""
_TOKEN = re.compile(r"[a-z0-9!#$%&'*+.^_`|~-]{1,40}")


class CodingError(Exception):
    """A body liveread cannot decode; the message is one line a person understands."""


class BodyTooLarge(Exception):
    """A stage of the decoding passed the cap."""


def content_codings(headers: Iterable[str]) -> list[str]:
    """The codings named by Content-Encoding header values, in the order they were applied.

    Raises `CodingError` for a coding that cannot be undone, or for too many of them.
    """
    found: list[str] = []
    for value in headers:
        for token in value.split(","):
            name = token.strip().lower()
            name = _ALIASES.get(name, name)
            if name in ("", "identity"):
                continue
            if name not in _SUPPORTED:
                shown = name if _TOKEN.fullmatch(name) else "unknown"
                raise CodingError(f"the page is compressed in a way liveread cannot read ({shown})")
            found.append(name)
            if len(found) > MAX_CODINGS:
                raise CodingError(f"too many content encodings (more than {MAX_CODINGS})")
    return found


class Decoder:
    """Undoes `codings` (in the order they were applied) on a stream of raw body chunks.

    Every stage's total output, the raw bytes included, is held to `limit`: a compressed layer
    larger than the cap holds a page larger than the cap (short of a page within a fraction of a
    percent of the cap that did not compress at all).
    """

    def __init__(self, codings: Sequence[str], limit: int, step: int = STEP) -> None:
        self._layers = [_Layer(coding, step) for coding in reversed(codings)]
        self._limit = limit
        self._sizes = [0] * (len(self._layers) + 1)

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The page bytes in `raw`, in pieces of at most `step` bytes (raw itself when there is
        no coding). Raises `BodyTooLarge` or `CodingError` while iterating."""
        pieces = self._capped(0, (raw,))
        for stage, layer in enumerate(self._layers, start=1):
            pieces = self._capped(stage, layer.undo(pieces))
        return pieces

    def _capped(self, stage: int, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self._sizes[stage] += len(piece)
            if self._sizes[stage] > self._limit:
                raise BodyTooLarge
            yield piece


class _Layer:
    """One gzip or deflate coding undone. A gzip stream may hold several members (RFC 1952);
    bytes after the end of the stream that do not start another member are ignored."""

    def __init__(self, coding: str, step: int) -> None:
        self._coding = coding
        self._step = step
        self._inflater: zlib._Decompress | None = None
        self._held = b""  # the first bytes of a stream, until there are enough to read its kind
        self._streams = 0  # streams (gzip members) finished
        self._ended = False

    def undo(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            yield from self._inflate(piece)

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        while not self._ended:
            if self._inflater is None:
                data = self._held + data
                if len(data) < 2:
                    self._held = data
                    return
                self._held = b""
                wbits = self._wbits(data)
                if wbits is None:
                    self._ended = True
                    return
                self._inflater = zlib.decompressobj(wbits)
            try:
                out = self._inflater.decompress(data, self._step)
            except zlib.error:
                raise CodingError("could not decompress the page") from None
            if out:
                yield out
            if self._inflater.eof:
                data = self._inflater.unused_data
                self._inflater = None
                self._streams += 1
                if not data:
                    return
                continue
            data = self._inflater.unconsumed_tail
            # A full step may leave output pending inside zlib even with no input left.
            if not data and len(out) < self._step:
                return

    def _wbits(self, start: bytes) -> int | None:
        """zlib's window setting for a stream starting with `start`; None: not another stream."""
        if self._coding == "gzip":
            if self._streams and not start.startswith(GZIP_MAGIC):
                return None
            return 16 + zlib.MAX_WBITS
        if self._streams:
            return None
        # HTTP's "deflate" is zlib-wrapped, but some servers send raw deflate: tell them apart
        # by the zlib header (compression method 8, header checksum a multiple of 31).
        if start[0] & 0x0F == 8 and (start[0] << 8 | start[1]) % 31 == 0:
            return zlib.MAX_WBITS
        return -zlib.MAX_WBITS
