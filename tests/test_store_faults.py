"""The store on a database that is read-only, full, locked by another writer or damaged, and
`doctor` salvaging a damaged one: real SQLite files in tmp_path."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from faults import (
    POSTS_PER_FEED,
    T0,
    Built,
    big_post,
    build,
    damage_posts,
    fill_disk,
    post,
    write_lock_held,
)
from liveread.store import Fault, Store, StoreFault, doctor
from liveread.store.damage import marker


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "liveread.db"


def files_beside(db: Path) -> set[str]:
    return {p.name for p in db.parent.iterdir()}


def integrity(path: Path) -> list[str]:
    """integrity_check's findings, or the error it stops at."""
    with closing(sqlite3.connect(path)) as con:
        try:
            return [row[0] for row in con.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]


# -- read-only ----------------------------------------------------------------------------------


def test_read_only_store_reads_and_refuses_writes_saying_what_to_do(db: Path) -> None:
    built = build(db)
    before = db.read_bytes()
    with Store(db, read_only=True) as store:
        assert [f.title for f in store.feeds()] == ["Damaged feed", "Sound feed"]
        assert len(store.entries(built.sound_feed)) == POSTS_PER_FEED
        assert store.fault is None
        with pytest.raises(StoreFault) as info:
            store.mark_read([built.favourites[0]])
        assert info.value.fault is Fault.READ_ONLY
        assert str(info.value) == (
            f"database is read-only: {db} (check the permissions of the file and its folder)"
        )
        assert store.fault is info.value
        assert not store.entry(built.favourites[0]).is_read
    assert db.read_bytes() == before


def permissions_stop_writes(folder: Path) -> bool:
    """False for root (or anyone else who may write to any file)."""
    probe = folder / "probe"
    probe.touch(mode=0o444)
    try:
        probe.open("ab").close()
    except PermissionError:
        return True
    return False


def test_a_file_without_write_permission_is_read_only(db: Path) -> None:
    built = build(db)
    if not permissions_stop_writes(db.parent):
        pytest.skip("file permissions do not stop this user writing (root)")
    db.chmod(0o444)
    try:
        with Store(db) as store:
            assert len(store.entries(built.sound_feed)) == POSTS_PER_FEED
            with pytest.raises(StoreFault, match=r"^database is read-only: .*permissions"):
                store.set_favourite(built.read[0], True)
            assert len(store.favourites()) == len(built.favourites)
    finally:
        db.chmod(0o644)


# -- full -----------------------------------------------------------------------------------------


def test_full_disk_fails_cleanly_and_the_store_goes_on(db: Path) -> None:
    built = build(db)
    with Store(db) as store:
        fill_disk(store)
        with pytest.raises(StoreFault) as info:
            store.upsert_entries(built.sound_feed, [big_post(1), big_post(2)], seen_at=T0)
        assert info.value.fault is Fault.FULL
        assert str(info.value) == f"disk full writing {db} (free some space, then try again)"
        assert store.fault is info.value
        # Nothing of the failed refresh was kept, and a write with room to spare succeeds.
        assert store.count_entries(built.sound_feed) == POSTS_PER_FEED
        store.mark_read([built.favourites[0]])
        assert store.fault is None
        assert store.entry(built.favourites[0]).is_read


# -- locked ---------------------------------------------------------------------------------------


def test_locked_database_reads_and_fails_writes_saying_what_to_do(db: Path) -> None:
    built = build(db)
    with Store(db, busy_timeout=0.05) as store, write_lock_held(db):
        assert len(store.entries(built.sound_feed)) == POSTS_PER_FEED  # WAL: readers go on
        with pytest.raises(StoreFault) as info:
            store.set_favourite(built.read[0], True)
        assert info.value.fault is Fault.LOCKED
        assert str(info.value) == (
            f"database is locked: another liveread or another program is writing to {db}"
            " (close it, then try again)"
        )
        with pytest.raises(StoreFault, match=r"^database is locked"):  # still held
            store.mark_read([built.favourites[0]])
        assert store.fault is not None
        assert not store.entry(built.favourites[0]).is_read


def test_a_write_after_the_lock_is_released_clears_the_fault(db: Path) -> None:
    built = build(db)
    with Store(db, busy_timeout=0.05) as store:
        with write_lock_held(db), pytest.raises(StoreFault, match=r"^database is locked"):
            store.mark_read([built.favourites[0]])
        assert store.fault is not None and store.fault.fault is Fault.LOCKED
        store.mark_read([built.favourites[0]])
        assert store.fault is None
        assert store.entry(built.favourites[0]).is_read


def test_busy_timeout_defaults_to_five_seconds(db: Path) -> None:
    with Store(db) as store, Store(db, busy_timeout=0.25) as short:
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert short._db.execute("PRAGMA busy_timeout").fetchone()[0] == 250


# -- damaged --------------------------------------------------------------------------------------


@pytest.fixture
def damaged_db(db: Path) -> tuple[Path, Built]:
    built = build(db)
    damage_posts(db)
    assert integrity(db) != ["ok"]
    return db, built


def test_damage_found_by_a_read_stops_every_later_write(damaged_db: tuple[Path, Built]) -> None:
    db, _ = damaged_db
    before = db.read_bytes()
    with Store(db) as store:
        # What does not touch the damaged pages still reads.
        feeds = store.feeds()
        assert [(f.title, f.total) for f in feeds] == [
            ("Damaged feed", POSTS_PER_FEED),
            ("Sound feed", POSTS_PER_FEED),
        ]
        assert not marker(db).exists()
        with pytest.raises(StoreFault) as info:
            store.entries(feeds[0].id)
        assert info.value.fault is Fault.DAMAGED
        assert str(info.value) == (
            f"database is damaged: {db} (nothing more is written to it:"
            " run liveread doctor to save what can be saved)"
        )
        assert marker(db).exists()
        assert store.damaged
        # Every write is refused from now on, even one the damage does not touch.
        sound = feeds[1].id
        sound_post = store.entries(sound)[-1]
        for write in (
            lambda: store.mark_read([sound_post.id]),
            lambda: store.set_favourite(sound_post.id, True),
            lambda: store.add_feed("https://example.net/live"),
            lambda: store.upsert_entries(sound, [post("bravo", 999)], seen_at=T0),
        ):
            with pytest.raises(StoreFault, match=r"^database is damaged: .*liveread doctor"):
                write()
        assert len(store.entries(sound)) == POSTS_PER_FEED
        assert len(store.favourites()) == 3
    assert db.read_bytes() == before


def test_the_timeline_of_a_damaged_database_holds_the_feeds_that_read(
    damaged_db: tuple[Path, Built],
) -> None:
    db, built = damaged_db
    with Store(db) as store:
        sound = store.entry_summaries(built.sound_feed)
        assert store.entry_summaries() == sound
        assert store.damaged
        assert store.entry_summaries(limit=220, offset=2) == sound[2:222]
        with pytest.raises(StoreFault, match=r"^database is damaged"):
            store.entry_summaries(built.damaged_feed)


def test_a_marked_file_opens_read_only_while_it_is_damaged(
    damaged_db: tuple[Path, Built],
) -> None:
    db, _ = damaged_db
    with Store(db) as store, pytest.raises(StoreFault):
        store.entries(store.feeds()[0].id)
    before = db.read_bytes()
    with Store(db) as store:
        assert store.damaged and store.fault is not None  # known from the start
        sound = store.feeds()[1]
        assert len(store.entries(sound.id)) == POSTS_PER_FEED
        with pytest.raises(StoreFault, match=r"^database is damaged"):
            store.mark_feed_read(sound.id)
    assert db.read_bytes() == before
    assert marker(db).exists()


def test_a_marked_file_that_passes_its_check_is_written_again(db: Path) -> None:
    built = build(db)
    marker(db).write_text("found damaged once\n")
    with Store(db) as store:
        assert not store.damaged
        store.mark_read([built.favourites[0]])
    assert not marker(db).exists()


def test_damage_found_when_opening_is_marked(db: Path) -> None:
    build(db)
    with closing(sqlite3.connect(db)) as con:
        size = con.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as file:  # the schema's own page: SQLite cannot even read the schema
        file.seek(100)
        file.write(b"\xff" * (size - 100))
    with pytest.raises(StoreFault, match=r"^database is damaged"):
        Store(db)
    assert marker(db).exists()


# -- doctor ---------------------------------------------------------------------------------------


def test_doctor_finds_a_healthy_database_healthy(db: Path) -> None:
    build(db)
    assert doctor.check(db) == []


def test_doctor_salvages_a_damaged_database(damaged_db: tuple[Path, Built]) -> None:
    db, built = damaged_db
    damaged_bytes = db.read_bytes()
    with Store(db) as store:
        favourites = [(f.feed_url, f.entry) for f in store.favourites()]
        sound_posts = store.entries(store.feeds()[1].id)
    assert doctor.check(db) != []

    when = datetime(2024, 5, 2, 9, 30, 5)
    report = doctor.salvage(db, now=when)

    aside = db.with_name("liveread.db.damaged-20240502-093005")
    assert report.damaged_file == aside
    assert aside.read_bytes() == damaged_bytes  # kept, as it was
    assert (report.feeds.kept, report.feeds.total) == (2, 2)
    assert (report.favourites.kept, report.favourites.total) == (3, 3)
    assert report.posts.total == 2 * POSTS_PER_FEED
    assert POSTS_PER_FEED < report.posts.kept < 2 * POSTS_PER_FEED
    assert str(report) == (
        f"kept 2 feeds, 3 favourites, {report.posts.kept} of {2 * POSTS_PER_FEED} posts;"
        f" the damaged file is at {aside}"
    )
    assert not marker(db).exists()
    assert not db.with_name("liveread.db.salvage").exists()

    assert integrity(db) == ["ok"]
    with Store(db) as store:
        assert not store.damaged
        damaged_feed, sound_feed = store.feeds()
        assert (damaged_feed.title, sound_feed.title) == ("Damaged feed", "Sound feed")
        assert damaged_feed.url == "https://example.com/live/damaged"
        assert [(f.feed_url, f.entry) for f in store.favourites()] == favourites
        # The sound feed whole, read state and all; the damaged one without its lost pages.
        assert store.entries(sound_feed.id) == sound_posts
        assert [e.id for e in store.entries(sound_feed.id) if e.is_read] == built.read
        assert store.count_entries(damaged_feed.id) == report.posts.kept - POSTS_PER_FEED
        # Searchable again: a word only one kept post holds finds it.
        (hit,) = store.search("bravo7")
        assert hit.entry.title == "Bravo post 7"
        assert store.search("alpha119")[0].entry.title == "Alpha post 119"
        # And written to again.
        store.mark_feed_read(damaged_feed.id)


def test_doctor_on_a_file_that_is_not_a_database_starts_afresh(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00junk" * 1000)
    assert doctor.check(db) == ["the file is not a SQLite database"]
    report = doctor.salvage(db, now=datetime(2024, 5, 2, 9, 30, 5))
    assert (
        str(report)
        == f"kept 0 feeds, 0 favourites, 0 posts; the damaged file is at {report.damaged_file}"
    )
    assert report.damaged_file.read_bytes() == b"\x00junk" * 1000
    with Store(db) as store:
        assert store.feeds() == []
