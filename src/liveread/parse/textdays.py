"""Day headings between runs of posts ("Donnerstag, 18. 7.", "Monday 5 August", "Hier"), and
the written dates that `textmarkers` reads before a time."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from liveread.parse import timewords as words

__all__ = ["nearest_day", "read_day"]


def _numbered(source: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Every spelling of every language's list to its place in the list, from 1."""
    return {
        words.fold(spelling): number
        for names in source.values()
        for number, spellings in enumerate(names, 1)
        for spelling in spellings.split()
    }


_MONTHS = _numbered(words.MONTHS)
_LANGUAGE_MONTHS = {
    language: {words.fold(name): month for name, month in names.items()}
    for language, names in words.LANGUAGE_MONTHS.items()
}
_WEEKDAYS = _numbered(words.WEEKDAYS)
_DAYS_BACK = {words.fold(word): back for word, back in words.DAYS_BACK.items()}
DATE_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS) | frozenset(_DAYS_BACK)
"""The words (folded) a written date may start with: weekdays, months, "Heute"."""

_WEEKDAY_WORDS = words.spellings_pattern(
    [*(s for names in words.WEEKDAYS.values() for n in names for s in n.split()), *words.DAYS_BACK]
)
_MONTH_WORDS = words.spellings_pattern(
    s for names in words.MONTHS.values() for n in names for s in n.split()
)
DATE = re.compile(
    rf"""
    (?:(?P<weekday>{_WEEKDAY_WORDS})\.?,?\s+)?                         # Monday, Do., Heute,
    (?:
        (?P<day>[0-9]{{1,2}})(?:(?:st|nd|rd|th|er|º|°)\.?\s?|\.\s?|\s)(?:(?:de|of)\s+)?
        (?P<month_name>{_MONTH_WORDS})\.?
        (?:,?\s(?:de\s+)?(?P<year>[0-9]{{4}})(?![0-9]))?                   # 5 August 2024
      | (?P<month_name_first>{_MONTH_WORDS})\.?\s(?P<day_second>[0-9]{{1,2}})
        (?:st|nd|rd|th)?(?:,?\s(?P<year_last>[0-9]{{4}})(?![0-9]))?         # August 5, 2024
      | (?P<dotted_day>[0-9]{{1,2}})\.\s?(?P<dotted_month>[0-9]{{1,2}})\.
        (?:\s?(?P<dotted_year>[0-9]{{4}}|[0-9]{{2}})(?![0-9]|[:.][0-9]))?   # 18. 7., 18.07.2024
      | (?P<slashed_first>[0-9]{{1,2}})/(?P<slashed_second>[0-9]{{1,2}})
        (?:/(?P<slashed_year>[0-9]{{4}}|[0-9]{{2}}))?(?![0-9])              # 18/07, 18/07/2024
      | (?P<iso_year>[0-9]{{4}})-(?P<iso_month>[0-9]{{2}})-(?P<iso_day>[0-9]{{2}})(?![0-9])
      | (?P<dashed_day>[0-9]{{1,2}})-(?P<dashed_month>[0-9]{{1,2}})
        -(?P<dashed_year>[0-9]{{4}}|[0-9]{{2}})(?![0-9])                  # 18-07-2024, 18-07-24
      | (?P<year_first>[0-9]{{4}})\.\s?
        (?:(?P<month_name_middle>{_MONTH_WORDS})\.?|(?P<month_middle>[0-9]{{1,2}})\.)
        \s?(?P<day_last>[0-9]{{1,2}})\.(?![0-9])                 # 2024. szeptember 20., 2024.09.20.
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""A written date, with a weekday or a word such as "Heute" before it or not; `day_parts`
reads a match."""
_DAY_HEADING = re.compile(
    rf"(?:{DATE.pattern})\.?(?:\ ?(?:г\.|года|godine\.?))?", re.VERBOSE | re.IGNORECASE
)
"""A day heading: a date, and the year's word some languages write after it ("18 июля 2024
г.", "18. srpnja 2024. godine")."""
LONGEST_DAY_HEADING = 48
"""Characters, squashed: "poniedziałek, 30 października 2024" is 35."""


class DayParts(NamedTuple):
    """A written date; `year` is None when the text gives none."""

    year: int | None
    month: int
    day: int


def read_day(text: str, language: str | None = None, *, near: date | None = None) -> date | None:
    """A day heading's date, when the WHOLE text (squashed) is one: "Donnerstag, 18. 7.",
    "Monday 5 August", "5 August 2024", "lundi 5 août", "18/07", "18 luglio 2024",
    "sábado, 3 de agosto", "czwartek, 18 lipca", "donderdag 18 juli", "2024-07-18", "18-07-2024",
    "2024. szeptember 20.".

    A missing year is the one that puts the date nearest `near` (the page's date); without
    `near` such a day is None, as is "Today"/"Heute"/"Hier" (yesterday in French), which
    count from `near`. "18/07" is day/month unless `language` is US English ("en-US") or the
    day is the part above 12; without a year both parts need two digits, so "24/7" and "9/11"
    are no days. "18.7" (no closing dot, no year) is a number, not a day.
    """
    squashed = " ".join(text.split())
    if not squashed or len(squashed) > LONGEST_DAY_HEADING:
        return None
    if (back := _days_back(squashed.rstrip(".:"), language)) is not None:
        return near - timedelta(days=back) if near is not None else None
    if (cjk := _CJK_DAY.fullmatch(squashed)) is not None:
        year = int(cjk["year"]) if cjk["year"] else None
        try:
            return _dated(DayParts(year, int(cjk["month"]), int(cjk["day"])), near)
        except ValueError:
            return None
    match = _DAY_HEADING.fullmatch(squashed.rstrip(":"))
    if match is None or (parts := day_parts(match, language)) is None:
        return None
    return _dated(parts, near)


_CJK_DAY = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
    r"\s*(?:[（(][^）)]{1,3}[）)])?"
)
"""A Japanese or Chinese date: "7月17日（水）", "2024年7月17日"."""


def _days_back(word: str, language: str | None) -> int | None:
    folded = words.fold(word)
    if folded == "hier" and (language or "")[:2].lower() in words.HERE_LANGUAGES:
        return None
    return _DAYS_BACK.get(folded)


def day_parts(match: re.Match[str], language: str | None) -> DayParts | None:
    """The year (if written), month and day of a `DATE` match, or None if it is no date."""
    if (weekday := match["weekday"]) is not None and not _names_a_day(weekday, language):
        return None
    month: int | None
    if match["month_name"] is not None:
        month = _month(match["month_name"], language)
        day, year = int(match["day"]), match["year"]
    elif match["month_name_first"] is not None:
        month = _month(match["month_name_first"], language)
        day, year = int(match["day_second"]), match["year_last"]
    elif match["dotted_day"] is not None:
        day, month, year = (
            int(match["dotted_day"]),
            int(match["dotted_month"]),
            match["dotted_year"],
        )
    elif match["slashed_first"] is not None:
        first, second, year = match["slashed_first"], match["slashed_second"], match["slashed_year"]
        if year is None and (len(first) < 2 or len(second) < 2):
            return None
        day, month = _slash_order(int(first), int(second), language)
    elif match["dashed_day"] is not None:
        day, month = int(match["dashed_day"]), int(match["dashed_month"])
        year = match["dashed_year"]
    elif match["iso_year"] is not None:
        day, month, year = int(match["iso_day"]), int(match["iso_month"]), match["iso_year"]
    else:
        name = match["month_name_middle"]
        month = _month(name, language) if name else int(match["month_middle"])
        day, year = int(match["day_last"]), match["year_first"]
    if month is None:
        return None
    full_year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    try:  # 2000 is a leap year: the 29th of February is a day until a year says otherwise
        date(full_year or 2000, month, day)
    except ValueError:
        return None
    return DayParts(full_year, month, day)


def _month(name: str, language: str | None) -> int | None:
    """The month a name names, in the page's language if it names another there."""
    folded = words.fold(name)
    own = _LANGUAGE_MONTHS.get((language or "")[:2].lower())
    return own[folded] if own and folded in own else _MONTHS.get(folded)


def _names_a_day(word: str, language: str | None) -> bool:
    """Whether a word before a date names a weekday, or a day such as "Heute" ("Heute, 18. Juli")."""
    return words.fold(word) in _WEEKDAYS or _days_back(word, language) is not None


def _slash_order(first: int, second: int, language: str | None) -> tuple[int, int]:
    """(day, month) of "a/b": day first, but month first in US English or where only that
    order names a month."""
    month_first = (language or "").lower().replace("_", "-") == "en-us"
    if first > 12:
        month_first = False
    elif second > 12:
        month_first = True
    return (second, first) if month_first else (first, second)


def _dated(parts: DayParts, near: date | None) -> date | None:
    if parts.year is not None:
        return date(parts.year, parts.month, parts.day)
    return nearest_day(parts.month, parts.day, near) if near is not None else None


def nearest_day(month: int, day: int, near: date) -> date | None:
    """The `month`/`day` of the year that puts it nearest `near` (28 December read on
    2 January is last year's); None for a 29 February with no leap year around `near`."""
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda candidate: abs(candidate - near), default=None)
