"""Whether a page is a live blog at all, at the edges: live blogs that do not say they are
live, or say little, and timed pages that say "live" and are not live blogs."""

from __future__ import annotations

import pytest

from liveread.parse import NotALiveBlog, parse

SITE = "https://www.harbourpost.example.co.uk"
URL = f"{SITE}/news/gale-warning-updates-4418203"
UPDATES = [
    (
        "11:45",
        "Bridge reopened",
        "The harbour bridge is open again after a fallen tree was cleared.",
    ),
    ("10:20", "Power cuts", "About 9,000 homes are without power, the network operator says."),
    ("08:55", "Ferries cancelled", "All sailings are off until at least four this afternoon."),
    ("07:30", "Schools shut", "Forty schools in the county are closed today."),
]


def updates_page(
    updates: list[tuple[str, str, str]], *, changed: str = "11:48", extra: str = ""
) -> str:
    """A news page of short timed updates whose title, heading and address say no live
    word ("Gale warning: updates through the day")."""
    items = "".join(
        f"<div class='update'><div class='update__time'>{time}</div>"
        f"<h3 class='update__title'>{title}</h3><p>{text}</p>{extra}</div>"
        for time, title, text in updates
    )
    return (
        "<html lang='en-GB'><head><title>Gale warning: updates through the day</title>"
        f"<link rel='canonical' href='{URL}'>"
        "<meta property='article:published_time' content='2024-11-02T07:30:00+00:00'>"
        f"<meta property='article:modified_time' content='2024-11-02T{changed}:00+00:00'>"
        "</head><body><main><article><h1>Gale warning: updates through the day</h1>"
        f"<p class='byline'>By Kate Rowe</p><div class='updates'>{items}</div>"
        "</article></main></body></html>"
    )


SHARE = (
    "<div class='share'><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a>"
    " <a href='mailto:?subject=Gale'>Email</a></div>"
)


@pytest.mark.parametrize("extra", ["", SHARE])
def test_short_updates_newest_first_on_a_page_changed_with_the_newest_are_a_live_blog(
    extra: str,
) -> None:
    blog = parse(updates_page(UPDATES, extra=extra), URL)
    assert [entry.title for entry in blog.entries] == [title for _, title, _ in UPDATES]
    assert blog.entries[0].published is not None
    assert blog.entries[0].published.strftime("%H:%M") == "11:45"


def test_an_untimed_photo_among_the_short_updates_of_a_page_kept_up_with_them_is_read() -> None:
    photo = (
        "<div class='update'><figure><img src='/waves.jpg' alt=''>"
        "<figcaption>Waves crash over the sea wall this morning.</figcaption></figure></div>"
    )
    gap = "</p></div><div class='update'>"
    page = updates_page(UPDATES).replace(gap, f"</p></div>{photo}<div class='update'>", 1)
    blog = parse(page, URL)
    assert [entry.published is None for entry in blog.entries] == [False, True, False, False, False]


def test_short_timed_lines_newest_first_beside_an_articles_running_text_are_no_live_blog() -> None:
    story = "".join(
        f"<p>{text}</p>"
        for text in (
            "The gale brought down trees and power lines across the county overnight, and the"
            " harbour bridge was closed for most of the morning while crews cleared the road.",
            "Ferry operators cancelled every sailing before dawn, leaving hundreds of travellers"
            " waiting at the terminal for news of when services would start again.",
            "The network operator said most homes would have power back by the evening, though"
            " some farms in the hills could wait until tomorrow for engineers to reach them.",
        )
    )
    page = updates_page(UPDATES).replace("<div class='updates'>", f"{story}<div class='updates'>")
    with pytest.raises(NotALiveBlog):
        parse(page, URL)


@pytest.mark.parametrize(
    ("updates", "changed", "extra"),
    [
        (UPDATES, "15:10", ""),  # changed hours after its newest item: not kept up by them
        (UPDATES[::-1], "11:48", ""),  # earliest first: a programme or a day's schedule
        (UPDATES, "11:48", "<a href='/news/story-4419001'>Read more</a>"),  # teasers
        (UPDATES, "11:48", f"<a href='{SITE}/news/story-4419001'>Read more</a>"),
    ],
)
def test_short_timed_items_a_page_is_not_seen_kept_up_by_are_no_live_blog(
    updates: list[tuple[str, str, str]], changed: str, extra: str
) -> None:
    with pytest.raises(NotALiveBlog):
        parse(updates_page(updates, changed=changed, extra=extra), URL)


PROGRAMME = [
    (
        "06:00",
        "Breakfast North",
        "News, weather and travel for the region, with guests from seven.",
    ),
    ("09:25", "Homes Under Offer", "Three buyers take on run-down houses bought at auction."),
    ("10:40", "Bargain Road", "Two teams of antiques hunters race across the Dales with a budget."),
    ("12:05", "Midday News", "The latest national and regional news, then the weather forecast."),
    ("13:10", "Afternoon Live", "Cooking, phone-ins and the talking points of the day."),
    ("18:00", "North Tonight", "The evening news programme for the whole region, with sport."),
]


def live_page(items: list[tuple[str, str, str]]) -> str:
    """A page that says "live" in its title, heading and address, of timed items."""
    rows = "".join(
        f"<li class='slot'><span class='slot__time'>{time}</span><h3>{title}</h3><p>{text}</p></li>"
        for time, title, text in items
    )
    return (
        "<html lang='en-GB'><head><title>Watch live TV | Channel North</title>"
        "<meta property='article:modified_time' content='2024-07-18T19:30:00+01:00'>"
        f"</head><body><main><h1>Watch live TV</h1><ul class='schedule'>{rows}</ul>"
        "</main></body></html>"
    )


def test_times_all_on_five_minutes_earliest_first_are_a_programme_not_posts() -> None:
    with pytest.raises(NotALiveBlog) as refused:
        parse(live_page(PROGRAMME), "https://www.channelnorth.example.co.uk/live", explain=True)
    assert "a programme" in "\n".join(refused.value.contest)


@pytest.mark.parametrize(
    "items",
    [
        PROGRAMME[::-1],  # newest first, as a live blog's posts run
        [*PROGRAMME[:3], ("12:07", *PROGRAMME[3][1:]), *PROGRAMME[4:]],  # one off the marks
    ],
)
def test_times_on_five_minutes_newest_first_or_off_the_marks_are_posts(
    items: list[tuple[str, str, str]],
) -> None:
    blog = parse(live_page(items), "https://www.channelnorth.example.co.uk/live")
    assert len(blog.entries) == len(items)


CALLS = [
    ("21:05", "GOAL! Harbour 2-1 Rovers (Doyle 78, curled in from the edge of the box)"),
    ("20:49", "GOAL! Harbour 1-1 Rovers (Kane pen 58, sends the keeper the wrong way)"),
    ("20:00", "HALF-TIME: HARBOUR 1-0 ROVERS – a Doyle header the difference so far"),
    ("19:41", "GOAL! Harbour 1-0 Rovers (Doyle 11, a header from a corner on the left)"),
]


def ticker_page(changed: str) -> str:
    """A live page of one-line items, none a sentence: a score ticker."""
    items = "".join(
        f"<div class='ticker-item'><span class='ticker-time'>{time}</span>"
        f"<p class='ticker-text'>{text}</p></div>"
        for time, text in CALLS
    )
    return (
        "<html lang='en-GB'><head><title>Harbour v Rovers LIVE: score and updates</title>"
        f"<meta property='article:modified_time' content='2024-11-10T{changed}:00+00:00'>"
        "</head><body><main><h1>Harbour v Rovers LIVE: score and updates</h1>"
        f"<div class='ticker'>{items}</div></main></body></html>"
    )


def test_one_line_items_a_live_page_is_seen_kept_up_with_are_posts() -> None:
    blog = parse(ticker_page("21:06"), "https://www.harbourpost.example.co.uk/live/harbour-rovers")
    assert [entry.text for entry in blog.entries] == [text for _, text in CALLS]


def test_one_line_items_of_a_page_changed_long_after_them_are_boxes_of_data() -> None:
    with pytest.raises(NotALiveBlog):
        parse(ticker_page("23:40"), "https://www.harbourpost.example.co.uk/live/harbour-rovers")
