"""A live blog that says in words that it has ended: a notice outside the posts, or the
opening of its newest post, in the page's language; never words about something else."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveread.parse import parse
from liveread.parse.ended import says_ended

FIXTURES = Path(__file__).parent / "fixtures"
URL = "https://news.example.com/live/harbour-race"
BODY = "The leaders rounded the northern marker and the fleet is stretched along the bay."


def post(number: int, text: str = "", *, extra: str = "") -> str:
    opening = text or f"Update {number}. {BODY}"
    return (
        f"<div class='entry' id='entry-{number}'>"
        f"<time datetime='2026-05-01T{10 + number:02d}:05:00Z'>{10 + number}:05</time>"
        f"{extra}<p>{opening}</p><p>{BODY}</p></div>"
    )


def page(*posts: str, banner: str = "", head: str = "", lang: str = "en") -> str:
    """Posts newest first, as live blogs list them."""
    return (
        f"<html lang='{lang}'><head><title>Harbour race: live</title>{head}</head><body><main>"
        f"{banner}<div class='stream'>{''.join(posts)}</div></main></body></html>"
    )


def closing_page(closing: str, lang: str) -> str:
    return page(post(4, closing), post(3), post(2), post(1), lang=lang)


CLOSINGS = [
    pytest.param("en", "That's all from us: this live blog is now closed.", id="en-closed"),
    pytest.param("en", "Our live coverage has ended. Thanks for reading.", id="en-coverage"),
    pytest.param("en", "We are pausing our live coverage for tonight.", id="en-pausing"),
    pytest.param("en", "This blog is no longer being updated.", id="en-no-longer"),
    pytest.param("de", "Dieser Live-Ticker ist beendet. Danke fürs Mitlesen!", id="de-ticker"),
    pytest.param("de", "Der Liveticker ist beendet.", id="de-liveticker"),
    pytest.param("fr", "Ce direct est désormais terminé. Merci de l'avoir suivi.", id="fr"),
    pytest.param("it", "La diretta si chiude qui. Grazie per averci seguito.", id="it"),
    pytest.param("es", "Termina aquí nuestra cobertura. Gracias por acompañarnos.", id="es"),
    pytest.param("nl", "Deze liveblog is afgelopen. Bedankt voor het lezen.", id="nl"),
    pytest.param("pl", "Relacja na żywo zakończona. Dziękujemy.", id="pl"),
]


@pytest.mark.parametrize(("lang", "closing"), CLOSINGS)
def test_a_closing_newest_post_ends_the_blog(lang: str, closing: str) -> None:
    blog = parse(closing_page(closing, lang), URL)
    assert blog.entries[0].key == "4"
    assert blog.is_live is False


def test_a_page_that_says_nothing_of_its_end_is_not_taken_for_ended() -> None:
    blog = parse(page(post(4), post(3), post(2), post(1)), URL)
    assert len(blog.entries) == 4
    assert blog.is_live is None


BANNERS = [
    pytest.param("en", "<div class='live-banner'>This live blog has now ended.</div>", id="en"),
    pytest.param("de", "<p role='status'>Der Liveticker ist beendet.</p>", id="de"),
    pytest.param("fr", "<div class='notice'><span>Le direct est terminé</span></div>", id="fr"),
    pytest.param("it", "<div class='alert-box'>La diretta è terminata</div>", id="it"),
    pytest.param("es", "<div class='status'>Esta cobertura ha finalizado</div>", id="es"),
    pytest.param("nl", "<div class='banner'>Deze liveblog is gesloten</div>", id="nl"),
    pytest.param(
        "en",
        "<p><span class='coverage-note'>Coverage for this event has ended.</span></p>",
        id="en-event-first",
    ),
]


@pytest.mark.parametrize(("lang", "banner"), BANNERS)
def test_a_notice_above_the_posts_ends_the_blog(lang: str, banner: str) -> None:
    blog = parse(page(post(4), post(3), post(2), post(1), banner=banner, lang=lang), URL)
    assert len(blog.entries) == 4
    assert blog.is_live is False


@pytest.mark.parametrize(
    "newest",
    [
        "The match has ended: two goals in stoppage time settle it.",
        "Voting has closed across the country and the count begins.",
        "The strike is over, the union says, after a night of talks.",
        "Das Spiel ist beendet, die Gastgeber jubeln.",
        "Le match est terminé, la foule quitte le stade.",
    ],
)
def test_words_about_the_event_do_not_end_the_blog(newest: str) -> None:
    blog = parse(page(post(4, newest), post(3), post(2), post(1)), URL)
    assert blog.is_live is None


def test_an_older_post_about_closing_the_blog_does_not_end_it_while_newer_posts_follow() -> None:
    closing = "That's all from us for tonight: this live blog is now closed."
    notice = "<div class='notice'>This live blog has ended.</div>"
    blog = parse(page(post(4), post(3), post(2, closing, extra=notice), post(1)), URL)
    assert [entry.key for entry in blog.entries] == ["4", "3", "2", "1"]
    assert blog.is_live is None


def test_a_coverage_end_time_in_the_future_wins_over_the_words() -> None:
    structured = (
        "<script type='application/ld+json'>"
        '{"@context": "https://schema.org", "@type": "LiveBlogPosting",'
        ' "headline": "Harbour race: live", "coverageStartTime": "2026-05-01T09:00:00Z",'
        ' "coverageEndTime": "2999-01-01T00:00:00Z"}</script>'
    )
    banner = "<div class='banner'>This live blog has ended.</div>"
    closing = "That's all from us: this live blog is now closed."
    blog = parse(page(post(4, closing), post(3), post(2), banner=banner, head=structured), URL)
    assert blog.is_live is True


@pytest.mark.parametrize(
    "text",
    [
        "This live blog has now ended",
        "this live blog is now closed",
        "We are closing our live coverage",
        "Our live coverage of the final has ended",
        "Dieser Ticker ist beendet",
        "ce direct est désormais terminé",
        "La diretta è terminata",
        "Esta cobertura ha finalizado",
        "Deze liveblog is gesloten",
        "Dit liveblog is afgesloten",
        "Relacja na żywo zakończona",
        "Coverage for this event has ended.",
        "Thanks for reading. Live coverage of this match has now ended",
        "Updates on this story have concluded",
    ],
)
def test_phrases_that_name_the_coverage_say_it_ended(text: str) -> None:
    assert says_ended(text)


@pytest.mark.parametrize(
    "text",
    [
        "the match has ended",
        "voting has closed",
        "the strike is over",
        "the live blog says the match has ended",
        "this live blog will close at midnight",
        "we will end our live coverage at midnight",
        "the live stream from the stadium has ended",
        "The live coverage on BBC One has ended, but we carry on here",
        "La partita è terminata",
        "Het stembureau is gesloten",
        "TV coverage of this race has ended, but we carry on here",
        "Coverage of this year's race on the state broadcaster has ended",
        "Coverage for this event will end at midnight",
    ],
)
def test_phrases_about_something_else_do_not(text: str) -> None:
    assert not says_ended(text)


def test_a_long_text_is_not_searched() -> None:
    assert not says_ended("This live blog has ended. " + BODY * 10)


def test_a_closing_sentence_at_the_end_of_the_newest_post_ends_the_blog() -> None:
    newest = post(4, extra="").replace(
        f"<p>{BODY}</p></div>", "<p>Damit endet unser Ticker für heute. Danke!</p></div>"
    )
    blog = parse(page(newest, post(3), post(2), post(1), lang="de"), URL)
    assert blog.entries[0].text.endswith("Danke!")
    assert blog.is_live is False


@pytest.mark.parametrize(
    "fixture",
    ["at_prozess_ticker_landesgericht.html", "fr_regional_ouest_direct_flat.html"],
)
def test_generic_pages_that_say_they_ended_are_not_live(fixture: str) -> None:
    html = (FIXTURES / "generic" / fixture).read_bytes()
    assert parse(html, URL).is_live is False
