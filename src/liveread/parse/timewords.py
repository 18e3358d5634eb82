"""The words live blogs use around times, per language, and how to match them.

Words are written as the pages spell them; lookups `fold` them (lower case, accents and "ł"
removed), so "août", "aout" and "AOÛT" are one word. Languages: English, German, French,
Italian, Spanish, Polish, Dutch, Portuguese, Danish, Norwegian, Finnish, Czech, Slovak,
Romanian, Turkish, Greek, Hungarian, Croatian, Serbian and Bosnian (Latin script), Slovenian,
Russian, Ukrainian, Bulgarian, Hindi, Arabic, Hebrew, Indonesian and Malay, Catalan, Lithuanian, Latvian, Estonian, Korean,
Chinese (some lists Swedish too).
Read by `textmarkers`, `textdays` and `textzones`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MONTHS: dict[str, tuple[str, ...]] = {
    # Per language, January to December; each entry lists every spelling of that month.
    "en": (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sep sept",
        "october oct",
        "november nov",
        "december dec",
    ),
    "de": (
        "januar jan jänner jän",
        "februar feb feber",
        "märz mär mrz maerz",
        "april apr",
        "mai",
        "juni jun",
        "juli jul",
        "august aug",
        "september sep sept",
        "oktober okt",
        "november nov",
        "dezember dez",
    ),
    "fr": (
        "janvier janv",
        "février févr fév",
        "mars",
        "avril avr",
        "mai",
        "juin",
        "juillet juil",
        "août",
        "septembre sept",
        "octobre oct",
        "novembre nov",
        "décembre déc",
    ),
    "it": (
        "gennaio gen",
        "febbraio feb",
        "marzo mar",
        "aprile apr",
        "maggio mag",
        "giugno giu",
        "luglio lug",
        "agosto",
        "settembre set sett",
        "ottobre ott",
        "novembre nov",
        "dicembre dic",
    ),
    # "ago." (agosto) is left out: "ago" is the English word of relative times.
    "es": (
        "enero ene",
        "febrero feb",
        "marzo mar",
        "abril abr",
        "mayo may",
        "junio jun",
        "julio jul",
        "agosto",
        "septiembre setiembre sep sept set",
        "octubre oct",
        "noviembre nov",
        "diciembre dic",
    ),
    # Polish: the nominative and the genitive that dates use ("18 lipca").
    "pl": (
        "styczeń stycznia sty",
        "luty lutego lut",
        "marzec marca mar",
        "kwiecień kwietnia kwi",
        "maj maja",
        "czerwiec czerwca cze",
        "lipiec lipca lip",
        "sierpień sierpnia sie",
        "wrzesień września wrz",
        "październik października paź",
        "listopad listopada lis",
        "grudzień grudnia gru",
    ),
    "nl": (
        "januari jan",
        "februari feb",
        "maart mrt mar",
        "april apr",
        "mei",
        "juni jun",
        "juli jul",
        "augustus aug",
        "september sep sept",
        "oktober okt",
        "november nov",
        "december dec",
    ),
    # Portuguese: "out." (outubro) is left out, as English "out" is no month.
    "pt": (
        "janeiro jan",
        "fevereiro fev",
        "março mar",
        "abril abr",
        "maio mai",
        "junho jun",
        "julho jul",
        "agosto",
        "setembro set",
        "outubro",
        "novembro nov",
        "dezembro dez",
    ),
    "da": (
        "januar jan",
        "februar feb",
        "marts mar",
        "april apr",
        "maj",
        "juni jun",
        "juli jul",
        "august aug",
        "september sep sept",
        "oktober okt",
        "november nov",
        "december dec",
    ),
    # Norwegian: "des." (desember) is left out, as French "des" is no month.
    "no": (
        "januar jan",
        "februar feb",
        "mars mar",
        "april apr",
        "mai",
        "juni jun",
        "juli jul",
        "august aug",
        "september sep sept",
        "oktober okt",
        "november nov",
        "desember",
    ),
    # Finnish: the nominative and the partitive that dates use ("15. helmikuuta").
    "fi": (
        "tammikuu tammikuuta",
        "helmikuu helmikuuta",
        "maaliskuu maaliskuuta",
        "huhtikuu huhtikuuta",
        "toukokuu toukokuuta",
        "kesäkuu kesäkuuta",
        "heinäkuu heinäkuuta",
        "elokuu elokuuta",
        "syyskuu syyskuuta",
        "lokakuu lokakuuta",
        "marraskuu marraskuuta",
        "joulukuu joulukuuta",
    ),
    # Czech: the nominative and the genitive that dates use ("14. ledna").
    "cs": (
        "leden ledna",
        "únor února",
        "březen března",
        "duben dubna",
        "květen května",
        "červen června",
        "červenec července",
        "srpen srpna",
        "září",
        "říjen října",
        "listopad listopadu",
        "prosinec prosince",
    ),
    # Slovak: the nominative and the genitive that dates use ("18. júla").
    "sk": (
        "január januára",
        "február februára",
        "marec marca",
        "apríl apríla",
        "máj mája",
        "jún júna",
        "júl júla",
        "august augusta",
        "september septembra",
        "október októbra",
        "november novembra",
        "december decembra",
    ),
    # Romanian: "noi." (noiembrie) is left out, as "noi" is "we".
    "ro": (
        "ianuarie ian",
        "februarie feb",
        "martie mar",
        "aprilie apr",
        "mai",
        "iunie iun",
        "iulie iul",
        "august aug",
        "septembrie sep sept",
        "octombrie oct",
        "noiembrie",
        "decembrie dec",
    ),
    "tr": (
        "ocak",
        "şubat",
        "mart",
        "nisan",
        "mayıs",
        "haziran",
        "temmuz",
        "ağustos",
        "eylül",
        "ekim",
        "kasım",
        "aralık",
    ),
    # Greek: the nominative, the genitive that dates use ("11 Αυγούστου"), and the short
    # forms ("13 Αυγ").
    "el": (
        "ιανουάριος ιανουαρίου ιαν",
        "φεβρουάριος φεβρουαρίου φεβ",
        "μάρτιος μαρτίου μαρ",
        "απρίλιος απριλίου απρ",
        "μάιος μαΐου μαΐ μαι",
        "ιούνιος ιουνίου ιουν",
        "ιούλιος ιουλίου ιουλ",
        "αύγουστος αυγούστου αυγ",
        "σεπτέμβριος σεπτεμβρίου σεπ σεπτ",
        "οκτώβριος οκτωβρίου οκτ",
        "νοέμβριος νοεμβρίου νοε",
        "δεκέμβριος δεκεμβρίου δεκ",
    ),
    "hu": (
        "január jan",
        "február febr feb",
        "március márc",
        "április ápr",
        "május máj",
        "június jún",
        "július júl",
        "augusztus aug",
        "szeptember szept",
        "október okt",
        "november nov",
        "december dec",
    ),
    # Croatian: "listopad" (October) is in LANGUAGE_MONTHS, as Czech and Polish "listopad" is
    # November.
    "hr": (
        "siječanj siječnja",
        "veljača veljače",
        "ožujak ožujka",
        "travanj travnja",
        "svibanj svibnja",
        "lipanj lipnja",
        "srpanj srpnja",
        "kolovoz kolovoza",
        "rujan rujna",
        "",
        "studeni studenoga studenog",
        "prosinac prosinca",
    ),
    # Serbian (in both scripts) and Bosnian, and Slovenian.
    "sr": (
        "januar januara јануар јануара",
        "februar februara фебруар фебруара",
        "mart marta март марта",
        "april aprila април априла",
        "maj maja мај маја",
        "jun juna јун јуна",
        "jul jula јул јула",
        "avgust avgusta augusta август августа",
        "septembar septembra септембар септембра",
        "oktobar oktobra октобар октобра",
        "novembar novembra новембар новембра",
        "decembar decembra децембар децембра",
    ),
    "sl": (
        "januarja",
        "februarja",
        "marec marca",
        "april aprila",
        "maj maja",
        "junij junija",
        "julij julija",
        "avgust avgusta",
        "september septembra",
        "oktober oktobra",
        "november novembra",
        "december decembra",
    ),
    # Russian: the nominative, the genitive that dates use ("18 июля") and the short forms.
    "ru": (
        "январь января янв",
        "февраль февраля фев",
        "март марта мар",
        "апрель апреля апр",
        "май мая",
        "июнь июня июн",
        "июль июля июл",
        "август августа авг",
        "сентябрь сентября сен сент",
        "октябрь октября окт",
        "ноябрь ноября ноя",
        "декабрь декабря дек",
    ),
    "uk": (
        "січень січня",
        "лютий лютого",
        "березень березня",
        "квітень квітня",
        "травень травня",
        "червень червня",
        "липень липня",
        "серпень серпня",
        "вересень вересня",
        "жовтень жовтня",
        "листопад листопада",
        "грудень грудня",
    ),
    "bg": (
        "януари",
        "февруари",
        "март",
        "април",
        "май",
        "юни",
        "юли",
        "август",
        "септември",
        "октомври",
        "ноември",
        "декември",
    ),
    "hi": (
        "जनवरी",
        "फरवरी फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर सितम्बर",
        "अक्टूबर अक्तूबर",
        "नवंबर नवम्बर",
        "दिसंबर दिसम्बर",
    ),
    # Indonesian and Malay: "Des", "Mac" and "Dis" are left out, as French, English and
    # other words ("5 des 12 blessés").
    "id": (
        "januari jan",
        "februari feb",
        "maret mar",
        "april apr",
        "mei",
        "juni jun",
        "juli jul",
        "agustus agu ags agt",
        "september sep sept",
        "oktober okt",
        "november nov",
        "desember",
    ),
    "ms": (
        "januari jan",
        "februari feb",
        "",
        "april apr",
        "mei",
        "jun",
        "julai",
        "ogos",
        "september sep",
        "oktober okt",
        "november nov",
        "disember",
    ),
    # Arabic: the month names of Egypt and the Gulf (the Levant's "تشرين الأول" are left out).
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل إبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    # Hebrew: each also with the "ב" (in) dates write it with: "21 באוקטובר".
    "he": (
        "ינואר בינואר",
        "פברואר בפברואר",
        "מרץ במרץ מרס במרס",
        "אפריל באפריל",
        "מאי במאי",
        "יוני ביוני",
        "יולי ביולי",
        "אוגוסט באוגוסט",
        "ספטמבר בספטמבר",
        "אוקטובר באוקטובר",
        "נובמבר בנובמבר",
        "דצמבר בדצמבר",
    ),
    # Catalan: those that start with a vowel also with the "d'" (of) dates write before them
    # ("21 d'octubre"; "21 de gener" is read as "3 de agosto" is).
    "ca": (
        "gener",
        "febrer",
        "març",
        "abril d'abril",
        "maig",
        "juny",
        "juliol",
        "agost d'agost",
        "setembre",
        "octubre d'octubre",
        "novembre",
        "desembre",
    ),
    # Lithuanian, Latvian, Estonian: the names, and the cases dates write them in ("21 spalio",
    # "21. oktobrī").
    "lt": (
        "sausis sausio",
        "vasaris vasario",
        "kovas kovo",
        "balandis balandžio",
        "gegužė gegužės",
        "birželis birželio",
        "liepa liepos",
        "rugpjūtis rugpjūčio",
        "rugsėjis rugsėjo",
        "spalis spalio",
        "lapkritis lapkričio",
        "gruodis gruodžio",
    ),
    "lv": (
        "janvāris janvārī",
        "februāris februārī",
        "marts martā",
        "aprīlis aprīlī",
        "maijs maijā",
        "jūnijs jūnijā",
        "jūlijs jūlijā",
        "augustā",  # "augusts" left out: an English plural ("5 Augusts")
        "septembris septembrī",
        "oktobris oktobrī",
        "novembris novembrī",
        "decembris decembrī",
    ),
    "et": (
        "jaanuar jaanuaril",
        "veebruar veebruaril",
        "märts märtsil",
        "aprill aprillil",
        "mai mail",
        "juuni juunil",
        "juuli juulil",
        "august augustil",
        "september septembril",
        "oktoober oktoobril",
        "november novembril",
        "detsember detsembril",
    ),
}

LANGUAGE_MONTHS: dict[str, dict[str, int]] = {"hr": {"listopad": 10, "listopada": 10, "lis": 10}}
"""Month names that name another month in the page's language: Croatian "20. listopada"
is the 20th of October (in Czech and Polish, of November)."""

WEEKDAYS: dict[str, tuple[str, ...]] = {
    # Per language, Monday to Sunday.
    "en": (
        "monday mon",
        "tuesday tue tues",
        "wednesday wed",
        "thursday thu thur thurs",
        "friday fri",
        "saturday sat",
        "sunday sun",
    ),
    "de": (
        "montag mo",
        "dienstag di",
        "mittwoch mi",
        "donnerstag do",
        "freitag fr",
        "samstag sonnabend sa",
        "sonntag so",
    ),
    "fr": (
        "lundi lun",
        "mardi mar",
        "mercredi mer",
        "jeudi jeu",
        "vendredi ven",
        "samedi sam",
        "dimanche dim",
    ),
    "it": (
        "lunedì lun",
        "martedì mar",
        "mercoledì mer",
        "giovedì gio",
        "venerdì ven",
        "sabato sab",
        "domenica dom",
    ),
    "es": (
        "lunes lun",
        "martes mar",
        "miércoles mié",
        "jueves jue",
        "viernes vie",
        "sábado sáb",
        "domingo dom",
    ),
    "pl": (
        "poniedziałek pon",
        "wtorek wt wto",
        "środa śr śro",
        "czwartek czw",
        "piątek pt pią",
        "sobota sob",
        "niedziela niedz ndz nie",
    ),
    "nl": (
        "maandag ma",
        "dinsdag di",
        "woensdag wo",
        "donderdag do",
        "vrijdag vr",
        "zaterdag za",
        "zondag zo",
    ),
    # Portuguese: the short "segunda", "terça"... are left out ("segunda parte" is no day).
    "pt": (
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado sáb",
        "domingo dom",
    ),
    # Danish and Norwegian: "man" and "tor" are left out, as English words.
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    # Finnish: the nominative and the essive of headings ("torstaina 21.11.").
    "fi": (
        "maanantai maanantaina",
        "tiistai tiistaina",
        "keskiviikko keskiviikkona",
        "torstai torstaina",
        "perjantai perjantaina",
        "lauantai lauantaina",
        "sunnuntai sunnuntaina",
    ),
    # Czech: the short "po", "st", "ne"... are left out, as words of other languages.
    "cs": ("pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle"),
    "sk": ("pondelok", "utorok", "streda", "štvrtok", "piatok", "sobota", "nedeľa"),
    "ro": ("luni", "marți marti", "miercuri", "joi", "vineri", "sâmbătă", "duminică"),
    "tr": ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"),
    "el": ("δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "σάββατο", "κυριακή"),
    "hu": ("hétfő", "kedd", "szerda", "csütörtök", "péntek", "szombat", "vasárnap"),
    "hr": ("ponedjeljak", "utorak", "srijeda", "četvrtak", "petak", "subota", "nedjelja"),
    "sr": (
        "ponedeljak понедељак",
        "utorak уторак",
        "sreda среда",
        "četvrtak четвртак",
        "petak петак",
        "subota субота",
        "nedelja недеља",
    ),
    "sl": ("ponedeljek", "torek", "sreda", "četrtek", "petek", "sobota", "nedelja"),
    "ru": (
        "понедельник пн",
        "вторник вт",
        "среда ср",
        "четверг чт",
        "пятница пт",
        "суббота сб",
        "воскресенье вс",
    ),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"),
    "bg": ("понеделник", "вторник", "сряда", "четвъртък", "петък", "събота", "неделя"),
    "hi": ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"),
    "id": ("senin", "selasa", "rabu", "kamis", "jumat jum'at", "sabtu", "minggu"),
    "ms": ("isnin", "selasa", "rabu", "khamis", "jumaat", "sabtu", "ahad"),
    "ca": ("dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte", "diumenge"),
}

DAYS_BACK: dict[str, int] = {
    # A day heading that names the day relative to the page's date.
    "today": 0,
    "heute": 0,
    "aujourd'hui": 0,
    "oggi": 0,
    "hoy": 0,
    "dzisiaj": 0,
    "dziś": 0,
    "vandaag": 0,
    "yesterday": 1,
    "gestern": 1,
    "hier": 1,  # French; in German and Dutch "hier" means "here" (see HERE_LANGUAGES)
    "ieri": 1,
    "ayer": 1,
    "wczoraj": 1,
    "gisteren": 1,
    "idag": 0,  # Swedish, also written "i dag" (as in Danish and Norwegian)
    "i dag": 0,
    "igår": 1,
    "i går": 1,
    "i forgårs": 2,  # Danish and Norwegian
    "hoje": 0,
    "ontem": 1,
    "anteontem": 2,
    "tänään": 0,
    "eilen": 1,
    "toissapäivänä": 2,
    "dnes": 0,  # Czech
    "včera": 1,
    "předevčírem": 2,
    "predvčerom": 2,  # Slovak, whose "dnes" and "včera" are Czech's
    "azi": 0,  # Romanian, whose "ieri" is Italian's
    "astăzi": 0,
    "alaltăieri": 2,
    "bugün": 0,  # Turkish
    "dün": 1,
    "σήμερα": 0,  # Greek
    "χθες": 1,
    "χτες": 1,
    "tegnap": 1,  # Hungarian ("ma", today, is in LANGUAGE_DAYS_BACK: Dutch "ma" is Monday)
    "tegnapelőtt": 2,
    "danas": 0,  # Croatian, Serbian, Bosnian
    "jučer": 1,
    "juče": 1,
    "prekjučer": 2,
    "prekjuče": 2,
    "данас": 0,  # Serbian in Cyrillic
    "јуче": 1,
    "прекјуче": 2,
    "danes": 0,  # Slovenian
    "včeraj": 1,
    "сегодня": 0,  # Russian, whose "вчера" is Bulgarian's
    "вчера": 1,
    "позавчера": 2,
    "сьогодні": 0,  # Ukrainian
    "вчора": 1,
    "позавчора": 2,
    "днес": 0,  # Bulgarian
    "आज": 0,  # Hindi ("कल" is yesterday and tomorrow, but only yesterday in a post's stamp)
    "कल": 1,
    "اليوم": 0,  # Arabic
    "أمس": 1,
    "היום": 0,  # Hebrew
    "אתמול": 1,
    "שלשום": 2,
    "hari ini": 0,  # Indonesian and Malay
    "kemarin": 1,
    "avui": 0,  # Catalan
    "ahir": 1,
    "šiandien": 0,  # Lithuanian; "vakar" (yesterday) is Latvian too
    "vakar": 1,
    "užvakar": 2,
    "šodien": 0,  # Latvian
    "aizvakar": 2,
    "täna": 0,  # Estonian
    "eile": 1,
    "üleeile": 2,
    "오늘": 0,  # Korean
    "어제": 1,
    "그제": 2,
    "今天": 0,  # Chinese
    "昨天": 1,
    "前天": 2,
    "今日": 0,  # Japanese (and Chinese "今日")
    "昨日": 1,
    "一昨日": 2,
}
LANGUAGE_DAYS_BACK: dict[str, tuple[str, int]] = {"ma": ("hu", 0)}
"""Words that name a day relative to the page's only in one language, read as such only on
a page in it: Hungarian "ma 14:23" (today), where Dutch "ma" is Monday and Italian "ma" "but"."""
HERE_LANGUAGES = frozenset({"de", "nl"})
"""Languages in which a heading "Hier" is not "yesterday"."""

UNIT_SECONDS: dict[int, str] = {
    # The units of relative times ("16 min ago", "vor 2 Std.", "3 ore fa"), any language.
    1: (
        "s sec secs second seconds sek sekunde sekunden seconde secondes secondo secondi "
        "segundo segundos sekunda sekundy sekund sekundę seconden sekunder sekunti sekuntia "
        "sekundou sekundami sekúnd sekundy secunde secundă saniye δευτερόλεπτο δευτερόλεπτα másodperc "
        "másodperce sekundi sekundo секунд секунды секунду сек секунди секунда सेकंड सेकेंड सेकेन्ड "
        "ثانیه سیکنڈ সেকেন্ড"
        "ثانية ثوان ثوانٍ שניות שנייה detik segons sekundžių sekundes sekundēm sekundit 초 秒前 "
        "秒钟前 秒鐘前"
    ),
    60: (
        "m min mins minute minutes minuten minuto minuti minutos minuta minuty minut minutę "
        "minuut minutt minutter minuter minuutti minuuttia minutou minutami minúta minúty minút minútou minútami dakika dk λεπτό λεπτά "
        "perc perccel perce minutu minuto минут минуты минуту мин хвилин хвилини хвилину хв "
        "минути минута मिनट मिनटों دقيقة دقائق דקות דקה menit minit minuts minučių minutes "
        "minutę minūtēm minūtes minūti minūte minutit 분 分钟前 分鐘前 分前 मिनेट دقیقه منٹ মিনিট"
    ),
    3600: (
        "h hr hrs hour hours std stunde stunden heure heures ora ore hora horas "
        "godz godzina godziny godzin godzinę uur u time timer timme timmar tunti tuntia "
        "hodina hodiny hodin hodinou hodinami oră orei saat ώρα ώρες óra órával órája "
        "sat sata sati сат сата сати uro urama urami час часа часов ч годину години годин год "
        "घंटे घंटा घंटों घण्टे ساعة ساعات שעות שעה jam hores val valanda valandą valandas "
        "valandų stundām stundas stundu stunda tund tundi 시간 小时前 小時前 時間前 घण्टा ساعت "
        "گھنٹے گھنٹہ ঘণ্টা"
    ),
    86400: (
        "d day days tag tage tagen jour jours giorno giorni día días dia dias dzień dni dag dagen "
        "dage dager dagar päivä päivää dny dnem dňami dňom zi zile gün μέρα μέρες ημέρα ημέρες "
        "nap nappal napja dan dana dnevi dnevom день дня дней днів ден дена दिन दिनों "
        "يوم أيام ימים יום hari dies dieną dienas dienų dienām päev päeva 일 天前 日前 روز دن দিন"
    ),
    # Arabic's and Hebrew's duals, two of a unit in one word: "منذ ساعتين", "לפני שעתיים".
    120: "دقيقتين דקותיים",
    7200: "ساعتين שעתיים",
    172800: "يومين יומיים",
}
ONE_WORDS = "a an one ein eine einer einem un une una uno un' un’ een één jedną um uma एक"
"""Words that stand for the number 1 in a relative time ("an hour ago", "vor einer Stunde")."""
AGO_BEFORE = (
    *("vor", "il y a", "hace", "há", "před", "pred", "acum", "πριν από", "πριν"),
    *("prije", "pre", "пре", "преди", "منذ", "לפני", "fa", "prieš", "pirms"),
)
"""Words written before the amount: "vor 2 Stunden", "il y a 3 heures", "hace 2 horas",
Czech "před 6 minutami", Slovak "pred 8 minútami", Croatian "prije 5 minuta", Serbian "pre 5
minuta" ("пре 5 минута"), Slovenian "pred 5 minutami", Bulgarian "преди 5 минути", Romanian "acum 9 minute", Greek "πριν από 12 λεπτά" (the longer
of two that start alike first), Arabic "منذ 5 دقائق", Hebrew "לפני 5 דקות", Catalan "fa 5 minuts" (where Italian writes "fa" after: "5 minuti fa"), Lithuanian "prieš 5
min.", Latvian "pirms 5 minūtēm"."""
AGO_AFTER = (
    *("ago", "fa", "temu", "geleden", "atrás", "siden", "sedan", "sitten", "önce", "ezelőtt"),
    *("назад", "тому", "पहले", "पूर्व", "yang lalu", "lalu", "tagasi", "전"),
    *("अगाडि", "अघि", "پیش", "پہلے", "আগে"),
)
"""Words written after it: "2 hours ago", "3 ore fa", "2 godziny temu", "3 uur geleden",
Danish and Norwegian "5 min. siden", Swedish "5 minuter sedan", Finnish "3 minuuttia sitten",
Turkish "5 dakika önce", Hungarian "12 perccel ezelőtt", Russian "5 минут назад", Ukrainian "5
хвилин тому", Hindi "5 मिनट पहले", Indonesian and Malay "5 menit yang lalu", Estonian "5 minutit tagasi", Korean "5분 전", Nepali "५ मिनेट अगाडि", Persian "۵ دقیقه پیش",
Urdu "5 منٹ پہلے", Bengali "৫ মিনিট আগে"."""
UNITS_AGO = (
    *("másodperce", "perce", "órája", "napja"),
    *("秒前", "秒钟前", "秒鐘前", "分钟前", "分鐘前", "分前", "小时前", "小時前", "時間前"),
    *("天前", "日前"),
)
"""Units that say "ago" themselves, after the amount alone: Hungarian "12 perce" (12 minutes
ago), "2 órája" (2 hours ago), Chinese "5分钟前", Japanese "5分前", "2時間前"."""
UNIT_TAILS = "vremena", "времена"
"""Words after a unit that are part of it: Croatian and Serbian "prije sat vremena" (an hour
ago, "an hour of time")."""
AGO_AROUND = {"for": "siden", "för": "sedan"}
"""Words written around it, the first only with the second: Norwegian and Danish "for 6
minutter siden", Swedish "för 6 minuter sedan" ("for 2 hours" alone is no time)."""
ONE_UNIT_AGO = (
    *("temu", "sitten", "před", "pred", "prije", "pre", "пре", "преди", "назад", "тому"),
    *("منذ", "לפני", "prieš", "pirms", "tagasi"),
)
"""Words around which a unit alone is one of it: Polish "godzinę temu" (an hour ago), Finnish
"minuutti sitten" (a minute ago), Czech "před hodinou", Slovenian "pred uro", Bulgarian
"преди час", Russian "час назад", Ukrainian "годину тому", Arabic "منذ ساعة", Hebrew "לפני שעה", Lithuanian "prieš valandą", Estonian "tund tagasi"."""
JUST_NOW = (
    "just now",
    "moments ago",
    "a moment ago",
    "a few seconds ago",
    "seconds ago",
    "gerade eben",
    "soeben",
    "vor wenigen sekunden",
    "à l'instant",
    "a l'instant",
    "il y a quelques secondes",
    "adesso",
    "pochi secondi fa",
    "ahora mismo",
    "hace un momento",
    "hace unos segundos",
    "przed chwilą",
    "kilka sekund temu",
    "zojuist",
    "enkele seconden geleden",
    "agora mesmo",
    "há instantes",
    "nettopp",
    "hetki sitten",
    "před chvílí",
    "právě teď",
    "chiar acum",
    "az önce",
    "μόλις τώρα",
    "upravo sada",
    "upravo",
    "pravkar",
    "только что",
    "щойно",
    "току-що",
    "अभी-अभी",
    "अभी अभी",
    "baru saja",
    "ara mateix",
    "방금 전",
    "방금",
    "刚刚",
    "剛剛",
    "たった今",
    "hace instantes",
    "poco fa",
    "pochi istanti fa",
    "il y a un instant",
    "il y a quelques instants",
    "een ogenblik geleden",
    "chwilę temu",
)
"""A stamp that says "now": read only when nothing but a separator follows it."""

CLOCK_PREFIXES = "ore", "h", "godz", "godz.", "godzina", "kl", "kl.", "klo", "klo."
"""Words written before a clock time: Italian "ore 14.30", Polish "godz. 14:30"."""
CLOCK_WORDS = "ora", "saat"
"""Words written before a clock time that make it no surer: Romanian "Ora 12:40", Turkish
"Saat 14.23" ("Ora 2 persone" is Italian for "now 2 people")."""

UPDATE_WORDS = (
    "update",
    "original story",
    "original post",
    "aktualisierung",
    "erstmeldung",
    "mise à jour",
    "aggiornamento",
    "actualización",
    "bijgewerkt",
    "aktualizacja",
    "atualização",
    "actualização",
)
"""Words that open a post's time as the moment of an update or first report: "Update vom
15. März, 8.20 Uhr:", "Erstmeldung, 17.30 Uhr:", "Original story, 2:02 p.m.:", "Mise à jour
14h20 :", "Aktualizacja 14:20"."""
POSTING_WORDS = (
    "posted",
    "published",
    "veröffentlicht",
    "publié",
    "pubblicato",
    "publicado",
    "geplaatst",
    "opublikowano",
    "updated",
    "last updated",
    "aktualisiert",
    "zuletzt aktualisiert",
    "mis à jour",
    "aggiornato",
    "actualizado",
    "zaktualizowano",
)
"""Words that open a post's time as the moment it was posted or last updated: "Posted 2:31
p.m. ET", "Published 3:05 PM EDT", "Posted at 00:52 GMT", "Veröffentlicht vor 5 Min.",
"Updated 1:14 AM ET", "Aktualisiert 14:20 Uhr", "Mis à jour à 14h20". Read before a
clock or a time ago only: before a date ("Publié le 19/07/2024 à 17h42") they date the
items of article lists, archives and search results, not posts."""
UPDATE_GLUE = (
    "vom, von, um, from, of, at, on, du, de, des, à, a, del, della, delle, dei, alle, de las,"
    " a las, las, om, van, z, o, às, as"
)
"""Words (parted by commas) between such a word and its time: "Update vom 15. März", "Mise à jour du 15 mars",
"Actualización a las 14:20", "Aktualizacja z 15 marca", "Atualização às 14:20"."""

ZONE_NAMES: dict[str, str] = {
    # Zone abbreviations written after a time ("2:02 p.m. ET", "14:00 GMT", "11.04 Uhr MESZ").
    # An abbreviation stands for its region's zone rather than one fixed offset: editors
    # write "EST" all year round, and New York's zone then still gives the clock they read.
    # Where one abbreviation names several zones, this is the one it names on a page of no
    # country that keeps another (OTHER_ZONE_MEANINGS).
    "UTC": "UTC",
    "GMT": "UTC",  # international sites write GMT for UTC all year round
    "BST": "Europe/London",
    "IST": "Asia/Kolkata",  # India; Irish or Israel Standard Time by the page's country
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",  # China Standard Time and others by the page's country
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage",
    "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "OEZ": "Europe/Athens",
    "OESZ": "Europe/Athens",
    "MSK": "Europe/Moscow",
    "МСК": "Europe/Moscow",
    "SAST": "Africa/Johannesburg",
    "IDT": "Asia/Jerusalem",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "GST": "Asia/Dubai",  # Gulf Standard Time (UAE, Oman); also South Georgia's
    "PKT": "Asia/Karachi",
    "PHT": "Asia/Manila",
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "MYT": "Asia/Kuala_Lumpur",
    "ICT": "Asia/Bangkok",  # Indochina Time (Thailand, Vietnam, Cambodia, Laos)
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AWST": "Australia/Perth",
    "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}
OTHER_ZONE_MEANINGS: dict[str, tuple[str, ...]] = {
    # The other zones an abbreviation in ZONE_NAMES names: it means one of them on a page
    # whose own zone (its country's, or the one it states) is that one.
    "IST": ("Europe/Dublin", "Asia/Jerusalem"),  # Irish (summer) and Israel Standard Time
    "CST": ("Asia/Shanghai", "Asia/Taipei", "America/Havana"),  # China, Taiwan, Cuba
}
US_ZONES = frozenset({"ET", "CT", "MT", "PT"})
"""Two-letter zones that are also everyday abbreviations ("CT scan"): read after a time only
when it is a 12-hour time or nothing but a separator follows."""

STATED_ZONES: tuple[tuple[str, str], ...] = (
    # Phrases that say which zone a page's times are in, found after a word such as "times",
    # "updates", "Zeiten" (see STATEMENT_CUES). Longer phrases first: "central european
    # time" before "central time". Abbreviations (ZONE_NAMES, and "UK") are matched too.
    (r"(?:universal\s+coordinated|coordinated\s+universal|greenwich(?:\s+mean)?)\s+time", "UTC"),
    (r"(?:uk|british|london)(?:\s+summer)?\s+time|\buk\b|\bbritish\b", "Europe/London"),
    (r"central\s+european(?:\s+summer)?\s+time", "Europe/Berlin"),
    (r"eastern\s+european(?:\s+summer)?\s+time", "Europe/Athens"),
    (r"eastern(?:\s+(?:standard|daylight))?(?:\s+time)?", "America/New_York"),
    # "Central" and "Mountain" alone only where the statement ends ("All times are Central."):
    # "updates from central London" names no zone.
    (r"central(?:\s+(?:standard|daylight))?(?:\s+time|\s*(?=[.,;)]|$))", "America/Chicago"),
    (r"mountain(?:\s+(?:standard|daylight))?(?:\s+time|\s*(?=[.,;)]|$))", "America/Denver"),
    (r"pacific(?:\s+(?:standard|daylight))?(?:\s+time)?", "America/Los_Angeles"),
    (r"india(?:n)?\s+(?:standard\s+)?time", "Asia/Kolkata"),
    (r"irish\s+time", "Europe/Dublin"),
    (r"(?:sydney|australian\s+eastern)(?:\s+\w+)?\s+time", "Australia/Sydney"),
    (r"new\s+zealand\s+time", "Pacific/Auckland"),
    (r"japan(?:ese)?\s+time", "Asia/Tokyo"),
)
STATEMENT_CUES = (
    r"times|updates|timestamps|zeiten|zeitangaben|uhrzeiten|heures|horaires|orari|horas"
    r"|horarios|tijden|tijdstippen|godziny"
)
"""Words after which a zone names the zone of all of a page's times ("All times are UK")."""
ZONE_PHRASES: tuple[tuple[str, str], ...] = (
    # Phrases that name a country's time by themselves, anywhere ("heure de Paris").
    (r"mitteleuropäische[rn]?\s+(?:sommer)?zeit|deutsche[rn]?\s+zeit", "Europe/Berlin"),
    (r"schweizer\s+zeit|heure\s+suisse", "Europe/Zurich"),
    (r"österreichische[rn]?\s+zeit", "Europe/Vienna"),
    (r"heures?\s+(?:de\s+paris|française|de\s+france)", "Europe/Paris"),
    (r"heures?\s+(?:belge|de\s+bruxelles)|belgische\s+tijd", "Europe/Brussels"),
    (r"heures?\s+(?:de\s+montréal|de\s+l['’]est)", "America/Toronto"),
    (r"ora\s+(?:locale\s+)?italiana|ora\s+di\s+roma|orario\s+italiano", "Europe/Rome"),
    (r"(?:hora|horario)\s+(?:peninsular|española|de\s+españa|de\s+madrid)", "Europe/Madrid"),
    (r"hora\s+canaria|hora\s+de\s+canarias", "Atlantic/Canary"),
    (
        r"hora\s+(?:del\s+centro\s+de\s+méxico|de\s+(?:la\s+)?ciudad\s+de\s+méxico)",
        "America/Mexico_City",
    ),
    (r"hora\s+argentina", "America/Argentina/Buenos_Aires"),
    (r"czas(?:u|ie)?\s+polski(?:ego|m)?", "Europe/Warsaw"),
    (r"nederlandse\s+tijd", "Europe/Amsterdam"),
    # Arabic: "بتوقيت مكة المكرمة" (in Mecca's time), Greenwich's, Cairo's...
    (r"بتوقيت\s+(?:مكة|السعودية|الرياض)", "Asia/Riyadh"),
    (r"بتوقيت\s+(?:غرينتش|غرينيتش|جرينتش)", "UTC"),
    (r"بتوقيت\s+(?:القاهرة|مصر)", "Africa/Cairo"),
    (r"بتوقيت\s+(?:الدوحة|قطر)", "Asia/Qatar"),
    (r"بتوقيت\s+(?:الإمارات|أبوظبي|دبي)", "Asia/Dubai"),
)
CITY_TIMES: dict[str, str] = {
    # The stems of the adjectives Russian and Ukrainian name a zone by, before or after the
    # word for time: "время московское", "по московскому времени", "за київським часом".
    "московск": "Europe/Moscow",
    "калининградск": "Europe/Kaliningrad",
    "самарск": "Europe/Samara",
    "екатеринбургск": "Asia/Yekaterinburg",
    "омск": "Asia/Omsk",
    "новосибирск": "Asia/Novosibirsk",
    "красноярск": "Asia/Krasnoyarsk",
    "иркутск": "Asia/Irkutsk",
    "якутск": "Asia/Yakutsk",
    "владивостокск": "Asia/Vladivostok",
    "хабаровск": "Asia/Vladivostok",
    "магаданск": "Asia/Magadan",
    "камчатск": "Asia/Kamchatka",
    "київськ": "Europe/Kyiv",
}

COUNTRY_ZONES: dict[str, str] = {
    # By country code (a host's last label, or a language tag's region). One zone per
    # country; for countries with several, the one most of its newsrooms keep.
    "uk": "Europe/London",
    "gb": "Europe/London",
    "ie": "Europe/Dublin",
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "li": "Europe/Zurich",
    "fr": "Europe/Paris",
    "be": "Europe/Brussels",
    "lu": "Europe/Luxembourg",
    "nl": "Europe/Amsterdam",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "pt": "Europe/Lisbon",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "dk": "Europe/Copenhagen",
    "se": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "fi": "Europe/Helsinki",
    "ee": "Europe/Tallinn",
    "lv": "Europe/Riga",
    "lt": "Europe/Vilnius",
    "gr": "Europe/Athens",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "hr": "Europe/Zagreb",
    "si": "Europe/Ljubljana",
    "rs": "Europe/Belgrade",
    "ua": "Europe/Kyiv",
    "ru": "Europe/Moscow",
    "tr": "Europe/Istanbul",
    "il": "Asia/Jerusalem",
    "in": "Asia/Kolkata",
    "pk": "Asia/Karachi",
    "np": "Asia/Kathmandu",
    "bd": "Asia/Dhaka",
    "ir": "Asia/Tehran",
    "ae": "Asia/Dubai",
    "sa": "Asia/Riyadh",
    "qa": "Asia/Qatar",
    "th": "Asia/Bangkok",
    "my": "Asia/Kuala_Lumpur",
    "id": "Asia/Jakarta",
    "ph": "Asia/Manila",
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "cn": "Asia/Shanghai",
    "hk": "Asia/Hong_Kong",
    "sg": "Asia/Singapore",
    "tw": "Asia/Taipei",
    "au": "Australia/Sydney",
    "nz": "Pacific/Auckland",
    "za": "Africa/Johannesburg",
    "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi",
    "eg": "Africa/Cairo",
    "us": "America/New_York",
    "ca": "America/Toronto",
    "mx": "America/Mexico_City",
    "br": "America/Sao_Paulo",
    "ar": "America/Argentina/Buenos_Aires",
    "cl": "America/Santiago",
    "co": "America/Bogota",
    "pe": "America/Lima",
}
GENERIC_COUNTRY_DOMAINS = frozenset({"co"})
"""Country domains sold for any use (".co" as in company): they say nothing of a country."""

TWELVE_HOUR_COUNTRIES = frozenset({"us", "ca", "au", "nz", "ph"})
"""Countries whose English pages write 12-hour clocks ("3:40", with or without "p.m."). Not
India's: its pages write "10:02 IST" for 10:02 and "22:10 IST" alike."""

OTHER_COUNTRY_ZONES: dict[str, tuple[str, ...]] = {
    # A country's zone (`COUNTRY_ZONES`) -> the country's other zones, one per offset: the
    # one a page means when the moments it stamps bear that offset ("-05:00" in April on a
    # US page is Central time).
    "America/New_York": (
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "Pacific/Honolulu",
    ),
    "America/Toronto": (
        "America/Halifax",
        "America/St_Johns",
        "America/Winnipeg",
        "America/Edmonton",
        "America/Regina",
        "America/Vancouver",
    ),
    "Australia/Sydney": (
        "Australia/Brisbane",
        "Australia/Adelaide",
        "Australia/Darwin",
        "Australia/Perth",
    ),
    "America/Mexico_City": ("America/Cancun", "America/Hermosillo", "America/Tijuana"),
    "America/Sao_Paulo": ("America/Manaus", "America/Rio_Branco", "America/Noronha"),
}

LANGUAGE_ZONES: dict[str, str] = {
    # Languages whose speakers mostly keep one zone's time. English, Portuguese and Arabic
    # are spread over many and name none; Spanish names Madrid unless a region tag
    # ("es-MX") names another country.
    "de": "Europe/Berlin",
    "fr": "Europe/Paris",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "pl": "Europe/Warsaw",
    "nl": "Europe/Amsterdam",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "no": "Europe/Oslo",
    "fi": "Europe/Helsinki",
    "el": "Europe/Athens",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "hr": "Europe/Zagreb",
    "sr": "Europe/Belgrade",
    "bs": "Europe/Sarajevo",
    "sl": "Europe/Ljubljana",
    "uk": "Europe/Kyiv",
    "ru": "Europe/Moscow",
    "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem",
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    "zh": "Asia/Shanghai",
    "hi": "Asia/Kolkata",
    "id": "Asia/Jakarta",
    "ms": "Asia/Kuala_Lumpur",
    "ca": "Europe/Madrid",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "et": "Europe/Tallinn",
    "ne": "Asia/Kathmandu",
    "fa": "Asia/Tehran",
    "ur": "Asia/Karachi",
    "bn": "Asia/Dhaka",
}


MATCH_PERIODS = (
    # The stages of a match a commentary marks between its posts ("48' Mi-temps"), in the
    # commentary's own list: not posts; alone in a post's stamp ("MT"), the post's label.
    # Per language, phrases parted by commas.
    "kick-off, kick off, half-time, half time, halftime, full-time, full time, end of match,"
    " end of the match, extra time, extra-time, penalties, penalty shoot-out, first half,"
    " second half, ht, ft, pregame, pre-game, postgame, overtime, final/ot",
    "anpfiff, abpfiff, halbzeit, halbzeitpause, spielende, spielbeginn, erste halbzeit,"
    " zweite halbzeit, verlängerung, elfmeterschießen, pause",
    "coup d'envoi, mi-temps, fin du match, début du match, prolongations, prolongation,"
    " tirs au but, première période, seconde période, mt, fin",
    "inizio partita, calcio d'inizio, fine primo tempo, intervallo, primo tempo, secondo tempo,"
    " fine partita, supplementari, rigori, fine",
    "inicio del partido, descanso, final del partido, primera parte, segunda parte,"
    " primer tiempo, segundo tiempo, prórroga, penaltis, final",
    "aftrap, rust, eerste helft, tweede helft, einde wedstrijd, verlenging, strafschoppen, einde",
    "początek meczu, przerwa, koniec meczu, pierwsza połowa, druga połowa, dogrywka, rzuty karne,"
    " koniec",
)
"""English, German, French, Italian, Spanish, Dutch, Polish."""

MATCH_PERIOD_ORDINAL = (
    r"[1-4]\s*(?:st|nd|rd|th|ère|ere|re|ème|éme|eme|e|\.)?\s*"
    r"(?:half|halbzeit|période|periode|mi-temps|tempo|parte|tiempo|helft|połowa)"
)
"""A numbered period: "2ème période", "1st half", "2. Halbzeit"."""


WORD_MARKS = "".join(
    map(chr, (*range(0x900, 0x904), *range(0x93A, 0x950), *range(0x951, 0x958), 0x962, 0x963))
) + "".join(map(chr, (*range(0x981, 0x984), 0x9BC, *range(0x9BE, 0x9CE), 0x9D7, 0x9E2, 0x9E3)))
"""The vowel signs and other marks of Devanagari and Bengali, inside words, which Python's
`\\w` and `str.isalpha` leave out: "मिनट" is one word, not "म" and "नट"."""


# --- matching the words -------------------------------------------------------------------


def fold(word: str) -> str:
    """Lower case without accents, for looking words up: "Août" -> "aout", "ŚR" -> "sr",
    Turkish "Mayıs" -> "mayis"."""
    lowered = word.lower().replace("ł", "l").replace("’", "'")
    if lowered.isascii() or "\uac00" <= lowered[:1] <= "\ud7a3":
        return lowered  # Hangul: its syllables' letters are no accents to take off
    decomposed = unicodedata.normalize("NFKD", lowered.replace("ı", "i"))
    # The marks of Devanagari and Bengali are letters of their words, not accents: a word's
    # first four characters, folded, are still the first four of its folded form.
    return "".join(
        char for char in decomposed if not unicodedata.combining(char) or char in WORD_MARKS
    )


def spellings_pattern(spellings: Iterable[str]) -> str:
    """A regex for any of these words, as written or folded, whole words only."""
    return any_word({form for spelling in spellings for form in (spelling, fold(spelling))})


def any_word(forms: Iterable[str]) -> str:
    """A regex for any of `forms`, whole words only. The words share a trie: a plain
    alternation of hundreds of words costs microseconds a match, each tried in turn."""
    trie: _Trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) + r"(?![^\W\d_])"


_Trie = dict[str, "_Trie"]


def _trie_pattern(node: _Trie) -> str:
    """Longer words first: a word that goes on is tried before one that ends here."""
    branches = [
        ("['’]" if char == "'" else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
