"""A page as saved to a file, read into the page's bytes and the web address it was saved
from: plain HTML, gzip-compressed (`page.html.gz`, as test corpora keep pages), or a
browser's single-file save (`.mhtml`, "Webpage, Single File")."""

from __future__ import annotations

from liveread.inflate import GZIP_MAGIC


class SavedPageError(Exception):
    """A saved file liveread cannot read; the message is one line a person understands."""


def read_saved_page(data: bytes, name: str) -> tuple[bytes, str | None]:
    """The page in the saved file `data` (named `name` in messages) and the address it was
    saved from, when the file records one."""
    if data.startswith(GZIP_MAGIC):
        data = _inflated(data, name)
    return _single_file_page(data) or (data, None)


def _inflated(data: bytes, name: str) -> bytes:
    """`data` inflated, up to the size of page liveread fetches."""
    from liveread.fetch import FetchConfig
    from liveread.inflate import BodyTooLarge, CodingError, Decoder

    limit = FetchConfig().max_bytes
    try:
        return b"".join(Decoder(["gzip"], limit).feed(data))
    except BodyTooLarge:
        raise SavedPageError(f"{name} inflates to more than {limit // 2**20} MB") from None
    except CodingError as error:
        raise SavedPageError(f"{name}: {error}") from None


def _single_file_page(data: bytes) -> tuple[bytes, str | None] | None:
    """The page a browser's single-file save holds, and the web address it was saved from;
    None if `data` is no such file."""
    head = data[:2048].lower()
    if b"mime-version:" not in head or b"multipart/related" not in head:
        return None
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            page = part.get_payload(decode=True)
            address = str(part.get("Content-Location") or "").strip()
            return (
                page if isinstance(page, bytes) else b"",
                address if address.startswith(("http://", "https://")) else None,
            )
    return None
