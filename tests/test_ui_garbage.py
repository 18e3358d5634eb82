"""Full garbage collections run when the app is not in use, never in the middle of a person
scrolling or typing (each walks every tracked object and pauses the UI), and the collector's
own schedule comes back when the app closes."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from liveread import paths
from liveread.core import Core
from liveread.store import Store
from liveread.ui.app import LivereadApp
from liveread.ui.garbage import (
    FULL_PASS_DUE,
    FULL_PASS_OVERDUE,
    FULL_PASS_WAITS,
    IDLE_SECONDS,
    NEVER,
    FullCollections,
)
from liveread.ui.state import UiState
from pilot import settle, wait_until


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def young_collections(count: int) -> None:
    """`count` collections of the young generations, as allocating objects sets off."""
    for _ in range(count):
        gc.collect(1)


class Busy:
    def __init__(self) -> None:
        self.busy = False

    def __call__(self) -> bool:
        return self.busy


@pytest.fixture
def busy() -> Busy:
    return Busy()


@pytest.fixture
def collections(busy: Busy) -> Iterator[tuple[FullCollections, Clock]]:
    clock = Clock()
    scheduler = FullCollections(busy, clock)
    before = gc.get_threshold()
    scheduler.take_over()
    gc.collect()
    yield scheduler, clock
    scheduler.give_back()
    assert gc.get_threshold() == before


def test_no_full_collection_of_its_own_once_taken_over(
    collections: tuple[FullCollections, Clock],
) -> None:
    assert gc.get_threshold()[2] == NEVER
    young_collections(FULL_PASS_DUE * 3)
    assert gc.get_count()[2] >= FULL_PASS_DUE * 3  # CPython would have run one by now


def test_a_due_collection_waits_for_the_app_to_be_idle(
    collections: tuple[FullCollections, Clock],
) -> None:
    scheduler, clock = collections
    scheduler.input_seen()
    young_collections(FULL_PASS_DUE)
    assert not scheduler.tick()  # a key was just pressed
    clock.now += IDLE_SECONDS / 2
    assert not scheduler.tick()
    assert gc.get_count()[2] >= FULL_PASS_DUE

    clock.now += IDLE_SECONDS
    assert scheduler.tick()
    assert gc.get_count()[2] == 0
    assert not scheduler.tick()  # nothing due again yet, however idle


def test_a_due_collection_waits_for_a_refresh_to_end(
    collections: tuple[FullCollections, Clock], busy: Busy
) -> None:
    scheduler, clock = collections
    young_collections(FULL_PASS_DUE)
    clock.now += IDLE_SECONDS * 2
    busy.busy = True
    assert not scheduler.tick()
    busy.busy = False
    assert scheduler.tick()


def test_an_overdue_collection_runs_even_while_the_app_is_in_use(
    collections: tuple[FullCollections, Clock],
) -> None:
    scheduler, _ = collections
    young_collections(FULL_PASS_OVERDUE - 1)
    scheduler.input_seen()
    assert not scheduler.tick()
    young_collections(1)
    assert scheduler.tick()
    assert gc.get_count()[2] == 0


def test_a_refresh_nobody_watches_puts_an_overdue_collection_off_longer(
    collections: tuple[FullCollections, Clock], busy: Busy
) -> None:
    """While only a refresh keeps the app busy, an overdue full pass waits for the refresh to
    end, up to `FULL_PASS_WAITS` young collections; a key pressed meanwhile brings it on."""
    scheduler, clock = collections
    busy.busy = True
    clock.now += IDLE_SECONDS * 2
    young_collections(FULL_PASS_OVERDUE)
    assert not scheduler.tick()
    scheduler.input_seen()
    assert scheduler.tick()

    clock.now += IDLE_SECONDS * 2
    young_collections(FULL_PASS_WAITS - 1)
    assert not scheduler.tick()
    young_collections(1)
    assert scheduler.tick()
    assert gc.get_count()[2] == 0


async def test_the_app_collects_when_left_alone_and_gives_the_schedule_back(
    store: Store,
) -> None:
    before = gc.get_threshold()
    app = LivereadApp(Core(store, offline=True), state=UiState(paths.data_dir() / "ui.json"))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == NEVER
        young_collections(FULL_PASS_DUE)
        await pilot.press("down")
        assert not app.full_collections.tick()  # in use: a key was just pressed
        await wait_until(
            pilot,
            lambda: gc.get_count()[2] < FULL_PASS_DUE,
            "a full collection once the app was left alone",
            timeout=IDLE_SECONDS * 5,
        )
    assert gc.get_threshold() == before
