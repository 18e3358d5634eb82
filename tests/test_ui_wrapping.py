"""Web addresses in the reader break after `/`, `?`, `&`, `=`, `#` or `-`, not in the middle
of a word, while ordinary text wraps as Rich wraps it."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from liveread.ui.wrapping import BREAK_AFTER, Wrapped, break_offsets

URL = "https://example.org/live/harbour-marathon?page=2&filter=key#post-hbm-0018"


def lines(text: str | Text, width: int) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as captured:
        console.print(Wrapped(Text(text) if isinstance(text, str) else text))
    return captured.get().rstrip("\n").split("\n")


@pytest.mark.parametrize("width", [12, 20, 30, 46])
def test_an_address_breaks_only_after_its_break_characters(width: int) -> None:
    shown = lines(URL, width)
    assert "".join(shown) == URL  # nothing lost, nothing added
    assert all(len(line) <= width for line in shown)
    assert all(line[-1] in BREAK_AFTER for line in shown[:-1])


def test_each_line_takes_as_much_of_the_address_as_fits() -> None:
    assert lines(URL, 30) == [
        "https://example.org/live/",
        "harbour-marathon?page=2&",
        "filter=key#post-hbm-0018",
    ]


def test_an_address_in_a_sentence_starts_on_the_line_it_is_written_on() -> None:
    assert lines(f"Read more at {URL} today.", 30) == [
        "Read more at https://",
        "example.org/live/harbour-",
        "marathon?page=2&filter=key#",
        "post-hbm-0018 today.",
    ]


def test_text_without_long_words_wraps_as_before() -> None:
    sentence = "The elite fields stream away under the lantern arch – see the full course map."
    console = Console(width=30, color_system=None)
    with console.capture() as captured:
        console.print(Text(sentence))
    assert lines(sentence, 30) == captured.get().rstrip("\n").split("\n")


def test_a_stretch_without_breaks_is_cut_at_the_width() -> None:
    assert lines("https://example.org/abcdefghijklmnopqrstuvwxyz", 16) == [
        "https://",
        "example.org/",
        "abcdefghijklmnop",
        "qrstuvwxyz",
    ]


def test_line_breaks_in_the_text_are_kept() -> None:
    assert lines(f"↗ video\n  {URL}", 40) == [
        "↗ video",
        "  https://example.org/live/harbour-",
        "marathon?page=2&filter=key#post-hbm-0018",
    ]


def test_the_link_style_goes_with_every_line() -> None:
    text = Text(URL, Style(link=URL, underline=True))
    console = Console(width=30, color_system=None)
    segments = list(console.render(Wrapped(text)))
    linked = [s.text for s in segments if s.style and s.style.link == URL]
    assert "".join(linked) == URL
    assert [s.text for s in segments].count("\n") == 3  # on three lines


def test_wide_characters_count_as_two_cells() -> None:
    assert break_offsets("東京-東京東京", 8) == [3]  # 5 cells, then 8
