"""Site knowledge as data: the registry of site specs, `SiteAdapter` reading a spec on small
markup of liveread's own, and the versions a reading carries."""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

import liveread.parse
from liveread.model import block_text
from liveread.parse import (
    PARSER_VERSION,
    NotALiveBlog,
    is_current,
    parse,
    reading_version,
    sites,
)
from liveread.parse.adapter import SiteAdapter
from liveread.parse.spec import FlagRule, SiteSpec, Stamp

URL = "https://news.example/live/storm"

# A template of liveread's own: posts as `article.entry` in `div.stream`.
EXAMPLE = SiteSpec(
    name="example",
    version=3,
    signature="div.stream article.entry",
    posts="div.stream article.entry",
    title="h2",
    authors=".who",
    published=(Stamp(attribute="data-created", epoch=True), Stamp(selector="time[datetime]")),
    updated=(Stamp(attribute="data-edited", epoch=True),),
    key_event=FlagRule(label_selector=".badge", label="Key event"),
    breaking=FlagRule(post_class="entry--breaking"),
    body=".text",
    not_body=".meta",
    title_in_body=True,
    furniture=((".promo", "example: promo"),),
    older_pages="nav a.more",
    older_page_text="older",
    last_updated=Stamp(selector="time.page-updated"),
    live_badge=".status",
)


def entry(
    ident: str,
    body: str,
    *,
    title: str = "",
    meta: str = "",
    attrs: str = "",
    cls: str = "entry",
    outside: str = "",
) -> str:
    heading = f"<h2>{title}</h2>" if title else ""
    return (
        f'<article class="{cls}" id="{ident}" {attrs}><div class="meta">{meta}</div>'
        f'<div class="text">{heading}{body}</div>{outside}</article>'
    )


def page(*entries: str, extra: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Storm live</title></head><body>"
        f'<div class="stream">{"".join(entries)}</div>{extra}</body></html>'
    )


SENTENCE = "Crews worked through the night to clear fallen trees from the main road into town."
STORM_PAGE = page(
    entry(
        "entry-103",
        f"<p>{SENTENCE}</p><div class='promo'>Subscribe to our storm alerts</div>",
        title="Roads reopen",
        meta="<span class='who'>Ana Reporter</span><span class='badge'>KEY EVENT</span>",
        attrs='data-created="1700003600000" data-edited="1700004000000"',
    ),
    entry(
        "entry-102",
        f"<p>Second post. {SENTENCE}</p>",
        title="Power back",
        meta="<span class='who'>Ben Writer</span>",
        attrs='data-created="1700001800000"',
        cls="entry entry--breaking",
    ),
    entry(
        "entry-101",
        f"<p>First post. {SENTENCE}</p>",
        title="Storm arrives",
        meta="<time datetime='2023-11-14T22:13:20Z'>22:13</time>",
    ),
    extra=(
        '<nav><a class="more" href="?page=2">Older</a><a class="more" href="?page=2">older</a>'
        '<a class="more" href="/x">Newer</a><a class="more" href="javascript:alert(1)">Older</a>'
        '</nav><time class="page-updated" datetime="2023-11-15T00:00:00Z"></time>'
        '<span class="status">LIVE now</span>'
    ),
)


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# -- the registry -----------------------------------------------------------------------------


def test_each_registered_spec_has_a_name_of_its_own_and_a_version():
    names = [spec.name for spec in sites.SPECS]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in names)
    assert all(spec.version >= 1 for spec in sites.SPECS)


def test_every_spec_in_the_sites_package_is_registered():
    found = []
    for module in pkgutil.iter_modules(sites.__path__):
        loaded = importlib.import_module(f"{sites.__name__}.{module.name}")
        found += [value for value in vars(loaded).values() if isinstance(value, SiteSpec)]
    assert found
    assert {spec.name for spec in found} == {spec.name for spec in sites.SPECS}


def test_a_spec_added_to_the_registry_reads_its_template(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(NotALiveBlog):  # no spec knows the template yet
        parse(STORM_PAGE, URL)
    monkeypatch.setattr(sites, "SPECS", (*sites.SPECS, EXAMPLE))
    blog = parse(STORM_PAGE, URL)
    assert blog.source == "example"
    assert blog.version == f"{PARSER_VERSION}/example-3"
    assert [e.key for e in blog.entries] == ["103", "102", "101"]
    assert [e.title for e in blog.entries] == ["Roads reopen", "Power back", "Storm arrives"]
    assert [e.url for e in blog.entries] == [f"{URL}#entry-{n}" for n in (103, 102, 101)]
    first = blog.entries[0]
    assert (first.published, first.updated) == (at(1700003600), at(1700004000))
    assert blog.entries[2].published == at(1700000000)
    assert [e.authors for e in blog.entries] == [["Ana Reporter"], ["Ben Writer"], []]
    assert [(e.key_event, e.breaking) for e in blog.entries] == [
        (True, False),
        (False, True),
        (False, False),
    ]
    assert [block_text(b) for b in first.blocks] == [SENTENCE]
    assert [(r.rule, r.text, r.entry_key) for r in blog.removals] == [
        ("example: promo", "Subscribe to our storm alerts", "103")
    ]
    assert blog.older_pages == [f"{URL}?page=2"]
    assert blog.updated == datetime(2023, 11, 15, tzinfo=UTC)
    assert blog.is_live is True


def test_a_titles_buttons_icons_and_labels_are_no_part_of_it(monkeypatch: pytest.MonkeyPatch):
    titles = [
        "<a class='anchor-link' href='#entry-3'>#</a>Ferry held at the pier",
        "Bridge shut to lorries<button type='button'>Share</button>",
        "<span class='post-label'>Breaking</span> Second gale warning issued",
    ]
    entries = [
        entry(f"entry-{3 - n}", f"<p>Post {3 - n}. {SENTENCE}</p>", title=title)
        for n, title in enumerate(titles)
    ]
    monkeypatch.setattr(sites, "SPECS", (*sites.SPECS, EXAMPLE))
    blog = parse(page(*entries), URL)
    assert [e.title for e in blog.entries] == [
        "Ferry held at the pier",
        "Bridge shut to lorries",
        "Second gale warning issued",
    ]


def test_a_live_badge_wins_over_words_saying_the_blog_ended(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sites, "SPECS", (*sites.SPECS, EXAMPLE))
    closing = "<p>That's all from us: this live blog is now closed.</p>"
    closed = STORM_PAGE.replace(f"<p>{SENTENCE}</p>", closing, 1)
    assert parse(closed, URL).is_live is True  # the badge says "LIVE now"
    badge = '<span class="status">LIVE now</span>'
    assert parse(closed.replace(badge, ""), URL).is_live is False  # no badge: the words


# -- reading a spec ---------------------------------------------------------------------------


def reader(spec: SiteSpec, html: str) -> tuple[SiteAdapter, list[LexborNode], LexborHTMLParser]:
    tree = LexborHTMLParser(html)
    adapter = SiteAdapter(spec)
    adapter.prepare(tree, URL)
    return adapter, adapter.post_nodes(tree), tree


def test_a_post_without_an_id_is_keyed_by_its_link():
    spec = replace(EXAMPLE, key_link="a.permalink", permalink_link="a.permalink")
    html = page(
        entry("entry-7", "<p>x</p>"),
        '<article class="entry"><a class="permalink" href="/live/storm?post=8">#</a></article>',
    )
    adapter, posts, _ = reader(spec, html)
    assert [adapter.key(post, URL) for post in posts] == ["7", "8"]
    assert [adapter.permalink(post, None, URL) for post in posts] == [
        f"{URL}#entry-7",  # no link: the address the pattern makes of the id
        "/live/storm?post=8",
    ]


def test_ids_and_addresses_as_the_spec_spells_them():
    spec = replace(EXAMPLE, id_attribute="data-post", permalink="{page}?update={id}")
    adapter, [post], _ = reader(spec, page('<article class="entry" data-post="p-42"></article>'))
    assert adapter.key(post, URL + "#top") == "42"
    assert adapter.permalink(post, "42", URL + "#top") == f"{URL}?update=p-42"


@pytest.mark.parametrize(
    ("stamp", "attrs", "meta", "expected"),
    [
        (
            Stamp(attribute="data-created", epoch=True),
            'data-created="1700000000"',
            "",
            at(1700000000),
        ),
        (Stamp(selector="time"), "", "<time datetime='2023-11-14T22:13:20+01:00'>", at(1699996400)),
        # Written without a zone: the spec's zone (London, in winter UTC+0).
        (Stamp(selector="time"), "", "<time datetime='2023-11-14T22:13:20'>", at(1700000000)),
        (Stamp(selector="time"), "", "<time datetime='yesterday'>", None),
        (Stamp(attribute="data-created", epoch=True), "", "", None),
    ],
)
def test_a_time_as_the_stamp_says_it_is_written(stamp, attrs, meta, expected):
    spec = replace(EXAMPLE, published=(stamp,))
    adapter, [post], _ = reader(spec, page(entry("e1", "", attrs=attrs, meta=meta)))
    assert adapter.times(post)[0] == expected


def test_a_false_utc_mark_is_read_as_the_sites_local_time():
    spec = replace(EXAMPLE, published=(Stamp(selector="time"),), zone="Europe/Rome")
    html = page(entry("e1", "", meta="<time datetime='2023-11-02T16:56Z'>"))
    adapter, [post], _ = reader(spec, html)
    assert adapter.times(post)[0] == datetime(2023, 11, 2, 16, 56, tzinfo=UTC)
    adapter, [post], _ = reader(replace(spec, false_utc=True), html)
    assert adapter.times(post)[0] == datetime(2023, 11, 2, 15, 56, tzinfo=UTC)


def test_the_first_stamp_found_is_the_time_and_an_update_must_come_later():
    created, shown = 'data-created="1700000000"', "<time datetime='2023-11-14T23:00:00Z'>"
    adapter, posts, _ = reader(
        EXAMPLE,
        page(
            entry("a", "", attrs=f'{created} data-edited="1700000001"', meta=shown),
            entry("b", "", attrs=f'{created} data-edited="1700000000"'),
            entry("c", "", attrs='data-edited="1700000000"', meta=shown),
        ),
    )
    assert [adapter.times(post) for post in posts] == [
        (at(1700000000), at(1700000001)),
        (at(1700000000), None),  # "edited" when it was created: no update
        (datetime(2023, 11, 14, 23, tzinfo=UTC), None),
    ]


BADGE = "<span class='badge'> pinned </span>"


@pytest.mark.parametrize(
    ("rule", "post"),
    [
        (FlagRule(post_class="pinned"), entry("a", "", cls="entry pinned")),
        (FlagRule(attribute=("data-type", "pin")), entry("a", "", attrs='data-type="pin"')),
        (FlagRule(selector=".pin-icon"), entry("a", "<i class='pin-icon'></i>")),
        (FlagRule(label_selector=".badge", label="Pinned"), entry("a", "", meta=BADGE)),
        (FlagRule(title_opening="summary"), entry("a", "", title="Today's summary: storms")),
        (FlagRule(listed=".pins a"), entry("a", "")),
    ],
)
def test_each_flag_test_flags_the_post_it_holds_for_and_no_other(rule: FlagRule, post: str):
    title = "A long day of storms across the north, in summary"  # past the title's opening
    others = entry("b", "", cls="entry pinnedish", title=title, meta="<span>pinned</span>")
    html = page(post, others, extra="<ul class='pins'><li><a href='#a'>Pinned</a></ul>")
    spec = replace(EXAMPLE, pinned=rule, key_event=None, breaking=None)
    adapter, posts, _ = reader(spec, html)
    keys = [adapter.key(p, URL) for p in posts]
    assert [adapter.flags(p, key) for p, key in zip(posts, keys, strict=True)] == [
        {"pinned": True},
        {"pinned": False},
    ]


def test_a_flag_label_is_no_author():
    spec = replace(EXAMPLE, authors=".meta span")
    html = page(entry("a", "", meta="<span>Key Event</span><span>Ana</span><span>Ana</span>"))
    adapter, [post], _ = reader(spec, html)
    assert adapter.authors(post) == ["Ana"]


def byline_row(node: LexborNode) -> LexborNode | None:
    return node.css_first("footer")


def test_a_byline_hook_gives_the_author_and_is_no_body():
    spec = replace(EXAMPLE, byline=byline_row, authors="", body="")
    html = page(
        entry("a", "<p>Text.</p>", title="Title", outside="<footer><b>Ana</b> 14:02</footer>")
    )
    adapter, [post], _ = reader(replace(spec, byline_author="b"), html)
    assert adapter.authors(post) == ["Ana"]
    [root] = adapter.body(post)
    assert root.text(separator="|") == "Text."  # no meta, title or byline row


def test_the_body_is_the_post_when_its_body_element_is_missing():
    adapter, [post], _ = reader(EXAMPLE, page('<article class="entry"><p>Text</p></article>'))
    assert [root.mem_id for root in adapter.body(post)] == [post.mem_id]


def test_an_embed_hook_answers_for_embeds():
    spec = replace(EXAMPLE, embed_link=lambda node: node.attributes.get("data-src"))
    adapter, [post], _ = reader(spec, page(entry("a", "<div data-src='https://v.example/1'>")))
    assert adapter.embed_link(post.css_first("div[data-src]")) == "https://v.example/1"
    assert SiteAdapter(EXAMPLE).embed_link(post) is None


@pytest.mark.parametrize(
    ("badge", "live"),
    [("<span class='status'>Live</span>", True), ("<span class='status'>Ended</span>", False)],
)
def test_the_live_badge_says_whether_the_blog_is_live(badge: str, live: bool):
    adapter, _, tree = reader(EXAMPLE, page(extra=badge))
    assert adapter.page(tree, URL).is_live is live
    adapter, _, tree = reader(EXAMPLE, page())
    assert adapter.page(tree, URL).is_live is None  # no badge: the markup does not say


# -- versions ---------------------------------------------------------------------------------


def test_a_reading_names_the_core_version_and_the_readers():
    guardian = next(spec for spec in sites.SPECS if spec.name == "guardian")
    version = reading_version(SiteAdapter(guardian))
    assert version == f"{PARSER_VERSION}/guardian-{guardian.version}"
    assert is_current(version)
    assert is_current(f"{PARSER_VERSION}/generic")
    assert is_current(f"{PARSER_VERSION}/generic-flat")


def test_a_new_spec_version_outdates_only_that_specs_readings(monkeypatch: pytest.MonkeyPatch):
    readings = {spec.name: reading_version(SiteAdapter(spec)) for spec in sites.SPECS}
    bumped = tuple(
        replace(spec, version=spec.version + 1) if spec.name == "bbc" else spec
        for spec in sites.SPECS
    )
    monkeypatch.setattr(sites, "SPECS", bumped)
    assert {name for name, version in readings.items() if not is_current(version)} == {"bbc"}
    assert is_current(f"{PARSER_VERSION}/generic")


def test_a_new_core_version_outdates_every_reading(monkeypatch: pytest.MonkeyPatch):
    readings = [reading_version(SiteAdapter(spec)) for spec in sites.SPECS]
    readings.append(f"{PARSER_VERSION}/generic")
    monkeypatch.setattr(liveread.parse, "PARSER_VERSION", PARSER_VERSION + 1)
    assert not any(is_current(version) for version in readings)


@pytest.mark.parametrize("stored", [None, "", str(PARSER_VERSION), f"{PARSER_VERSION}/gone-1"])
def test_no_version_an_old_number_or_an_unknown_reader_is_outdated(stored: str | None):
    assert not is_current(stored)


AMP_LIVE_LIST = """<html lang="en"><head><title>Storms: live updates</title>
<meta property="article:modified_time" content="2026-05-19T05:00:00Z"></head><body>
<amp-live-list id="live"><div items>{posts}</div></amp-live-list></body></html>"""
AMP_POST = """<div id="post-{n}" data-sort-time="{ms}"><div class="meta"><span>{clock}</span>
<span>Tom Reddick</span></div><h2>Update {n} on the storm</h2><div class="body"><p>The line of
storms moved east over the bay, and crews reported {n} more roads closed by fallen trees.</p>
</div></div>"""


def test_an_amp_live_list_of_another_template_is_not_read_as_the_independents():
    # Any AMP live list has `div[items] > div#post-N[data-sort-time]`: the Independent's spec
    # claims only its own posts, opening with their permalink around the time.
    start = datetime(2026, 5, 19, 4, 0, tzinfo=UTC)
    posts = "".join(
        AMP_POST.format(n=n, ms=int(start.timestamp() * 1000) - n * 600_000, clock=f"{n} min")
        for n in range(1, 5)
    )
    blog = parse(AMP_LIVE_LIST.format(posts=posts), "https://news.example/live")
    assert blog.source != "independent"
    assert [entry.key for entry in blog.entries] == ["1", "2", "3", "4"]
    assert all("more roads closed" in entry.text for entry in blog.entries)


def test_the_independents_byline_hook_never_takes_the_post_for_its_row():
    from liveread.parse.sites.independent import closing_byline

    post = LexborHTMLParser(
        '<div id="post-1"><div class="meta"><span>9 p.m.</span><span>Ann Lee</span></div>'
        "<h2>T</h2><p>Text of the post.</p></div>"
    ).css_first("div#post-1")
    assert post is not None
    row = closing_byline(post)
    assert row is not None and row.attributes.get("class") == "meta"
