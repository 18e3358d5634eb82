"""The word diff between two versions of a post's text."""

from __future__ import annotations

from liveread.diff import Change, Run, changed_words, marked, word_diff

PARAGRAPH = (
    "The Ministry said the Harbour Bridge would reopen to traffic at four, once the last "
    "runners have crossed and the barriers are cleared."
)


def test_a_one_word_correction_is_one_word_removed_and_one_added() -> None:
    runs = word_diff(PARAGRAPH, PARAGRAPH.replace("Ministry", "minister"))
    assert runs == [
        Run(Change.KEPT, "The "),
        Run(Change.REMOVED, "Ministry"),
        Run(Change.ADDED, "minister"),
        Run(Change.KEPT, PARAGRAPH.removeprefix("The Ministry")),
    ]
    assert changed_words(runs) == (1, 1)


def test_marked_text_shows_changes_as_word_diff_markers() -> None:
    old = "Roads close at noon.\n\nBuses run every ten minutes."
    new = "Roads close at one.\n\nBuses run every ten minutes from the park."
    assert marked(word_diff(old, new)) == (
        "Roads close at [-noon.-]{+one.+}\n\n"
        "Buses run every ten [-minutes.-]{+minutes from the park.+}"
    )


def test_words_removed_or_added_alone_keep_the_spaces_around_them() -> None:
    assert marked(word_diff("a b c", "a c")) == "a [-b-] c"
    assert marked(word_diff("a c", "a b c")) == "a {+b+} c"
    assert marked(word_diff("a b", "b")) == "[-a-] b"
    assert marked(word_diff("b", "b c")) == "b {+c+}"


def test_a_paragraph_removed_or_added_keeps_the_paragraphs_apart() -> None:
    assert marked(word_diff("One.\n\nTwo.\n\nThree.", "One.\n\nThree.")) == (
        "One.\n\n[-Two.-]\n\nThree."
    )
    assert marked(word_diff("One.", "One.\n\nTwo more.")) == "One.\n\n{+Two more.+}"


def test_rewrapped_text_is_unchanged() -> None:
    runs = word_diff("one two\nthree", "one  two three")
    assert runs == [Run(Change.KEPT, "one  two three")]
    assert changed_words(runs) == (0, 0)


def test_empty_versions() -> None:
    assert word_diff("", "") == []
    assert word_diff("", "New text.") == [Run(Change.ADDED, "New text.")]
    assert word_diff("Old text.", "") == [Run(Change.REMOVED, "Old text.")]
