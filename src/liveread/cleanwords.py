"""The words of promotion and post furniture, per language, as data for `clean`.

Phrases are written in lower case as pages spell them, with "'" for any apostrophe; `clean`
compares them with a block's text case-folded and stripped of the punctuation around it.
Entries that are regular expressions say so. Languages: English, German, French, Italian,
Spanish, Portuguese, Polish, Dutch, Swedish, Danish, Norwegian, Finnish (some of them), Czech,
Slovak, Romanian, Turkish, Greek and Hungarian (kickers and ad labels), a few Japanese labels, and
kickers, ad labels and share buttons in Catalan, the Baltic languages, Indonesian, Malay, Hindi,
Arabic, Hebrew, Korean and Chinese.
Greek is written both with its accents and in capitals' plain letters ("ΔΙΑΦΗΜΙΣΗ").
"""

from __future__ import annotations

Words = dict[str, tuple[str, ...]]
"""Phrases per language code."""


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------------------------
# Lines that point to another article: a kicker, then a separator or a linked headline.

READ_MORE: Words = {
    "en": (
        "read more",
        "read also",
        "also read",
        "read next",
        "see also",
        "related",
        "related article",
        "related articles",
        "related story",
        "related stories",
        "related content",
        "related coverage",
        "recommended",
        "recommended reading",
        "don't miss",
        "must read",
        "more on this story",
        "more on this",
        "further reading",
        "you may also like",
        "read the full story",
        "read the full article",
        "read the full report",
        "read our full story",
        "full story",
        "related topics",
    ),
    "de": (
        "lesen sie auch",
        "lesen sie mehr",
        "lesen sie hier",
        "mehr dazu lesen sie hier",
        "mehr dazu hier",
        "mehr zum thema",
        "auch interessant",
        "das könnte sie auch interessieren",
        "das könnte sie interessieren",
        "passend zum thema",
        "siehe auch",
        "weiterlesen",
        "hier weiterlesen",
        "den ganzen artikel lesen",
        "zum artikel",
    ),
    "fr": (
        "à lire aussi",
        "a lire aussi",
        "lire aussi",
        "à lire également",
        "lire également",
        "lire la suite",
        "voir aussi",
        "à voir aussi",
        "sur le même sujet",
        "lire l'article complet",
        "lire notre article",
    ),
    "it": (
        "leggi anche",
        "leggi pure",
        "leggi l'articolo",
        "potrebbe interessarti",
        "ti potrebbe interessare",
        "vedi anche",
        "guarda anche",
        "articoli correlati",
        "leggi l'articolo completo",
    ),
    "es": (
        "te puede interesar",
        "también te puede interesar",
        "te podría interesar",
        "puede interesarte",
        "lee también",
        "lea también",
        "leer más",
        "ver también",
        "noticias relacionadas",
        "contenido relacionado",
        "relacionado",
        "relacionada",
        "lee la noticia completa",
        "lea la noticia completa",
        "mira también",
        "mirá también",
        "leé también",
        "seguí leyendo",
        "sigue leyendo",
    ),
    "pt": (
        "leia também",
        "leia mais",
        "veja também",
        "veja mais",
        "saiba mais",
        "leia a seguir",
        "notícias relacionadas",
        "relacionadas",
    ),
    "pl": (
        "zobacz też",
        "zobacz także",
        "czytaj też",
        "czytaj także",
        "czytaj więcej",
        "przeczytaj też",
        "przeczytaj także",
        "sprawdź też",
        "sprawdź także",
        "polecamy",
        "powiązane",
    ),
    "nl": (
        "lees ook",
        "lees meer",
        "lees verder",
        "lees hier",
        "zie ook",
        "ook interessant",
        "meer over dit onderwerp",
        "gerelateerd",
    ),
    "sv": ("läs också", "läs även", "läs mer", "se även", "relaterat"),
    "no": ("les også", "les mer", "se også", "relatert"),
    "da": ("læs også", "læs mere", "se også", "relateret"),
    "fi": ("lue myös", "lue lisää", "katso myös", "aiheesta lisää"),
    "cs": ("čtěte také", "čtěte též", "čtěte více", "mohlo by vás zajímat", "související články"),
    "sk": ("čítajte aj", "čítajte tiež", "prečítajte si aj", "súvisiace články"),
    "ro": (
        "citește și",
        "citeşte şi",
        "citeste si",
        "citește mai mult",
        "vezi și",
        "vezi şi",
        "articole similare",
    ),
    "tr": ("ilgili haber", "ilgili haberler", "bunu da okuyun", "ayrıca okuyun", "devamını oku"),
    "el": (
        "διαβάστε επίσης",
        "διαβαστε επισης",
        "διαβάστε ακόμη",
        "διαβαστε ακομη",
        "δείτε επίσης",
        "δειτε επισης",
    ),
    "hu": ("kapcsolódó", "kapcsolódó cikk", "kapcsolódó cikkek", "olvasd el ezt is"),
    "hr": ("pročitajte i", "pročitajte još", "pročitaj i", "povezane vijesti", "povezani članci"),
    "sr": ("pročitajte još", "pročitajte i", "povezane vesti", "прочитајте још", "повезане вести"),
    "sl": ("preberite tudi", "preberi tudi", "sorodne novice"),
    "ru": ("читайте также", "читайте по теме", "по теме", "смотрите также"),
    "uk": ("читайте також", "читайте також:", "по темі", "дивіться також"),
    "bg": ("прочетете още", "прочети още", "още по темата", "вижте още"),
    "ca": ("llegiu també", "llegeix també", "vegeu també", "et pot interessar"),
    "lt": ("taip pat skaitykite", "skaitykite taip pat", "susiję straipsniai"),
    "lv": ("lasi arī", "lasiet arī"),
    "et": ("loe ka", "loe lisaks"),
    "id": ("baca juga", "simak juga", "berita terkait"),
    "ms": ("baca juga", "berita berkaitan"),
    "hi": ("यह भी पढ़ें", "ये भी पढ़ें", "और पढ़ें"),
    "ar": ("اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد"),
    "he": ("קראו גם", "קראו עוד", "כתבות נוספות"),
    "ko": ("관련기사", "관련 기사"),
    "zh": ("相关阅读", "延伸阅读", "相关新闻"),
}
PROMO_LINK_LEADS: Words = {
    # How a paragraph that is one link, bold or in capitals, sends the reader elsewhere:
    # "CLICK HERE TO GET THE … APP", "WATCH: …", "Zobacz wideo: …".
    "en": ("click here", "get", "download", "sign up", "watch", "listen", "subscribe"),
    "de": ("hier klicken", "klicken sie hier", "jetzt", "laden sie", "sehen sie", "hören sie"),
    "fr": ("cliquez ici", "regardez", "téléchargez", "écoutez", "abonnez-vous"),
    "it": ("clicca qui", "guarda", "scarica", "ascolta", "iscriviti"),
    "es": ("haz clic aquí", "pincha aquí", "mira", "descarga", "escucha", "suscríbete"),
    "pt": ("clique aqui", "assista", "veja", "baixe", "ouça", "inscreva-se"),
    "pl": ("kliknij tutaj", "zobacz wideo", "zobacz również", "zobacz też", "pobierz", "posłuchaj"),
    "nl": ("klik hier", "bekijk", "download", "luister"),
    "sv": ("klicka här", "se videon", "ladda ner", "lyssna"),
}
READ_MORE_BRACKETED = ("【関連記事】", "【関連】", "【あわせて読みたい】")
"""Kickers that stand apart by their own brackets: whatever follows them is the headline."""

# --------------------------------------------------------------------------------------------
# Whole blocks: a block that says only this (give or take punctuation) is furniture.

AD_LABELS: Words = {
    "en": (
        "advertisement",
        "advertising",
        "advertisement feature",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "paid post",
        "promoted",
        "partner content",
        "scroll to continue with content",
        "story continues below advertisement",
        "article continues below",
        "continue reading below",
        "bet now",
        "place your bet",
    ),
    "de": (
        "anzeige",
        "jetzt wetten",
        "werbung",
        "gesponsert",
        "bezahlter inhalt",
        "werbeanzeige",
        "weiterlesen nach der anzeige",
    ),
    "fr": (
        "publicité",
        "pub",
        "sponsorisé",
        "contenu sponsorisé",
        "contenu partenaire",
        "la suite après cette publicité",
        "la suite après la publicité",
        "pariez maintenant",
    ),
    "it": ("pubblicità", "sponsorizzato", "contenuto sponsorizzato", "adv", "scommetti ora"),
    "es": ("publicidad", "patrocinado", "contenido patrocinado", "anuncio", "apuesta ya"),
    "pt": ("publicidade", "patrocinado", "conteúdo patrocinado", "anúncio"),
    "pl": ("reklama", "sponsorowane", "artykuł sponsorowany", "materiał sponsorowany"),
    "nl": ("advertentie", "gesponsord", "gesponsorde inhoud"),
    "sv": ("annons", "sponsrat", "sponsrad", "annonssamarbete"),
    "no": ("annonse", "sponset", "annonsørinnhold"),
    "cs": ("komerční sdělení",),  # "reklama" as in Polish
    "ro": ("publicitate", "advertorial"),
    "tr": ("reklam", "sponsorlu içerik"),
    "el": ("διαφήμιση", "διαφημιση"),
    "hu": ("hirdetés", "támogatott tartalom"),
    "hr": ("oglas", "sponzorirano", "promo"),  # "reklama" as in Polish
    "sl": ("oglas", "oglasno sporočilo"),
    "ru": ("реклама", "на правах рекламы", "партнерский материал", "партнёрский материал"),
    "uk": ("реклама", "на правах реклами"),
    "bg": ("реклама", "платена публикация"),
    "ja": ("広告",),
    "ca": ("publicitat",),
    "lt": ("reklama",),
    "id": ("iklan",),
    "hi": ("विज्ञापन",),
    "ar": ("إعلان",),
    "he": ("פרסומת",),
    "ko": ("광고",),
    "zh": ("广告",),
}

PLAYER_NOTICES: Words = {
    "en": (
        "loading video",
        "video loading",
        "the video is loading",
        "play video",
        "click to play",
        "click to play video",
        "this video is no longer available",
        "please use chrome browser for a more accessible video player",
        "this video is not available",
        "video unavailable",
        "video is unavailable",
    ),
    "de": (
        "video wird geladen",
        "das video wird geladen",
        "video abspielen",
        "video nicht verfügbar",
        "dieses video ist nicht mehr verfügbar",
        "dieses video ist nicht verfügbar",
    ),
    "fr": (
        "le chargement de la vidéo",
        "chargement de la vidéo",
        "chargement de la vidéo en cours",
        "cliquez pour lancer la vidéo",
        "cliquez pour lire la vidéo",
        "lire la vidéo",
        "vidéo non disponible",
        "cette vidéo n'est plus disponible",
    ),
    "it": (
        "caricamento video",
        "caricamento del video",
        "il video è in caricamento",
        "clicca per vedere il video",
        "video non disponibile",
        "guarda il video",
    ),
    "es": (
        "cargando vídeo",
        "cargando video",
        "cargando el vídeo",
        "reproducir vídeo",
        "reproducir video",
        "vídeo no disponible",
        "video no disponible",
    ),
    "pt": (
        "carregando vídeo",
        "carregando o vídeo",
        "reproduzir vídeo",
        "vídeo indisponível",
        "assista",
        "assista ao vídeo",
    ),
    "pl": ("ładowanie wideo", "ładowanie filmu", "odtwórz wideo", "wideo niedostępne"),
    "nl": ("video wordt geladen", "video afspelen", "video niet beschikbaar"),
    "sv": ("videon laddas", "spela upp videon", "videon är inte tillgänglig"),
}

CALLS_TO_ACTION: dict[str, Words] = {
    # rule -> language -> buttons and links that stand alone
    "newsletter": {
        "en": ("sign up", "sign me up", "sign up now", "sign up here", "sign up for free"),
        "de": (
            "zur anmeldung",
            "jetzt anmelden",
            "hier anmelden",
            "kostenlos anmelden",
            "jetzt kostenlos anmelden",
            "newsletter abonnieren",
            "zum newsletter",
        ),
        "fr": ("je m'inscris", "s'inscrire", "inscrivez-vous", "je m'inscris gratuitement"),
        "it": ("iscriviti", "iscriviti gratis", "iscriviti ora", "iscriviti alla newsletter"),
        "es": ("apúntate", "suscríbete a la newsletter", "suscríbete al boletín"),
        "pt": ("cadastre-se", "inscreva-se", "quero receber"),
        "pl": ("zapisz się", "zapisz się do newslettera"),
        "nl": ("meld je aan", "aanmelden", "schrijf je in", "inschrijven"),
        "sv": ("anmäl dig", "prenumerera på nyhetsbrevet"),
    },
    "subscription prompt": {
        "en": ("subscribe", "subscribe now", "subscribe today", "start your free trial"),
        "de": ("jetzt abonnieren", "abonnieren", "abo abschließen", "jetzt abo sichern"),
        "fr": ("je m'abonne", "s'abonner", "abonnez-vous"),
        "it": ("abbonati", "abbonati ora", "abbonati subito"),
        "es": ("suscríbete", "hazte suscriptor", "suscribirse"),
        "pt": ("assine", "assine já", "assine agora", "seja assinante"),
        "pl": ("zaprenumeruj", "wykup dostęp", "subskrybuj"),
        "nl": ("word abonnee", "abonneer nu", "neem een abonnement"),
        "sv": ("prenumerera", "bli prenumerant", "köp prenumeration"),
    },
    "whatsapp prompt": {
        "en": ("follow us", "join our channel", "follow our channel"),
        "de": ("kanal abonnieren", "jetzt folgen", "kanal folgen"),
        "fr": ("rejoindre la chaîne", "suivre la chaîne", "suivez-nous"),
        "it": ("segui il canale", "unisciti al canale", "seguici"),
        "es": ("únete al canal", "sigue el canal", "síguenos"),
        "pt": ("entrar no canal", "siga o canal", "siga-nos"),
        "pl": ("dołącz do kanału", "obserwuj kanał", "obserwuj nas"),
        "nl": ("volg het kanaal", "volg ons"),
        "sv": ("följ kanalen", "följ oss"),
    },
    "app prompt": {
        "en": ("download the app", "get the app", "download our app"),
        "de": ("app herunterladen", "jetzt app laden", "zur app"),
        "fr": ("télécharger l'application", "téléchargez l'application"),
        "it": ("scarica l'app",),
        "es": ("descarga la app", "descargar la app"),
        "pt": ("baixe o app", "baixar o aplicativo"),
        "pl": ("pobierz", "pobierz aplikację"),
        "nl": ("download de app",),
        "sv": ("ladda ner appen",),
    },
    "donation ask": {
        "en": ("donate", "donate now", "donate today", "make a donation", "give now"),
        "de": ("jetzt spenden",),
        "fr": ("faire un don", "je fais un don"),
    },
    "share tools": {
        "en": (
            "share",
            "share this",
            "share this post",
            "share this article",
            "tweet",
            "copy link",
            "copy the link",
            "link copied",
            "copied",
            "permalink",
            "link to this post",
            "link to this entry",
            "link to this update",
        ),
        "de": (
            *("teilen", "beitrag teilen", "artikel teilen", "link kopieren", "link kopiert"),
            *("link zu diesem eintrag", "link zu diesem beitrag", "permalink"),
        ),
        "fr": (
            *("partager", "partagez", "tweeter", "copier le lien", "lien copié"),
            *("lien vers ce post", "lien vers ce message", "lien permanent"),
        ),
        "it": ("condividi", "copia link", "copia il link", "link copiato", "link a questo post"),
        "es": ("compartir", "copiar enlace", "enlace copiado", "enlace a esta entrada"),
        "pt": ("compartilhar", "partilhar", "copiar link", "link copiado", "link para este post"),
        "pl": ("udostępnij", "kopiuj link", "skopiuj link", "link skopiowany", "skopiowano"),
        "nl": ("delen", "link kopiëren", "kopieer link", "link gekopieerd", "gekopieerd"),
        "sv": ("dela", "kopiera länk", "länk kopierad", "kopierad", "länk till inlägget"),
        "no": ("del", "kopier lenke", "lenke kopiert"),
        "ja": ("シェア", "共有", "ポスト", "lineで送る", "リンクをコピー"),
        "fi": ("jaa",),
        "da": ("del artiklen",),
        "hr": ("podijeli", "podijelite"),
        "ca": ("comparteix",),
        "lt": ("dalintis", "dalinkitės"),
        "id": ("bagikan", "salin tautan"),
        "hi": ("शेयर करें", "लिंक कॉपी करें"),
        "ar": ("مشاركة", "شارك"),
        "he": ("שתפו", "שתף"),
        "ko": ("공유하기",),
        "zh": ("分享", "分享到"),
    },
}

MATCH_LINKS: Words = {
    # a link standing alone in a match's commentary post to the match's line-ups or stats
    "en": (
        *("line-ups", "lineups", "to the line-ups", "to the lineups", "see the line-ups"),
        *("view line-ups", "team line-ups", "match stats", "to the stats", "view match stats"),
    ),
    "de": (
        *("aufstellung", "aufstellungen", "zur aufstellung", "zu den aufstellungen"),
        *("zur statistik", "zu den statistiken", "spielstatistik", "zur spielstatistik"),
    ),
    "fr": (
        *("compositions", "les compositions", "voir les compositions", "composition"),
        *("voir la composition", "statistiques du match", "voir les statistiques"),
    ),
    "it": ("formazioni", "le formazioni", "vedi le formazioni", "statistiche della partita"),
    "es": ("alineaciones", "las alineaciones", "ver alineaciones", "ver las alineaciones"),
    "pt": ("escalações", "as escalações", "ver escalações", "onzes iniciais"),
    "pl": ("składy", "zobacz składy", "statystyki meczu"),
    "nl": ("opstellingen", "de opstellingen", "bekijk de opstellingen", "wedstrijdstatistieken"),
    "sv": ("laguppställningar", "laguppställning", "matchstatistik"),
}

PAYWALL_MARKERS: Words = {
    # What marks a linked headline as for subscribers, between a kicker and the link.
    "en": ("subscriber only", "subscribers only", "premium", "exclusive", "paid"),
    "de": ("plus", "z+", "f+", "abo", "premium", "exklusiv", "nur für abonnenten"),
    "fr": ("article réservé à nos abonnés", "réservé aux abonnés", "abonnés", "premium"),
    "it": ("riservato agli abbonati", "premium", "abbonati"),
    "es": ("exclusivo para suscriptores", "suscriptores", "premium"),
    "pt": ("exclusivo para assinantes", "assinantes", "premium"),
    "pl": ("premium", "tylko dla subskrybentów"),
    "nl": ("premium", "alleen voor abonnees", "plus"),
    "sv": ("premium", "plus", "endast för prenumeranter"),
}

SHARE_ROW_WORDS = _split(
    # A row of these words alone ("Facebook X WhatsApp", "Teilen auf Facebook") is share tools.
    "facebook twitter x whatsapp telegram linkedin pinterest reddit bluesky threads messenger "
    "flipboard xing email e-mail mail sms "
    "share teilen partager condividi compartir compartilhar partilhar udostępnij delen dela "
    "tweet tweeter copy link kopieren copier le lien copia copiar enlace kopiuj kopieer länk "
    "kopiera on via auf per sur su en no na op på "
    "シェア 共有 ポスト line lineで送る"
)
SHARE_NETWORKS = _split(
    "facebook twitter x whatsapp telegram linkedin pinterest reddit bluesky threads messenger "
    "flipboard xing email e-mail mail line lineで送る ポスト"
)

# --------------------------------------------------------------------------------------------
# Patterns, each a regular expression on a block's text (matched ignoring case).

LEADING: dict[str, Words] = {
    # rule -> language -> how a short block that is this starts
    "newsletter": {
        "en": (
            r"(?:sign up|subscribe)\b.{0,40}\b(?:newsletter|email|alerts?)\b",
            r"(?:get|receive|have)\b.{0,120}\b(?:in|to|into|straight to) your inbox\b",
        ),
        "de": (
            r"(?:erhalten|bekommen) sie .{0,80}\b(?:per e-?mail|ins postfach|newsletter)",
            r"melden sie sich .{0,40}\bnewsletter",
        ),
        "fr": (r"inscrivez-vous .{0,40}\bnewsletter", r"recevez .{0,60}\b(?:newsletter|e-?mail)"),
        "it": (r"iscriviti .{0,40}\bnewsletter", r"ricevi .{0,60}\b(?:newsletter|e-?mail)"),
        "es": (
            r"suscríbete .{0,40}\b(?:newsletter|boletín)",
            r"recibe .{0,60}\b(?:newsletter|boletín)",
        ),
        "pt": (
            r"(?:cadastre-se|inscreva-se|assine) .{0,40}\bnewsletter",
            r"receba .{0,60}\bnewsletter",
        ),
        "pl": (r"zapisz się .{0,40}\bnewslett",),
        "nl": (
            r"(?:meld je aan|schrijf je in) .{0,40}\bnieuwsbrie",
            r"ontvang .{0,60}\bnieuwsbrie",
        ),
        "sv": (r"(?:prenumerera|anmäl dig) .{0,40}\bnyhetsbrev", r"få .{0,60}\bnyhetsbrev"),
        # "Recevez chaque matin l'essentiel…": a delivery time promised in the imperative.
        "any": (
            r"(?:get|receive|erhalten sie|recevez|ricevi|recibe|receba|otrzymuj|ontvang|få)"
            r" (?:every|each|jeden|chaque|ogni|cada|toda|todos os|codziennie|elke|varje)"
            r" (?:morning|day|evening|week|weekday|morgen|tag|abend|woche|matin|jour|soir"
            r"|semaine|mattina|giorno|sera|settimana|mañana|día|noche|semana|manhã|dias"
            r"|ochtend|dag|avond|week|morgon|kväll|vecka)\b",
        ),
    },
    "whatsapp prompt": {
        "en": (r"get the latest .{0,60} on whatsapp",),
    },
    "app prompt": {
        "en": (r"(?:download|get) (?:our|the) .{0,30}\bapp\b",),
        "de": (r"(?:laden sie|holen sie sich|hol dir) .{0,30}\bapp\b",),
        "fr": (r"téléchargez .{0,30}\b(?:app|application)\b",),
        "it": (r"scarica .{0,30}\bapp\b",),
        "es": (r"descarga .{0,30}\b(?:app|aplicación)\b",),
        "pt": (r"baixe .{0,30}\b(?:app|aplicativo)\b",),
        "pl": (r"pobierz .{0,30}\baplikacj",),
        "nl": (r"download .{0,30}\bapp\b",),
        "sv": (r"ladda ner .{0,30}\bapp",),
    },
    "share tools": {
        "en": (
            r"(?:share this (?:post|article)|copy (?:this )?link|link copied)\b",
            r"share (?:on|via) (?:facebook|twitter|x|whatsapp|telegram|linkedin|email)\b",
        ),
        "de": (r"(?:teilen|teile) (?:auf|via|per) (?:facebook|x|twitter|whatsapp|e-?mail)\b",),
        "fr": (r"partager sur (?:facebook|x|twitter|whatsapp|linkedin)\b",),
        "it": (r"condividi su (?:facebook|x|twitter|whatsapp|linkedin)\b",),
        "es": (r"compartir en (?:facebook|x|twitter|whatsapp|linkedin)\b",),
        "pt": (r"(?:compartilhar|partilhar) no (?:facebook|x|twitter|whatsapp|linkedin)\b",),
        "pl": (r"udostępnij na (?:facebooku?|x|twitterze|whatsappie)\b",),
        "nl": (r"delen (?:op|via) (?:facebook|x|twitter|whatsapp|linkedin)\b",),
        "sv": (r"dela på (?:facebook|x|twitter|whatsapp|linkedin)\b",),
    },
    "sign-in prompt": {
        "en": (
            r"(?:sign in|log in|register)(?: (?:or|/|and) (?:register|sign up|log in))?\b.{0,80}$",
            r"already (?:a |an )?(?:subscriber|member)\?\s*(?:sign in|log in)\b.{0,40}$",
            r"already have an account\?\s*(?:sign in|log in)\b.{0,40}$",
        ),
    },
    "subscription prompt": {
        "en": (
            r"subscribe to .{0,60}(?:premium|to bookmark)",
            r"(?:get|start) (?:your )?(?:free )?(?:trial|subscription)\b",
            r"subscribe (?:now|today) (?:to|for)\b",
            # A paywalled post's box: "This is a Premium article", "Subscribe to continue
            # reading".
            r"this is an? (?:premium|subscriber[- ]only|subscriber[- ]exclusive) "
            r"(?:article|story|post)\.?$",
            r"subscribe to (?:continue|keep) reading\b",
            r"subscribe (?:now )?(?:to|and) (?:read|unlock)\b.{0,60}$",
            r"(?:to )?continue reading(?: this (?:article|story|post))?,? (?:subscribe|become a "
            r"subscriber)\b.{0,60}$",
            r"continue reading with an? (?:subscription|account)\b.{0,40}$",
            r"this (?:article|story|content|post) is (?:only )?(?:for|available to|reserved for) "
            r"(?:paying )?subscribers(?: only)?\.?$",
            r"(?:subscribe|sign up) (?:now )?for (?:unlimited|full) (?:digital )?access\b.{0,60}$",
            r"get unlimited (?:digital )?access (?:to \S+ )?(?:for|from) [$£€]\d.{0,40}$",
            r"unlock (?:this|the full) (?:article|story|post)\b.{0,60}$",
            r"become a (?:subscriber|member) to (?:read|continue|unlock)\b.{0,60}$",
            r"subscribers?[- ](?:only|exclusive)\.?$",
        ),
        "de": (
            r"(?:jetzt|mit) (?:\S+ ){0,3}(?:plus|premium|abo|digitalabo)\b.{0,20}"
            r"\b(?:lesen|weiterlesen|testen|sichern|abonnieren|freischalten)",
            r"(?:dieser artikel|dieser inhalt) ist (?:nur )?für abonnenten",
        ),
        "fr": (r"(?:cet article|ce contenu) est réservé aux abonnés", r"abonnez-vous\b"),
        "it": (r"(?:questo articolo|questo contenuto) è riservato agli abbonati",),
        "es": (
            r"hazte suscriptor\b",
            r"suscríbete (?:a|para|por)\b",
            r"contenido exclusivo para suscriptores",
        ),
        "pt": (r"conteúdo exclusivo para assinantes", r"assine (?:o|a|já|agora)\b.{0,60}\bpor\b"),
        "pl": (r"zaprenumeruj\b", r"wykup (?:dostęp|prenumeratę|subskrypcję)\b"),
        "nl": (r"word abonnee\b", r"dit artikel is (?:alleen )?voor abonnees"),
        "sv": (r"läs allt från .{0,40}\bför\b", r"bli prenumerant\b"),
    },
    "furniture": {
        "en": (r"this is a live blog\. scroll down for the latest updates\.?$",),
    },
    # What a social embed shows until a reader allows it (the Britcast's, the BBC's).
    "embed notice": {
        "en": (
            r"(?:skip|end of) (?:twitter|x|instagram|facebook|tiktok|youtube|bluesky) (?:post|content|video)\b",
            r"allow (?:twitter|x|instagram|facebook|tiktok|youtube|bluesky) content\??$",
            r"(?:the )?[\w'’ ]{1,40} is not responsible for the content of external (?:sites|websites)\.?$",
        ),
        "pl": (
            r"dalsza część (?:artykułu|wpisu|tekstu) (?:pod|poniżej) (?:materiałem wideo|wideo|reklamą)",
        ),
    },
    # What a page shows in place of an embed until a reader consents to load it.
    "consent placeholder": {
        "en": (
            r"(?:recommended )?external content$",
            r"this (?:content|embed|post) is (?:provided|hosted) by\b",
            r"(?:click|tap) (?:here )?to (?:load|show|accept|view) (?:the )?(?:external )?content\b",
            r"by (?:clicking|accepting)\b.{0,80}\b(?:third[- ]part(?:y|ies)|external)\b",
        ),
        "de": (
            r"(?:empfohlener )?externer inhalt$",
            r"an dieser stelle finden sie (?:einen )?externen inhalt\b",
            r"ich bin damit einverstanden, dass mir externe inhalte angezeigt werden\b",
        ),
        "fr": (r"contenu externe$", r"ce contenu (?:est )?(?:fourni|hébergé) par\b"),
        "it": (r"contenuto esterno$",),
        "es": (r"contenido externo$",),
        "nl": (r"externe inhoud$",),
        "pl": (r"treść zewnętrzna$",),
    },
    # A gallery's counter standing alone: "1 di 4", "2 / 12", "3 of 9".
    "gallery counter": {"any": (r"\d{1,3} ?(?:/|of|di|von|de|sur|z|van|av|da) ?\d{1,3}$",)},
    # A video's length left standing alone by its player: "0:58", "1:48 min".
    "player notice": {"any": (r"\d{1,2}:\d{2}(?::\d{2})?(?: ?(?:min\.?|mins|minutes|minuten))?$",)},
    # An unresolved CMS reference left as a dead link, e.g. Repubblica's
    # "[[(gele.Finegil.Image2014v1) TOPSHOT-PALESTINIAN-ISRAEL-CONFLICT]]".
    "cms placeholder": {"any": (r"\[\[\([\w.]+\)[^\[\]]*\]\]$",)},
}

_SIGN_UP = (
    "sign up|subscribe|inbox|abonnieren|anmelden|inscri(?:vez-vous|re|s|ption)|iscriviti"
    "|iscrizione|suscríbete|suscribirse|apúntate|cadastre-se|inscreva-se|zapisz się"
    "|meld je aan|aanmelden|prenumerera|melden sie sich (?:\\w+ ){0,2}an"
)
"""Asking to sign up, in each language: with "newsletter" near, a newsletter ask."""

_ASK_OPENS = r"(?:^|[.!?:] )"
"""Where an ask stands: at the start of a block or of a sentence."""
_OUTLET_NAME = r"(?:the )?[\w&'’.-]{2,30}(?: [\w&'’.-]{2,30}){0,3}"
"""A name of up to four words ("News24", "the Harbour Times")."""

ANYWHERE: dict[str, dict[str, tuple[str, ...]]] = {
    # rule -> keyword (case-folded; the patterns are only tried when the block holds it) ->
    # patterns for words anywhere in a short block
    "newsletter": {
        "newsletter": (
            # A newsletter's name on its own ("Farming Ledger newsletter", "Newsletter Landes").
            r"^(?:[\w'’-]+ ){0,3}newsletter(?: [\w'’-]+){0,3}[.!:]?$",
            rf"\bnewsletters?\b.{{0,80}}\b(?:{_SIGN_UP})\b",
            rf"\b(?:{_SIGN_UP})\b.{{0,80}}\bnewsletter",
        ),
        "sign up": (r"\bsign up (?:here |now )?to (?:receive|get) (?:it|them|our|this|these)\b",),
        "nieuwsbrie": (
            r"^(?:[\w'’-]+ ){0,3}nieuwsbrief(?: [\w'’-]+){0,3}[.!:]?$",
            r"\bnieuwsbrie[fv]\w*\b.{0,80}\b(?:meld je aan|aanmelden|inschrijven)",
        ),
        "nyhetsbrev": (
            r"^(?:[\w'’-]+ ){0,3}nyhetsbrev(?: [\w'’-]+){0,3}[.!:]?$",
            r"\bnyhetsbrev\w*\b.{0,80}\b(?:prenumerera|anmäl)",
        ),
        "casella di posta": (r"\bnella tua casella di posta\b",),
        "iscriviti": (r"\biscriviti (?:gratis|gratuitamente|ora|subito|qui)\b",),
        "boîte": (r"\bdans votre boîte (?:mail|e-mail|aux lettres électronique|de réception)\b",),
        "postfach": (r"\b(?:in ihr|ins) (?:e-mail-)?postfach\b",),
    },
    "whatsapp prompt": {
        # Asks in the imperative to follow the site: a sentence that only names the app
        # ("… many plan it on WhatsApp") has no such ask.
        "whatsapp": (
            r"\b(?:follow|join) (?:us|our [\w ]{1,40}?) on whatsapp\b",
            # An ask naming the outlet opens a sentence ("Follow News24 on WhatsApp"); a
            # sentence that goes on first reports one ("… told to follow the mayor on …").
            rf"{_ASK_OPENS}(?:follow|join) {_OUTLET_NAME} on whatsapp\b",
            r"\bfolgen sie (?:uns|dem|der|unserem|unserer)\b[\w '’-]{0,60}\bauf whatsapp\b",
            r"\b(?:suivez|rejoignez)(?:-nous)?\b[\w '’-]{0,60}\bsur whatsapp\b",
            r"\b(?:seguici|segui|unisciti)\b[\w '’-]{0,60}\bsu whatsapp\b",
            r"\b(?:s[ií]guenos|sigue|únete)\b[\w '’-]{0,60}\ben whatsapp\b",
            r"\b(?:siga|entre|participe)(?:-nos)?\b[\w '’-]{0,60}\bno whatsapp\b",
            r"\b(?:obserwuj|dołącz)\b[\w '’-]{0,60}\bna whatsappie\b",
            r"\bvolg (?:ons|het|de)\b[\w '’-]{0,60}\bop whatsapp\b",
            r"\bfölj (?:oss|kanalen|\w+)\b[\w '’-]{0,60}\bpå whatsapp\b",
        ),
        "telegram": (
            r"\b(?:follow|join) (?:us|our [\w ]{1,40}?) on telegram\b",
            rf"{_ASK_OPENS}(?:follow|join) {_OUTLET_NAME} on telegram\b",
            r"\bfolgen sie (?:uns|dem|der|unserem|unserer)\b[\w '’-]{0,60}\bauf telegram\b",
            r"\b(?:подписывайтесь|подпишитесь|підписуйтесь|підписуйтеся|підпишіться) на\b"
            r"[\w '’«»-]{0,60}\btelegram",
            r"\b(?:pratite|zapratite) (?:nas|naš)\b[\w '’-]{0,60}\bna telegramu\b",
        ),
        "телеграм": (
            r"\b(?:подписывайтесь|подпишитесь|підписуйтесь|підписуйтеся|підпишіться) на\b"
            r"[\w '’«»-]{0,60}\bтелеграм",
        ),
    },
    "donation ask": {
        # A sentence that asks for money for the newsroom's work: "… is a nonprofit newsroom.
        # Donate today to support reporting like this." ("The fund will donate $5m to support
        # local journalism" asks for nothing).
        "donat": (
            r"(?:^|[.!?]\s+)(?:please\s+)?(?:donate|make a donation)\b[^.!?]{0,80}"
            r"\b(?:support|fund|keep)\w*\b[^.!?]{0,60}\b(?:journalism|reporting|newsroom|news)\b",
        ),
    },
    "subscription prompt": {
        "prenumerant": (r"\bbli prenumerant\b",),
        "abonnieren": (r"\bjetzt (?:kostenlos )?abonnieren\b",),
    },
    "betting ad": {
        # A bookmaker's promotion: its button, and the warnings the law makes it carry. Few
        # keywords (each is a substring test of every short block): one serves languages
        # that share it.
        "bet now": (r"^bet now\b", r"\bodds\b.{0,240}\bbet now[.!]?$"),
        "gambl": (
            r"\bgambling problem\?|\b1-800-gambler\b|\bbegambleaware\b",
            r"(?:^|\s)(?:18|19|21)\+.{0,60}\bgambl|\bgambl\w* responsibly\b.{0,60}(?:18|19|21)\+",
        ),
        "+ only": (r"(?:^|\s)(?:18|19|21)\+ only\b",),
        "glücksspiel": (r"\bglücksspiel kann süchtig machen\b",),
        "jouer comporte": (r"\bjouer comporte des risques\b",),
        "responsab": (
            r"\bjuega con responsabilidad\b|\bgioca responsabilmente\b",
            r"\bjogue com responsabilidade\b",
        ),
        "odpowiedzialnie": (r"\bgraj odpowiedzialnie\b",),
        "gokken": (r"\bwat kost gokken\b",),
        "ansvar": (r"\bspela ansvarsfullt\b|\bspill ansvarlig\b",),
    },
    "read more": {
        # "Bahnstreik: Mehr News finden Sie hier – alle Artikel zum Thema."
        "finden sie hier": (
            r"\b(?:mehr|weitere|alle) (?:news|nachrichten|infos|informationen|artikel)\b"
            r".{0,60}\bfinden sie hier\b",
        ),
    },
    "player notice": {
        # A player's spoken label: "Aus Tagesschau vom 30.06.2024. abspielen. Laufzeit 1
        # Minute 52 Sekunden."
        "laufzeit": (r"\babspielen\.? laufzeit \d{1,3} (?:minuten?|sekunden?)\b",),
    },
    "javascript note": {
        "javascript": (
            r"\b(?:turn on|enable) javascript\b",
            r"\bjavascript (?:is )?(?:disabled|required)\b",
            r"\b(?:aktivieren sie|aktiviere) javascript\b|\bjavascript (?:aktivieren|einschalten)\b",
            r"\bactiv(?:ez|er) (?:le )?javascript\b",
            r"\b(?:abilita|attiva)(?:re)? (?:il )?javascript\b",
            r"\b(?:activa|habilita)(?:r)? (?:el )?javascript\b",
            r"\b(?:ative|ativar|habilite|habilitar) (?:o )?javascript\b",
            r"\bwłącz(?:yć)? (?:obsługę )?javascript",
            r"\b(?:schakel|zet) javascript (?:in|aan)\b|\bjavascript (?:inschakelen|aanzetten)\b",
            r"\baktivera javascript\b",
        ),
    },
    "cookie notice": {
        "cookie": (
            r"\bwe(?: and our partners)? use cookies\b|\bcookie (?:policy|settings)\b",
            r"\bwir(?: und unsere partner)? (?:verwenden|nutzen|setzen) cookies\b",
            r"\b(?:nous|nos partenaires et nous) utilisons des cookies\b",
            r"\b(?:ce|notre) site utilise des cookies\b",
            r"\butilizziamo (?:i )?cookie\b|\bquesto sito (?:web )?utilizza (?:i )?cookie\b",
            r"\b(?:utilizamos|usamos) cookies\b|\beste (?:sitio|site)(?: web)? (?:usa|utiliza) cookies\b",
            r"\b(?:używamy|wykorzystujemy) (?:plików )?cookies?\b",
            r"\b(?:wij|we)(?: en onze partners)? gebruiken cookies\b",
            r"\bvi använder cookies\b",
        ),
    },
}

# --------------------------------------------------------------------------------------------
# Post furniture: labels, bylines and the meta row above a post's text.

LABELS: dict[str, Words] = {
    # flag -> language -> labels that stand alone at the start of a post ("update": no flag)
    "pinned": {
        "en": ("pinned", "pinned post"),
        "de": ("angeheftet", "angepinnt", "fixiert"),
        "fr": ("épinglé", "épinglée", "message épinglé"),
        "it": ("fissato", "post fissato"),
        "es": ("fijado", "fijada", "publicación fijada"),
        "pt": ("fixado", "fixada", "post fixado"),
        "pl": ("przypięty", "przypięte", "przypięta", "przypięty wpis"),
        "nl": ("vastgepind", "vastgezet"),
        "sv": ("fäst", "fäst inlägg", "fastnålad"),
        "no": ("festet", "festet innlegg", "fast innlegg"),
        "da": ("fastgjort", "fastgjort indlæg", "fastgjort opslag"),
        "fi": ("kiinnitetty", "kiinnitetty viesti"),
        "ja": ("固定",),
    },
    "breaking": {
        "en": ("breaking", "breaking news", "just in", "newsflash"),
        "de": ("eilmeldung", "eil", "breaking news"),
        "fr": ("dernière minute", "urgent", "alerte"),
        "it": ("ultima ora", "ultim'ora", "urgente"),
        "es": ("última hora", "urgente"),
        "pt": ("urgente", "última hora", "plantão"),
        "pl": ("pilne", "z ostatniej chwili"),
        "nl": ("net binnen", "breaking"),
        "sv": ("just nu", "senaste nytt"),
        "no": ("siste nytt", "nyhetsvarsel"),
        "da": ("breaking", "seneste nyt"),
        "ja": ("速報",),
    },
    "key_event": {
        "en": (
            *("key event", "key moment", "key update", "key post"),
            *("important", "highlight", "goal"),
        ),
        "de": ("wichtig", "tor"),
        "fr": ("essentiel", "important", "but"),
        "it": ("importante", "in evidenza", "gol", "gooool"),
        "es": ("clave", "importante", "destacado", "gol", "golazo"),
        "pt": ("destaque", "importante", "gol", "golo"),
        "pl": ("kluczowe", "ważne", "gol", "bramka"),
        "nl": ("belangrijk", "uitgelicht", "doelpunt"),
        "sv": ("viktigt",),
        "no": ("viktig",),
        "da": ("vigtigt",),
        "fi": ("tärkeä",),
        "ja": ("重要",),
    },
    "update": {  # labels of no flag: an update, and what kind of post it is
        "en": (
            "update",
            "updated",
            "watch",
            "video",
            "analysis",
            "explainer",
            "opinion",
            "fact check",
        ),
        "de": ("update", "aktualisiert", "video", "analyse", "kommentar", "hintergrund"),
        "fr": ("mis à jour", "mise à jour", "vidéo", "analyse", "décryptage"),
        "it": ("aggiornamento", "aggiornato", "video", "analisi", "commento"),
        "es": ("actualización", "actualizado", "vídeo", "video", "análisis", "opinión"),
        "pt": ("atualização", "atualizado", "vídeo", "análise", "opinião", "assista"),
        "pl": ("aktualizacja", "zaktualizowano", "wideo", "analiza", "komentarz"),
        "nl": ("update", "bijgewerkt", "video", "analyse"),
        "sv": ("uppdatering", "uppdaterad", "uppdaterat", "video", "analys"),
        "no": ("oppdatering", "oppdatert", "video", "analyse"),
        "da": ("opdatering", "opdateret", "video", "analyse"),
        "fi": ("päivitys", "päivitetty", "video", "analyysi"),
    },
}

PINNED_SINCE: Words = {
    # words between a pinning label and the time it holds ("Pinned post from 9.32pm")
    "en": ("from", "at", "since"),
    "de": ("seit", "ab", "um"),
    "fr": ("depuis", "à"),
    "it": ("dal", "dalle", "alle"),
    "es": ("desde", "a las"),
    "pt": ("desde", "às"),
    "pl": ("od", "o"),
    "nl": ("vanaf", "om"),
    "sv": ("från", "sedan"),
    "no": ("fra",),
    "da": ("fra",),
}

KEY_EVENT_LISTS: Words = {
    # what a page calls its list of links to the posts that matter most
    "en": ("key events", "key developments", "key moments", "key updates", "highlights"),
    "de": ("die wichtigsten ereignisse", "wichtigste ereignisse", "das wichtigste", "highlights"),
    "fr": ("les moments clés", "moments clés", "les temps forts", "temps forts"),
    "it": ("momenti chiave", "i momenti chiave", "i punti chiave", "in evidenza"),
    "es": ("momentos clave", "lo más destacado", "los momentos clave"),
    "pt": ("momentos-chave", "destaques"),
    "pl": ("najważniejsze wydarzenia", "najważniejsze"),
    "nl": ("belangrijkste momenten", "hoogtepunten", "belangrijkste gebeurtenissen"),
    "sv": ("viktigaste händelserna", "höjdpunkter"),
}

BYLINE_WORDS: Words = {
    # what a byline starts with: a word before the name, or a label and a colon
    "en": ("by", "written by", "reporting by", "words by"),
    "de": ("von", "text:", "autor:", "autorin:"),
    "fr": ("par", "texte :", "texte:"),
    "it": ("di", "a cura di", "testo di"),
    "es": ("por", "texto:"),
    "pt": ("por", "texto:"),
    "pl": ("przez", "autor:", "autorka:", "tekst:", "oprac.", "opr."),
    "nl": ("door", "tekst:"),
    "sv": ("av", "text:"),
    "no": ("av", "tekst:"),
}
NAME_PARTICLES = _split(
    "de da di del della dei der den des do dos das du la le van von zu ter ten af bin ibn al el"
    " st. y"
)
"""Lower-case words inside a person's name ("Sanne de Wit", "Ludwig von Mises")."""
NAME_JOINERS = _split("and und et e y i oraz en och og &")
"""Words between two names in one byline."""
ROLE_WORDS = _split(
    # after a comma or a bar, a byline names a role or a place, not another person
    "reporter correspondent editor writer journalist columnist producer staff anchor host"
    " meteorologist forecaster photographer photojournalist videographer analyst contributor"
    " chief senior redakteur"
    " redakteurin redaktion korrespondent korrespondentin reporterin journaliste correspondant"
    " correspondante envoyé envoyée rédacteur rédactrice rédaction inviato inviata"
    " corrispondente giornalista redattore redattrice redazione enviado enviada corresponsal"
    " periodista redactor redactora redacción correspondente repórter jornalista redação"
    " korespondent korespondentka dziennikarz dziennikarka redaktor redaktorka redakcja"
    " verslaggever redacteur redactie redaktör redaktionen medarbetare in aus à a en em w z i"
    " from at"
)

PLACE_HEADS = _split(
    # a place's first word, never a person's: "New York", "Los Angeles", "Hong Kong"
    "new los las san santa são sao hong kuala tel abu buenos port fort saint st. cape gold"
    " north south east west upper lower mount mt. lake palm costa puerto sri baton"
)
PLACE_TAILS = _split(
    # a place's last word, never a person's: "Salt Lake City", "Miami Beach", "Gold Coast"
    # (not "park" nor "hills": surnames too)
    "city beach island islands county valley springs heights bay coast harbour harbor falls"
    " province state territory"
)
MASTHEAD_WORDS = _split(
    # a newspaper's last word, never a person's: "Canberra Times", "Daily Telegraph"
    "times herald tribune journal telegraph gazette chronicle courier observer examiner"
    " inquirer bulletin"
)
SECTION_WORDS = _split(
    # what names a site's section or a page's topic, never a person: "World", "Top Stories"
    "the live latest updates stories world politics business sport sports league cup"
    " opinion culture weather east points summary highlights recap"
)
NEWS_AGENCIES = _split(
    # what a byline or a post's closing initials may name instead of a person (case-folded)
    "ap afp reuters dpa epd kna efe ansa agi adnkronos anp belga apa sda keystone-sda pap tt ntb"
    " ritzau stt lusa ctk čtk mti hina ata bta tass ria interfax ukrinform xinhua kyodo yonhap"
    " bloomberg rts rtr"
) | {"associated press", "agence france-presse", "europa press", "pa media", "press association"}
OUTLET_WORDS = _split(
    # what an outlet's name ends with, never a person's ("Harbour News", "Sky News")
    "news nachrichten nieuws noticias notizie nyheter wiadomości press presse prensa media"
    " medien tv"
)
DESK_WORDS = _split(
    # what names a newsroom rather than a person, in an author element without "By"
    "redaktion redactie redacción redazione rédaction redação redakcja redaktionen newsroom"
    " staff desk agencias agencies agenturen agences agenzie agências agencje agentschappen"
)
REPORTING_FROM: Words = {
    # what stands between a reporter's name and the place they report from, at a post's start
    # ("Ali Farouk Reporting from Amman, Jordan")
    "en": ("reporting from", "reports from"),
    "de": ("berichtet aus", "berichtet von"),
    "fr": ("en direct de", "depuis"),
    "it": ("da", "in diretta da"),
    "es": ("desde", "informa desde"),
    "pt": ("direto de", "desde"),
    "nl": ("vanuit", "verslag vanuit"),
    "pl": ("z", "relacjonuje z"),
    "sv": ("rapporterar från",),
}
READER_APPEALS: Words = {
    # how the instruction after a question to the reader starts, asking them to send or get in
    # touch ("Do you have pictures? Send them to …", "Haben Sie Fotos? Schicken Sie uns …")
    "en": (
        *("send", "email", "e-mail", "contact us", "get in touch", "tell us", "write to us"),
        *("message us", "drop us", "whatsapp us", "let us know", "share your", "call us"),
    ),
    "de": (
        *("schicken sie", "senden sie", "schreiben sie", "mailen sie", "kontaktieren sie"),
        *("melden sie sich", "teilen sie", "schick", "schreib", "melde dich"),
    ),
    "fr": (
        *("écrivez-nous", "envoyez", "contactez-nous", "partagez", "racontez-nous"),
        *("dites-nous", "écris-nous", "envoie", "faites-nous"),
    ),
    "it": (
        *("mandale", "mandaci", "mandatele", "inviaci", "inviale", "inviatele", "scrivici"),
        *("scriveteci", "contattaci", "segnalacelo", "raccontaci", "invia"),
    ),
    "es": (
        *("escríbenos", "envíanos", "mándanos", "contáctanos", "cuéntanos", "envía"),
        *("escríbanos", "envíenos", "cuéntenos"),
    ),
    "pt": ("envie", "mande", "escreva-nos", "fale conosco", "entre em contato", "conte-nos"),
    "nl": ("stuur", "mail ons", "neem contact op", "laat het ons weten", "tip ons", "deel je"),
    "pl": ("napisz", "wyślij", "prześlij", "skontaktuj się", "daj nam znać", "podziel się"),
    "sv": ("skicka", "mejla", "hör av dig", "kontakta oss", "tipsa oss"),
    "no": ("send", "tips oss", "kontakt oss"),
    "da": ("send", "skriv til os", "kontakt os"),
}
CREDIT_LINES: Words = {
    # how a closing credit line names who reported and who edited the post, not its author
    "en": (
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "research by",
        "graphics by",
    ),
}
CONTRIBUTED = (
    # the end of a closing line crediting a colleague ("Jane Doe contributed to this report.")
    r"contributed (?:reporting )?to this (?:report|story|article)|contributed reporting"
)

META_WORDS: Words = {
    # words a post's meta row may hold besides times, names and labels
    "en": ("today", "yesterday", "just now", "updated", "published", "posted", "last updated"),
    "de": ("heute", "gestern", "gerade eben", "soeben", "aktualisiert", "veröffentlicht"),
    "fr": ("aujourd'hui", "hier", "à l'instant", "mis à jour", "publié", "publié le"),
    "it": ("oggi", "ieri", "adesso", "aggiornato", "pubblicato"),
    "es": ("hoy", "ayer", "ahora mismo", "actualizado", "publicado"),
    "pt": ("hoje", "ontem", "agora", "atualizado", "publicado"),
    "pl": ("dzisiaj", "dziś", "wczoraj", "przed chwilą", "zaktualizowano", "opublikowano"),
    "nl": ("vandaag", "gisteren", "zojuist", "bijgewerkt", "gepubliceerd"),
    "sv": ("idag", "i dag", "igår", "i går", "nyss", "uppdaterad", "publicerad"),
    "no": ("i dag", "i går", "nettopp", "oppdatert", "publisert"),
    "da": ("i dag", "i går", "i forgårs", "lige nu", "opdateret", "publiceret"),
    "fi": ("tänään", "eilen", "juuri nyt", "päivitetty", "julkaistu"),
}
META_PREFIXES = (
    # words that may stand before a time or date in a meta row ("Updated 14:23")
    r"(?:last )?updated|published|posted|aktualisiert|veröffentlicht|erstellt|mis à jour"
    r"|publié(?: le)?|modifié(?: le)?|aggiornato|pubblicato|actualizado|publicado|atualizado"
    r"|zaktualizowano|opublikowano|aktualizacja|bijgewerkt|gepubliceerd|geplaatst|uppdaterad"
    r"|uppdaterat|publicerad|publicerat|oppdatert|opdateret|päivitetty|kl\.?|klo|ore|godz\.?|um|à"
    r"|alle|a las|às|om|at|on|am|le|i dag|i går|i forgårs|tänään|eilen|hoje|ontem"
)
TIME_UNITS = (
    r"s|secs?|seconds?|sek(?:unden?)?|m|mins?|minutes?|minuten?|minuti|minutos?|minuter"
    r"|minut[ey]?|minutt(?:er)?|minuutti|minuuttia|h|hrs?|hours?|std|stunden?|heures?|ore|horas?"
    r"|godz(?:in[ay]?)?|uur|timm(?:e|ar)|timer|time|tunti|tuntia"
    r"|d|days?|tagen?|jours?|giorni|días?|dias?|dni|dagen?|dage|dager|päivää"
)
ONE_COUNT = r"an?|one|eine[mr]?|ein|une?|una|uno|een|één|um|uma|jedną"
"""Words for the number 1 before a unit of time ("an hour ago", "vor einer Stunde")."""
AGO_BEFORE = r"vor|il y a|hace|há|przed|for|för"
AGO_AFTER = r"ago|fa|temu|geleden|sedan|siden|sitten|atrás"
PROGRESS_WORDS = (
    r"lap|round|stage|leg|runde|etappe|tour|étape|giro|tappa|vuelta|etapa|ronde|okrążenie|runda"
)
"""What a race or match counts its progress in, in a post's meta row as "Lap 51/70" or "Round
3 of 12" (the count out of a total: a word and a number alone may be a heading)."""
READING_TIME = (
    r"read|reading time|lesezeit|lesedauer|de lecture|temps de lecture|di lettura"
    r"|tempo di lettura|de lectura|tiempo de lectura|de leitura|tempo de leitura|czytania"
    r"|czas czytania|leestijd|lästid|läsning"
)
