"""Danish, Norwegian, Finnish and Portuguese live blogs, on small pages of liveread's own
read by the generic reader: the words that say a page is live, the times written as text
("5 min. siden", "eilen klo 23.12", "16/02 às 01:52"), the labels above a post ("Vigtigt",
"Kiinnitetty", "Destaque"), read-more lines and the labels before a photo's credit."""

from __future__ import annotations

from datetime import UTC, datetime

from liveread.model import Image
from textpages import page


def post(number: int, header: str, title: str, body: str, extra: str = "") -> str:
    """A post whose header holds its labels and time, each in a span of its own with no
    space between them (so its text reads "Vigtigt41 min. siden")."""
    return (
        f"<div class='item' id='item-{number}'><div class='item__head'>{header}</div>"
        f"<h3>{title}</h3><p>{body}</p>{extra}</div>"
    )


def stamp(text: str) -> str:
    return f"<span class='item__time'>{text}</span>"


def tag(text: str) -> str:
    return f"<span class='item__tag'>{text}</span>"


def photo(caption: str, credit: str) -> str:
    return (
        "<figure><img src='https://img.example.net/a.jpg' alt=''>"
        f"<figcaption><span>{caption}</span> <span>{credit}</span></figcaption></figure>"
    )


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_a_page_that_says_direkte_with_short_timed_posts_is_read() -> None:
    blog = page(
        "https://nyheter.example.no/byen/streik-i-byen-1.2345",
        "nb",
        "Streik i byen – direkte",
        "2024-09-18T09:47:00+02:00",
        post(
            4,
            tag("Viktig") + stamp("5 min. siden"),
            "Nye avganger",
            "Flere tog kjører i dag, og banen går hvert femte minutt i rushtiden.",
        ),
        post(
            3,
            stamp("for 2 timer siden"),
            "Kø på veien",
            "Det er lang kø inn mot byen fra vest, og mange har valgt bilen i dag.",
        ),
        post(
            2,
            stamp("I dag 06:05"),
            "Streiken er i gang",
            "De første bussene står i garasjen, og nattbussene er innstilt i natt.",
        ),
        post(
            1,
            tag("Festet") + stamp("I går kl. 22.48"),
            "Brudd",
            "Det ble brudd i meklingen like før midnatt, sier forbundets leder.",
        ),
    )
    entries = {entry.title: entry for entry in blog.entries}
    assert [(title, entry.published) for title, entry in entries.items()] == [
        ("Nye avganger", at("2024-09-18T09:42:00+02:00")),
        ("Kø på veien", at("2024-09-18T07:47:00+02:00")),
        ("Streiken er i gang", at("2024-09-18T06:05:00+02:00")),
        ("Brudd", at("2024-09-17T22:48:00+02:00")),
    ]
    assert entries["Nye avganger"].key_event and entries["Brudd"].pinned
    assert [entry.text for entry in blog.entries] == [
        "Flere tog kjører i dag, og banen går hvert femte minutt i rushtiden.",
        "Det er lang kø inn mot byen fra vest, og mange har valgt bilen i dag.",
        "De første bussene står i garasjen, og nattbussene er innstilt i natt.",
        "Det ble brudd i meklingen like før midnatt, sier forbundets leder.",
    ]


def test_danish_labels_glued_to_their_times_read_more_and_credits() -> None:
    read_more = (
        "<p><strong>Læs også:</strong> <a href='/a/kaelder'>Sådan sikrer du din kælder</a></p>"
    )
    blog = page(
        "https://nyheder.example.dk/live/skybrud",
        "da",
        "LIVE: Skybrud over byen",
        "2024-06-13T11:05:00+02:00",
        post(
            4,
            tag("Vigtigt") + stamp("41 min. siden"),
            "Bliv hjemme",
            "Politiet opfordrer alle til at blive hjemme og undgå de oversvømmede veje.",
        ),
        post(
            3,
            stamp("kl. 09.12"),
            "Se billederne",
            "Vandet står flere steder op til bilernes døre på ringvejen i morges.",
            photo("Ringgaden torsdag morgen.", "Foto: Jens Holm / Bureau") + read_more,
        ),
        post(
            2,
            tag("Fastgjort") + stamp("i går kl. 23.41"),
            "Overblik",
            "Beredskabet har haft over 400 udrykninger siden aftenen, og flere veje er lukket.",
        ),
        post(
            1,
            stamp("i forgårs kl. 21.05"),
            "Varsel",
            "DMI varsler skybrud i løbet af aftenen med risiko for meget regn.",
        ),
    )
    entries = {entry.title: entry for entry in blog.entries}
    assert entries["Bliv hjemme"].published == at("2024-06-13T10:24:00+02:00")
    assert entries["Bliv hjemme"].key_event
    assert entries["Overblik"].published == at("2024-06-12T23:41:00+02:00")
    assert entries["Overblik"].pinned
    assert entries["Varsel"].published == at("2024-06-11T21:05:00+02:00")
    assert entries["Se billederne"].text == (
        "Vandet står flere steder op til bilernes døre på ringvejen i morges.\n\n"
        "Ringgaden torsdag morgen."
    )
    [image] = [block for block in entries["Se billederne"].blocks if isinstance(block, Image)]
    assert image.credit == "Jens Holm / Bureau"
    assert "Vigtigt" not in entries["Bliv hjemme"].text


def test_finnish_times_labels_read_more_and_credits() -> None:
    read_more = "<p><strong>Lue myös:</strong> <a href='/a/1'>Näin varaudut myrskyyn</a></p>"
    blog = page(
        "https://uutiset.example.fi/a/74-2012",
        "fi",
        "Lumimyräkkä sekoittaa liikenteen – seuranta",
        "2024-11-22T08:50:00+02:00",
        post(
            4,
            stamp("3 minuuttia sitten"),
            "Raitiovaunut liikkuvat",
            "Raitiolinjat kulkevat taas Kallion alueella, mutta vuoroväleissä on viiveitä.",
        ),
        post(
            3,
            tag("Tärkeä") + stamp("klo 8.15"),
            "Peräänajoja",
            "Kehällä on sattunut neljä peräänajoa, ja liikenne on pysähdyksissä länteen.",
            photo("Liikenne mateli aamulla.", "Kuva: Jussi Koivisto / Yle") + read_more,
        ),
        post(
            2,
            tag("Kiinnitetty") + stamp("tunti sitten"),
            "Tämä tiedetään",
            "Lunta on satanut paikoin yli 25 senttiä, ja liikenteessä on suuria häiriöitä.",
        ),
        post(
            1,
            stamp("eilen klo 23.12"),
            "Aurausautot liikkeellä",
            "Kaikki aurausautot ovat liikkeellä koko yön, ja pääväylät aurataan ensin.",
        ),
    )
    entries = {entry.title: entry for entry in blog.entries}
    assert entries["Raitiovaunut liikkuvat"].published == at("2024-11-22T08:47:00+02:00")
    assert entries["Peräänajoja"].published == at("2024-11-22T08:15:00+02:00")
    assert entries["Peräänajoja"].key_event
    assert entries["Tämä tiedetään"].published == at("2024-11-22T07:50:00+02:00")
    assert entries["Tämä tiedetään"].pinned
    assert entries["Aurausautot liikkeellä"].published == at("2024-11-21T23:12:00+02:00")
    assert entries["Peräänajoja"].text == (
        "Kehällä on sattunut neljä peräänajoa, ja liikenne on pysähdyksissä länteen.\n\n"
        "Liikenne mateli aamulla."
    )
    [image] = [block for block in entries["Peräänajoja"].blocks if isinstance(block, Image)]
    assert image.credit == "Jussi Koivisto / Yle"


def test_portuguese_times_after_a_date_and_a_day_labels_and_read_more() -> None:
    read_more = "<p><strong>Leia também:</strong> <a href='/a/1'>Quanto custa desfilar</a></p>"
    blog = page(
        "https://www.example.com.br/carnaval/desfiles.html",
        "pt-BR",
        "AO VIVO: Desfiles da primeira noite",
        "2026-02-16T03:05:00-03:00",
        post(
            5,
            stamp("há 5 minutos"),
            "A última escola encerra",
            "A última escola cruzou a dispersão sob aplausos e encerrou a primeira noite.",
        ),
        post(
            4,
            tag("Destaque") + stamp("16/02 às 01:52"),
            "Carro quebra",
            "O terceiro carro teve problema no eixo e precisou ser empurrado pela equipe.",
        ),
        post(
            3,
            stamp("15 de fevereiro às 23:48"),
            "Chuva fina",
            "Uma garoa começou a cair, mas as arquibancadas seguem lotadas nesta noite.",
            read_more,
        ),
        post(
            2,
            tag("Fixado") + stamp("15/02 as 20:00"),
            "Ordem dos desfiles",
            "Seis escolas passam pela avenida nesta primeira noite de desfiles.",
        ),
        post(
            1,
            stamp("Ontem, 19:30"),
            "Portões abertos",
            "Os portões do sambódromo foram abertos e as filas chegam a quarenta minutos.",
        ),
    )
    entries = {entry.title: entry for entry in blog.entries}
    assert entries["A última escola encerra"].published == at("2026-02-16T03:00:00-03:00")
    assert entries["Carro quebra"].published == at("2026-02-16T01:52:00-03:00")
    assert entries["Carro quebra"].key_event
    assert entries["Chuva fina"].published == at("2026-02-15T23:48:00-03:00")
    assert (
        entries["Chuva fina"].text
        == "Uma garoa começou a cair, mas as arquibancadas seguem lotadas nesta noite."
    )
    assert entries["Ordem dos desfiles"].pinned
    assert entries["Portões abertos"].published == at("2026-02-15T19:30:00-03:00")


def test_a_portuguese_page_that_says_ao_minuto_with_short_timed_posts_is_read() -> None:
    """Portugal's "ao minuto" (minute by minute) says a page is live, as Brazil's "ao vivo"."""
    blog = page(
        "https://www.jornal.example.pt/2024/10/21/sociedade/tempestade-2100000",
        "pt-PT",
        "Tempestade ao minuto: avisos vermelhos em Lisboa",
        "2024-10-21T14:40:00+01:00",
        post(
            4,
            stamp("há 5 minutos"),
            "Metro encerra",
            "O metro encerrou três estações da linha azul.",
        ),
        post(3, stamp("14h02"), "Aviso vermelho", "O IPMA mantém o aviso vermelho até às 21h00."),
        post(
            2, stamp("11h30"), "Escolas fechadas", "Várias escolas foram encerradas por precaução."
        ),
        post(
            1,
            stamp("ontem, 22h45"),
            "Alerta máximo",
            "A Proteção Civil elevou o alerta para vermelho.",
        ),
    )
    assert [entry.published for entry in blog.entries] == [
        at("2024-10-21T14:35:00+01:00"),
        at("2024-10-21T14:02:00+01:00"),
        at("2024-10-21T11:30:00+01:00"),
        at("2024-10-20T22:45:00+01:00"),
    ]
