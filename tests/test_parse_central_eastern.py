"""Czech, Slovak, Romanian, Turkish, Greek and Hungarian live blogs, on small pages of
liveread's own read by the generic reader: the times written as text ("před 6 minutami", "Ora
12:40", "17 Ekim 2024 13:40", "πριν από 12 λεπτά", "včera 23:10", "12 perce", "2024. szeptember
20. 11:15") and the words that say a page is live."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liveread.parse.textdays import read_day
from liveread.parse.textmarkers import read_marker
from textpages import at, entry, marker, page, times


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("před 6 minutami", 360),
        ("Před 2 hodinami", 7200),
        ("pred 8 minútami", 480),
        ("Pred 3 hodinami", 10800),
        ("acum 9 minute", 540),
        ("acum 2 ore", 7200),
        ("5 dakika önce", 300),
        ("3 saat önce", 10800),
        ("πριν από 12 λεπτά", 720),
        ("Πριν 2 ώρες", 7200),
        ("ΠΡΙΝ ΑΠΟ 12 ΛΕΠΤΑ", 720),  # capitals without their accents
        ("před hodinou", 3600),  # a unit alone is one of it
        ("Před minutou", 60),
        ("pred hodinou", 3600),
    ],
)
def test_times_ago(text: str, seconds: int) -> None:
    found = marker(text)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(
    ("text", "language", "days_back", "hour", "minute"),
    [
        ("včera 23:10", "cs", 1, 23, 10),
        ("Dnes 09:15", "cs", 0, 9, 15),
        ("dün 22:10", "tr", 1, 22, 10),
        ("Bugün, 08:05", "tr", 0, 8, 5),
        ("azi, 14:20", "ro", 0, 14, 20),
        ("χθες 23:50", "el", 1, 23, 50),
        ("ma 14:23", "hu", 0, 14, 23),
    ],
)
def test_days_named_before_a_clock(
    text: str, language: str, days_back: int, hour: int, minute: int
) -> None:
    found = marker(text, language)
    assert (found.kind, found.days_back, found.hour, found.minute) == (
        "clock",
        days_back,
        hour,
        minute,
    )


@pytest.mark.parametrize(
    ("text", "month_day", "hour", "minute"),
    [
        ("14. ledna 13:15", (1, 14), 13, 15),
        ("18. júla 10:15", (7, 18), 10, 15),
        ("17 iulie 23:35", (7, 17), 23, 35),
        ("17 Ekim 13:40", (10, 17), 13, 40),
        ("3 Aralık 09:00", (12, 3), 9, 0),
        ("17 MAYIS 13:40", (5, 17), 13, 40),
        ("11 Αυγούστου 23:50", (8, 11), 23, 50),
        ("Κυριακή 11 Αυγούστου, 19:40", (8, 11), 19, 40),
        ("13 Αυγ, 14:23", (8, 13), 14, 23),
        ("2 Δεκ 09:10", (12, 2), 9, 10),
    ],
)
def test_a_date_then_its_clock(
    text: str, month_day: tuple[int, int], hour: int, minute: int
) -> None:
    found = marker(text)
    assert (found.kind, found.month_day, found.hour, found.minute) == (
        "moment",
        month_day,
        hour,
        minute,
    )


@pytest.mark.parametrize(
    ("text", "hour", "minute"), [("Ora 12:40", 12, 40), ("Saat 14.23", 14, 23)]
)
def test_a_word_for_the_hour_before_a_clock(text: str, hour: int, minute: int) -> None:
    found = marker(text)
    assert (found.kind, found.hour, found.minute) == ("clock", hour, minute)


@pytest.mark.parametrize("text", ["Ora 2 persone sono ferite", "Saat 3 kişi yaralandı"])
def test_a_word_for_the_hour_before_a_bare_number_is_no_clock(text: str) -> None:
    assert read_marker(text) is None


def test_a_romanian_page_with_times_after_ora_and_acum() -> None:
    blog = page(
        "https://stiri.example.ro/actualitate/live-text-inundatii-2954117",
        "ro",
        "LIVE TEXT Inundații în Galați",
        "2024-07-18T13:52:00+03:00",
        entry(
            4, "acum 9 minute", "Drum închis", "Poliția a închis drumul dintre Galați și Brăila."
        ),
        entry(3, "Ora 12:40", "Un pod avariat", "Apa a avariat podul de la intrarea în oraș."),
        entry(2, "Ora 09:20", "Școli închise", "Elevii din trei comune rămân acasă joi."),
        entry(1, "Ora 23:35", "Cod roșu de ploi", "Meteorologii au emis un cod roșu pentru județ."),
    )
    assert times(blog) == [
        at("2024-07-18T13:43:00+03:00"),
        at("2024-07-18T12:40:00+03:00"),
        at("2024-07-18T09:20:00+03:00"),
        at("2024-07-17T23:35:00+03:00"),
    ]


def test_a_turkish_page_with_written_dates() -> None:
    blog = page(
        "https://haber.example.com.tr/gundem/canli-deprem-42718833",
        "tr",
        "CANLI | Depremde son durum",
        "2024-10-17T13:47:00+03:00",
        entry(
            3,
            "17 Ekim 2024 13:40",
            "Okullar tatil",
            "Valilik yarın okulların kapalı olacağını açıkladı.",
        ),
        entry(
            2,
            "17 Ekim 2024 11:02",
            "Artçı sarsıntı",
            "Kandilli 4,2 büyüklüğünde bir artçı kaydetti.",
        ),
        entry(
            1,
            "16 Ekim 2024 23:12",
            "İlk açıklama",
            "AFAD depremin 11 kilometre derinlikte olduğunu bildirdi.",
        ),
    )
    assert times(blog) == [
        at("2024-10-17T13:40:00+03:00"),
        at("2024-10-17T11:02:00+03:00"),
        at("2024-10-16T23:12:00+03:00"),
    ]


def test_a_czech_page_that_calls_itself_online() -> None:
    blog = page(
        "https://zpravy.example.cz/domaci/online-povodne-40491827",
        "cs",
        "ONLINE: Povodně na Opavsku",
        "2025-01-15T14:31:00+01:00",
        entry(4, "před 6 minutami", "Mosty uzavřeny", "Radnice uzavřela dva mosty přes řeku."),
        entry(3, "14:02", "Krizový štáb", "Hejtman svolal na odpoledne krizový štáb."),
        entry(2, "09:30", "Vlaky nejezdí", "Správa železnic zastavila provoz na trati."),
        entry(1, "včera 21:05", "Výstraha", "Meteorologové vydali výstrahu před povodněmi."),
    )
    assert times(blog) == [
        at("2025-01-15T14:25:00+01:00"),
        at("2025-01-15T14:02:00+01:00"),
        at("2025-01-15T09:30:00+01:00"),
        at("2025-01-14T21:05:00+01:00"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("12 perce", 720), ("2 órája", 7200), ("3 napja", 259200), ("5 perccel ezelőtt", 300)],
)
def test_hungarian_times_ago(text: str, seconds: int) -> None:
    found = marker(text, "hu")
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize("text", ["perce", "a perce", "12 perce ezelőtt", "vor 12 perce"])
def test_a_unit_that_says_ago_needs_its_amount_alone(text: str) -> None:
    assert read_marker(text, "hu") is None


@pytest.mark.parametrize(
    "text",
    [
        "2024. szeptember 20. 11:15",
        "2024. szept. 20., 11:15",
        "2024.09.20. 11:15",
        "2024. 09. 20. 11:15",
    ],
)
def test_a_date_written_year_first_then_its_clock(text: str) -> None:
    found = marker(text, "hu")
    assert (found.kind, found.day, found.hour, found.minute) == (
        "moment",
        date(2024, 9, 20),
        11,
        15,
    )
    assert text[found.end :] == ""


@pytest.mark.parametrize("text", ["2024. szeptember 20 11:15", "2024. volt a legmelegebb év"])
def test_a_year_first_without_its_day_s_dot_is_no_date(text: str) -> None:
    assert read_marker(text, "hu") is None


def test_a_day_heading_written_year_first() -> None:
    assert read_day("2024. szeptember 19.", "hu") == date(2024, 9, 19)


def test_a_hungarian_page_with_times_ago_and_year_first_dates() -> None:
    blog = page(
        "https://hirek.example.hu/belfold/2024/09/20/arviz-percrol-percre",
        "hu",
        "Percről percre: árvíz a Dunán",
        "2024-09-20T12:41:00+02:00",
        entry(
            4,
            "12 perce",
            "Lezárták a rakpartot",
            "A pesti alsó rakpartot teljesen lezárták a hidak között.",
        ),
        entry(
            3,
            "2024. szeptember 20. 11:15",
            "Árad a Duna",
            "A Vigadó téri vízmérce 851 centimétert mutatott délelőtt.",
        ),
        entry(
            2,
            "tegnap 23:20",
            "Éjszakai védekezés",
            "A Római-parton éjszaka is dolgoznak a védekezők.",
        ),
        entry(
            1,
            "2024. szeptember 19. 18:30",
            "Kezdés",
            "Ebben a cikkben követjük az árvízhelyzet alakulását.",
        ),
    )
    assert times(blog) == [
        at("2024-09-20T12:29:00+02:00"),
        at("2024-09-20T11:15:00+02:00"),
        at("2024-09-19T23:20:00+02:00"),
        at("2024-09-19T18:30:00+02:00"),
    ]


@pytest.mark.parametrize("text", ["Pred 19. hodinou vypukol požiar", "Pred 5 rokmi tu stála škola"])
def test_a_slovak_before_with_no_time_ago_is_none(text: str) -> None:
    assert read_marker(text, "sk") is None


@pytest.mark.parametrize(("text", "language"), [("ma 14:23", "it"), ("ma 14:23", None)])
def test_ma_is_today_only_on_a_hungarian_page(text: str, language: str | None) -> None:
    found = read_marker(text, language)
    assert found is None or found.days_back is None
