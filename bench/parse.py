"""Parse speed on the real fixture pages, as ratios measured in one run.

For each page: the full liveread parse + clean, against a bare Lexbor parse of the same bytes
and against `trafilatura.extract` (what a user would otherwise reach for). Ratios, not
seconds, are the result: these machines are shared and noisy.

    uv run --group bench python bench/parse.py [--rounds N]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import statistics
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from liveread.parse import NotALiveBlog, parse
from timing import best_of

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"


M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
STEADY_MMAP_THRESHOLD = 32 * 1024 * 1024
"""glibc's largest automatic mmap threshold on 64-bit systems."""


def pin_allocator() -> str:
    """Fix glibc's mmap threshold at the value a long-running reader settles on.

    glibc serves large blocks (a page's UTF-8 copy, Lexbor's buffers) from fresh mmap pages
    until the process frees one, and then raises its threshold. Fresh pages cost a page fault
    each, so a parse is up to twice as fast once the threshold has moved, and whether it has
    depends on what ran before (importing trafilatura moves it). Pinned, every page is timed
    in the state the app reaches after its first refresh."""
    libc_name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(libc_name)
        # Raising the threshold by itself also raises the trim threshold to twice as much.
        pinned = libc.mallopt(M_MMAP_THRESHOLD, STEADY_MMAP_THRESHOLD) == 1
        pinned = pinned and libc.mallopt(M_TRIM_THRESHOLD, 2 * STEADY_MMAP_THRESHOLD) == 1
    except (OSError, AttributeError):
        pinned = False
    return "pinned at 32 MB" if pinned else "not pinned (not glibc)"


def page_without_posts(size: int = 5_000_000) -> str:
    """An archive page of `size` characters that is no live blog: sections of paragraphs,
    links and dated related items, the kind of page every reader looks at and refuses."""
    words = [
        "the",
        "council",
        "said",
        "on",
        "tuesday",
        "that",
        "roads",
        "would",
        "reopen",
        "after",
        "repairs",
        "to",
        "the",
        "bridge",
        "were",
        "finished",
        "and",
        "that",
        "buses",
        "would",
        "run",
        "again",
    ]
    sections = []
    length = number = 0
    while length < size:
        number += 1
        paragraphs = "".join(
            "<p>" + " ".join(words[(number + k + n) % len(words)] for n in range(60)) + "</p>"
            for k in range(8)
        )
        section = (
            f'<div class="section"><h2>Section {number}</h2>{paragraphs}<ul><li>'
            f'<span class="date">{number % 28 + 1} May 2024</span> '
            f'<a href="/a{number}">Related {number}</a></li></ul></div>'
        )
        sections.append(section)
        length += len(section)
    body = "".join(sections)
    return f"<html><head><title>Archive</title></head><body><main>{body}</main></body></html>"


def refusal_time(rounds: int) -> tuple[float, float]:
    """Seconds to refuse a 5 MB page that holds no posts, and a bare Lexbor parse of it."""
    html = page_without_posts()

    def refuse() -> None:
        try:
            parse(html, "https://example.com/archive")
        except NotALiveBlog:
            return
        raise AssertionError("a page without posts was read as a live blog")

    full, bare = best_of(max(2, rounds // 5), refuse, partial(LexborHTMLParser, html))
    return full, bare


def trafilatura_extract() -> Callable[..., object] | None:
    """`trafilatura.extract`, or None when the bench group is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura.extract


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    allocator = pin_allocator()
    pages = sorted(FIXTURES.glob("*/*.html"))
    if not pages:
        print(f"no fixture pages under {FIXTURES}", file=sys.stderr)
        return 1
    extract = trafilatura_extract()
    if extract is None:
        print("trafilatura not installed: run with `uv run --group bench`", file=sys.stderr)

    print(f"malloc mmap threshold: {allocator}\n")
    print(f"{'page':<14}{'lexbor ms':>10}{'liveread ms':>13}{'x lexbor':>10}", end="")
    print(f"{'trafilatura ms':>16}{'x trafilatura':>15}")
    ratios, versus = [], []
    total_bare = total_full = 0.0
    for page in pages:
        data = page.read_bytes()
        text = data.decode("utf-8", errors="replace")
        url = "https://example.com/live"
        bare, full = best_of(
            args.rounds, partial(LexborHTMLParser, text), partial(parse, text, url)
        )
        ratios.append(full / bare)
        total_bare += bare
        total_full += full
        line = f"{page.parent.name:<14}{bare * 1e3:>10.1f}{full * 1e3:>13.1f}{full / bare:>10.2f}"
        if extract is not None:
            [other] = best_of(max(3, args.rounds // 3), partial(extract, text, url=url))
            versus.append(full / other)
            line += f"{other * 1e3:>16.1f}{full / other:>15.2f}"
        print(line)
    print(
        f"\ngeometric mean, liveread / bare Lexbor parse: {statistics.geometric_mean(ratios):.2f}x"
    )
    print(f"worst page, liveread / bare Lexbor parse:      {max(ratios):.2f}x")
    print(f"all pages, total liveread / total bare Lexbor:  {total_full / total_bare:.2f}x")
    if versus:
        print(
            f"geometric mean, liveread / trafilatura.extract: {statistics.geometric_mean(versus):.2f}x"
        )
    refused, bare = refusal_time(args.rounds)
    print(
        f"a 5 MB page without posts, refused in:        {refused:.2f} s"
        f" ({refused / bare:.1f}x a bare Lexbor parse of it)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
