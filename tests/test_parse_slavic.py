"""Croatian, Serbian, Slovenian, Russian, Ukrainian and Bulgarian live blogs, on small pages
of liveread's own read by the generic reader: the times written as text ("prije 5 minuta",
"jučer u 22:10", "5 минут назад", "вчера, 22:10", "18 июля 2024, 14:23", "5 хвилин тому",
"преди 5 минути", "pred 5 minutami") and the words that say a page is live."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liveread.parse import NotALiveBlog
from liveread.parse.textdays import read_day
from liveread.parse.textzones import zone_statement
from textpages import at, entry, marker, page, times


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("prije 5 minuta", 300),
        ("pre 12 minuta", 720),
        ("пре 12 минута", 720),
        ("Prije 2 sata", 7200),
        ("prije sat vremena", 3600),
        ("пре сат времена", 3600),
        ("pred 5 minutami", 300),
        ("pred uro", 3600),
        ("5 минут назад", 300),
        ("минуту назад", 60),
        ("час назад", 3600),
        ("2 часа назад", 7200),
        ("5 хвилин тому", 300),
        ("годину тому", 3600),
        ("преди 5 минути", 300),
        ("Преди час", 3600),
        ("только что", 0),
    ],
)
def test_times_ago(text: str, seconds: int) -> None:
    found = marker(text)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(
    ("text", "days_back", "hour", "minute"),
    [
        ("jučer u 22:10", 1, 22, 10),
        ("juče u 22:10", 1, 22, 10),
        ("јуче у 22:10", 1, 22, 10),
        ("Danas u 09:05", 0, 9, 5),
        ("včeraj ob 21:40", 1, 21, 40),
        ("вчера, 22:10", 1, 22, 10),
        ("Вчера в 22:10", 1, 22, 10),
        ("сегодня в 08:15", 0, 8, 15),
        ("вчора о 23:05", 1, 23, 5),
        ("днес, 10:20", 0, 10, 20),
    ],
)
def test_days_named_before_a_clock(text: str, days_back: int, hour: int, minute: int) -> None:
    found = marker(text)
    assert (found.kind, found.days_back, found.hour, found.minute) == (
        "clock",
        days_back,
        hour,
        minute,
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("18 июля 2024, 14:23", (2024, 7, 18)),
        ("18 июля 2024 в 14:23", (2024, 7, 18)),
        ("18 липня 2024, 14:23", (2024, 7, 18)),
        ("18 юли 2024, 14:23", (2024, 7, 18)),
        ("18. srpnja 2024. u 14:23", (2024, 7, 18)),
        ("18. jula 2024. u 14:23", (2024, 7, 18)),
        ("18. јула 2024. у 14:23", (2024, 7, 18)),
        ("18.07.2024. u 14:23", (2024, 7, 18)),
        ("18. julija 2024 ob 14:23", (2024, 7, 18)),
        ("18 юли 2024 г., 14:23", (2024, 7, 18)),
        ("18 июля 2024 года, 14:23", (2024, 7, 18)),
        ("18. srpnja 2024. godine u 14:23", (2024, 7, 18)),
    ],
)
def test_a_date_then_its_clock(text: str, day: tuple[int, int, int]) -> None:
    found = marker(text)
    assert found.kind == "moment" and found.day is not None
    assert (found.day.year, found.day.month, found.day.day, found.hour, found.minute) == (
        *day,
        14,
        23,
    )


def test_a_russian_page_that_calls_itself_online() -> None:
    blog = page(
        "https://news.example.ru/society/2024/07/18/navodnenie-onlajn",
        "ru",
        "Наводнение в Приморье — онлайн",
        "2024-07-18T14:31:00+03:00",
        entry(
            4,
            "5 минут назад",
            "Перекрыта трасса",
            "Полиция перекрыла трассу у моста через реку Уссури.",
        ),
        entry(
            3, "14:02", "Эвакуация", "Из двух сел вывезли более ста человек, сообщили спасатели."
        ),
        entry(
            2,
            "18 июля 2024, 09:30",
            "Поезда стоят",
            "Движение поездов между Уссурийском и Хабаровском приостановлено.",
        ),
        entry(
            1,
            "вчера, 22:10",
            "Штормовое",
            "Синоптики объявили штормовое предупреждение по всему краю.",
        ),
    )
    assert times(blog) == [
        at("2024-07-18T14:26:00+03:00"),
        at("2024-07-18T14:02:00+03:00"),
        at("2024-07-18T09:30:00+03:00"),
        at("2024-07-17T22:10:00+03:00"),
    ]


def test_a_croatian_page_that_calls_itself_uzivo() -> None:
    blog = page(
        "https://vijesti.example.hr/vijesti/uzivo-poplave-u-slavoniji-1840233",
        "hr",
        "UŽIVO Poplave u Slavoniji",
        "2024-07-18T14:31:00+02:00",
        entry(3, "prije 5 minuta", "Zatvorena cesta", "Policija je zatvorila cestu uz rijeku."),
        entry(2, "11:45", "Evakuacija", "Iz dva sela evakuirano je stotinu ljudi."),
        entry(1, "jučer u 22:10", "Upozorenje", "Meteorolozi su izdali crveno upozorenje."),
    )
    assert times(blog) == [
        at("2024-07-18T14:26:00+02:00"),
        at("2024-07-18T11:45:00+02:00"),
        at("2024-07-17T22:10:00+02:00"),
    ]


@pytest.mark.parametrize(
    ("language", "title"),
    [("uk", "Наживо: повінь на Закарпатті"), ("bg", "На живо: наводнението"), ("sl", "V živo")],
)
def test_pages_that_call_themselves_live(language: str, title: str) -> None:
    blog = page(
        "https://news.example.eu/live/2024/07/18/flood",
        language,
        title,
        "2024-07-18T14:31:00+03:00",
        entry(3, "14:20", "Три", "Рятувальники працюють на місці вже другу добу поспіль."),
        entry(2, "12:05", "Два", "Рятувальники працюють на місці вже другу добу поспіль."),
        entry(1, "09:40", "Один", "Рятувальники працюють на місці вже другу добу поспіль."),
    )
    assert len(blog.entries) == 3


def test_a_cinema_online_is_no_live_page() -> None:
    with pytest.raises(NotALiveBlog):
        page(
            "https://kino.example.ru/afisha/segodnya",
            "ru",
            "Онлайн-кинотеатр: расписание",
            "2024-07-18T14:31:00+03:00",
            entry(3, "14:20", "Фильм", "Новый фильм о приключениях в горах."),
            entry(2, "12:05", "Фильм", "Новый фильм о приключениях в горах."),
            entry(1, "09:40", "Фильм", "Новый фильм о приключениях в горах."),
        )


@pytest.mark.parametrize(
    ("note", "offset"),
    [
        ("Время владивостокское.", "+10:00"),
        ("Время указано екатеринбургское.", "+05:00"),
        ("Время по Москве.", "+03:00"),
    ],
)
def test_a_zone_stated_in_words_times_the_posts(note: str, offset: str) -> None:
    """A Russian page from Vladivostok states its zone as the city's time, "время
    владивостокское"; without it, a .ru page is read in Moscow's."""
    blog = page(
        "https://news.example.ru/primorye/2024/07/18/navodnenie-onlajn",
        "ru",
        "Наводнение в Приморье — онлайн",
        "2024-07-18T12:00:00Z",
        f"<p class='lead'>Главное о паводке — в нашей трансляции. {note}</p>",
        entry(2, "14:02", "Режим ЧС", "Губернатор ввел режим чрезвычайной ситуации в крае."),
        entry(1, "09:30", "Поезда стоят", "Поезда между Уссурийском и Хабаровском задерживаются."),
    )
    assert times(blog) == [at(f"2024-07-18T14:02{offset}"), at(f"2024-07-18T09:30{offset}")]


@pytest.mark.parametrize(
    "heading", ["18 июля 2024 г.", "Четверг, 18 июля 2024 г.", "18. srpnja 2024. godine"]
)
def test_a_day_heading_with_the_year_s_word(heading: str) -> None:
    assert read_day(heading) == date(2024, 7, 18)


@pytest.mark.parametrize(
    "text", ["В Омске часы перевели на час вперед.", "Они ездят по Москве весь день."]
)
def test_a_city_named_beside_the_word_for_time_states_no_zone(text: str) -> None:
    assert zone_statement(text) is None


@pytest.mark.parametrize("text", ["četvrtak u 22:10", "четвртак у 22:10"])
def test_a_serbian_weekday_in_either_script_before_a_clock(text: str) -> None:
    found = marker(text, "sr")
    assert (found.weekday, found.hour, found.minute) == (3, 22, 10)


@pytest.mark.parametrize(
    ("text", "month_day", "hour"),
    [("чт, 18 июля, 14:23", (7, 18), 14), ("Вс 21 июля 09:05", (7, 21), 9)],
)
def test_a_russian_weekday_shortened_before_a_date(
    text: str, month_day: tuple[int, int], hour: int
) -> None:
    found = marker(text, "ru")
    assert (found.kind, found.month_day, found.hour) == ("moment", month_day, hour)


@pytest.mark.parametrize(
    ("heading", "language", "month"),
    [
        ("Nedjelja, 20. listopada 2024.", "hr", 10),
        ("20. listopad 2024.", "hr-HR", 10),
        ("20 listopada 2024", "pl", 11),
        ("20. listopadu 2024", "cs", 11),
    ],
)
def test_listopad_is_october_on_a_croatian_page_only(
    heading: str, language: str, month: int
) -> None:
    assert read_day(heading, language) == date(2024, month, 20)


def test_a_croatian_date_in_october_then_its_clock() -> None:
    found = marker("20. listopada 2024. u 19:10", "hr")
    assert found.day == date(2024, 10, 20) and (found.hour, found.minute) == (19, 10)
