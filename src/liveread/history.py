"""An edited post's versions, oldest first, each after the first shown as the words its edit
changed (`liveread.diff`): as Rich text, changes in colour or, for a file or a pipe, marked
[-removed-] and {+added+}."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from rich.text import Text

from liveread.diff import Change, Run, marked, word_diff
from liveread.store import PostVersion, StoredEntry
from liveread.text import scrub
from liveread.timefmt import stamp

CHANGE_STYLES = {
    Change.KEPT: "",
    Change.ADDED: "bold green underline",
    Change.REMOVED: "red strike",
}
"""How a change shows in colour: removed words struck through, added ones underlined (told
apart without colour too)."""


class Version(NamedTuple):
    title: str
    authors: tuple[str, ...]
    text: str
    current_from: datetime
    """When it became the post's version (first seen, or edited)."""


def versions_of(stored: StoredEntry, history: Sequence[PostVersion]) -> list[Version]:
    """A post's versions, oldest first: the earlier ones `Store.history` keeps, then the
    current one."""
    entry = stored.entry
    earlier = [Version(v.title, v.authors, v.text, v.current_from) for v in history]
    current_from = stored.edited_at or stored.first_seen_at
    return [*earlier, Version(entry.title, tuple(entry.authors), entry.text, current_from)]


def changes_text(runs: Sequence[Run], *, colour: bool, base_style: str = "") -> Text:
    """The runs as one text: changes styled (`colour`) or marked as `git diff --word-diff`
    marks them. Their words are data: appended, never read as markup."""
    text = Text(style=base_style)
    if not colour:
        return text.append(marked(runs))
    for run in runs:
        text.append(run.text, CHANGE_STYLES[run.change])
    return text


def history_text(versions: Sequence[Version], *, colour: bool) -> Text:
    """Every version, oldest first, under a line saying when it became the post's: the first
    as it was, each later one as the words changed since the one before."""
    out = Text()
    count = len(versions)
    for number, version in enumerate(versions, 1):
        when = stamp(version.current_from)
        seen = "first seen" if number == 1 else "edited"
        head = f"── version {number} of {count} · {seen} {when}"
        out.append(head + (" · current" if number == count else "") + "\n", "bold")
        before = versions[number - 2] if number > 1 else version
        for label, old, new in (
            ("", before.title, version.title),
            ("by ", ", ".join(before.authors), ", ".join(version.authors)),
        ):
            if new or old:
                out.append(label, "dim")
                out.append_text(changes(old, new, colour=colour))
                out.append("\n")
        out.append("\n")
        out.append_text(changes(before.text, version.text, colour=colour))
        if number < count:
            out.append("\n\n")
    return out


def changes(old: str, new: str, *, colour: bool, base_style: str = "") -> Text:
    """What changed from `old` to `new`, marked word by word (see `changes_text`)."""
    return changes_text(word_diff(scrub(old), scrub(new)), colour=colour, base_style=base_style)
