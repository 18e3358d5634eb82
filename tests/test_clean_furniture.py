"""Post furniture: the labels, bylines, sign-offs and meta rows at the edges of a post become
flags and authors, and leave its text; the same words inside real text stay."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from liveread.clean import Cleaner
from liveread.cleanfurniture import Furniture, label_flag, names_after_time, names_in
from liveread.model import Block, Entry, Heading, Image, LiveBlog, Paragraph, Quote, Span
from liveread.parse import parse

BODY = (
    "Der Richter hat die Verhandlung auf den 3. Dezember vertagt. Dann sollen zwei weitere "
    "Zeugen aus der Gemeindeverwaltung befragt werden."
)
MORE = "Ein Urteil wird frühestens im Januar erwartet, sagte eine Sprecherin des Gerichts."


def para(*texts: str) -> Paragraph:
    return Paragraph(tuple(Span(text) for text in texts))


def strip(
    blocks: list[Block], authors: tuple[str, ...] = ()
) -> tuple[list[Block], Furniture, list[tuple[str, str]]]:
    cleaner = Cleaner()
    kept, found = cleaner.post_furniture(blocks, "post-1", authors)
    assert all(r.entry_key == "post-1" for r in cleaner.removals)
    return kept, found, [(r.rule, r.text) for r in cleaner.removals]


def flags(found: Furniture) -> set[str]:
    return {flag for flag in ("pinned", "breaking", "key_event") if getattr(found, flag)}


# Labels


LABELS = [
    ("Pinned", "pinned"),
    ("Angeheftet", "pinned"),
    ("Épinglé", "pinned"),
    ("Fissato", "pinned"),
    ("Fijado", "pinned"),
    ("Przypięty", "pinned"),
    ("Vastgepind", "pinned"),
    ("Breaking news", "breaking"),
    ("+++ Eilmeldung +++", "breaking"),
    ("Dernière minute", "breaking"),
    ("Urgente", "breaking"),
    ("Última hora", "breaking"),
    ("Pilne", "breaking"),
    ("Net binnen", "breaking"),
    ("Key event", "key_event"),
    ("Key post", "key_event"),
    ("Wichtig", "key_event"),
    ("Essentiel", "key_event"),
    ("Destaque", "key_event"),
    ("Clave", "key_event"),
    ("Kluczowe", "key_event"),
    ("Viktigt", "key_event"),
    ("Highlight", "key_event"),
    ("Update", None),
    ("Aktualisiert", None),
    ("Mis à jour", None),
    ("Watch", None),
    ("📌 Pinned", "pinned"),
    ("GOAL!", "key_event"),
    ("Przypięty wpis", "pinned"),
    ("Pinned post from 9.32pm", "pinned"),  # and the time it was pinned at
    ("Angeheftet seit 10:30 Uhr", "pinned"),
    ("¡GOOOOL!", "key_event"),
    ("Analyse", None),
    ("Fact Check", None),
]


@pytest.mark.parametrize(("label", "flag"), LABELS, ids=[label for label, _ in LABELS])
def test_a_label_opening_a_post_becomes_its_flag(label: str, flag: str | None) -> None:
    kept, found, removed = strip([para(label), Heading((Span("Prozess vertagt"),)), para(BODY)])
    assert kept == [Heading((Span("Prozess vertagt"),)), para(BODY)]
    assert flags(found) == ({flag} if flag else set())
    assert removed == [("label", label)]


@pytest.mark.parametrize(
    "line", ["Pinned at 10 Downing Street", "Breaking at 9.32pm", "Pinned from 2024"]
)
def test_a_pinning_label_before_no_time_is_no_label(line: str) -> None:
    assert label_flag(line) is None


@pytest.mark.parametrize(
    ("text", "label", "flag"),
    [
        ("Eilmeldung: Zwei Menschen sind verletzt worden.", "Eilmeldung:", "breaking"),
        ("BREAKING | Two people have been hurt.", "BREAKING |", "breaking"),
        ("Update – the road has reopened.", "Update –", None),
        ("Wichtig\nDie Straße bleibt gesperrt.", "Wichtig", "key_event"),
    ],
)
def test_a_label_before_a_separator_leaves_the_rest_of_its_paragraph(
    text: str, label: str, flag: str | None
) -> None:
    kept, found, removed = strip([para(text), para(BODY)])
    expected = text[len(label) :].strip()
    assert kept == [para(expected), para(BODY)]
    assert flags(found) == ({flag} if flag else set())
    assert removed == [("label", label)]


@pytest.mark.parametrize(
    "blocks",
    [
        [para("Important work continues at the site, the council said."), para(BODY)],
        [para("Breaking the deadlock took the negotiators until midnight."), para(BODY)],
        [para("Update your browser to see the map, officials said."), para(BODY)],
        [para(BODY), para("Wichtig"), para(MORE)],  # not at the start
        [para("New"), para(" figures show a rise")],  # not a label liveread knows
    ],
    ids=["important", "breaking", "update", "middle", "unknown"],
)
def test_label_words_in_real_text_stay(blocks: list[Block]) -> None:
    kept, found, removed = strip(list(blocks))
    assert kept == blocks
    assert (flags(found), removed) == (set(), [])


# Bylines and sign-offs


BYLINES = [
    ("By Jane Doe", ["Jane Doe"]),
    ("Von Lisa Gruber", ["Lisa Gruber"]),
    ("Par Marie Dupont", ["Marie Dupont"]),
    ("Di Marco Rossi", ["Marco Rossi"]),
    ("Por Ana López", ["Ana López"]),
    ("Door Jan de Vries", ["Jan de Vries"]),
    ("Av Anna Svensson", ["Anna Svensson"]),
    ("Autor: Jan Kowalski", ["Jan Kowalski"]),
    ("By Jane Doe, Reporter", ["Jane Doe"]),
    ("By Jane Doe, Political Editor", ["Jane Doe"]),
    ("By Megan Alvarez, Chief Meteorologist", ["Megan Alvarez"]),
    ("By Jonas Ek reporter", ["Jonas Ek"]),
    ("By Anna Berg Chief Correspondent", ["Anna Berg"]),
    ("Von Lisa Gruber | Wien", ["Lisa Gruber"]),
    ("By Jane Doe in Kyiv", ["Jane Doe"]),
    ("By Jane Doe and John O'Brien", ["Jane Doe", "John O'Brien"]),
    ("Von Lisa Gruber, Thomas Wieser", ["Lisa Gruber", "Thomas Wieser"]),
    ("By NINA CALDWELL", ["Nina Caldwell"]),
    ("By MARIA VELASCO and SHAUN O'NEILL", ["Maria Velasco", "Shaun O'Neill"]),
]


@pytest.mark.parametrize(("line", "authors"), BYLINES, ids=[line for line, _ in BYLINES])
def test_a_byline_at_the_start_gives_the_authors(line: str, authors: list[str]) -> None:
    title = Heading((Span("Anklage verlesen"),))
    kept, found, removed = strip([title, para(line), para(BODY)])
    assert kept == [title, para(BODY)]
    assert found.authors == authors
    assert removed == [("byline", line)]


@pytest.mark.parametrize(("line", "authors"), BYLINES[:8], ids=[line for line, _ in BYLINES[:8]])
def test_a_byline_at_the_end_gives_the_authors(line: str, authors: list[str]) -> None:
    kept, found, removed = strip([para(BODY), para(MORE), para(line)])
    assert kept == [para(BODY), para(MORE)]
    assert found.authors == authors
    assert removed == [("byline", line)]


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the water had receded from most streets.",
        "Von Montag an gilt die neue Regel.",
        "Par ailleurs, la route reste fermée.",
        "Di notte la situazione è peggiorata.",
        "Por la tarde llegarán refuerzos.",
        "Door de regen is het terrein modderig.",
        "BY THE NUMBERS",
    ],
)
def test_a_line_that_only_starts_like_a_byline_stays(line: str) -> None:
    for blocks in ([para(line), para(BODY)], [para(BODY), para(line)]):
        kept, found, removed = strip(list(blocks))
        assert kept == blocks
        assert (found.authors, removed) == ([], [])


DESK_BYLINES = [
    ("Door ANP", ["ANP"]),
    ("By Reuters", ["Reuters"]),
    ("Door Redactie Rivierpost.nl", ["Redactie Rivierpost.nl"]),
    ("Von dpa", ["dpa"]),
    ("BY AP", ["AP"]),
    ("By Jane Doe, Associated Press", ["Jane Doe"]),
]


@pytest.mark.parametrize(("line", "authors"), DESK_BYLINES, ids=[line for line, _ in DESK_BYLINES])
def test_a_byline_naming_a_desk_or_agency_is_a_byline(line: str, authors: list[str]) -> None:
    for blocks in ([para(line), para(BODY)], [para(BODY), para(MORE), para(line)]):
        kept, found, removed = strip(list(blocks))
        assert kept == [block for block in blocks if block != para(line)]
        assert (found.authors, removed) == (authors, [("byline", line)])


@pytest.mark.parametrize(
    "line", ["mrc/dpa", "flo", "(flo/AFP)", "(ANSA)", "(EFE)", "ani/Reuters", "(dpa/rts)"]
)
def test_closing_initials_of_agencies_or_editors_go_and_name_no_author(line: str) -> None:
    kept, found, removed = strip([para(BODY), para(MORE), para(line)])
    assert kept == [para(BODY), para(MORE)]
    assert (found.authors, removed) == ([], [("initials", line)])


@pytest.mark.parametrize("line", ["Video", "Berlin", "USA", "Fazit"])
def test_a_short_closing_word_that_is_no_initials_stays(line: str) -> None:
    blocks = [para(BODY), para(MORE), para(line)]
    kept, found, removed = strip(list(blocks))
    assert kept == blocks
    assert (found.authors, removed) == ([], [])


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Doe in Oslo; Editing by John Roe",
        "Additional reporting by Ana Ruiz; Writing by Tom Hale; Editing by Kim Voss",
        "Harbour News' Jane Doe contributed to this report.",
        "Jane Doe and John Roe contributed reporting.",
    ],
)
def test_a_closing_credit_line_goes_and_names_no_author(line: str) -> None:
    kept, found, removed = strip([para(BODY), para(MORE), para(line)])
    assert kept == [para(BODY), para(MORE)]
    assert (found.authors, removed) == ([], [("credit line", line)])


def test_a_sentence_about_a_report_stays() -> None:
    blocks = [para(BODY), para("Nobody in the council said who contributed to this report.")]
    kept, found, removed = strip(list(blocks))
    assert (kept, found.authors, removed) == (blocks, [], [])


def test_a_sign_off_closing_a_post_gives_its_author() -> None:
    kept, found, removed = strip([para(BODY), para("— Aoife Brennan")])
    assert kept == [para(BODY)]
    assert found.authors == ["Aoife Brennan"]
    assert removed == [("sign-off", "— Aoife Brennan")]


def test_a_dash_and_a_name_after_a_quote_says_who_spoke_and_stays() -> None:
    blocks: list[Block] = [para(BODY), Quote((Span("We will rebuild."),)), para("— Jane Doe")]
    kept, found, removed = strip(list(blocks))
    assert kept == blocks
    assert (found.authors, removed) == ([], [])


def test_a_byline_naming_someone_else_than_the_posts_author_credits_a_quote_and_stays() -> None:
    blocks: list[Block] = [para(BODY), para("By Adam Millington")]
    kept, found, removed = strip(list(blocks), authors=("Jamie Braidwood",))
    assert kept == blocks
    assert (found.authors, removed) == ([], [])
    kept, _, removed = strip(list(blocks), authors=("Adam Millington",))
    assert kept == [para(BODY)]
    assert removed == [("byline", "By Adam Millington")]


@pytest.mark.parametrize("titled", [False, True])
def test_a_label_the_rules_do_not_know_does_not_keep_the_byline_after_it(titled: bool) -> None:
    title = [Heading((Span("Anklage verlesen"),))] if titled else []
    kept, found, removed = strip([*title, para("Top moment"), para("By Jane Doe"), para(BODY)])
    assert kept == [*title, para("Top moment"), para(BODY)]
    assert found.authors == ["Jane Doe"]
    assert removed == [("byline", "By Jane Doe")]


def test_a_short_line_before_a_line_that_is_no_byline_stops_the_search() -> None:
    blocks: list[Block] = [para("Top moment"), para("Quiet night"), para("By Jane Doe"), para(BODY)]
    kept, found, removed = strip(list(blocks))
    assert (kept, found.authors, removed) == (blocks, [], [])


def test_promotion_under_a_byline_goes_with_it() -> None:
    kept, found, removed = strip(
        [para(BODY), para("Door Joris Bakker"), para("Advertentie"), para("Delen")]
    )
    assert kept == [para(BODY)]
    assert found.authors == ["Joris Bakker"]
    assert removed == [
        ("share tools", "Delen"),
        ("ad label", "Advertentie"),
        ("byline", "Door Joris Bakker"),
    ]


# Meta rows


@pytest.mark.parametrize(
    ("row", "authors", "flag"),
    [
        (para("hace 2 horas", " ·"), [], None),
        (para("il y a 5 min"), [], None),
        (para("an hour ago · Priyanka Ramaswamy"), ["Priyanka Ramaswamy"], None),
        (para("vor einer Stunde · Lisa Gruber"), ["Lisa Gruber"], None),
        (para("wczoraj, 22:45"), [], None),
        (para("Updated 2:02 p.m. ET · 3 min read"), [], None),
        (para("kl. 17.55", "Maja Holm"), ["Maja Holm"], None),
        (para("Viktigt", "Erik Lund"), ["Erik Lund"], "key_event"),
        (para("14.23 uur", "Vastgepind"), [], "pinned"),
        (
            para("12. November 2024, 09:14 · Lisa Gruber, Thomas Wieser"),
            ["Lisa Gruber", "Thomas Wieser"],
            None,
        ),
        (para("14:23 · By ", "Jane Doe", " · Share"), ["Jane Doe"], None),
        (para("Lesezeit: 3 Min."), [], None),
        (para("Updated at 17:31 BST"), [], None),
        (para("Aktualisiert um 17.31 Uhr"), [], None),
        (para("Mis à jour à 17h31"), [], None),
        (para("Lap 51/70"), [], None),
        (para("15:10 · Lap 51/70"), [], None),
        (para("Round 3 of 12"), [], None),
        (para("Tour 34/53"), [], None),
        (para("9:40 a.m. · New York"), [], None),
        (para("9:40 a.m. · Gold Coast"), [], None),
        (para("9:40 a.m. · Live Updates"), [], None),
    ],
    ids=lambda value: value.text if isinstance(value, Paragraph) else str(value),
)
def test_a_meta_row_above_the_text_goes(
    row: Paragraph, authors: list[str], flag: str | None
) -> None:
    kept, found, removed = strip([row, para(BODY)])
    assert kept == [para(BODY)]
    assert found.authors == authors
    assert flags(found) == ({flag} if flag else set())
    assert removed == [("meta row", row.text)]


@pytest.mark.parametrize(
    "row",
    [
        para("KYIV, 14:23"),  # a dateline
        para("Kyiv, 14:23"),
        para("Erik Lund"),  # a name alone could be anything
        para("The 14:23 train was cancelled."),
        para("3 days later the road reopened."),
        para("Polizei", "14:23"),  # one word is no name
        para("Round 3"),  # a count with no total may be a heading
        para("Stage 5 of the Tour was cancelled."),
    ],
    ids=lambda value: value.text,
)
def test_a_first_line_that_is_no_meta_row_stays(row: Paragraph) -> None:
    kept, found, removed = strip([row, para(BODY)])
    assert kept == [row, para(BODY)]
    assert (found.authors, removed) == ([], [])


# Appeals to readers and the place a reporter reports from

APPEALS = [
    "Do you have pictures of the storm? Send them to desk@harbourpost.example",
    "Got a story? Email newsdesk@harbourpost.example",
    "Have you been affected by the closures? Get in touch.",
    "Haben Sie Fotos vom Unwetter? Schicken Sie uns Ihre Bilder an redaktion@tal.example",
    "Vous avez été témoin de l'incendie ? Écrivez-nous.",
    "¿Has sido testigo del accidente? Escríbenos a redaccion@costa.example",
    "Hai foto della piena? Mandale a redazione@valle.example",
    "Heb je foto's van de brand? Stuur ze naar tips@rivier.example",
    "Masz zdjęcia z miejsca zdarzenia? Napisz do nas.",
]


@pytest.mark.parametrize("line", APPEALS)
def test_an_appeal_to_readers_closing_a_post_goes(line: str) -> None:
    kept, found, removed = strip([para(BODY), para(line)])
    assert kept == [para(BODY)]
    assert (found.authors, removed) == ([], [("reader appeal", line)])


@pytest.mark.parametrize(
    "line",
    [
        '"Do you have the papers? Send them to me," the minister told his aide.',
        "Q: Have you seen the figures? A: Send me the report and I will read it.",
        "Why does it matter? Because the council has to decide by Friday.",
        "Was bedeutet das für Pendler? Die Bahn schickt Ersatzbusse nach Tal.",
    ],
)
def test_a_question_in_the_reporting_stays(line: str) -> None:
    blocks = [para(BODY), para(line)]
    kept, _, removed = strip(list(blocks))
    assert (kept, removed) == (blocks, [])


def test_an_appeal_opening_a_post_stays() -> None:
    blocks = [para(APPEALS[0]), para(BODY)]
    kept, _, removed = strip(list(blocks))
    assert (kept, removed) == (blocks, [])


@pytest.mark.parametrize(
    ("spans", "authors"),
    [
        ((Span("Ali Farouk", bold=True), Span(" Reporting from Amman, Jordan")), ["Ali Farouk"]),
        ((Span("Lisa Gruber, berichtet aus Wien"),), ["Lisa Gruber"]),
        ((Span("Marco Bellini", bold=True), Span(" Da Roma")), ["Marco Bellini"]),
        ((Span("Ana Ruiz | Desde Buenos Aires"),), ["Ana Ruiz"]),
        ((Span("Reporting from Kyiv"),), []),
    ],
)
def test_a_line_naming_the_reporter_and_their_place_opening_a_post_goes(
    spans: tuple[Span, ...], authors: list[str]
) -> None:
    title = Heading((Span("Power cuts at the hospital"),))
    line = Paragraph(spans)
    kept, found, removed = strip([title, line, para(BODY)])
    assert kept == [title, para(BODY)]
    assert found.authors == authors
    assert [rule for rule, _ in removed] == ["byline" if authors else "reporting line"]


@pytest.mark.parametrize(
    "blocks",
    [
        [para("Marco Bellini Da Roma"), para(BODY)],  # a lead of one word, not set apart
        [para(BODY), para("Ali Farouk, reporting from Amman, Jordan")],  # not the first block
        [para("Reporting from the front line was banned for weeks."), para(BODY)],
        [para("Die Kollegin berichtet aus Wien und Graz über die Wahl."), para(BODY)],
    ],
)
def test_a_reporting_line_elsewhere_or_in_a_sentence_stays(blocks: list[Block]) -> None:
    kept, found, removed = strip(list(blocks))
    assert (kept, found.authors, removed) == (blocks, [], [])


def test_a_post_of_text_alone_is_left_as_it_is() -> None:
    blocks: list[Block] = [para(BODY), Image(src="https://example.com/p.jpg"), para(MORE)]
    kept, found, removed = strip(list(blocks))
    assert kept == blocks
    assert (found, removed) == (Furniture(), [])
    assert strip([]) == ([], Furniture(), [])


# Through the parser


def _post(ident: int, when: str, body: str, author: str = "") -> str:
    byline = f'<span class="author">{author}</span>' if author else ""
    return (
        f'<article id="post-{ident}"><time datetime="{when}">x</time>{byline}'
        f"<div>{body}</div></article>"
    )


def test_parse_takes_flags_and_authors_from_the_furniture_of_each_post() -> None:
    html = (
        "<html><body><h1>Prozess live</h1><main>"
        + _post(
            3, "2024-11-12T14:30:00Z", f"<p>Eilmeldung</p><p>Von Thomas Wieser</p><p>{BODY}</p>"
        )
        + _post(2, "2024-11-12T12:10:00Z", f"<p>{MORE}</p><p>— Lisa Gruber</p>")
        + _post(1, "2024-11-12T09:14:00Z", f"<p>Angeheftet</p><p>{BODY} Erster Tag.</p>")
        + "</main></body></html>"
    )
    blog = parse(html, "https://www.example.at/live/prozess")
    posts = {entry.key: entry for entry in blog.entries}
    assert [posts[key].text for key in ("3", "2", "1")] == [BODY, MORE, BODY + " Erster Tag."]
    assert [posts[key].authors for key in ("3", "2", "1")] == [
        ["Thomas Wieser"],
        ["Lisa Gruber"],
        [],
    ]
    assert (posts["3"].breaking, posts["1"].pinned) == (True, True)
    assert not (posts["2"].breaking or posts["2"].pinned or posts["3"].pinned)
    removed = sorted((r.entry_key or "", r.rule, r.text) for r in blog.removals)
    assert removed == [
        ("1", "label", "Angeheftet"),
        ("2", "sign-off", "— Lisa Gruber"),
        ("3", "byline", "Von Thomas Wieser"),
        ("3", "label", "Eilmeldung"),
    ]


# The pages of tests/fixtures/generic: posts labelled in their text carry the flags.

GENERIC = Path(__file__).parent / "fixtures" / "generic"


@cache
def generic_page(name: str) -> LiveBlog:
    truth = json.loads((GENERIC / f"{name}.json").read_text(encoding="utf-8"))
    return parse((GENERIC / truth["file"]).read_bytes(), truth["page"]["url"])


def by_key(blog: LiveBlog, key: str) -> Entry:
    [entry] = [entry for entry in blog.entries if entry.key == key]
    return entry


@pytest.mark.parametrize(
    ("name", "key", "flag"),
    [
        ("at_prozess_ticker_landesgericht", "tp-2193871", "key_event"),
        ("at_prozess_ticker_landesgericht", "tp-2193859", "breaking"),
        ("at_prozess_ticker_landesgericht", "tp-2193822", "pinned"),
        ("br_microdata_apagao_ao_vivo", "atualizacao-3c7e70", "key_event"),
        ("br_microdata_apagao_ao_vivo", "atualizacao-3c7e41", "key_event"),
        ("in_oldest_first_agm_live", "tl-7733985", "key_event"),
        ("in_oldest_first_agm_live", "tl-7733991", "key_event"),
        ("nl_liveblog_strandfestival", "lb-item-4412830", "pinned"),
        ("se_direktrapport_kustregattan", "inlagg-120559", "key_event"),
        ("uk_nextjs_markets_live", "8f21c1c9", "key_event"),
    ],
)
def test_a_labelled_post_of_a_generic_page_carries_its_flag(name: str, key: str, flag: str) -> None:
    blog = generic_page(name)
    assert getattr(by_key(blog, key), flag)
    others = [entry.key for entry in blog.entries if getattr(entry, flag)]
    assert len(others) <= 3, others  # the labelled few, not every post


@pytest.mark.parametrize(
    ("label", "flag"),
    [
        ("Fastgjort", "pinned"),
        ("Fäst inlägg", "pinned"),
        ("Kiinnitetty", "pinned"),
        ("Festet", "pinned"),
        ("📌 Fixado", "pinned"),
        ("Vigtigt", "key_event"),
        ("Tärkeä", "key_event"),
        ("Viktig", "key_event"),
        ("⚡ Destaque", "key_event"),
        ("Importante", "key_event"),
        ("Urgente", "breaking"),
    ],
)
def test_post_labels_in_nordic_languages_and_portuguese(label: str, flag: str) -> None:
    assert label_flag(label) == flag


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Metro Network News’ Lalee Ibssa", ["Lalee Ibssa"]),
        ("CBS News' Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("From CNB’s Dana Ortiz", ["Dana Ortiz"]),
        ("Jay O’Brien", ["Jay O’Brien"]),
        ("Dana’s Kitchen", []),
    ],
)
def test_an_outlets_possessive_before_its_reporters_names_is_no_name(
    text: str, names: list[str]
) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lena Frei / watson", ["Lena Frei"]),
        ("Lena Frei, Marco Rossi / blitz", ["Lena Frei", "Marco Rossi"]),
    ],
)
def test_an_outlets_brand_in_lower_case_after_the_names_is_no_name(
    text: str, names: list[str]
) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ("Jane Doe and Tom Li", ["Jane Doe", "Tom Li"]),
        ("New York", []),
        ("Salt Lake City", []),
        ("Key Event", []),
        ("Canberra Times", []),
        ("Live Updates", []),
        ("Key Points", []),
        ("Fox News", []),
        ("The Guardian", []),
        ("Ana da Silva", ["Ana da Silva"]),
        ("Theresa May", ["Theresa May"]),
        ("Grace Park", ["Grace Park"]),
        ("Rio Ngumoha", ["Rio Ngumoha"]),
        ("Carla Hills", ["Carla Hills"]),
    ],
)
def test_a_name_after_a_posts_time_is_its_author_a_place_label_or_paper_is_not(
    text: str, names: list[str]
) -> None:
    assert names_after_time(text) == names
