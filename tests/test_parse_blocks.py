"""Block building on small markup of liveread's own: captions and the credits inside them,
video players, avatars, and the runs of siblings a flat page's posts are made of."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.clean import Cleaner
from liveread.model import Block, Embed, Image, ListBlock, Paragraph, Span, inline_text
from liveread.parse.blocks import EMBED_TEXT, BlockBuilder

URL = "https://news.example/live"


def _image(caption: str) -> Image:
    tree = LexborHTMLParser(
        f'<div id="body"><figure><img src="/p.jpg"><figcaption>{caption}</figcaption></figure></div>'
    )
    [block] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(block, Image)
    return block


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Sunak greets Zelenskiy on his arrival. Photograph: Reuters",
            ("Sunak greets Zelenskiy on his arrival.", "Reuters"),
        ),
        (
            "Crowds outside the hall on Friday. Photograph: Stefan Rousseau/PA",
            ("Crowds outside the hall on Friday.", "Stefan Rousseau/PA"),
        ),
        ("Harry and Meghan in Colombia (Image: Getty)", ("Harry and Meghan in Colombia", "Getty")),
        ("(reuters)", (None, "reuters")),
        (
            "Rubén Sotillo firma su renovación en las oficinas del club.Foto: Unión Almendralejo",
            ("Rubén Sotillo firma su renovación en las oficinas del club.", "Unión Almendralejo"),
        ),
        (
            "Pasażerowie czekający na przystanku przy placu Wolności. Fot. Anna Zielińska",
            ("Pasażerowie czekający na przystanku przy placu Wolności.", "Anna Zielińska"),
        ),
        (
            "Turnout by county at six o'clock. Chart: The Ledger, from county returns.",
            ("Turnout by county at six o'clock.", "The Ledger, from county returns"),
        ),
        (
            "So verteilen sich die Sitze im neuen Landtag. Grafik: Jana Keller",
            ("So verteilen sich die Sitze im neuen Landtag.", "Jana Keller"),
        ),
        (
            "La progression du feu depuis lundi. Infographie : Paul Roux",
            ("La progression du feu depuis lundi.", "Paul Roux"),
        ),
        (
            "Startfältet strax efter startskottet. Foto: Jonas Berg",
            ("Startfältet strax efter startskottet.", "Jonas Berg"),
        ),
        (
            "Pickets outside the station this morning Credit: Jana Keller",
            ("Pickets outside the station this morning", "Jana Keller"),
        ),
        (
            "Legende: Einsatzkräfte pumpen einen Keller leer. Keystone/Jana Keller",
            ("Einsatzkräfte pumpen einen Keller leer.", "Keystone/Jana Keller"),
        ),
        (
            "Einsatzkräfte pumpen einen Keller leer. © Foto: Jana Keller",
            ("Einsatzkräfte pumpen einen Keller leer.", "Jana Keller"),
        ),
        (
            "Travelers wait at the terminal on Tuesday. Dale Ortman via Getty Images",
            ("Travelers wait at the terminal on Tuesday.", "Dale Ortman via Getty Images"),
        ),
        (
            "Fans celebrate in Berlin. Imago/Sven Simon",
            ("Fans celebrate in Berlin.", "Imago/Sven Simon"),
        ),
        ("Police at the scene. AFP/Getty", ("Police at the scene.", "AFP/Getty")),
        (
            "Smoke over Highway 58 on Thursday. (Wire Press Photo/Rhea Lindqvist)",
            ("Smoke over Highway 58 on Thursday.", "Wire Press Photo/Rhea Lindqvist"),
        ),
        (
            "Tugboats hold the barge on Thursday afternoon. (Rosa Delgado/The Capital Courier)",
            ("Tugboats hold the barge on Thursday afternoon.", "Rosa Delgado/The Capital Courier"),
        ),
        (
            "Carros arrastados pela enxurrada no Centro — Foto: Renan Souto/Portal Guará",
            ("Carros arrastados pela enxurrada no Centro", "Renan Souto/Portal Guará"),
        ),
        (
            "Simpatizantes frente a la sede del partido.Pablo Ferreira (EFE)",
            ("Simpatizantes frente a la sede del partido.", "Pablo Ferreira (EFE)"),
        ),
        (
            "Lorries queue at the border late on Sunday [Tomas Brink/Reuters]",
            ("Lorries queue at the border late on Sunday", "Tomas Brink/Reuters"),
        ),
        (
            "Lorries queue at the border [File: Ana Ruiz/AFP]",
            ("Lorries queue at the border", "File: Ana Ruiz/AFP"),
        ),
        (
            "Lorries queue at the border [Harbour Times]",
            ("Lorries queue at the border", "Harbour Times"),
        ),
        ("Photo: Getty Images", (None, "Getty Images")),
        ("Foto: Christian Charisius/dpa", (None, "Christian Charisius/dpa")),
        ("Foto: privat", (None, "privat")),
        ("© Reuters", (None, "Reuters")),
        ("Picture: Jane Doe", (None, "Jane Doe")),
        (
            "Tömeg a híd lábánál kedd este. Fotó: Kovács Anna",
            ("Tömeg a híd lábánál kedd este.", "Kovács Anna"),
        ),
        (
            "Köprünün girişinde bekleyen kalabalık. Fotoğraf: Ayşe Demir",
            ("Köprünün girişinde bekleyen kalabalık.", "Ayşe Demir"),
        ),
        (
            "Пассажиры ждут автобус у вокзала. Фото: Анна Петрова",
            ("Пассажиры ждут автобус у вокзала.", "Анна Петрова"),
        ),
        (
            "Επιβάτες περιμένουν στη στάση. Φωτογραφία: Ελένη Παππά",
            ("Επιβάτες περιμένουν στη στάση.", "Ελένη Παππά"),
        ),
    ],
)
def test_a_credit_written_into_the_caption_is_taken_out(
    caption: str, expected: tuple[str | None, str]
) -> None:
    image = _image(caption)
    assert (image.caption, image.credit) == expected


@pytest.mark.parametrize(
    "caption",
    [
        "Photo: the crowd waiting outside the town hall",  # a label, not after a sentence
        "Sunak (L) and Zelenskiy (R) at Chequers",
        "The scene at noon: Picture the crowd",
        "(L) Sunak and (R) Zelenskiy at Chequers",
        "Officers stand guard. Reuters reported the arrests on Friday",  # running text
        "Fans celebrate in Berlin. Thousands Gathered On The Square",  # no agency named
        "Foto: the crowd outside the town hall",
        "Photo: Crowds gather outside the town hall",
        "Picture: Fans celebrate in Berlin.",
        "The second of three pictures [2/3]",
        'The minister wrote that the vote was "their" choice [sic]',
        "Lorries queue at the border [updated]",
        "Lorries queue at the border [Updated]",
        "Lorries [Harbour Times] queue at the border",  # not at the caption's end
    ],
)
def test_a_caption_without_a_written_credit_stays_whole(caption: str) -> None:
    image = _image(caption)
    assert (image.caption, image.credit) == (caption, None)


def test_a_long_embed_text_is_cut_at_a_word_and_marked() -> None:
    words = " ".join(f"word{n}" for n in range(100))  # 589 characters
    tree = LexborHTMLParser(
        f'<div id="body"><blockquote class="twitter-tweet"><p>{words}</p>'
        '<a href="https://twitter.com/someone/status/1">May 1, 2024</a></blockquote></div>'
    )
    [embed] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(embed, Embed)
    assert embed.url == "https://twitter.com/someone/status/1"
    assert len(embed.text) <= EMBED_TEXT and embed.text.endswith("…")
    kept = embed.text.removesuffix("…")
    assert words.startswith(kept + " ")  # whole words only
    assert len(kept) > EMBED_TEXT - 10


def test_a_table_gives_its_own_rows_and_a_nested_table_stays_in_its_cell() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><table><thead><tr><th>Party</th><th>Seats</th></tr></thead><tbody>'
        "<tr><td>Green</td><td>12</td></tr>"
        "<tr><td>Blue</td><td><table><tr><td>9</td><td>(+2)</td></tr></table></td></tr>"
        "</tbody></table></div>"
    )
    [table] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(table, ListBlock)
    assert [inline_text(row) for row in table.items] == [
        "Party | Seats",
        "Green | 12",
        "Blue | 9(+2)",
    ]


def test_tables_nested_a_thousand_deep_are_read_once() -> None:
    depth = 1_000  # each row once gave every row below it again: about 20 s here
    markup = "<table><tr><td>cell " * depth + "</td></tr></table>" * depth
    tree = LexborHTMLParser(f'<div id="body">{markup}</div>')
    [table] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(table, ListBlock)
    assert [inline_text(row) for row in table.items] == [" ".join(["cell"] * depth)]


@pytest.mark.parametrize(
    ("shown", "credit"),
    [
        ("© Foto: Jana Keller", "Jana Keller"),
        ("(Foto Giulia Ferri)", "Giulia Ferri"),
        ("Foto: Bruno Teixeira/Folha do Planalto", "Bruno Teixeira/Folha do Planalto"),
        ("Bild: dpa", "dpa"),
        ("(c) Reuters", "Reuters"),
        ("Image source: EPA", "EPA"),
        ("Image Credit: Lena Farouk/The Daily Courier", "Lena Farouk/The Daily Courier"),
        ("Photo credit: Sam Ruiz", "Sam Ruiz"),
        ("Picture Credits: Harbour Press", "Harbour Press"),
        ("Credit...Ines Varga for The Harbour Post", "Ines Varga for The Harbour Post"),
        ("Credit…Ines Varga", "Ines Varga"),
        ("<span>Credit...</span><span>Ines Varga</span>", "Ines Varga"),
        ("<span>Credit</span><span>Ines Varga</span>", "Ines Varga"),
        ("<span>Photo</span> <span>Ines Varga</span>", "Ines Varga"),
        ("Screenshot: The Harbour Post", "The Harbour Post"),
        ("Photo by Ines Varga / The Harbour Post", "Ines Varga / The Harbour Post"),
        ("Photograph by Ines Varga", "Ines Varga"),
        ("Picture by Ines Varga", "Ines Varga"),
        ("Foto von Jana Keller", "Jana Keller"),
        ("Photo de Léa Martin", "Léa Martin"),
        ("Fotó: Kovács Anna", "Kovács Anna"),
        ("Fotoğraf: Ayşe Demir", "Ayşe Demir"),
        ("Фото: Анна Петрова", "Анна Петрова"),
        ("Snímek: Jana Nováková", "Jana Nováková"),
    ],
)
def test_a_credit_is_given_without_its_label(shown: str, credit: str) -> None:
    tree = LexborHTMLParser(
        '<div id="body"><figure><img src="/p.jpg"><figcaption>Flooded cellars in the old '
        f'town. <span class="credit">{shown}</span></figcaption></figure></div>'
    )
    [image] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(image, Image)
    assert (image.caption, image.credit) == ("Flooded cellars in the old town.", credit)


def _blocks(markup: str) -> list[Block]:
    return BlockBuilder(URL).build(
        [LexborHTMLParser(f'<div id="body">{markup}</div>').css_first("#body")]
    )


@pytest.mark.parametrize(
    ("markup", "address"),
    [
        (
            '<div class="id-Video" data-video="/v/pegel.mp4"><div class="id-Video-player">'
            "<span>Video wird geladen …</span></div></div>",
            "https://news.example/v/pegel.mp4",
        ),
        (
            '<div class="video-resource" data-video-src="https://media.example/radar.mp4">'
            '<button aria-label="Play video">Play video</button><span>01:42</span>'
            "<div hidden>This video is no longer available.</div></div>",
            "https://media.example/radar.mp4",
        ),
        (
            '<div class="video-player"><img src="/poster.jpg"><video src="/v/clip.mp4"></video>'
            "<p>Loading video…</p></div>",
            "https://news.example/v/clip.mp4",
        ),
        (
            '<div class="video-resource" data-video-id="w/2024/06/14/flood.cnn"'
            ' data-canonical-url="https://news.example/video/flood"><span>01:12</span></div>',
            "https://news.example/video/flood",
        ),
    ],
    ids=["data-video", "data-video-src", "class", "data-canonical-url"],
)
def test_a_video_player_is_one_video_embed_without_its_notices(
    markup: str, address: str | None
) -> None:
    blocks = _blocks(f"<p>The river rose again.</p>{markup}")
    assert [block.text for block in blocks] == ["The river rose again.", ""]
    assert blocks[1] == Embed(url=address, provider="video")


def test_a_video_with_no_address_and_no_caption_leaves_no_block() -> None:
    blocks = _blocks(
        '<p>The river rose again.</p><div class="player" data-video-id="x8k2">'
        '<img src="/poster.jpg" alt=""><span>Cliquez pour lancer la vidéo</span></div>'
    )
    assert blocks == [Paragraph((Span("The river rose again."),))]


def test_a_video_players_caption_stays_with_its_video() -> None:
    [embed] = _blocks(
        '<figure class="video-player" data-video-id="x8k2"><button>Play</button>'
        "<span>02:15</span><figcaption>The moment the dam gave way.</figcaption></figure>"
    )
    assert embed == Embed(url=None, provider="video", text="The moment the dam gave way.")


def test_a_box_that_names_a_video_but_holds_the_text_is_read_as_text() -> None:
    text = "The river rose again overnight and the council opened two shelters. " * 4
    blocks = _blocks(f'<div data-video="/v/clip.mp4"><p>{text.strip()}</p></div>')
    assert [type(block) for block in blocks] == [Paragraph]


def test_an_avatar_is_no_picture_of_the_post() -> None:
    blocks = _blocks(
        '<div class="author"><img src="/authors/piotr.jpg" alt="" width="32" height="32">'
        "</div><p>Strajk trwa.</p>"
        '<figure><img src="/photos/stop.jpg" width="760" height="428"></figure>'
        '<figure><img src="/icons/map.png" width="48" height="48"><figcaption>Route of the '
        "march</figcaption></figure>"
    )
    assert [(type(block).__name__, block.text) for block in blocks] == [
        ("Paragraph", "Strajk trwa."),
        ("Image", ""),
        ("Image", "Route of the march"),  # a small picture with a caption is shown
    ]


def test_a_run_of_siblings_is_read_element_by_element() -> None:
    """A flat page's post is a run of siblings: a picture, a newsletter box or a video among
    them is read as what it is, as inside any post."""
    tree = LexborHTMLParser(
        '<div id="feed"><p><strong>14:23</strong> The river rose.</p>'
        '<figure><img src="/p.jpg"><figcaption>The bridge at noon. '
        '<span class="credit">© Foto: Jana Keller</span></figcaption></figure>'
        '<div class="id-Box id-Box--newsletter"><p>Der Newsletter: jeden Morgen.</p>'
        '<a href="/nl">Zur Anmeldung</a></div>'
        '<div class="id-Video" data-video="/v.mp4"><span>Video wird geladen …</span></div>'
        "<h3>Shelters open</h3></div>"
    )
    run = list(tree.css_first("#feed").iter())
    cleaner = Cleaner()
    builder = BlockBuilder(URL, judge=cleaner.judge)
    blocks = builder.build(run)
    assert [(type(block).__name__, block.text) for block in blocks] == [
        ("Paragraph", "14:23 The river rose."),
        ("Image", "The bridge at noon."),
        ("Embed", ""),
        ("Heading", "Shelters open"),
    ]
    assert [rule for rule, _, _ in builder.removed] == ["newsletter"]


def test_a_post_of_one_element_is_never_judged_itself() -> None:
    tree = LexborHTMLParser(
        '<div id="post" class="post newsletter-promo-on"><p>The river rose.</p></div>'
    )
    builder = BlockBuilder(URL, judge=Cleaner().judge)
    blocks = builder.build([tree.css_first("#post")])
    assert [block.text for block in blocks] == ["The river rose."]


def test_a_picture_box_that_credits_its_picture_reads_its_line_as_the_caption() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><p>Crews worked through the night.</p>'
        '<div class="absatzbild"><div class="media"><img src="/p.jpg"></div>'
        '<div class="info"><p class="info__text">Firefighters bring residents to safety.</p>'
        '<span class="info__copyright">Bild: picture alliance/dpa</span></div></div></div>'
    )
    blocks = BlockBuilder(URL, judge=Cleaner().judge).build([tree.css_first("#body")])
    assert isinstance(blocks[0], Paragraph)
    assert isinstance(blocks[1], Image)
    assert (blocks[1].caption, blocks[1].credit) == (
        "Firefighters bring residents to safety.",
        "picture alliance/dpa",
    )
    assert len(blocks) == 2


def test_a_box_with_text_before_its_picture_is_a_body_not_a_picture_box() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><div class="item__body"><p>The water points now number seven.</p>'
        '<figure><img src="/p.jpg"><figcaption>Visitors fill bottles.'
        ' <small class="credit">Foto: Lotte Visser</small></figcaption></figure></div></div>'
    )
    blocks = BlockBuilder(URL, judge=Cleaner().judge).build([tree.css_first("#body")])
    assert [type(block) for block in blocks] == [Paragraph, Image]
    assert blocks[0].text == "The water points now number seven."


def test_a_gallery_list_gives_its_slides_as_pictures_with_captions() -> None:
    slides = "".join(
        f'<li><figure><img src="/g{n}.jpg"><figcaption>Slide {n} caption.'
        f' <span class="imgCredit">Foto Davide Orsini</span></figcaption></figure></li>'
        for n in (1, 2)
    )
    tree = LexborHTMLParser(f'<div id="body"><ul class="gallery">{slides}</ul></div>')
    blocks = BlockBuilder(URL).build([tree.css_first("#body")])
    assert [(b.caption, b.credit) for b in blocks if isinstance(b, Image)] == [
        ("Slide 1 caption.", "Davide Orsini"),
        ("Slide 2 caption.", "Davide Orsini"),
    ]
    assert len(blocks) == 2


def test_a_video_boxs_caption_leaves_its_credit() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><div class="clip" data-video-id="x1"><img src="/poster.jpg">'
        '<span class="clip__duration">1 min</span><p class="clip__caption">The fire from the'
        ' air. <span class="clip__credit">Video: Jonas Åberg/SRT</span></p></div></div>'
    )
    [embed] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(embed, Embed)
    assert embed.text == "The fire from the air."


def test_an_attribution_beside_the_caption_is_the_credit() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><figure><img src="/p.jpg"><figcaption class="Figure_caption__Dx0Lm">'
        '<span class="Figure_text__Hq7bN">Commuters queue outside Central Station.</span>'
        '<span class="Figure_attribution__mNk2d">(ANB News: Tom Kearney)</span></figcaption>'
        "</figure></div>"
    )
    [image] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(image, Image)
    assert image.caption == "Commuters queue outside Central Station."
    assert image.credit is not None and "Tom Kearney" in image.credit


def test_a_picture_authors_line_in_the_caption_is_its_credit() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><figure><img src="/p.jpg"><figcaption><span class="photoCaption">'
        'Ciągniki na obwodnicy Kutna</span> <span class="photoAuthor">Fot. PAP/Tomasz'
        " Wierzbicki</span></figcaption></figure></div>"
    )
    [image] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(image, Image)
    assert (image.caption, image.credit) == ("Ciągniki na obwodnicy Kutna", "PAP/Tomasz Wierzbicki")


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="/static/placeholder.svg" data-lazy-src="/p.jpg" alt="">',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/p.jpg" alt="">',
        '<img class="lazy" data-original="/p.jpg" alt="">',
        '<img src="javascript:void(0)" data-lazy="/p.jpg" alt="">',
    ],
)
def test_a_lazily_loaded_picture_is_the_picture_it_will_show(markup: str) -> None:
    """Its `src` is a placeholder (or none) until the page's script swaps in the picture."""
    tree = LexborHTMLParser(f'<div id="body"><figure>{markup}</figure></div>')
    [block] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(block, Image)
    assert block.src == "https://news.example/p.jpg"


@pytest.mark.parametrize(
    ("markup", "provider", "url"),
    [
        (
            '<blockquote class="bluesky-embed"><p>Polls close in one hour.</p>&mdash; Jane'
            ' (<a href="https://bsky.app/profile/jane">@jane</a>) <a href="https://bsky.app/'
            'profile/jane/post/3k">5 November 2024 at 20:00</a></blockquote>',
            "bluesky",
            "https://bsky.app/profile/jane/post/3k",
        ),
        (
            '<blockquote class="text-post-media"><a href="https://www.threads.net/@jane/post/'
            'C1">View on Threads</a></blockquote>',
            "threads",
            "https://www.threads.net/@jane/post/C1",
        ),
        (
            '<blockquote class="reddit-embed-bq"><a href="https://www.reddit.com/r/news/'
            'comments/abc/title/">Post title</a></blockquote>',
            "reddit",
            "https://www.reddit.com/r/news/comments/abc/title/",
        ),
    ],
)
def test_a_social_post_embedded_in_a_quote_is_an_embed(
    markup: str, provider: str, url: str
) -> None:
    tree = LexborHTMLParser(f'<div id="body">{markup}</div>')
    [block] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(block, Embed)
    assert (block.provider, block.url) == (provider, url)


def test_a_paragraph_beside_a_captioned_figure_is_the_posts_text() -> None:
    """A figure with its own caption and credit, then one short paragraph: the paragraph is
    not the picture's caption but the post's text."""
    tree = LexborHTMLParser(
        '<div id="body"><div class="b"><figure><img src="/p.jpg"><figcaption>Waves hit the '
        'pier. <span class="credit">AFP</span></figcaption></figure>'
        "<p>The strongest gust so far.</p></div></div>"
    )
    blocks = BlockBuilder(URL, judge=Cleaner().judge).build([tree.css_first("#body")])
    assert [(type(block).__name__, block.text) for block in blocks] == [
        ("Image", "Waves hit the pier."),
        ("Paragraph", "The strongest gust so far."),
    ]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            'Fitters at work near the junction<span class="x7b2c-2">ANP</span>',
            ("Fitters at work near the junction", "ANP"),
        ),
        (
            '<span class="c_c">Cars stopped on the ring road on Wednesday.</span>'
            '<span class="c_a">J. MORENO VIDAL (EFE)</span>',
            ("Cars stopped on the ring road on Wednesday.", "J. MORENO VIDAL (EFE)"),
        ),
        (
            "Cars stopped on the ring road. <span>Dale Ortman via Getty Images</span>",
            ("Cars stopped on the ring road.", "Dale Ortman via Getty Images"),
        ),
        (
            '<div><span class="c_c">Fitters at work</span> <span class="c_a">ANP</span></div>',
            ("Fitters at work", "ANP"),
        ),
    ],
)
def test_a_captions_last_element_that_reads_as_a_credit_is_the_credit(
    caption: str, expected: tuple[str, str]
) -> None:
    image = _image(caption)
    assert (image.caption, image.credit) == expected


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("The headquarters of the <abbr>ECB</abbr>", "The headquarters of the ECB"),
        ("Queues at the <b>AFP</b> office", "Queues at the AFP office"),
        ("Queues at the office<span>of the mayor</span>", "Queues at the officeof the mayor"),
        ("<span>Queues at the office.</span><span>AFP OFFICES WERE SHUT.</span>", None),
        ("<span>ANP</span>", "ANP"),
    ],
)
def test_a_captions_last_element_that_is_caption_text_stays_in_the_caption(
    caption: str, expected: str | None
) -> None:
    image = _image(caption)
    assert image.credit is None
    if expected is not None:
        assert image.caption == expected


def test_elements_laid_apart_after_a_sentence_are_read_with_a_space() -> None:
    image = _image("<span>Cars stopped on the ring road.</span><span>Traffic is diverted</span>")
    assert image.caption == "Cars stopped on the ring road. Traffic is diverted"


@pytest.mark.parametrize(
    "fallback",
    [
        "View this post on Instagram",
        "Ver esta publicación en Instagram",
        "Diesen Beitrag auf Instagram ansehen",
        "Voir cette publication sur Instagram",
    ],
)
def test_an_embeds_view_on_fallback_is_no_text_of_the_post(fallback: str) -> None:
    tree = LexborHTMLParser(
        '<div id="body"><blockquote class="instagram-media"><a href="https://www.instagram.com/'
        f'p/C1/">{fallback}</a></blockquote></div>'
    )
    [block] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(block, Embed)
    assert (block.url, block.text) == ("https://www.instagram.com/p/C1/", "")


@pytest.mark.parametrize(
    "tool",
    [
        '<a href="https://agency.example/licensing">Purchase Licensing Rights</a>',
        '<a href="/shop/p123">Buy this photo</a>',
        '<a href="/boutique/p123">Acheter cette photo</a>',
        '<a href="/shop/p123">Bild kaufen</a>',
        '<a href="#share">Share</a>',
        '<span role="button">Expand</span>',
    ],
)
def test_a_tool_in_a_caption_is_no_part_of_it(tool: str) -> None:
    [image] = _blocks(
        '<figure><img src="/p.jpg"><figcaption><span>Ferries wait in the harbour on Monday.'
        f'</span> <span class="pic-credit">HARBOUR TIMES/Jo Brandt</span> {tool}</figcaption>'
        "</figure>"
    )
    assert image == Image(
        src="https://news.example/p.jpg",
        caption="Ferries wait in the harbour on Monday.",
        credit="HARBOUR TIMES/Jo Brandt",
    )


def test_a_tool_after_an_unnamed_credit_leaves_the_credit_found() -> None:
    [image] = _blocks(
        '<figure><img src="/p.jpg"><figcaption><span>Ferries wait in the harbour.</span> '
        '<span>HARBOUR TIMES</span> <a href="/shop/p1">Buy this photo</a></figcaption></figure>'
    )
    assert isinstance(image, Image)
    assert (image.caption, image.credit) == ("Ferries wait in the harbour.", "HARBOUR TIMES")


@pytest.mark.parametrize(
    "markup",
    [
        '<figure class="media-box media-box--video"><div class="video-player" data-video-id="v9">'
        '<iframe src="https://media.example/embed/v9"></iframe></div><figcaption>'
        '<span>Ferries leave the harbour</span> <span class="clip-duration">1:02:33</span>'
        "</figcaption></figure>",
        '<figure class="video-player" data-video-id="v9"><figcaption>Ferries leave the harbour'
        " <span>00:48</span></figcaption></figure>",
        '<figure><iframe src="https://www.dailymotion.com/embed/video/x9"></iframe><figcaption>'
        "<b>00:48</b> Ferries leave the harbour</figcaption></figure>",
        '<div class="social-embed"><iframe src="https://player.vimeo.com/video/9"></iframe>'
        '<p>Ferries leave the harbour <span class="video-length">Duration 0:48</span></p></div>',
    ],
    ids=["classed", "bare", "frame-caption", "embed-box"],
)
def test_a_videos_duration_is_no_part_of_its_title(markup: str) -> None:
    [embed] = _blocks(markup)
    assert isinstance(embed, Embed)
    assert (embed.provider, embed.text) == ("video", "Ferries leave the harbour")


def test_a_duration_beside_a_player_is_no_text_of_the_post() -> None:
    blocks = _blocks(
        '<div class="clip"><iframe src="https://www.youtube.com/embed/abc"></iframe>'
        '<div class="clip__duration">01:12</div></div><p>The harbour closed at 01:12.</p>'
    )
    assert [block.text for block in blocks] == ["", "The harbour closed at 01:12."]


def test_a_time_in_a_pictures_caption_stays() -> None:
    [image] = _blocks(
        '<figure><img src="/p.jpg"><figcaption>The harbour at <span>06:30</span> on Monday'
        "</figcaption></figure>"
    )
    assert isinstance(image, Image)
    assert image.caption == "The harbour at 06:30 on Monday"


@pytest.mark.parametrize(
    "address",
    [
        "https://www.dailymotion.com/embed/video/x9abc",
        "https://dai.ly/x9abc",
        "https://player.twitch.tv/?video=v123&parent=news.example",
        "https://players.brightcove.net/1234/default_default/index.html?videoId=5678",
        "https://cdn.jwplayer.com/players/Ab12Cd34-Ef56Gh78.html",
        "https://cdnapisec.kaltura.com/p/1234/sp/123400/embedIframeJs/uiconf_id/5/partner_id/1",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx",
        "https://player.vimeo.com/video/123",
    ],
)
def test_a_frame_from_a_video_host_is_a_video_with_its_title(address: str) -> None:
    [embed] = _blocks(f'<iframe src="{address}" title="Ferries leave the harbour"></iframe>')
    assert embed == Embed(url=address, provider="video", text="Ferries leave the harbour")


@pytest.mark.parametrize(
    "title", ["YouTube video player", "Embedded content", "Advertisement", "vimeo-player", ""]
)
def test_a_frames_title_that_only_says_what_it_is_is_no_text(title: str) -> None:
    [embed] = _blocks(f'<iframe src="https://www.youtube.com/embed/abc" title="{title}"></iframe>')
    assert embed == Embed(url="https://www.youtube.com/embed/abc", provider="video")


def test_a_facebook_post_stays_a_facebook_embed() -> None:
    [embed] = _blocks('<iframe src="https://www.facebook.com/plugins/post.php?href=x"></iframe>')
    assert isinstance(embed, Embed)
    assert embed.provider == "facebook"


def test_a_frame_inside_a_paragraph_is_an_embed_between_its_text() -> None:
    """WordPress wraps an embed in a paragraph of its own (`<p><iframe …></p>`), sometimes in
    a span too; a paragraph's text around a frame stays, in order."""
    blocks = _blocks(
        '<p>The mayor spoke at noon:<iframe src="https://www.youtube.com/embed/k1"></iframe>'
        " Watch it above.</p>"
        '<p><span class="embed-youtube"><iframe src="https://player.vimeo.com/video/7" '
        'title="Ferries leave the harbour"></iframe></span></p>'
        '<p><video src="https://cdn.news.example/v/8.mp4"></video></p>'
    )
    assert blocks == [
        Paragraph((Span("The mayor spoke at noon:"),)),
        Embed(url="https://www.youtube.com/embed/k1", provider="video"),
        Paragraph((Span("Watch it above."),)),
        Embed(
            url="https://player.vimeo.com/video/7",
            provider="video",
            text="Ferries leave the harbour",
        ),
        Embed(url="https://cdn.news.example/v/8.mp4", provider="video"),
    ]


@pytest.mark.parametrize(
    "card",
    [
        '<div class="tweet" data-attrs="{}"><a href="https://x.com/harbourwatch/status/42">'
        "<div><span>Harbour Watch</span> <span>@harbourwatch</span></div></a>"
        "<div>Ferry terminal closed until further notice. "
        '<a href="https://x.com/hashtag/storm">#storm</a></div>'
        "<div>11:02 PM ∙ Nov 3, 2026 1,204 Likes ∙ 311 Retweets</div></div>",
        '<figure class="embedded-tweet"><div><span>Harbour Watch</span>'
        '<a href="https://x.com/harbourwatch/status/42">@harbourwatch</a></div>'
        "<div>Ferry terminal closed until further notice. #storm</div>"
        '<footer><a href="https://x.com/harbourwatch/status/42">11:02 PM · Nov 3, 2026</a>'
        "<span>2.1K Views</span></footer></figure>",
    ],
)
def test_a_tweet_drawn_as_a_card_is_an_embed_with_its_text_not_its_counters(card: str) -> None:
    blocks = _blocks(f"<p>The harbour master posted this.</p>{card}")
    assert [type(block) for block in blocks] == [Paragraph, Embed]
    embed = blocks[1]
    assert isinstance(embed, Embed)
    assert (embed.url, embed.provider) == ("https://x.com/harbourwatch/status/42", "tweet")
    assert embed.text == "Ferry terminal closed until further notice. #storm"


def test_a_box_of_share_links_classed_as_a_tweet_button_is_no_embed() -> None:
    blocks = _blocks(
        "<p>The harbour master posted this.</p>"
        '<div class="share-tweet"><a href="https://x.com/intent/tweet?text=Storm">Post</a></div>'
    )
    assert not any(isinstance(block, Embed) for block in blocks)


def test_an_authors_picture_named_by_its_class_is_no_picture_and_credits_no_one() -> None:
    blocks = _blocks(
        '<div class="post-header"><img class="post-author-avatar" src="/a/jo.png" alt="">'
        '<span class="post-author-name">Jo Marsh</span></div>'
        '<div class="byline__photo"><img src="/a/ana.png" alt="Ana Ruiz"></div>'
        "<p>The march reached the square at noon.</p>"
        '<figure><img src="/photos/square.jpg" alt="Marchers in the square"></figure>'
    )
    # The name is the post's author (read before its body), no credit of a picture.
    assert [(type(block).__name__, block.text) for block in blocks] == [
        ("Paragraph", "The march reached the square at noon."),
        ("Image", ""),
    ]
    assert [(block.src, block.credit) for block in blocks if isinstance(block, Image)] == [
        (f"{URL.rsplit('/', 1)[0]}/photos/square.jpg", None)
    ]
