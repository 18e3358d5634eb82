"""What a page says about itself that its posts' times and its standing depend on: its
language, its date, the zone its times are written in, and whether it calls itself live."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from itertools import chain
from typing import NamedTuple
from zoneinfo import ZoneInfo

from selectolax.lexbor import LexborHTMLParser, LexborNode

from liveread.parse import timewords as words
from liveread.parse.structured import StructuredBlog
from liveread.parse.texttimes import (
    Clock,
    dateline_zone,
    meant_zone,
    read_day,
    read_marker,
    zone_for,
    zone_statement,
)
from liveread.parse.textzones import ZONE_WORD, domain_suffix
from liveread.parse.times import parse_time
from liveread.text import squash

DATE_PROPERTIES = frozenset(("article:modified_time", "og:updated_time", "article:published_time"))
DATE_ITEMPROPS = frozenset(("dateModified", "datePublished"))
DATE_NAMES = frozenset(
    (
        "last-modified",
        "date",
        "publish-date",
        "dc.date",
        "dc.date.modified",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.modified",
        "dcterms.issued",
        "dcterms.created",
        *DATE_PROPERTIES,
    )
)
"""The meta tags that date a page, by the exact value of their property or itemprop, or by
their name in lower case (Dublin Core's are written "DC.date.issued" and "dc.date.issued";
Open Graph's property names are often written as names: `name="article:published_time"`)."""
PUBLISHED_NAMES = frozenset(
    (
        "article:published_time",
        "datePublished",
        "publish-date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.issued",
        "dcterms.created",
    )
)
"""Of those, the ones that say when the page was first published: its posts come later."""
_LD_DATE = re.compile(r'"(dateModified|datePublished)"\s*:\s*"([^"]{10,40})"')
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
LIVE_WORDS = re.compile(
    r"\blive\b|live-?blog|live-?ticker|live updates|as it happened|minute.by.minute|"
    r"en direct|\bdirect\b|\bdirecto\b|en vivo|\bdiretta\b|na żywo|\brelacja\b|\bticker\b|"
    r"ao vivo|em direto|\bao minuto\b|tempo real|direktrapport|\bdirekt\b|minuto a minuto|"
    r"minute par minute|\bminuto per minuto\b|latest updates|as it happens|rolling coverage|"
    r"en continu|en tiempo real|na bieżąco|news-?blog|news-?ticker|\bdirekte\b|\bseuranta\b|"
    r"\bsuora(?:na)?\b|\bseuraamme\b|hetki hetkeltä|\bonline:|online (?:přenos|reportáž)|"
    r"\bživě\b|\bcanl[ıi]\b|percről percre|ζωντανά|ζωντανή ενημέρωση|\bu[žz]ivo\b|\bуживо\b|"
    r"\bv živo\b|\bна ?живо\b|\bонлайн\b(?!-(?!трансляц))|прям(?:ая|ой) (?:трансляция|эфир)|"
    r"लाइव|लाइभ|লাইভ|لائیو|پخش زنده|مباشر|لحظة بلحظة|עדכונים שוטפים|בשידור חי|\bלייב\b|siaran langsung|"
    r"en directe|minut a minut|\btiesiogiai\b|tiesioginė transliacija|\btiešraid\w*|"
    r"\botseblogi\b|otseülekanne|\[실시간\]|실시간 (?:중계|업데이트)|라이브|直播|实时更新|實時更新",
    re.IGNORECASE,
)
LIVE_TOPIC = re.compile(
    r"\blive-(?!blog|ticker|updat|news|coverage|report|stream|feed|text|thread|chat|tv|bericht"
    r"|übertrag|sendung)\w+",
    re.IGNORECASE,
)
"""A compound noun "live" begins ("Live-Ansicht", "live-action"): the topic of the page, not
what it is, unless it names a live page ("Live-Updates", "Live-Ticker", "live-blogging")."""
HEADINGS = 20
"""How many of the page's first headings may say it is live."""
TIME_WORDS = re.compile(
    r"\b(?:times?|updates?|timestamps?|time zone|zeit\w*|uhrzeit\w*|heures?|horaires?|"
    r"ora|orari\w*|horas?|horarios|tijd\w*|godzin\w*|utc|gmt|врем\w*|час\w*|ب?توقيت)\b"
)
"""Words a note stating a page's zone holds, in one language or another, searched for in
the note lower-cased (twice as fast as a search that ignores case: a page has hundreds)."""


@dataclass(frozen=True, slots=True)
class PageFacts:
    language: str | None
    zone: tzinfo
    day: date | None
    """The page's date in its zone: when it was last changed, else first published."""
    reference: datetime | None
    """When the page was last changed (aware UTC), for times written as "16 min ago"."""
    live: bool
    """The page calls itself live (its title, heading or address, or its own structured data
    is a live blog's)."""
    reference_is_start: bool = False
    """The page says only when it was first published (`reference`): its posts come after."""
    published: datetime | None = None
    """When the page was first published (aware UTC), if it says."""
    twelve_hour: bool = False
    """Its clock times are 12-hour ones: it is English written for a country that writes
    them so ("en-US", "en" on a ".au" site)."""

    def clock(self, *, newest_first: bool) -> Clock:
        """The clock that reads the times written in a list of the page's posts: a
        newest-first list starts on the page's day, an oldest-first one on the day it was
        first published (when it says)."""
        start = None if newest_first else _day(self.published, self.zone)
        return Clock(
            self.zone,
            start or self.day,
            self.reference,
            newest_first=newest_first,
            reference_is_start=self.reference_is_start,
            twelve_hour=self.twelve_hour,
        )


def page_facts(tree: LexborHTMLParser, url: str, data: StructuredBlog) -> PageFacts:
    language = page_language(tree)
    stated = _stated_moment(tree)
    reference = data.updated or stated.changed or data.published or stated.published
    zone = page_zone(tree, url, language, stated)
    if zone is UTC and stated.offset is not None:
        zone = stated.offset  # nothing names the page's zone: the offset its own times bear
    return PageFacts(
        language=language,
        zone=zone,
        day=_day(reference, zone) or stated.day or _date_in_title(tree),
        reference=reference,
        live=data.found or _calls_itself_live(tree, url) or _updated_in_steps(tree, language),
        reference_is_start=reference is not None and not (data.updated or stated.changed),
        published=data.published or stated.published,
        twelve_hour=_twelve_hour(tree, url, language),
    )


def _twelve_hour(tree: LexborHTMLParser, url: str, language: str | None) -> bool:
    """Whether the page is English written for a country of 12-hour clocks, by the region
    its language or `og:locale` names, else by its country domain."""
    if language is None or language.split("-", 1)[0] != "en":
        return False
    region = (_with_region(tree, language) or "").partition("-")[2] or domain_suffix(url)
    return region in words.TWELVE_HOUR_COUNTRIES


def stated_zone(facts: PageFacts, notes: list[str]) -> PageFacts:
    """`facts` with the zone the page's short texts (`notes`) say its times are in, if one
    says it: only notes that speak of time are read ("All times in UTC")."""
    zone = next(
        (
            found
            for index in _found_in(TIME_WORDS, notes, lower=True)
            if (found := zone_statement(notes[index])) is not None
        ),
        None,
    )
    if zone is None:  # no statement: the zone the page's own "Updated … 6:12 p.m. EDT" is in
        datelines = [note for note in notes if len(note) <= DATELINE_TEXT]
        zone = next(
            (
                found
                for index in _found_in(_ZONE_AFTER_CLOCK, datelines)
                if (found := _dateline_zone(datelines[index]))
            ),
            None,
        )
    if zone is None:
        return facts
    zone = meant_zone(zone, facts.zone)  # "All times IST" on an Irish page: Irish time
    day = _day(facts.reference, zone) or facts.day
    return replace(facts, zone=zone, day=day)


def dated_by_dateline(facts: PageFacts, notes: list[str]) -> PageFacts:
    """`facts` dated by the page's own visible dateline ("Last updated: Monday 15 July 2024,
    14:30", "Aktualisiert am 18.07.2024 um 11.04 Uhr", "Last update 4 Feb 2025"), when the
    page states no date in its meta tags or structured data: the day its bare clock times
    are on. A dateline of its last change wins over one of its first publication, as in its
    meta tags, and the publication starts the page: "Published 19 October 2024 19:20 |
    Updated 20 October 2024 00:15", in one text or in two."""
    if facts.day is not None:
        return facts
    moments: dict[bool, datetime] = {}
    """By whether it is the first publication: the moments the datelines state."""
    days: dict[bool, date] = {}
    """The same, for datelines giving a day alone."""
    for note in notes:
        if len(note) > _DATELINE_PARTS * DATELINE_TEXT or not (lead := _DATELINE_LEAD.match(note)):
            continue
        rest = _said_once(squash(note[lead.end() :]))
        if found := _dateline_moments(lead, rest, facts):
            moments = found | moments  # the first of each kind
        elif (day := read_day(rest, facts.language)) is not None:
            days.setdefault(lead["word"].casefold() in _PUBLISHED_WORDS, day)
    published, updated = moments.get(True), moments.get(False)
    if updated is None and False in days:
        return replace(facts, day=days[False], published=published)
    if (reference := updated or published) is not None:
        return replace(
            facts,
            day=_day(reference, facts.zone),
            reference=reference,
            reference_is_start=updated is None,
            published=published,
        )
    if True in days:
        return replace(facts, day=days[True])
    return facts


def _said_once(text: str) -> str:
    """`text` once where it is written twice, once to be heard and once to be seen ("3 Feb
    2025 3 Feb 2025", a screen reader's text then the visible one), else as it is."""
    half = len(text) // 2
    if text[half : half + 1] == " " and text[:half] == text[half + 1 :]:
        return text[:half]
    return text


def _dateline_moments(
    lead: re.Match[str], rest: str, facts: PageFacts
) -> dict[bool, datetime] | None:
    """The moments a dateline states, by whether each is its first publication: the one
    after its opening word (`lead`), and another after it with a word of its own ("… -
    Mis à jour le 20 octobre 2024 à 00h15"); None when none follows the opening word."""
    found: dict[bool, datetime] = {}
    for _ in range(_DATELINE_PARTS):
        marker = read_marker(rest, facts.language)
        if marker is None or marker.kind != "moment" or marker.day is None:
            break
        when = Clock(facts.zone).time_of(marker)
        if when is not None:
            found.setdefault(lead["word"].casefold() in _PUBLISHED_WORDS, when)
        rest = rest[marker.end :].lstrip(_DATELINE_SEPARATORS)
        if (next_lead := _DATELINE_LEAD.match(rest)) is None:
            break
        lead, rest = next_lead, rest[next_lead.end() :]
    return found or None


_DATELINE_PARTS = 2
"""A dateline states when the page was published and when it was updated: two moments."""
_DATELINE_SEPARATORS = " -–—|·•,;/()"
"""What may stand between a dateline's two parts."""
_DATELINE_LEAD = re.compile(
    r"\s*(?:last\s+)?(?P<word>updated|last\s+update|published|posted|aktualisiert|veröffentlicht"
    r"|mis à jour|publié|aggiornato|pubblicato|actualizado|publicado|atualizado|bijgewerkt"
    r"|gepubliceerd|uppdaterad|publicerad|zaktualizowano|opublikowano)"
    r"(?:\s+(?:on|am|le|il|el|em|op|den|dnia))?\s*:?\s*",
    re.IGNORECASE,
)
"""The words a dateline opens with, and the "on"/"am"/"le" after them."""
_PUBLISHED_WORDS = frozenset(
    [
        "published",
        "posted",
        "veröffentlicht",
        "publié",
        "pubblicato",
        "publicado",
        "gepubliceerd",
        "publicerad",
        "opublikowano",
    ]
)
"""Datelines that say when the page was first published: its posts come after."""


_TEXT_BREAK = "\x00"
"""What texts are joined with to be searched at once: no pattern here matches it, and it
bounds a word as the end of a text does (the page's NULs are removed before it is parsed)."""


def _found_in(pattern: re.Pattern[str], texts: list[str], *, lower: bool = False) -> Iterator[int]:
    """The indices of the `texts` (each lower-cased when `lower`) `pattern` is found in, in
    order: one search over all of them joined, not one per text (a page has hundreds, and few
    speak of time)."""
    joined = _TEXT_BREAK.join(texts)
    if joined.count(_TEXT_BREAK) != len(texts) - 1:  # a text holds the break itself
        for index, text in enumerate(texts):
            if pattern.search(text.lower() if lower else text):
                yield index
        return
    if lower:
        joined = joined.lower()
    index = position = 0
    while (match := pattern.search(joined, position)) is not None:
        index += joined.count(_TEXT_BREAK, position, match.start())
        yield index
        position = joined.find(_TEXT_BREAK, match.end()) + 1
        if position == 0:  # the last text
            return
        index += 1


def _dateline_zone(note: str) -> tzinfo | None:
    """The zone of a dateline: "Updated … 6:12 p.m. EDT", or a date and a time with a zone
    and nothing else ("September 12, 2024 at 6:12 p.m. EDT"); `note` is a short one with a
    clock and a zone after it."""
    if zone := dateline_zone(note):
        return zone
    marker = read_marker(note.strip())
    if marker is not None and marker.kind == "moment" and marker.end >= len(note.strip()):
        return marker.zone
    return None


DATELINE_TEXT = 80
_ZONE_AFTER_CLOCK = re.compile(rf"\d[:.]\d\d\s?(?:[apAP]\.?\s?[mM]\.?\s?)?\(?(?:{ZONE_WORD})\b")


def _day(moment: datetime | None, zone: tzinfo) -> date | None:
    """The date `moment` falls on in `zone`."""
    return moment.astimezone(zone).date() if moment is not None else None


def page_language(tree: LexborHTMLParser) -> str | None:
    html = tree.css_first("html")
    lang = html.attributes.get("lang") if html is not None else None
    if not lang:
        meta = tree.css_first("meta[property='og:locale'], meta[name='language']")
        lang = meta.attributes.get("content") if meta is not None else None
    return lang.strip().replace("_", "-").lower() or None if lang else None


def page_zone(
    tree: LexborHTMLParser, url: str, language: str | None, stated: _Stated | None = None
) -> tzinfo:
    """The zone of the page's times written without one, by its address, its `language`
    (`page_language`) and the region its `og:locale` names (see `zone_for`); in a country of
    several zones, the one whose offset the page's own moments bear (`stated`, read here if
    not given)."""
    zone = zone_for(url, _with_region(tree, language))
    if str(zone) in words.OTHER_COUNTRY_ZONES:
        stated = stated or _stated_moment(tree)
        if stated.offset is not None:
            zone = _zone_bearing(zone, stated.offset, stated.offset_at)
    return zone


def _with_region(tree: LexborHTMLParser, language: str | None) -> str | None:
    """`language` with the region of the page's `og:locale` when it names none itself
    (`<html lang="en">` with `og:locale` "en_HK"): the country the page is written for."""
    if language is None or "-" in language:
        return language
    meta = tree.css_first("meta[property='og:locale']")
    locale = (meta.attributes.get("content") or "") if meta is not None else ""
    base, _, region = locale.strip().replace("_", "-").lower().partition("-")
    return f"{language}-{region}" if region and base == language else language


class _Stated(NamedTuple):
    changed: datetime | None
    """The latest change the page states."""
    published: datetime | None
    """The latest first publication it states (a page that states no change)."""
    offset: tzinfo | None
    """The offset from UTC (other than none) the page writes its own moments with
    ("2026-12-07T16:10:00+08:00"): its local time then, for its bare clock times."""
    offset_at: datetime | None = None
    """The moment written with that offset."""
    day: date | None = None
    """The latest change it states by a date alone ("2024-01-04"): a day, not a moment."""


def _stated_moment(tree: LexborHTMLParser) -> _Stated:
    """The page's last change and first publication, from its meta tags or JSON-LD."""
    dates: list[tuple[str, str]] = []  # (name, value) of each date the page states
    for meta in tree.css("meta"):  # told apart here: a query by their attributes costs 4x
        attributes = meta.attributes
        name = attributes.get("property")
        if name not in DATE_PROPERTIES:
            name = attributes.get("itemprop")
            if name not in DATE_ITEMPROPS:
                name = attributes.get("name")
                if name is None or (name := name.lower()) not in DATE_NAMES:
                    continue
        dates.append((name, attributes.get("content") or ""))
    for script in tree.css("script[type='application/ld+json']"):
        dates += _LD_DATE.findall(script.text() or "")
    changed: list[datetime] = []
    published: list[datetime] = []
    days: list[date] = []
    offset: tzinfo | None = None
    offset_at: datetime | None = None
    for name, value in dates:
        if not (when := parse_time(value)):
            continue
        if name not in PUBLISHED_NAMES and ":" not in value:
            days.append(when.date())  # changed that day: at no moment it says
            continue
        (published if name in PUBLISHED_NAMES else changed).append(when)
        if offset is None and (offset := _offset(value)) is not None:
            offset_at = when
    return _Stated(
        max(changed, default=None),
        max(published, default=None),
        offset,
        offset_at,
        max(days, default=None),
    )


def _zone_bearing(zone: tzinfo, offset: tzinfo, at: datetime | None) -> tzinfo:
    """The page's zone, `zone` by its country, given the `offset` its own moments bear (at
    `at`): where `zone` had another offset then, the country's zone that had it ("-05:00" in
    April on a US page: Central time, not New York's)."""
    if at is None or zone.utcoffset(at) == offset.utcoffset(at):
        return zone
    for name in words.OTHER_COUNTRY_ZONES.get(str(zone), ()):
        if (other := ZoneInfo(name)).utcoffset(at) == offset.utcoffset(at):
            return other
    return zone


_OFFSET = re.compile(
    r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?P<sign>[+-])(?P<hours>\d\d):?(?P<minutes>\d\d)$"
)
_LONGEST_OFFSET = timedelta(hours=14)


def _offset(value: str | None) -> tzinfo | None:
    """The offset an ISO 8601 time is written with, if it is not UTC's ("…T16:10:00+08:00")."""
    match = _OFFSET.search(value.strip()) if value else None
    if match is None:
        return None
    offset = timedelta(hours=int(match["hours"]), minutes=int(match["minutes"]))
    if not offset or offset > _LONGEST_OFFSET:
        return None
    return timezone(offset if match["sign"] == "+" else -offset)


def _date_in_title(tree: LexborHTMLParser) -> date | None:
    """A date written in the page's title ("Storm over the coast | News | 20.02.2020")."""
    title = tree.css_first("title")
    text = title.text() if title is not None else ""
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return None
    day, month, year = (
        (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
    )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _calls_itself_live(tree: LexborHTMLParser, url: str) -> bool:
    """Its address, title, a heading or the badge over its main heading says it is live
    ("live updates", "en direct", "Liveticker", ...); not the site's name in its title
    ("Listings Live"), nor a compound noun "live" begins ("Live-Ansicht lädt nicht"), which
    names a topic, nor the same words in the address (its slug)."""
    titles = _titles(tree)
    if any(_live_at_end(title) for title in titles):
        titles = _without_site_name(tree, titles)
    topics = [topic for title in titles for topic in LIVE_TOPIC.findall(title)]
    address = _without(topics, url)
    return LIVE_WORDS.search(address) is not None or any(
        LIVE_WORDS.search(LIVE_TOPIC.sub(" ", squash(text[:200])))
        for text in chain(titles, _headings(tree))
    )


UPDATE_STAMPS = 3
"""Paragraphs opening with a stamp of update it takes to make a page a ticker."""
_UPDATE_LEADS = tuple(words.fold(phrase.split()[0]) for phrase in words.UPDATE_WORDS)


def _updated_in_steps(tree: LexborHTMLParser, language: str | None) -> bool:
    """Whether paragraphs of the page open with a bold stamp of update ("Update vom 18. Juli,
    14.35 Uhr:", "Erstmeldung vom 17. Juli, 8.00 Uhr:", "UPDATE 2:15 p.m.:"): a ticker
    written into one article, whatever its title says. Not "Updated 14:20", which any
    article's dateline may say once."""
    found = 0
    for bold in tree.css("p > strong, p > b"):
        text = bold.text().lstrip()
        if not words.fold(text[:14]).startswith(_UPDATE_LEADS):
            continue
        marker = read_marker(text, language)
        paragraph = bold.parent
        if (
            marker is not None
            and marker.kind in ("clock", "moment")
            and paragraph is not None
            and paragraph.text().lstrip().startswith(text[:20])
        ):
            found += 1
            if found >= UPDATE_STAMPS:
                return True
    return False


def _live_at_end(title: str) -> bool:
    """Whether the last part of `title` ("… | Listings Live"), where a site's name stands,
    says live."""
    cut = max(title.rfind("|"), title.rfind(" - "), title.rfind(" – "))
    return cut > 0 and LIVE_WORDS.search(title, cut) is not None


def _without_site_name(tree: LexborHTMLParser, titles: list[str]) -> list[str]:
    """`titles` without the site's name, if that says live ("What's on tonight | Listings
    Live"): the site's, not the page's."""
    site = tree.css_first("meta[property='og:site_name']")
    name = (site.attributes.get("content") or "").strip() if site is not None else ""
    if not name or LIVE_WORDS.search(name) is None:
        return titles
    return [title.replace(name, " ") for title in titles]


def _without(topics: list[str], address: str) -> str:
    """`address` without the `topics` its slug spells ("…/live-ansicht-laedt-nicht")."""
    for topic in topics:
        slug = re.escape(topic.casefold()).replace("\\-", "[-_]")
        address = re.sub(slug, " ", address, flags=re.IGNORECASE)
    return address


def _titles(tree: LexborHTMLParser) -> list[str]:
    """Its title and og:title."""
    found = []
    for selector in ("title", "meta[property='og:title']"):
        node = tree.css_first(selector)
        if node is not None:
            found.append(
                node.attributes.get("content") or "" if node.tag == "meta" else node.text()
            )
    return found


def _headings(tree: LexborHTMLParser) -> Iterator[str]:
    """Its first headings, looked up only when its address and titles did not say it is live,
    then the badge over its main heading, if it has one; not a heading in an `aside` (a box
    promoting another page: "Live: Heatwave and rail strike" beside an article)."""
    for heading in tree.css("h1, h2")[:HEADINGS]:
        if not _in_aside(heading):
            yield heading.text()
    if (badge := _badge_over_heading(tree)) is not None:
        yield badge


def _in_aside(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "aside":
            return True
        parent = parent.parent
    return False


def _badge_over_heading(tree: LexborHTMLParser) -> str | None:
    """The text of a short box just before the page's main heading that says nothing but
    live ("LIVE", "LIVE UPDATES", "Liveticker"), a kicker or badge over it; not a link (a
    menu's "Live" section)."""
    heading = tree.css_first("h1")
    box = heading.prev if heading is not None else None
    for _ in range(BADGE_BOXES):
        while box is not None and box.tag in ("-text", "-comment"):
            box = box.prev
        if box is None:
            return None
        text = squash(box.text(deep=True))
        if (
            0 < len(text) <= BADGE_TEXT
            and box.tag != "a"
            and box.css_first("a") is None
            and LIVE_WORDS.fullmatch(text) is not None
        ):
            return text
        box = box.prev
    return None


BADGE_BOXES = 2
"""How many boxes before the main heading may be its badge."""
BADGE_TEXT = 24
"""The longest badge text ("LIVE UPDATES", "Liveticker")."""
