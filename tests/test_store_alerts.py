"""A feed's own alert level: kept by the store, NULL (the config's) until set, and gained by
a database made before feeds had one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from liveread.config import Config
from liveread.core import Core
from liveread.store import MIGRATIONS, SCHEMA_VERSION, NotFound, Store, StoreError
from schemas import at_version

URL = "https://example.com/live/a"


def feed_columns(con: sqlite3.Connection) -> set[str]:
    return {row[1] for row in con.execute("PRAGMA table_info(feeds)")}


def version_before_alerts() -> int:
    """The schema version just before feeds gained their alert level, found by migrating a
    scratch database one version at a time (the number changes as migrations are added)."""
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as con:
        for version, migrate in enumerate(MIGRATIONS):
            migrate(con)
            if "alerts" in feed_columns(con):
                return version
    raise AssertionError("no migration adds feeds.alerts")


def test_a_feed_follows_the_config_until_it_has_a_level_of_its_own(store: Store) -> None:
    feed = store.add_feed(URL)
    assert feed.alerts is None
    core = Core(store, Config(alerts="none"))
    assert core.alert_level(feed) == "none"
    for level in ("all", "key", "none"):
        core.set_alerts(feed.id, level)
        assert store.feed(feed.id).alerts == level
        assert core.alert_level(store.feed(feed.id)) == level
    core.set_alerts(feed.id, None)
    assert store.feed(feed.id).alerts is None
    assert core.alert_level(store.feed(feed.id)) == "none"


def test_a_level_that_is_not_one_is_refused_and_nothing_changes(store: Store) -> None:
    feed = store.add_feed(URL)
    store.set_alerts(feed.id, "all")
    with pytest.raises(StoreError, match="not an alert level: 'loud'"):
        store.set_alerts(feed.id, "loud")
    assert store.feed(feed.id).alerts == "all"
    with pytest.raises(NotFound):
        store.set_alerts(feed.id + 1, "all")


def test_a_database_from_before_alert_levels_gains_them_and_keeps_its_feeds(db: Path) -> None:
    before = version_before_alerts()
    with closing(sqlite3.connect(db, isolation_level=None)) as con:
        at_version(con, before)
        assert "alerts" not in feed_columns(con)
        con.execute(
            "INSERT INTO feeds (url, title, added_at) VALUES (?, 'Feed A', '2024-05-01T11:00:00Z')",
            (URL,),
        )
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        (feed,) = store.feeds()
        assert (feed.url, feed.title, feed.alerts) == (URL, "Feed A", None)
        store.set_alerts(feed.id, "key")
    with Store(db) as store:
        assert store.feed(1).alerts == "key"
