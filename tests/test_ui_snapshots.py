"""SVG snapshots of the app's main views, kept in the top-level snapshots/ folder.

Everything on screen is fixed: the store is filled directly with entries at fixed times and
fixed https://example.org addresses, the zone is UTC and "now" (`liveread.timefmt.clock`) is
frozen, so relative ages, clock times and the export file name never change. The apps run
online where that matters, but no feed is due (each was "fetched" a minute before the frozen
now and the refresh interval is an hour), so nothing touches the network.

Update with `uv run pytest tests/test_ui_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from liveread import paths, timefmt
from liveread.config import Config
from liveread.core import Core
from liveread.model import Embed, Entry, Heading, Image, ListBlock, Paragraph, Quote, Span
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import EntryList
from liveread.ui.reader import Reader
from liveread.ui.state import UiState

SIZE = (140, 40)
NOW = datetime(2026, 4, 26, 12, 0, tzinfo=UTC)
REFRESH = Config(refresh_interval=3600.0)

SnapCompare = Callable[..., bool]


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 4, 26, hour, minute, tzinfo=UTC)


def para(*spans: Span | str) -> Paragraph:
    return Paragraph(tuple(Span(s) if isinstance(s, str) else s for s in spans))


# ---------------------------------------------------------------------------------------------
# Fixed data

MARATHON = "https://example.org/live/harbour-marathon"
COUNCIL = "https://example.org/live/council-budget"
STORM = "https://example.org/live/storm-imogen"

RICH_TITLE = "And they’re off: elite and mass start"


def marathon_entries() -> list[Entry]:
    def post(key: str, when: datetime, title: str, author: str, *blocks: object, **kw: object):
        return Entry(
            key=key,
            url=f"{MARATHON}#post-{key}",
            published=when,
            title=title,
            authors=[author],
            blocks=list(blocks),  # type: ignore[arg-type]
            **kw,  # type: ignore[arg-type]
        )

    return [
        post(
            "hbm-0018",
            at(11, 56),
            "Course record falls in the women’s race",
            "Farah Okonjo-Pryce",
            para(Span("Astrid Sørlie has won the women’s race in 2:22:31", bold=True), "."),
            key_event=True,
            breaking=True,
        ),
        post(
            "hbm-0007",
            at(11, 19),
            RICH_TITLE,
            "Ines Halloran",
            para(
                "The starting horn sounds and the ",
                Span("elite fields", bold=True),
                " stream away under the lantern arch – see the ",
                Span("full course map", href="https://example.org/marathon/course-map"),
                ".",
            ),
            Image(
                src="https://example.org/images/marathon-2026-start.jpg",
                caption="The elite fields lead the first wave away from Lantern Quay.",
                credit="Photograph: Selma Virtanen/Courier",
                alt="Runners pour under a decorated arch",
            ),
            Heading((Span("What the coach said"),)),
            Quote(
                (Span("He knows the wind is waiting for him on the bridge."),),
                cite="Halvard Brekke",
            ),
            ListBlock(
                (
                    (Span("Temperature at the start: "), Span("9C", bold=True)),
                    (Span("Wind: a westerly of 20–25km/h"),),
                    (Span("Rain: a light shower possible", italic=True),),
                ),
                ordered=True,
            ),
            Embed(
                url="https://example.org/video/pack-crosses-the-bridge",
                provider="video",
                text="The men’s lead pack crosses the Harbour Bridge (0:48)",
            ),
            para(
                Span("Read our preview", href="https://example.org/marathon/elite-preview"),
                " of the elite fields.",
            ),
            key_event=True,
            updated=at(11, 31),
        ),
        post(
            "hbm-0005",
            at(10, 55),
            "",
            "Farah Okonjo-Pryce",
            Heading(
                (
                    Span(
                        "Read: Why the Harbour Bridge course is the fastest in the north",
                        href="https://example.org/story/fast-course",
                    ),
                )
            ),
            kind="link",
        ),
        post(
            "hbm-0004",
            at(10, 41),
            "Who to watch in the elite fields",
            "Farah Okonjo-Pryce",
            para("The women’s race looks the more open of the two."),
        ),
        post(
            "hbm-0003",
            at(10, 27),
            "Road closures across the city centre",
            "Mattias Leclercq",
            para("If you are driving in Port Calloway today, expect delays."),
        ),
        post(
            "hbm-0002",
            at(10, 14),
            "Weather: cool, grey and a stiff breeze on the bridge",
            "Ines Halloran",
            para("Near-perfect running weather, say the forecasters."),
        ),
        post(
            "hbm-0001",
            at(10, 0),
            "Welcome to race day",
            "Ines Halloran",
            para("Good morning and welcome to our live coverage."),
            pinned=True,
        ),
    ]


def council_entries() -> list[Entry]:
    return [
        Entry(
            key=f"cb-{n}",
            url=f"{COUNCIL}#cb-{n}",
            published=when,
            title=title,
            authors=["Tobias Wren"],
            blocks=[para(text)],
            summary=n == 3,
        )
        for n, when, title, text in [
            (3, at(8, 40), "The budget passes, 31 votes to 24", "The vote is in."),
            (2, at(8, 5), "Opposition amendment defeated", "By seven votes."),
            (1, at(7, 30), "Councillors take their seats", "The meeting is under way."),
        ]
    ]


def storm_entries() -> list[Entry]:
    return [
        Entry(
            key="si-2",
            url=f"{STORM}#si-2",
            published=at(9, 50),
            title="All evening ferries cancelled",
            authors=["Mattias Leclercq"],
            blocks=[para("The operator says no crossings will run after 6pm.")],
        ),
        Entry(
            key="si-1",
            url=f"{STORM}#si-1",
            published=at(9, 10),
            title="Amber wind warning for the estuary",
            authors=["Mattias Leclercq"],
            blocks=[para("Gusts of up to 70mph are expected from midday.")],
        ),
    ]


def fill(store: Store) -> None:
    """Three feeds: a live one with every kind of row mark, an ended one, a failing one."""
    marathon = store.add_feed(MARATHON, "Harbour Bridge Marathon 2026 – live")
    entries = marathon_entries()
    store.upsert_entries(marathon.id, entries, seen_at=at(11, 56))
    closures = entries[4]
    corrected = Entry(
        key=closures.key,
        url=closures.url,
        published=closures.published,
        title=closures.title,
        authors=closures.authors,
        blocks=[*closures.blocks, para(Span("This post was amended.", italic=True))],
    )
    store.upsert_entries(marathon.id, [corrected], seen_at=at(11, 40))
    store.update_feed_meta(marathon.id, is_live=True)
    arriving = (NOW + timedelta(minutes=2), "arriving", 60.0)
    store.record_fetch(marathon.id, at=NOW - timedelta(minutes=1), error=None, schedule=arriving)
    by_key = {e.entry.key: e.id for e in store.entries(marathon.id)}
    store.mark_read([by_key["hbm-0002"], by_key["hbm-0001"]])
    store.set_favourite(by_key["hbm-0004"], True, at=at(11, 0))

    council = store.add_feed(COUNCIL, "Port Calloway budget vote – as it happened")
    store.upsert_entries(council.id, council_entries(), seen_at=at(8, 45))
    store.update_feed_meta(council.id, is_live=False)
    ended = (None, "ended", None)
    store.record_fetch(council.id, at=NOW - timedelta(hours=3), error=None, schedule=ended)
    store.mark_feed_read(council.id)

    storm = store.add_feed(STORM, "Storm Imogen: ferries cancelled")
    store.upsert_entries(storm.id, storm_entries(), seen_at=at(9, 55))
    store.update_feed_meta(storm.id, is_live=True)
    store.record_fetch(storm.id, at=NOW - timedelta(hours=2), error=None)
    store.record_fetch(storm.id, at=NOW - timedelta(minutes=1), error="HTTP 500 (after 4 attempts)")


# ---------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(autouse=True)
def fixed_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(timefmt, "clock", lambda: NOW)
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(paths.database_file()) as opened:
        yield opened


def make_app(
    store: Store, *, config: Config = REFRESH, offline: bool = False, **kwargs: object
) -> LivereadApp:
    kwargs.setdefault("state", UiState(paths.data_dir() / "ui-state.json"))
    return LivereadApp(Core(store, config, offline=offline), **kwargs)  # type: ignore[arg-type]


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys(
    *pressed: str, check: Callable[[LivereadApp], None] | None = None
) -> Callable[[Pilot], Awaitable[None]]:
    """A run_before that waits for start-up, presses `pressed`, waits for the workers they
    started, stops any blinking cursor, then runs `check` on the app: the screenshot is taken
    after, and the app is gone once snap_compare returns."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await settle(pilot)
        if check is not None:
            assert isinstance(pilot.app, LivereadApp)
            check(pilot.app)

    return run


# ---------------------------------------------------------------------------------------------
# Snapshots


def test_main_screen(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=keys())


def test_reader_rich_post(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)

    def check(app: LivereadApp) -> None:
        assert app.query_one("#reader").has_focus
        assert app.store.entry(int(app.query_one(EntryList).current[1:])).entry.title == RICH_TITLE

    run_before = keys("down", "enter", check=check)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


def test_reader_shows_what_an_edit_changed(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    marathon = store.feed(MARATHON)
    closures = store.entries(marathon.id)[4]
    old_first, amended = closures.entry.blocks
    assert isinstance(old_first, Paragraph)
    corrected = replace(
        closures.entry,
        blocks=[
            para("If you are travelling in Port Calloway today, expect long delays."),
            amended,
        ],
    )
    store.upsert_entries(marathon.id, [corrected], seen_at=at(11, 50))

    def check(app: LivereadApp) -> None:
        shown = app.store.entry(int(app.query_one(EntryList).current[1:]))
        assert shown.entry.title == "Road closures across the city centre"
        assert app.query_one(Reader).changes_shown

    run_before = keys("down", "down", "down", "down", "enter", "h", check=check)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=keys("question_mark"))


def test_add_feed_dialog_with_a_bad_address(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    typed = [*"example.org/live", "enter"]
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=keys("a", *typed))


def test_export_dialog(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    config = Config(refresh_interval=3600.0, export_dir=Path("/home/reader/liveread"))
    assert snap_compare(make_app(store, config=config), terminal_size=SIZE, run_before=keys("e"))


def test_failing_feed_selected(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    storm = store.feed(STORM)

    def check(app: LivereadApp) -> None:
        assert app.view == str(storm.id)

    run_before = keys("shift+tab", "G", "enter", check=check)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


def test_offline_refresh_warning(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    app = make_app(store, offline=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("r"))


def test_empty_first_run(snap_compare: SnapCompare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=keys())


def test_divider_under_the_posts_new_since_the_last_visit(
    snap_compare: SnapCompare, store: Store
) -> None:
    """The marathon was opened at 11:57; two posts came after. Opening it again, a divider
    closes them, and N puts the cursor on the earlier of the two."""
    fill(store)
    marathon = store.feed(MARATHON)
    store.record_visit([marathon.id], at(11, 57))
    arrived = [
        Entry(key=f"hbm-00{n}", published=at(11, n + 39), title=title, blocks=[para(title)])
        for n, title in ((19, "Leaders reach the bridge"), (20, "Second place decided"))
    ]
    store.upsert_entries(marathon.id, arrived, seen_at=at(11, 59))

    def check(app: LivereadApp) -> None:
        assert app.view == str(marathon.id)
        assert app.query_one(EntryList).get_option_at_index(2).disabled

    run_before = keys("shift+tab", "j", "j", "enter", "N", check=check)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)


# ---------------------------------------------------------------------------------------------
# Layout at the sizes people use

CUP = "https://example.org/live/womens-world-cup"
CUP_HEADLINE = "Women’s World Cup LIVE: England news as Lionesses prepare for the semi-final"


def fill_repeated_titles(store: Store) -> int:
    """A feed whose posts mostly carry the blog's own headline as their title; its id."""
    cup = store.add_feed(CUP, CUP_HEADLINE)
    openings = [
        "England held a training session on Monday ahead of Wednesday’s semi-final.",
        "The Prime Minister backed calls for a public holiday if the hosts win.",
        "Sarina Wiegman admits she was unaware of how big the rivalry is.",
        "Lucy Bronze has been cleared to play after a scan on her knee.",
    ]
    entries = [
        Entry(
            key=f"wwc-{n}",
            url=f"{CUP}#wwc-{n}",
            published=at(11, 50 - 10 * n),
            title="Women’s World Cup",
            authors=["Jamie Braidwood"],
            blocks=[para(text)],
        )
        for n, text in enumerate(openings)
    ]
    entries.insert(
        2,
        Entry(
            key="wwc-next",
            url=f"{CUP}#wwc-next",
            published=at(11, 35),
            title="Who do England play next? The road to the final",
            authors=["Jamie Braidwood"],
            blocks=[para("England face Australia in the semi-finals.")],
        ),
    )
    store.upsert_entries(cup.id, entries, seen_at=at(11, 55))
    store.update_feed_meta(cup.id, is_live=True)
    store.record_fetch(cup.id, at=NOW - timedelta(minutes=1), error=None)
    return cup.id


def test_layout_80x24(snap_compare: SnapCompare, store: Store) -> None:
    """Posts and reader side by side, the feeds pane folded away; rows cut, never wrapped."""
    fill(store)

    def check(app: LivereadApp) -> None:
        assert not app.query_one("#feeds").display

    run_before = keys(check=check)
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=run_before)


def test_layout_80x24_feeds_pane_in_use(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    run_before = keys("shift+tab")
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=run_before)


def test_layout_80x24_one_pane_reading(snap_compare: SnapCompare, store: Store) -> None:
    """`v` for one pane at a time: the post has the whole width, its address broken after
    `/` and `-`."""
    fill(store)

    def check(app: LivereadApp) -> None:
        assert app.layout == "single"
        assert app.query_one("#reader").has_focus

    run_before = keys("v", "down", "enter", check=check)
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=run_before)


def test_layout_100x30_reading(snap_compare: SnapCompare, store: Store) -> None:
    fill(store)
    run_before = keys("down", "enter")
    assert snap_compare(make_app(store), terminal_size=(100, 30), run_before=run_before)


def test_layout_140x40_titles_that_repeat_the_headline(
    snap_compare: SnapCompare, store: Store
) -> None:
    """Posts titled with the blog's headline are listed by their first words."""
    cup = fill_repeated_titles(store)
    fill(store)

    def check(app: LivereadApp) -> None:
        assert app.view == str(cup)

    run_before = keys("shift+tab", "down", "down", "enter", check=check)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=run_before)
