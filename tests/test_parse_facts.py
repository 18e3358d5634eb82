"""What a page says about itself: its language, its date, its zone, whether it is live."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.parse import parse
from liveread.parse.facts import page_facts, stated_zone
from liveread.parse.structured import StructuredBlog


def facts_of(head: str, body: str = "", url: str = "https://news.example.com/a"):
    html = f"<html lang='de-CH'><head>{head}</head><body>{body}</body></html>"
    return page_facts(LexborHTMLParser(html), url, StructuredBlog())


def test_language_and_zone_from_the_page_and_its_address():
    facts = facts_of("<title>x</title>", url="https://www.example.ch/a")
    assert facts.language == "de-ch"
    assert facts.zone == ZoneInfo("Europe/Zurich")


def test_the_pages_last_change_dates_it():
    ld = '{"@type": "NewsArticle", "datePublished": "2023-10-07T09:53:36+02:00",'
    ld += ' "dateModified": "2024-07-18T13:08:27+02:00"}'
    facts = facts_of(f'<script type="application/ld+json">{ld}</script>')
    assert facts.reference == datetime(2024, 7, 18, 11, 8, 27, tzinfo=UTC)
    assert facts.day == date(2024, 7, 18)  # in the page's zone (Europe/Berlin by language)


def test_a_date_in_the_title_dates_a_page_with_no_other():
    facts = facts_of("<title>Shootings — live updates | News | 20.02.2020</title>")
    assert (facts.reference, facts.day) == (None, date(2020, 2, 20))


@pytest.mark.parametrize(
    ("title", "live"),
    [
        ("Storm Bert live: roads closed", True),
        ("Israel-Hamas war: latest updates", True),
        ("Guerre en Ukraine : les informations en continu", True),
        ("Unwetter im Kreis: der Newsticker", True),
        ("Relacja na żywo ze strajku", True),
        ("Lorient - Lyon en direct", True),
        ("Bussstreik i Oslo – NRK direkte", True),
        ("Skybrud over Østjylland – følg det live", True),
        ("Lumimyräkkä sekoittaa liikenteen – seuranta", True),
        ("Eduskunnan kyselytunti suorana", True),
        ("Lumimyräkkä – seuraamme tilannetta", True),
        ("Incêndio em Vale Fundo – em directo", True),
        ("AO VIVO: Desfiles no Sambódromo", True),
        ("ONLINE: Povodně na Opavsku", True),
        ("Sledujte online přenos z jednání", True),
        ("CANLI | İzmir'de deprem", True),
        ("Canlı blog: seçim sonuçları", True),
        ("Percről percre: árvíz a Dunán", True),
        ("Ζωντανά: Φωτιά στην Αττική", True),
        ("Online shopping: how to spot a fake shop", False),
        ("Lumimyräkkä sekoittaa liikenteen", False),
        ("Suoraan sanottuna: vaalit ratkesivat", False),
        ("Latest news from the county", False),
        ("How the warehouse fire spread", False),
        ("Delivery times for Christmas", False),
        ("Nahost-Krieg: Live-Updates aus der Region", True),
        ("Unwetter im Live-Ticker", True),
        ("We are live-blogging the count", True),
        ("Türkamera: Live-Ansicht lädt nicht mehr", False),
        ("Why live-action remakes keep coming", False),
    ],
)
def test_a_page_that_calls_itself_live(title: str, live: bool):
    assert facts_of(f"<title>{title}</title>").live is live


@pytest.mark.parametrize(
    ("title", "heading", "url", "live"),
    [
        # the slug of a title whose live word names a topic ("Live-Ansicht") says no more
        (
            "Live-Ansicht lädt nicht",
            "",
            "https://forum.example.de/threads/live-ansicht-laedt.9/",
            False,
        ),
        (
            "Live-Ansicht lädt nicht",
            "Live-Ansicht lädt nicht",
            "https://forum.example.de/t/9",
            False,
        ),
        # an address that says live by itself still does
        ("Storm Bert: roads closed", "", "https://news.example.com/live/storm-bert", True),
        ("Storm Bert: roads closed", "", "https://news.example.com/storm-bert-live-updates", True),
        ("Live-Ansicht lädt nicht", "", "https://forum.example.de/live/live-ansicht-laedt", True),
        ("Storm Bert: roads closed", "Storm Bert live", "https://news.example.com/a", True),
    ],
)
def test_a_compound_noun_live_begins_names_a_topic(title: str, heading: str, url: str, live: bool):
    body = f"<h1>{heading}</h1>" if heading else ""
    assert facts_of(f"<title>{title}</title>", body, url=url).live is live


@pytest.mark.parametrize(
    ("title", "live"),
    [
        ("What's on TV tonight | Listings Live", False),
        ("Storm Bert live: roads closed | Listings Live", True),
    ],
)
def test_the_sites_name_in_the_title_does_not_say_the_page_is_live(title: str, live: bool):
    head = f"<title>{title}</title><meta property='og:site_name' content='Listings Live'>"
    assert facts_of(head).live is live


def test_a_note_that_speaks_of_time_states_the_zone():
    facts = facts_of("<title>x</title>", url="https://www.example.de/a")
    notes = ["Politik", "Newsletter", "All updates are in Universal Coordinated Time (UTC)"]
    assert stated_zone(facts, notes).zone == UTC
    assert stated_zone(facts, ["The vote closes at 10pm GMT"]).zone == facts.zone


@pytest.mark.parametrize(
    "dateline",
    [
        "Updated September 12, 2024 at 6:12 p.m. EDT",
        "September 12, 2024 at 6:12 p.m. EDT",
        "Last updated 6:12 p.m. EDT",
        "Last Updated: September 12, 2024, 6:12 PM EDT",
        "September 12, 2024, 6:12 PM EDT",
    ],
)
def test_the_pages_own_dateline_names_the_zone_of_its_bare_times(dateline: str):
    facts = facts_of("<title>x</title>", url="https://www.example.com/a")
    assert stated_zone(facts, ["Politics", dateline]).zone == ZoneInfo("America/New_York")


def test_a_zone_in_running_text_is_no_dateline():
    facts = facts_of("<title>x</title>", url="https://www.example.com/a")
    notes = ["Polls close at 8 p.m. EDT in most of the state, officials said."]
    assert stated_zone(facts, notes).zone == facts.zone


def test_the_first_note_that_states_a_zone_wins_over_later_ones():
    facts = facts_of("<title>x</title>", url="https://www.example.com/a")
    notes = ["Updates", "Times of trains", "Alle Zeiten in MESZ", "All times in UTC"]
    assert stated_zone(facts, notes).zone == ZoneInfo("Europe/Berlin")


def test_a_statement_is_read_within_one_note_never_across_two():
    facts = facts_of("<title>x</title>", url="https://www.example.com/a")
    assert stated_zone(facts, ["All times", "UTC"]).zone == facts.zone
    assert stated_zone(facts, ["Updated 6:12", "EDT"]).zone == facts.zone


def test_notes_holding_a_nul_are_read_one_by_one_as_well():
    facts = facts_of("<title>x</title>", url="https://www.example.com/a")
    notes = ["Politics\x00", "a\x00b", "All times in UTC"]
    assert stated_zone(facts, notes).zone == UTC
    assert stated_zone(facts, ["x", "Last updated 6:12 p.m. EDT"]).zone == ZoneInfo(
        "America/New_York"
    )


def test_a_page_dated_by_its_meta_tags_only_by_the_dating_ones():
    head = (
        '<meta name="Datum" content="2024-07-19T10:00:00Z">'
        '<meta property="article:published_time" content="2024-07-18T09:00:00Z">'
        '<meta name="description" content="2024-07-20T09:00:00Z">'
    )
    facts = facts_of(head)
    assert facts.reference == datetime(2024, 7, 18, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("meta", "is_start"),
    [
        ('<meta name="dcterms.modified" content="2024-07-18T01:20:00-04:00">', False),
        ('<meta name="DCTERMS.modified" content="2024-07-18T01:20:00-04:00">', False),
        ('<meta name="dc.date" content="2024-07-18T05:20:00Z">', False),
        ('<meta name="DC.Date.Issued" content="2024-07-18T05:20:00Z">', True),
        ('<meta name="dcterms.created" content="2024-07-18T05:20:00Z">', True),
    ],
)
def test_dublin_core_meta_tags_date_a_page_whatever_their_case(meta: str, is_start: bool):
    facts = facts_of(meta)
    assert facts.reference == datetime(2024, 7, 18, 5, 20, tzinfo=UTC)
    assert facts.reference_is_start is is_start


@pytest.mark.parametrize(
    ("meta", "is_start"),
    [
        ('<meta name="article:modified_time" content="2024-07-18T05:20:00Z">', False),
        ('<meta name="article:published_time" content="2024-07-18T05:20:00Z">', True),
    ],
)
def test_open_graph_dates_written_as_names_date_a_page(meta: str, is_start: bool):
    facts = facts_of(meta)
    assert facts.reference == datetime(2024, 7, 18, 5, 20, tzinfo=UTC)
    assert facts.reference_is_start is is_start


def test_a_dublin_core_change_wins_over_its_creation():
    head = (
        '<meta name="dcterms.created" content="2024-07-17T23:02:00Z">'
        '<meta name="dcterms.modified" content="2024-07-18T05:20:00Z">'
    )
    facts = facts_of(head)
    assert (facts.reference, facts.reference_is_start) == (
        datetime(2024, 7, 18, 5, 20, tzinfo=UTC),
        False,
    )


def page_of(html: str, url: str = "https://news.example.com/a"):
    return page_facts(LexborHTMLParser(html), url, StructuredBlog())


def test_og_locale_names_the_country_when_the_language_names_none():
    head = '<meta property="og:locale" content="en_HK">'
    facts = page_of(f"<html lang='en'><head>{head}</head><body></body></html>")
    assert facts.language == "en"
    assert facts.zone == ZoneInfo("Asia/Hong_Kong")


def test_og_locale_of_another_language_names_no_country():
    head = '<meta property="og:locale" content="fr_CA">'
    facts = page_of(f"<html lang='en'><head>{head}</head><body></body></html>")
    assert facts.zone is UTC


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2026-12-07T16:10:00+08:00">',
        '<script type="application/ld+json">{"datePublished": "2026-12-07T16:10:00+0800"}</script>',
    ],
)
def test_the_offset_of_the_pages_own_times_is_its_zone_when_nothing_names_one(head: str):
    facts = page_of(f"<html lang='en'><head>{head}</head><body></body></html>")
    assert facts.zone == timezone(timedelta(hours=8))
    assert facts.day == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("lang", "time", "zone"),
    [
        ("en-AU", "2026-12-07T16:10:00+05:00", ZoneInfo("Australia/Sydney")),
        ("en", "2026-12-07T16:10:00+00:00", UTC),
        ("en", "2026-12-07T16:10:00Z", UTC),
    ],
)
def test_a_named_zone_wins_over_the_offset_and_utc_offsets_say_nothing(lang, time, zone):
    head = f'<meta property="article:published_time" content="{time}">'
    facts = page_of(f"<html lang='{lang}'><head>{head}</head><body></body></html>")
    assert facts.zone == zone


@pytest.mark.parametrize(
    ("lang", "time", "zone"),
    [
        ("en-US", "2024-04-11T15:40:00-05:00", "America/Chicago"),
        ("en-US", "2024-12-11T15:40:00-05:00", "America/New_York"),
        ("en-US", "2024-12-11T15:40:00-07:00", "America/Denver"),
        ("en-US", "2024-07-11T15:40:00-07:00", "America/Los_Angeles"),
        ("en-AU", "2026-12-07T16:10:00+08:00", "Australia/Perth"),
        ("en-CA", "2024-07-11T15:40:00-06:00", "America/Edmonton"),
    ],
)
def test_the_offset_of_the_pages_own_times_picks_its_countrys_zone(lang, time, zone):
    """A country of several zones: the one whose offset the page's own moments bear, then
    (its summer and winter times both: a blog across a clock change reads both)."""
    head = f'<meta property="article:published_time" content="{time}">'
    facts = page_of(f"<html lang='{lang}'><head>{head}</head><body></body></html>")
    assert facts.zone == ZoneInfo(zone)


def test_structured_times_without_an_offset_are_read_in_the_zone_the_page_bears() -> None:
    """A US page whose meta tags bear "-07:00" in July: its JSON-LD times written without an
    offset are Pacific ones, not New York's."""
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Wildfire live",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": "Evacuation orders issued",
                "datePublished": "2024-07-18T10:05:00",
                "articleBody": "The sheriff ordered evacuations for 400 homes west of town.",
            }
        ],
    }
    html = (
        "<html lang='en-US'><head><title>Wildfire live</title>"
        '<meta property="article:published_time" content="2024-07-18T10:00:00-07:00">'
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        "<body><h1>Wildfire live</h1></body></html>"
    )
    blog = parse(html, "https://www.example.com/live/wildfire")
    assert [entry.published for entry in blog.entries] == [datetime(2024, 7, 18, 17, 5, tzinfo=UTC)]


@pytest.mark.parametrize(
    ("lang", "url", "twelve"),
    [
        ("en-US", "https://news.example.com/a", True),
        ("en", "https://news.example.com.au/a", True),
        ("en-GB", "https://news.example.com/a", False),
        ("en", "https://news.example.com/a", False),
        ("es-US", "https://news.example.com/a", False),
    ],
)
def test_english_pages_of_some_countries_write_12_hour_clocks(lang, url, twelve):
    facts = page_facts(LexborHTMLParser(f"<html lang='{lang}'></html>"), url, StructuredBlog())
    assert facts.twelve_hour is twelve


@pytest.mark.parametrize(
    ("url", "zone"),
    [
        ("https://www.example.ie/a", ZoneInfo("Europe/Dublin")),
        ("https://www.example.co.il/a", ZoneInfo("Asia/Jerusalem")),
        ("https://www.example.com/a", ZoneInfo("Asia/Kolkata")),
    ],
)
def test_an_ist_statement_is_the_time_of_the_pages_country(url: str, zone: ZoneInfo):
    facts = page_of("<html lang='en'><head></head><body></body></html>", url)
    assert stated_zone(facts, ["All times are IST"]).zone == zone
    assert stated_zone(facts, ["Updated July 1, 2024 at 6:12 p.m. IST"]).zone == zone


def ferry_page(head: str, lang: str = "en") -> str:
    """A small live page whose posts are timed "… IST"."""
    posts = "".join(
        f"<article class='update'><p class='update__time'>{time} IST</p>"
        f"<p>{text} The harbour office will post the next sailing times within the hour.</p>"
        "</article>"
        for time, text in [
            ("14:05", "The afternoon ferry has been held at the pier by the gale."),
            ("12:40", "Passengers on the morning crossing reached the island safely."),
            ("11:15", "Forecasters have raised the wind warning for the coast to orange."),
        ]
    )
    return (
        f"<html lang='{lang}'><head><title>Ferry crossings: live updates</title>{head}"
        "<meta property='article:modified_time' content='2024-07-01T13:30:00Z'></head>"
        f"<body><main><h1>Ferry crossings: live updates</h1>{posts}</main></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "lang", "head", "newest"),
    [
        ("https://news.example.ie/live/ferries", "en", "", datetime(2024, 7, 1, 13, 5)),
        ("https://news.example.com/live/ferries", "en-IE", "", datetime(2024, 7, 1, 13, 5)),
        (
            "https://news.example.com/live/ferries",
            "en",
            "<meta property='og:locale' content='en_IE'>",
            datetime(2024, 7, 1, 13, 5),
        ),
        ("https://news.example.co.il/live/ferries", "en", "", datetime(2024, 7, 1, 11, 5)),
        ("https://news.example.com/live/ferries", "he", "", datetime(2024, 7, 1, 11, 5)),
        ("https://news.example.com/live/ferries", "en-IL", "", datetime(2024, 7, 1, 11, 5)),
        ("https://news.example.com/live/ferries", "en", "", datetime(2024, 7, 1, 8, 35)),
    ],
)
def test_post_times_in_ist_are_read_in_the_pages_country(url, lang, head, newest):
    blog = parse(ferry_page(head, lang), url)
    first = newest.replace(tzinfo=UTC)
    assert [entry.published for entry in blog.entries] == [
        first,
        first - timedelta(hours=1, minutes=25),
        first - timedelta(hours=2, minutes=50),
    ]


def test_og_locale_names_the_zone_of_structured_times_written_without_an_offset():
    updates = [
        {
            "@type": "BlogPosting",
            "@id": f"#post-{n}",
            "datePublished": f"2024-07-18T14:{n}0:00",
            "articleBody": f"Update {n}: the count in the northern seats goes on through the night.",
        }
        for n in range(1, 4)
    ]
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": updates}
    head = '<meta property="og:locale" content="en_AU">'
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    html = f"<html lang='en'><head>{head}{script}</head><body><h1>Count live</h1></body></html>"
    blog = parse(html, "https://news.example.com/live")
    # 14:30 in Sydney (AEST, UTC+10) is 04:30 UTC; read as UTC without the region.
    assert blog.entries[0].published == datetime(2024, 7, 18, 4, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="date" content="2024-01-04">',
        '<meta name="dc.date.modified" content="2024-01-04">',
        '<script type="application/ld+json">{"dateModified": "2024-01-04"}</script>',
    ],
)
def test_a_change_stated_by_a_date_alone_dates_the_page_at_no_moment(head: str):
    facts = facts_of(head)
    assert (facts.reference, facts.day) == (None, date(2024, 1, 4))


def test_bare_times_of_a_page_changed_on_a_date_alone_are_on_that_date():
    posts = "".join(
        f"<tr><td class='time'><b>{time}</b></td><td class='entry'>{text}</td></tr>"
        for time, text in [
            ("16:20", "The river has peaked at five metres, the agency says, and will fall."),
            ("13:40", "Sandbags are available at the fire station on Bath Road until six."),
            ("10:30", "Good morning. Rivers across the county are still rising after the rain."),
        ]
    )
    html = (
        "<html lang='en'><head><title>Flood watch - updated live</title>"
        "<meta name='date' content='2024-01-04'></head><body><h1>Flood watch</h1>"
        f"<p>All times GMT.</p><table class='updates'>{posts}</table></body></html>"
    )
    blog = parse(html, "https://www.valleyherald.example.co.uk/flood.html")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 1, 4, 16, 20, tzinfo=UTC),
        datetime(2024, 1, 4, 13, 40, tzinfo=UTC),
        datetime(2024, 1, 4, 10, 30, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    ("before", "live"),
    [
        ("<div class='kicker'><span class='badge'>LIVE UPDATES</span></div>", True),
        ("<span class='label'>Live</span><!-- badge -->", True),
        ("<div class='kicker'><a href='/live'>Live</a></div>", False),  # a section's link
        ("<div class='kicker'>Live music</div>", False),
        ("<div class='kicker'>Wildfires</div>", False),
    ],
)
def test_a_badge_over_the_main_heading_says_the_page_is_live(before: str, live: bool):
    body = f"<main><div class='head'>{before}<h1>Wildfire forces evacuations</h1></div></main>"
    assert facts_of("<title>Wildfire forces evacuations</title>", body).live is live


@pytest.mark.parametrize(
    "url",
    [
        "https://web.archive.org/web/20240718143012/https://www.example.co.uk/news/live",
        "https://web.archive.org/web/20240718143012id_/http:/www.example.co.uk/news/live",
        "https://wayback.example.org/1234/20240718143012/https://www.example.co.uk/live",
    ],
)
def test_an_archived_copy_is_in_the_zone_of_the_page_it_stands_for(url: str):
    html = "<html lang='en'><head><title>Strike: live</title></head><body></body></html>"
    facts = page_facts(LexborHTMLParser(html), url, StructuredBlog())
    assert facts.zone == ZoneInfo("Europe/London")


@pytest.mark.parametrize(("box", "live"), [("aside", False), ("section", True)])
def test_a_heading_in_an_aside_does_not_say_the_page_is_live(box: str, live: bool):
    body = (
        "<main><h1>Rail fares to rise in March</h1><p>Fares will rise.</p></main>"
        f"<{box}><h2>Live: Heatwave and rail strike</h2></{box}>"
    )
    assert facts_of("<title>Rail fares to rise in March</title>", body).live is live
