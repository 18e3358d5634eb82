"""Time markers at the start of a post's text: "13:47", "10.30 Uhr:", "2:02 p.m. ET",
"14h23", "5 August 14:00", "16 min ago", "vor 2 Stunden", a minute of play "95'".

Strictness, as decided here:
- A clock needs two-digit minutes up to 59 and an hour up to 23: "2:1" or "1:0" (a football
  score, one digit a side) is never a clock, nor "3.5 million", "24/7", "9/11", "1. FC Köln"
  or "10 Downing Street". A score with two digits a side ("10:12") cannot be told from a
  clock and reads as one.
- "13:47", "1:10", "14h23", "2:02 p.m.", "11am", "10 Uhr", "11.04 Uhr", "15 uur" are clocks
  whatever follows. "11.04" alone (no Uhr, h, am/pm or zone) could be a price or a date, so it
  is a clock only when the text ends there or a separator follows (":", "|", "–", "-");
  French "14h" also when a capitalised word follows ("14h Le président"), not "5h de route".
- Only date-then-time is a moment ("5 August 14:00"): "13:47 5 August marks…" is a clock
  followed by text that mentions a date.
- "HT", "FT", "Mi-temps" are period markers, not times: no marker. "just now" and its kin
  are read only when nothing but a separator follows them ("Just now, police said" is prose).
- A word of update before a clock or moment ("Update vom 15. März, 8.20 Uhr:", "Mise à jour
  14h20 :", "UPDATE 14:20 –") is part of the marker, so long as the time follows it: "Update
  your app" is prose. So is a word of posting or of the last update before a clock or a
  time ago ("Posted 2:31 p.m. ET", "Published 5 min ago", "Updated 1:14 AM ET"), not before
  a date ("Publié le 19/07/2024 à 17h42": an article list's dateline).
- Two-letter US zones (ET, CT, MT, PT) count after a 12-hour time or before a separator only,
  so "13:47 CT scans show…" keeps its "CT".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Literal, NamedTuple

from liveread.cleanwords import LABELS, PINNED_SINCE
from liveread.parse import timewords as words
from liveread.parse.textdays import DATE, DATE_WORDS, DayParts, day_parts
from liveread.parse.textzones import OFFSET, ZONE_WORD, written_zone

__all__ = ["Marker", "may_start_marker", "read_marker"]


@dataclass(slots=True)  # not frozen: a page makes hundreds, and frozen ones cost 4x to make
class Marker:
    """A time written at the start of a post's text; never changed once read (`replace`
    makes a new one).

    clock: `hour` and `minute` only; the day comes from a `Clock`. moment: a day as well, in
    `day`, or in `month_day` when the text gives no year (the `Clock` picks the year nearest its
    current day). relative: `ago`. minute: a minute of play in `minute` (added time is in
    `label` only: "45'+2"). `zone` when the stamp names one ("2:02 p.m. ET", "14:00 GMT+1").
    """

    kind: Literal["clock", "moment", "relative", "minute"]
    hour: int | None = None
    minute: int | None = None
    day: date | None = None
    month_day: tuple[int, int] | None = None
    zone: tzinfo | None = None
    ago: timedelta | None = None
    days_back: int | None = None
    """For a clock after a day named relative to the page's ("yesterday, 22:45"): how many
    days before the page's own day it is."""
    weekday: int | None = None
    """For a clock after a weekday ("Sa., 23:40 Uhr"): that weekday (Monday 0), the latest
    such day on or before the page's own day."""
    pinned: bool = False
    """A label pinning the post came before the time ("Pinned post from 9.32pm")."""
    label: str = ""
    """The stamp as written, squashed: "95'", "45'+2", "13:47", "11.04 Uhr", "16 min ago"."""
    end: int = 0
    """Characters the marker and its separator (": ", " – ", " | ", " Uhr: ") take:
    `text[end:]` is the rest of the text."""


_UNITS = {
    words.fold(unit): seconds
    for seconds, units in words.UNIT_SECONDS.items()
    for unit in units.split()
}
_ONE = frozenset(words.fold(word) for word in words.ONE_WORDS.split())
_CLOCK_PREFIXES = frozenset(words.fold(word).rstrip(".") for word in words.CLOCK_PREFIXES)
_CLOCK_WORDS = frozenset(words.fold(word) for word in words.CLOCK_WORDS)
_RELATIVE_LEADS = (
    frozenset(
        words.fold(phrase.split()[0])
        for phrase in (*words.AGO_BEFORE, *words.AGO_AROUND, *words.JUST_NOW)
    )
    | _ONE
    # Polish "godzinę temu", Russian "час назад" have no number
    | {unit for unit in _UNITS if len(unit) > 3 or not unit.isascii()}
)
_DAYS_BACK = {words.fold(word): back for word, back in words.DAYS_BACK.items()}
_LANGUAGE_DAYS_BACK = {words.fold(word): day for word, day in words.LANGUAGE_DAYS_BACK.items()}
_DAY_PHRASE_STARTS = frozenset(phrase.split()[0] for phrase in _DAYS_BACK if " " in phrase)
"""First words of day names of two words ("i går")."""
_DAY_HEADS = frozenset(word[:2] for word in _DAYS_BACK if " " not in word)
"""The first two letters (folded) of the one-word day names: a clock followed by a word that
starts with them may be dated by it ("22:10 gisteren")."""
_UPDATE_LEADS = frozenset(words.fold(phrase.split()[0]) for phrase in words.UPDATE_WORDS)
_POSTING_LEADS = frozenset(words.fold(phrase.split()[0]) for phrase in words.POSTING_WORDS)
_PINNED_LABELS = tuple(label for labels in LABELS["pinned"].values() for label in labels)
_PINNED_LEADS = frozenset(words.fold(label.split()[0]) for label in _PINNED_LABELS)
_GAME_LEADS = frozenset(
    {"q", "ot", "end", "top", "bottom", "bot", "mid", "middle", "pregame", "pre", "postgame"}
    | {"post", "halftime", "half", "final"}
    | {"lap", "tour", "giro", "vuelta", "ronde", "runde", "okrazenie", "hole", "thru"}
)
"""The words a game's clock or stage starts with ("Q3 5:42", "Top 7th"; "Q" is a word)."""
_DISTANCE_LEADS = frozenset({"km", "a"})
"""The words a race's distance stamp starts with ("km 98", "à 32 km de l'arrivée")."""
_LEADS = (
    _CLOCK_PREFIXES
    | _CLOCK_WORDS
    | _RELATIVE_LEADS
    | DATE_WORDS
    | frozenset(_DAYS_BACK)
    | frozenset(_LANGUAGE_DAYS_BACK)
    | _DAY_PHRASE_STARTS
    | _UPDATE_LEADS
    | _POSTING_LEADS
    | _PINNED_LEADS
    | _GAME_LEADS
    | _DISTANCE_LEADS
)
"""The words (folded) a marker may start with."""
_LEAD_HEADS = (
    frozenset(word[:4] for word in _LEADS if len(word) >= 4)
    | frozenset(word + end for word in _LEADS if len(word) < 4 for end in " .,:'")
    | {"q1", "q2", "q3", "q4", "ot"}  # a game's quarter or overtime: "Q3 5:42", "OT"
)
"""The first four characters of the `_LEADS`, and the short ones with what may follow them
("il ", "un'", "à ")."""

_NATIVE = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९০১২৩৪৫৬৭৮৯"
"""Arabic-Indic, Persian, Devanagari and Bengali digits, read as ours one for one (a
marker's `end` still counts in the text)."""
_NATIVE_DIGITS = str.maketrans(_NATIVE, "0123456789" * 4)
_NATIVE_DIGIT_CHARS = frozenset(_NATIVE)
_LEAD = re.compile(r"\s*(?:\+\+\+\s*)?")
"""Spaces, and the "+++" of German tickers ("+++ 10.30 Uhr: …"), before a marker."""
_LETTERS = rf"[^\W\d_]+(?:[{words.WORD_MARKS}][^\W\d_]*)*"
"""A word's letters, with the marks inside it ("घंटे"): the marks cost only where they are."""
_WORD = re.compile(_LETTERS)
_CLOCK = re.compile(
    rf"""
    (?P<hour>[0-9]{{1,2}})
    (?:
        (?P<mark>[:.])(?P<minute>[0-9]{{2}})                  # 13:47, 11.04
        (?::[0-9]{{2}}(?=\s?[AaPp]\.?\s?[Mm]))?                # 02:23:15 PM (no race time)
      | (?P<h>\s?[hH])(?:\s?(?P<h_minute>[0-9]{{2}}))?        # 14h23, 14 h 23, 14h
      | (?P<u>u)(?P<u_minute>[0-5][0-9])(?![0-9])               # 14u23 (Flemish)
    )?
    (?:\s?(?P<meridiem>[ap](?:\.\s?)?m\b\.?|[AP](?:\.\s?)?M\b\.?))?  # 2:02 p.m., 11am, 2.02PM, 10:45 p. m.
    (?:\s?(?P<suffix>Uhr|uur|[Hh]oras|hrs|hs|h)(?![^\W\d_]))?    # 11.04 Uhr, 15 uur, 10.30 h
    (?:\s?(?P<open>\()?(?P<zone>{ZONE_WORD}){OFFSET}?(?(open)\))(?![^\W\d_]))?
    """,
    re.VERBOSE,
)
_PLAY = re.compile(
    r"(?P<minute>[0-9]{1,3})"
    r"(?:\s?['’′](?:\s?\+\s?[0-9]{1,2}['’′]?)?|\s?\+\s?[0-9]{1,2}\s?['’′])"
)
"""A minute of play: "95'", "45'+2", "45+2'", "90+3’"."""
_PLAY_ORDINAL = re.compile(r"(?P<minute>[0-9]{1,3})(?:e|re|ère)(?:\s?\+\s?[0-9]{1,2})?\b")
"""A minute of play as French writes it, an ordinal: "80e", "1re", "45e+2"."""
_ORDINAL = r"(?:1[0-9]|[1-9])(?:st|nd|rd|th)"
_GAME_UNIT = r"(?:qtr\.?|quarter|period|per\.|half|ot|inning)"
_GAME_CLOCK = re.compile(
    rf"""
    (?:
        {_ORDINAL}\shole\b                                                # 18th hole
      |
        (?P<period>q[1-4]|[1-4]q|[1-4]?ot|{_ORDINAL}(?P<unit>\s?{_GAME_UNIT})?)
        (?:\s?[,-]?\s?(?P<clock>[0-5]?[0-9]:[0-5][0-9](?:\.[0-9])?))?       # Q3 5:42, 3rd Qtr 8:15
      | end\sof\s(?:the\s)?(?:regulation|q[1-4]|{_ORDINAL}(?:\s{_GAME_UNIT})?
            |(?:first|second|third|fourth)\s(?:quarter|period|half))         # End of 2nd
      | (?:top|bottom|bot\.?|mid|middle|end)(?:\sof\sthe)?\s{_ORDINAL}(?:\sinning)?  # Top 7th
      | (?P<stage>pre-?game|post-?game|half-?time|final/[1-4]?ot)            # Pregame: Text
      | (?:lap|tour|giro|vuelta|ronde|runde|okrążenie|hole|thru)\s?        # Lap 23/57, Thru 14
        [0-9]{{1,3}}(?:(?:\s?/\s?|\s(?:of|di|sur|de|van|von|z)\s)[0-9]{{1,3}})?\b  # 23 of 57
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""A game's clock or stage in US sports: "Q3 5:42", "3rd Qtr 8:15", "OT 2:10", "End of 2nd",
"End of regulation", "Top 7th", "Bottom of the 9th", "Pregame", "Halftime", "Final/OT"; and
the count of a race or round that stamps its posts the same way: a lap ("Lap 23/57", "Tour 23",
"Giro 23/57"), a golfer's hole ("18th hole", "Thru 14")."""
_DISTANCE = re.compile(
    r"""
    (?:[àa]\s)?[0-9]{1,3}(?:[.,][0-9])?\s?km\s                    # 32 km to go, à 32 km de …
    (?:to\sgo|from\sthe\sfinish|de\sl['’]arrivée|dal\straguardo|all['’]arrivo
      |de\s(?:la\s)?meta|del\sfinal|do\smety|tot\sde\sfinish|vor\sdem\sziel)\b
    | km\s?[0-9]{1,3}(?:[.,][0-9])?\b                                  # km 98
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""A race's distance stamping its posts as a minute stamps a match's: the kilometre raced
("km 98") or left to go ("32 km to go", "à 32 km de l'arrivée", "a 32 km dal traguardo")."""
_CLOCK_THEN_PERIOD = re.compile(
    rf"[0-5]?[0-9]:[0-5][0-9]\s?(?:[-–—|·,]\s?)?"
    rf"(?:q[1-4]|[1-4]q|[1-4]?ot|{_ORDINAL}(?P<unit>\s?{_GAME_UNIT})?)\b",
    re.IGNORECASE,
)
"""A game's clock written before its period: "10:42 – 1st Qtr", "2:03 2Q", "0:21 - Q4"; a
period without its unit only as the whole text ("14:05 Q3: Revenue rose" is a time of day)."""
_INCHES = re.compile(r"[0-9]{1,2}[\"”″]")
"""After "5' ", the inches of a height: 5' 11"."""
LONGEST_MATCH = 130
"""The highest minute of play: 120 and added time."""
_ONE_ALTERNATIVES = "|".join(
    sorted((re.escape(word) for word in words.ONE_WORDS.split()), key=len, reverse=True)
)
_AGO_BEFORE = "|".join(
    sorted(
        {
            form.replace(" ", r"\s+")
            for word in (*words.AGO_BEFORE, *words.AGO_AROUND)
            for form in (word, words.fold(word))  # Greek capitals drop accents: "ΠΡΙΝ ΑΠΟ"
        },
        key=len,
        reverse=True,
    )
)
_AGO_AFTER = "|".join(
    word.replace(" ", r"\s+") for word in (*words.AGO_AFTER, *words.AGO_AROUND.values())
)
_UNIT_TAILS = "|".join(words.UNIT_TAILS)
_AROUND = {(words.fold(before), words.fold(after)) for before, after in words.AGO_AROUND.items()}
_AROUND_FIRST = {before for before, _ in _AROUND}
_ONE_UNIT_AGO = frozenset(words.fold(word) for word in words.ONE_UNIT_AGO)
_UNITS_AGO = frozenset(words.fold(word) for word in words.UNITS_AGO)
_AND = "and|und|et|y|e|en|i|og|och"
"""The word between the units of a time ago: "1 heure et 12 minutes", "1 uur en 12 minuten"."""
_RELATIVE = re.compile(
    rf"""
    (?:(?P<before>{_AGO_BEFORE})\s+)?
    (?:(?P<count>[0-9]{{1,3}}|{_ONE_ALTERNATIVES})(?:\s|(?<![A-Za-z\u00c0-\u024f\u0370-\u04ff])))?
    (?P<unit>{_LETTERS})\.?(?:\s+(?:{_UNIT_TAILS})(?![^\W\d_]))?
    (?P<more>(?:,?\s*(?:(?:{_AND})\s+)?[0-9]{{1,3}}\s?[^\W\d_]+\.?){{1,2}})?  # 1 hr 5 min, 1h 5m
    (?:\s+(?P<after>{_AGO_AFTER})(?![^\W\d_]))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_JUST_NOW = re.compile(
    "|".join(re.escape(phrase).replace("'", "['’]") for phrase in words.JUST_NOW), re.IGNORECASE
)
_GLUE = re.compile(
    r"(?:\.?\s?(?:г\.|года|godine)(?![^\W\d_]))?"  # the year's word: "2024 г.", "2024. godine"
    r"(?:\s*[,،|–—•·/-]\s*|\.?\s+)"  # "،": the Arabic comma
    r"(?:(?P<word>at|um|à|às|as|a\s+las|alle|a|ore|o\s+godz\.?|godz\.?|kl\.?|klo|om|o|u|ob|в|о|у)\s+)?"
    r"(?=[0-9])",
    re.IGNORECASE,
)
"""Between the date and the time of a moment: "5 August 2024, 14:00", "18. Juli um 11.04 Uhr",
"17.07.2024 • 23:10 Uhr", "April 14, 2026 / 7:10 PM", "5 août à 14h", "18 luglio alle 14.30",
"3 de agosto a las 14:00", "18 lipca o godz. 14:00", "16/02 às 01:52", "13. juni kl. 09.12",
"18 июля 2024 в 14:23", "18. srpnja 2024. u 14:23", "18 юли 2024 г., 14:23"."""
_HOURS = ("Uhr", "uur")
_HOUR_WORDS = (*_HOURS, "horas", "Horas", "hrs", "hs")
"""Words after a clock that make it one: "11.04 Uhr", "13.02 horas", "13:02 hs"."""
_STRONG_SEPARATORS = ":|–—•·-"
_SEPARATORS = _STRONG_SEPARATORS + ",."

_Follow = Literal["separator", "space", "capital", "glued"]
"""What comes after a stamp: the end of the text or a separator; a space then text; a space
then a capital letter; a capital letter with no space (text run together with the stamp)."""


_Strength = Literal["strong", "separator", "capital"]
"""How sure a stamp is to be a clock time: whatever follows it; only with a separator (or
the end) after it; also with a capitalised word after it."""


class _Rest(NamedTuple):
    start: int
    follow: _Follow


class _Time(NamedTuple):
    hour: int
    minute: int
    zone: tzinfo | None
    end: int
    rest: _Rest


def read_marker(text: str, language: str | None = None) -> Marker | None:
    """A time marker at the very start of `text` (spaces, NBSP and a German ticker's "+++"
    allowed before it), or None. See the module's notes for what counts; `language` only
    orders "5/8" (day first unless US English)."""
    if not text:
        return None
    if "0" <= text[0] <= "9" and (quick := _quick_marker(text)) is not None:
        return quick
    start = _lead_end(text) if text[0].isspace() or text[0] == "+" else 0
    if start >= len(text):
        return None
    first = text[start]
    if "\u0600" <= first <= "\u09ff":  # Arabic to Bengali, their digits read as ours ("١٤:٠٥")
        text = text.translate(_NATIVE_DIGITS)
        first = text[start]
    if "0" <= first <= "9":
        for reader in _readers_for_number(text, start):
            if marker := reader(text, start, language):
                return marker
        return None
    if not first.isalpha() or not _may_lead(text, start):
        return None
    if (word := _WORD.match(text, start)) is None:
        return None
    lead = words.fold(word[0])
    if text[word.end() : word.end() + 1] in ("'", "’") and (
        joined := _WORD.match(text, word.end() + 1)
    ):
        whole = f"{lead}'{words.fold(joined[0])}"  # "aujourd'hui"
        if whole in _DAYS_BACK:
            lead, word = whole, joined
    if lead in _DAY_PHRASE_STARTS and (second := _WORD.match(text, _skip_spaces(text, word.end()))):
        phrase = f"{lead} {words.fold(second[0])}"  # "i går 21:40"
        if phrase in _DAYS_BACK:
            lead, word = phrase, second
    if lead in _CLOCK_PREFIXES:
        return _clock_marker(text, _skip_prefix(text, word.end()), prefixed=True)
    if lead in _CLOCK_WORDS:
        return _clock_marker(text, _skip_spaces(text, word.end()), prefixed=False)
    if lead in _DAYS_BACK and (marker := _day_word_clock(text, word.end(), language)):
        return replace(marker, days_back=_DAYS_BACK[lead], label=_label(text, start, marker.end))
    if lead in _LANGUAGE_DAYS_BACK:
        day_language, back = _LANGUAGE_DAYS_BACK[lead]
        if (language or "")[:2].lower() == day_language and (
            marker := _day_word_clock(text, word.end(), language)
        ):
            return replace(marker, days_back=back, label=_label(text, start, marker.end))
    if lead in _RELATIVE_LEADS and (marker := _relative(text, start) or _just_now(text, start)):
        return marker
    if lead in _UPDATE_LEADS and (marker := _updated(text, start, language)):
        return marker
    if lead in _PINNED_LEADS and (marker := _pinned(text, start, language)):
        return marker
    if lead in _POSTING_LEADS:
        return _posted(text, start, language)
    if lead in DATE_WORDS:
        return _moment(text, start, language) or _weekday_clock(text, start, word, language)
    if lead in _GAME_LEADS:
        return _game_clock(text, start, language)
    if lead in _DISTANCE_LEADS:
        return _distance(text, start, language)
    return None


# Most texts hold no marker, and read_marker sees the opening of every element of a page:
# the tests below turn most of them away with a few string operations, before any regex.


def may_start_marker(text: str) -> bool:
    """Whether a marker may start `text` (not empty, no space first), by its first
    characters alone: False only when `read_marker` would find none in it, its spaces
    squashed or not. Cheaper than `read_marker`, and most texts need go no further."""
    return _may_start_head(text[:4])


@lru_cache(maxsize=4096)
def _may_start_head(head: str) -> bool:
    """`may_start_marker` of a text that starts with `head` (its first four characters,
    all it looks at), remembered: a page's texts share few heads ("The ", "Der ", "13:4")."""
    first = head[0]
    if "0" <= first <= "9" or first == "+" or first in _NATIVE_DIGIT_CHARS:
        return True
    if not first.isalpha():
        return False
    # A head of four letters reads the same squashed; any other goes on to read_marker.
    return not head.isalpha() or _may_lead(head, 0)


def _may_lead(text: str, start: int) -> bool:
    """Whether the word at `start` may be one a marker starts with ("vor", "Monday", "ore")."""
    head = text[start : start + 4].lower()
    if not head.isascii():
        head = _folded_head(head)  # accents, and NBSP to a space
    if head in _LEAD_HEADS:
        return True
    if head.isalpha():  # four letters no marker word starts with
        return False
    return head[:3] in _LEAD_HEADS or head[:2] in _LEAD_HEADS


@lru_cache(maxsize=1024)
def _folded_head(head: str) -> str:
    """`fold`, remembered: the heads of a page's texts repeat ("Über", "Österreich")."""
    return words.fold(head)


def _quick_marker(text: str) -> Marker | None:
    """The commonest markers, read without regular expressions: a clock ("13:47", "9:05")
    or a minute of play ("95'", "45’"), at the end of the text or before a word or a quote.
    None when the text is any other (or no) marker: `read_marker` then reads it the general
    way.

    Exactly what the general way reads: after a clock, a word that could begin an am/pm,
    "Uhr", "uur", "h" or a zone ("13:47 PM", "13:47 CET") is left to it, and so is a
    separator, digit, "+" or "(" after either ("13:47 - 14:00", "45' +2", "5' 11\"")."""
    digits = 1
    length = len(text)
    while digits < length and "0" <= text[digits] <= "9":
        digits += 1
    if digits == length:
        return None
    mark = text[digits]
    if mark == ":" and digits <= 2:
        stamp = digits + 3
        minutes = text[digits + 1 : stamp]
        if len(minutes) != 2 or not ("0" <= minutes[0] <= "5" and "0" <= minutes[1] <= "9"):
            return None
        hour = int(text[:digits])
        if hour > 23 or (rest := _word_after(text, stamp, clock=True)) is None:
            return None
        if _may_name_a_day(text[rest : rest + 3]):
            return None  # "10:15 June 4, 2024": the clock's date, read the general way
        if text[rest : rest + 2].lower() in _DAY_HEADS and _day_after(text, rest, None):
            return None  # "22:10 gisteren": read the general way, in the page's language
        if text[rest : rest + 1] == "Q" and text[rest + 1 : rest + 2] in _QUARTERS:
            return None  # "10:42 Q1": a game's clock, read the general way
        return Marker("clock", hour=hour, minute=int(minutes), label=text[:stamp], end=rest)
    if mark == "." and digits <= 2:
        return _quick_hours(text, digits)
    if mark in "'’′" and digits <= 3:
        stamp = digits + 1
        minute = int(text[:digits])
        if minute > LONGEST_MATCH or (rest := _word_after(text, stamp, clock=False)) is None:
            return None
        if text.startswith(_HALVES, rest) and (half := _half(text, rest)):
            return Marker("minute", minute=minute, label=_label(text, 0, half[0]), end=half[1])
        return Marker("minute", minute=minute, label=text[:stamp], end=rest)
    return None


_QUARTERS = frozenset("1234")
"""The digits after "Q" that make a game's quarter ("10:42 Q1")."""


def _may_name_a_day(head: str) -> bool:
    """Whether a word starting with `head` (three characters) may be a month or weekday."""
    lowered = head.lower()
    return lowered in _DATE_HEADS or not lowered.isascii()


_DATE_HEADS = frozenset(word[:3] for word in DATE_WORDS)


def _quick_hours(text: str, digits: int) -> Marker | None:
    """A clock with its hours word, read the quick way: "11.04 Uhr: Text", "14.30 uur",
    "1.10 Uhr". Not a date ("18.07.2024"), nor "Uhr" run on into a word ("Uhrzeit")."""
    stamp = digits + 3
    minutes = text[digits + 1 : stamp]
    if len(minutes) != 2 or not ("0" <= minutes[0] <= "5" and "0" <= minutes[1] <= "9"):
        return None
    hour = int(text[:digits])
    if hour > 23 or text[stamp : stamp + 1] == ".":
        return None
    word = stamp + 1 if text[stamp : stamp + 1].isspace() else stamp
    end = word + 3
    if text[word:end] not in _HOURS or _runs_on(text[end : end + 1]):
        return None
    if text[end : end + 1] == ":":
        if text[end + 1 : end + 2].isdigit():
            return None
        rest: int | None = _skip_spaces(text, end + 1)
    else:
        rest = _word_after(text, end, clock=True)
    if rest is None:
        return None
    return Marker("clock", hour=hour, minute=int(minutes), label=_label(text, 0, end), end=rest)


def _runs_on(char: str) -> bool:
    """Whether a word runs on into `char` (a letter, digit or "_"; "²" too)."""
    return char.isalnum() or char == "_"


def _word_after(text: str, end: int, *, clock: bool) -> int | None:
    """Where the rest of the text starts after a stamp ending at `end`: at the end of the
    text, or after one space or more at a word or a quote; None for anything else. After one
    space a `clock`'s word must not be one the clock's pattern reads on into (see `_CLOCK`)."""
    length = len(text)
    if end == length:
        return end
    if not text[end].isspace():
        return None
    rest = _skip_spaces(text, end + 1)
    if rest == length:
        return rest
    first = text[rest]
    if first.isdigit() or first in _SEPARATORS or first in "+(":
        return None  # a range ("13:47-14:00"), added time ("45' +2"), inches, a zone "(CET)"
    if clock and rest == end + 1 and first.isalpha() and _clock_reads_on(text[rest : rest + 2]):
        return None
    return rest


_READS_ON = frozenset({"am", "a.", "pm", "p.", "AM", "A.", "PM", "P.", "Uh", "uu"})


def _clock_reads_on(head: str) -> bool:
    """Whether `_CLOCK` may read on past one space into a word that starts with `head` (its
    first two characters): an am/pm ("pm", "A.M."), "Uhr", "uur", "h", a zone ("CET")."""
    return head in _READS_ON or head[0] == "h" or (head.isalpha() and head.isupper())


def _readers_for_number(text: str, start: int) -> tuple[_Reader, ...]:
    """The readers worth trying on a text that starts with a digit, by what follows the
    digits: "13:" can only be a clock, "95'" a minute of play, "2024-" a date."""
    after = start
    while after < len(text) and "0" <= text[after] <= "9":
        after += 1
    following = text[after : after + 1]
    digits = after - start
    if digits == 4:
        if following == "-":
            return (_iso_moment, _moment)  # "2024-07-18T11:10:00Z", "2024-09-20 14:23"
        return (_moment,) if following == "." else ()  # "2024. szept. 20."
    if digits == 3:
        return (_relative, _minute_of_play)
    if digits > 4 or not following:
        return ()
    if following.isspace():
        return _readers_before_word(text, after + 1)
    if following in "時时":
        return (_cjk_clock, _relative)  # "14時23分", "2時間前"
    if following.isalpha():
        if following == "r":  # "3rd Qtr 8:15", "1re"
            return (_relative, _moment, _plain_clock, _game_clock, _ordinal_minute)
        if following in "snrtOQ":  # "2OT 3:12", "3Q 5:42"
            return (_relative, _moment, _plain_clock, _game_clock)
        if following == "e":  # "80e"
            return (_relative, _moment, _plain_clock, _ordinal_minute)
        if following == "k":  # "32km to go"
            return (_distance,)
        return (_relative, _moment, _plain_clock)  # "16m ago", "1st August", "14h23", "11am"
    return _READERS_AFTER_DIGITS.get(following, ())


def _readers_before_word(text: str, start: int) -> tuple[_Reader, ...]:
    """The readers worth trying on a number followed by a space and the text at `start`. A
    word of plain letters there goes on a marker only as a unit ("16 min ago"), a month or
    the "de"/"of"/"d'" before one ("5 August", "3 de agosto", "21 d'octubre"), or a clock's "h", am/pm or "Uhr"
    ("10 h 30", "2 PM", "10 Uhr"): a player's number and name ("22 J. Delaplace") is none."""
    word = _WORD.match(text, start)
    if word is None or not word[0].isascii():  # accents: as a pattern that ignores case reads them
        return (_relative, _minute_of_play, _moment, _plain_clock)
    folded = words.fold(word[0])
    if folded == "km":
        return (_distance,)  # "32 km to go"
    unit = folded in _UNITS
    month = folded in DATE_WORDS or folded in ("de", "of", "d")
    clock = folded[0] in "hapu"
    if not (unit or month or clock):
        return ()  # the commonest case: no reader can read on
    return tuple(
        reader
        for reader, possible in ((_relative, unit), (_moment, month), (_plain_clock, clock))
        if possible
    )


def _lead_end(text: str) -> int:
    match = _LEAD.match(text)
    return match.end() if match else 0


def _skip_prefix(text: str, end: int) -> int:
    """Past a clock's prefix word ending at `end`, its dot and spaces ("godz. 14:30")."""
    if text.startswith(".", end):
        end += 1
    return _skip_spaces(text, end)


def _rest(text: str, end: int) -> _Rest | None:
    """Where the rest of the text starts after a stamp that ends at `end`, or None if what
    follows shows it is no stamp (a digit, a lower-case letter run on, "%", a range "-14:00")."""
    position = end
    length = len(text)
    while position < length and text[position].isspace():
        position += 1
    if position == length:
        return _Rest(position, "separator")
    char = text[position]
    if text.startswith("+++", position):
        return _Rest(_skip_spaces(text, position + 3), "separator")
    if char in _SEPARATORS:
        after = text[position + 1 : position + 2]
        if after.isdigit():
            return None
        follow: _Follow = "separator" if char in _STRONG_SEPARATORS else "space"
        return _Rest(_skip_spaces(text, position + 1), follow)
    if position == end:  # a capital, or a letter of a script without case ("14:02부산항")
        return _Rest(position, "glued") if char.isalpha() and not char.islower() else None
    return _Rest(position, "capital" if char.isupper() else "space")


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _label(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _clock_at(text: str, start: int, *, prefixed: bool) -> _Time | None:
    """A clock time at `start`, with what follows it; `prefixed` after "ore", "godz."..."""
    match = _CLOCK.match(text, start)
    if match is None:
        return None
    hour = int(match["hour"])
    minute_text = match["minute"] or match["h_minute"] or match["u_minute"]
    minute = int(minute_text) if minute_text else 0
    if hour > 23 or minute > 59:
        return None
    meridiem = match["meridiem"]
    if meridiem and 1 <= hour <= 12:
        hour = hour % 12 + (12 if meridiem[0] in "pP" else 0)
    elif meridiem and minute_text is None:
        return None  # "13pm", "0am"; "13:00 pm" is read as the 24-hour time it shows
    zone, end = _zone_of(text, match, twelve_hour=bool(meridiem))
    suffix = match["suffix"]
    strength: _Strength
    hours_shown = match["h_minute"] or match["u_minute"] or meridiem or suffix in _HOUR_WORDS
    if prefixed or match["mark"] == ":" or hours_shown:
        strength = "strong"
    elif match["mark"] == ".":
        strength = "strong" if suffix == "h" or zone is not None else "separator"
    elif match["h"]:
        strength = "capital"
    else:
        return None  # a bare number
    rest = _rest(text, end)
    if rest is None or not _follows_well(strength, rest.follow):
        return None
    return _Time(hour, minute, zone, end, rest)


def _zone_of(text: str, match: re.Match[str], *, twelve_hour: bool) -> tuple[tzinfo | None, int]:
    """The zone written after a clock and where the stamp ends, with or without it."""
    if match["zone"] is None:
        return None, match.end()
    before_zone = match.start("open") if match["open"] else match.start("zone")
    while before_zone > match.start() and text[before_zone - 1].isspace():
        before_zone -= 1
    if match["zone"] in words.US_ZONES and not twelve_hour:
        after = _rest(text, match.end())
        if after is None or after.follow != "separator":
            return None, before_zone
    zone = written_zone(match)
    return (zone, match.end()) if zone is not None else (None, before_zone)


def _follows_well(strength: _Strength, follow: _Follow) -> bool:
    if strength == "strong":
        return True
    if strength == "capital":
        return follow in ("separator", "capital")
    return follow == "separator"


def _plain_clock(text: str, start: int, language: str | None) -> Marker | None:
    return _clock_marker(text, start, prefixed=False, language=language)


def _clock_marker(
    text: str, start: int, *, prefixed: bool, language: str | None = None
) -> Marker | None:
    found = _clock_at(text, start, prefixed=prefixed)
    if found is None:
        return None
    if (dated := _date_after(text, start, found, language)) is not None:
        return dated
    end, rest, back = found.end, found.rest.start, None
    if rest < len(text) and text[rest].isalpha() and (day := _day_after(text, rest, language)):
        end, rest, back = day
    return Marker(
        "clock",
        hour=found.hour,
        minute=found.minute,
        zone=found.zone,
        days_back=back,
        label=_label(text, start, end),
        end=rest,
    )


def _day_after(text: str, at: int, language: str | None) -> tuple[int, int, int] | None:
    """A day named relative to today after a clock, ending the stamp ("22:10 gisteren",
    "14:23, wczoraj"): where the day's word ends, where the text goes on, and the days back."""
    word = _WORD.match(text, at)
    if word is None or text[at : at + 2].lower() not in _DAY_HEADS:
        return None
    folded = words.fold(word[0])
    if (back := _DAYS_BACK.get(folded)) is None:
        return None
    if folded == "hier" and language and language[:2] in words.HERE_LANGUAGES:
        return None
    rest = _rest(text, word.end())
    if rest is None or rest.follow != "separator":
        return None
    return word.end(), rest.start, back


def _date_after(text: str, start: int, clock: _Time, language: str | None) -> Marker | None:
    """A clock followed by its date: "12:42 a.m. ET, June 5, 2024", "14:23, 18 July 2024",
    "2:31 PM on Jun 4". Only where the date ends the text or a separator or a capitalised
    word follows it: "13:47 5 August marks the day" is a clock, then text about a date."""
    glue = _CLOCK_DATE_GLUE.match(text, clock.end)
    at = glue.end() if glue is not None else len(text)
    if not text[at : at + 1].isdigit():  # most clocks: a word, a date only if it names one
        word = _WORD.match(text, at)
        if word is None or words.fold(word[0]) not in DATE_WORDS:
            return None
    match = DATE.match(text, at)
    if match is None or (parts := day_parts(match, language)) is None:
        return None
    rest = _rest(text, match.end())
    if rest is None or rest.follow not in ("separator", "capital"):
        return None
    return _moment_marker(parts, clock, _label(text, start, match.end()), rest.start)


def _moment_marker(parts: DayParts, clock: _Time, label: str, end: int) -> Marker:
    """The moment of a written date (`parts`) and clock time: a day if the year is written,
    else only the month and day (the `Clock` finds the year)."""
    year = parts.year
    return Marker(
        "moment",
        hour=clock.hour,
        minute=clock.minute,
        day=date(year, parts.month, parts.day) if year is not None else None,
        month_day=(parts.month, parts.day) if year is None else None,
        zone=clock.zone,
        label=label,
        end=end,
    )


_CLOCK_DATE_GLUE = re.compile(r"(?:\s*[,|•·–—-])?\s*(?:on\s+)?", re.IGNORECASE)
"""Between a clock and the date after it: ", ", " · ", " on "."""


def _cjk_clock(text: str, start: int, language: str | None) -> Marker | None:
    """A Japanese or Chinese clock time: "14時23分", "9時"."""
    match = _CJK_CLOCK.match(text, start)
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 23 or minute > 59:
        return None
    end = _skip_spaces(text, match.end())
    return Marker("clock", hour=hour, minute=minute, label=match[0].strip(), end=end)


_CJK_CLOCK = re.compile(r"(?P<hour>\d{1,2})\s*[時时](?!间|間)\s*(?:(?P<minute>\d{1,2})\s*分)?")


def _day_word_clock(text: str, end: int, language: str | None) -> Marker | None:
    """The clock after a day named relative to today: "wczoraj, 22:45", "Gestern, 14.00
    Uhr", "Yesterday 5:30pm" ("Hier" is "yesterday" only where it is no word for "here")."""
    if language and language[:2] in words.HERE_LANGUAGES and words.fold(text[:4]) == "hier":
        return None
    glue = _DAY_WORD_GLUE.match(text, end)
    if glue is None:
        return None
    clock = read_marker(text[glue.end() :], language)
    if clock is None or clock.kind != "clock":
        return None
    return replace(clock, end=clock.end + glue.end())


def _weekday_clock(
    text: str, start: int, word: re.Match[str], language: str | None
) -> Marker | None:
    """The clock after a weekday, with no date between: "Sa., 23:40 Uhr", "Samstag um
    23:40", "Mon 9:50 AM PDT". The weekday must be one of the page's language, if known."""
    weekday = _weekday_number(words.fold(word[0]), language)
    if weekday is None:
        return None
    end = word.end() + (text[word.end() : word.end() + 1] == ".")
    marker = _day_word_clock(text, end, language)
    if marker is None:
        return None
    return replace(marker, weekday=weekday, label=_label(text, start, marker.end))


def _weekday_number(folded: str, language: str | None) -> int | None:
    names = _WEEKDAYS_BY_LANGUAGE.get((language or "")[:2].lower())
    if names is not None:
        return names.get(folded)
    return next(
        (
            found
            for names in _WEEKDAYS_BY_LANGUAGE.values()
            if (found := names.get(folded)) is not None
        ),
        None,
    )


_WEEKDAYS_BY_LANGUAGE = {
    language: {
        words.fold(spelling): number
        for number, spellings in enumerate(names)
        for spelling in spellings.split()
    }
    for language, names in words.WEEKDAYS.items()
}
"""Per language, each spelling of a weekday (folded) to its number, Monday 0."""


_DAY_WORD_GLUE = re.compile(r",?\s*(?:(?:at|um|à|às|as|alle|a las|o|om|u|ob|в|во|о|у)\s+)?")
"""Between the day and its clock: "Yesterday at", "Ontem às", "jučer u", "вчера в"; a clock's own word ("kl.",
"klo") is left to the clock, as it makes "23.41" a time."""


def _moment(text: str, start: int, language: str | None) -> Marker | None:
    """A date, then a time: "5 August 14:00", "Monday, August 5, 2024 2:02 p.m. ET"."""
    match = DATE.match(text, start)
    if match is None or (parts := day_parts(match, language)) is None:
        return None
    glue = _GLUE.match(text, match.end())
    if glue is None:
        return None
    word = glue["word"]
    prefixed = word is not None and words.fold(word.split()[-1]).rstrip(".") in _CLOCK_PREFIXES
    found = _clock_at(text, glue.end(), prefixed=prefixed)
    if found is None:
        return None
    return _moment_marker(parts, found, _label(text, start, found.end), found.rest.start)


def _iso_moment(text: str, start: int, language: str | None) -> Marker | None:
    """A moment written as ISO 8601, as templates print a post's stored time
    ("2024-07-18T11:10:00.000Z", "2024-07-18 11:10:00"): in UTC or the offset it names, else
    in the page's zone."""
    match = _ISO_MOMENT.match(text, start)
    if match is None:
        return None
    try:
        when = datetime.fromisoformat(match[0])
    except ValueError:
        return None  # no real day or time ("2024-02-30", "25:10")
    offset = when.utcoffset()
    if offset is not None and abs(offset) > LONGEST_OFFSET:
        return None
    hour, minute, day, zone = when.hour, when.minute, when.date(), when.tzinfo
    end = _skip_spaces(text, match.end())
    return Marker("moment", hour=hour, minute=minute, day=day, zone=zone, label=match[0], end=end)


LONGEST_OFFSET = timedelta(hours=14)
"""The furthest from UTC a zone's offset is."""
_ISO_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\d:])"
)


def _phrases(phrases: Iterable[str]) -> str:
    """A regex for any of `phrases`, as written or folded, any spaces between their words."""
    forms = {form for phrase in phrases for form in (phrase, words.fold(phrase))}
    escaped = (re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return "|".join(sorted(escaped, key=len, reverse=True))


_UPDATE_GLUE = _phrases(glue.strip() for glue in words.UPDATE_GLUE.split(","))
_UPDATE = re.compile(
    rf"(?:{_phrases(words.UPDATE_WORDS)})(?![^\W\d_])\s*[,:|–—-]?\s*(?:(?:{_UPDATE_GLUE})\s+)?",
    re.IGNORECASE,
)
"""A word of update, and what leads from it to its time: "Update vom ", "Mise à jour du "."""
_POSTED = re.compile(
    rf"(?:{_phrases(words.POSTING_WORDS)})(?![^\W\d_])\s*:?\s*(?:(?:{_UPDATE_GLUE})\s+)?",
    re.IGNORECASE,
)
"""A word of posting, and what leads from it to its time: "Posted at ", "Publié à "."""
_PINNED_GLUE = _phrases(glue for glues in PINNED_SINCE.values() for glue in glues)
_PINNED = re.compile(
    rf"(?:{_phrases(_PINNED_LABELS)})(?![^\W\d_])"
    rf"(?:\s*[:|–—·•-]\s*(?:(?:{_PINNED_GLUE})\s+)?|\s+(?:{_PINNED_GLUE})\s+)",
    re.IGNORECASE,
)
"""A label pinning a post, and what leads from it to the time it holds: "Pinned post from ",
"Angeheftet seit ", "Pinned · "; a word alone before a number ("Fast 10 Uhr") is none."""


def _updated(text: str, start: int, language: str | None) -> Marker | None:
    """The clock or moment after a word of update: "Update vom 15. März, 8.20 Uhr: Text",
    "Aggiornamento ore 14.20:", "Update 2:31 p.m.:"; None when no time follows the word."""
    return _led(_UPDATE, text, start, language, ("clock", "moment"))


def _posted(text: str, start: int, language: str | None) -> Marker | None:
    """The clock or time ago after a word of posting or of the last update: "Posted 2:31
    p.m. ET", "Posted at 00:52 GMT", "Veröffentlicht vor 5 Min.", "Last updated 3:05 PM
    EDT"; None when neither follows the word."""
    return _led(_POSTED, text, start, language, ("clock", "relative"))


def _pinned(text: str, start: int, language: str | None) -> Marker | None:
    """The clock or moment after a label pinning the post: "Pinned post from 9.32pm" (the
    post is pinned, and was posted then)."""
    found = _led(_PINNED, text, start, language, ("clock", "moment"))
    return replace(found, pinned=True) if found is not None else None


def _led(
    lead: re.Pattern[str],
    text: str,
    start: int,
    language: str | None,
    kinds: tuple[str, ...],
) -> Marker | None:
    """The marker of one of `kinds` after the words `lead` matches at `start`, read as one
    with them."""
    match = lead.match(text, start)
    if match is None:
        return None
    at = match.end()
    if at >= len(text) or not (text[at].isdigit() or _may_lead(text, at)):
        return None
    found = read_marker(text[at:], language)
    if found is None or found.kind not in kinds:
        return None
    end = at + found.end
    label = _label(text, start, end).rstrip(_SEPARATORS_AFTER)  # "ore 14.20", as written
    return replace(found, label=label, end=end)


_SEPARATORS_AFTER = " :|–—-,•·+"
"""What may follow a stamp before its text (not "."; "2:31 p.m." ends with one)."""


def _relative(text: str, start: int, language: str | None = None) -> Marker | None:
    """ "16 min ago", "an hour ago", "vor 2 Stunden", "il y a 5 min", "3 ore fa",
    "hace 2 horas", "2 godziny temu", "godzinę temu", "3 uur geleden", "12 perce"."""
    match = _RELATIVE.match(text, start)
    if match is None:
        return None
    unit = words.fold(match["unit"])
    if unit in _UNITS_AGO:  # "12 perce": an amount, and a unit that says "ago" itself
        if match["before"] or match["after"] or not (match["count"] or "").isdigit():
            return None
    elif not _ago_words_agree(match["before"], match["after"]):
        return None
    seconds = _UNITS.get(unit)
    count_text = match["count"]
    if seconds is None or (
        count_text is None
        and words.fold(match["after"] or match["before"] or "") not in _ONE_UNIT_AGO
    ):
        return None
    count = int(count_text) if count_text and count_text.isdigit() else 1
    ago, end = count * seconds, match.end()
    if match["more"]:
        more = _more_ago(match["more"]) if match["before"] or match["after"] else None
        if more is None:  # "vor 2 Stunden 3 Tote": the text goes on after the unit
            if match["after"]:
                return None
            end = match.start("more")
        else:
            ago += more
    if (rest := _rest(text, end)) is None:
        return None
    return Marker(
        "relative",
        ago=timedelta(seconds=ago),
        label=_label(text, start, end),
        end=rest.start,
    )


def _more_ago(text: str) -> int | None:
    """The seconds of the smaller units after the first of a time ago ("5 min" of "1 hr 5 min
    ago"), or None if one of them is no unit."""
    total = 0
    for count, unit in _AGO_PART.findall(text):
        seconds = _UNITS.get(words.fold(unit))
        if seconds is None:
            return None
        total += int(count) * seconds
    return total


_AGO_PART = re.compile(r"([0-9]{1,3})\s?([^\W\d_]+)")


def _ago_words_agree(before: str | None, after: str | None) -> bool:
    """One word before the amount or one after it ("vor 2 Stunden", "2 hours ago"), or the
    two written around it ("for 6 minutter siden"), the first only with the second."""
    before_word, after_word = words.fold(before or ""), words.fold(after or "")
    if before_word in _AROUND_FIRST:
        return (before_word, after_word) in _AROUND
    return bool(before_word) != bool(after_word)


def _just_now(text: str, start: int) -> Marker | None:
    match = _JUST_NOW.match(text, start)
    if match is None or (rest := _rest(text, match.end())) is None:
        return None
    if rest.follow != "separator":
        return None
    return Marker(
        "relative", ago=timedelta(0), label=_label(text, start, match.end()), end=rest.start
    )


def _minute_of_play(text: str, start: int, language: str | None = None) -> Marker | None:
    match = _PLAY.match(text, start)
    if match is None or int(match["minute"]) > LONGEST_MATCH:
        return None
    if (rest := _rest(text, match.end())) is None or _INCHES.match(text, rest.start):
        return None
    end = match.end()
    if text.startswith(_HALVES, rest.start) and (half := _half(text, rest.start)):
        end, rest = half[0], _Rest(half[1], "separator")
    return Marker(
        "minute", minute=int(match["minute"]), label=_label(text, start, end), end=rest.start
    )


_HALVES = ("pt", "st", "p.t.", "s.t.")
"""The half a minute of play is counted in, written after it in Italian: "12' pt" (primo
tempo), "45'+2' st", "12' s.t." (secondo tempo): part of the stamp."""


def _half(text: str, at: int) -> tuple[int, int] | None:
    """Where the half written at `at` ("pt", "s.t.") ends and the text goes on after it, if
    it stands as a word there: at the text's end, or past a separator after it."""
    after = at + (4 if text[at + 1] == "." else 2)
    if after < len(text) and _runs_on(text[after]):
        return None
    rest = _rest(text, after)
    return (after, rest.start) if rest is not None else None


def _ordinal_minute(text: str, start: int, language: str | None = None) -> Marker | None:
    """A minute of play written as an ordinal ("80e", "1re"), standing alone or before a
    strong separator: "12e arrondissement" and "3e étage" are no stamps."""
    match = _PLAY_ORDINAL.match(text, start)
    if match is None or int(match["minute"]) > LONGEST_MATCH:
        return None
    rest = _skip_spaces(text, match.end())
    if rest < len(text):
        if text[rest] not in _STRONG_SEPARATORS or not text[rest + 1 : rest + 2].isspace():
            return None
        rest = _skip_spaces(text, rest + 1)
    return Marker(
        "minute", minute=int(match["minute"]), label=_label(text, start, match.end()), end=rest
    )


def _game_clock(text: str, start: int, language: str | None = None) -> Marker | None:
    """A game's clock or stage (see `_GAME_CLOCK`), the stamp of a game's post as a minute
    of play is a match's: standing alone or before a separator ("Q3 5:42 – Text"); a stage
    only before one ("Pregame: Lineups"). A quarter
    without its clock ("Q3", "OT") only as the whole text ("Q3: Revenue rose" is a company's
    quarter), and an ordinal only with its unit or clock ("3rd Qtr", "3rd 8:15")."""
    match = _GAME_CLOCK.match(text, start)
    if match is None:
        return None
    rest = _skip_spaces(text, match.end())
    bare = match["period"] and not match["clock"] and not match["unit"]
    if bare and (rest < len(text) or match["period"][0].isdigit()):
        return None
    if match["stage"] and rest == len(text):
        return None  # "Half-time" alone: a divider between posts, or a stamp in a minute's place
    return _stage_marker(text, start, match.end(), language)


def _distance(text: str, start: int, language: str | None = None) -> Marker | None:
    """A race's distance (see `_DISTANCE`), read as `_game_clock` reads a game's stage."""
    match = _DISTANCE.match(text, start)
    return _stage_marker(text, start, match.end(), language) if match else None


def _stage_marker(text: str, start: int, end: int, language: str | None) -> Marker | None:
    """The marker of a game's or race's stage written from `start` to `end`: standing alone
    or before a separator ("Q3 5:42 – Text"), or before the post's time of day."""
    rest = _skip_spaces(text, end)
    if rest < len(text) and "0" <= text[rest] <= "9" and end < rest:
        # The post's time of day after it, in one box ("18th hole 7:05 p.m. ET"): that time,
        # the stage and all a label
        clock = _clock_marker(text, rest, prefixed=False, language=language)
        if clock is None or clock.kind != "clock":
            return None
        return replace(clock, label=f"{_label(text, start, end)} {clock.label}")
    if rest < len(text):
        if text[rest] not in _STRONG_SEPARATORS or not text[rest + 1 : rest + 2].isspace():
            return None
        rest = _skip_spaces(text, rest + 1)
    return Marker("minute", label=_label(text, start, end), end=rest)


def _clock_then_period(text: str, start: int, language: str | None = None) -> Marker | None:
    """A game's clock before its period ("10:42 – 1st Qtr"), read as `_game_clock` reads
    it after ("1st Qtr 10:42"): not the clock time of day it starts with."""
    match = _CLOCK_THEN_PERIOD.match(text, start)
    if match is None:
        return None
    rest = _skip_spaces(text, match.end())
    if rest < len(text):
        if not match["unit"]:
            return None
        if text[rest] not in _STRONG_SEPARATORS or not text[rest + 1 : rest + 2].isspace():
            return None
        rest = _skip_spaces(text, rest + 1)
    return Marker("minute", label=_label(text, start, match.end()), end=rest)


_Reader = Callable[[str, int, str | None], Marker | None]
_READERS_AFTER_DIGITS: dict[str, tuple[_Reader, ...]] = {
    ":": (_clock_then_period, _plain_clock),
    ".": (_moment, _plain_clock),  # "18.07.2024 11:04", "18. Juli 14:00"; "11.04 Uhr"
    "/": (_moment,),
    "-": (_moment,),  # "18-07-2024 14:23"
    "'": (_minute_of_play,),
    "’": (_minute_of_play,),
    "′": (_minute_of_play,),
    "+": (_minute_of_play,),
}
