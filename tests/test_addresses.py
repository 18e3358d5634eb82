"""`safe_address`: the one rule for which addresses leave liveread."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liveread.addresses import MAX_ADDRESS, feed_address, safe_address

PAGE = "https://www.example.co.uk/news/live/story?page=2#top"
SAFE = re.compile(r"https?://[a-z0-9._\[\]:-]+(?:[/?#][!#-;=?-\[\]_a-z~]*)?", re.I)
"""An absolute http(s) address of printable ASCII with nothing that needs encoding."""


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "mailto:desk@example.com",
        "ftp://example.org/file",
        "https:/Fwww.example.com/x",
        "https:www.example.com",
        "http:",
        "https://",
        "https:///path",
        "https://user:secret@example.org/",
        "https://www.bbc.co.uk@evil.example/",
        "https://exa mple.org/",
        "https://ex\u202eample.org/",
        "https://example.org:99999/",
        "https://example.org:8o/",
        "https://example..org/",
        "https://[::1/",
        "https://[not-an-ip]/",
        "https://exa%6Dple.org/",
        "",
        "   ",
    ],
)
def test_refused(href: str):
    assert safe_address(href, PAGE) is None


@pytest.mark.parametrize(
    ("href", "address"),
    [
        ("https://example.org/a?b=1&c=2#d", "https://example.org/a?b=1&c=2#d"),
        ("HTTPS://Example.ORG/Path", "https://example.org/Path"),
        ("  https://example.org/a  ", "https://example.org/a"),
        ("https://exam\tple.org/a\nb", "https://example.org/ab"),
        ("/other", "https://www.example.co.uk/other"),
        ("next?page=3", "https://www.example.co.uk/news/live/next?page=3"),
        ("../sport", "https://www.example.co.uk/news/sport"),
        ("#post-1", "https://www.example.co.uk/news/live/story?page=2#post-1"),
        ("//cdn.example.net/i.jpg", "https://cdn.example.net/i.jpg"),
        # Backslashes before the query are slashes to a browser; one after is encoded.
        ("https:\\\\evil.example\\x?q=a\\b", "https://evil.example/x?q=a%5Cb"),
        ("\\\\evil.example/x", "https://evil.example/x"),
        ("https://example.org/a b\x1b[31m", "https://example.org/a%20b%1B[31m"),
        ('https://example.org/"<x>`^{|}', "https://example.org/%22%3Cx%3E%60%5E%7B%7C%7D"),
        ("https://example.org/a\u202eb\u200f", "https://example.org/a%E2%80%AEb%E2%80%8F"),
        ("https://example.org/caf\u00e9", "https://example.org/caf%C3%A9"),
        ("https://M\u00fcnchen.example/", "https://xn--mnchen-3ya.example/"),
        ("https://\u0430pple.example/", "https://xn--pple-43d.example/"),  # Cyrillic а
        ("https://example.org:0443/x", "https://example.org:443/x"),
        ("https://example.org:/x", "https://example.org/x"),
        ("http://127.0.0.1:8080/live", "http://127.0.0.1:8080/live"),
        ("http://[0:0::1]:8080/", "http://[::1]:8080/"),
        ("https://example.org./a", "https://example.org./a"),
    ],
)
def test_kept(href: str, address: str):
    assert safe_address(href, PAGE) == address


def test_relative_addresses_need_a_web_page_to_resolve_against():
    assert safe_address("/x") is None
    assert safe_address("/x", "file:///home/me/page.html") is None
    assert safe_address("//cdn.example.net/x", "file:///home/me/page.html") is None
    assert safe_address("/x", "https://[::1") is None


def test_over_long_addresses_are_refused():
    path = "/" + "a" * (MAX_ADDRESS - len("https://example.org/"))
    assert safe_address(f"https://example.org{path}") == f"https://example.org{path}"
    assert safe_address(f"https://example.org{path}b") is None
    # Encoding can make a short address too long.
    assert safe_address("https://example.org/" + "\u00e9" * (MAX_ADDRESS // 4)) is None


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(
    href=st.one_of(
        st.text(),
        st.from_regex(r"\A(?:https?|HTTP|java script|data|file)?:?/{0,3}.{0,30}\Z"),
        st.builds(lambda s: f"https://example.org/{s}", st.text()),
    ),
    base=st.sampled_from([PAGE, "", "file:///tmp/page.html", "http://127.0.0.1:9/x"]),
)
def test_any_address_kept_is_safe_and_stays_as_it_is(href: str, base: str):
    address = safe_address(href, base)
    if address is None:
        return
    assert SAFE.fullmatch(address), address
    assert len(address) <= MAX_ADDRESS
    assert safe_address(address) == address  # checked again, the same
    assert safe_address(address, base) == address


@pytest.mark.parametrize(
    ("given", "known_as"),
    [
        ("https://example.com/live#block-1", "https://example.com/live"),
        ("HTTPS://Example.COM:443/live?x=1#top", "https://example.com/live?x=1"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/live#", "http://example.com:8080/live"),
        ("  https://example.com/live  ", "https://example.com/live"),
        ("javascript:alert(1)", None),
        ("https:/Fwww.example.com/x", None),
    ],
)
def test_feed_address_is_one_form_for_one_page(given: str, known_as: str | None):
    assert feed_address(given) == known_as
