"""The cleaner on the live blogs of tests/fixtures/generic, pages in nine languages: what their
posts carry as promotion or furniture is gone from every post, removed by the rule that names
it, and pictures and video players come out as what they are.

Where a page's header furniture may also be taken out by the reader before the cleaner sees it
(a label, a byline), only its absence is checked.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from liveread.model import Embed, Image, LiveBlog
from liveread.parse import parse

FIXTURES = Path(__file__).parent / "fixtures" / "generic"

LEAKS: list[tuple[str, str, str | None]] = [
    # page, what a post carried, the rule that removes it (None: any)
    ("at_prozess_ticker_landesgericht", "Werbung", "ad label"),
    ("at_prozess_ticker_landesgericht", "Jetzt Alpenrundschau PLUS lesen", "subscription prompt"),
    ("at_prozess_ticker_landesgericht", "Jetzt abonnieren", "subscription prompt"),
    ("at_prozess_ticker_landesgericht", "Eilmeldung", None),
    ("at_prozess_ticker_landesgericht", "Angeheftet", None),
    ("au_election_results_ticker", "Get our election wrap in your inbox", "newsletter"),
    ("br_microdata_apagao_ao_vivo", "Leia também Calor recorde", "teaser card"),
    ("br_microdata_apagao_ao_vivo", "Compartilhar no WhatsApp", "share tools"),
    ("br_microdata_apagao_ao_vivo", "Destaque", None),
    ("de_lokalzeitung_unwetter_ticker", "Lesen Sie auch: Unwetter-Bilanz", "read more"),
    ("de_lokalzeitung_unwetter_ticker", "Der Lahntal-Anzeiger-Newsletter", "newsletter"),
    ("de_lokalzeitung_unwetter_ticker", "Sie wollen keine Nachricht aus dem", "whatsapp prompt"),
    ("de_lokalzeitung_unwetter_ticker", "Anzeige", "ad label"),
    ("de_lokalzeitung_unwetter_ticker", "Video wird geladen", None),
    ("de_wochenzeitung_liveblog_tickaroo_embed_iframe", "Mehr zum Thema", "aside"),
    ("de_wochenzeitung_liveblog_tickaroo_embed_iframe", "abopflichtiger Inhalt", "teaser card"),
    ("de_wochenzeitung_liveblog_tickaroo_embed_iframe", "Link kopieren", None),
    ("de_wochenzeitung_liveblog_tickaroo_embed_iframe", "Angepinnt", None),
    ("en_us_newspaper_arc_live", "Link copied", "share tools"),
    ("en_us_newspaper_arc_live", "Bridges across the region are aging", "read more"),
    ("en_us_newspaper_arc_live", "Pinned", None),
    ("es_directo_fichajes", "Te puede interesar: Calendario", "read more"),
    ("es_directo_fichajes", "hace 2 horas", None),
    ("fr_regional_ouest_direct_flat", "À lire aussi : Coupure", "read more"),
    ("fr_regional_ouest_direct_flat", "Publicité", "ad label"),
    ("fr_regional_ouest_direct_flat", "Tempête : comment déclarer", None),
    ("fr_regional_incendie_direct", "À lire aussi : Incendies", "read more"),
    ("fr_regional_incendie_direct", "Recevez chaque matin", "newsletter"),
    ("fr_regional_incendie_direct", "Je m'inscris", None),  # the end of its box's text
    ("fr_regional_incendie_direct", "Publicité", "ad label"),
    ("fr_regional_incendie_direct", "Cliquez pour lancer la vidéo", None),
    ("fr_regional_incendie_direct", "Essentiel", None),
    ("ie_flat_headings_ploughing", "Farming Ledger newsletter", "newsletter"),
    ("ie_flat_headings_ploughing", "Get the week's farming news", "newsletter"),
    ("ie_flat_headings_ploughing", "Read more: How to get to the Ploughing", "read more"),
    ("in_oldest_first_agm_live", "Also Read: Infra stocks rally", "read more"),
    ("in_oldest_first_agm_live", "Share on WhatsApp", "share tools"),
    ("in_oldest_first_agm_live", "ADVERTISEMENT", "ad label"),
    ("in_oldest_first_agm_live", "Highlight", None),
    ("it_diretta_esodo_estivo", "Leggi anche Vacanze", "teaser card"),
    ("it_diretta_esodo_estivo", "Ogni mattina le notizie della Toscana", "newsletter"),
    ("it_diretta_esodo_estivo", "Pubblicità", "ad label"),
    ("nl_liveblog_strandfestival", "Lees ook: NS zet extra treinen", "read more"),
    ("nl_liveblog_strandfestival", "Advertentie", "ad label"),
    ("nl_liveblog_strandfestival", "Vastgepind", None),
    ("nl_liveblog_strandfestival", "Net binnen", None),
    ("pl_relacja_strajk_komunikacji", "Zobacz też: Nowe bilety", "read more"),
    ("pl_relacja_strajk_komunikacji", "REKLAMA", "ad label"),
    ("pl_relacja_strajk_komunikacji", "Pobierz aplikację Gazety", "app prompt"),
    ("se_direktrapport_kustregattan", "Läs också: Så följer du", "read more"),
    ("se_direktrapport_kustregattan", "Annons", "ad label"),
    ("se_direktrapport_kustregattan", "Läs allt från Kustbladet", "subscription prompt"),
    ("se_direktrapport_kustregattan", "Viktigt", None),
    ("uk_nextjs_markets_live", "Key event", None),
    ("us_network_storm_live_updates", "Related article Power outage map", "teaser card"),
    ("us_network_storm_live_updates", "Read more: What to pack", "read more"),
    ("us_network_storm_live_updates", "Link Copied!", "share tools"),
]


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@cache
def page(name: str) -> LiveBlog:
    truth = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return parse((FIXTURES / truth["file"]).read_bytes(), truth["page"]["url"])


@pytest.mark.parametrize(("name", "phrase", "rule"), LEAKS, ids=lambda v: str(v)[:32])
def test_promotion_and_furniture_leave_every_post(name: str, phrase: str, rule: str | None) -> None:
    blog = page(name)
    wanted = norm(phrase)
    assert not [entry.key for entry in blog.entries if wanted in norm(entry.text)]
    # Where the cleaner removed it from a post (a box between posts may be no part of any
    # post), the rule that did is the one that names it.
    rules = {r.rule for r in blog.removals if wanted in norm(r.text)}
    if rule is not None and rules:
        assert rule in rules, f"{phrase!r} removed by {rules}"


def test_the_leaks_checked_are_promotion_the_truth_names() -> None:
    """Each phrase above is one the page's truth lists as promotion or furniture, or a byline
    or meta row above a post's text."""
    for name, phrase, _ in LEAKS:
        truth = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        named = [norm(promo) for promo in truth["promo_phrases"]]
        assert any(norm(phrase) in promo or promo in norm(phrase) for promo in named) or (
            phrase == "hace 2 horas"
        ), (name, phrase)


@pytest.mark.parametrize(
    ("name", "caption", "credit"),
    [
        (
            "de_lokalzeitung_unwetter_ticker",
            "Einsatzkräfte pumpen in der Hasselfelder Mühlgasse einen Keller leer.",
            "Jana Keller",
        ),
        (
            "es_directo_fichajes",
            "Rubén Sotillo firma su renovación en las oficinas del club.",
            "Unión Almendralejo",
        ),
        (
            "ie_flat_headings_ploughing",
            "Declan Moloney on the competition plot after his win.",
            "Ciarán Daly",
        ),
        (
            "pl_relacja_strajk_komunikacji",
            "Pasażerowie czekający na przystanku przy placu Wolności.",
            "Anna Zielińska",
        ),
        (
            "se_direktrapport_kustregattan",
            "Startfältet i den stora klassen strax efter startskottet.",
            "Jonas Berg",
        ),
        (
            "fr_regional_ouest_direct_flat",
            "Un canot échoué sur la cale du port de Locmaruec, mardi après-midi.",
            "Gwenaëlle Tanguy / Ouest",
        ),
        (
            "br_microdata_apagao_ao_vivo",
            "O prefeito Otávio Lins durante entrevista na sede da Defesa Civil.",
            "Bruno Teixeira/Folha do Planalto",
        ),
        (
            "de_wochenzeitung_liveblog_tickaroo_embed_iframe",
            "Leere Abflughalle im Terminal 2 des Flughafens Hallstedt am Donnerstagmittag.",
            "Mirko Tessendorf/dpa",
        ),
        (
            "en_us_newspaper_arc_live",
            "Tugboats hold the grain barge Marjorie K. against the current beside the damaged pier"
            " on Thursday afternoon.",
            "Rosa Delgado/The Capital Courier",
        ),
    ],
)
def test_a_pictures_credit_stays_with_it_and_out_of_the_text(
    name: str, caption: str, credit: str
) -> None:
    blog = page(name)
    images = [block for entry in blog.entries for block in entry.blocks if isinstance(block, Image)]
    assert (caption, credit) in [(image.caption, image.credit) for image in images]
    assert not [image for image in images if image.credit and image.credit in image.text]


@pytest.mark.parametrize(
    ("name", "video"),
    [
        ("de_lokalzeitung_unwetter_ticker", "/bilder/2024/07/17/pegel-lindenau.mp4"),
        ("fr_regional_incendie_direct", "/photos/2024/07/19/front-de-feu.mp4"),
        ("us_network_storm_live_updates", "/images/2024/07/16/landfall-radar.mp4"),
    ],
)
def test_a_video_player_is_one_video_embed(name: str, video: str) -> None:
    embeds = [
        block for entry in page(name).entries for block in entry.blocks if isinstance(block, Embed)
    ]
    videos = [embed for embed in embeds if embed.provider == "video"]
    assert [embed.url and embed.url.endswith(video) for embed in videos] == [True]


def test_no_avatar_is_left_as_a_picture_of_a_post() -> None:
    images = [
        block
        for entry in page("pl_relacja_strajk_komunikacji").entries
        for block in entry.blocks
        if isinstance(block, Image)
    ]
    assert images and not [image.src for image in images if image.src and "/autorzy/" in image.src]
