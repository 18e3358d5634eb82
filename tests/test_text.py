"""Text hygiene: control characters, escape sequences and invisible format characters."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from liveread.text import html_spaces, plain, scrub, squash

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u2060\ufeff\u00ad\u2061\u206a\ufff9\U000e0001\U000e0041"
KEPT_FORMAT = {*range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}
"""Format characters that show (Arabic number signs and the like): left in text."""
JOINERS = {0x180E, 0x200C, 0x200D}


def _short_and_long(text: str) -> list[str]:
    """`text`, and `text` in a long run of ASCII (scrub takes another path for long text)."""
    return [text, "x" * 200 + text + "y" * 200]


@pytest.mark.parametrize("char", list(BIDI + INVISIBLE))
@pytest.mark.parametrize("clean", [scrub, squash, html_spaces, plain])
def test_bidi_and_invisible_characters_are_removed(char: str, clean):
    for text in _short_and_long(f"evil{char}gnp.exe"):
        assert clean(text) == text.replace(char, "")


def test_escapes_and_controls_go_and_the_words_stay():
    assert scrub("Red \x1b[31malert\x1b[0m\x07 \x1b]0;title\x07raised\x85") == "Red alert  raised "
    assert scrub("line\u2028next\u2029para") == "line\nnext\npara"


def test_joiners_stay_inside_words_and_go_elsewhere():
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ between letters
    assert scrub(persian) == persian
    devanagari = "\u0915\u094d\u200d\u0937"  # ZWJ after a virama: a mark, then a letter
    assert scrub(devanagari) == devanagari
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert scrub(family) == "\U0001f468\U0001f469\U0001f467"
    rainbow = "\U0001f3f3\ufe0f\u200d\U0001f308"
    assert scrub(rainbow) == "\U0001f3f3\ufe0f\U0001f308"
    assert scrub("\u200dword\u200c") == "word"


def test_flag_tag_sequences_stay_and_stray_tags_go():
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    assert scrub(f"Go {england}!") == f"Go {england}!"
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore this")
    assert scrub(f"visible{hidden} text") == "visible text"


def test_every_format_character_is_removed_or_chosen_to_stay():
    """A new Unicode version's format characters need a decision here."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) != "Cf" or code in JOINERS:
            continue
        kept = scrub(f"a{char}b") == f"a{char}b"
        assert kept == (code in KEPT_FORMAT), hex(code)


def test_line_breaks_and_no_break_spaces_stay_beside_what_scrub_changes():
    """Text that is not printable for its line breaks and no-break spaces alone is returned
    as it is; one character more that scrub changes is still found among them."""
    text = "Zeile eins\nZeile\xa0zwei\n"
    assert scrub(text) == text
    assert scrub(f"{text}\tdrei\u200b") == f"{text} drei"
    assert scrub(f"\xa0{text}\x1b[31mrot") == f"\xa0{text}rot"


def test_what_scrub_changes_is_never_printable():
    """The fast paths (`isprintable()` text is returned as it is) rely on this."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        if scrub(f"a{char}b") != f"a{char}b":
            assert not char.isprintable(), hex(code)


def test_squash_is_scrub_then_one_space_between_words():
    """`squash` collapses spaces before it scrubs when that leaves printable text: the result
    is the same for every character that is a space or that scrub changes, around breaks and
    indents (the path it takes) and beside an escape sequence (the one it falls back to)."""
    codes = [
        code
        for code in [*range(0x30000), *range(0xE0000, 0xE0100)]
        if not 0xD800 <= code <= 0xDFFF
        and not chr(code).isprintable()
        and unicodedata.category(chr(code)) not in ("Cn", "Co")  # unassigned, private: kept
    ]
    assert len(codes) > 200
    for code in [*codes, 0xE000, 0x378]:
        char = chr(code)
        for text in (f"\n  a{char}b\t c {char}\n", f" a\u200d{char}b \x1b[1mc{char}"):
            assert squash(text) == " ".join(scrub(text).split()), hex(code)
