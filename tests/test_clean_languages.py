"""Phrase and structural rules in every language the cleaner knows: each promo line goes with
its rule, and a real paragraph that uses the same words stays.

The lines are written as the live blogs of each language print them; the look-alikes are
sentences a reporter could write with the same words.
"""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread import cleanwords as words
from liveread.clean import Cleaner
from liveread.cleanphrases import LEADING_PHRASES, leading_match, phrase_rule
from liveread.model import Heading, ListBlock, Paragraph, Span

REAL = "Firefighters were called to the warehouse shortly after 3am, the fire service said."

PROMO = {
    "en": [
        ("Live odds: Home +145 · Draw +210 · Away +180 Bet Now", "betting ad"),
        ("21+ only. Gambling problem? Call 1-800-GAMBLER.", "betting ad"),
        ("18+ | Please gamble responsibly | BeGambleAware.org", "betting ad"),
        ("Bet now", "ad label"),
        ("Also Read: Infra stocks rally as government keeps up capex push", "read more"),
        ("Related: Storm Bert leaves thousands without power", "read more"),
        ("Farming Ledger newsletter", "newsletter"),
        (
            "Get the week's farming news, mart prices and weather in your inbox every Thursday.",
            "newsletter",
        ),
        (
            "Get our election wrap in your inbox on Monday morning. Sign up to the Southern "
            "Tableland newsletter.",
            "newsletter",
        ),
        ("Sign up", "newsletter"),
        ("Follow the Mirror on WhatsApp for breaking news", "whatsapp prompt"),
        ("Download the Gulf Coast Now app for storm alerts", "app prompt"),
        ("Read the full story: IFS says the tax rises are historic", "read more"),
        ("Share on WhatsApp", "share tools"),
        (
            "Local news is a public service. The Gazette is a nonprofit newsroom. Donate today"
            " to support reporting like this.",
            "donation ask",
        ),
        ("Please donate now to keep our journalism free for everyone.", "donation ask"),
        ("Donate now", "donation ask"),
        ("This is a Premium article", "subscription prompt"),
        ("Subscribe to continue reading.", "subscription prompt"),
        ("Already a subscriber? Sign in", "sign-in prompt"),
        ("Already have an account? Log in", "sign-in prompt"),
        ("Subscribe to read the full story.", "subscription prompt"),
        ("To continue reading this article, subscribe now.", "subscription prompt"),
        ("Continue reading with a subscription", "subscription prompt"),
        ("This content is for subscribers only.", "subscription prompt"),
        ("Subscribe for unlimited access", "subscription prompt"),
        ("Get unlimited digital access for $1 a week.", "subscription prompt"),
        ("Unlock this article", "subscription prompt"),
        ("Become a subscriber to read this post", "subscription prompt"),
        ("Subscriber exclusive", "subscription prompt"),
        ("Link Copied!", "share tools"),
        ("Facebook X WhatsApp", "share tools"),
        ("ADVERTISEMENT", "ad label"),
        ("Story continues below advertisement", "ad label"),
        ("Loading video…", "player notice"),
        ("This video is no longer available.", "player notice"),
        ("You need to enable JavaScript to run this app.", "javascript note"),
        (
            "We and our partners use cookies and similar technologies to store and access "
            "information on your device.",
            "cookie notice",
        ),
    ],
    "de": [
        (
            "18+ | Glücksspiel kann süchtig machen | Hilfe unter www.check-dein-spiel.de",
            "betting ad",
        ),
        (
            "Lesen Sie auch: Unwetter-Bilanz: So teuer wird der Sommer für die Versicherer",
            "read more",
        ),
        ("Mehr zum Thema: Was die Warnstufen bedeuten", "read more"),
        ("Hier weiterlesen: Was die Warnstufen bedeuten", "read more"),
        ("Anzeige", "ad label"),
        ("Werbung", "ad label"),
        ("Weiterlesen nach der Anzeige", "ad label"),
        (
            "Der Lahntal-Anzeiger-Newsletter: Jeden Morgen die wichtigsten Nachrichten aus der "
            "Region. Jetzt kostenlos abonnieren!",
            "newsletter",
        ),
        ("Zur Anmeldung", "newsletter"),
        ("Bahnstreik: Mehr News finden Sie hier – alle Artikel zum Thema.", "read more"),
        ("Weitere Nachrichten aus der Region finden Sie hier.", "read more"),
        (
            "Unser Talkreis-Newsletter informiert Sie über alle wichtigen Geschichten aus der"
            " Region. Melden Sie sich hier an.",
            "newsletter",
        ),
        (
            "Sie wollen keine Nachricht aus dem Kreis verpassen? Folgen Sie dem "
            "Lahntal-Anzeiger jetzt auf WhatsApp.",
            "whatsapp prompt",
        ),
        ("Kanal abonnieren", "whatsapp prompt"),
        (
            "Jetzt Alpenrundschau PLUS lesen: Alle Artikel, das E-Paper und der Newsletter "
            "„Der Morgen“ um nur 9,90 Euro im Monat.",
            "subscription prompt",
        ),
        ("Jetzt abonnieren", "subscription prompt"),
        ("Video wird geladen …", "player notice"),
        (
            "Video: Hochwasser am SeeAus Tagesschau vom 30.06.2024. abspielen. Laufzeit 1 Minute"
            " 52 Sekunden.",
            "player notice",
        ),
        ("Link kopiert", "share tools"),
        ("Teilen auf Facebook", "share tools"),
        (
            "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte "
            "zu personalisieren.",
            "cookie notice",
        ),
        ("Bitte aktivieren Sie JavaScript, um dieses Video zu sehen.", "javascript note"),
    ],
    "fr": [
        ("Jouer comporte des risques : endettement, isolement, dépendance.", "betting ad"),
        (
            "À lire aussi : Incendies dans les Landes : les chiffres d'un été sous tension",
            "read more",
        ),
        ("Sur le même sujet", "read more"),
        ("Lire l'article complet : les chiffres d'un été sous tension", "read more"),
        ("Publicité", "ad label"),
        ("Recevez chaque matin l'essentiel de l'actualité de votre département.", "newsletter"),
        ("Newsletter Landes", "newsletter"),
        ("Je m'inscris", "newsletter"),
        ("Suivez-nous sur WhatsApp pour ne rien manquer", "whatsapp prompt"),
        ("Abonnez-vous pour lire la suite", "subscription prompt"),
        ("Cet article est réservé aux abonnés.", "subscription prompt"),
        ("Cliquez pour lancer la vidéo", "player notice"),
        ("Le chargement de la vidéo", "player notice"),
        ("Copier le lien", "share tools"),
        ("Lien copié", "share tools"),
        (
            "Nos partenaires et nous utilisons des cookies pour personnaliser les contenus.",
            "cookie notice",
        ),
    ],
    "it": [
        ("18+. Gioca responsabilmente.", "betting ad"),
        ("Leggi anche: Vacanze, quanto costa un ombrellone quest'estate", "read more"),
        ("Pubblicità", "ad label"),
        ("La newsletter della Gazzetta", "newsletter"),
        (
            "Ogni mattina le notizie della Toscana nella tua casella di posta. Iscriviti gratis",
            "newsletter",
        ),
        ("Seguici su WhatsApp", "whatsapp prompt"),
        ("Scarica l'app del Tirreno", "app prompt"),
        ("Questo articolo è riservato agli abbonati", "subscription prompt"),
        ("Il video è in caricamento", "player notice"),
        ("Condividi", "share tools"),
        ("Link copiato", "share tools"),
        ("Utilizziamo i cookie per migliorare la tua esperienza.", "cookie notice"),
    ],
    "es": [
        ("Mirá también: Dólar hoy: a cuánto cotiza este jueves", "read more"),
        ("Sigue leyendo: Qué servicios funcionan durante el paro", "read more"),
        ("+18. Juega con responsabilidad.", "betting ad"),
        (
            "Te puede interesar: Calendario de amistosos de pretemporada de los equipos de LaLiga",
            "read more",
        ),
        ("Publicidad", "ad label"),
        ("Recibe cada mañana las noticias de tu equipo", "newsletter"),
        ("Síguenos en WhatsApp", "whatsapp prompt"),
        (
            "Hazte suscriptor y accede sin límites a toda la información de tu equipo por solo "
            "1 € el primer mes.",
            "subscription prompt",
        ),
        ("Suscríbete", "subscription prompt"),
        ("Cargando vídeo...", "player notice"),
        ("Compartir en WhatsApp", "share tools"),
        ("Enlace copiado", "share tools"),
        ("Utilizamos cookies propias y de terceros.", "cookie notice"),
    ],
    "pt": [
        ("18+. Jogue com responsabilidade.", "betting ad"),
        ("Leia também: Calor recorde faz consumo de energia bater máxima histórica", "read more"),
        ("Publicidade", "ad label"),
        ("Cadastre-se na newsletter Primeira Hora", "newsletter"),
        ("Receba toda manhã as principais notícias da cidade", "newsletter"),
        ("Siga o canal da Folha no WhatsApp", "whatsapp prompt"),
        ("Assine já", "subscription prompt"),
        ("Compartilhar no WhatsApp Copiar link", "share tools"),
        ("Copiar link", "share tools"),
    ],
    "pl": [
        ("18+. Graj odpowiedzialnie.", "betting ad"),
        ("Zobacz też: Nowe bilety okresowe od sierpnia. Sprawdź ceny", "read more"),
        ("REKLAMA", "ad label"),
        ("Zapisz się do newslettera", "newsletter"),
        (
            "Pobierz aplikację Gazety Nadwiślańskiej i otrzymuj powiadomienia o "
            "najważniejszych wydarzeniach z regionu.",
            "app prompt",
        ),
        ("Pobierz", "app prompt"),
        ("Zaprenumeruj i czytaj bez ograniczeń", "subscription prompt"),
        ("Ładowanie wideo...", "player notice"),
        ("Udostępnij", "share tools"),
        ("Skopiuj link", "share tools"),
        ("Używamy plików cookies, aby ułatwić korzystanie z serwisu.", "cookie notice"),
    ],
    "nl": [
        ("Wat kost gokken? Stop op tijd. 18+", "betting ad"),
        ("Lees ook: NS zet extra treinen in tijdens festivalweekend", "read more"),
        ("Advertentie", "ad label"),
        ("Meld je aan voor de nieuwsbrief van de Noordkust Courant", "newsletter"),
        ("Volg ons op WhatsApp", "whatsapp prompt"),
        ("Word abonnee en lees alles", "subscription prompt"),
        ("Video wordt geladen", "player notice"),
        ("Delen", "share tools"),
        ("Link gekopieerd", "share tools"),
        ("Wij en onze partners gebruiken cookies om content te personaliseren.", "cookie notice"),
    ],
    "sv": [
        ("18+. Spela ansvarsfullt. Stodlinjen.se", "betting ad"),
        ("Läs också: Så följer du Kustregattan live på sjökortet", "read more"),
        ("Annons", "ad label"),
        (
            "Läs allt från Kustbladet för 1 krona första månaden. Bli prenumerant i dag!",
            "subscription prompt",
        ),
        ("Prenumerera", "subscription prompt"),
        ("Följ oss på WhatsApp", "whatsapp prompt"),
        ("Dela", "share tools"),
        ("Vi använder cookies för att ge dig en bättre upplevelse.", "cookie notice"),
    ],
    "da": [
        ("Læs også: Sådan sikrer du din kælder mod vand", "read more"),
        ("Læs mere: Her er DMI's varsel for weekenden", "read more"),
    ],
    "no": [("Les også: Dette må du vite om streiken", "read more")],
    "fi": [
        ("Lue myös: Näin varaudut talvimyrskyyn", "read more"),
        ("Lue lisää: Ajokeli on huono koko maassa", "read more"),
    ],
    "cs": [
        ("Čtěte také: Jak se připravit na povodeň", "read more"),
        ("Komerční sdělení", "ad label"),
    ],
    "sk": [("Čítajte aj: Nelegálne skládky na Slovensku", "read more")],
    "ro": [
        ("Citește și: Cum se formează incendiile de vegetație", "read more"),
        ("Citeşte şi: Codul roşu de ploi, prelungit", "read more"),
        ("PUBLICITATE", "ad label"),
    ],
    "tr": [
        ("İlgili haber: Deprem çantasında neler olmalı?", "read more"),
        ("Reklam", "ad label"),
    ],
    "el": [
        ("Διαβάστε επίσης: Πώς να προστατευτείτε από τον καπνό", "read more"),
        ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Τα μέτρα για τους πληγέντες", "read more"),
        ("ΔΙΑΦΗΜΙΣΗ", "ad label"),
        ("Διαφήμιση", "ad label"),
    ],
    "hu": [
        ("Kapcsolódó: Ezek voltak a legnagyobb dunai árvizek", "read more"),
        ("Hirdetés", "ad label"),
    ],
    "hr": [
        ("Pročitajte i: Kako se pripremiti za poplavu", "read more"),
        ("Oglas", "ad label"),
        ("Podijeli", "share tools"),
        ("Pratite nas na Telegramu i budite prvi informirani.", "whatsapp prompt"),
    ],
    "sr": [("Pročitajte još: Kako se pripremiti za poplavu", "read more")],
    "sl": [("Preberite tudi: Kako se pripraviti na poplave", "read more")],
    "ru": [
        ("Читайте также: Как подготовиться к паводку", "read more"),
        ("ЧИТАЙТЕ ТАКЖЕ: Как подготовиться к паводку", "read more"),
        ("Реклама", "ad label"),
        (
            "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать о главных событиях!",
            "whatsapp prompt",
        ),
        ("Подпишитесь на «Вести» в Телеграме", "whatsapp prompt"),
    ],
    "uk": [
        ("Читайте також: Як підготуватися до повені", "read more"),
        ("Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини!", "whatsapp prompt"),
    ],
    "bg": [("Прочетете още: Как да се подготвим за наводнение", "read more")],
    "ca": [
        ("Llegiu també: Com actuar en cas d'inundació", "read more"),
        ("Publicitat", "ad label"),
        ("Comparteix", "share tools"),
    ],
    "lt": [
        ("Taip pat skaitykite: Kas laimėjo pirmąjį turą?", "read more"),
        ("Dalintis", "share tools"),
    ],
    "id": [
        ("Baca juga: Daftar Wilayah Banjir di Jakarta", "read more"),
        ("Iklan", "ad label"),
        ("Bagikan", "share tools"),
    ],
    "hi": [
        ("यह भी पढ़ें: मौसम विभाग ने जारी किया ऑरेंज अलर्ट", "read more"),
        ("विज्ञापन", "ad label"),
        ("शेयर करें", "share tools"),
    ],
    "ar": [
        ("اقرأ أيضا: ما الذي نعرفه حتى الآن؟", "read more"),
        ("إعلان", "ad label"),
        ("مشاركة", "share tools"),
    ],
    "he": [
        ("קראו גם: כך תתכוננו לסערה", "read more"),
        ("פרסומת", "ad label"),
        ("שתפו", "share tools"),
    ],
    "ko": [
        ("관련기사: 태풍 대비 요령", "read more"),
        ("광고", "ad label"),
        ("공유하기", "share tools"),
    ],
    "zh": [
        ("相关阅读：台风来了怎么办", "read more"),
        ("广告", "ad label"),
        ("分享到", "share tools"),
    ],
}

LOOKALIKES = {
    "hr": [
        "Pročitajte i priopćenje vatrogasaca, objavljeno jutros na njihovoj stranici.",
        "Oglas za posao objavljen je na stranici općine prošlog tjedna.",
    ],
    "sr": [
        "Pročitajte još jednom uputstvo pre nego što krenete na put.",
        "Povezane vesti o poplavama objavljuje i opštinski sajt.",
    ],
    "sl": [
        "Preberite tudi navodila gasilcev, preden se odpravite na pot.",
        "Oglas za delo je bil objavljen na spletni strani občine.",
    ],
    "ru": [
        "Реклама фестиваля висела на каждой остановке в центре города.",
        "Читайте также внимательно инструкции спасателей перед выездом.",
        "Жители подписывались на Telegram-каналы районных администраций, чтобы узнать о воде.",
    ],
    "uk": [
        "Читайте також повідомлення рятувальників на їхньому сайті.",
        "Реклама фестивалю висіла на кожній зупинці в центрі міста.",
    ],
    "bg": [
        "Прочетете още веднъж указанията, преди да тръгнете на път.",
        "Рекламата на фестивала висеше на всяка спирка в центъра.",
    ],
    "en": [
        "Punters were urged to gamble responsibly after the club's sponsorship deal was announced.",
        "The favourite is no safe bet now that the going has turned soft, trainers said.",
        "Related to the fire, police closed two roads near the warehouse on Sunday.",
        "The company's newsletter, sent to 40,000 subscribers, first reported the merger.",
        "Residents were told to follow the council's advice on WhatsApp and Facebook.",
        "Sign up sheets for volunteers were posted at the town hall this morning.",
        "Share prices fell sharply after the announcement, traders said.",
        "Loading of the ferries resumed at noon after the wind dropped.",
        "The foundation will donate $5m to support local journalism in the county, it said.",
        "Residents can donate blood at the community centre, which will keep reporting stock.",
        "Already a subscriber? Sign in required for the council's new parking app, it said.",
        "This is a premium article about the cost of housing, the editor wrote on Monday.",
        "Subscribers to the water company's newsletter were told to boil tap water until Friday.",
        "Get unlimited access to the stadium car park with a season ticket, the club said, from"
        " August.",
        "Unlock the full potential of the harbour, the council's plan says, by dredging it.",
    ],
    "de": [
        "Die Beratungsstelle warnt, dass Sportwetten gerade junge Männer in Schulden treiben.",
        "Lesen Sie auch die Stellungnahme des Bürgermeisters, die wir unten dokumentieren.",
        "Die Anzeige gegen den Bürgermeister wurde am Montag erstattet.",
        "Die Werbung für das Stadtfest hing an jeder Laterne in der Innenstadt.",
        "Der Newsletter des Vereins hat inzwischen mehr als 4000 Abonnenten.",
        "Die Polizei bittet, Videos des Unglücks nicht über WhatsApp weiterzuleiten.",
        "Jetzt beginnt das Aufräumen in den Kellern der Altstadt.",
    ],
    "fr": [
        "À lire aussi le rapport complet de la préfecture, publié ce matin en ligne.",
        "La publicité pour le festival a été retirée après la mort du pompier.",
        "Les habitants reçoivent chaque matin un bulletin de la préfecture par SMS.",
        "Les gendarmes ont suivi le suspect jusqu'à Dax, selon nos informations.",
    ],
    "it": [
        "Leggi anche la nota della Regione, che invita a partire di sera.",
        "La pubblicità del nuovo traghetto per l'Elba è stata ritirata.",
        "Ogni mattina i pendolari trovano code sulla A1 tra Barberino e Firenze.",
    ],
    "es": [
        "Mira también hacia el norte, donde el río ya superó la cota de alerta.",
        "Te puede interesar saber que el club ya negoció con el jugador en enero.",
        "La publicidad del club en la camiseta cambiará la próxima temporada.",
        "El club pidió a los aficionados que sigan las novedades por WhatsApp.",
    ],
    "pt": [
        "Leia também o relatório da concessionária, divulgado nesta manhã.",
        "A publicidade da prefeitura sobre o apagão foi suspensa.",
    ],
    "pl": [
        "Zobacz też, jak wyglądały przystanki w centrum o szóstej rano.",
        "Reklama na przystankach przy placu Wolności została zniszczona.",
    ],
    "nl": [
        "Lees ook het verslag van de gemeente, dat vanochtend verscheen.",
        "De advertentie voor het festival werd op sociale media massaal gedeeld.",
        "Delen van de stad zitten sinds vanochtend zonder stroom.",
    ],
    "sv": [
        "Läs också vad seglarna själva säger om banan efter starten.",
        "Annonsen för regattan syntes på bussarna i hela stan.",
        "Dela upp loppet i två etapper, föreslår arrangören nu.",
    ],
    "da": [
        "Læs også mere om varslet i DMI's egen oversigt, opfordrer beredskabet.",
        "Politiet beder folk læse mere om de lukkede veje, før de kører hjemmefra.",
    ],
    "no": [
        "Les også rådene fra Statens vegvesen før du kjører ut i kveld.",
        "Forbundet vil lese mer om tilbudet før de svarer, sier lederen.",
    ],
    "fi": [
        "Lue myös kaupungin tiedote ennen kuin lähdet liikkeelle aamulla.",
        "Poliisi pyytää lukemaan lisää ajokelistä ennen matkaa.",
    ],
    "cs": [
        "Čtěte také zprávu hasičů, kterou zveřejnili dnes ráno na webu.",
        "Reklama na festival visela na každé zastávce v centru města.",
    ],
    "sk": [
        "Čítajte aj vyjadrenie hasičov, ktoré zverejnili dnes ráno.",
        "Pred 19. hodinou nahlásili požiar skládky hasičom.",
    ],
    "ro": [
        "Citește și comunicatul ISU, publicat în această dimineață pe site.",
        "Publicitatea pentru festival a fost retrasă după incendiu.",
    ],
    "tr": [
        "Reklam panoları fırtınada yıkıldı, iki araç hasar gördü.",
        "İlgili haber kanalları gün boyu canlı yayın yaptı.",
    ],
    "el": [
        "Διαβάστε επίσης την ανακοίνωση της Πυροσβεστικής που εκδόθηκε το πρωί.",
        "Η διαφήμιση του φεστιβάλ αποσύρθηκε μετά την πυρκαγιά.",
    ],
    "hu": [
        "Kapcsolódó intézkedéseket is bejelentett a főpolgármester délután.",
        "A hirdetés a fesztiválról minden megállóban kint volt.",
    ],
    "ca": [
        "Llegiu també el comunicat dels bombers, publicat aquest matí al seu web.",
        "Comparteix la teva experiència amb els veïns, va demanar l'alcaldessa.",
    ],
    "lt": [
        "Taip pat skaitykite rinkimų komisijos pranešimą, paskelbtą šį rytą.",
        "Dalintis informacija su kaimynais paragino meras.",
    ],
    "id": [
        "Baca juga pengumuman resmi BPBD yang diterbitkan pagi ini di situsnya.",
        "Iklan festival itu dipasang di setiap halte di pusat kota.",
    ],
    "hi": [
        "यह भी पढ़ें कि नगर निगम ने सुबह क्या कहा था।",
        "विज्ञापन के लिए लगाए गए होर्डिंग आंधी में गिर गए।",
    ],
    "ar": [
        "مشاركة واسعة في الانتخابات المحلية هذا العام بحسب اللجنة.",
        "إعلان الحكومة جاء بعد اجتماع طارئ مساء أمس.",
    ],
    "he": [
        "קראו גם את הודעת כבאות והצלה שפורסמה הבוקר באתר.",
        "פרסומת לפסטיבל נתלתה בכל תחנה במרכז העיר.",
    ],
    "ko": [
        "관련기사를 보면 지난해에도 같은 피해가 있었다.",
        "광고판이 강풍에 쓰러져 차량 두 대가 파손됐다.",
    ],
    "zh": [
        "广告牌在大风中倒塌，砸坏两辆汽车。",
        "分享到朋友圈的视频显示，街道已被洪水淹没。",
    ],
}


def para(text: str, href: str | None = None) -> Paragraph:
    return Paragraph((Span(text, href=href),))


def _cases(table: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    return [(language, line, rule) for language, lines in table.items() for line, rule in lines]


@pytest.mark.parametrize(
    ("language", "line", "rule"), _cases(PROMO), ids=lambda value: str(value)[:40]
)
def test_promo_line_goes_with_its_rule(language: str, line: str, rule: str) -> None:
    cleaner = Cleaner()
    kept = cleaner.clean_blocks([para(REAL), para(line)], "post-1")
    assert kept == [para(REAL)], language
    assert [(r.rule, r.entry_key) for r in cleaner.removals] == [(rule, "post-1")]


@pytest.mark.parametrize(
    ("language", "text"),
    [(language, text) for language, texts in LOOKALIKES.items() for text in texts],
    ids=lambda value: str(value)[:40],
)
def test_real_paragraph_with_the_same_words_stays(language: str, text: str) -> None:
    cleaner = Cleaner()
    assert cleaner.clean_blocks([para(text)], "k") == [para(text)], language
    assert cleaner.removals == []


def test_every_language_has_promo_lines_and_lookalikes() -> None:
    languages = {"en", "de", "fr", "it", "es", "pt", "pl", "nl", "sv", "da", "no", "fi"}
    languages |= {"cs", "sk", "ro", "tr", "el", "hu", "hr", "sr", "sl", "ru", "uk", "bg"}
    languages |= {"ca", "lt", "id", "hi", "ar", "he", "ko", "zh"}
    assert set(PROMO) == set(LOOKALIKES) == languages
    assert all(len(LOOKALIKES[language]) >= 2 for language in languages)


@pytest.mark.parametrize(
    ("kicker", "headline"),
    [
        ("Leia também", "Calor recorde faz consumo de energia bater máxima histórica"),
        ("Leggi anche", "Vacanze, quanto costa un ombrellone quest'estate"),
        ("Related article", "Power outage map: See where the lights are out"),
    ],
)
def test_a_kicker_without_a_colon_goes_when_a_linked_headline_follows(
    kicker: str, headline: str
) -> None:
    linked = Paragraph((Span(kicker + " "), Span(headline, href="https://example.com/other")))
    assert phrase_rule(linked, f"{kicker} {headline}") == "read more"
    unlinked = para(f"{kicker} {headline}")
    assert phrase_rule(unlinked, unlinked.text) is None


def test_a_list_of_share_networks_goes_and_a_list_naming_one_stays() -> None:
    networks = ListBlock(((Span("Facebook"),), (Span("X"),), (Span("WhatsApp"),)))
    assert phrase_rule(networks, networks.text) == "share tools"
    names = ListBlock(((Span("Facebook"),), (Span("Meta said profits rose 12%"),)))
    assert phrase_rule(names, names.text) is None


def test_a_newsletter_name_goes_only_as_a_short_line() -> None:
    assert phrase_rule(Heading((Span("Farming Ledger newsletter"),)), "Farming Ledger newsletter")
    sentence = "The newsletter was sent to 40,000 readers in the county on Friday."
    assert phrase_rule(para(sentence), sentence) is None


def test_leading_patterns_name_no_groups_and_their_split_by_first_letter_loses_none() -> None:
    """`leading_match` picks one combined pattern by a block's first character: it must find
    what one pattern of all the rules finds."""
    assert all(re.compile(pattern).groups == 0 for pattern, _ in LEADING_PHRASES)
    whole = re.compile(
        "|".join(f"(?P<r{n}>{pattern})" for n, (pattern, _) in enumerate(LEADING_PHRASES)), re.I
    )
    texts = [line for lines in PROMO.values() for line, _ in lines]
    texts += [text for lines in LOOKALIKES.values() for text in lines]
    texts += ["[[(gele.Finegil.Image2014v1) TOPSHOT]]", "【関連記事】大雨に備えて", "Übersicht"]
    matched = 0
    for text in texts:
        expected = whole.match(text)
        found = leading_match(text)
        assert (found and found.lastgroup) == (expected and expected.lastgroup), text
        matched += expected is not None
    assert matched > 40


def test_each_first_letters_pattern_finds_every_kicker_as_all_the_rules_do() -> None:
    """Each first character's pattern holds only the kickers that start with it: every
    kicker of every language, however it is followed, is still found there, and as far."""
    whole = re.compile(
        "|".join(f"(?P<r{n}>{pattern})" for n, (pattern, _) in enumerate(LEADING_PHRASES)), re.I
    )
    kickers = [phrase for phrases in words.READ_MORE.values() for phrase in phrases]
    endings = ("", ": Flood warnings lifted", " Flood warnings lifted", "Flood", " > more", "'s")
    texts = [f"{kicker}{ending}" for kicker in kickers for ending in endings]
    texts += [text.upper() for text in texts] + [text.title() for text in texts]
    found = 0
    for text in texts:
        expected = whole.match(text)
        match = leading_match(text)
        assert (match and (match.lastgroup, match.end())) == (
            expected and (expected.lastgroup, expected.end())
        ), text
        found += expected is not None
    assert found > len(kickers)


# Link boxes: a kicker and headlines that are links, in any language, headings or not.


def judged(html: str) -> str | None:
    node = LexborHTMLParser(html).css_first("body > *")
    assert node is not None
    return Cleaner().judge(node)


@pytest.mark.parametrize(
    "html",
    [
        '<div class="related-content"><span>Related article</span> <a href="/weather/map">'
        "Power outage map: See where the lights are out</a></div>",
        '<div class="leia-tambem"><span>Leia também</span> <a href="/cotidiano/calor">'
        "Calor recorde faz consumo de energia bater máxima histórica</a></div>",
        '<div class="inline-article"><strong>Leggi anche</strong> <a href="/cronaca/x">'
        "Vacanze, quanto costa un ombrellone quest'estate</a></div>",
        '<section><p>Mehr zum Thema</p><ul><li><a href="/a">Unwetter: Was die Warnstufen '
        'bedeuten</a></li><li><a href="/b">So schützen Sie Ihren Keller vor Wasser</a></li>'
        "</ul></section>",
        '<div><a href="https://other.example/story"><img src="/t.jpg" alt="">'
        "<span>Inside the control room as the storm hit</span></a></div>",
    ],
    ids=["kicker-en", "kicker-pt", "kicker-it", "list-de", "image-card"],
)
def test_a_box_of_links_to_other_articles_is_a_teaser_card(html: str) -> None:
    assert judged(html) == "teaser card"


@pytest.mark.parametrize(
    "html",
    [
        '<div><p>Die Polizei hat <a href="/a">eine Warnung</a> herausgegeben und bittet alle '
        "Anwohner um Vorsicht.</p></div>",
        '<div class="byline">By <a href="/profiles/dana-whitfield">Dana Whitfield</a></div>',
        '<div class="writer">By <a href="/profiles/jane">Jane Doe, Political Editor at large'
        "</a></div>",
        '<div class="embed"><a href="https://twitter.com/gulfcoast/status/1">Causeway Bridge '
        "is closed in both directions</a></div>",
        '<div><a href="#post-3">Jump to the latest post in this live blog</a></div>',
        '<div><span>Related</span> <a href="/x">' + "A very long headline " * 16 + "</a></div>",
    ],
    ids=["text-with-link", "byline", "byline-role", "social", "anchor", "too-long"],
)
def test_a_box_that_is_not_links_to_articles_stays(html: str) -> None:
    assert judged(html) is None


@pytest.mark.parametrize("label", ["Mehr dazu:", "More:", "Plus :", "Más:", "Zie ook:"])
def test_a_short_label_and_one_linked_headline_is_a_read_more_line(label: str) -> None:
    headline = "Storm closes the harbour for two days"
    linked = Paragraph((Span(label + " "), Span(headline, href="https://example.com/other")))
    assert phrase_rule(linked, f"{label} {headline}") == "read more"


@pytest.mark.parametrize(
    "spans",
    [
        (Span("Quelle: "), Span("dpa", href="https://example.com/dpa")),
        (Span("The mayor said: "), Span("storm closes the harbour", href="https://example.com/x")),
        (
            Span("Update: "),
            Span("the harbour", href="https://example.com/x"),
            Span(" is closed until Monday."),
        ),
    ],
    ids=["source-name", "long-label", "text-after-the-link"],
)
def test_a_label_and_a_link_that_is_no_read_more_line_stays(spans: tuple[Span, ...]) -> None:
    block = Paragraph(spans)
    assert phrase_rule(block, block.text) is None
