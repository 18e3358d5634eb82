"""The parser against the six real live-blog pages in ../shared/fixtures/real.

Every expectation here comes from reading the saved HTML (ids, `datetime` and epoch attributes,
JSON-LD, visible text), not from the parser's output; see ../shared/fixtures/real/STRUCTURE.md
for the traps. Where a whole-page check is cheap, the test reads the page itself with
selectolax and compares every post, so the oracle is the markup, not a pasted list.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.model import Embed, Entry, Image, ListBlock, LiveBlog, Paragraph, Quote
from liveread.parse import parse

REAL = Path(__file__).parents[1].parent / "shared" / "fixtures" / "real"
SKIP_REASON = "../shared/fixtures/real not found (CI has it beside the checkout)"

# Fixed offsets rather than tz names, so the expectations need no tz database:
# all UK pages were captured in British Summer Time, Repubblica's in Central European Time.
BST = timezone(timedelta(hours=1), "BST")
CET = timezone(timedelta(hours=1), "CET")

PAGES: dict[str, tuple[str, str]] = {
    "guardian": (
        "guardian/guardian_russia-ukraine-war-live_2023-05-15.html",
        "https://www.theguardian.com/world/live/2023/may/15/russia-ukraine-war-latest-g7-"
        "reportedly-set-to-tighten-russia-sanctions-france-to-send-kyiv-military-aid-live",
    ),
    "bbc": (
        "bbc/bbc_news-live-world-52627824_2020-05-12.html",
        "https://www.bbc.co.uk/news/live/world-52627824",
    ),
    "independent": (
        "independent/independent_womens-world-cup-england-live_2023-08-14.html",
        "https://www.independent.co.uk/sport/football/"
        "womens-world-cup-england-news-latest-australia-b2392480.html",
    ),
    "express": (
        "express/express_harry-meghan-live_2024-07-18.html",
        "https://www.express.co.uk/news/royal/1924698/prince-harry-meghan-markle-live-grifters",
    ),
    "mirror": (
        "mirror/mirror_uk-riots-live_2024-08-05.html",
        "https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398",
    ),
    "repubblica": (
        "repubblica/repubblica_israele-hamas-diretta_2023-11-02.html",
        "https://www.repubblica.it/esteri/2023/11/02/diretta/"
        "israele_hamas_news_guerra_gaza_oggi-419364605/",
    ),
}
SITES = list(PAGES)

ENTRY_COUNTS = {
    "guardian": 10,  # 10 article.block on page 1; the #pinned-post copy is not an 11th
    "bbc": 20,  # article.lx-stream-post; the "Summary" box is not an entry
    "independent": 10,  # div[id^=post-] in amp-live-list; the key-points aside is not one
    "express": 9,  # div.live-events__entry; the intro text is not an entry
    "mirror": 428,  # every JSON-LD liveBlogUpdate (30 rendered + 398 only in JSON-LD)
    "repubblica": 79,  # section.liveblog__post; the index list is not a second copy
}

ADAPTER_NAMES = {
    "guardian": "guardian",
    "bbc": "bbc",
    "independent": "independent",
    "express": "reach-live-events",
    "mirror": "reach-live-event",
    "repubblica": "repubblica",
}

FURNITURE = (
    "Share on Facebook",
    "Share on Twitter",
    "Share this post",
    "Copy this link",
    "Read more about these links",
    "View more share options",
    "Please turn on JavaScript",
    "Show key events only",
    "Link copied",
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 controls (ESC included); tab and newline are allowed in body text."""
RAW_MARKUP = re.compile(r"</?(?:a|b|i|u|p|br|span|strong|em|div)\b[^<>]*>", re.I)
RAW_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,6});", re.I)


# --------------------------------------------------------------------------------------------
# Loading


def _require_real() -> Path:
    if not REAL.is_dir():
        pytest.skip(SKIP_REASON)
    return REAL


@cache
def _parsed(site: str) -> LiveBlog:
    path, url = PAGES[site]
    return parse((REAL / path).read_bytes(), url)


@cache
def _tree(site: str) -> LexborHTMLParser:
    return LexborHTMLParser((REAL / PAGES[site][0]).read_text(encoding="utf-8"))


def load(site: str) -> LiveBlog:
    """The parsed page (parsed once per session); skips when ../shared is missing."""
    _require_real()
    return _parsed(site)


def page(site: str) -> LexborHTMLParser:
    """The raw page as a Lexbor tree, for reading expectations straight from the markup."""
    _require_real()
    return _tree(site)


def jsonld_updates(site: str) -> list[dict]:
    for script in page(site).css('script[type="application/ld+json"]'):
        data = json.loads(script.text(), strict=False)
        for obj in data if isinstance(data, list) else [data]:
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "LiveBlogPosting" in kinds:
                return obj["liveBlogUpdate"]
    raise AssertionError(f"{site}: no LiveBlogPosting in JSON-LD")


def by_anchor(blog: LiveBlog, anchor: str) -> Entry:
    """The entry whose permalink points at the page element id `anchor`."""
    found = [e for e in blog.entries if e.url and urlsplit(e.url).fragment == anchor]
    assert len(found) == 1, f"{len(found)} entries link to #{anchor}"
    return found[0]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def from_ms(value: str) -> datetime:
    return datetime.fromtimestamp(int(value) / 1000, UTC)


def paragraphs(entry: Entry) -> list[str]:
    return [b.text for b in entry.blocks if isinstance(b, Paragraph)]


def all_texts(entry: Entry) -> list[str]:
    """Every string of an entry a reader can see."""
    texts = [entry.title, *entry.authors, entry.text]
    for block in entry.blocks:
        if isinstance(block, Image):
            texts += [block.caption or "", block.credit or "", block.alt or ""]
        elif isinstance(block, Embed):
            texts += [block.text, block.provider]
    return texts


def hrefs(entry: Entry) -> list[str]:
    urls: list[str] = []
    for block in entry.blocks:
        spans = getattr(block, "spans", None)
        if spans is not None:
            urls += [s.href for s in spans if s.href]
        if isinstance(block, ListBlock):
            urls += [s.href for item in block.items for s in item if s.href]
    return urls


# --------------------------------------------------------------------------------------------
# Every page


@pytest.mark.parametrize("site", SITES)
def test_entry_count(site):
    assert len(load(site).entries) == ENTRY_COUNTS[site]


@pytest.mark.parametrize("site", SITES)
def test_each_page_is_read_by_its_template_adapter(site):
    assert load(site).source.split("+")[0] == ADAPTER_NAMES[site]


@pytest.mark.parametrize("site", SITES)
def test_keys_and_permalinks_unique(site):
    blog = load(site)
    keys = [e.key for e in blog.entries]
    assert all(keys)
    assert len(set(keys)) == len(keys)
    anchors = [urlsplit(e.url).fragment for e in blog.entries if e.url]
    assert len(anchors) == len(keys), "every post on these pages has its own anchor"
    assert len(set(anchors)) == len(anchors)


@pytest.mark.parametrize("site", SITES)
def test_sorted_newest_first(site):
    times = [e.published for e in load(site).entries]
    assert all(t is not None and t.utcoffset() == timedelta(0) for t in times)
    assert times == sorted(times, reverse=True)


@pytest.mark.parametrize("site", SITES)
def test_no_control_characters(site):
    blog = load(site)
    for text in (blog.title, blog.description):
        assert not CONTROL.search(text)
    for entry in blog.entries:
        for text in all_texts(entry):
            assert not CONTROL.search(text), (entry.key, text[:80])


@pytest.mark.parametrize("site", SITES)
def test_no_furniture_strings(site):
    for entry in load(site).entries:
        text = "\n".join(all_texts(entry))
        for phrase in FURNITURE:
            assert phrase.casefold() not in text.casefold(), (entry.key, phrase)


@pytest.mark.parametrize("site", SITES)
def test_no_raw_markup_or_entities(site):
    """JSON-LD bodies hold escaped entities (&#39;, &quot;) and, on the Mirror, raw HTML
    (<a href>, <br>, <b>, <span>): none of it may reach the reader as literal text."""
    for entry in load(site).entries:
        for text in (entry.title, entry.text):
            assert not RAW_MARKUP.search(text), (entry.key, RAW_MARKUP.search(text))
            assert not RAW_ENTITY.search(text), (entry.key, RAW_ENTITY.search(text))


@pytest.mark.parametrize("site", SITES)
def test_links_are_absolute_http(site):
    for entry in load(site).entries:
        urls = [entry.url or "", *hrefs(entry)]
        urls += [b.src for b in entry.blocks if isinstance(b, Image) and b.src]
        urls += [b.url for b in entry.blocks if isinstance(b, Embed) and b.url]
        for url in urls:
            parts = urlsplit(url)
            assert parts.scheme in ("http", "https") and parts.netloc, (entry.key, url)
            assert "{" not in url, (entry.key, url)  # BBC's "{width}" image template


# --------------------------------------------------------------------------------------------
# The Guardian: per-block DOM times (JSON-LD gives every post the page's time), pinned copy


GUARDIAN_KEY_EVENTS = {
    # The #key-events-carousel cards that point at blocks on this page (the other nine
    # carousel cards point at older pages).
    "block-646208dd8f0822aea831dd26",
    "block-646210cc8f0822aea831dd91",
    "block-64620b708f08e408b758aedb",
}


def test_guardian_times_come_from_each_block():
    blog = load("guardian")
    # JSON-LD says 11:50:54Z for all ten; the page shows each block's own time.
    assert {u["datePublished"] for u in jsonld_updates("guardian")} == {"2023-05-15T11:50:54.000Z"}
    for block in page("guardian").css("article.block[id]"):
        stamp = block.css_first("header time[datetime]").attributes["datetime"]
        assert by_anchor(blog, block.id).published == utc(stamp)
    assert by_anchor(blog, "block-646219928f08e408b758af95").published == utc(
        "2023-05-15T11:50:54Z"
    )
    sunak = by_anchor(blog, "block-646210cc8f0822aea831dd91")
    assert sunak.published == utc("2023-05-15T11:05:09Z")  # shown as "12.05 BST"
    assert sunak.updated == utc("2023-05-15T11:08:24Z")  # "Updated at 12.08 BST"
    assert by_anchor(blog, "block-64620b708f08e408b758aedb").published == utc(
        "2023-05-15T10:42:56Z"
    )
    assert len({e.published for e in blog.entries}) == 10


def test_guardian_pinned_copy_is_flagged_not_doubled():
    blog = load("guardian")
    title = "Sunak: 'not a straightforward thing' to supply fighter jets to Ukraine"
    assert [e.title for e in blog.entries].count(title) == 1
    pinned = [e for e in blog.entries if e.pinned]
    assert [urlsplit(e.url).fragment for e in pinned] == ["block-646210cc8f0822aea831dd91"]
    assert pinned[0].title == title
    opening = "The UK’s prime minister, Rishi Sunak, has said the UK will be ready to help train"
    assert sum(opening in e.text for e in blog.entries) == 1


def test_guardian_key_events_titles_and_authors():
    blog = load("guardian")
    flagged = {urlsplit(e.url).fragment for e in blog.entries if e.key_event}
    assert flagged == GUARDIAN_KEY_EVENTS
    assert by_anchor(blog, "block-646208dd8f0822aea831dd26").title == (
        "Stoltenberg: no point discussing how Ukraine can join Nato if it does not prevail "
        "in war first"
    )
    # Blocks without an h2 are untitled: not the page headline JSON-LD copies into each.
    page_headline = jsonld_updates("guardian")[0]["headline"]
    assert all(e.title != page_headline for e in blog.entries)
    assert by_anchor(blog, "block-646218558f08e408b758af8d").title == ""
    # The per-block contributor, not the page's byline (Martin Belam et al.) from JSON-LD.
    assert by_anchor(blog, "block-646219928f08e408b758af95").authors == ["Jennifer Rankin"]
    assert by_anchor(blog, "block-646218558f08e408b758af8d").authors == []
    assert all("Martin Belam" not in e.authors for e in blog.entries)


def test_guardian_youtube_atom_links_to_its_video():
    """The player is drawn by script; the video id is only in the island's JSON props."""
    islands = [
        island
        for post in page("guardian").css("article.block[id='block-646208dd8f0822aea831dd26']")
        for island in post.css("gu-island[name='YoutubeBlockComponent']")
    ]
    assert len(islands) == 1
    asset = json.loads(islands[0].attributes["props"])["assetId"]
    videos = [
        b
        for b in by_anchor(load("guardian"), "block-646208dd8f0822aea831dd26").blocks
        if isinstance(b, Embed)
    ]
    assert [(v.url, v.provider) for v in videos] == [
        (f"https://www.youtube.com/watch?v={asset}", "video")
    ]
    assert videos[0].text.startswith("Stoltenberg: no point discussing Ukraine Nato membership")


def test_guardian_cleaning_keeps_body_drops_share_links():
    blog = load("guardian")
    for entry in blog.entries:
        for url in hrefs(entry):
            assert "facebook.com/dialog/share" not in url
            assert "twitter.com/intent/tweet" not in url
    assert any("share" in r.rule for r in blog.removals)
    rankin = by_anchor(blog, "block-646219928f08e408b758af95").text
    assert "The EU is ready to sanction foreign companies helping Russia evade trade" in rankin
    # The last quote sits right above the removed share footer.
    assert "nothing about Ukraine without Ukraine means very strong support" in rankin
    spokes = by_anchor(blog, "block-646214d48f0822aea831ddb9").text
    assert "Britain has no plans to send fighter jets to Ukraine" in spokes
    peskov = by_anchor(blog, "block-64620ea98f08e408b758af03").text
    assert "Britain is trying to be one of the leading countries" in peskov


def test_guardian_blocks():
    blog = load("guardian")
    rankin = by_anchor(blog, "block-646219928f08e408b758af95")
    quotes = [b for b in rankin.blocks if isinstance(b, Quote)]
    assert len(quotes) == 2
    assert quotes[0].text.startswith("[The EU proposal was] basically a warning")
    assert "https://www.theguardian.com/world/russia" in hrefs(rankin)

    tweet = [
        b for b in by_anchor(blog, "block-646211b28f08e408b758af3c").blocks if isinstance(b, Embed)
    ]
    assert len(tweet) == 1
    assert tweet[0].url.startswith("https://twitter.com/AndriyYermak/status/1658064372659372032")
    assert "@ZelenskyyUa" in tweet[0].text

    images = [
        b for b in by_anchor(blog, "block-64620e828f08e408b758af02").blocks if isinstance(b, Image)
    ]
    assert len(images) == 1
    assert images[0].src.startswith(
        "https://i.guim.co.uk/img/media/b85eeabca3167f481f10644c8e09e8e4ac54ff16/"
    )
    # The figcaption ends in a bare text node "Photograph: Reuters": the credit, not caption.
    assert images[0].caption.endswith("Volodymyr Zelenskiy, after greeting him on his arrival.")
    assert images[0].credit == "Reuters"


# --------------------------------------------------------------------------------------------
# BBC: times only in JSON-LD (the page shows "15:05" with no date), breaking flag, contributors


def test_bbc_times_from_jsonld():
    blog = load("bbc")
    for update in jsonld_updates("bbc"):
        anchor = urlsplit(update["url"]).fragment
        assert by_anchor(blog, anchor).published == utc(update["datePublished"])
    assert by_anchor(blog, "post_5ebab4a75c8cf7066bdfaa58").published == utc("2020-05-12T15:05:08Z")
    assert by_anchor(blog, "post_5eba9cb47486b406616ec0ab").published == utc("2020-05-12T12:57:24Z")
    assert by_anchor(blog, "post_5eba965a6b7a9b06537a69a0").published == utc("2020-05-12T13:37:22Z")


def test_bbc_flags_titles_authors():
    blog = load("bbc")
    breaking = {urlsplit(e.url).fragment for e in blog.entries if e.breaking}
    assert breaking == {"post_5eba9cb47486b406616ec0ab", "post_5eba97a75c8cf7066bdfaa2c"}
    assert by_anchor(blog, "post_5eba9cb47486b406616ec0ab").title == (
        "Total lockdown announced in Lebanon"
    )
    spring = by_anchor(blog, "post_5eba965a6b7a9b06537a69a0")
    assert spring.authors == ["Marianna Spring"]
    assert "Specialist disinformation" not in spring.text  # the role line is byline, not body
    assert by_anchor(blog, "post_5eba9a0157f2e80655215681").authors == ["Faisal Islam"]
    assert sum(bool(e.authors) for e in blog.entries) == 2
    assert blog.older_pages == ["https://www.bbc.co.uk/news/live/world-52627824/page/2"]


def test_bbc_cleaning_keeps_body_drops_share_tools():
    blog = load("bbc")
    assert sum(r.rule == "bbc: share tools" for r in blog.removals) == 20
    for entry in blog.entries:
        assert "Article share tools" not in entry.text
        assert "Posted at" not in entry.text
    furlough = by_anchor(blog, "post_5eba9a0157f2e80655215681")
    # The last paragraph, right above the removed share footer.
    assert paragraphs(furlough)[-1] == "This announcement buys most workers more time."
    spat = by_anchor(blog, "post_5eba549b7486b406616ec00a").text
    assert "Belly Mujinga, 47, was on the concourse of Victoria station in London" in spat
    wales = by_anchor(blog, "post_5ebab1866b7a9b06537a69df").text
    assert 'PHW has previously said Wales seems to have "passed the peak" of cases.' in wales


def test_bbc_blocks():
    blog = load("bbc")
    football = by_anchor(blog, "post_5eba918b7486b406616ec092")
    lists = [b for b in football.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert lists[0].text.startswith(
        "- Athletics: The Anniversary Games in London in July have been cancelled"
    )
    assert "https://www.bbc.co.uk/sport/athletics/52632252" in hrefs(football)
    tweets = [b for b in football.blocks if isinstance(b, Embed)]
    assert [t.url.split("?")[0] for t in tweets] == [
        "https://twitter.com/PhillipIslandNP/status/1259972766788288513"
    ]
    assert tweets[0].provider == "tweet"

    peskov = by_anchor(blog, "post_5eba9eaa6b7a9b06537a69b3")
    image = next(b for b in peskov.blocks if isinstance(b, Image))
    assert image.credit == "EPA"  # "Copyright: EPA" without its label
    assert image.src.startswith("https://ichef.bbci.co.uk/")
    # The caption once: the page prints it twice, once visually hidden ("Image caption: …").
    assert image.caption == (
        "It's unclear when Peskov (right) was last in close proximity with Putin (left)"
    )


# --------------------------------------------------------------------------------------------
# The Independent: a post is published when it was created (data-sort-time, as JSON-LD's
# datePublished), not at its editable display time (amp-timeago, the UK-local line)

INDEPENDENT_POSTS = [f"post-12889{n:02d}" for n in (14, 19, 13, 22, 12, 30, 10, 8, 7, 6)]


def test_independent_times_are_the_creation_times():
    blog = load("independent")
    for post in page("independent").css("amp-live-list div[items] > div[id^='post-']"):
        entry = by_anchor(blog, post.id)
        assert entry.published == from_ms(post.attributes["data-sort-time"])
        # The display time is hours later for the re-timed first posts, never earlier.
        shown = post.css_first("amp-timeago").attributes["datetime"]
        assert entry.published <= utc(shown)
    assert by_anchor(blog, "post-1288914").published == utc("2023-08-14T04:20:06Z")  # shown 10:01
    assert by_anchor(blog, "post-1288930").published == utc("2023-08-14T04:38:21Z")  # shown 05:45
    assert by_anchor(blog, "post-1288906").published == utc("2023-08-14T04:15:52Z")
    published = [e.published for e in blog.entries]
    assert published == sorted(published, reverse=True)
    assert {urlsplit(e.url).fragment for e in blog.entries} == set(INDEPENDENT_POSTS)


def test_independent_titles_authors_byline():
    blog = load("independent")
    assert all(e.authors == ["Jamie Braidwood"] for e in blog.entries)
    assert by_anchor(blog, "post-1288912").title == (
        "Who and when do England play next? Lionesses route to the World Cup final"
    )
    assert by_anchor(blog, "post-1288914").title == "Women’s World Cup"
    for entry in blog.entries:
        assert "Jamie Braidwood" not in entry.text
        assert "14 August 2023" not in entry.text
        assert not re.search(r"\b169\d{7}\b", entry.text)  # amp-timeago's epoch text


def test_independent_related_cards_removed_body_kept():
    blog = load("independent")
    russo = by_anchor(blog, "post-1288913")
    assert "England set up old rivalry on a new stage" not in russo.text
    assert paragraphs(russo)[-1] == "Miguel Delaney’s match report from Sydney:"
    bronze = by_anchor(blog, "post-1288910")
    assert "England reach familiar World Cup hurdle" not in bronze.text
    assert paragraphs(bronze)[-1] == "By Adam Millington"
    route = by_anchor(blog, "post-1288912")
    assert "England are through to the World Cup semi-finals after coming from behind" not in (
        route.text
    )
    assert "Here’s everything you need to know about the Lionesses’ next challenge" in route.text
    assert "England embrace a new identity" not in by_anchor(blog, "post-1288907").text
    holiday = by_anchor(blog, "post-1288922").text
    assert "Anthony Albanese on Monday backed calls for a public holiday" in holiday
    assert sum(r.entry_key is not None and "card" in r.rule for r in blog.removals) >= 4


def test_independent_images():
    blog = load("independent")
    images = [b for b in by_anchor(blog, "post-1288930").blocks if isinstance(b, Image)]
    assert [i.credit for i in images] == ["The FA via Getty Images"] * 3
    gustavsson = next(b for b in by_anchor(blog, "post-1288919").blocks if isinstance(b, Image))
    assert (
        gustavsson.src
        == "https://static.independent.co.uk/2023/08/12/11/GettyImages-1609438043.jpg"
    )
    assert gustavsson.credit == "Getty Images"


# --------------------------------------------------------------------------------------------
# Daily Express: "11:48" shown in UK time with no offset; data-sort-time and JSON-LD agree


def test_express_times():
    blog = load("express")
    for post in page("express").css("div.live-events__entries div.live-events__entry"):
        entry = by_anchor(blog, post.id)
        assert entry.published == datetime.fromtimestamp(
            int(post.attributes["data-sort-time"]), UTC
        )
        shown = post.css_first("time").attributes["data-time"]  # "2024-07-18T11:48", UK local
        assert entry.published.astimezone(BST).strftime("%Y-%m-%dT%H:%M") == shown
    for update in jsonld_updates("express"):
        anchor = urlsplit(update["url"]).fragment
        assert by_anchor(blog, anchor).published == datetime.fromisoformat(update["datePublished"])
    assert by_anchor(blog, "live-1924698-qq0im").published == utc("2024-07-18T10:48:00Z")
    assert by_anchor(blog, "live-1924698-8eoz5").published == utc("2024-07-18T09:05:00Z")
    assert by_anchor(blog, "live-1924698-bbir0k").published == utc("2024-07-18T06:06:00Z")


def test_express_titles_authors_cleaning():
    blog = load("express")
    assert all(e.authors == ["Jon King"] for e in blog.entries)
    assert by_anchor(blog, "live-1924698-8eoz5").title == (
        "Meghan Markle 'turned and hissed' at a staffer leaving her in 'tears'"
    )
    for entry in blog.entries:
        assert "mins ago" not in entry.text and "hours ago" not in entry.text
        assert "Jon King" not in entry.text
        assert "THIS IS A LIVE BLOG" not in entry.text.upper()
        assert "Get 75% off annual subscription" not in entry.text
    doria = by_anchor(blog, "live-1924698-qq0im").text
    assert "Doria, 67, is said to have taken on the role as Prince Archie" in doria
    frogmore = by_anchor(blog, "live-1924698-u9vshc").text
    assert "Harry is said to have responded to his father with eight words" in frogmore
    image = next(b for b in by_anchor(blog, "live-1924698-qq0im").blocks if isinstance(b, Image))
    assert image.src == (
        "https://cdn.images.express.co.uk/img/dynamic/106/590x/secondary/5505003.jpg?1721299777418"
    )


def test_express_image_caption_and_credit():
    entry = by_anchor(load("express"), "live-1924698-qq0im")
    image = next(b for b in entry.blocks if isinstance(b, Image))
    assert image.caption == (
        "Meghan and Harry reportedly only trust Doria Ragland to look after their kids"
    )
    assert image.credit == "Getty"
    assert not any("(Image: Getty)" in p for p in paragraphs(entry))


# --------------------------------------------------------------------------------------------
# Mirror: 428 posts in JSON-LD, 30 rendered; per-entry `mark` author; key events


MIRROR_KEY_EVENTS = {
    "751101",
    "751084",
    "751069",
    "751066",
    "751065",
    "751047",
    "751045",
    "751039",
    "751035",
}


def test_mirror_every_jsonld_post_is_an_entry():
    blog = load("mirror")
    updates = jsonld_updates("mirror")
    assert len(updates) == 428
    assert {urlsplit(u["url"]).fragment for u in updates} == {
        urlsplit(e.url).fragment for e in blog.entries
    }
    oldest = blog.entries[-1]
    assert urlsplit(oldest.url).fragment == "749874"
    assert oldest.published == utc("2024-08-02T17:42:00.475Z")  # "18:42:00.475+01:00"
    assert oldest.title == "UK police braced for 'at least 15' protests over the weekend"


def test_mirror_times_from_post_time():
    blog = load("mirror")
    rendered = page("mirror").css("div.live-event-entries div.live-event-entry")
    assert len(rendered) == 30
    for post in rendered:
        entry = by_anchor(blog, post.id)
        assert entry.published == from_ms(post.attributes["data-post-time"])
        shown = post.css_first(".entry-info time").text(strip=True)  # "21:00", UK local
        assert entry.published.astimezone(BST).strftime("%H:%M") == shown
    assert by_anchor(blog, "751105").published == utc("2024-08-05T20:00:18.921Z")
    assert by_anchor(blog, "751101").published == utc("2024-08-05T19:42:30.565Z")
    assert by_anchor(blog, "751035").published == utc("2024-08-05T14:36:52.403Z")


def test_mirror_authors_and_key_events():
    blog = load("mirror")
    rendered = [by_anchor(blog, post.id) for post in page("mirror").css("div.live-event-entry")]
    flagged = {urlsplit(e.url).fragment for e in rendered if e.key_event}
    assert flagged == MIRROR_KEY_EVENTS
    for entry in rendered:
        if entry.key_event:
            assert entry.authors == []
        else:
            assert len(entry.authors) == 1
        assert "KEY EVENT" not in entry.text
    assert by_anchor(blog, "751105").authors == ["Antony Clements-Thrower"]
    assert by_anchor(blog, "751087").authors == ["Sophie Bateman"]
    assert by_anchor(blog, "751062").authors == ["Joseph Gamp"]
    assert by_anchor(blog, "751105").title == "Loud bang heard at Plymouth scene"
    # The page-level JSON-LD byline (four names on every update) is no post's author.
    assert all(
        e.authors != ["Lucy Thornton", "Tim Hanlon", "Phoebe Tonks", "Joseph Gamp"]
        for e in blog.entries
    )


def test_mirror_read_more_removed_body_kept():
    blog = load("mirror")
    rendered = [by_anchor(blog, post.id) for post in page("mirror").css("div.live-event-entry")]
    for entry in rendered:
        assert "Read more:" not in entry.text, entry.key
    assert sum(r.rule == "read more" for r in blog.removals) >= 3
    plymouth = by_anchor(blog, "751101").text
    assert "Devon and Cornwall Police confirmed a police van has been damaged tonight" in plymouth
    dates = by_anchor(blog, "751069").text
    assert "as many as 39 planned - or “be cowed”, reports the Express." in dates
    library = by_anchor(blog, "751038").text
    assert "The huge far-right mob swarmed the Walton area of Liverpool on Saturday" in library
    # The intro box and the reader call-out are not posts.
    assert not any("webnews@reachplc.com" in e.text for e in blog.entries)


def test_mirror_blocks():
    blog = load("mirror")
    activists = next(b for b in by_anchor(blog, "751092").blocks if isinstance(b, Image))
    assert activists.caption == "Anti-racism activists in Plymouth tonight"
    assert activists.credit == "Anadolu via Getty Images"
    assert activists.src.startswith("https://i2-prod.mirror.co.uk/incoming/article33400767.ece/")
    credit_only = next(b for b in by_anchor(blog, "751101").blocks if isinstance(b, Image))
    assert credit_only.credit == "Anadolu via Getty Images"
    assert not credit_only.caption

    tweet = next(b for b in by_anchor(blog, "751098").blocks if isinstance(b, Embed))
    assert tweet.provider == "tweet"
    assert tweet.url.startswith("https://twitter.com/plymouthbus/status/1820436642806591998")
    # "from 1530.<br>No buses": the line break must not glue the words together.
    assert re.search(r"from 1530\.\s+No buses Royal Parade", tweet.text)


def test_mirror_jsonld_only_bodies_are_text():
    """Posts only in JSON-LD: articleBody holds HTML with entities; it must read as text."""
    blog = load("mirror")
    riley = by_anchor(blog, "750783")
    assert riley.title == "Fourth man arrested in connection with Liverpool riot"
    assert any(
        p.startswith('"Liam James Riley, 41 years, of Walton Road, Kirkdale')
        for p in paragraphs(riley)
    )
    pride = by_anchor(blog, "750141").text
    assert "as well as a Manchester Palestine Action regarding the Gaza conflict" in pride


def test_mirror_jsonld_only_read_more_removed():
    """JSON-LD-only posts end in "Read more here <a>other story</a>" run into the last
    sentence of one flat articleBody; the promo goes, the sentence before it stays."""
    blog = load("mirror")
    for entry in blog.entries:
        assert "Read more" not in entry.text, entry.key
    removed = {r.entry_key for r in blog.removals if r.rule == "read more"}
    assert {by_anchor(blog, a).key for a in ("750811", "750800", "751033", "750290")} <= removed
    tamworth = by_anchor(blog, "750781").text
    assert tamworth.endswith("The Mirror has contact police for a comment")
    sole = by_anchor(blog, "750290").text
    assert "A demonstration in Doncaster passed quietly today" in sole


# --------------------------------------------------------------------------------------------
# la Repubblica: the DOM's "Z" is Rome time; JSON-LD holds the UTC instant


def test_repubblica_times_from_jsonld_not_dom_z():
    blog = load("repubblica")
    posts = page("repubblica").css("div.liveblog section.liveblog__post")
    assert len(posts) == 79
    for post in posts:
        entry = by_anchor(blog, post.id)
        rome = post.css_first("time.liveblog__post__pubdate").attributes["datetime"]  # "…16:56Z"
        assert entry.published.astimezone(CET).strftime("%Y-%m-%dT%H:%MZ") == rome
    assert by_anchor(blog, "419364605_event79").published == utc("2023-11-02T15:56:32Z")
    assert by_anchor(blog, "419364605_event64").published == utc("2023-11-02T14:01:57Z")
    # 00:30 in Rome on 2 November is still 1 November in UTC.
    assert by_anchor(blog, "419364605_event1").published == utc("2023-11-01T23:30:20Z")


def test_repubblica_titles_and_cleaning():
    blog = load("repubblica")
    assert by_anchor(blog, "419364605_event79").title == (
        "Oms: “A Gaza fermi 14 ospedali su 36, gli altri in sovraccarico”"
    )
    assert all(e.authors == [] for e in blog.entries)  # no per-post byline on the page
    cpj = by_anchor(blog, "419364605_event64").text
    assert "Gaza, morte in diretta" not in cpj and "Sami al-Ajrami" not in cpj
    assert "Sono almeno 33 i giornalisti che hanno perso la vita dall'inizio del conflitto" in cpj
    egypt = by_anchor(blog, "419364605_event16").text
    assert "Via da Gaza quattro italiani" not in egypt and "Alessia Candito" not in egypt
    assert "L'Egitto favorirà l'evacuazione di circa 7 mila stranieri dalla Striscia" in egypt
    assert {r.entry_key for r in blog.removals if "related" in r.rule} == {
        by_anchor(blog, "419364605_event64").key,
        by_anchor(blog, "419364605_event16").key,
    }
    bureij = by_anchor(blog, "419364605_event66").text
    assert "I residenti hanno detto che decine di persone sono rimaste intrappolate" in bureij
    # Unresolved CMS image references ("[[(gele.Finegil.Image2014v1) …]]", javascript: links).
    assert not any("[[(" in e.text for e in blog.entries)


def test_repubblica_bracketed_agency_captions_are_credits():
    """A figcaption that is only "(reuters)" or "(afp)" names the agency, not the picture."""
    blog = load("repubblica")
    expected = {}
    for post in page("repubblica").css("div.liveblog section.liveblog__post"):
        for caption in post.css("figure figcaption"):
            text = caption.text().strip()
            if text.startswith("(") and text.endswith(")"):
                expected.setdefault(post.id, []).append(text[1:-1])
    assert sum(len(names) for names in expected.values()) == 6
    for anchor, names in expected.items():
        images = [b for b in by_anchor(blog, anchor).blocks if isinstance(b, Image)]
        assert [(image.caption, image.credit) for image in images] == [(None, n) for n in names]
