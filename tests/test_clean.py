"""The cleaner on its own: phrase rules over blocks, structural rules over small DOM snippets,
repeated blocks across posts, and the record it keeps of every removal.

Losing a real paragraph is worse than keeping a promo line, so every rule here is tested from
both sides: the promo goes, the look-alike real text stays.
"""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from liveread.clean import (
    GLOBAL_RULES,
    GLOBAL_SELECTORS,
    AttributeRules,
    Cleaner,
    phrase_rule,
    promo_line,
)
from liveread.model import Block, Entry, Heading, Image, ListBlock, Paragraph, Span
from liveread.parse import parse

URL = "https://www.example.co.uk/news/live/story"


def para(text: str, href: str | None = None) -> Paragraph:
    return Paragraph((Span(text, href=href),))


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph | Heading)]


REAL = (
    "Firefighters were called to the warehouse shortly after 3am and the blaze was under "
    "control by breakfast, the fire service said."
)
REAL_2 = "Nobody was hurt, but the road outside will stay closed until the evening rush hour."


# The donation ask: a run of blocks from its first line to its last.

DONATION = [
    Heading((Span("Your support helps us to tell the story"),)),
    para(
        "From reproductive rights to climate change to Big Tech, The Independent is on the "
        "ground when the story is developing."
    ),
    para(
        "At such a critical moment in US history, we need reporters on the ground. Your "
        "donation allows us to keep sending journalists to speak to both sides of the story."
    ),
    para(
        "The Independent is trusted by Americans across the entire political spectrum. And "
        "unlike many other quality news outlets, we choose not to lock Americans out of our "
        "reporting and analysis with paywalls."
    ),
    para("Your support makes all the difference."),
]


def test_donation_ask_run_is_removed_and_recorded():
    cleaner = Cleaner()
    kept = cleaner.clean_blocks([para(REAL), *DONATION, para(REAL_2)], "post-7")
    assert texts(kept) == [REAL, REAL_2]
    assert [(r.rule, r.entry_key) for r in cleaner.removals] == [("donation ask", "post-7")] * 5
    assert cleaner.removals[0].text == "Your support helps us to tell the story"
    assert cleaner.removals[-1].text == "Your support makes all the difference."
    # Long removed text is kept as a short excerpt.
    assert all(len(r.text) <= 100 for r in cleaner.removals)
    assert cleaner.removals[2].text.endswith("…")


def test_donation_ask_in_one_block():
    cleaner = Cleaner()
    one = para(
        "Your support helps us to tell the story. We need reporters on the ground. "
        "Your support makes all the difference."
    )
    assert texts(cleaner.clean_blocks([one, para(REAL)], "k")) == [REAL]
    assert [r.rule for r in cleaner.removals] == ["donation ask"]


def test_donation_ask_without_its_closing_line_is_bounded():
    """A run whose last line is missing stops after a dozen blocks: the posts after it stay."""
    cleaner = Cleaner()
    filler = [para(f"Paragraph number {n} of the appeal to readers.") for n in range(12)]
    later = [para(f"Real reporting line {n} from the scene this morning.") for n in range(5)]
    kept = cleaner.clean_blocks([DONATION[0], *filler, *later], "k")
    assert texts(kept) == [b.text for b in later]
    assert len(cleaner.removals) == 13


def test_text_that_only_mentions_support_is_kept():
    cleaner = Cleaner()
    blocks = [
        para("Ministers said the plan would help us to tell the story of the war to schools."),
        para("The charity said: “Your support makes all the difference to these families.”"),
    ]
    assert cleaner.clean_blocks(blocks, "k") == blocks
    assert cleaner.removals == []


# Phrase rules: short promo lines go, real paragraphs with the same words stay.

PROMO_LINES = [
    ("Read more: Storm Bert leaves thousands without power", "read more"),
    ("READ MORE: Live updates from the count", "read more"),
    ("Read more", "read more"),
    ("More on this story: what we know so far", "read more"),
    ("Sign up to our free Breaking News email alerts", "newsletter"),
    ("Subscribe to our morning newsletter for the day's headlines", "newsletter"),
    ("Get our politics newsletter: sign up here for free", "newsletter"),
    (
        "Every evening our editors send a selection of the news. Sign up to receive it here.",
        "newsletter",
    ),
    ("Join us on WhatsApp for the latest updates", "whatsapp prompt"),
    ("Join our news team on WhatsApp", "whatsapp prompt"),
    ("Join our Breaking News community on WhatsApp", "whatsapp prompt"),
    ("Get the latest news from the Mirror on WhatsApp", "whatsapp prompt"),
    ("Follow News24 on WhatsApp for breaking news.", "whatsapp prompt"),
    ("Join Harbour Times on Telegram for alerts", "whatsapp prompt"),
    ("Advertisement", "ad label"),
    ("ADVERTISING", "ad label"),
    ("Sponsored content", "ad label"),
    ("Share this post", "share tools"),
    ("Copy link", "share tools"),
    ("Please turn on JavaScript to use this feature", "javascript note"),
    ("Link zu diesem Eintrag", "share tools"),
    ("Permalink", "share tools"),
    ("1:48 min", "player notice"),
    ("0:58", "player notice"),
    ("1 di 4", "gallery counter"),
    ("Allow X content?", "embed notice"),
    ("Skip twitter post by Kestrel Coastguard", "embed notice"),
    ("The Britcast is not responsible for the content of external sites.", "embed notice"),
    ("Dalsza część wpisu pod materiałem wideo", "embed notice"),
    ("Please use Chrome browser for a more accessible video player", "player notice"),
]


@pytest.mark.parametrize(("line", "rule"), PROMO_LINES, ids=[p[0][:30] for p in PROMO_LINES])
def test_promo_line_is_removed_with_its_rule(line: str, rule: str):
    cleaner = Cleaner()
    kept = cleaner.clean_blocks([para(REAL), para(line), para(REAL_2)], "live-3")
    assert texts(kept) == [REAL, REAL_2]
    assert [(r.rule, r.text, r.entry_key) for r in cleaner.removals] == [(rule, line, "live-3")]


REAL_LOOKALIKES = [
    # "read more" inside a sentence, and a long paragraph that starts with the words.
    "Residents who want to read more about the flood defences can find the full report at "
    "the town hall library, the council said.",
    "Read more widely than the headlines, the inquiry chair told the hearing, because the "
    "documents show that officials knew about the cracks in the dam for at least six years "
    "before the collapse and that warnings from engineers were repeatedly set aside.",
    "The minister said people should sign up for the new scheme before the end of March.",
    "Farmers who sign up to receive the grant must plant hedges, the department said.",
    "Police said the suspect had contacted the victims on WhatsApp before the attack.",
    "Thousands join our rally every year, organisers said, and many plan it on WhatsApp.",
    "Supporters were told to follow the mayor on WhatsApp, the campaign said.",
    "The ad campaign, which cost £2m, was withdrawn after complaints.",
    "Advertising executives met the regulator on Tuesday to discuss the new rules.",
    "Shares in the company fell by 12 per cent after the announcement.",
    "1:48 min was all it took the champion to finish the first lap, a course record.",
]


@pytest.mark.parametrize("text", REAL_LOOKALIKES, ids=[t[:30] for t in REAL_LOOKALIKES])
def test_real_paragraph_with_promo_words_is_kept(text: str):
    cleaner = Cleaner()
    blocks = [para(text)]
    assert cleaner.clean_blocks(blocks, "k") == blocks
    assert cleaner.removals == []


def test_long_block_is_never_judged_by_phrase():
    text = "Read more: " + "the report runs to many pages of detailed findings. " * 10
    assert len(text) > 320
    assert phrase_rule(para(text), text) is None


def test_phrase_rules_judge_only_text_blocks():
    assert phrase_rule(Image(src=None, caption="Advertisement"), "Advertisement") is None
    items = ListBlock(((Span("Our newsletters: sign up for free"),),))
    assert phrase_rule(items, items.text) == "newsletter"


def test_promo_items_leave_a_list_and_the_rest_stays():
    items = ListBlock(
        (
            (Span("Read more: "), Span("Storm latest", href="https://example.com/storm")),
            (Span("Trains are cancelled north of Preston until further notice"),),
            (Span("Sign up to our weather newsletter for alerts"),),
        ),
        ordered=True,
    )
    cleaner = Cleaner()
    [kept] = cleaner.clean_blocks([para(REAL), items], "k1")[1:]
    assert kept == ListBlock(
        ((Span("Trains are cancelled north of Preston until further notice"),),), ordered=True
    )
    assert [(r.rule, r.text, r.entry_key) for r in cleaner.removals] == [
        ("read more", "Read more: Storm latest", "k1"),
        ("newsletter", "Sign up to our weather newsletter for alerts", "k1"),
    ]


def test_a_list_of_only_promo_items_goes():
    items = ListBlock(((Span("Read more: one"),), (Span("Read more: two"),)))
    cleaner = Cleaner()
    assert cleaner.clean_blocks([para(REAL), items]) == [para(REAL)]
    assert [r.rule for r in cleaner.removals] == ["read more", "read more"]


def test_promo_line_names_donation_and_phrase_rules():
    assert promo_line("Your support helps us to tell the story") == "donation ask"
    assert promo_line("  Read more:  the latest  ") == "read more"
    assert promo_line("Why Russia is going all-out to capture Kupiansk") is None


# Structural rules, on DOM snippets.


def node_of(html: str, selector: str = "body > *") -> LexborNode:
    found = LexborHTMLParser(html).css_first(selector)
    assert found is not None
    return found


def judged(html: str) -> str | None:
    node = node_of(html)
    return Cleaner().judge(node)


TEASER_CARD = (
    '<div class="card"><figure><img src="https://example.com/pic.jpg" alt=""></figure>'
    '<h3><a href="https://example.com/other-story">England set up old rivalry on a new '
    "stage</a></h3><p>England 2-1 Colombia: the Lionesses are into the semi-finals.</p></div>"
)


@pytest.mark.parametrize(
    ("html", "rule"),
    [
        (TEASER_CARD, "teaser card"),
        (
            '<div><p>Related</p><h3><a href="https://example.com/x">Storm Bert: what we know'
            "</a></h3></div>",
            "teaser card",
        ),
        ('<aside><p>Most read</p><a href="/x">Something else</a></aside>', "aside"),
        (
            '<div class="newsletter-signup"><h4>The Morning Briefing</h4>'
            "<p>Everything you need to start the day.</p></div>",
            "newsletter",
        ),
        ('<div class="whatsapp-cta"><p>Follow our channel</p></div>', "whatsapp prompt"),
        ('<div class="ad-slot-container"><p>Advertisement</p></div>', "ad"),
        ('<div id="div-gpt-ad-123"></div>', "ad"),
        ('<div class="inline-related"><p>Related story</p></div>', "related articles"),
        ('<div class="under-article-prompt-donations"><p>Please give</p></div>', "donation ask"),
    ],
    ids=[
        "teaser",
        "teaser-kicker",
        "aside",
        "newsletter",
        "whatsapp",
        "ad",
        "gpt-ad",
        "related",
        "donation",
    ],
)
def test_structural_rule_removes_container(html: str, rule: str):
    assert judged(html) == rule


@pytest.mark.parametrize(
    "html",
    [
        # A normal paragraph with one link, alone or in a plain wrapper.
        '<div><p>Ukraine’s general staff said the attack was repelled, <a href="https://example.com/r">'
        "according to Reuters</a>, and that fighting continued near the city.</p></div>",
        # A titled section whose heading is text, not a link.
        "<div><h3>What we know so far</h3><p>Three people were taken to hospital.</p></div>",
        # A heading with a small link inside a longer title.
        '<section><h2>Minister resigns over <a href="/x">leaked</a> report into hospital '
        "waiting times</h2><p>The minister stepped down this morning.</p></section>",
        # A long article-like box with a linked heading is too big to be a card.
        '<div><h3><a href="/other">Other story</a></h3>'
        + "<p>"
        + "Real text. " * 80
        + "</p></div>",
        # A short post body that holds a card after its own text: the card goes, not the body.
        f"<div><p>{REAL_2}</p>{TEASER_CARD}</div>",
        # A class that only contains a rule's word somewhere else.
        '<div class="headline"><p>Headline text that is really part of the post.</p></div>',
    ],
    ids=["one-link", "text-heading", "link-in-heading", "long-box", "body-with-card", "class"],
)
def test_structural_rules_keep_real_containers(html: str):
    assert judged(html) is None


def test_paragraph_elements_are_never_judged():
    node = node_of('<p class="newsletter">Sign up</p>')
    assert Cleaner().judge(node) is None


def test_global_selector_miss_on_a_large_container_keeps_it():
    """A class hit on a whole body (e.g. `class="post subscribe-gate-off"`) is not a promo."""
    html = '<div class="post subscribe-gate-off">' + "<p>Real reporting. </p>" * 200 + "</div>"
    assert judged(html) is None


def test_site_rules_remove_and_record_with_the_owning_entry():
    tree = LexborHTMLParser(
        '<div id="p1"><p>Real text stays here.</p><div class="promo">Buy the paper</div></div>'
    )
    body = tree.body
    assert body is not None
    cleaner = Cleaner([("div.promo", "site: promo")])
    cleaner.strip_site_furniture(body, owner=lambda element: (True, "p1"))
    assert body.css_first("div.promo") is None
    assert "Real text stays here." in body.text()
    assert [(r.rule, r.text, r.entry_key) for r in cleaner.removals] == [
        ("site: promo", "Buy the paper", "p1")
    ]


# Blocks repeated across posts.


def entries_with(repeated: str, in_posts: int, total: int = 6) -> list[Entry]:
    entries = []
    for n in range(total):
        blocks: list[Block] = [para(f"Distinct reporting for post {n} about events in town {n}.")]
        if n < in_posts:
            blocks.append(para(repeated))
        blocks.append(para("Reuters"))
        entries.append(Entry(key=f"e{n}", blocks=blocks))
    return entries


SIGN_OFF = "Follow our live coverage on the app for the latest updates all day."


def test_block_repeated_across_many_posts_is_removed_and_recorded():
    entries = entries_with(SIGN_OFF, in_posts=3)
    cleaner = Cleaner()
    cleaner.drop_repeated(entries)
    assert all(SIGN_OFF not in e.text for e in entries)
    assert all(e.text.startswith("Distinct reporting for post") for e in entries)
    assert [(r.rule, r.entry_key) for r in cleaner.removals] == [
        ("repeated across posts", "e0"),
        ("repeated across posts", "e1"),
        ("repeated across posts", "e2"),
    ]
    assert cleaner.removals[0].text == SIGN_OFF


def test_block_in_fewer_posts_than_the_threshold_stays():
    entries = entries_with(SIGN_OFF, in_posts=2)
    cleaner = Cleaner()
    cleaner.drop_repeated(entries)
    assert sum(SIGN_OFF in e.text for e in entries) == 2
    assert cleaner.removals == []


def test_threshold_grows_with_the_number_of_posts():
    # 30 posts: a line must appear in 10 of them to count as boilerplate.
    entries = entries_with(SIGN_OFF, in_posts=9, total=30)
    Cleaner().drop_repeated(entries)
    assert sum(SIGN_OFF in e.text for e in entries) == 9
    entries = entries_with(SIGN_OFF, in_posts=10, total=30)
    Cleaner().drop_repeated(entries)
    assert sum(SIGN_OFF in e.text for e in entries) == 0


def test_repeats_ignore_case_and_spacing():
    entries = entries_with(SIGN_OFF, in_posts=2)
    entries[3].blocks.append(
        para("  FOLLOW our live coverage on the app for the latest updates  all day.")
    )
    cleaner = Cleaner()
    cleaner.drop_repeated(entries)
    assert [r.entry_key for r in cleaner.removals] == ["e0", "e1", "e3"]


def test_short_repeated_lines_and_few_posts_are_left_alone():
    """Short credits ("Reuters") repeat legitimately; with three posts nothing is judged."""
    entries = entries_with(SIGN_OFF, in_posts=3)
    Cleaner().drop_repeated(entries)
    assert all(e.text.endswith("Reuters") for e in entries)
    few = entries_with(SIGN_OFF, in_posts=3, total=3)
    cleaner = Cleaner()
    cleaner.drop_repeated(few)
    assert all(SIGN_OFF in e.text for e in few)
    assert cleaner.removals == []


def test_a_line_twice_in_one_post_counts_once():
    """Repeats are counted in posts, not blocks: two posts saying it twice are not three."""
    entries = entries_with(SIGN_OFF, in_posts=2)
    entries[0].blocks.append(para(SIGN_OFF))
    cleaner = Cleaner()
    cleaner.drop_repeated(entries)
    assert sum(e.text.count(SIGN_OFF) for e in entries) == 3
    assert cleaner.removals == []


def test_blank_blocks_are_never_repeats():
    blank = "\u00a0" * 30  # no-break spaces: nothing left once spacing is ignored
    entries = entries_with(blank, in_posts=6)
    cleaner = Cleaner()
    cleaner.drop_repeated(entries)
    assert all(blank in e.text for e in entries)
    assert cleaner.removals == []


# Through the parser: removals carry the key of the post they came from.


def _post(ident: int, when: str, body: str) -> str:
    return f'<article id="post-{ident}"><time datetime="{when}">x</time><div>{body}</div></article>'


def test_parse_records_each_removal_with_its_post():
    html = (
        "<html><body><h1>Live</h1><main>"
        + _post(
            3,
            "2024-11-15T09:00:00Z",
            f"<p>{REAL}</p><p>Read more: Storm Bert leaves thousands without power</p>"
            '<div class="newsletter-box"><p>The Morning Briefing</p></div>',
        )
        + _post(2, "2024-11-15T08:00:00Z", f"<p>{REAL_2}</p>{TEASER_CARD}")
        + _post(1, "2024-11-15T07:00:00Z", "<p>Advertisement</p><p>" + REAL[:90] + " first.</p>")
        + "</main></body></html>"
    )
    blog = parse(html, URL)
    assert [e.key for e in blog.entries] == ["3", "2", "1"]
    assert [e.text for e in blog.entries] == [REAL, REAL_2, REAL[:90] + " first."]
    assert [(e.kind, e.title) for e in blog.entries] == [("post", "")] * 3
    got = sorted((r.entry_key or "", r.rule) for r in blog.removals)
    assert got == [
        ("1", "ad label"),
        ("2", "teaser card"),
        ("3", "newsletter"),
        ("3", "read more"),
    ]


def test_attribute_rules_agree_with_css_on_the_global_selectors():
    """`AttributeRules` must say what Lexbor's CSS engine says, rule order included."""
    words = ["newsletter", "Newsletter", "share", "share-tools", "ad-slot", "related", "x"]
    words += ["subscribe-gate", "cookie", "consent", "div-gpt-ad-1", "more-on-this-story"]
    rng = random.Random(7)
    elements = []
    for _ in range(400):
        attrs = {}
        for name in ("class", "id", "data-component", "data-outbrain"):
            if rng.random() < 0.5:
                picked = rng.sample(words, rng.randint(0, 3))
                attrs[name] = rng.choice([" ", "\t", "-", ""]).join(picked)
        elements.append(attrs)
    markup = "".join(
        "<div " + " ".join(f'{name}="{value}"' for name, value in attrs.items()) + "></div>"
        for attrs in elements
    )
    nodes = LexborHTMLParser(f"<!doctype html><body>{markup}").css("body > div")
    assert len(nodes) == len(elements)
    hits = 0
    for node in nodes:
        by_css = next(
            (rule for selector, rule in GLOBAL_SELECTORS if node.css_first(selector) is not None),
            None,
        )
        assert GLOBAL_RULES.first(node.attributes) == by_css, node.html
        hits += by_css is not None
    assert 50 < hits < 400  # both outcomes are exercised


def test_attribute_rules_refuse_other_selectors():
    with pytest.raises(ValueError, match="not an attribute or class selector"):
        AttributeRules([("div.share", "share tools")])


def test_a_linked_headline_after_a_kicker_and_a_paywall_marker_goes():
    headline = Span("Canicule : comment protéger les enfants", href="https://news.example/a")
    kicker = Paragraph((Span("Lire aussi Article réservé à nos abonnés "), headline))
    cleaner = Cleaner()
    assert texts(cleaner.clean_blocks([para(REAL), kicker], "k")) == [REAL]
    unlinked = Paragraph((Span("Lire aussi Article réservé à nos abonnés "), Span(headline.text)))
    assert texts(Cleaner().clean_blocks([para(REAL), unlinked], "k")) == [REAL, unlinked.text]


def test_a_kicker_glued_to_its_linked_headline_goes():
    href = "https://news.example/artikel/2541902"
    glued = Paragraph((Span("Lees ook", href=href), Span("Wat moet je doen?", href=href)))
    cleaner = Cleaner()
    assert texts(cleaner.clean_blocks([para(REAL), glued], "k")) == [REAL]


def test_a_kicker_ending_in_a_full_stop_before_its_linked_headline_goes():
    headline = Span("Code oranje voor wind: dit moet je weten", href="https://news.example/a")
    kicker = Paragraph((Span("LEES OOK. "), headline))
    assert texts(Cleaner().clean_blocks([para(REAL), kicker], "k")) == [REAL]
    unlinked = Paragraph((Span("Lees ook. "), Span(headline.text)))
    assert texts(Cleaner().clean_blocks([para(REAL), unlinked], "k")) == [REAL, unlinked.text]


def test_a_related_topics_label_glued_to_its_linked_topic_goes():
    glued = Paragraph((Span("Related Topics"), Span("Tax", href="https://news.example/tax/")))
    cleaner = Cleaner()
    assert texts(cleaner.clean_blocks([para(REAL), glued], "k")) == [REAL]


def test_a_read_more_link_closing_a_paragraph_goes_and_the_paragraph_stays():
    link = Span("Mehr dazu lesen Sie hier.", href="https://news.example/artikel/1")
    closed = Paragraph((Span(REAL + " "), link))
    cleaner = Cleaner()
    assert texts(cleaner.clean_blocks([closed], "k")) == [REAL]
    assert [(r.rule, r.text) for r in cleaner.removals] == [("read more", link.text)]


def test_a_box_an_ad_label_opens_goes_whole_when_it_links_out():
    tree = LexborHTMLParser(
        '<div class="odds"><span>Advertisement</span><p>Next goalscorer</p>'
        "<ul><li>Okonjo 9/2</li></ul><a href='https://bet.example/x'>Bet now</a></div>"
        "<div class='body'><span>Advertisement</span><p>" + REAL + "</p></div>"
    )
    advert, body = tree.css("div")
    assert Cleaner().judge(advert) == "advert"
    assert Cleaner().judge(body) is None


def test_a_one_link_headline_behind_a_paywall_marker_is_a_teaser_card():
    href = "https://news.example/wirtschaft/flughafen"
    card = Paragraph((Span("Z+", href=href), Span(" Luftverkehr: Warum es fehlt", href=href)))
    cleaner = Cleaner()
    assert texts(cleaner.clean_blocks([para(REAL), card], "k")) == [REAL]
    assert [r.rule for r in cleaner.removals] == ["teaser card"]


@pytest.mark.parametrize(
    "html",
    [
        '<div class="post-tools"><a href="#">Teilen</a> <a href="#">Link kopieren</a></div>',
        '<footer><a href="javascript:void(0)">Share</a> · <a href="#">Copy link</a></footer>',
        '<div><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>'
        '<a href="https://twitter.com/intent/tweet?url=x">Post</a>'
        '<a href="mailto:?subject=Storm">Mail</a></div>',
        '<ul class="entry__share"><li><a href="/live/storm#p7">Link</a></li>'
        '<li><a href="https://news.example/feed">Feed</a></li></ul>',
    ],
    ids=["dead-links", "footer", "sharers", "share-class"],
)
def test_a_small_box_of_share_links_is_share_tools(html: str) -> None:
    assert judged(html) == "share tools"


@pytest.mark.parametrize(
    "html",
    [
        '<div><a href="/city/paris">Paris</a> <a href="/city/london">London</a></div>',
        '<div><a href="#">Teilen</a></div>',
        '<div><p>Fans gathered on the square <a href="#">here</a> and <a href="#">there</a>'
        " before the match.</p></div>",
    ],
    ids=["real-links", "one-link", "text-of-its-own"],
)
def test_links_that_are_no_share_box_stay(html: str) -> None:
    assert judged(html) is None
