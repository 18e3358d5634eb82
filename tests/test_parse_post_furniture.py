"""Furniture inside posts that is no part of their text, on small pages of liveread's own
read by the generic reader: words kept for screen readers, a heading that links to the post
itself, the links under a "Read more" label, a lone promotional link, and the placeholder a
page shows for an embed until a reader consents to it."""

from __future__ import annotations

from liveread.model import Embed, Heading, LiveBlog, Paragraph
from liveread.parse import parse

URL = "https://news.example.com/live/storm-updates"
BODY = "Crews from three counties worked through the night to clear the fallen trees."


def page(*posts: str) -> str:
    return (
        "<html lang='en'><head><title>Storm: live updates</title>"
        f"<link rel='canonical' href='{URL}'>"
        "<meta property='article:modified_time' content='2024-07-24T14:00:00Z'></head><body>"
        f"<main><div class='feed'>{''.join(posts)}</div></main></body></html>"
    )


def post(number: int, inside: str = "", *, title: str = "", stamp: str = "") -> str:
    """A post with an id, a time element, a title and the text `inside` (by default one
    paragraph)."""
    when = f"<time datetime='2024-07-24T1{number}:05:00Z'>1{number}:05</time>"
    heading = title or f"<h2>Update number {number}</h2>"
    text = inside or f"<p>{said(number)}</p>"
    return (
        f"<article class='entry' id='post-{number}'><div class='entry__meta'>{stamp}{when}</div>"
        f"{heading}<div class='entry__body'>{text}</div></article>"
    )


def said(number: int) -> str:
    """The default text of post `number` (each post's its own: text repeated across posts
    is boilerplate)."""
    return f"Update {number}. {BODY}"


def read(*posts: str) -> LiveBlog:
    return parse(page(*posts), URL)


def texts(blog: LiveBlog) -> list[str]:
    return [entry.text for entry in blog.entries]


def test_words_for_screen_readers_before_a_time_are_no_text() -> None:
    hidden = (
        "<span class='screen-reader-text'>Posted at </span>",
        "<span class='sr-only'>Updated </span>",
        "<span class='c-visually-hidden'>Published </span>",
        "<span class='visuallyhidden'>Posted </span>",
    )
    blog = read(*(post(n, stamp=words) for n, words in enumerate(hidden, 1)))
    assert texts(blog) == [said(n) for n in (4, 3, 2, 1)]


def test_text_for_screen_readers_only_inside_a_paragraph_is_left_out() -> None:
    inside = (
        "<p>Crews <a href='/roads'>closed the road<span class='a11y-hidden'> (opens in a new"
        " tab)</span></a> for the night.</p>"
    )
    blog = read(post(3, inside), post(2), post(1))
    assert blog.entries[0].text == "Crews closed the road for the night."


def test_a_heading_that_links_to_the_post_itself_is_its_title_and_no_part_of_its_text() -> None:
    blog = read(
        post(3, title="<h2><a href='?update=3'>Roads reopen in the north</a></h2>"),
        post(2, title=f"<h2><a href='{URL}?update=2'>Power back for most homes</a></h2>"),
        post(1, title="<h2><a href='/storm/explainer?update=1'>What the warning means</a></h2>"),
    )
    titles = [entry.title for entry in blog.entries]
    assert titles == [
        "Roads reopen in the north",
        "Power back for most homes",
        "What the warning means",
    ]
    headings = [[b for b in entry.blocks if isinstance(b, Heading)] for entry in blog.entries]
    assert headings[:2] == [[], []]
    # A heading linking to another page is a link post's article: it stays.
    assert [heading.text for heading in headings[2]] == ["What the warning means"]


def test_a_heading_linking_to_the_id_a_data_attribute_gives_the_post_is_its_title() -> None:
    def boxed(number: int) -> str:
        return (
            f"<div class='entry' data-post-id='{number}'>"
            f"<time datetime='2024-07-24T1{number}:05:00Z'>1{number}:05</time>"
            f"<h3><a href='#post-{number}'>Headline {number}</a></h3><p>{said(number)}</p></div>"
        )

    blog = read(boxed(3), boxed(2), boxed(1))
    assert [entry.title for entry in blog.entries] == ["Headline 3", "Headline 2", "Headline 1"]
    assert texts(blog) == [said(n) for n in (3, 2, 1)]


def test_the_headlines_listed_under_a_read_more_label_go_with_it() -> None:
    headlines = (
        "<ul><li><a href='/storm/roads'>* Which roads are closed</a></li>"
        "<li><a href='/storm/schools'>* Schools shut for a second day</a></li></ul>"
    )
    notes = "<ul><li>Pumps are running in the square.</li><li>The ferry is not.</li></ul>"
    blog = read(
        post(3, f"<p>{said(3)}</p><p><strong>READ MORE:</strong></p>{headlines}"),
        post(2, f"<p>{said(2)}</p><p><strong>Read more:</strong></p>{notes}"),
        post(1),
    )
    assert blog.entries[0].text == said(3)
    # A list of the post's own words under the label is the post's.
    assert "Pumps are running in the square." in blog.entries[1].text
    assert any(r.rule == "read more" and "Which roads" in r.text for r in blog.removals)


def test_a_lone_link_in_capitals_or_bold_that_sends_the_reader_elsewhere_goes() -> None:
    app = "<p><strong><a href='/apps'>CLICK HERE TO GET THE NEWS APP</a></strong></p>"
    video = "<p><b><a href='/wideo/powodz'>Zobacz wideo: Woda w centrum miasta</a></b></p>"
    results = "<p><a href='/results'>STORM DAMAGE MAP</a></p>"  # no imperative: stays
    blog = read(
        post(4, f"<p>{said(4)}</p>{app}"),
        post(3, f"<p>{said(3)}</p>{video}"),
        post(2, f"<p>{said(2)}</p>{results}"),
        post(1),
    )
    assert texts(blog)[:3] == [said(4), said(3), f"{said(2)}\n\nSTORM DAMAGE MAP"]
    assert [r.text for r in blog.removals if r.rule == "promo link"] == [
        "CLICK HERE TO GET THE NEWS APP",
        "Zobacz wideo: Woda w centrum miasta",
    ]


def test_a_post_that_is_one_such_link_keeps_it() -> None:
    watch = "<p><strong><a href='https://video.example/flood'>CLICK HERE FOR THE FLOOD VIDEO</a>"
    blog = read(post(3, f"{watch}</strong></p>"), post(2), post(1))
    assert blog.entries[0].text == "CLICK HERE FOR THE FLOOD VIDEO"


def test_a_lone_link_to_the_line_ups_or_stats_of_a_match_goes() -> None:
    line_ups = "<div class='box'><a href='/match/4711/aufstellung'>Zur Aufstellung</a></div>"
    stats = "<p><a href='/match/4711/stats'>Voir les compositions</a></p>"
    plain = "<p>Alineaciones</p><ul><li>Uno</li><li>Dos</li></ul>"  # no link: the post's own
    blog = read(
        post(4, f"<p>{said(4)}</p>{line_ups}"),
        post(3, f"<p>{said(3)}</p>{stats}"),
        post(2, f"<p>{said(2)}</p>{plain}"),
        post(1),
    )
    assert texts(blog)[:2] == [said(4), said(3)]
    assert "Alineaciones" in texts(blog)[2]
    assert [r.text for r in blog.removals if r.rule == "match link"] == [
        "Zur Aufstellung",
        "Voir les compositions",
    ]


def test_an_appeal_closing_a_post_goes_and_a_reporter_line_gives_the_author() -> None:
    appeal = (
        "<p>Do you have pictures of the storm? Send them to "
        "<a href='mailto:desk@x.example'>desk@x.example</a></p>"
    )
    reporter = "<p><strong>Ali Farouk</strong> <span>Reporting from Amman, Jordan</span></p>"
    blog = read(
        post(3, f"<p>{said(3)}</p>{appeal}"), post(2, f"{reporter}<p>{said(2)}</p>"), post(1)
    )
    assert texts(blog)[:2] == [said(3), said(2)]
    assert blog.entries[1].authors == ["Ali Farouk"]
    keys = [entry.key for entry in blog.entries[:2]]
    assert [(r.entry_key, r.rule) for r in blog.removals] == [
        (keys[0], "reader appeal"),
        (keys[1], "byline"),
    ]


PLACEHOLDER_DE = (
    "<div class='box'><p class='label'>Empfohlener externer Inhalt</p>"
    "<p>An dieser Stelle finden Sie einen externen Inhalt von X.com, der den Artikel ergänzt."
    "</p><button data-consent-button='x'>Externer Inhalt</button>"
    "<p>Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Mehr dazu in"
    " unserer <a href='/datenschutz'>Datenschutzerklärung</a>.</p></div>"
)
PLACEHOLDER_EN = (
    "<div class='social-embed'><p>This content is provided by Instagram, which may use"
    " cookies.</p><button>Click to load</button>"
    "<a href='https://www.instagram.com/p/Cx7aBc/'>View on Instagram</a></div>"
)


def test_a_consent_placeholder_is_the_embed_it_names_or_nothing() -> None:
    tweet = "https://twitter.com/harbour_office/status/1989111111111111111"
    blog = read(
        post(3, f"<p>{said(3)}</p><div data-embed-src='{tweet}'>{PLACEHOLDER_DE}</div>"),
        post(2, f"<p>{said(2)}</p><figure>{PLACEHOLDER_EN}</figure>"),
        post(1, f"<p>{said(1)}</p><div class='embed'>{PLACEHOLDER_DE}</div>"),
    )
    paragraphs = [[b.text for b in e.blocks if isinstance(b, Paragraph)] for e in blog.entries]
    assert paragraphs == [[said(3)], [said(2)], [said(1)]]
    embeds = [[b for b in entry.blocks if isinstance(b, Embed)] for entry in blog.entries]
    assert [[(e.url, e.provider) for e in found] for found in embeds] == [
        [(tweet, "tweet")],
        [("https://www.instagram.com/p/Cx7aBc/", "instagram")],
        [],
    ]


def test_a_consent_placeholders_address_in_a_template_or_noscript_names_its_embed() -> None:
    tweet = "https://twitter.com/harbour_office/status/1989111111111111111"
    video = "https://www.youtube.com/embed/Rk8vTq2LmZc"
    blog = read(
        post(
            3,
            f"<p>{said(3)}</p><div class='slot'>{PLACEHOLDER_DE}"
            f"<template data-embed-src='{tweet}'></template></div>",
        ),
        post(
            2,
            f"<p>{said(2)}</p><div class='slot'>{PLACEHOLDER_DE}"
            f"<noscript><iframe src='{video}'></iframe></noscript></div>",
        ),
        post(1),
    )
    embeds = [[b for b in entry.blocks if isinstance(b, Embed)] for entry in blog.entries]
    assert [[(e.url, e.provider) for e in found] for found in embeds] == [
        [(tweet, "tweet")],
        [(video, "video")],
        [],
    ]
    assert not any("Externer Inhalt" in entry.text for entry in blog.entries)


def test_a_race_s_progress_beside_the_time_is_no_text() -> None:
    laps = ("Lap 51/70", "Lap 44/70", "Lap 33/70")
    blog = read(
        *(post(n, stamp=f"<span class='lap'>{lap}</span>") for n, lap in enumerate(laps, 1))
    )
    assert texts(blog) == [said(3), said(2), said(1)]


def test_a_name_after_the_time_in_the_time_element_is_the_author_a_place_is_not() -> None:
    posts = "".join(
        f"<div class='entry' id='pt-{n}'><div class='meta'><time>{stamp}</time></div>"
        f"<p>{said(n)}</p></div>"
        for n, stamp in enumerate(
            ["2 mins ago · Tom Li", "1:48 p.m. · Jane Doe", "1:31 p.m. · New York", "1:02 p.m."]
        )
    )
    blog = parse(page(posts), URL)
    assert [entry.authors for entry in blog.entries] == [["Tom Li"], ["Jane Doe"], [], []]
    assert texts(blog) == [said(n) for n in range(4)]


def test_an_element_whose_class_ends_in_by_names_the_author() -> None:
    posts = "".join(
        f"<div class='entry' id='pt-{n}'><time>1{n}:05</time><p>{said(n)}</p>"
        f"<div class='entry_by'>Marcus Bell</div></div>"
        for n in (3, 2, 1)
    )
    blog = parse(page(posts), URL)
    assert [entry.authors for entry in blog.entries] == [["Marcus Bell"]] * 3
    assert texts(blog) == [said(n) for n in (3, 2, 1)]
