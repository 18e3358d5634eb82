"""The app's network thread: what it does as it starts, before any refresh asks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BACKEND = "anyio._backends._asyncio"

STARTS_THE_THREAD = f"""
import sys
from pathlib import Path
from liveread.background import Background
from liveread.config import Config
from liveread.store import Store

path = Path(sys.argv[1])
with Store(path):
    pass
before = {BACKEND!r} in sys.modules
network = Background(path, Config())
network.wait_loaded(timeout=60)
print(before, {BACKEND!r} in sys.modules)
network.close()
"""


def test_the_network_thread_loads_the_http_stack_before_the_first_request(tmp_path: Path) -> None:
    """The first request's imports (a tenth of a second, holding up the app's own loop) are
    done as the thread starts, not in the middle of the first refresh."""
    done = subprocess.run(
        [sys.executable, "-c", STARTS_THE_THREAD, str(tmp_path / "liveread.db")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == ["False", "True"]
