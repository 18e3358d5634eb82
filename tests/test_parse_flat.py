"""The flat reader on small pages: posts as runs of paragraphs in one column, each opened by
a written time, with the title lines, subheadings and closing lines such columns carry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from liveread.model import LiveBlog
from liveread.parse import NotALiveBlog, parse

URL = "https://news.example.com/live/storm-updates"
BODY = "Crews from three counties are working through the night to clear the river banks."
SPARE = "Residents on the lower streets have been told to move their cars to higher ground."


def page(column: str, language: str = "en") -> str:
    return (
        f"<html lang='{language}'><head><title>Storm: live</title>"
        "<meta property='article:modified_time' content='2024-07-24T14:00:00Z'></head><body>"
        "<main><article><h1>Storm: live</h1>"
        f"<div class='article-text'><p>The storm reached the coast this morning.</p>{column}</div>"
        "</article></main></body></html>"
    )


def read(column: str, language: str = "en") -> LiveBlog:
    blog = parse(page(column, language), URL)
    assert blog.source == "generic-flat"
    return blog


@pytest.mark.parametrize(
    "bold",
    [
        "<span class='text-bold'>{}</span>",
        "<span style='font-weight: 700'>{}</span>",
        "<strong>{}</strong>",
    ],
)
def test_a_bold_opening_line_is_the_title_of_its_post(bold: str) -> None:
    lines = [("1.40pm", "Last ferries cancelled"), ("12.55pm", "Family rescued from car")]
    column = "".join(
        f"<p>{bold.format(f'{time}: {title}')}</p><p>{BODY}</p><p>{SPARE}</p>"
        for time, title in lines
    )
    blog = read(column)
    assert [entry.title for entry in blog.entries] == [title for _, title in lines]
    for entry in blog.entries:
        assert entry.text.startswith(BODY)
        assert entry.title not in entry.text


@pytest.mark.parametrize("separator", [" – ", ": ", " | ", " "])
def test_a_bold_time_and_a_bold_title_joined_by_a_plain_separator_title_the_post(
    separator: str,
) -> None:
    lines = [("1.40pm", "Last ferries cancelled"), ("12.55pm", "Family rescued from car")]
    column = "".join(
        f"<p><strong>{time}</strong>{separator}<strong>{title}</strong></p><p>{BODY}</p>"
        f"<p>{SPARE}</p>"
        for time, title in lines
    )
    blog = read(column)
    assert [entry.title for entry in blog.entries] == [title for _, title in lines]
    assert all(entry.text.startswith(BODY) for entry in blog.entries)


def test_a_bold_line_with_nothing_below_it_is_the_text_of_its_post() -> None:
    column = (
        "<p><strong>1.40pm: The bridge on the coast road has reopened to traffic</strong></p>"
        f"<p><strong>12.55pm: Family rescued from car</strong></p><p>{BODY}</p>"
    )
    first, second = read(column).entries
    assert (first.title, first.text) == ("", "The bridge on the coast road has reopened to traffic")
    assert (second.title, second.text) == ("Family rescued from car", BODY)


def test_a_subheading_above_an_opening_time_is_the_title_of_its_post() -> None:
    column = (
        "<h2>Pegel steigt weiter</h2>"
        f"<p><strong>8.20 Uhr:</strong> Der Pegel am Hafen steigt seit Mitternacht. {BODY}</p>"
        f"<p><strong>7.15 Uhr:</strong> Die Fähre ruht bis auf Weiteres. {SPARE}</p>"
        f"<p>{BODY}</p>"
        "<h4>Feuerwehr im Dauereinsatz</h4>"
        f"<p><strong>6.05 Uhr:</strong> Im Landkreis sind alle Wehren im Einsatz. {BODY}</p>"
        "<h2>Eigener Titel davor</h2>"
        f"<p><strong>5.30 Uhr: Straße gesperrt</strong></p><p>{SPARE}</p>"
    )
    blog = read(column, "de")
    titles = [entry.title for entry in blog.entries]
    assert titles == ["Pegel steigt weiter", "", "Feuerwehr im Dauereinsatz", "Straße gesperrt"]
    assert "Feuerwehr" not in blog.entries[1].text  # not the last line of the post above it
    assert blog.entries[2].text.startswith("Im Landkreis")


CLOSING_LINES = {
    "source line": (
        "<p><em>Frühere Entwicklungen zum Sturm können Sie hier nachlesen.</em></p>"
        "<p>Quelle: nachrichten.example, ab/dpa/rts</p>"
    ),
    "bold note and source": (
        "<p><strong>Alle früheren Entwicklungen können Sie hier nachlesen.</strong></p>"
        "<p>Quelle: nachrichten.example, ab/dpa/rts</p>"
    ),
    "initials after a note": (
        "<p><em>Die Nachrichten in diesem Ticker werden laufend aktualisiert.</em> (ab/cd)</p>"
    ),
    "footnote and footer": (
        "<p><i>Dieser Ticker wird laufend aktualisiert.</i></p>"
        "<p>*nachrichten.example ist ein Angebot des Beispielverlags.</p>"
        "<div class='story-interaction'><button>Kommentare</button><button>Teilen</button></div>"
    ),
    "a footer's class": (
        "<p class='article__disclaimer'>Mit Material der Agenturen.</p>"
        "<div class='story-interaction'><button>Teilen</button></div>"
    ),
}


@pytest.mark.parametrize("closing", CLOSING_LINES.values(), ids=CLOSING_LINES.keys())
def test_the_closing_lines_of_the_article_are_not_the_last_post(closing: str) -> None:
    column = (
        f"<p><strong>8.20 Uhr:</strong> Der Pegel am Hafen steigt. {BODY}</p>"
        f"<p><strong>7.15 Uhr:</strong> Die Fähre ruht bis auf Weiteres.</p><p>{SPARE}</p>"
        f"{closing}"
    )
    last = read(column, "de").entries[-1]
    assert last.text == f"Die Fähre ruht bis auf Weiteres.\n\n{SPARE}"


def test_a_source_line_with_more_of_the_post_below_it_stays() -> None:
    credit = "Quelle: Wetterdienst"
    column = (
        f"<p><strong>8.20 Uhr:</strong> Der Pegel am Hafen steigt. {BODY}</p>"
        f"<p><strong>7.15 Uhr:</strong> Die Fähre ruht.</p><p>{credit}</p>"
        f"<p>{BODY} {SPARE} {BODY} {SPARE}</p>"
    )
    last = read(column, "de").entries[-1]
    assert credit in last.text
    assert last.text.endswith(SPARE)


def test_an_italic_sign_off_above_a_closing_line_stays_with_the_post() -> None:
    column = (
        f"<p><strong>8.20 Uhr:</strong> Der Pegel am Hafen steigt. {BODY}</p>"
        f"<p><strong>7.15 Uhr:</strong> Die Fähre ruht.</p><p>{SPARE}</p>"
        "<p><em>— Jana Beispiel</em></p><p>Quelle: dpa</p>"
    )
    last = read(column, "de").entries[-1]
    assert "Jana Beispiel" in last.text or last.authors == ["Jana Beispiel"]
    assert "Quelle" not in last.text


def test_a_headings_permalink_button_and_icon_are_no_part_of_its_title() -> None:
    tool = (
        "<div class='heading-tools'><button aria-label='Link'>#</button></div>"
        "<a class='heading-anchor' href='#{}'><svg viewBox='0 0 8 8'><path d='M0 0'/></svg>¶</a>"
    )
    lines = [("9.40pm", "Ferries stop for the night"), ("9.05pm", "Harbour wall holds")]
    column = "".join(
        f"<h3 id='u{number}'>{time} — {title}{tool.format(f'u{number}')}</h3><p>{BODY}</p>"
        for number, (time, title) in enumerate(lines)
    )
    blog = read(column)
    assert [entry.title for entry in blog.entries] == [title for _, title in lines]


def test_a_label_in_a_title_line_is_the_posts_flag_not_its_title() -> None:
    column = (
        "<h3>9.40pm <span class='tag-urgent'>Breaking</span> Ferries stop for the night</h3>"
        f"<p>{BODY}</p><h3>9.05pm Harbour wall holds</h3><p>{SPARE}</p>"
    )
    first, second = read(column).entries
    assert (first.title, first.breaking) == ("Ferries stop for the night", True)
    assert (second.title, second.breaking) == ("Harbour wall holds", False)


@pytest.mark.parametrize("line", ["<h3>{}</h3>", "<p><strong>{}</strong></p>"])
def test_a_title_line_right_after_a_time_line_titles_the_post_below_it(line: str) -> None:
    lines = [
        ("9/10/2024 14:05", "Harbour wall holds"),
        ("9/10/2024 12:40", "Ferries stop for the day"),
        ("9/10/2024 11:15", "Schools close early"),
    ]
    column = "".join(
        f"<hr><p><strong>{time}</strong></p>{line.format(title)}<p>{BODY}</p><p>{SPARE}</p>"
        for time, title in lines
    )
    blog = read(column)
    assert [entry.title for entry in blog.entries] == [title for _, title in lines]
    assert [entry.text for entry in blog.entries] == [f"{BODY}\n\n{SPARE}"] * len(lines)
    assert [entry.published.hour for entry in blog.entries if entry.published] == [14, 12, 11]


def test_a_title_line_after_a_time_line_with_nothing_below_it_is_the_post() -> None:
    column = (
        f"<p><strong>14:05</strong></p><h3>Harbour wall holds</h3><p>{BODY}</p>"
        "<p><strong>12:40</strong></p><p><strong>The ferries have stopped for the day.</strong></p>"
        f"<p><strong>11:15</strong></p><h3>Schools close early</h3><p>{SPARE}</p>"
    )
    first, second, third = read(column).entries
    assert (first.title, first.text) == ("Harbour wall holds", BODY)
    assert (second.title, second.text) == ("", "The ferries have stopped for the day.")
    assert (third.title, third.text) == ("Schools close early", SPARE)


def test_a_time_line_holding_a_pinning_label_pins_its_post() -> None:
    column = (
        "<p><strong>Pinned post from 9.30am</strong></p><h3>What we know</h3>"
        f"<p>{BODY}</p><p><strong>1.40pm</strong></p><h3>Ferries stop</h3><p>{SPARE}</p>"
        f"<p><strong>12.55pm</strong></p><h3>Family rescued</h3><p>{BODY}</p>"
    )
    blog = read(column)
    pinned = [(entry.title, entry.text) for entry in blog.entries if entry.pinned]
    assert pinned == [("What we know", BODY)]
    assert {entry.title: entry.published.hour for entry in blog.entries if entry.published} == {
        "What we know": 9,
        "Ferries stop": 13,
        "Family rescued": 12,
    }


def test_a_zone_stated_by_its_region_alone_times_the_posts() -> None:
    column = (
        "<p><em>All times are Central.</em></p>"
        f"<p><strong>UPDATE 10:45 p.m.:</strong> {BODY}</p>"
        f"<p><strong>UPDATE 9:20 p.m.:</strong> {SPARE}</p>"
    )
    html = page(column).replace("2024-07-24T14:00:00Z", "2024-07-25T04:00:00Z")
    blog = parse(html, "https://news.example.com/live/storm-updates")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 25, 3, 45, tzinfo=UTC),
        datetime(2024, 7, 25, 2, 20, tzinfo=UTC),
    ]


def test_the_original_story_under_its_updates_is_a_post_of_its_own() -> None:
    column = (
        f"<p><strong>UPDATE 1:45 p.m.:</strong> {BODY}</p>"
        f"<p><strong>UPDATE 1:20 p.m.:</strong> {SPARE}</p>"
        "<p><strong>Original story, 12:02 p.m.:</strong> Severe storms are expected to develop"
        " across the county this evening, forecasters said on Wednesday.</p>"
    )
    blog = read(column)
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, 13, 45, tzinfo=UTC),
        datetime(2024, 7, 24, 13, 20, tzinfo=UTC),
        datetime(2024, 7, 24, 12, 2, tzinfo=UTC),
    ]
    assert blog.entries[1].text == SPARE
    assert blog.entries[2].text.startswith("Severe storms are expected")


def test_evening_times_written_with_a_space_inside_p_m() -> None:
    column = f"<p><strong>10:45 p. m.</strong> {BODY}</p><p><strong>9:20 p. m.</strong> {SPARE}</p>"
    html = page(column, "es-CO").replace("2024-07-24T14:00:00Z", "2024-07-25T04:00:00Z")
    blog = parse(html, URL)
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 25, 3, 45, tzinfo=UTC),
        datetime(2024, 7, 25, 2, 20, tzinfo=UTC),
    ]


def test_times_written_with_horas_after_them() -> None:
    column = (
        f"<p><strong>13.02 horas.</strong> {BODY}</p><p><strong>11.40 horas.</strong> {SPARE}</p>"
    )
    blog = read(column, "es")
    assert [entry.published.time().isoformat() for entry in blog.entries if entry.published] == [
        "11:02:00",
        "09:40:00",
    ]


def test_posts_stamped_with_a_date_in_numbers_and_dashes() -> None:
    column = (
        f"<p><strong>24-07-2024 13:05</strong> {BODY}</p>"
        f"<p><strong>23-07-2024 22:40</strong> {SPARE}</p>"
    )
    blog = read(column, "en-GB")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 24, 12, 5, tzinfo=UTC),
        datetime(2024, 7, 23, 21, 40, tzinfo=UTC),
    ]


def test_paragraphs_opened_by_stamps_of_update_make_an_article_a_ticker() -> None:
    html = (
        "<html lang='de'><head><title>Bahnstreik: Pendler stranden | Stadtbote</title>"
        "<meta property='article:modified_time' content='2024-07-18T14:40:00+02:00'></head>"
        "<body><main><article><h1>Bahnstreik: Pendler stranden</h1><div class='story'>"
        "<p><strong>Update vom 18. Juli, 14.35 Uhr:</strong> Die Gewerkschaft will den Streik"
        " am Freitagmorgen beenden.</p>"
        "<p><strong>Update vom 18. Juli, 11.02 Uhr:</strong> Am Bahnhof bilden sich lange"
        " Schlangen an den Schaltern.</p>"
        "<p><strong>Erstmeldung vom 17. Juli, 8.00 Uhr:</strong> Die Gewerkschaft hat zu"
        " einem ganztägigen Streik aufgerufen.</p>"
        "</div></article></main></body></html>"
    )
    blog = parse(html, "https://www.stadtbote.de/lokales/bahnstreik-pendler-93190012.html")
    assert [entry.published for entry in blog.entries] == [
        datetime(2024, 7, 18, 12, 35, tzinfo=UTC),
        datetime(2024, 7, 18, 9, 2, tzinfo=UTC),
        datetime(2024, 7, 17, 6, 0, tzinfo=UTC),
    ]


def test_an_article_with_two_update_notes_over_its_story_is_no_ticker() -> None:
    """A news story that put two notes of update over its original text, as local papers
    do, is an article updated, not a ticker: its story is most of it."""
    story = "".join(f"<p>{BODY} {SPARE}</p>" for _ in range(4))
    html = (
        "<html lang='en-US'><head><title>Tornado warning for Marion County | Daily</title>"
        "<meta property='article:published_time' content='2024-05-06T19:40:00-05:00'>"
        "<meta property='article:modified_time' content='2024-05-06T21:20:00-05:00'></head>"
        "<body><main><article><h1>Tornado warning for Marion County</h1><div class='story'>"
        "<p><strong>UPDATE 9:15 p.m.:</strong> The tornado warning has expired.</p>"
        "<p><strong>UPDATE 8:30 p.m.:</strong> The warning was extended to 9 p.m.</p>"
        f"<p><strong>Original story:</strong></p>{story}</div></article></main></body></html>"
    )
    with pytest.raises(NotALiveBlog):
        parse(html, "https://www.daily.example.com/news/tornado-warning/article_8812.html")


def test_a_chronology_of_the_day_before_written_once_is_no_ticker() -> None:
    lines = "".join(
        f"<p><strong>+++ {clock} +++</strong> Meldung {place}. {BODY} {SPARE} {BODY}</p>"
        for place, clock in enumerate(("08:00", "12:00", "17:00", "20:00", "20:35", "21:10"))
    )
    html = (
        "<html lang='de'><head><title>Chronologie: So lief der Wahltag</title>"
        "<meta property='article:published_time' content='2024-07-08T07:30:00+02:00'>"
        "<meta property='article:modified_time' content='2024-07-08T07:30:00+02:00'>"
        "</head><body><main><article><h1>Chronologie: So lief der Wahltag</h1>"
        f"<div class='article-body'><p>Die wichtigsten Momente des Sonntags.</p>{lines}</div>"
        "</article></main></body></html>"
    )
    with pytest.raises(NotALiveBlog):
        parse(html, "https://www.zeitung.example.de/politik/chronologie-wahltag.html")


def _recounted_night(meta: str) -> str:
    column = "".join(
        f"<p><strong>{clock}</strong> {event}. {BODY}</p>"
        for clock, event in [
            ("6.05pm", "The warning was raised to amber"),
            ("8.40pm", "Police closed the main road"),
            ("11.50pm", "Firefighters rescued a family"),
            ("2.30am", "The river peaked"),
            ("7.00am", "Daylight showed the damage"),
        ]
    )
    return (
        "<html lang='en'><head><title>Storm: how the night unfolded, as it happened</title>"
        f"{meta}</head><body><main><article><h1>Storm: as it happened</h1>"
        f"<div class='article-text'><p>Here is how the night unfolded.</p>{column}</div>"
        "</article></main></body></html>"
    )


def test_an_article_recounting_the_night_before_it_was_published_is_no_live_blog() -> None:
    """Published at 9.15am, never changed since, telling the night from 6.05pm to 7.00am: its
    times, read forward from its publication, would all come that evening or the next day."""
    published = "<meta property='article:published_time' content='2024-11-24T09:15:00Z'>"
    with pytest.raises(NotALiveBlog):
        parse(_recounted_night(published), URL)
    changed = "<meta property='article:modified_time' content='2024-11-25T07:05:00Z'>"
    blog = parse(_recounted_night(published + changed), URL)
    assert len(blog.entries) == 5  # a live blog that ran through the night


@pytest.mark.parametrize(
    "stamp",
    [
        "<span class='stamp'>{day} July 2024, {clock}</span>",
        "<time datetime='2024-07-{day}T{clock}:00+01:00'>{clock}</time>",
    ],
)
def test_a_live_blog_in_its_second_day_on_a_page_stating_only_its_opening_is_read(
    stamp: str,
) -> None:
    """Opened on the 18th, never stated as changed since, its posts shown from the next
    morning on: their times say their own day, so they are no night recounted the morning
    after, whatever hours after the opening they come."""
    posts = "".join(
        f"<div class='update'>{stamp.format(day=19, clock=clock)}<p>Update {n}. {BODY}</p></div>"
        for n, clock in enumerate(["16:05", "14:40", "12:10", "10:02"])
    )
    html = (
        "<html lang='en-GB'><head><title>Floods live: rescue efforts go on</title>"
        "<meta property='article:published_time' content='2024-07-18T06:00:00+01:00'></head>"
        f"<body><main><h1>Floods live</h1><div class='updates'>{posts}</div></main></body></html>"
    )
    entries = parse(html, URL).entries
    assert [entry.published for entry in entries] == [
        datetime(2024, 7, 19, hour, minute, tzinfo=UTC)
        for hour, minute in [(15, 5), (13, 40), (11, 10), (9, 2)]
    ]
