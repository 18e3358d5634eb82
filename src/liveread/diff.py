"""What an edit changed, word by word: the runs of words two versions of a text share, and
those only the older one (removed) or the newer one (added) has.

Words are compared, not the spaces between them: a paragraph rewrapped is unchanged, and a
one-word correction is one word removed and one added. The spaces come back as written: in a
kept or added run as the newer text has them, in a removed run as the older one had them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from enum import Enum
from typing import NamedTuple

_WORD = re.compile(r"(\s*)(\S+)")


class Change(Enum):
    KEPT = "kept"
    ADDED = "added"
    REMOVED = "removed"


class Run(NamedTuple):
    change: Change
    text: str
    """Words as written, with the spaces (or line breaks) between them; a run's leading
    space is its own kept run, so that a marked run starts and ends with a word."""


def _words(text: str) -> tuple[list[str], list[str]]:
    """The words of `text` and the space before each."""
    pairs = _WORD.findall(text)
    return [word for _, word in pairs], [space for space, _ in pairs]


def word_diff(old: str, new: str) -> list[Run]:
    """The runs that turn `old` into `new`: kept, removed and added words, in reading order
    (a replaced run's removed words before its added ones), adjacent runs of one kind
    merged."""
    old_words, old_spaces = _words(old)
    new_words, new_spaces = _words(new)
    runs: list[Run] = []

    def put(change: Change, text: str, lead: str) -> None:
        if lead and runs:  # the space before the first word is left out
            _append(runs, Change.KEPT, lead)
        _append(runs, change, text)

    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_run = _joined(old_words, old_spaces, old_start, old_end)
        new_run = _joined(new_words, new_spaces, new_start, new_end)
        # Words that open `new` have no space before them there: after words removed, the
        # space old had before them.
        new_lead = new_spaces[new_start] if new_start else _space_at(old_spaces, old_start)
        if tag == "equal":
            put(Change.KEPT, new_run, new_lead)
        elif tag == "delete":
            put(Change.REMOVED, old_run, old_spaces[old_start])
        elif tag == "insert":
            put(Change.ADDED, new_run, new_lead)
        else:
            # The added words follow the removed ones directly, as `git diff --word-diff`
            # shows them: "the [-Ministry-]{+minister+} said"; the space before is new's.
            put(Change.REMOVED, old_run, new_spaces[new_start])
            _append(runs, Change.ADDED, new_run)
    return runs


def _space_at(spaces: list[str], index: int) -> str:
    return spaces[index] if index < len(spaces) else ""


def _joined(words: list[str], spaces: list[str], start: int, end: int) -> str:
    """words[start:end] with the spaces between them (not the one before the first)."""
    if start == end:
        return ""
    return words[start] + "".join(spaces[n] + words[n] for n in range(start + 1, end))


def _append(runs: list[Run], change: Change, text: str) -> None:
    if runs and runs[-1].change is change:
        runs[-1] = Run(change, runs[-1].text + text)
    else:
        runs.append(Run(change, text))


def changed_words(runs: Sequence[Run]) -> tuple[int, int]:
    """How many words the runs remove and add."""
    removed = sum(len(run.text.split()) for run in runs if run.change is Change.REMOVED)
    added = sum(len(run.text.split()) for run in runs if run.change is Change.ADDED)
    return removed, added


def marked(runs: Sequence[Run]) -> str:
    """The runs as plain text, changes marked as `git diff --word-diff` marks them:
    [-removed-] and {+added+}."""
    marks = {Change.KEPT: "{}", Change.REMOVED: "[-{}-]", Change.ADDED: "{{+{}+}}"}
    return "".join(marks[run.change].format(run.text) for run in runs)
