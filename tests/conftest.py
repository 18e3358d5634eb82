"""Shared test fixtures."""

from collections.abc import Iterator

import pytest

from loopback import LoopbackServer


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A started loopback HTTP server on 127.0.0.1, closed (threads joined) after the test."""
    with LoopbackServer() as server:
        yield server
