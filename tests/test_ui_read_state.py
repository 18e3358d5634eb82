"""Read state in the app, as a person decides it: Pilot tests on a real SQLite file, offline.

A post is read when it is opened (Enter, a click) or once it has been on show for `read_after`
seconds; moving the cursor over posts, launching and switching feeds leave them unread. The
wait is a real Textual timer; the tests end it with `finish_dwell` (what the timer calls) rather
than sleeping, except one that lets a short timer run out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.pilot import Pilot

from liveread import paths
from liveread.config import Config
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.store import Feed, Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import ALL_FEEDS, DIVIDER, FAVOURITES, EntryList, FeedList
from liveread.ui.reader import Reader
from liveread.ui.screens import ConfirmScreen
from liveread.ui.state import UiState
from pilot import press, settle, wait_until

SIZE = (140, 40)
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("home")  # every file the app touches under tmp_path


def post(key: str, minute: int) -> Entry:
    return Entry(
        key=key,
        published=T0 + timedelta(minutes=minute),
        title=f"Post {key}",
        blocks=[Paragraph((Span(f"Body of {key}."),))],
    )


def add_feed(store: Store, url: str, title: str, posts: dict[str, int], seen: datetime) -> Feed:
    feed = store.add_feed(url, title)
    store.upsert_entries(
        feed.id, [post(key, minute) for key, minute in posts.items()], seen_at=seen
    )
    return store.feed(feed.id)


@pytest.fixture
def alpha(store: Store) -> Feed:
    """Five posts, a0 (oldest) to a4; the newest posts of All feeds."""
    return add_feed(
        store, "https://example.com/alpha", "Alpha live", {f"a{i}": i for i in range(5)}, T0
    )


@pytest.fixture
def beta(store: Store, alpha: Feed) -> Feed:
    """Three posts, older than alpha's."""
    return add_feed(
        store, "https://example.org/beta", "Beta live", {f"b{i}": i - 10 for i in range(3)}, T0
    )


def make_app(
    store: Store, *, config: Config | None = None, offline: bool = True, **kwargs: object
) -> LivereadApp:
    kwargs.setdefault("state", UiState(paths.data_dir() / "ui-state.json"))
    return LivereadApp(Core(store, config, offline=offline), **kwargs)  # type: ignore[arg-type]


def entries(app: LivereadApp) -> EntryList:
    return app.query_one(EntryList)


def ref(store: Store, key: str) -> str:
    (stored,) = [s for s in store.entries() if s.entry.key == key]
    return f"e{stored.id}"


def keys(store: Store, app: LivereadApp) -> list[str]:
    """The list from top to bottom, as post keys and "|" for the divider."""
    key_of = {f"e{s.id}": s.entry.key for s in store.entries()}
    ids = [entries(app).get_option_at_index(i).id for i in range(entries(app).option_count)]
    return ["|" if i == DIVIDER else key_of[str(i)] for i in ids]


def unread_rows(store: Store, app: LivereadApp) -> set[str]:
    """The keys of the rows drawn with the unread marker."""
    key_of = {f"e{s.id}": s.entry.key for s in store.entries()}
    rows = entries(app)
    return {key_of[r] for r in rows.rows if "●" in str(rows.get_option(r).prompt)}


def unread_in_store(store: Store) -> set[str]:
    return {s.entry.key for s in store.entries(unread_only=True)}


def feed_row(app: LivereadApp, option_id: str) -> str:
    return str(app.query_one(FeedList).get_option(option_id).prompt)


def current_key(store: Store, app: LivereadApp) -> str:
    current = entries(app).current
    return next(s.entry.key for s in store.entries() if f"e{s.id}" == current)


def notes(app: LivereadApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def choose_feed(pilot: Pilot, option_id: str) -> None:
    """Highlight a feeds-pane option, as moving the cursor there does."""
    app = pilot.app
    assert isinstance(app, LivereadApp)
    pane = app.query_one(FeedList)
    pane.highlighted = pane.get_option_index(option_id)
    await wait_until(pilot, lambda: app.view == option_id, f"the {option_id} view")
    await settle(pilot)
    entries(app).focus()
    await settle(pilot)


# ---------------------------------------------------------------------------------------------
# What reads a post, and what does not


async def test_moving_the_cursor_launching_and_switching_feeds_leave_posts_unread(
    store: Store, alpha: Feed, beta: Feed
) -> None:
    everything = {f"a{i}" for i in range(5)} | {f"b{i}" for i in range(3)}
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current_key(store, app) == "a4"
        assert app.query_one(Reader).shown == entries(app).current  # on show, not read
        await press(pilot, *["j"] * 6)
        assert current_key(store, app) == "b1"
        assert unread_in_store(store) == everything
        assert unread_rows(store, app) == everything
        assert "  8" in feed_row(app, ALL_FEEDS)
        assert app.dwell is not None and app.dwell.ref == entries(app).current

        await choose_feed(pilot, str(beta.id))
        assert current_key(store, app) == "b2"
        assert app.dwell is None  # the wait ended with the post it was for
        await choose_feed(pilot, ALL_FEEDS)
        assert app.dwell is None
        assert unread_in_store(store) == everything


async def test_a_post_kept_on_show_for_read_after_seconds_is_read(
    store: Store, alpha: Feed
) -> None:
    app = make_app(store)
    assert app.config.read_after == 2.0
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        assert app.dwell is not None and app.dwell.ref == ref(store, "a3")
        assert "a3" in unread_in_store(store)
        app.finish_dwell()  # the two seconds are over
        await settle(pilot)
        assert unread_in_store(store) == {"a0", "a1", "a2", "a4"}
        assert unread_rows(store, app) == {"a0", "a1", "a2", "a4"}
        assert "  4" in feed_row(app, str(alpha.id))

        await press(pilot, "j", "k", "k")  # the wait is for the post on show, started afresh
        assert app.dwell is not None and app.dwell.ref == ref(store, "a4")
        app.finish_dwell()
        await settle(pilot)
        assert unread_in_store(store) == {"a0", "a1", "a2"}


async def test_a_wait_running_out_while_the_app_closes_does_no_harm(
    store: Store, alpha: Feed
) -> None:
    """The wait's timer may fire once the panes are gone (the app quitting): it reads nothing
    and fails nothing."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        assert app.dwell is not None
        await entries(app).remove()
        app.finish_dwell()
        await settle(pilot)
        assert app.dwell is None
        assert "a3" in unread_in_store(store)


async def test_the_wait_is_a_timer_that_runs_out(store: Store, alpha: Feed) -> None:
    app = make_app(store, config=Config(read_after=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        await wait_until(pilot, lambda: "a3" not in unread_in_store(store), "the timer")
        assert unread_rows(store, app) == {"a0", "a1", "a2", "a4"}
        assert app.dwell is None


async def test_read_after_zero_reads_what_the_cursor_moves_to_but_not_the_launch(
    store: Store, alpha: Feed
) -> None:
    app = make_app(store, config=Config(read_after=0))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "a4" in unread_in_store(store)
        await press(pilot, "j", "j")
        assert unread_in_store(store) == {"a0", "a1", "a4"}


async def test_enter_opens_and_reads_the_post(store: Store, alpha: Feed) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "enter")
        assert "a3" not in unread_in_store(store)
        assert "a3" not in unread_rows(store, app)
        assert isinstance(app.focused, Reader)
        assert app.dwell is None
        assert "  4" in feed_row(app, str(alpha.id))
        assert "  4" in feed_row(app, ALL_FEEDS)


async def test_u_toggles_read_and_the_counts_follow(store: Store, alpha: Feed) -> None:
    app = make_app(store, config=Config(keys={"app.toggle_read": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "x")
        assert "a3" not in unread_in_store(store) | unread_rows(store, app)
        assert "  4" in feed_row(app, str(alpha.id))
        await press(pilot, "x")
        assert "a3" in unread_in_store(store) & unread_rows(store, app)
        assert "  5" in feed_row(app, str(alpha.id))
        assert app.dwell is None  # marked unread stays unread while on show


# ---------------------------------------------------------------------------------------------
# A feed or everything at once


async def test_mark_feed_read_asks_and_says_how_many(store: Store, alpha: Feed, beta: Feed) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_feed(pilot, str(alpha.id))
        await press(pilot, "A")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Mark 5 unread posts in Alpha live read?"
        await press(pilot, "n")
        assert len(unread_in_store(store)) == 8

        await press(pilot, "A", "y")
        assert unread_in_store(store) == {"b0", "b1", "b2"}
        assert unread_rows(store, app) == set()
        assert ("Alpha live", "Marked 5 posts read.") in notes(app)
        assert "  5" not in feed_row(app, str(alpha.id))
        assert "  3" in feed_row(app, str(beta.id))
        assert "  3" in feed_row(app, ALL_FEEDS)
        await press(pilot, "A")
        assert not isinstance(app.screen, ConfirmScreen)
        assert ("", "Nothing unread in Alpha live.") in notes(app)


async def test_mark_all_read_asks_and_says_how_many(store: Store, alpha: Feed, beta: Feed) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "C")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Mark all 8 unread posts in 2 feeds read?"
        await press(pilot, "y")
        assert unread_in_store(store) == set()
        assert unread_rows(store, app) == set()
        assert ("", "Marked 8 posts read.") in notes(app)
        assert "  8" not in feed_row(app, ALL_FEEDS)
        await press(pilot, "A")  # in All feeds, the view is every post
        assert ("", "Nothing unread.") in notes(app)
        await choose_feed(pilot, FAVOURITES)
        await press(pilot, "A")
        assert ("", "Choose a feed in the feeds pane first.") in notes(app)


# ---------------------------------------------------------------------------------------------
# What the list shows: unread only, since the last visit, oldest first


async def test_unread_only_lists_the_unread_and_keeps_the_post_on_show(
    store: Store, alpha: Feed
) -> None:
    store.mark_read([int(ref(store, key)[1:]) for key in ("a1", "a3")])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "U")
        assert keys(store, app) == ["a4", "a2", "a0"]
        assert str(entries(app).border_title) == "All feeds · unread"
        await press(pilot, "u")  # read now, and still on show
        assert keys(store, app) == ["a4", "a2", "a0"]
        await press(pilot, "j")
        await press(pilot, "U")
        assert keys(store, app) == ["a4", "a3", "a2", "a1", "a0"]
        assert str(entries(app).border_title) == "All feeds"
        await press(pilot, "U")
        assert keys(store, app) == ["a2", "a0"]


def seen_in_two_visits(store: Store, alpha: Feed) -> None:
    """a0 to a4 were seen at T0, the feed opened at T0 + 1 min; a5 and a6 came after."""
    store.record_visit([alpha.id], T0 + timedelta(minutes=1))
    store.upsert_entries(
        alpha.id, [post("a5", 5), post("a6", 6)], seen_at=T0 + timedelta(minutes=2)
    )


async def test_a_divider_closes_the_posts_new_since_the_last_visit(
    store: Store, alpha: Feed, beta: Feed
) -> None:
    seen_in_two_visits(store, alpha)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_feed(pilot, str(alpha.id))
        assert keys(store, app) == ["a6", "a5", "|", "a4", "a3", "a2", "a1", "a0"]
        visited = store.feed(alpha.id).visited_at
        assert visited is not None and visited > T0 + timedelta(minutes=2)

        await press(pilot, "N")  # to the earliest new post, where catching up starts
        assert current_key(store, app) == "a5"
        await press(pilot, "j")  # over the divider, which is no post
        assert current_key(store, app) == "a4"
        await press(pilot, "k")
        assert current_key(store, app) == "a5"
        await press(pilot, "u", "n")  # next unread goes on past the divider
        assert current_key(store, app) == "a4"

        await choose_feed(pilot, str(beta.id))  # never opened before: no divider
        assert "|" not in keys(store, app)
        await press(pilot, "N")
        assert ("", "Nothing new here since your last visit.") in notes(app)
        await choose_feed(pilot, str(alpha.id))  # opened again: nothing new since
        assert "|" not in keys(store, app)


async def test_all_feeds_has_a_last_visit_of_its_own(store: Store, alpha: Feed, beta: Feed) -> None:
    state = UiState(paths.data_dir() / "ui-state.json")
    state.all_feeds_visited_at = T0 + timedelta(minutes=1)
    state.save()
    seen_in_two_visits(store, alpha)
    app = make_app(store, state=UiState(paths.data_dir() / "ui-state.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert keys(store, app)[:4] == ["a6", "a5", "|", "a4"]
        assert store.feed(beta.id).visited_at is None  # All feeds is not a visit to each feed
    assert UiState(paths.data_dir() / "ui-state.json").all_feeds_visited_at > T0  # type: ignore[operator]

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "|" not in keys(store, app)
        await choose_feed(pilot, str(alpha.id))  # the feed's own visit is older
        assert keys(store, app)[:3] == ["a6", "a5", "|"]


async def test_oldest_first_is_kept_for_each_feed_across_restarts(
    store: Store, alpha: Feed, beta: Feed
) -> None:
    seen_in_two_visits(store, alpha)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "O")
        assert ("", "The order is kept for each feed: choose a feed first.") in notes(app)
        await choose_feed(pilot, str(alpha.id))
        await press(pilot, "O")
        assert keys(store, app) == ["a0", "a1", "a2", "a3", "a4", "|", "a5", "a6"]
        assert str(entries(app).border_title) == "Alpha live · oldest first"
        assert current_key(store, app) == "a6"  # the cursor stays on its post
        await press(pilot, "N")
        assert current_key(store, app) == "a5"
        await choose_feed(pilot, str(beta.id))
        assert keys(store, app) == ["b2", "b1", "b0"]

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_feed(pilot, str(alpha.id))
        assert keys(store, app) == ["a0", "a1", "a2", "a3", "a4", "a5", "a6"]
        assert store.feed(alpha.id).oldest_first
        await press(pilot, "O")
        assert keys(store, app)[0] == "a6"
        assert not store.feed(alpha.id).oldest_first


async def test_the_command_palette_offers_the_read_state_commands(
    store: Store, alpha: Feed
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        wanted = [
            "Read/unread",
            "Unread only",
            "First new post",
            "Mark feed read",
            "Mark all read",
            "Oldest first",
        ]
        assert set(wanted) <= set(commands)
        commands["Mark all read"].callback()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")
        assert unread_in_store(store) == set()
        help_keys = {binding_id: shown for shown, _, binding_id in app.help_rows()}
        assert help_keys["app.toggle_read"] == "u"
        assert help_keys["app.mark_all_read"] == "C"
