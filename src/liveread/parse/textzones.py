"""The zone a live blog's times are in: what the page says ("All times are UK", "Alle Zeiten
in MESZ"), else what the site's country or language says, and the zone words written after
times ("2:02 p.m. ET")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, timedelta, timezone, tzinfo
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from liveread.parse import timewords as words

__all__ = [
    "ZONE_WORDS",
    "dateline_zone",
    "domain_suffix",
    "meant_zone",
    "original_address",
    "zone_for",
    "zone_statement",
]


@cache
def _zone(name: str) -> tzinfo:
    return UTC if name == "UTC" else ZoneInfo(name)


class _AmbiguousZone(ZoneInfo):
    """The default zone of an abbreviation that names several ("IST": India's): a class of
    its own, for `meant_zone` to tell it from the same zone named otherwise."""


_OTHER_MEANINGS = {
    words.ZONE_NAMES[word]: set(others) for word, others in words.OTHER_ZONE_MEANINGS.items()
}
"""By the default zone of an abbreviation that names several, the others it names."""


@cache
def _word_zone(word: str) -> tzinfo:
    name = words.ZONE_NAMES[word]
    return _AmbiguousZone(name) if word in words.OTHER_ZONE_MEANINGS else _zone(name)


def meant_zone(written: tzinfo, page_zone: tzinfo) -> tzinfo:
    """The zone a zone word written on a page means there: the page's own zone (its
    country's, or the one it states) where the word names it too ("IST" on an Irish page
    is Irish Standard Time, on an Israeli one Israel Standard Time), else the zone the word
    names anywhere (India's)."""
    if not isinstance(written, _AmbiguousZone):
        return written
    return page_zone if str(page_zone) in _OTHER_MEANINGS[written.key] else _zone(written.key)


class _ZoneWords(Mapping[str, tzinfo]):
    """`timewords.ZONE_NAMES` with each zone loaded on first use, not all at import."""

    def __getitem__(self, word: str) -> tzinfo:
        return _word_zone(word)

    def __iter__(self) -> Iterator[str]:
        return iter(words.ZONE_NAMES)

    def __len__(self) -> int:
        return len(words.ZONE_NAMES)


ZONE_WORDS: Mapping[str, tzinfo] = _ZoneWords()
"""Zone abbreviations written after times (ET, EST, GMT, UTC, BST, CET, CEST, MEZ, MESZ, IST
for India unless `meant_zone` reads it by the page's country, AEST, NZST, JST, ...; the whole list is `timewords.ZONE_NAMES`) to their zones."""

ZONE_WORD = words.any_word(words.ZONE_NAMES)
"""A regex for a zone word, for `textmarkers` ("2:02 p.m. ET")."""
OFFSET = r"(?:\s?(?P<sign>[+\-−])(?P<offset_hours>[0-9]{1,2})(?::?(?P<offset_minutes>[0-9]{2}))?)"
"""A regex for the offset that may follow "UTC" or "GMT" ("GMT+1", "UTC-05:00")."""
_MAX_OFFSET = timedelta(hours=14)


def written_zone(match: re.Match[str]) -> tzinfo | None:
    """The zone of a match of a zone word with an optional offset ("GMT+1", "UTC-05:00")."""
    if match["sign"] is None:
        return ZONE_WORDS[match["zone"]]
    if match["zone"] not in ("UTC", "GMT"):  # "CET+1" names no zone anyone uses
        return None
    offset = timedelta(hours=int(match["offset_hours"]), minutes=int(match["offset_minutes"] or 0))
    if offset > _MAX_OFFSET:
        return None
    return timezone(offset if match["sign"] == "+" else -offset)


_STATED = tuple((re.compile(pattern, re.I), name) for pattern, name in words.STATED_ZONES)
_PHRASES = tuple((re.compile(pattern, re.I), name) for pattern, name in words.ZONE_PHRASES)
_CITY = "|".join(words.CITY_TIMES)
_CITY_TIME = re.compile(
    rf"\b(?P<city>{_CITY})(?:ое|ого|ому|ий|им)\s+(?:врем|час)"
    rf"|(?:врем|час)\w*\s+(?:\w+\s+)?(?P<city_after>{_CITY})(?:ое|ий)\b"
    r"|врем\w*\s+(?:\w+\s+)?по\s+москве",
    re.I,
)
"""A zone named by its city's time, the city's adjective before or after the word for time
("по московскому времени", "время владивостокское", "за київським часом"), or "время по
Москве"; not the city itself ("в Омске часы перевели")."""
_CUE = re.compile(rf"\b(?:{words.STATEMENT_CUES})\b", re.I)
_STATED_ABBREVIATION = re.compile(rf"\b(?P<zone>{ZONE_WORD}){OFFSET}?(?![^\W\d_])")
STATEMENT_REACH = 80
"""How far after "times", "Zeiten"... the zone may be named, within one sentence."""


def zone_statement(text: str) -> tzinfo | None:
    """The zone a page says its times are in, found anywhere in a (short) text: "All times in
    UTC", "All updates are in Universal Coordinated Time (UTC)", "All times stated are UK",
    "times are ET", "Alle Zeiten in MESZ", "heure de Paris", "ora italiana", "hora peninsular".
    None when the text states no zone: a zone named without "times", "updates", "Zeiten"...
    before it ("the vote closes at 10pm GMT") is not a statement about the page."""
    for pattern, name in _PHRASES:
        if pattern.search(text):
            return _zone(name)
    if not text.isascii() and (city := _CITY_TIME.search(text)) is not None:
        stem = city["city"] or city["city_after"]
        return _zone(words.CITY_TIMES[stem.lower()] if stem else "Europe/Moscow")
    for cue in _CUE.finditer(text):
        reach = text[cue.end() : cue.end() + STATEMENT_REACH].split(". ", 1)[0]
        if (found := _first_zone_named(reach)) is not None:
            return found
    return None


_DATELINE = re.compile(
    r"(?:last )?(?:updated|published|posted|aktualisiert|mis à jour|actualizado|aggiornato"
    r"|atualizado|bijgewerkt|uppdaterad|zaktualizowano)\b.{0,60}?\d{1,2}[:.]\d{2}\s?"
    rf"(?:[ap]\.?\s?m\.?\s?)?\(?(?P<zone>{ZONE_WORD}){OFFSET}?\)?(?![^\W\d_])",
    re.IGNORECASE,
)


def dateline_zone(text: str) -> tzinfo | None:
    """The zone a page's own dateline writes its time in ("Updated September 12, 2024 at
    6:12 p.m. EDT", "Aktualisiert 14:05 MESZ"): the zone its bare times are in too."""
    match = _DATELINE.match(text.strip())
    return written_zone(match) if match is not None else None


def _first_zone_named(text: str) -> tzinfo | None:
    found: list[tuple[int, tzinfo | None]] = []
    if match := _STATED_ABBREVIATION.search(text):
        found.append((match.start(), written_zone(match)))
    for pattern, name in _STATED:
        if match := pattern.search(text):
            found.append((match.start(), _zone(name)))
    return min(found, key=lambda item: item[0])[1] if found else None


_ARCHIVED = re.compile(r"/\d{4,14}(?:[a-z]{2}_)?/(https?):/{1,2}([^/\s]+.*)", re.IGNORECASE)
"""An archived copy's address, from the time it was taken on ("https://web.archive.org/web/
20240718143012/https://www.example.co.uk/live", "…/20240718143012im_/http:/example.de/")."""


def original_address(url: str) -> str:
    """The address of the page a web archive's copy of it (the Wayback Machine's, pywb's)
    stands for, else `url`: its country is the page's, not the archive's."""
    if "/http" not in url or (found := _ARCHIVED.search(url)) is None:
        return url
    return f"{found[1]}://{found[2]}"


def domain_suffix(url: str) -> str:
    """The last label of the page's host ("uk" for www.example.co.uk; an archived copy's
    by the page it stands for): its country, for a country domain."""
    try:
        host = urlsplit(original_address(url)).hostname or ""
    except ValueError:
        host = ""
    return host.rstrip(".").rsplit(".", 1)[-1]


def zone_for(url: str, language: str | None = None) -> tzinfo:
    """A site's zone when the page states none: by the host's country domain (.uk, .de, .ch,
    .fr, ...; an archived copy's by the page it stands for), else by the region of the
    page's language ("de-CH", "en-GB", "pt-BR"), else by a language spoken mostly in one
    zone (de, fr, it, es, pl, nl, ...), else UTC."""
    country = domain_suffix(url)
    if country in words.COUNTRY_ZONES and country not in words.GENERIC_COUNTRY_DOMAINS:
        return _zone(words.COUNTRY_ZONES[country])
    if language:
        base, *subtags = language.replace("_", "-").lower().split("-")
        for subtag in subtags:
            if len(subtag) == 2 and subtag in words.COUNTRY_ZONES:
                return _zone(words.COUNTRY_ZONES[subtag])
        if base in words.LANGUAGE_ZONES:
            return _zone(words.LANGUAGE_ZONES[base])
    return UTC
