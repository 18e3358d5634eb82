"""A page's bytes decoded as a browser would, whether fetched or read from a saved file
(the fetcher's own cases, over a loopback server, are in test_fetch.py)."""

from __future__ import annotations

from liveread.encoding import DECLARATION_SCAN, decode_page
from liveread.parse import parse

TICKER = """<!doctype html><html lang="de"><head>{declaration}
<title>Sturm im Liveticker</title>
<link rel="canonical" href="https://zeitung.example.de/sturm-liveticker"></head><body>
<h1>Sturm im Liveticker: Böen bis 120 km/h</h1><div class="ticker">{posts}</div></body></html>"""
POST = (
    '<div class="ticker-eintrag" id="e{n}"><span class="zeit">1{n}:05 Uhr</span>'
    "<h3>Überschrift {n}: Straßen gesperrt</h3><p>{body} Die Behörden nennen noch keine "
    "Zeit für die Öffnung der Straßen.</p></div>"
)
BODIES = (
    "Die Feuerwehr räumt umgestürzte Bäume von der Ringstraße.",
    "Schulen im Norden des Kreises bleiben am Freitag geschlossen.",
    "Der Fluss an der alten Mühle steigt über die Warnmarke.",
    "Meteorologen erwarten die stärksten Böen an der Küste.",
)


def ticker(declaration: str) -> str:
    posts = "".join(
        POST.format(n=n, body=body) for n, body in zip((4, 3, 2, 1), BODIES, strict=True)
    )
    return TICKER.format(declaration=declaration, posts=posts)


def test_a_page_saved_in_the_charset_its_meta_declares_is_read_in_it() -> None:
    for declaration, codec in [
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1252"),
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta charset="iso-8859-15">', "iso-8859-15"),
    ]:
        blog = parse(ticker(declaration).encode(codec), "https://zeitung.example.de/x")
        assert blog.entries[0].title == "Überschrift 4: Straßen gesperrt"
        assert blog.entries[1].text.startswith(BODIES[1])


def test_latin1_is_read_as_windows_1252_as_browsers_do() -> None:
    page = '<meta charset="ISO-8859-1"><p>„Sturmtief“ – 5 €</p>'
    assert decode_page(page.encode("cp1252")) == page


def test_the_server_charset_wins_over_the_declared_one() -> None:
    page = '<meta charset="utf-8"><p>Perché</p>'
    assert decode_page(page.encode("latin-1"), "iso-8859-1") == page


def test_utf8_bytes_are_utf8_whatever_the_page_declares() -> None:
    page = '<meta charset="iso-8859-1"><p>Zürich – 10°C</p>'
    assert decode_page(page.encode()) == page


def test_a_declaration_after_long_scripts_in_the_head_is_found() -> None:
    scripts = "<script>var a = 1;</script>" * 400
    page = ticker(scripts + '<meta charset="windows-1252">')
    assert 4096 < page.index("charset") < DECLARATION_SCAN
    assert decode_page(page.encode("cp1252")) == page


def test_an_xml_declaration_names_the_encoding_of_an_xhtml_page() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-1"?><html><p>Grüße</p></html>'
    assert decode_page(page.encode("latin-1")) == page


def test_a_bom_wins_and_bytes_that_fit_nothing_become_replacements() -> None:
    assert decode_page("\ufeff<p>Grüße</p>".encode("utf-16-be")) == "<p>Grüße</p>"
    assert decode_page(b"<p>ok \xff broken</p>") == "<p>ok \ufffd broken</p>"
    assert decode_page(b'<meta charset="nope"><p>\xe9</p>') == '<meta charset="nope"><p>\ufffd</p>'
