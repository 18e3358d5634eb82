"""Live blogs in Hindi and other languages of scripts and regions the first rounds left out,
on small pages of liveread's own read by the generic reader: the times written as text
("5 मिनट पहले", "21 अक्टूबर 2024, 11:15 IST") and the prose their posts are written in."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liveread.parse import NotALiveBlog
from textpages import at, entry, marker, page, times


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5 मिनट पहले", 300),
        ("2 घंटे पहले", 7200),
        ("एक घंटा पहले", 3600),
        ("3 दिन पहले", 3 * 86400),
        ("अभी-अभी", 0),
    ],
)
def test_hindi_times_ago(text: str, seconds: int) -> None:
    found = marker(text, "hi")
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


def test_a_hindi_date_then_its_clock_and_yesterday() -> None:
    found = marker("21 अक्टूबर 2024, 11:15 IST", "hi")
    assert (found.day, found.hour, found.minute) == (date(2024, 10, 21), 11, 15)
    # The month first: a word whose virama ("क्ट") folding must keep to be known as a lead.
    found = marker("अक्टूबर 21, 2024 14:23 IST", "hi")
    assert (found.day, found.hour, found.minute) == (date(2024, 10, 21), 14, 23)
    found = marker("कल 22:10", "hi")
    assert (found.days_back, found.hour, found.minute) == (1, 22, 10)


def test_a_hindi_live_blog() -> None:
    """Devanagari's vowel signs are no letters to `\\w` nor to `str.isalpha`: the units of
    "2 घंटे पहले" and the words of a sentence ending in "।" are read whole all the same."""
    blog = page(
        "https://www.samachar.example.in/city/barish-live",
        "hi",
        "बारिश LIVE: शहर में भारी बारिश",
        "2024-10-21T14:40:00+05:30",
        entry(
            4, "5 मिनट पहले", "ट्रेनें देरी से", "रेलवे ने बताया कि पटरियों पर पानी भरने से ट्रेनें देरी से चल रही हैं।"
        ),
        entry(3, "2 घंटे पहले", "स्कूल बंद", "नगर निगम ने सोमवार को सभी स्कूलों में छुट्टी घोषित कर दी है।"),
        entry(
            2,
            "21 अक्टूबर 2024, 09:02 IST",
            "अलर्ट",
            "मौसम विभाग ने अगले दो दिनों के लिए भारी बारिश की चेतावनी जारी की है।",
        ),
        entry(
            1, "कल 23:30", "रात भर बारिश", "शहर के कई इलाकों में रविवार रात से लगातार बारिश हो रही है।"
        ),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+05:30"),
        at("2024-10-21T12:40:00+05:30"),
        at("2024-10-21T09:02:00+05:30"),
        at("2024-10-20T23:30:00+05:30"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("منذ 5 دقائق", 300), ("منذ ٥ دقائق", 300), ("منذ ساعة", 3600), ("منذ ٣ ساعات", 3 * 3600)],
)
def test_arabic_times_ago_in_either_digits(text: str, seconds: int) -> None:
    found = marker(text, "ar")
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(
    ("text", "days_back", "hour", "minute"),
    [("١٤:٠٥", None, 14, 5), ("٠٩:٤٨", None, 9, 48), ("أمس ٢٢:١٠", 1, 22, 10)],
)
def test_arabic_indic_digits_in_a_clock(
    text: str, days_back: int | None, hour: int, minute: int
) -> None:
    found = marker(text, "ar")
    assert (found.days_back, found.hour, found.minute) == (days_back, hour, minute)


def test_an_arabic_live_blog_in_mecca_s_time() -> None:
    """A site of no country (.net) in a language of many, its dates in UTC: the page's
    "بتوقيت مكة المكرمة" names the zone its clocks are in."""
    blog = page(
        "https://www.akhbar.example.net/liveblog/2024/10/21/tatawurat",
        "ar",
        "مباشر.. تطورات الأحداث لحظة بلحظة",
        "2024-10-21T11:40:00Z",
        "<p class='note'>جميع الأوقات بتوقيت مكة المكرمة</p>",
        entry(3, "منذ ٥ دقائق", "دعوة لوقف النار", "دعا الأمين العام إلى وقف فوري لإطلاق النار."),
        entry(2, "١٤:٠٥", "وصول قافلة", "قال مسؤولون إن قافلة تضم ٤٠ شاحنة وصلت إلى المعبر."),
        entry(1, "٠٩:٤٨", "بدء التغطية", "نتابع في هذه التغطية آخر التطورات الميدانية والسياسية."),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+03:00"),
        at("2024-10-21T14:05:00+03:00"),
        at("2024-10-21T09:48:00+03:00"),
    ]
    assert blog.entries[1].text.startswith("قال مسؤولون إن قافلة تضم ٤٠")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("לפני 5 דקות", 300), ("לפני שעה", 3600), ("לפני 3 שעות", 3 * 3600), ("לפני דקה", 60)],
)
def test_hebrew_times_ago(text: str, seconds: int) -> None:
    found = marker(text, "he")
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


def test_a_hebrew_live_blog() -> None:
    blog = page(
        "https://www.hadashot.example.co.il/news/article/live-rain",
        "he",
        "עדכונים שוטפים: סערת גשמים",
        "2024-10-21T14:40:00+03:00",
        entry(4, "לפני 5 דקות", "כביש נחסם", "המשטרה חסמה את הכביש בשל הצטברות מים במחלף."),
        entry(3, "לפני שעה", "גשם עד הערב", "השירות המטאורולוגי מסר כי הגשמים יימשכו עד הערב."),
        entry(2, "12:02", "הרכבות הופסקו", "הרכבת הודיעה על הפסקת התנועה בקו עקב נפילת עץ."),
        entry(1, "אתמול 22:10", "סערה בדרך", "חזאים מעריכים כי זו אחת הסערות החזקות של השנים."),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+03:00"),
        at("2024-10-21T13:40:00+03:00"),
        at("2024-10-21T12:02:00+03:00"),
        at("2024-10-20T22:10:00+03:00"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("5 menit yang lalu", 300), ("2 jam yang lalu", 7200), ("3 hari lalu", 3 * 86400)],
)
def test_indonesian_and_malay_times_ago(text: str, seconds: int) -> None:
    found = marker(text, "id")
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


def test_an_indonesian_live_blog_on_a_site_of_no_country_in_wib() -> None:
    """A .com site: the zone is the one the posts' own "WIB" names, or the language's."""
    blog = page(
        "https://news.berita.example.com/d-7600123/live-update-banjir",
        "id",
        "LIVE UPDATE: Banjir Jakarta Hari Ini",
        "2024-10-21T07:40:00Z",
        entry(
            4,
            "5 menit yang lalu",
            "Air Capai 2 Meter",
            "Ketinggian air di Kampung Melayu mencapai 2 meter.",
        ),
        entry(
            3,
            "Senin, 21 Okt 2024 13:50 WIB",
            "Posko Dibuka",
            "Pemprov membuka 30 posko pengungsian di lima wilayah.",
        ),
        entry(
            2,
            "kemarin 22:30",
            "Hujan Lebat",
            "BMKG memperingatkan hujan lebat disertai petir hingga pagi.",
        ),
        entry(
            1,
            "Minggu, 20 Okt 2024 20:15 WIB",
            "Siaga 1",
            "Tinggi muka air di Pintu Air Manggarai mencapai 950 cm.",
        ),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+07:00"),
        at("2024-10-21T13:50:00+07:00"),
        at("2024-10-20T22:30:00+07:00"),
        at("2024-10-20T20:15:00+07:00"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds", "language"),
    [("fa 5 minuts", 300, "ca"), ("fa 2 hores", 7200, "ca"), ("3 ore fa", 3 * 3600, "it")],
)
def test_catalan_fa_before_the_amount_and_italian_fa_after_it(
    text: str, seconds: int, language: str
) -> None:
    found = marker(text, language)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


def test_a_catalan_live_blog() -> None:
    """A .cat site names no country: the language names Spain's (peninsular) time."""
    blog = page(
        "https://www.diari.example.cat/societat/directe-temporal",
        "ca",
        "Temporal de pluja a Catalunya, en directe",
        "2024-10-21T12:40:00Z",
        entry(
            3,
            "fa 5 minuts",
            "Tallada l'AP-7",
            "El Servei Català de Trànsit ha tallat l'AP-7 en tots dos sentits.",
        ),
        entry(
            2,
            "14:02",
            "Rodalies suspèn la R2",
            "Renfe ha suspès la circulació de trens de la R2 Sud.",
        ),
        entry(
            1,
            "Ahir, 22:45",
            "Avís vermell",
            "El Meteocat ha emès un avís vermell per pluges intenses.",
        ),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+02:00"),
        at("2024-10-21T14:02:00+02:00"),
        at("2024-10-20T22:45:00+02:00"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds", "language"),
    [
        ("prieš 5 min.", 300, "lt"),
        ("prieš 2 val.", 7200, "lt"),
        ("prieš valandą", 3600, "lt"),
        ("pirms 5 minūtēm", 300, "lv"),
        ("pirms 2 stundām", 7200, "lv"),
        ("5 minutit tagasi", 300, "et"),
        ("2 tundi tagasi", 7200, "et"),
    ],
)
def test_baltic_times_ago(text: str, seconds: int, language: str) -> None:
    found = marker(text, language)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(
    ("text", "language"), [("vakar 23:50", "lt"), ("vakar 23:50", "lv"), ("eile 23:50", "et")]
)
def test_baltic_yesterday_before_a_clock(text: str, language: str) -> None:
    found = marker(text, language)
    assert (found.days_back, found.hour, found.minute) == (1, 23, 50)


def test_a_lithuanian_live_blog() -> None:
    blog = page(
        "https://www.naujienos.example.lt/news/tiesiogiai-rinkimai",
        "lt",
        "TIESIOGIAI. Seimo rinkimų antrasis turas",
        "2024-10-21T14:40:00+03:00",
        entry(
            3,
            "prieš 5 min.",
            "Suskaičiuota 98 proc.",
            "Rinkimų komisija paskelbė, kad suskaičiuota 98 procentai.",
        ),
        entry(
            2,
            "10:15",
            "Aktyvumas – 41 proc.",
            "Galutinis rinkėjų aktyvumas antrajame ture siekė 41 procentą.",
        ),
        entry(
            1,
            "vakar 23:50",
            "Pirmieji rezultatai",
            "Pirmieji rezultatai rodo, kad opozicija pirmauja daugelyje apygardų.",
        ),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+03:00"),
        at("2024-10-21T10:15:00+03:00"),
        at("2024-10-20T23:50:00+03:00"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds", "language"),
    [
        ("5분 전", 300, "ko"),
        ("2시간 전", 7200, "ko"),
        ("5分钟前", 300, "zh"),
        ("3小时前", 3 * 3600, "zh"),
        ("5分前", 300, "ja"),
        ("2時間前", 7200, "ja"),
        ("방금 전", 0, "ko"),
    ],
)
def test_korean_chinese_and_japanese_times_ago(text: str, seconds: int, language: str) -> None:
    found = marker(text, language)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(("text", "language"), [("어제 22:45", "ko"), ("昨天 22:45", "zh")])
def test_yesterday_before_a_clock_in_korean_and_chinese(text: str, language: str) -> None:
    found = marker(text, language)
    assert (found.days_back, found.hour, found.minute) == (1, 22, 45)


def test_a_clock_run_into_a_title_of_a_script_without_capitals() -> None:
    """Inline markup runs the stamp into the title: "14:02부산항" as "14:02Port"."""
    found = marker("14:02부산항 선박 입출항 통제", "ko")
    assert (found.hour, found.minute, found.end) == (14, 2, 5)


def test_a_korean_live_blog() -> None:
    blog = page(
        "https://www.news.example.co.kr/article/20241021500123",
        "ko",
        "[실시간] 태풍 북상…제주 전 지역 태풍경보",
        "2024-10-21T14:40:00+09:00",
        entry(
            4,
            "5분 전",
            "제주공항 전면 결항",
            "제주국제공항을 오가는 항공편이 오후 2시 이후 모두 결항됐다고 한국공항공사가 밝혔다. "
            "공사는 승객들에게 항공사에 운항 여부를 확인해 달라고 당부했다.",
        ),
        entry(
            3,
            "14:02",
            "부산항 입출항 통제",
            "부산해양수산청은 부산항의 모든 선박 입출항을 통제한다고 밝혔다. 여객선 운항도 "
            "오후부터 전면 중단됐다.",
        ),
        entry(
            2,
            "11:30",
            "비상 2단계 가동",
            "중앙재난안전대책본부는 비상 2단계를 가동하고 위기경보를 경계로 올렸다. 관계 "
            "부처는 피해 예방에 총력을 기울이기로 했다.",
        ),
        entry(
            1,
            "어제 22:45",
            "태풍경보 발효",
            "기상청은 제주도 전 지역에 태풍경보를 발효했다. 태풍은 시속 25킬로미터의 속도로 "
            "북상하고 있다.",
        ),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+09:00"),
        at("2024-10-21T14:02:00+09:00"),
        at("2024-10-21T11:30:00+09:00"),
        at("2024-10-20T22:45:00+09:00"),
    ]


@pytest.mark.parametrize(
    ("text", "seconds", "language"),
    [
        ("منذ ساعتين", 7200, "ar"),
        ("منذ دقيقتين", 120, "ar"),
        ("לפני שעתיים", 7200, "he"),
        ("לפני יומיים", 2 * 86400, "he"),
    ],
)
def test_arabic_and_hebrew_duals_are_two_of_a_unit(text: str, seconds: int, language: str) -> None:
    found = marker(text, language)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("٢١ أكتوبر ٢٠٢٤ ١٤:٠٥", "ar"),
        ("21 أكتوبر 2024، 14:05", "ar"),
        ("21 באוקטובר 2024 14:05", "he"),
        ("21 אוקטובר 2024, 14:05", "he"),
    ],
)
def test_arabic_and_hebrew_dates_then_their_clock(text: str, language: str) -> None:
    found = marker(text, language)
    assert (found.day, found.hour, found.minute) == (date(2024, 10, 21), 14, 5)


def test_a_korean_news_feed_that_calls_itself_live_is_no_live_blog() -> None:
    """Each item a headline linking to its own article, then its lead: a feed of teasers.
    Korean headlines are short in characters ("태풍 북상에 제주공항 결항"): each of their
    syllables counts as two letters of a headline."""
    headlines = [
        (
            "5분 전",
            "태풍 북상에 제주공항 결항",
            "제주국제공항을 오가는 항공편이 오후부터 결항되고 있다. 공사는 운항 여부를 확인하라고 당부했다.",
        ),
        (
            "12분 전",
            "코스피 외국인 매도에 하락",
            "코스피가 외국인 매도세에 밀려 1% 하락 마감했다. 원·달러 환율은 상승했다.",
        ),
        (
            "25분 전",
            "정부 내년 예산안 국회 제출",
            "정부가 내년도 예산안을 국회에 제출했다. 총지출은 올해보다 3% 늘었다.",
        ),
        (
            "40분 전",
            "지하철 2호선 운행 지연",
            "서울 지하철 2호선 일부 구간에서 신호 장애로 운행이 지연되고 있다.",
        ),
        (
            "1시간 전",
            "포스트시즌 일정 확정 발표",
            "한국야구위원회는 포스트시즌 일정을 확정해 발표했다. 첫 경기는 다음 주에 열린다.",
        ),
    ]
    items = "".join(
        f"<li class='item'><span class='time'>{stamp}</span>"
        f"<a href='/article/20241021{number:04d}'><strong>{headline}</strong></a><p>{lead}</p></li>"
        for number, (stamp, headline, lead) in enumerate(headlines)
    )
    with pytest.raises(NotALiveBlog):
        page(
            "https://www.news.example.co.kr/news/realtime",
            "ko",
            "[실시간] 주요 뉴스",
            "2024-10-21T14:40:00+09:00",
            f"<ul class='news'>{items}</ul>",
        )


@pytest.mark.parametrize(
    ("text", "seconds", "language"),
    [
        ("५ मिनेट अगाडि", 300, "ne"),
        ("२ घण्टा अगाडि", 7200, "ne"),
        ("۵ دقیقه پیش", 300, "fa"),
        ("۲ ساعت پیش", 7200, "fa"),
        ("5 منٹ پہلے", 300, "ur"),
        ("2 گھنٹے پہلے", 7200, "ur"),
        ("৫ মিনিট আগে", 300, "bn"),
        ("২ ঘণ্টা আগে", 7200, "bn"),
    ],
)
def test_nepali_persian_urdu_and_bengali_times_ago_in_their_own_digits(
    text: str, seconds: int, language: str
) -> None:
    found = marker(text, language)
    assert (found.kind, found.ago) == ("relative", timedelta(seconds=seconds))


@pytest.mark.parametrize(("text", "language"), [("१४:२३", "ne"), ("১৪:২৩", "bn"), ("۱۴:۲۳", "fa")])
def test_a_clock_in_devanagari_bengali_or_persian_digits(text: str, language: str) -> None:
    found = marker(text, language)
    assert (found.hour, found.minute) == (14, 23)


def test_a_nepali_live_blog_in_devanagari_digits() -> None:
    blog = page(
        "https://www.khabar.example.com.np/news/2024/10/21/flood-live",
        "ne",
        "लाइभ: बाढीको अपडेट",
        "2024-10-21T14:40:00+05:45",
        entry(
            3,
            "५ मिनेट अगाडि",
            "राजमार्ग अवरुद्ध",
            "पहिरोका कारण पृथ्वी राजमार्ग अवरुद्ध भएको प्रहरीले जनाएको छ।",
        ),
        entry(
            2, "१२:३०", "उद्धार जारी", "सेना र प्रहरीले बाढी प्रभावित क्षेत्रमा उद्धार कार्य जारी राखेका छन्।"
        ),
        entry(1, "०९:१५", "विद्यालय बन्द", "जिल्ला प्रशासनले आज सबै विद्यालय बन्द गर्ने निर्णय गरेको छ।"),
    )
    assert times(blog) == [
        at("2024-10-21T14:35:00+05:45"),
        at("2024-10-21T12:30:00+05:45"),
        at("2024-10-21T09:15:00+05:45"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "year"),
    [
        ("21 d'octubre de 2024, 14:02", "ca", 2024),
        ("21 d’octubre 14:02", "ca", None),
        ("21. spalio 14:02", "lt", None),
        ("21. oktobrī 14:02", "lv", None),
        ("21. oktoober 2024 14:02", "et", 2024),
    ],
)
def test_catalan_and_baltic_dates_then_their_clock(
    text: str, language: str, year: int | None
) -> None:
    found = marker(text, language)
    day = (found.day.month, found.day.day) if found.day else found.month_day
    assert (day, found.hour, found.minute) == ((10, 21), 14, 2)
    assert (found.day.year if found.day else None) == year
