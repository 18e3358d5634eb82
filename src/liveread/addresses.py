"""The one rule for which web addresses leave liveread: stored, shown, opened or exported.

`safe_address(url, base)` gives an address only when it is an absolute http(s) URL with a
host, written so that nothing in it can act on a terminal, a Markdown or HTML file, or a
reader's eye; else None, and the caller drops it (a link keeps its words, loses its target).

- Leading and trailing spaces and C0 controls are trimmed and tabs and line breaks inside
  are removed, as browsers do: `java\\nscript:` is `javascript:`, so refused.
- A relative address (`/x`, `x`, `../x`, `//host/x`) is resolved against `base`, the page's
  address; with no http(s) base it is refused. An address that names its own scheme is never
  resolved: `https:/Fwww.example.com/x` and `http:` have no host of their own, so are refused.
- Only `http` and `https` are accepted (lowercased); `javascript:`, `data:`, `file:`,
  `mailto:` and every other scheme are refused.
- A backslash before the query is a slash, as browsers read one in an http(s) address
  (`https:\\\\evil.example` goes to evil.example, so it says so); one later is `%5C`.
- User info is refused: no live blog links with a password, and
  `https://bbc.co.uk@evil.example/` only exists to be misread.
- The host is a DNS name of letters, digits, `-` and `_` (lowercased), an IPv4 address or a
  bracketed IPv6 address, with an optional port up to 65535. An international (IDN) host is
  written in its ASCII form (`xn--…`, after NFKC and lowercasing, close to what browsers
  do), so a look-alike host reads as what it is.
- In the path, query and fragment, spaces, control characters, every non-ASCII character
  (bidi and invisible ones among them) and the ASCII characters RFC 3986 never allows raw
  (`"<>\\^`{|}`) are percent-encoded as UTF-8, as a browser sends them: the result is plain
  printable ASCII. Nothing else is changed, so an address given twice comes back the same.
- Addresses longer than `MAX_ADDRESS` characters, before or after that, are refused.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

__all__ = ["MAX_ADDRESS", "encode_unsafe", "feed_address", "safe_address"]

MAX_ADDRESS = 4096
"""The longest address kept: far above any real link, well below junk that fills a screen."""

_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_HTTP = re.compile(r"(?P<scheme>[hH][tT][tT][pP][sS]?)://(?P<authority>[^/?#]*)(?P<rest>.*)", re.S)
"""An http(s) address with an authority; `rest` (path, query, fragment) starts with `/`, `?`,
`#`, or is empty."""
_PLAIN = re.compile(r"https?://([a-z0-9._-]+(?::[0-9]{1,5})?)(?:[/?#][!#-;=?-\[\]_a-z~]*)?")
"""An absolute http(s) address of printable ASCII that needs no percent-encoding."""
_UNSAFE = re.compile(r"[^!#-;=?-\[\]_a-z~]+")
"""Anything but the printable ASCII an address may hold raw (all but space and `"<>\\^`{|}`)."""
_ROOTED = re.compile(r"/(?!/)[!#-;=?-\[\]_a-z~]*")
"""A clean path from the root of the page's host: appended to the page's origin as it is."""
_LABEL = re.compile(r"[a-z0-9_-]{1,63}")


def safe_address(url: str | None, base: str | None = None) -> str | None:
    """`url` (resolved against `base`) made safe to keep, show and open, or None when it is
    not an absolute http(s) address with a host: see the module's docstring for the rule."""
    if not url or len(url) > MAX_ADDRESS:
        return None
    plain = _PLAIN.fullmatch(url)
    if plain is not None and _authority(plain[1]) == plain[1]:
        return url  # the usual link, already as the general path below would write it
    text = _trimmed(url)
    match = _HTTP.match(text)
    if match is None:
        if not text or not base or _SCHEME.match(text):
            return None
        resolved = _resolved(text, base)
        match = _HTTP.match(resolved) if resolved is not None else None
        if match is None:
            return None
    authority = _authority(match["authority"])
    if authority is None:
        return None
    address = f"{match['scheme'].lower()}://{authority}{encode_unsafe(match['rest'])}"
    return address if len(address) <= MAX_ADDRESS else None


def encode_unsafe(text: str) -> str:
    """`text` with every character an address cannot hold raw percent-encoded as UTF-8."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_percent, text)


def _percent(match: re.Match[str]) -> str:
    # A lone surrogate (from lenient JSON) cannot be UTF-8: its bytes as Python holds them.
    return "".join(f"%{byte:02X}" for byte in match[0].encode("utf-8", "surrogatepass"))


def _trimmed(url: str) -> str:
    """`url` as a browser reads an href: ends trimmed, tabs and line breaks dropped, and a
    backslash before the query a slash."""
    text = url.strip(_C0_OR_SPACE)
    if "\t" in text or "\n" in text or "\r" in text:
        text = _TAB_OR_NEWLINE.sub("", text)
    if "\\" in text:
        cut = min((at for at in (text.find("?"), text.find("#")) if at >= 0), default=len(text))
        text = text[:cut].replace("\\", "/") + text[cut:]
    return text


def _resolved(href: str, base: str) -> str | None:
    """A relative `href` resolved against `base`, or None when that fails."""
    if href[0] == "/" and _ROOTED.fullmatch(href) and "/." not in href:
        origin = _origin(base)
        if origin is not None:
            return origin + href  # the usual link, with no dot segments to resolve
    try:
        return urljoin(base, href)
    except ValueError:  # a base or an href with a host `urlsplit` cannot read
        return None


@lru_cache(maxsize=64)
def _origin(base: str) -> str | None:
    """`scheme://host` of an http(s) `base`, as addresses from its root begin."""
    match = _HTTP.match(base)
    if match is None or (authority := _authority(match["authority"])) is None:
        return None
    return f"{match['scheme'].lower()}://{authority}"


@lru_cache(maxsize=1024)
def _authority(authority: str) -> str | None:
    """`host[:port]` made canonical, or None if it is no host (or carries user info)."""
    if "@" in authority or "%" in authority:
        return None
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            return None
        try:
            host = f"[{ipaddress.IPv6Address(authority[1:end]).compressed}]"
        except ValueError:
            return None
        port = authority[end + 1 :]
        if port and port[0] != ":":
            return None
        port = port[1:]
    else:
        name, _, port = authority.partition(":")
        found = _host_name(name)
        if found is None:
            return None
        host = found
    if not port:
        return host
    if not (port.isascii() and port.isdigit()) or len(port) > 5 or int(port) > 65535:
        return None
    return f"{host}:{int(port)}"


def _host_name(host: str) -> str | None:
    """A DNS name (or IPv4 address) lowercased, international labels in ASCII form."""
    if not host.isascii():
        host = unicodedata.normalize("NFKC", host)
    host = host.lower()
    rooted = host.endswith(".")
    labels = []
    for label in (host[:-1] if rooted else host).split("."):
        if not label.isascii():
            if not all(c == "-" or unicodedata.category(c)[0] in "LMN" for c in label):
                return None  # symbols, spaces, bidi and invisible characters name no host
            label = "xn--" + label.encode("punycode").decode("ascii")
        if not _LABEL.fullmatch(label):
            return None
        labels.append(label)
    name = ".".join(labels) + ("." if rooted else "")
    return name if len(name) <= 254 else None


def feed_address(url: str | None, base: str | None = None) -> str | None:
    """The form of an address a followed blog is known by: `safe_address`'s, without its
    fragment (a place on the page, not another page) or a default port, and with a path, so
    one page written several ways is one address."""
    address = safe_address(url, base)
    if address is None:
        return None
    scheme, authority, path, query, _ = urlsplit(address)
    default_port = {"http": ":80", "https": ":443"}[scheme]
    if authority.endswith(default_port):
        authority = authority[: -len(default_port)]
    return urlunsplit((scheme, authority, path or "/", query, ""))
