"""Phrase rules: whether a short block is promotion by what it says, in every language
`cleanwords` holds words for.

Three kinds: a block that says nothing but a label, a button or a notice ("Anzeige", "Je
m'inscris", "Video wird geladen …"), looked up whole; how a block starts ("Lesen Sie auch:",
"Get … in your inbox"), one combined pattern per first character; words anywhere in it
("Folgen Sie … auf WhatsApp"), each searched only when its keyword is there. Only short
blocks are judged: a real paragraph that happens to use the words is longer, or says more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TypeAlias

from liveread import cleanwords as words
from liveread.model import Block, Heading, ListBlock, Paragraph, inline_text

PHRASE_LIMIT = 320
"""Phrase rules only judge blocks shorter than this many characters."""
WHOLE_LIMIT = 80
"""Blocks up to this long are looked up whole: an ad label, a button, a player's notice."""
_EDGES = " .:;,!?¡¿…·•|–—-+*()[]{}<>«»‹›„“”\"'/#"
"""What may stand around a label or a button without changing what it says."""


def bare(text: str) -> str:
    """`text` as whole-block phrases are looked up: case-folded, one kind of apostrophe,
    single spaces, without the punctuation around it ("+++ Eilmeldung +++" is "eilmeldung")."""
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = text.strip(_EDGES)
    if text and not (text[0].isascii() and text[-1].isascii()):
        text = _without_edge_symbols(text)  # "📌 Pinned", "⚽ Goal"
    return " ".join(text.split())


def _without_edge_symbols(text: str) -> str:
    start, end = 0, len(text)
    while start < end and (unicodedata.category(text[start]) == "So" or text[start] in _EDGES):
        start += 1
    while end > start and (unicodedata.category(text[end - 1]) == "So" or text[end - 1] in _EDGES):
        end -= 1
    return text[start:end]


_Trie: TypeAlias = dict[str, "_Trie"]
"""Phrases by their characters: the next character, and the phrases it begins ("": the end)."""


def alternatives(phrases: Iterable[str]) -> str:
    """Phrases of `cleanwords` as one pattern, any apostrophe (or none) where they have one,
    any space where they have a space. Their common starts are written once ("related(?:
    article|…)?"): a regular expression tries a list of alternatives one by one."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _pattern_of(trie)


def _pattern_of(trie: _Trie) -> str:
    branches = [
        _PHRASE_CHARS.get(char, re.escape(char)) + _pattern_of(rest)
        for char, rest in sorted(trie.items())
        if char
    ]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{pattern})?" if "" in trie else pattern


_PHRASE_CHARS = {" ": r"\s+", "'": "['’]?"}


def every(table: Mapping[str, Iterable[str]]) -> list[str]:
    """Every phrase of a table of `cleanwords`, in all its languages."""
    return [phrase for phrases in table.values() for phrase in phrases]


def _whole_blocks() -> dict[str, str]:
    tables: list[tuple[str, Mapping[str, Iterable[str]]]] = [
        ("read more", words.READ_MORE),
        ("ad label", words.AD_LABELS),
        ("player notice", words.PLAYER_NOTICES),
        *words.CALLS_TO_ACTION.items(),
    ]
    return {bare(phrase): rule for rule, table in tables for phrase in every(table)}


WHOLE_BLOCKS = _whole_blocks()
"""Rules for a short block by all it says (`bare`): labels, buttons, notices, kickers."""
_KICKERS = alternatives(every(words.READ_MORE))
LINKED_KICKER = "read more, linked"
"""The rule of a kicker followed by a headline with no separator ("Leia também Calor
recorde…"): it removes the block only if that headline is a link."""
LEADING_PHRASES: tuple[tuple[str, str], ...] = (
    (rf"(?:{_KICKERS})\s*[:：>|»›–—•-]", "read more"),  # "：" of Chinese and Japanese
    (r"read more\b.{0,160}$", "read more"),
    (alternatives(words.READ_MORE_BRACKETED), "read more"),
    *((pattern, rule) for rule, table in words.LEADING.items() for pattern in every(table)),
    # last: the others first; a kicker glued to its headline's capital ("Lees ookWat …"), or
    # ending in a full stop ("LEES OOK. Headline")
    (rf"(?:{_KICKERS})\.?(?:\s+(?=\S)|(?-i:(?=[A-ZÀ-ÖØ-Þ])))", LINKED_KICKER),
)
"""Rules for how a block starts, in order: combined into one pattern per first character
(`leading_match`), tried at the first character only."""
ANYWHERE_PHRASES: tuple[tuple[str, str, str], ...] = tuple(
    (word, "|".join(patterns), rule)
    for rule, by_word in words.ANYWHERE.items()
    for word, patterns in by_word.items()
)
"""Rules for words anywhere in a block, each searched only when its keyword is present."""
SHARE_ITEMS = words.SHARE_NETWORKS | {
    bare(phrase) for phrase in every(words.CALLS_TO_ACTION["share tools"])
}
"""What a list of share links says, item by item ("Facebook", "X", "Copy link")."""


def _first_letters(pattern: str) -> set[str] | None:
    """The characters (case-folded) a match of `pattern` starts with, if it says: when it
    starts with a literal character or with a group of alternatives that each do. None when
    it may start with anything."""
    if pattern.startswith("(?:"):
        end = _group_end(pattern)
        if pattern[end + 1 : end + 2] in ("?", "*", "{"):
            return None
        letters: set[str] = set()
        for branch in _branches(pattern[3:end]):
            if (firsts := _first_letters(branch)) is None:
                return None
            letters |= firsts
        return letters
    first = pattern[1:2] if pattern.startswith("\\") else pattern[:1]
    width = 2 if pattern.startswith("\\") else 1
    if not first or (first in "([.^$|?*+{" and width == 1) or (first.isalnum() and width == 2):
        return None  # a class, a group of another kind, "\w", "\s"…
    if pattern[width : width + 1] in ("?", "*", "{"):
        return None
    return {first.casefold()}


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """The structural characters of `pattern` with their place and the group depth before
    them: "(", ")" and "|", escapes and character classes skipped."""
    depth = at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 1
        elif char == "[":
            at = pattern.index("]", at + 2)
        elif char in "()|":
            yield at, char, depth
            depth += {"(": 1, ")": -1, "|": 0}[char]
        at += 1


def _group_end(pattern: str) -> int:
    """Where the group `pattern` starts with closes."""
    for at, char, depth in _structure(pattern):
        if char == ")" and depth == 1:
            return at
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _branches(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level."""
    starts = [0, *(at + 1 for at, char, depth in _structure(pattern) if char == "|" and not depth)]
    ends = [at - 1 for at in starts[1:]] + [len(pattern)]
    return [pattern[start:end] for start, end in zip(starts, ends, strict=True)]


def _narrowed(pattern: str, letter: str) -> str:
    """`pattern` as it may match a text starting with `letter`: of a group of alternatives
    it starts with (and the groups that starts with, in turn), only the alternatives that
    may start with `letter`. The kickers' group holds every language's: most start with
    another letter, and a smaller pattern compiles and matches sooner."""
    split = _opening_group(pattern)
    if split is None:
        return pattern
    branches, rest = split
    kept = [
        _narrowed(branch, letter)
        for branch, firsts in branches
        if firsts is None or letter in firsts
    ]
    return f"(?:{'|'.join(kept)}){rest}"


@lru_cache(maxsize=64)
def _opening_group(
    pattern: str,
) -> tuple[tuple[tuple[str, set[str] | None], ...], str] | None:
    """The alternatives of the group `pattern` starts with, each with the characters it
    may start with (`_first_letters`), and the rest of `pattern`; None if it starts with no
    group, or with one that may repeat or be left out."""
    if not pattern.startswith("(?:"):
        return None
    end = _group_end(pattern)
    if pattern[end + 1 : end + 2] in ("?", "*", "{", "+"):
        return None
    branches = _branches(pattern[3:end])
    return tuple((branch, _first_letters(branch)) for branch in branches), pattern[end + 1 :]


class _LeadingPatterns:
    """`LEADING_PHRASES` as one combined pattern per character a block may start with, each
    holding the rules that can match there (in their order, narrowed to that character:
    `_narrowed`), and one for any other start. A block is matched against one of them: a
    regular expression tries its alternatives one by one, and most rules start with a word.
    Each is compiled when a block first starts with its character (compiling them all took
    most of the time importing the cleaner took)."""

    def __init__(self) -> None:
        self._firsts = [_first_letters(pattern) for pattern, _ in LEADING_PHRASES]
        self._letters = set().union(*(found for found in self._firsts if found))
        self._compiled: dict[str | None, re.Pattern[str]] = {}

    def for_start(self, start: str) -> re.Pattern[str]:
        """The combined pattern for a text whose first character, case-folded, is `start`."""
        letter = start if start in self._letters else None
        if (compiled := self._compiled.get(letter)) is None:
            compiled = self._compiled[letter] = self._combined(letter)
        return compiled

    def _combined(self, letter: str | None) -> re.Pattern[str]:
        rules = zip(LEADING_PHRASES, self._firsts, strict=True)
        return re.compile(
            "|".join(
                f"(?P<r{n}>{pattern if letter is None else _narrowed(pattern, letter)})"
                for n, ((pattern, _), found) in enumerate(rules)
                if found is None or letter in found
            ),
            re.I,
        )


_LEADING = _LeadingPatterns()
_LEADING_RULES = {f"r{n}": rule for n, (_, rule) in enumerate(LEADING_PHRASES)}


def leading_match(text: str) -> re.Match[str] | None:
    """The first of `LEADING_PHRASES` that `text` starts with, as a match named after it.
    A letter that case-folds to two ("İ" to "i" and a dot above) is looked up by the first."""
    return _LEADING.for_start(text[:1].casefold()[:1]).match(text)


_ANYWHERE = tuple(
    (word, re.compile(pattern, re.I), rule) for word, pattern, rule in ANYWHERE_PHRASES
)


def phrase_rule(block: Block, text: str) -> str | None:
    """The phrase rule that removes `block`, whose squashed text is `text`, if one does."""
    if len(text) > PHRASE_LIMIT or not isinstance(block, Paragraph | Heading | ListBlock):
        return None
    if len(text) <= WHOLE_LIMIT:
        if rule := WHOLE_BLOCKS.get(bare(text)):
            return rule
        if _is_share_row(text):
            return "share tools"
    if isinstance(block, ListBlock) and _share_list(block):
        return "share tools"
    if isinstance(block, Paragraph) and _paywalled_headline(block, text):
        return "teaser card"
    if (match := leading_match(text)) and match.lastgroup:
        rule = _LEADING_RULES[match.lastgroup]
        if rule != LINKED_KICKER:
            return rule
        if not isinstance(block, ListBlock) and _linked_rest(block, text[match.end() :]):
            return "read more"
    if isinstance(block, Paragraph) and _labelled_link(block):
        return "read more"
    lowered = text.casefold()
    for word, pattern, rule in _ANYWHERE:
        if word in lowered and pattern.search(text):
            return rule
    return None


READ_MORE_LABEL = 20
"""The longest label before a read-more line's link ("Mehr dazu:", "Zie ook:"): two words at
most, too."""
READ_MORE_HEADLINE_WORDS = 3
"""The fewest words of the headline a read-more line links: "Quelle: <a>dpa</a>" is none."""


def _labelled_link(block: Paragraph) -> bool:
    """A read-more line by its shape, whatever its words: a short label ending in ":" and
    then one link, to the end ("Mehr dazu: <a>Headline</a>", "Más: <a>…</a>")."""
    spans = block.spans
    if len(spans) < 2 or spans[0].href or spans[1].href is None:
        return False
    label = spans[0].text.strip()
    label_words = len(label.rstrip(" :").split())
    if not label.endswith(":") or len(label) > READ_MORE_LABEL or label_words > 2:
        return False
    href = spans[1].href
    if any(span.href != href for span in spans[2:]):
        return False
    headline = "".join(span.text for span in spans[1:])
    return len(headline.split()) >= READ_MORE_HEADLINE_WORDS


def _is_share_row(text: str) -> bool:
    """A line of share buttons ("Facebook X WhatsApp", "Teilen auf Facebook")."""
    if text.split(None, 1)[0].casefold() not in words.SHARE_ROW_WORDS:
        return False  # most lines: the first word says so
    tokens = _SHARE_SPLIT.split(text.casefold())
    tokens = [token for token in tokens if token]
    return (
        1 < len(tokens) <= 8
        and all(token in words.SHARE_ROW_WORDS for token in tokens)
        and any(token in words.SHARE_NETWORKS for token in tokens)
    )


_SHARE_SPLIT = re.compile(r"[\s·|•/,]+")


def _share_list(block: ListBlock) -> bool:
    return len(block.items) > 1 and all(
        bare(inline_text(item)) in SHARE_ITEMS for item in block.items
    )


def _linked_rest(block: Paragraph | Heading, rest: str) -> bool:
    """Whether `rest`, the end of the block's text, is mostly the text of its links, not
    counting a paywall marker before the link ("Lire aussi Article réservé à nos abonnés
    <a>…</a>")."""
    linked = sum(len("".join(span.text.split())) for span in block.spans if span.href)
    if marker := _PAYWALL_MARKER.match(rest):
        rest = rest[marker.end() :]
    return linked >= 0.8 * len("".join(rest.split())) > 0


def _paywalled_headline(block: Paragraph, text: str) -> bool:
    """A block that is one link, a headline behind a paywall marker ("Z+ Luftverkehr: …"):
    a card for a subscriber's article, not the post's text."""
    href = block.spans[0].href
    if not href or any(span.href != href for span in block.spans):
        return False
    return _PAYWALL_MARKER.match(text) is not None


_PAYWALL_MARKER = re.compile(
    rf"\s*(?:{alternatives(every(words.PAYWALL_MARKERS))})(?![^\W\d_])[\s:.|–-]*",
    re.IGNORECASE,
)
"""A paywall marker opening a text ("Article réservé à nos abonnés", "Z+"), and what
separates it from the rest; not a word that only starts like one ("Plusieurs")."""
