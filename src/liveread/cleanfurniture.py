"""Post furniture: what stands at the edges of a post around its text. Labels at its start
("Pinned", "Eilmeldung", "Essentiel") become flags, bylines and sign-offs ("Von Lisa Gruber",
"— Aoife Brennan") its authors, and a meta row above the text ("hace 2 horas · 18:10",
"kl. 17.55 · Maja Holm") goes, with the promotion next to them; so do a line saying where
the reporter reports from, opening a post, and an appeal to readers for their pictures,
closing one. Conservative: a block is furniture only if all of it is, and only at the edges
of a post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from liveread import cleanwords as words
from liveread.cleanphrases import (
    SHARE_ITEMS,
    WHOLE_LIMIT,
    alternatives,
    bare,
    every,
    phrase_rule,
)
from liveread.model import Block, Heading, Paragraph, Quote, Span, block_text
from liveread.text import squash


@dataclass(slots=True)
class Furniture:
    """What the furniture at the edges of a post said: who wrote it, how it is labelled."""

    authors: list[str] = field(default_factory=list)
    pinned: bool = False
    breaking: bool = False
    key_event: bool = False
    known: list[str] = field(default_factory=list, repr=False)
    """The authors the page gives elsewhere (case-folded), when it does."""

    def credits(self, authors: Iterable[str]) -> bool:
        """Whether a byline naming `authors` is the post's own: no other authors are known,
        or it names one of them."""
        return not self.known or any(name.casefold() in self.known for name in authors)

    def take(self, label: str | None = None, authors: Iterable[str] = ()) -> None:
        if label == "pinned":
            self.pinned = True
        elif label == "breaking":
            self.breaking = True
        elif label == "key_event":
            self.key_event = True
        self.authors.extend(name for name in authors if name not in self.authors)


def _every_label() -> list[str]:
    return [label for table in words.LABELS.values() for label in every(table)]


def _byline_words(ending: str) -> list[str]:
    """The words a byline starts with that end with `ending` (":"), or (with "") the rest."""
    found = (word for word in every(words.BYLINE_WORDS) if word.endswith(":") == bool(ending))
    return [word.rstrip(": ") for word in found]


HEAD_BLOCKS = 6
"""Blocks looked at from a post's start: labels, a meta row, a title, a byline, an ad label."""
TAIL_BLOCKS = 5
"""Blocks looked at from a post's end: a byline or sign-off under promotion or share tools."""
FURNITURE_TEXT = 160
"""The longest block that can be furniture as a whole."""

LABEL_TEXT = 40
"""The longest label, with room for the punctuation around it ("+++ Eilmeldung +++")."""
_LABELS = {bare(label): flag for flag, table in words.LABELS.items() for label in every(table)}
"""Each post label (`bare`) and the flag it sets ("update": none)."""
_LABEL_START = re.compile(
    alternatives(_every_label()) + r"[ \t]*(?:[:|–—·•\n]|\+\+\+|[ \t]-[ \t])\s*", re.I
)
"""A label opening a block, then a separator ("Eilmeldung: …", "BREAKING | …")."""
_BYLINE = re.compile(
    rf"(?:{alternatives(_byline_words(':'))}\s*:|{alternatives(_byline_words(''))}\s)"
    r"\s*(?P<names>.+)",
    re.I | re.S,
)
"""A byline: "By Jane Doe", "Autor: Jan Kowalski"."""
_SIGN_OFF = re.compile(r"(?:[—–]|-(?=\s))\s*(?P<names>.+)", re.S)
"""A sign-off closing a post: "— Jane Doe"."""
_NAME_PARTS = re.compile(r"[,|·/]|\s[–—-]\s")
_OUTLET_WORD = re.compile(
    r"[A-Z]{2,}[^\W\d_]*|[^\W\d_]+(?:\.[^\W\d_]+)+|\d+[^\W\d_]{3,}|[^\W\d_]{3,}\d+"
)
"""A word of an outlet's name that no person's has: "ANP", "NU.nl", "20minutos"."""
_INITIALS = rf"(?:[a-zA-Z]{{1,5}}|(?i:{alternatives(sorted(words.NEWS_AGENCIES))}))"
_INITIALS_LIST = rf"{_INITIALS}(?:\s*/\s*{_INITIALS})*"
AGENCY_INITIALS = re.compile(rf"\s*\({_INITIALS_LIST}\)$")
"""Initials of agencies or editors closing an article or a post: "(dpa/rts)", "(lb/tm)"."""
_CLOSING_INITIALS = re.compile(rf"\(\s*{_INITIALS_LIST}\s*\)|{_INITIALS_LIST}")
INITIALS_TEXT = 40
"""The longest line of closing initials ("(mrc/dpa/Reuters)")."""
_CREDIT_LINE = re.compile(
    rf"(?:(?:{alternatives(every(words.CREDIT_LINES))})\s+[^;]+?(?:;\s*|$))+"
    rf"|(?P<who>[^.!?;]{{3,80}}?)\s(?:{words.CONTRIBUTED})\.?",
    re.I | re.S,
)
"""A closing credit line: "Reporting by Jane Doe; Editing by John Roe", "Fox News' Jane Doe
contributed to this report."."""
APPEAL_TEXT = 240
"""The longest appeal to readers closing a post ("Do you have pictures? Send them to …")."""
_QUOTES = '"“”„«»‘'
_APPEAL = re.compile(
    rf"(?![{_QUOTES}'])(?:¿?[^?!.{_QUOTES}]{{2,100}}\?\s*){{1,2}}"
    rf"(?:{alternatives(every(words.READER_APPEALS))})(?![^\W\d_])[^?{_QUOTES}]{{0,160}}",
    re.I,
)
"""An appeal to readers: a question or two to them, then an instruction to send something
or get in touch ("Got a story? Email …", "Haben Sie Fotos? Schicken Sie uns …"); no quote
marks, which a question someone asked in the reporting has."""
REPORTING_LINE = 100
"""The longest line naming a reporter and where they report from."""
_REPORTING_FROM = {tuple(bare(lead).split()) for lead in every(words.REPORTING_FROM)}
_REPORTING_FIRST = {lead[0] for lead in _REPORTING_FROM}
_REPORTING_LEAD = re.compile(
    rf"(?<!\S)(?i:{alternatives(every(words.REPORTING_FROM))})\s+[A-ZÀ-ÖØ-ÞĀ-Ž]"
)
"""A lead before a capitalised place, somewhere in a line: the words are then looked at."""
_PLACE_WORDS = words.NAME_PARTICLES | {"am", "an", "on", "upon", "sur", "sul", "im"}
_META_WORDS = {bare(word) for word in every(words.META_WORDS)}
_CLOCK = (
    r"\d{1,2}(?:[:.h]\d{2}(?:\s*(?i:uhr|h|uur|[ap]\.?\s?m\.?))?|\s*(?i:uhr|h|[ap]\.?\s?m\.?))"
    r"(?:\s*\(?(?:[A-Z]{2,5}|UTC[+-]\d{1,2})\)?)?"
)
_DATE = (
    r"(?:[^\W\d_]{2,12}\.?,?\s+)?(?:\d{1,2}\.?\s*[^\W\d_]{3,12}\.?,?\s*\d{4}"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_AGE_IN_A_WORD = rf"(?:(?:{words.AGO_BEFORE})\s+)?(?:{words.ONE_COUNT})\s+(?:{words.TIME_UNITS})"
"""An age whose number is a word ("an hour", "vor einer Stunde")."""
_RELATIVE = (
    rf"(?i:(?:(?:(?:{words.AGO_BEFORE})\s+)?\d+\s*(?:{words.TIME_UNITS})|{_AGE_IN_A_WORD})\.?"
    rf"(?:\s+(?:{words.AGO_AFTER}))?)"
)
_MINUTES = r"(?:min(?:ute)?s?|minuten|minuti|minutos|minuter|minut)\.?"
_READING = (
    rf"(?i:\d+\s*{_MINUTES}\s*(?:{words.READING_TIME})"
    rf"|(?:{words.READING_TIME})\s*:?\s*(?:ca\.?\s*)?\d+\s*{_MINUTES})"
)
_PREFIX = rf"(?i:(?:(?:{words.META_PREFIXES})\b\.?\s*:?\s*){{1,2}})"
_PROGRESS = rf"(?i:(?:{words.PROGRESS_WORDS})\s+\d{{1,3}}\s*(?:/|of|von|sur|su|de|z)\s*\d{{1,3}})"
_META = re.compile(
    rf"{_PREFIX}?(?:{_DATE}(?:,?\s*{_PREFIX}?{_CLOCK})?|{_CLOCK}|{_RELATIVE})|{_READING}"
    rf"|{_PROGRESS}"
)
"""A time, date, age or reading time as a meta row writes it ("kl. 17.55", "hace 2 horas",
"Updated 2:02 p.m. ET", "12. November 2024", "3 min read"), or a race's progress ("Lap
51/70")."""
META_ROW = 120
"""The longest meta row ("Aktualisiert am 12. November 2024, 09:14 Uhr · Lisa Gruber, Thomas
Wieser · 3 Min. Lesezeit")."""
META_PART = 60
"""The longest piece of a meta row between its separators ("Aktualisiert am 12. November
2024, 09:14 Uhr")."""
_META_SPLIT = re.compile(r"[·|•\n\x00]|\s[–—-]\s")
_META_SEPARATORS = ("·", "|", "•", "\n", "\x00", " – ", " — ", " - ")
"""What `_META_SPLIT` splits at, looked for one by one: faster than searching with it."""
_DIGIT = re.compile(r"\d")
_GLUED = "\x00"
"""Marks where two spans meet with no space between them ("Viktigt" "Erik Lund")."""


def strip_furniture(
    blocks: list[Block], authors: Iterable[str] = ()
) -> tuple[list[Block], Furniture, list[tuple[str, str]]]:
    """`blocks` without the furniture at the edges of a post; what it said; and each block
    or part of one taken out, as (rule, text). Furniture is: labels at the post's start
    ("Pinned", "Eilmeldung: …"), a byline at its start or end ("Von Lisa Gruber", "— Jane
    Doe"), the meta row above its text ("hace 2 horas · 18:10"), and promotion next to
    them. A block goes only if all of it is furniture (a label may also open the first
    paragraph, before a separator).

    `authors` are the post's authors as the page gives them elsewhere, if it does: a byline
    naming someone else credits words the post quotes, and stays."""
    found = Furniture(known=[name.casefold() for name in authors])
    kept = list(blocks)
    removed: list[tuple[str, str]] = []
    looked_at = _strip_head(kept, found, removed)
    _strip_tail(kept, looked_at, found, removed)
    return kept, found, removed


def _strip_head(blocks: list[Block], found: Furniture, removed: list[tuple[str, str]]) -> int:
    """Remove the furniture at the start of `blocks` (in place); how many blocks left at the
    start were looked at: the post's own heading, if that is in the body, and the first
    block of its text."""
    at = 0
    titled = False
    for _ in range(HEAD_BLOCKS):
        if at >= len(blocks) or not isinstance(block := blocks[at], Paragraph | Heading):
            break
        text = squash(block.text)
        what = _head_furniture(block, text)
        if what is None and at == int(titled) and isinstance(block, Paragraph):
            what = _reporting_from(block, text)  # only the first block of the post's text
        if what is not None and what.rule == "byline" and not found.credits(what.authors):
            what = None
        if what is None:
            at += 1
            if isinstance(block, Heading) and not titled:  # the title: a byline may follow
                titled = True
                continue
            if at == int(titled) + 1 and _label_before_byline(block, text, blocks[at:], found):
                continue  # a label the rules do not know ("Key post"): kept, the byline goes
            break
        removed.append((what.rule, what.said or text))
        found.take(what.label, what.authors)
        if what.rest is not None:
            blocks[at] = what.rest  # the rest of the paragraph a label opened
            break
        del blocks[at]
    return at


def _label_before_byline(
    block: Paragraph | Heading, text: str, after: list[Block], found: Furniture
) -> bool:
    """Whether `block`, the first of a post's text, is a short line of a few words (a label)
    with the post's own byline right after it."""
    if not isinstance(block, Paragraph) or not text or len(text) > LABEL_TEXT:
        return False
    if text.count(" ") >= LABEL_WORDS or text[-1:] in _SENTENCE_ENDS or not after:
        return False
    if not isinstance(following := after[0], Paragraph | Heading):
        return False
    what = _head_furniture(following, squash(following.text))
    return what is not None and what.rule == "byline" and found.credits(what.authors)


LABEL_WORDS = 3
"""The most words a label the rules do not know may have."""


def _strip_tail(
    blocks: list[Block], looked_at: int, found: Furniture, removed: list[tuple[str, str]]
) -> None:
    """Remove the furniture at the end of `blocks` (in place), not among the first
    `looked_at`, which the start's rules kept."""
    for _ in range(TAIL_BLOCKS):
        if len(blocks) <= looked_at:
            break
        block = blocks[-1]
        before = blocks[-2] if len(blocks) > 1 else None
        text = squash(block_text(block))
        what = _tail_furniture(block, text, before)
        if what is None or (what.authors and not found.credits(what.authors)):
            break
        removed.append((what.rule, text))
        found.take(authors=what.authors)
        blocks.pop()


def looks_like_byline(text: str) -> bool:
    """Whether `text` starts as a byline does ("By …", "Von …", "Autor: …")."""
    return _BYLINE.match(text) is not None


def _people(text: str) -> list[str] | None:
    """The people `text` names ("Jane Doe and John Smith"), or None if it is not only names:
    each two to five capitalised words, with particles ("de", "von") between them. A role
    the last name runs on into is dropped ("Jonas Ek reporter", "Anna Berg Chief Reporter")."""
    people: list[list[str]] = [[]]
    for token in _without_role(text.split()):
        if token.casefold() in words.NAME_JOINERS:
            people.append([])
        elif token[0].isupper() or token in words.NAME_PARTICLES:
            people[-1].append(token)
        else:
            return None
    people = [_without_outlet(tokens) for tokens in people]
    if not all(_is_name(tokens) for tokens in people):
        return None
    return [" ".join(tokens) for tokens in people]


def _without_role(tokens: list[str]) -> list[str]:
    """`tokens` without the role words they end with, if two words or more are left."""
    end = len(tokens)
    while end > 2 and tokens[end - 1].casefold() in words.ROLE_WORDS:
        end -= 1
    return tokens[:end]


def _without_outlet(tokens: list[str]) -> list[str]:
    """A name without the outlet's name its byline runs on into ("Jane Roe Harbour News",
    "Jane Roe The Harbour News"): the last two words when the last is an outlet's."""
    if len(tokens) < 4 or tokens[-1].casefold() not in words.OUTLET_WORDS:
        return tokens
    kept = tokens[:-2]
    return kept[:-1] if len(kept) > 2 and kept[-1] == "The" else kept


def _is_name(tokens: list[str]) -> bool:
    capitalised = 0
    for token in tokens:
        if token in words.NAME_PARTICLES:
            continue
        letters = token.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
        if not letters.isalpha() or not token[0].isupper():
            return False
        if len(letters) > 1 and letters.isupper():  # "BBC", a dateline "KYIV": not a name
            return False
        capitalised += 1
    return (
        2 <= capitalised <= 5
        and tokens[0] not in words.NAME_PARTICLES
        and tokens[-1] not in words.NAME_PARTICLES
    )


def _is_role(text: str) -> bool:
    """A role or place after a name ("Reporter", "Political Editor", "in Kyiv", "Wien")."""
    tokens = text.split()
    return 0 < len(tokens) <= 6 and (
        any(token.casefold() in words.ROLE_WORDS for token in tokens) or text[0].isupper()
    )


def _names(text: str, *, roles: bool = True) -> list[str]:
    """The people a byline's text names ("Jane Doe, Reporter", "Lisa Gruber, Thomas Wieser");
    none unless it is nothing but names and (with `roles`) a role or place after them."""
    found: list[str] = []
    for n, part in enumerate(_NAME_PARTS.split(text.strip())):
        part = part.strip()
        tokens = part.split()
        if n and roles and tokens and _no_person(tokens):
            break  # "Political Editor", "Associated Press", "Fox News": capitalised, no person
        people = _people(part) if part else None
        if people is None:
            if n and roles and _is_role(part):
                break
            return []
        found.extend(people)
    return found


def _no_person(tokens: list[str]) -> bool:
    """Whether the words after a byline's name name a role, an agency or an outlet (a brand
    written in lower case: "Lena Frei / watson")."""
    return (
        (len(tokens) == 1 and tokens[0].isalpha() and tokens[0].islower())
        or any(token.casefold() in words.ROLE_WORDS for token in tokens)
        or " ".join(tokens).casefold() in words.NEWS_AGENCIES
        or tokens[-1].casefold() in words.OUTLET_WORDS
    )


def label_flag(text: str) -> str | None:
    """The flag a label standing alone names ("Eilmeldung": "breaking"), "update" for one
    that names none, or None if `text` is no label."""
    if len(text) > LABEL_TEXT:
        return None
    said = bare(text)
    flag = _LABELS.get(said) or _LABELS.get(_SHOUTED.sub(r"\1", said))
    if flag is not None or (since := _PINNED_SINCE.search(text)) is None:
        return flag
    # "Pinned post from 9.32pm": a label holding the time, which is the post's own
    return "pinned" if _LABELS.get(bare(text[: since.start()])) == "pinned" else None


_MINUTE = re.compile(r"\d{1,3}(?:\s?\+\s?\d{1,2})?\s?['’′](?:\s?\+\s?\d{1,2}['’′]?)?")
"""A minute of play alone: "87'", "45+2'", "90'+4"."""
_PINNED_SINCE = re.compile(
    rf"(?:\s*[:|–—·•-]\s*(?:(?:{alternatives(every(words.PINNED_SINCE))})\s+)?"
    rf"|\s+(?:{alternatives(every(words.PINNED_SINCE))})\s+)"
    r"\d{1,2}(?:[:.h]\d{2})?\s?(?:[ap]\.?\s?m\.?|uhr|h)?(?:\s+[A-Z]{2,5})?$",
    re.I,
)
"""The time a pinning label holds, and the word or mark before it: " from 9.32pm", " seit
10:30 Uhr", " · 9.32pm"."""
_SHOUTED = re.compile(r"(\w)\1{2,}")
"""A letter held in a shout: "¡GOOOOL!" is "gol"."""


def names_in(text: str) -> list[str]:
    """The people a post's author element names: a byline ("By Jane Doe", "Door ANP") or
    names alone ("Piotr Kowal"), or the newsroom it names ("Redacción 20minutos"); none if
    the text is anything else (a bio, a date)."""
    if "'" in text or "’" in text:
        text = _OUTLETS_OWN.sub("", text, count=1)  # "ABC News’ Jane Doe": Jane Doe
    return _byline(text) or _names(text) or _newsroom(text)


_OUTLETS_OWN = re.compile(
    r"(?:(?i:from)\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?\s+(?=[A-Z])"
)
"""An outlet's possessive before the names of its reporters ("From CNB's ", "ABC News' ")."""


def closing_initials(text: str) -> bool:
    """Whether `text` is nothing but the initials of the agencies or editors that close a
    post ("(dpa/rts)", "mrc/dpa", "flo", "(EFE)"): without brackets, several with "/"
    between them, lower-case ones, or an agency's name."""
    if not 2 <= len(text) <= INITIALS_TEXT or _CLOSING_INITIALS.fullmatch(text) is None:
        return False
    return text[0] == "(" or "/" in text or text.islower() or text.casefold() in words.NEWS_AGENCIES


def _desk(text: str) -> list[str]:
    """The desk or agency `text` names instead of people ("ANP", "Redactie NU.nl", "dpa"):
    a few capitalised words, one of which no person's name has (capitals, a dot or a digit
    in it, an agency's name)."""
    tokens = text.split()
    if not 0 < len(tokens) <= 5:
        return []
    outlet = False
    for token in tokens:
        if token.casefold() in words.NEWS_AGENCIES or _OUTLET_WORD.fullmatch(token):
            outlet = True
        elif not (
            token in words.NAME_PARTICLES
            or token.casefold() in words.NAME_JOINERS
            or (token[0].isupper() and token.replace("-", "").isalpha())
        ):
            return []
    return [text] if outlet else []


def _newsroom(text: str) -> list[str]:
    """The newsroom an author element names without "By" ("Redacción 20minutos", "Reuters",
    "Redação"): a desk with a newsroom's word in it, the word alone, or an agency."""
    if text[:1].isupper() and text.casefold() in words.DESK_WORDS:
        return [text]  # the newsroom's word alone: "Redaktion", "Redação"
    if text.casefold() in words.NEWS_AGENCIES or any(
        token.casefold() in words.DESK_WORDS for token in text.split()
    ):
        return _desk(text)
    return []


def _byline(text: str) -> list[str]:
    """The authors a byline names ("By Jane Doe", "Von Lisa Gruber | Wien"), if `text` is one."""
    match = _BYLINE.fullmatch(text)
    if match is None:
        return []
    names = match["names"]
    capitals = all(w.isupper() for w in names.split() if w.casefold() not in words.NAME_JOINERS)
    if capitals and not text.isupper():
        # "By NINA CALDWELL": after "By", capitals are the names' style ("BY THE NUMBERS" is
        # a heading in capitals)
        people = _names(_in_place(" ".join(_title_case(word) for word in names.split())))
    else:
        people = _names(_in_place(names))
    if people or (text.isupper() and names.casefold() not in words.NEWS_AGENCIES):
        return people
    return _desk(names)  # "Door ANP", "Door Redactie NU.nl": a desk or agency, no person


def _title_case(word: str) -> str:
    """A word of capitals as a name is written: "CALDWELL" "Caldwell", "O'NEILL" "O'Neill",
    "AND" (a joiner) "and"."""
    folded = word.casefold()
    if folded in words.NAME_JOINERS or folded in words.NAME_PARTICLES:
        return folded
    return word.title()


def names_after_time(text: str) -> list[str]:
    """The people named after a post's time in its time element ("7.48pm · Jane Doe": the
    text after the time), none if that is a place ("9:40 a.m. · New York") or anything else."""
    people = _names(text, roles=False)
    if any(_names_a_place(name) or _names_a_thing(name) for name in people):
        return []  # "Key Event", "Live Updates", "Fox News", "The Guardian"
    return people


def _names_a_thing(name: str) -> bool:
    """Whether a name of capitalised words has a word no person's name has ("Live Updates")."""
    return any(token[0].isupper() and token.casefold() in _NOT_NAMES for token in name.split())


def _long_words(phrases: Iterable[str]) -> set[str]:
    """The words of four letters or more in `phrases` ("read", "more"; not "you", "may")."""
    return {token for phrase in phrases for token in phrase.split() if len(token) >= 4}


_NOT_NAMES = (
    words.OUTLET_WORDS
    | words.MASTHEAD_WORDS
    | words.DESK_WORDS
    | words.SECTION_WORDS
    | _long_words(_LABELS)
    | _long_words(bare(phrase) for phrase in every(words.READ_MORE))
    | _long_words(SHARE_ITEMS)
)
"""Words of labels, kickers, share tools, outlets and sections: capitalised after a post's
time, they name no person."""


def _names_a_place(name: str) -> bool:
    """Whether a name of capitalised words is a place's ("Los Angeles", "Gold Coast") or a
    paper's named after one ("Canberra Times")."""
    tokens = name.casefold().split()
    return (
        tokens[0] in words.PLACE_HEADS
        or tokens[-1] in words.PLACE_TAILS
        or tokens[-1] in words.MASTHEAD_WORDS  # "Canberra Times": a paper, not a person
    )


def _in_place(names: str) -> str:
    """A byline's names with "in Kyiv" after them set off as a place."""
    tokens = names.split()
    for n, token in enumerate(tokens[2:], 2):
        if token in ("in", "aus", "à", "en", "em", "w", "from", "at") and n < len(tokens) - 1:
            return " ".join(tokens[:n]) + ", " + " ".join(tokens[n:])
    return names


def _meta_row(block: Paragraph | Heading) -> tuple[list[str | None], list[str]] | None:
    """The labels and authors a meta row holds ("kl. 17.55 · Maja Holm", "hace 2 horas ·"):
    a block made only of times, dates, labels, bylines, names and share words, at least one
    of them not a name. None if `block` is no meta row."""
    text = _glued_text(block)
    if len(text) > META_ROW:
        return None
    if not any(separator in text for separator in _META_SEPARATORS):  # one piece
        if len(text) > META_PART:
            return None
        if not _counts(text):  # no time: a word ("Yesterday"), or no meta row
            return ([], []) if bare(text) in _META_WORDS else None
    labels: list[str | None] = []
    authors: list[str] = []
    meta = False
    for part in _META_SPLIT.split(text):
        if len(part) > META_PART:
            return None
        if not (key := bare(part)):
            continue
        if key in _LABELS:
            labels.append(_LABELS[key])
        elif key in _META_WORDS or key in SHARE_ITEMS or _is_meta(part):
            meta = True
        elif names := _byline(part.strip()):
            authors.extend(names)
            meta = True
        elif names := _names(part, roles=False):
            # not "New York", nor "Live Updates"
            authors.extend(
                name for name in names if not (_names_a_place(name) or _names_a_thing(name))
            )
        else:
            return None
    return (labels, authors) if meta or labels else None


_COUNTED_IN_A_WORD = re.compile(rf"(?i:{_AGE_IN_A_WORD})\b")


def _counts(text: str) -> bool:
    """Whether `text` holds a number, in figures or as an age's word."""
    return _DIGIT.search(text) is not None or _COUNTED_IN_A_WORD.match(text.strip()) is not None


def _is_meta(part: str) -> bool:
    """A time, date, age or reading time, or several with commas between them ("wczoraj,
    22:45", "12. November 2024, 09:14")."""
    part = part.strip()
    if not _counts(part):
        return False  # every time, date, age and reading time has a number
    return _META.fullmatch(part) is not None or all(
        bare(piece) in _META_WORDS or _META.fullmatch(piece.strip()) for piece in part.split(",")
    )


def _glued_text(block: Paragraph | Heading) -> str:
    """The block's text with `_GLUED` where two spans meet with no space between them."""
    texts = [span.text for span in block.spans]
    for n in range(1, len(texts)):
        before, after = texts[n - 1], texts[n]
        if before and after and not before[-1].isspace() and not after[0].isspace():
            texts[n] = _GLUED + after
    return "".join(texts)


def _without_start(block: Paragraph | Heading, length: int) -> Paragraph | Heading | None:
    """`block` without the first `length` characters of its text (None if nothing is left)."""
    spans: list[Span] = []
    for span in block.spans:
        if length >= len(span.text):
            length -= len(span.text)
            continue
        spans.append(
            Span(span.text[length:], span.bold, span.italic, span.href) if length else span
        )
        length = 0
    if spans:
        head = spans[0]
        spans[0] = Span(head.text.lstrip(), head.bold, head.italic, head.href)
    rest = tuple(span for span in spans if span.text)
    if not rest:
        return None
    return Paragraph(rest) if isinstance(block, Paragraph) else Heading(rest, block.level)


class _Found(NamedTuple):
    """One piece of furniture: its rule, the label or authors it gives, and for a label
    opening a paragraph, what it said and the rest of that paragraph."""

    rule: str
    label: str | None = None
    authors: tuple[str, ...] | list[str] = ()
    said: str = ""
    rest: Paragraph | Heading | None = None


def _head_furniture(block: Paragraph | Heading, text: str) -> _Found | None:
    """What `block`, at the start of a post, is as furniture, if it is."""
    if _MINUTE.fullmatch(text):
        return _Found("time")  # the minute of play the post is stamped with, "87'"
    if len(text) <= FURNITURE_TEXT and not _is_sentence(text):
        if (flag := label_flag(text)) is not None:
            return _Found("label", flag)
        if authors := _byline(text):
            return _Found("byline", authors=authors)
        if row := _meta_row(block):
            labels, authors = row
            label = next((label for label in labels if label and label != "update"), None)
            return _Found("meta row", label, authors)
        # A button or an ad label above the title: stepped over to find a byline below it.
        if len(text) <= WHOLE_LIMIT and (rule := phrase_rule(block, text)):
            return _Found(rule)
    whole = block.text
    lead = len(whole) - len(whole.lstrip())
    if match := _LABEL_START.match(whole, lead):
        said = squash(match.group())
        rest = _without_start(block, match.end())
        if rest is not None:
            return _Found("label", _LABELS.get(bare(said)), said=said, rest=rest)
    return None


def _tail_furniture(block: Block, text: str, before: Block | None) -> _Found | None:
    """What `block`, at the end of a post after `before`, is as furniture, if it is."""
    if "?" in text and _reader_appeal(block, text):
        return _Found("reader appeal")
    if len(text) > FURNITURE_TEXT:
        return None
    if isinstance(block, Paragraph) and _credit_line(text):
        return _Found("credit line")  # "Reporting by …; Editing by …": no byline of the post
    if _is_sentence(text):
        return None
    if isinstance(block, Paragraph | Heading):
        if authors := _byline(text):
            return _Found("byline", authors=authors)
        if closing_initials(text):  # "mrc/dpa", "(EFE)": who sent it, no author
            return _Found("initials")
        # After a quote, "— Name" says who spoke, not who wrote the post.
        sign_off = None if isinstance(before, Quote) else _SIGN_OFF.fullmatch(text)
        if sign_off and (authors := _names(sign_off["names"])):
            return _Found("sign-off", authors=authors)
        if row := _meta_row(block):  # "Uppdaterad 14:30", "Updated 2 hours ago"
            return _Found("meta row", authors=row[1])
    # Promotion under a byline ("Advertentie", "Delen"): stepped over to find the byline.
    if len(text) <= WHOLE_LIMIT and (rule := phrase_rule(block, text)):
        return _Found(rule)
    return None


def _reader_appeal(block: Block, text: str) -> bool:
    """Whether `block` asks readers for their pictures or stories: "Do you have pictures of
    the flooding? Send them to news@…", "¿Has sido testigo? Escríbenos"."""
    return (
        isinstance(block, Paragraph)
        and len(text) <= APPEAL_TEXT
        and _APPEAL.fullmatch(text) is not None
    )


def _reporting_from(block: Paragraph | Heading, text: str) -> _Found | None:
    """A line naming the reporter and where they report from, opening a post ("Ali Farouk
    Reporting from Amman, Jordan", "Reporting from Kyiv"): furniture, the name its author.
    After a name, a lead of one word ("Da Roma", "Z Kijowa") must be set apart from it, by
    punctuation or by the name's own style (`<strong>Ali Farouk</strong> Da Roma`)."""
    if len(text) > REPORTING_LINE or _REPORTING_LEAD.search(text) is None:  # most lines
        return None
    tokens = text.split()
    folded = [bare(token) for token in tokens]
    for at, word in enumerate(folded[:-1]):
        if word not in _REPORTING_FIRST:
            continue
        for lead in _REPORTING_FROM:
            size = len(lead)
            if tuple(folded[at : at + size]) != lead or not _is_place(tokens[at + size :]):
                continue
            named = " ".join(tokens[:at]).rstrip(",|·–—- ")
            if not named:
                return _Found("reporting line") if size > 1 else None
            authors = _names(named, roles=False)
            set_apart = size > 1 or named != " ".join(tokens[:at]) or _styled(block, named)
            if authors and set_apart:
                return _Found("byline", authors=authors)
    return None


def _is_place(tokens: list[str]) -> bool:
    """Whether words name a place ("Amman, Jordan", "Rio de Janeiro"): capitalised."""
    return 0 < len(tokens) <= 6 and all(
        token[:1].isupper() or token in _PLACE_WORDS for token in tokens
    )


def _styled(block: Paragraph | Heading, named: str) -> bool:
    """Whether `named` is the whole of the block's first span (in bold or linked, say)."""
    first = block.spans[0]
    return squash(first.text) == named and (first.bold or first.italic or bool(first.href))


def _credit_line(text: str) -> bool:
    """Whether `text` credits who reported and edited the post ("Reporting by Jane Doe;
    Editing by John Roe", "Jane Doe contributed to this report."); a lone "Reporting by Jane
    Doe" is its byline."""
    match = _CREDIT_LINE.fullmatch(text)
    if match is None:
        return False
    if who := match["who"]:  # names, with "and" or commas between them
        return all(
            token[0].isupper() or token.casefold() in words.NAME_JOINERS
            for token in who.replace(",", " ").split()
        )
    return ";" in text or not _byline(text)


def _is_sentence(text: str) -> bool:
    """Whether `text` reads as a sentence (five words or more, ending as sentences do): no
    label, byline or meta row does, and the rules that find them need not look."""
    return text[-1:] in _SENTENCE_ENDS and text.count(" ") >= 4


_SENTENCE_ENDS = frozenset('.!?…"”’»')
