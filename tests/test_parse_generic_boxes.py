"""The box reader on small pages: how it tells a post's id, its own time, a paid box and a
pinned list beside the feed, as live-blog widgets (Tickaroo, 24liveblog, ScribbleLive, the
WordPress Liveblog plugin) write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from liveread.model import Image
from liveread.parse import NotALiveBlog, parse
from liveread.parse.ids import data_id

URL = "https://news.example.com/live/flood-updates"
BODY = "Crews from three counties are working through the night to clear the river banks."


def page(feed: str, before: str = "") -> str:
    return (
        "<html lang='en'><head><title>Flood: live updates</title>"
        "<meta property='article:modified_time' content='2024-07-24T14:00:00Z'></head><body><main>"
        f"<div class='stream'>{before}<div class='stream__list'>{feed}</div></div>"
        "</main></body></html>"
    )


def post(number: int, *, attributes: str = "", time: str = "", classes: str = "") -> str:
    stamp = time or f"{10 + number}:05"
    return (
        f"<div class='entry {classes}' {attributes}><span class='entry__time'>{stamp}</span>"
        f"<p>Update {number}. {BODY}</p></div>"
    )


def test_a_data_id_attribute_names_the_post() -> None:
    feed = "".join(post(n, attributes=f"data-post-id='77{n}'") for n in (3, 2, 1))
    blog = parse(page(feed), URL)
    assert [entry.key for entry in blog.entries] == ["773", "772", "771"]


def test_data_attributes_that_name_something_else_are_no_id() -> None:
    assert data_id({"data-news-id": "7734402"}) == "7734402"
    assert data_id({"data-tickaroo-event-id": "66a1"}) == "66a1"
    assert data_id({"data-post-id": "post-12"}) == "12"
    assert data_id({"data-author-id": "9", "data-video-id": "v1", "data-id": ""}) is None


def test_a_paid_box_of_the_posts_shape_is_no_post() -> None:
    sponsored = (
        "<div class='entry entry--sponsored' data-sponsored='true'>"
        "<span class='entry__label'>Sponsored</span>"
        "<p>Open a high-interest savings account with Northway before the end of the month.</p>"
        "</div>"
    )
    feed = post(3) + sponsored + post(2) + post(1)
    blog = parse(page(feed), URL)
    assert len(blog.entries) == 3
    assert not any("Northway" in entry.text for entry in blog.entries)


def test_a_pinned_list_above_the_feed_is_read_and_its_post_pinned() -> None:
    pinned = (
        "<div class='stream__list stream__list--pinned'>"
        + post(0, time="08:00", attributes="id='entry-500'").replace("Update 0.", "What we know.")
        + "</div>"
    )
    feed = "".join(post(n, attributes=f"id='entry-50{n}'") for n in (3, 2, 1))
    blog = parse(page(feed, before=pinned), URL)
    by_key = {entry.key: entry for entry in blog.entries}
    assert set(by_key) == {"500", "501", "502", "503"}
    assert by_key["500"].pinned
    assert not any(by_key[f"50{n}"].pinned for n in (1, 2, 3))
    # Read out of the feed's order: the feed's times keep their day.
    newest, oldest = by_key["503"].published, by_key["501"].published
    assert newest is not None and oldest is not None
    assert (newest - oldest).total_seconds() == 2 * 3600


def test_a_pinned_box_above_an_ad_slot_above_the_feed_is_read_and_its_post_pinned() -> None:
    pinned = (
        "<div class='stream__pinned'>"
        + post(0, time="08:00", attributes="id='entry-500'").replace("Update 0.", "What we know.")
        + "</div><div class='ad-slot'><p>Advertisement</p></div>"
    )
    feed = "".join(post(n, attributes=f"id='entry-50{n}'") for n in (3, 2, 1))
    blog = parse(page(feed, before=pinned), URL)
    assert {entry.key: entry.pinned for entry in blog.entries} == {
        "500": True,
        "501": False,
        "502": False,
        "503": False,
    }


def test_a_related_list_beside_the_feed_of_another_shape_is_not_read() -> None:
    related = (
        "<ul class='related'><li class='entry'><a href='/a'>Another story</a></li>"
        "<li class='entry'><a href='/b'>One more story</a></li></ul>"
    )
    feed = "".join(post(n) for n in (3, 2, 1))
    blog = parse(page(feed, before=related), URL)
    assert len(blog.entries) == 3


def test_a_posts_own_time_written_out_is_one_time_not_two_posts() -> None:
    def stamped(n: int) -> str:
        epoch = int(datetime(2024, 7, 24, 10 + n, 5, tzinfo=UTC).timestamp())
        return (
            f"<div class='entry' id='e{n}' data-timestamp='{epoch}'><header>"
            f"<span class='meta-time'><a href='#e{n}'><span class='date'>{n} mins ago</span>"
            f" <abbr title='x'>{10 + n}:05</abbr></a></span></header><p>{BODY}</p></div>"
        )

    blog = parse(page("".join(stamped(n) for n in (3, 2, 1))), URL, explain=True)
    read = next(line for line in blog.contest if line.lstrip().startswith("* "))
    assert "3 posts" in read
    assert "times swallowed" not in "\n".join(blog.contest)
    assert blog.entries[0].published == datetime(2024, 7, 24, 13, 5, tzinfo=UTC)


def test_a_highlighted_post_is_a_key_event() -> None:
    feed = post(3, classes="entry--highlight") + post(2) + post(1)
    blog = parse(page(feed), URL)
    assert [entry.key_event for entry in blog.entries] == [True, False, False]


def test_a_pinned_copy_above_the_feed_is_shown_once_as_the_feeds_post() -> None:
    copy = (
        "<div class='stream__pinned'><div class='entry'><span class='entry__time'>09:05</span>"
        f"<p>Update 9. What we know. {BODY}</p></div></div>"
    )
    feed = "".join(post(n, attributes=f"id='entry-60{n}'") for n in (3, 2, 1))
    feed += (
        "<div class='entry' id='entry-600'><span class='entry__time'>09:05</span>"
        f"<p>Update 9. What we know. {BODY}</p></div>"
    )
    blog = parse(page(feed, before=copy), URL)
    assert sorted(entry.key for entry in blog.entries) == ["600", "601", "602", "603"]
    assert [entry.key for entry in blog.entries if entry.pinned] == ["600"]


def test_a_second_rendering_of_the_whole_feed_beside_it_pins_nothing() -> None:
    wide = "".join(post(n, attributes=f"id='wide-60{n}'") for n in (3, 2, 1))
    narrow = "".join(post(n, attributes=f"id='narrow-60{n}'") for n in (3, 2, 1))
    html = page("", before="").replace(
        "<div class='stream__list'></div>",
        f"<div class='hidden lg:block'>{wide}</div><div class='lg:hidden'>{narrow}</div>",
    )
    blog = parse(html, URL)
    assert len(blog.entries) == 3
    assert not any(entry.pinned for entry in blog.entries)


def test_a_wrapped_post_takes_the_id_of_what_it_wraps_and_a_pinned_box_of_that_shape() -> None:
    def item(n: int) -> str:
        return (
            f"<li class='item'><article class='story' id='post-70{n}'>"
            f"<time>{10 + n}:05</time><p>Update {n}. {BODY}</p></article></li>"
        )

    pinned = (
        "<div class='pinned'><h2>Pinned</h2><article class='story' id='post-700'>"
        f"<time>08:00</time><p>What we know. {BODY}</p></article></div>"
    )
    html = page("", before="").replace(
        "<div class='stream__list'></div>",
        f"{pinned}<ul class='items'>{''.join(item(n) for n in (3, 2, 1))}</ul>",
    )
    blog = parse(html, URL)
    by_key = {entry.key: entry for entry in blog.entries}
    assert set(by_key) == {"700", "701", "702", "703"}
    assert by_key["700"].pinned and not by_key["703"].pinned


def test_a_bold_first_line_titles_the_post_and_leaves_its_body() -> None:
    def titled(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
            f"<p class='entry__title'><strong>Bridge {n} reopens</strong></p><p>{BODY}</p></div>"
        )

    blog = parse(page("".join(titled(n) for n in (3, 2, 1))), URL)
    assert [entry.title for entry in blog.entries] == [f"Bridge {n} reopens" for n in (3, 2, 1)]
    assert all(entry.text == BODY for entry in blog.entries)  # same text, other titles: kept


def test_a_first_paragraph_named_a_title_titles_the_post_bold_or_not() -> None:
    def titled(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
            f"<p class='Live__title'>Bridge {n} reopens</p><p>{BODY}</p>"
            f"<p class='subtitle'>Lane {n}</p></div>"
        )

    blog = parse(page("".join(titled(n) for n in (3, 2, 1))), URL)
    assert [entry.title for entry in blog.entries] == [f"Bridge {n} reopens" for n in (3, 2, 1)]
    assert [entry.text for entry in blog.entries] == [f"{BODY}\n\nLane {n}" for n in (3, 2, 1)]


def test_a_day_named_after_the_clock_dates_the_post() -> None:
    """The day written after the clock ("13:40, wczoraj"), as some portals write it."""
    stamps = ["13:40, wczoraj", "09:05 wczoraj", "08:10, wczoraj"]
    feed = "".join(post(n, time=stamp) for n, stamp in enumerate(stamps))
    html = page(feed).replace("lang='en'", "lang='pl'")
    blog = parse(html, "https://wiadomosci.example.pl/relacja-na-zywo")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 23, 11, 40, tzinfo=UTC),
        datetime(2024, 7, 23, 7, 5, tzinfo=UTC),
        datetime(2024, 7, 23, 6, 10, tzinfo=UTC),
    ]
    assert all(entry.text.startswith("Update") for entry in blog.entries)


def test_an_author_box_with_a_role_gives_the_name_once() -> None:
    def signed(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
            "<div class='entry__author'><img src='/a.jpg' alt=''>"
            "<span class='entry__author-name'>Lena Forsberg</span>"
            f"<span class='entry__author-role'>Reporter</span></div><p>{n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(signed(n) for n in (3, 2, 1))), URL)
    assert [entry.authors for entry in blog.entries] == [["Lena Forsberg"]] * 3


def test_a_byline_box_around_the_name_goes_whatever_its_words() -> None:
    def signed(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
            "<div class='byline'>From CNB Meteorologist <a href='/p/lc'>"
            f"<span class='byline__name'>Lena Cruzado</span></a></div><p>{n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(signed(n) for n in (3, 2, 1))), URL)
    assert [entry.authors for entry in blog.entries] == [["Lena Cruzado"]] * 3
    assert not any("Meteorologist" in entry.text for entry in blog.entries)


def test_a_clock_beside_a_minute_of_play_times_the_post_and_the_minute_is_its_label() -> None:
    def stamped(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__minute'>{60 + n}'</span>"
            f"<span class='entry__time'>{19 + n}:05</span><p>{n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(stamped(n) for n in (3, 2, 1))), URL)
    assert [(entry.published, entry.label) for entry in blog.entries] == [
        (datetime(2024, 7, 23, 19 + n, 5, tzinfo=UTC), f"{60 + n}'") for n in (3, 2, 1)
    ]
    assert not any("'" in entry.text for entry in blog.entries)


def test_a_ticker_titles_plus_signs_are_no_part_of_it() -> None:
    def titled(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
            f"<h2>+++ Strike {n} begins +++</h2><p>{n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(titled(n) for n in (3, 2, 1))), URL)
    assert [entry.title for entry in blog.entries] == [f"Strike {n} begins" for n in (3, 2, 1)]


def test_a_ticker_title_after_its_time_keeps_no_closing_plus_signs() -> None:
    def titled(n: int) -> str:
        return (
            f"<div class='entry'><h2>+++ {10 + n}:05 Strike {n} begins +++</h2><p>{BODY}</p></div>"
        )

    blog = parse(page("".join(titled(n) for n in (3, 2, 1))), URL)
    assert [entry.title for entry in blog.entries] == [f"Strike {n} begins" for n in (3, 2, 1)]
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, 10 + n, 5, tzinfo=UTC) for n in (3, 2, 1)
    ]


def test_a_flat_tickers_headings_keep_no_closing_plus_signs() -> None:
    """A column of "+++ 07:30 Title +++" headings, each followed by its paragraphs."""
    runs = "".join(
        f"<h2><strong>+++ {9 - n:02}:30 Meldung {n} zum Streik +++</strong></h2>"
        f"<p>Absatz {n}: Die Gewerkschaft und die Bahn verhandeln am Nachmittag weiter, ein"
        f" Ergebnis wird erst für den Abend erwartet, heißt es aus Verhandlungskreisen.</p>"
        f"<p>Die Pendler müssen sich auf volle Bahnsteige und ausfallende Züge einstellen.</p>"
        for n in range(3)
    )
    html = (
        "<html lang='de'><head><title>Streik im Liveticker</title>"
        "<meta property='article:modified_time' content='2024-03-12T09:40:00+01:00'>"
        f"</head><body><main><article><h1>Streik</h1><div class='text'>{runs}</div>"
        "</article></main></body></html>"
    )
    blog = parse(html, "https://www.sender.example.de/wirtschaft/streik-liveticker")
    assert [entry.title for entry in blog.entries] == [f"Meldung {n} zum Streik" for n in range(3)]
    assert [entry.text.split(":")[0] for entry in blog.entries] == [f"Absatz {n}" for n in range(3)]


def test_a_box_whose_data_says_promo_is_no_post() -> None:
    promo = (
        "<div class='entry' data-testid='hys-promo'><p>Get in touch: send us your pictures and"
        " stories of the flood by email or on WhatsApp.</p></div>"
    )
    blog = parse(page(post(3) + promo + post(2) + post(1)), URL)
    assert len(blog.entries) == 3


def test_a_closing_byline_and_the_time_written_in_it_are_one_time() -> None:
    def signed(n: int) -> str:
        return (
            f"<div class='entry'><p>{n}. {BODY}</p><div class='by'><div><span>Tom Watling</span>"
            f"<span>15 November 2024 0{n}:00</span></div></div></div>"
        )

    blog = parse(page("".join(signed(n) for n in (3, 2, 1))), URL, explain=True)
    assert "times swallowed" not in "\n".join(blog.contest)
    assert [entry.authors for entry in blog.entries] == [["Tom Watling"]] * 3


def test_a_videos_length_is_no_time_and_a_pinned_post_above_times_written_as_ago() -> None:
    pinned = (
        "<div class='entry entry--top'><span class='entry__time'>07:30</span>"
        f"<p>What we know. {BODY}</p></div>"
    )
    fresh = (
        "<div class='entry'><span class='entry__time'>10 min ago</span><p>Fresh. "
        f"{BODY}</p><div class='video'><span class='video__duration'>01:58</span></div></div>"
    )
    feed = pinned + fresh + post(3) + post(2) + post(1)
    blog = parse(page(feed), URL)
    times = {entry.text.split(".")[0]: entry.published for entry in blog.entries}
    modified = datetime(2024, 7, 24, 14, 0, tzinfo=UTC)
    assert times["Fresh"] == modified - timedelta(minutes=10)
    assert times["Update 3"] == datetime(2024, 7, 24, 13, 5, tzinfo=UTC)
    assert times["What we know"] == datetime(2024, 7, 24, 7, 30, tzinfo=UTC)


def test_a_time_that_bounds_a_period_is_no_posts_stamp() -> None:
    def warning(n: int) -> str:
        return (
            f"<article class='warning'><h3>Region {n}</h3><p>Valid from <time>1{n}:00</time>"
            f" until <time>2{n}:00</time></p><p>{n}. {BODY}</p></article>"
        )

    html = page("".join(warning(n) for n in (1, 2, 3))).replace("Flood: live updates", "Live")
    with pytest.raises(NotALiveBlog):
        parse(html, URL)


def test_an_authors_picture_does_not_hide_the_authors_name() -> None:
    def signed(n: int) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
            "<span class='entry__author'><img class='entry__author-image' src='/a.jpg' alt=''>"
            f"Lena Forsberg</span><p>{n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(signed(n) for n in (3, 2, 1))), URL)
    assert [entry.authors for entry in blog.entries] == [["Lena Forsberg"]] * 3


def test_a_longer_list_of_timed_teasers_above_the_feed_is_not_the_posts() -> None:
    """A key-events carousel: more timed items than the feed has posts, each a link."""
    cards = "".join(
        f"<li><a href='#entry-60{n}'><time datetime='2024-07-24T1{n}:05:00Z'>{n}h ago</time>"
        f"Key event {n}: crews reach the bridge</a></li>"
        for n in range(6)
    )
    carousel = f"<ul class='key-events'>{cards}</ul>"
    feed = "".join(
        f"<article class='block' id='entry-60{n}'>"
        f"<time datetime='2024-07-24T1{n}:05:00Z'>1{n}.05 BST</time><p>Update {n}. {BODY}</p>"
        "</article>"
        for n in (3, 2, 1)
    )
    blog = parse(page(feed, before=carousel), URL)
    assert [entry.key for entry in blog.entries] == ["603", "602", "601"]
    assert all(BODY in entry.text for entry in blog.entries)


def test_a_posts_own_creation_time_wins_over_the_time_it_shows() -> None:
    """`data-sort-time` on the post is when it was made; the `<time>` it shows may be edited."""
    made = datetime(2024, 7, 24, 9, 30, tzinfo=UTC)
    shown = made + timedelta(hours=3)
    feed = "".join(
        f"<div class='entry' id='entry-{n}' data-sort-time='{int(made.timestamp()) - n * 600}'>"
        f"<time datetime='{(shown - timedelta(minutes=10 * n)).isoformat()}'>earlier</time>"
        f"<p>Update {n}. {BODY}</p></div>"
        for n in (0, 1, 2)
    )
    blog = parse(page(feed), URL)
    assert [entry.published for entry in blog.entries] == [
        made - timedelta(minutes=10 * n) for n in (0, 1, 2)
    ]


def test_a_video_box_is_one_video_without_its_title() -> None:
    """A box of the site's own player (`section.inline-video` around a custom element): one
    video embed; the title of the video it plays is the player's, not the post's."""
    video = (
        "<section class='inline-video'><h3 class='inline-video__title'>Watch: the river from"
        " the air</h3><figure><site-video-component data-src='https://video.example.com/embed/"
        "881'><img src='https://img.example.com/881.jpg'></site-video-component></figure>"
        "</section>"
    )
    feed = post(3) + post(2).replace("</p>", f"</p>{video}") + post(1)
    blog = parse(page(feed), URL)
    entry = blog.entries[1]
    assert "Watch: the river" not in entry.text
    videos = [block for block in entry.blocks if getattr(block, "provider", "") == "video"]
    assert [video.url for video in videos] == ["https://video.example.com/embed/881"]


@pytest.mark.parametrize(
    ("divider", "language"),
    [("Half-time", "en"), ("Mi-temps", "fr"), ("2. Halbzeit", "de"), ("Fine primo tempo", "it")],
)
def test_a_commentarys_match_dividers_of_the_posts_shape_are_no_posts(
    divider: str, language: str
) -> None:
    """A commentary with no class names: the stage of the match between its minutes
    ("45+2' Half-time") is written like a post, and is none."""
    comment = "The keeper tips a long shot over the bar after a quick break down the left."

    def item(minute: int) -> str:
        return f"<li><span>{minute}'</span><p>{comment} ({minute})</p></li>"

    items = [
        *(item(minute) for minute in (67, 58, 51)),
        "<li><span>46'</span>Second half under way, no changes at the break.</li>",
        f"<li><div>45+2'<span class='icon'></span>{divider}</div></li>",
        *(item(minute) for minute in (44, 31)),
    ]
    html = (
        f"<html lang='{language}'><head><title>Live</title></head><body><main>"
        f"<ol>{''.join(items)}</ol></main></body></html>"
    )
    blog = parse(html, URL, explain=True)
    assert blog.contest[0].startswith("* generic: 6 posts")  # the reader never took it
    assert [entry.label for entry in blog.entries] == ["67'", "58'", "51'", "46'", "44'", "31'"]
    assert not any(divider in entry.text for entry in blog.entries)


def test_a_clock_written_before_its_date_dates_the_post() -> None:
    """ "12:42 a.m. ET, June 5, 2024": on a page that states no date of its own, each post
    is dated by its stamp, across midnight."""
    stamps = ["12:42 a.m. ET, June 5, 2024", "11:58 p.m. ET, June 4, 2024", "6:30 p.m. ET, June 4"]
    feed = "".join(
        f"<article class='live-post' id='post-{n}'><header><div class='live-post__stamp'>"
        f"{stamp}</div><h2>Result {n}</h2></header><p>Update {n}. {BODY}</p></article>"
        for n, stamp in enumerate(stamps)
    )
    html = (
        "<html lang='en-US'><head><title>Primaries: live results</title></head><body><main>"
        f"<div class='live-story'>{feed}</div></main></body></html>"
    )
    blog = parse(html, "https://news.example.com/politics/live-news/primaries")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 6, 5, 4, 42, tzinfo=UTC),
        datetime(2024, 6, 5, 3, 58, tzinfo=UTC),
        datetime(2024, 6, 4, 22, 30, tzinfo=UTC),
    ]
    assert not any("June" in entry.text for entry in blog.entries)


def test_a_ticker_in_a_table_is_read_row_by_row() -> None:
    """Rows of a table, the time in the first cell; the page states only when it was first
    published (08:00), so its evening rows are that day's, not the day before's."""
    rows = "".join(
        f"<tr><td class='zeit'>{stamp}</td><td>Meldung {n}: {BODY}</td></tr>"
        for n, stamp in enumerate(["19:42", "18:00", "16:30"])
    )
    html = (
        "<html lang='de'><head><title>Liveticker: Wahlabend</title>"
        "<meta property='article:published_time' content='2024-09-01T08:00:00+02:00'>"
        f"</head><body><main><table><tbody>{rows}</tbody></table></main></body></html>"
    )
    blog = parse(html, "https://www.zeitung.example.de/politik/liveticker-wahl")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 9, 1, 17, 42, tzinfo=UTC),
        datetime(2024, 9, 1, 16, 0, tzinfo=UTC),
        datetime(2024, 9, 1, 14, 30, tzinfo=UTC),
    ]
    assert [entry.text.split(":")[0] for entry in blog.entries] == [
        "Meldung 0",
        "Meldung 1",
        "Meldung 2",
    ]


def test_a_pinned_copy_without_an_id_above_the_feed_leaves_the_post_its_own_id() -> None:
    """The copy comes first in the page; the post is kept once, under the id the page
    gives it in the feed, and pinned."""

    def block(number: int, attributes: str = "") -> str:
        return (
            f"<div class='block' {attributes}><time datetime='2024-07-24T1{number}:05:00Z'>"
            f"1{number}.05</time><p>Update {number}. {BODY}</p></div>"
        )

    pinned = f"<div class='pinned-box'><span>Pinned post</span>{block(2)}</div>"
    feed = "".join(block(n, f"id='block-{n}'") for n in (4, 3, 2, 1))
    blog = parse(page(pinned + feed), URL)
    assert [(entry.key, entry.pinned) for entry in blog.entries] == [
        ("4", False),
        ("3", False),
        ("2", True),
        ("1", False),
    ]


@pytest.mark.parametrize(
    ("language", "zone", "byline"),
    [
        ("en-GB", "Europe/London", "Posted by {name} at {hour}:{minute}"),
        ("de", "Europe/Berlin", "Von {name} um {hour}.{minute} Uhr"),
        ("fr", "Europe/Paris", "Par {name}, {hour}h{minute}"),
    ],
)
def test_a_closing_byline_with_a_clock_time_times_the_post_and_names_its_author(
    language: str, zone: str, byline: str
) -> None:
    """The only time each post has is in the line that closes it: read as the post's time
    and author, and not left in its text."""
    stamps = [("Sarah Jones", 23, 12), ("Tom Hall", 22, 40), ("Sarah Jones", 18, 5)]
    feed = "".join(
        f"<div class='post'><p>Update {n}. {BODY}</p>"
        f"<p class='meta'>{byline.format(name=name, hour=hour, minute=f'{minute:02}')}</p></div>"
        for n, (name, hour, minute) in enumerate(stamps)
    )
    html = (
        f"<html lang='{language}'><head><title>Festival: live</title>"
        "<meta property='article:modified_time' content='2024-06-28T22:30:00Z'></head>"
        f"<body><main><div class='posts'>{feed}</div></main></body></html>"
    )
    blog = parse(html, "https://www.example.com/live/festival")
    assert [(entry.published, entry.authors) for entry in blog.entries] == [
        (datetime(2024, 6, 28, hour, minute, tzinfo=ZoneInfo(zone)), [name])
        for name, hour, minute in stamps
    ]
    assert all(entry.text == f"Update {n}. {BODY}" for n, entry in enumerate(blog.entries))


@pytest.mark.parametrize(
    ("language", "zone", "dateline"),
    [
        ("en-GB", "Europe/London", "Last updated: Monday 15 July 2024, 14:30"),
        ("de", "Europe/Berlin", "Aktualisiert am 15.07.2024 um 14.30 Uhr"),
        ("fr", "Europe/Paris", "Mis à jour le 15 juillet 2024 à 14h30"),
        ("en-GB", "Europe/London", "Last update 15 July 2024"),
        ("en-GB", "Europe/London", "Published On 15 July 2024 15 July 2024"),
    ],
)
def test_a_visible_dateline_dates_posts_stamped_with_a_clock_alone(
    language: str, zone: str, dateline: str
) -> None:
    """No meta tag or structured data dates the page: the dateline under its heading does."""
    feed = "".join(
        f"<article class='entry'><span class='entry-time'>{stamp}</span>"
        f"<p>Update {n}. {BODY}</p></article>"
        for n, stamp in enumerate(["14:28", "12:10", "10:45"])
    )
    html = (
        f"<html lang='{language}'><head><title>Flooding: live</title></head><body><main>"
        f"<h1>Flooding: live</h1><p class='dateline'>{dateline}</p>"
        f"<div class='live'>{feed}</div></main></body></html>"
    )
    blog = parse(html, "https://www.example.com/news/flooding-live")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 15, hour, minute, tzinfo=ZoneInfo(zone))
        for hour, minute in [(14, 28), (12, 10), (10, 45)]
    ]


def clock_page(stamps: list[str], head: str = "", dateline: str = "", lang: str = "en") -> str:
    """A live page whose posts carry a bare clock time each, in page order."""
    feed = "".join(
        f"<article class='entry{' entry--pinned' if stamp.endswith('*') else ''}'>"
        f"<span class='entry-time'>{stamp.rstrip('*')}</span><p>Update {n}. {BODY}</p></article>"
        for n, stamp in enumerate(stamps)
    )
    return (
        f"<html lang='{lang}'><head><title>Count night: live</title>{head}</head><body><main>"
        f"<h1>Count night: live</h1><p class='dateline'>{dateline}</p>"
        f"<div class='live'>{feed}</div></main></body></html>"
    )


def published_times(html: str) -> list[datetime | None]:
    blog = parse(html, "https://www.example.com/news/count-live")
    return [entry.published for entry in blog.entries]


def test_an_oldest_first_list_past_midnight_starts_on_the_day_the_page_was_published() -> None:
    """Published on the 8th, last changed on the 9th: the oldest post, on top, is the 8th's."""
    head = (
        "<meta property='article:published_time' content='2024-06-08T21:55:00+01:00'>"
        "<meta property='article:modified_time' content='2024-06-09T01:40:00+01:00'>"
    )
    html = clock_page(["22:10", "23:05", "23:52", "00:20"], head, lang="en-IE")
    dublin = ZoneInfo("Europe/Dublin")
    assert published_times(html) == [  # listed newest first
        datetime(2024, 6, 9, 0, 20, tzinfo=dublin),
        datetime(2024, 6, 8, 23, 52, tzinfo=dublin),
        datetime(2024, 6, 8, 23, 5, tzinfo=dublin),
        datetime(2024, 6, 8, 22, 10, tzinfo=dublin),
    ]


def test_no_post_is_before_the_start_of_a_page_that_gives_only_its_start() -> None:
    """Newest first, published at 21:00: "00:52" above "23:48" is after midnight, the day
    after the page began, not a day before it."""
    head = "<meta property='article:published_time' content='2025-02-03T21:00:00Z'>"
    html = clock_page(["00:52", "00:15", "23:48", "21:05"], head, lang="en")
    assert published_times(html) == [
        datetime(2025, 2, 4, 0, 52, tzinfo=UTC),
        datetime(2025, 2, 4, 0, 15, tzinfo=UTC),
        datetime(2025, 2, 3, 23, 48, tzinfo=UTC),
        datetime(2025, 2, 3, 21, 5, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    ("language", "zone", "dateline"),
    [
        (
            "fr",
            "Europe/Paris",
            "Publié le 19 octobre 2024 à 19h20 - Mis à jour le 20 octobre 2024 à 00h15",
        ),
        (
            "en-GB",
            "Europe/London",
            "Published 19 October 2024, 19:20 | Updated 20 October 2024, 00:15",
        ),
        (
            "de",
            "Europe/Berlin",
            "Veröffentlicht am 19.10.2024 um 19:20 Uhr Aktualisiert am 20.10.2024 um 00:15 Uhr",
        ),
        (
            "it",
            "Europe/Rome",
            "Pubblicato il 19 ottobre 2024 alle 19:20 Aggiornato il 20 ottobre 2024 alle 00:15",
        ),
        ("es", "Europe/Madrid", "Publicado el 19/10/2024 19:20 Actualizado el 20/10/2024 00:15"),
        (
            "fr",
            "Europe/Paris",
            "Publié le 19 octobre 2024 à 19h20</p><p>Mis à jour le 20 octobre 2024 à 00h15",
        ),
    ],
)
def test_a_dateline_in_two_parts_dates_the_page_by_its_update(
    language: str, zone: str, dateline: str
) -> None:
    """Published on the 19th, updated just after midnight: the newest posts, on top, are the
    20th's and the list crosses midnight below them."""
    html = clock_page(["00:12", "23:48", "20:05"], dateline=dateline, lang=language)
    local = ZoneInfo(zone)
    assert published_times(html) == [
        datetime(2024, 10, 20, 0, 12, tzinfo=local),
        datetime(2024, 10, 19, 23, 48, tzinfo=local),
        datetime(2024, 10, 19, 20, 5, tzinfo=local),
    ]


def test_a_list_crossing_midnight_below_its_first_post_is_not_a_pinned_post_on_top() -> None:
    """00:12 above 23:48 is the list crossing midnight, not a post out of its order: the
    20th's, then the 19th's, with or without a pinned post (out of the walk) on top."""
    dateline = "Mis à jour le 20 octobre 2024"  # a day, no time to check the posts against
    paris = ZoneInfo("Europe/Paris")
    expected = [
        datetime(2024, 10, 20, 0, 12, tzinfo=paris),
        datetime(2024, 10, 19, 23, 48, tzinfo=paris),
        datetime(2024, 10, 19, 20, 5, tzinfo=paris),
        datetime(2024, 10, 19, 19, 30, tzinfo=paris),
    ]
    unpinned = clock_page(["00:12", "23:48", "20:05", "19:30"], dateline=dateline, lang="fr")
    assert published_times(unpinned) == expected
    pinned = clock_page(
        ["09:15*", "00:12", "23:48", "20:05", "19:30"], dateline=dateline, lang="fr"
    )
    assert sorted(published_times(pinned)) == sorted(  # type: ignore[type-var]
        [datetime(2024, 10, 20, 9, 15, tzinfo=paris), *expected]
    )


def test_a_byline_whose_by_has_a_class_of_its_own_names_the_authors() -> None:
    """`<span class="byline-prefix">By </span>` matches an author element too, and names no
    one: the box around it is read for the names."""
    byline = (
        "<div class='post-byline'><span class='byline-prefix'>By </span>"
        "<a href='/by/lena-ortiz'>Lena Ortiz</a> and <a href='/by/sam-okafor'>Sam Okafor</a>"
        "</div>"
    )
    feed = post(3).replace("</span>", f"</span>{byline}", 1) + post(2) + post(1)
    blog = parse(page(feed), URL)
    assert blog.entries[0].authors == ["Lena Ortiz", "Sam Okafor"]
    assert "Lena Ortiz" not in blog.entries[0].text


def test_a_title_linking_to_its_own_post_is_not_repeated_in_the_text() -> None:
    """`<h2><a href="#post-7">Title</a></h2>`: the post's permalink, not a link post's
    headline (which stays, see the link-post tests)."""
    feed = "".join(
        f"<article class='post' id='post-{n}'><time datetime='2024-07-24T1{n}:05:00Z'>"
        f"1{n}:05</time><h2><a href='#post-{n}'>Headline {n}</a></h2><p>Update {n}. {BODY}</p>"
        "</article>"
        for n in (3, 2, 1)
    )
    blog = parse(page(feed), URL)
    assert [(entry.title, entry.text) for entry in blog.entries] == [
        (f"Headline {n}", f"Update {n}. {BODY}") for n in (3, 2, 1)
    ]


@pytest.mark.parametrize(
    ("language", "byline", "authors"),
    [
        (
            "en",
            "<div data-qa='byline'><span>By </span><a rel='author' href='/p/dana'>Dana Whitfield"
            "</a> and <a rel='author' href='/p/marc'>Marcus Lee</a></div>",
            ["Dana Whitfield", "Marcus Lee"],
        ),
        ("pl", "<p class='author'>Oprac. Anna Nowak</p>", ["Anna Nowak"]),
    ],
)
def test_a_byline_leaves_neither_its_word_nor_its_names_in_the_text(
    language: str, byline: str, authors: list[str]
) -> None:
    feed = post(3).replace("</span>", f"</span>{byline}", 1) + post(2) + post(1)
    blog = parse(page(feed).replace("lang='en'", f"lang='{language}'"), URL)
    newest = blog.entries[0]
    assert newest.authors == authors
    assert newest.text == f"Update 3. {BODY}"


@pytest.mark.parametrize(
    ("language", "byline", "author"),
    [
        ("nl", "Door ANP", "ANP"),
        ("nl", "Door Redactie Rivierpost.nl", "Redactie Rivierpost.nl"),
        ("es", "Redacción 24horas", "Redacción 24horas"),
        ("de", "Von dpa", "dpa"),
    ],
)
def test_an_author_element_naming_a_desk_or_agency_is_a_byline(
    language: str, byline: str, author: str
) -> None:
    feed = "".join(
        post(n).replace("</p>", f"</p><div class='entry__author'>{byline}</div>") for n in (3, 2, 1)
    )
    blog = parse(page(feed).replace("lang='en'", f"lang='{language}'"), URL)
    assert [(entry.authors, entry.text) for entry in blog.entries] == [
        ([author], f"Update {n}. {BODY}") for n in (3, 2, 1)
    ]


@pytest.mark.parametrize(
    "byline",
    [
        "<span>By <a href='/p/jane-roe'>Jane Roe</a></span> <span class='source'>Harbour News"
        "</span>",
        "By Jane Roe, Harbour Press",
        "By Jane Roe | Associated Press",
    ],
)
def test_the_outlet_after_a_byline_is_no_part_of_the_author(byline: str) -> None:
    feed = "".join(
        post(n).replace("</span>", f"</span><div class='entry__byline'>{byline}</div>", 1)
        for n in (3, 2, 1)
    )
    blog = parse(page(feed), URL)
    assert [(entry.authors, entry.text) for entry in blog.entries] == [
        (["Jane Roe"], f"Update {n}. {BODY}") for n in (3, 2, 1)
    ]


def test_a_page_describing_itself_only_in_open_graph_has_that_description() -> None:
    described = page(post(2) + post(1)).replace(
        "</head>",
        "<meta property='og:description' content='Roads closed as the river rises'></head>",
    )
    assert parse(described, URL).description == "Roads closed as the river rises"


def _linked_feed(before: str) -> str:
    feed = "".join(post(n, attributes=f"id='entry-{n}'") for n in (6, 5, 4, 3, 2, 1))
    return page(feed, before=before)


def _links(*numbers: int) -> str:
    return "".join(f"<li><a href='#entry-{n}'>Headline {n}</a></li>" for n in numbers)


@pytest.mark.parametrize(
    "box",
    [
        f"<section><h2>Key events</h2><ul>{_links(5, 2)}</ul></section>",
        f"<nav aria-label='Die wichtigsten Ereignisse'><ol>{_links(5, 2)}</ol></nav>",
        f"<ul class='summary'>{_links(5, 2)}<li>Two people are missing</li></ul>",
    ],
)
def test_posts_a_list_of_key_events_links_to_are_key_events(box: str) -> None:
    blog = parse(_linked_feed(box), URL)
    assert [entry.key for entry in blog.entries if entry.key_event] == ["5", "2"]


def test_a_list_linking_to_most_posts_is_a_table_of_contents() -> None:
    blog = parse(_linked_feed(f"<ul>{_links(6, 5, 4, 3, 2)}</ul>"), URL)
    assert not any(entry.key_event for entry in blog.entries)


def test_a_ticker_whose_times_open_with_a_word_of_update_is_read() -> None:
    """Paragraphs opened by "Update vom 15. März, 8.20 Uhr:" or "Update, 7.15 Uhr:": a post
    each, timed by what follows the word (an undated one on the day of the dated one above
    it), the whole stamp cut from the text."""
    stamps = [
        "Update vom 15. März, 8.20 Uhr:",
        "Update, 7.15 Uhr:",
        "Update vom 14. März, 23.05 Uhr:",
        "Erstmeldung vom 14. März, 17.30 Uhr:",
    ]
    paragraphs = "".join(
        f"<p><strong>{stamp}</strong> Meldung {n}: Die Pegel an den Flüssen im Tal steigen"
        f" weiter, die Feuerwehr sichert Keller und sperrt die Uferwege.</p>"
        f"<p>Nachtrag {n}: Die Lage bleibt angespannt, heißt es aus dem Landratsamt.</p>"
        for n, stamp in enumerate(stamps)
    )
    html = (
        "<html lang='de'><head><title>Hochwasser: News-Ticker</title>"
        "<meta property='article:modified_time' content='2024-03-15T08:24:00+01:00'>"
        f"</head><body><main><article><h1>Hochwasser im Tal</h1>{paragraphs}</article></main>"
        "</body></html>"
    )
    blog = parse(html, "https://www.zeitung.example.de/region/hochwasser-ticker")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 3, 15, 7, 20, tzinfo=UTC),
        datetime(2024, 3, 15, 6, 15, tzinfo=UTC),
        datetime(2024, 3, 14, 22, 5, tzinfo=UTC),
        datetime(2024, 3, 14, 16, 30, tzinfo=UTC),
    ]
    assert [entry.text.split(":")[0] for entry in blog.entries] == [
        f"Meldung {n}" for n in range(4)
    ]
    assert all(f"Nachtrag {n}" in entry.text for n, entry in enumerate(blog.entries))


@pytest.mark.parametrize(
    "stamp",
    [
        "Posted {hour}:{minute} a.m. ET",
        "Published {hour}:{minute} AM EDT",
        "Posted at {hour}:{minute} AM ET",
        "Updated {hour}:{minute} AM ET",
        "Last updated {hour}:{minute} AM EDT",
    ],
)
def test_boxes_whose_time_opens_with_a_word_of_posting_are_read(stamp: str) -> None:
    """A time box reading "Posted 1:14 AM ET" or "Updated 1:14 AM ET" is the post's time,
    the word cut with it."""
    times = [(1, 14), (0, 42), (0, 5)]
    feed = "".join(
        f"<article><span>{stamp.format(hour=12 if hour == 0 else hour, minute=f'{minute:02}')}"
        f"</span><h2>Headline {n}</h2><p>Update {n}. {BODY}</p></article>"
        for n, (hour, minute) in enumerate(times)
    )
    html = (
        "<html lang='en'><head><title>Primary night: live results</title>"
        "<meta property='article:modified_time' content='2024-06-05T01:20:00-04:00'></head>"
        f"<body><main><div class='feed'>{feed}</div></main></body></html>"
    )
    blog = parse(html, "https://www.example.com/live/primary-night")
    new_york = ZoneInfo("America/New_York")
    assert [(entry.published, entry.title, entry.text) for entry in blog.entries] == [
        (
            datetime(2024, 6, 5, hour, minute, tzinfo=new_york),
            f"Headline {n}",
            f"Update {n}. {BODY}",
        )
        for n, (hour, minute) in enumerate(times)
    ]


def _data_page(note: str = "", stamp: str = "Updated {clock} CET") -> str:
    """A page of boxes of figures, each stamped "Updated 09:41 CET", under a live badge."""
    rows = "".join(
        f"<tr><td>{name}</td><td>{price:,.2f}</td><td>{change:+.2f}%</td></tr>"
        for name, price, change in (
            ("Northfield Grain", 1812.5, 0.42),
            ("Eastmoor Wool", 96.1, -1.3),
        )
    )
    boxes = "".join(
        f"<section class='panel'><div class='panel__head'><h2>{heading}</h2>"
        f"<span class='panel__stamp'>{stamp.format(clock=f'09:{41 - n:02}')}</span></div>{note}"
        f"<table><tr><th>Name</th><th>Price</th><th>Change</th></tr>{rows}</table></section>"
        for n, heading in enumerate(("Grain futures", "Wool auctions", "Freight rates"))
    )
    return (
        "<html lang='en'><head><title>Commodities live: prices today</title>"
        "<meta property='article:modified_time' content='2024-07-24T07:41:00Z'></head>"
        f"<body><main><span class='badge'>LIVE</span><h1>Commodities live</h1>{boxes}</main>"
        "</body></html>"
    )


@pytest.mark.parametrize("stamp", ["Updated {clock} CET", "{clock} CET"])
def test_boxes_of_figures_stamped_with_a_time_are_no_live_blog(stamp: str) -> None:
    """Tables of prices, each box stamped "Updated 09:41 CET": timed boxes, but not one of
    them holds a sentence, so they are data, not posts."""
    with pytest.raises(NotALiveBlog):
        parse(_data_page(stamp=stamp), "https://markets.example.com/commodities/live")


def test_the_same_boxes_with_a_sentence_of_their_own_are_posts() -> None:
    note = "<p>Prices edged higher after the morning auction drew more buyers than expected.</p>"
    blog = parse(_data_page(note), "https://markets.example.com/commodities/live")
    assert [(entry.title, entry.published) for entry in blog.entries] == [
        ("Grain futures", datetime(2024, 7, 24, 7, 41, tzinfo=UTC)),
        ("Wool auctions", datetime(2024, 7, 24, 7, 40, tzinfo=UTC)),
        ("Freight rates", datetime(2024, 7, 24, 7, 39, tzinfo=UTC)),
    ]


def test_a_stamp_parting_its_date_and_clock_with_a_slash_dates_its_post() -> None:
    """ "April 14, 2026 / 7:10 PM EDT" on a page that states no date of its own."""
    stamps = [
        "April 15, 2026 / 12:35 AM EDT",
        "April 14, 2026 / 11:58 PM EDT",
        "April 14, 2026 / 7:10 PM EDT",
    ]
    feed = "".join(
        f"<article class='update'><time>{stamp}</time><h2>Headline {n}</h2>"
        f"<p>Update {n}. {BODY}</p></article>"
        for n, stamp in enumerate(stamps)
    )
    html = (
        "<html lang='en'><head><title>Storms: live updates</title></head><body><main>"
        f"<div class='feed'>{feed}</div></main></body></html>"
    )
    blog = parse(html, "https://www.example.com/live/storms")
    assert [entry.published for entry in blog.entries] == [
        datetime(2026, 4, 15, 4, 35, tzinfo=UTC),
        datetime(2026, 4, 15, 3, 58, tzinfo=UTC),
        datetime(2026, 4, 14, 23, 10, tzinfo=UTC),
    ]


def test_a_dateline_of_the_last_update_dates_the_newest_posts_not_one_of_publication() -> None:
    """The page was published on the 3rd and last updated on the 4th: its newest posts,
    after midnight, are on the 4th; the older ones, before midnight, on the 3rd."""
    feed = "".join(
        f"<div class='card'><div class='card__stamp'>Posted at {stamp} GMT</div>"
        f"<h2>Headline {n}</h2><p>Update {n}. {BODY}</p></div>"
        for n, stamp in enumerate(["00:52", "00:15", "23:48", "23:10"])
    )
    html = (
        "<html lang='en'><head><title>Ceasefire talks: live</title></head><body><main>"
        "<div class='date'><span class='sr-only'>Published On 3 Feb 2025</span>"
        "<span aria-hidden='true'>3 Feb 2025</span></div>"
        "<div class='last-updated'>Last update 4 Feb 2025</div>"
        f"<div class='feed'>{feed}</div></main></body></html>"
    )
    blog = parse(html, "https://www.example.com/news/liveblog/ceasefire-talks")
    assert [entry.published for entry in blog.entries] == [
        datetime(2025, 2, 4, 0, 52, tzinfo=UTC),
        datetime(2025, 2, 4, 0, 15, tzinfo=UTC),
        datetime(2025, 2, 3, 23, 48, tzinfo=UTC),
        datetime(2025, 2, 3, 23, 10, tzinfo=UTC),
    ]
    assert not any("Posted" in entry.text for entry in blog.entries)


@pytest.mark.parametrize("box", ["live-updates", "timeline", "update-list"])
def test_a_box_whose_class_sounds_like_a_time_leaves_its_posts_their_times(box: str) -> None:
    # "live-updates" holds "date", "timeline" "time": the box opens with its first post's
    # time, yet each post in it keeps its own.
    posts = "".join(
        f"<div class='update'><span>{stamp}</span><p>Update {n}. {BODY}</p></div>"
        for n, stamp in ((3, "13:43"), (2, "13:16"), (1, "12:48"))
    )
    blog = parse(page(f"<div class='{box}'>{posts}</div>"), URL)
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, 13, 43, tzinfo=UTC),
        datetime(2024, 7, 24, 13, 16, tzinfo=UTC),
        datetime(2024, 7, 24, 12, 48, tzinfo=UTC),
    ]


def _ball_by_ball(stamps: list[str]) -> str:
    """A cricket commentary: each ball a box whose stamp column holds the over ("30.4") and
    a bubble with the runs; two notes before play stamped with a clock time."""
    balls = "".join(
        f"<div class='ball'><div class='ball__col'><span class='ball__over'>{stamp}</span>"
        f"<span class='ball__runs'>{n % 5}</span></div>"
        f"<div class='ball__text'><p>Bowler to batter, {n % 5} runs. Pushed into the covers "
        f"for a quick single as the field spreads ({n}).</p></div></div>"
        for n, stamp in enumerate(stamps)
    )
    notes = "".join(
        f"<div class='ball'><div class='ball__text'><p><strong>{clock}</strong> {text}</p>"
        "</div></div>"
        for clock, text in [
            ("10.02am", "The players walk out to warm applause under grey skies."),
            ("9.31am", "The hosts have won the toss and will bat first on a green pitch."),
        ]
    )
    return (
        "<html lang='en'><head><title>Harbour v Valley, day 2: live</title></head><body><main>"
        f"<div class='commentary'>{balls}{notes}</div></main></body></html>"
    )


def test_overs_in_sequence_in_a_stamp_slot_are_the_balls_labels() -> None:
    """ "30.4" in each ball's stamp slot, running down the list, is the cricket counterpart of
    a minute of play: the post's label, no time, the list's order kept; its runs bubble
    beside it is no text of the post."""
    overs = ["31.2", "31.1", "30.6", "30.5", "30.4", "30.3"]
    blog = parse(_ball_by_ball(overs), URL)
    assert [entry.label for entry in blog.entries[:6]] == overs
    assert all(entry.published is None for entry in blog.entries[:6])
    assert blog.entries[0].text == (
        "Bowler to batter, 0 runs. Pushed into the covers for a quick single as the field "
        "spreads (0)."
    )
    assert blog.entries[6].text.startswith("The players walk out")


def test_decimals_out_of_sequence_are_no_stamps() -> None:
    """Prices or scores in the same slot, jumping about, time nothing: the page is refused."""
    with pytest.raises(NotALiveBlog):
        parse(_ball_by_ball(["31.2", "12.5", "44.1", "3.6", "27.3", "30.3"]), URL)


def test_a_betting_box_in_the_list_is_no_post() -> None:
    odds = (
        "<div class='entry'><span class='entry__time'>11:30</span>"
        "<p>Live odds: Harbour +145 · Draw +210 · Valley +180 Bet Now</p>"
        "<p>21+ only. Gambling problem? Call 1-800-GAMBLER.</p></div>"
    )
    blog = parse(page(post(3) + odds + post(2) + post(1)), URL)
    assert [entry.text.split(".")[0] for entry in blog.entries] == [
        "Update 3",
        "Update 2",
        "Update 1",
    ]


@pytest.mark.parametrize(
    ("classes", "flag"),
    [
        ("entry--essential", "key_event"),
        ("entry--important", "key_event"),
        ("LiveFeedItem_important__x1Ab", "key_event"),
        ("LiveFeedItem_pinned__Rz0Y1", "pinned"),
    ],
)
def test_a_posts_modifier_class_flags_it(classes: str, flag: str) -> None:
    feed = post(3, classes=classes) + post(2) + post(1)
    first, *others = parse(page(feed), URL).entries
    assert getattr(first, flag) and not any(getattr(entry, flag) for entry in others)


def test_a_time_written_alone_in_a_div_of_any_class_is_the_posts() -> None:
    feed = "".join(
        f"<div class='item' id='u{n}'><div data-qa='ts'>{n}:40am</div><h2>Update {n}</h2>"
        f"<p>{BODY}</p></div>"
        for n in (9, 8, 7)
    )
    blog = parse(page(feed), URL)
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, hour, 40, tzinfo=UTC) for hour in (9, 8, 7)
    ]
    assert [entry.title for entry in blog.entries] == ["Update 9", "Update 8", "Update 7"]


def test_a_post_pinned_by_its_label_takes_no_part_in_the_lists_day_walk() -> None:
    label = "<span class='lbl'>Pinned</span><span class='ts'>21:32</span>"
    pinned = f"<div class='post' id='u0'>{label}<h2>Summary</h2><p>{BODY}</p></div>"
    feed = pinned + "".join(
        f"<div class='post' id='u{n}'><span class='ts'>{stamp}</span><h2>Update {n}</h2>"
        f"<p>Update {n}. {BODY}</p></div>"
        for n, stamp in ((3, "00:10"), (2, "22:20"), (1, "21:36"))
    )
    html = page(feed).replace("2024-07-24T14:00:00Z", "2024-07-24T00:30:00Z")
    times = {entry.key: entry.published for entry in parse(html, URL).entries}
    assert [times["u3"], times["u2"], times["u1"]] == [
        datetime(2024, 7, 24, 0, 10, tzinfo=UTC),
        datetime(2024, 7, 23, 22, 20, tzinfo=UTC),
        datetime(2024, 7, 23, 21, 36, tzinfo=UTC),
    ]


def test_times_after_a_weekday_are_dated_and_a_pinned_one_on_top_stays_apart() -> None:
    """The page was updated on Wednesday 24 July: "Tue" is the 23rd. The post on top, on
    Tuesday before the posts below it of that day, is pinned: the plain clock time below it
    is still Wednesday's."""
    times = ("Tue 6:00 PM", "12:30 PM", "Tuesday, 11:40 PM", "Tue 7:15 PM")
    feed = "".join(post(n, time=stamp) for n, stamp in zip((4, 3, 2, 1), times, strict=True))
    blog = parse(page(feed), URL)
    published = {entry.text[:8]: entry.published for entry in blog.entries}
    assert published == {
        "Update 4": datetime(2024, 7, 23, 18, 0, tzinfo=UTC),
        "Update 3": datetime(2024, 7, 24, 12, 30, tzinfo=UTC),
        "Update 2": datetime(2024, 7, 23, 23, 40, tzinfo=UTC),
        "Update 1": datetime(2024, 7, 23, 19, 15, tzinfo=UTC),
    }


def test_a_label_and_a_permalink_in_a_posts_heading_are_no_part_of_its_title() -> None:
    def titled(number: int, heading: str) -> str:
        return (
            f"<div class='entry'><span class='entry__time'>{10 + number}:05</span>"
            f"<h2>{heading}<a class='entry__anchor' href='#e{number}'>🔗</a>"
            f"<button>Copy link</button></h2><p>{number}. {BODY}</p></div>"
        )

    feed = (
        titled(3, "<span class='entry__label'>BREAKING</span> Levee breached near Alton")
        + titled(2, "Pumps arrive from the coast")
        + titled(1, "<span class='entry__label'>Pinned</span>")
    )
    blog = parse(page(feed), URL)
    assert [(entry.title, entry.breaking) for entry in blog.entries] == [
        ("Levee breached near Alton", True),
        ("Pumps arrive from the coast", False),
        ("Pinned", False),  # a label alone: the heading says nothing else
    ]


def test_an_avatar_beside_a_newsrooms_name_leaves_the_name_the_posts_author() -> None:
    def signed(n: int) -> str:
        return (
            f"<div class='entry'><div class='entry__head'>"
            "<img class='entry__avatar' src='/avatars/desk.png' alt=''>"
            f"<span class='entry__author'>Redaktion</span>"
            f"<span class='entry__time'>{10 + n}:05</span></div><p>{n}. {BODY}</p></div>"
        )

    blog = parse(page("".join(signed(n) for n in (3, 2, 1))), URL)
    assert [entry.authors for entry in blog.entries] == [["Redaktion"]] * 3
    for entry in blog.entries:
        assert entry.text.startswith(("3.", "2.", "1."))
        assert not any(isinstance(block, Image) for block in entry.blocks)


def test_a_pinning_label_holding_a_time_pins_the_post_and_times_it() -> None:
    pinned = (
        "<div class='entry'><div class='entry__head'><span>Pinned post from 7.30am</span></div>"
        f"<p>What we know. {BODY}</p></div>"
    )
    stamped = (
        "<div class='entry'><div class='entry__head'><span class='entry__time'>{}</span></div>"
        "<p>Update {}. " + BODY + "</p></div>"
    )
    feed = pinned + "".join(stamped.format(f"{n}.05pm", n) for n in (3, 2, 1))
    blog = parse(page(feed), URL)
    first = next(entry for entry in blog.entries if entry.text.startswith("What we know"))
    assert first.pinned
    assert first.published == datetime(2024, 7, 24, 7, 30, tzinfo=UTC)
    assert "Pinned" not in first.text
    assert not any(entry.pinned for entry in blog.entries if entry is not first)
    assert [entry.published.hour for entry in blog.entries if entry is not first] == [15, 14, 13]


def test_a_lone_link_to_an_authors_page_in_every_post_is_its_byline() -> None:
    authors = ["Mara Quill", "Tobias Fenn", "Mara Quill"]
    feed = "".join(
        f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
        f"<h2>Update {n}</h2><div class='x9f2'><a href='/author/{name.lower().replace(' ', '-')}'>"
        f"{name}</a></div><p>{BODY}</p></div>"
        for n, name in zip((3, 2, 1), authors, strict=True)
    )
    blog = parse(page(feed), URL)
    assert [entry.authors for entry in blog.entries] == [[name] for name in authors]
    assert all(entry.text == BODY for entry in blog.entries)


def test_a_link_to_an_authors_page_in_running_text_is_no_byline() -> None:
    feed = "".join(
        f"<div class='entry'><span class='entry__time'>{10 + n}:05</span>"
        f"<h2>Update {n}</h2><p>Our reporter <a href='/author/mara-quill'>Mara Quill</a> is at"
        f" the river. {BODY}</p>"
        "</div>"
        for n in (3, 2, 1)
    )
    blog = parse(page(feed), URL)
    assert [entry.authors for entry in blog.entries] == [[], [], []]
    assert all("Mara Quill is at the river" in entry.text for entry in blog.entries)


def test_a_label_beside_the_time_does_not_keep_the_byline_under_it() -> None:
    def entry(n: int, label: str) -> str:
        return (
            f"<div class='entry'><div class='head'><span class='entry__time'>{10 + n}:05</span>"
            f"{label}</div><h2>Update {n}</h2><div class='x7'><span>By <a href='/by/mara-quill'>"
            f"Mara Quill</a></span></div><p>Update {n}. {BODY}</p></div>"
        )

    feed = entry(3, "<span class='q1'>Top moment</span>") + entry(2, "") + entry(1, "")
    blog = parse(page(feed), URL)
    assert [entry.authors for entry in blog.entries] == [["Mara Quill"]] * 3
    assert not any("By Mara Quill" in entry.text for entry in blog.entries)


def _card(number: int, badge: str, headline: str) -> str:
    return (
        f"<li class='card'><span class='card__badge'>{badge}</span>"
        f"<time datetime='2024-07-24T1{number}:05:00Z'>Updated 1{number}:05</time>"
        f"<h3><a href='/news/story-{number}'>{headline}</a></h3><p>{BODY}</p></li>"
    )


@pytest.mark.parametrize(
    ("badge", "headlines"),
    [
        ("", ["Storm live: roads shut", "Strike live: no buses", "Trial live: jury out"]),
        ("LIVE", ["Roads shut after storm", "No buses as drivers strike", "Jury sent out"]),
    ],
)
def test_an_index_of_live_blogs_is_no_live_blog(badge: str, headlines: list[str]) -> None:
    cards = "".join(_card(n, badge, line) for n, line in enumerate(reversed(headlines), 1))
    with pytest.raises(NotALiveBlog):
        parse(page(f"<ul class='cards'>{cards}</ul>"), URL)


def test_posts_that_link_out_from_plain_headlines_are_still_read() -> None:
    cards = "".join(
        _card(n, "", line) for n, line in enumerate(["Roads shut", "No buses", "Jury out"], 1)
    )
    assert len(parse(page(f"<ul class='cards'>{cards}</ul>"), URL).entries) == 3


@pytest.mark.parametrize("query", ["?update={n}", "?post=entry-{n}&utm_source=list"])
def test_posts_a_list_of_key_events_links_to_by_query_are_key_events(query: str) -> None:
    feed = "".join(post(n, attributes=f"id='entry-28612{n:02}'") for n in (6, 5, 4, 3, 2, 1))
    links = "".join(
        "<li><a href='/live/flood-updates"
        + query.format(n=f"28612{n:02}")
        + f"'>Headline {n}</a></li>"
        for n in (5, 2)
    )
    blog = parse(page(feed, before=f"<section><h2>Key events</h2><ul>{links}</ul></section>"), URL)
    assert [entry.key for entry in blog.entries if entry.key_event] == ["2861205", "2861202"]


def test_a_list_of_pages_by_query_names_no_key_events() -> None:
    feed = "".join(post(n, attributes=f"id='entry-{n}'") for n in (6, 5, 4, 3, 2, 1))
    pages = "".join(f"<li><a href='?page={n}'>{n}</a></li>" for n in (2, 3))
    blog = parse(page(feed, before=f"<ul class='pages'>{pages}</ul>"), URL)
    assert not any(entry.key_event for entry in blog.entries)


def _headlined_feed(href: str, body: str = f"<p>{BODY}</p>") -> str:
    """Posts that each open with a headline linking to `href` (with the post's number)."""
    feed = "".join(
        f"<div class='entry' id='entry-{n}'><span class='entry__time'>{10 + n}:05</span>"
        f"<h3><a href='{href.format(n=n)}'>Headline number {n} of the river story</a></h3>"
        f"{body.format(n=n)}</div>"
        for n in (4, 3, 2, 1)
    )
    return page(feed).replace(
        "</head>",
        "<link rel='canonical' href='https://news.example.com/live/flood-updates'></head>",
    )


def test_posts_opening_with_headlines_linking_to_other_articles_are_a_news_feed() -> None:
    with pytest.raises(NotALiveBlog):
        parse(_headlined_feed("/news/2024/07/24/river-story-{n}"), URL)


@pytest.mark.parametrize("href", ["/live/flood-updates/post/{n}", "?post={n}"])
def test_posts_whose_headlines_link_to_their_own_pages_are_read(href: str) -> None:
    assert len(parse(_headlined_feed(href), URL).entries) == 4


def test_posts_that_tell_the_news_after_a_headline_linking_away_are_read() -> None:
    """A live blog whose post headlines link to each post's page elsewhere on the site: its
    posts go on for paragraphs, where a news feed's teasers give a lead."""
    more = "Residents on the river road were told to move their cars from street {n}."
    body = f"<p>{BODY} {more}</p><p>Volunteers reached street {{n}} by noon. {BODY}</p>"
    blog = parse(_headlined_feed("/updates/2024/07/24/river-story-{n}", body), URL)
    assert len(blog.entries) == 4
    assert blog.entries[0].text.endswith(f"Volunteers reached street 4 by noon. {BODY}")


@pytest.mark.parametrize("separator", [": ", " – ", " "])
def test_a_bold_time_and_a_bold_title_in_one_line_title_the_post(separator: str) -> None:
    titles = ["Bridge closed", "Trains cancelled", "Warning upgraded"]
    feed = "".join(
        f"<div class='entry' id='e{n}'><p><strong>1{n}:05</strong>{separator}"
        f"<strong>{title}</strong></p><p>Update {n}. {BODY}</p></div>"
        for n, title in zip((3, 2, 1), titles, strict=True)
    )
    blog = parse(page(feed), URL)
    assert [entry.title for entry in blog.entries] == titles
    assert all(entry.text.startswith("Update") for entry in blog.entries)


@pytest.mark.parametrize("stamp", ["1:55 PM", "13:55", "5 min ago"])
def test_a_time_in_a_heading_of_its_own_leaves_the_next_heading_the_title(stamp: str) -> None:
    feed = "".join(
        f"<div class='live-update'><h4 class='live-update__time'>{time}</h4>"
        f"<h3>{title}</h3><p>{BODY}</p></div>"
        for time, title in [(stamp, "Homes evacuated"), ("1:40 PM", "Police called")]
    )
    blog = parse(page(feed), URL)
    assert [entry.title for entry in blog.entries] == ["Homes evacuated", "Police called"]
    assert all(entry.text == BODY for entry in blog.entries)


@pytest.mark.parametrize(("classes", "read"), [("live-post", True), ("story-card", False)])
def test_posts_whose_class_names_them_live_posts_say_the_page_is_live(
    classes: str, read: bool
) -> None:
    feed = "".join(
        f"<div class='{classes}' id='p-{n}'><time>{10 + n}:05</time><h2>Trains {n}</h2>"
        f"<p>Update {n}. {BODY} Trains are running again.</p></div>"
        for n in (4, 3, 2, 1)
    )
    html = page(feed).replace("Flood: live updates", "Heatwave and rail strike latest")
    if read:
        assert len(parse(html, "https://news.example.com/rail-strike").entries) == 4
    else:
        with pytest.raises(NotALiveBlog):
            parse(html, "https://news.example.com/rail-strike")


def test_a_time_element_dated_by_its_day_alone_is_timed_by_the_clock_it_shows() -> None:
    feed = "".join(
        post(n, time=f"<time datetime='2024-07-24'>{clock}</time>")
        for n, clock in ((3, "13:50 Uhr"), (2, "11:31 Uhr"), (1, "09:02 Uhr"))
    )
    blog = parse(page(feed), URL)
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, 13, 50, tzinfo=UTC),
        datetime(2024, 7, 24, 11, 31, tzinfo=UTC),
        datetime(2024, 7, 24, 9, 2, tzinfo=UTC),
    ]


def test_one_line_items_named_live_updates_beside_an_article_are_no_live_blog() -> None:
    items = "".join(
        f"<li class='live-update'><time>{10 + n}:05</time>"
        f"<p>Line {n}: Network Rail lifts the speed limits on the coast.</p></li>"
        for n in (4, 3, 2, 1)
    )
    html = page(f"<ul class='sidebar'>{items}</ul>").replace("Flood: live updates", "Rail fares")
    with pytest.raises(NotALiveBlog):
        parse(html, "https://news.example.com/rail-fares")


@pytest.mark.parametrize("shown", [3, 1])
def test_earlier_posts_folded_away_in_a_details_box_are_read_in_order(shown: int) -> None:
    posts = [post(n, attributes=f"id='entry-80{n}'", time=f"{8 + n}:05") for n in (5, 4, 3, 2, 1)]
    folded = "".join(posts[shown:])
    feed = (
        "".join(posts[:shown])
        + f"<details><summary>Show earlier updates</summary>{folded}</details>"
    )
    blog = parse(page(feed), URL)
    assert [entry.key for entry in blog.entries] == ["805", "804", "803", "802", "801"]
    assert not any(entry.pinned for entry in blog.entries)
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, 8 + n, 5, tzinfo=UTC) for n in (5, 4, 3, 2, 1)
    ]


def test_a_promotion_box_of_the_posts_shape_without_classes_is_no_post() -> None:
    def item(n: int) -> str:
        return f"<div><time>{8 + n}:05</time><h2>Trains {n}</h2><p>Update {n}. {BODY}</p></div>"

    box = (
        "<div><h3>Sign up to the Morning Brief newsletter for free</h3>"
        "<p>Your essential guide to the day's agenda from the Harbour Times.</p></div>"
    )
    html = page("").replace(
        "<div class='stream__list'></div>",
        f"<section>{item(3)}{item(2)}{box}{item(1)}</section>",
    )
    blog = parse(html, URL)
    assert len(blog.entries) == 3
    assert not any("essential guide" in entry.text for entry in blog.entries)
