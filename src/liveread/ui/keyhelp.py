"""What the help screen lists: every key binding, read from the classes' BINDINGS.

Nothing here is a hand-kept list of keys: a binding added to the app, a list or the reader
shows up in help by itself. Keys that do the same thing in one place share a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode

HIDDEN_ACTIONS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})
"""Sideways scrolling: the lists and the reader fit their width, so these keys do nothing."""

DESCRIPTIONS = {
    "app.refresh": "Refresh this feed (in All feeds: every feed)",
    "app.refresh_all": "Refresh every feed",
    "app.add_feed": "Follow a live blog by its address",
    "app.remove_feed": "Stop following the chosen feed",
    "app.favourite": "Mark or unmark the post as a favourite",
    "app.open_link": "Open the post in a web browser (none: copy its link)",
    "app.copy_link": "Copy the post's link",
    "app.search": "Search every stored post",
    "app.key_events": "Key events only, or every post",
    "app.export": "Export favourites as Markdown, JSON or HTML",
    "app.demo": "Follow the built-in demo live blog",
    "app.next_unread": "Next unread post",
    "app.layout": "Pane layout: side by side, feeds folded away, one pane at a time",
    "app.toggle_read": "Mark the post read or unread",
    "app.unread_only": "Unread posts only, or every post",
    "app.first_new": "To the first post new since your last visit",
    "app.mark_feed_read": "Mark this feed's posts read (asks first)",
    "app.mark_all_read": "Mark every post read (asks first)",
    "app.changes": "Show or hide what the last edit of a post changed",
    "app.article": "Read a link post's article in place, or go back to the post",
    "app.back": "From a link post's article back to the post",
    "app.oldest_first": "This feed oldest first, or newest first (kept per feed)",
    "select": "Open: a feed's posts, or a post in the reader",
    "command_palette": "Command palette: every action, and themes",
    "copy_text": "Copy the text selected with the mouse",
    "page_down": "Page down",
    "page_up": "Page up",
}
"""Longer words than a footer label, by binding id or (for Textual's own keys) action. Only
wording: a binding missing here is still listed, with its own description (or tooltip)."""


class HelpRow(NamedTuple):
    keys: str
    """As the footer shows them: "?", "^p", "⏎"."""
    description: str
    ids: str
    """The binding ids to remap in config.toml's [keys] table ("" for Textual's own keys)."""


class HelpSection(NamedTuple):
    title: str
    rows: list[HelpRow]


def declared_bindings(*classes: type[DOMNode]) -> list[Binding]:
    """The bindings `classes` declare, their base classes' included, as Textual merges them:
    the first binding for a key wins (a subclass's over its base's, the first class's over the
    next). System bindings (Textual's own Ctrl+C hint) and sideways scrolling are left out."""
    chosen: dict[str, Binding] = {}
    for cls in classes:
        for klass in cls.__mro__:
            for binding in Binding.make_bindings(vars(klass).get("BINDINGS", [])):
                if binding.system or action_name(binding) in HIDDEN_ACTIONS:
                    continue
                chosen.setdefault(binding.key, binding)
            if not vars(klass).get("inherit_bindings", True):
                break
    return list(chosen.values())


def action_name(binding: Binding) -> str:
    """The action without its namespace: "app.focus_next" -> "focus_next"."""
    return binding.action.rpartition(".")[2]


def help_rows(bindings: Iterable[Binding], show_keys: Callable[[Binding], str]) -> list[HelpRow]:
    """One row per action, its keys in one cell (named keys, then letters, then combinations),
    described in the words of liveread's own binding where it has one."""
    by_action: dict[str, list[Binding]] = {}
    for binding in bindings:
        by_action.setdefault(action_name(binding), []).append(binding)
    rows = []
    for action, group in by_action.items():
        group.sort(key=_key_order)
        described = next((b for b in group if b.id), group[0])  # liveread's words first
        description = (
            DESCRIPTIONS.get(described.id or action)
            or described.tooltip
            or DESCRIPTIONS.get(action)
            or described.description
            or action
        )
        rows.append(
            HelpRow(
                ", ".join(keys for keys in map(show_keys, group) if keys),
                description[:1].upper() + description[1:],
                ", ".join(b.id for b in group if b.id),
            )
        )
    return rows


def _key_order(binding: Binding) -> int:
    key = binding.key
    if "+" in key:
        return 2
    return 0 if len(key) > 1 else 1


def shared(
    first: list[Binding], second: list[Binding]
) -> tuple[list[Binding], list[Binding], list[Binding]]:
    """The bindings both lists have, then those only the first has, then only the second."""
    both = [b for b in first if b in second]
    return both, [b for b in first if b not in both], [b for b in second if b not in both]


def sections(
    groups: Iterable[tuple[str, list[Binding]]], show_keys: Callable[[Binding], str]
) -> list[HelpSection]:
    """A titled section of rows for each group of bindings that has any."""
    return [HelpSection(title, help_rows(group, show_keys)) for title, group in groups if group]
