"""The app after a refresh that pruned old posts: a notification says how many went, and the
list and the feed's counts no longer hold them. Pilot test on a real SQLite file; the event is
the service's own, posted as a refresh posts it, after the store change it would make."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from liveread import paths
from liveread.core import Core
from liveread.model import Entry, Paragraph, Span
from liveread.service import FeedRefreshed
from liveread.store import PruneRule, Store
from liveread.ui.app import LivereadApp
from liveread.ui.lists import EntryList
from liveread.ui.state import UiState
from pilot import settle

SIZE = (140, 40)
pytestmark = pytest.mark.usefixtures("home")


async def test_pruned_posts_are_notified_and_leave_the_list(store: Store) -> None:
    start = datetime.now(UTC) - timedelta(hours=1)
    feed = store.add_feed("https://example.com/alpha", "Alpha live")
    posts = [
        Entry(
            key=f"a{i}",
            published=start + timedelta(minutes=i),
            title=f"Post a{i}",
            blocks=[Paragraph((Span(f"Body of a{i}."),))],
        )
        for i in range(4)
    ]
    store.upsert_entries(feed.id, posts, seen_at=start)
    app = LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "ui-state.json"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert len(app.query_one(EntryList).rows) == 4

        pruned = store.prune_feed(feed.id, PruneRule(max_posts=1), now=datetime.now(UTC))
        app.inbox.put(FeedRefreshed(feed.id, "Alpha live", pruned=pruned.total))
        await settle(pilot)

        notes = [(n.title, n.message) for n in app._notifications]
        assert ("Alpha live", "3 old posts removed") in notes
        assert len(app.query_one(EntryList).rows) == 1
