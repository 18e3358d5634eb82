"""`liveread export -o`: a folder means into it, nothing but a regular file is replaced, no
folder is made silently, and every message names the path as it was given."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import Run
from liveread import paths
from liveread.model import Entry, Paragraph, Span
from liveread.store import Store

T0 = datetime(2024, 8, 5, 20, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def favourite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    with Store(paths.database_file()) as store:
        feed = store.add_feed("https://example.com/live", "Riots live")
        post = Entry("p1", published=T0, title="Loud bang", blocks=[Paragraph((Span("Hi."),))])
        store.upsert_entries(feed.id, [post], seen_at=T0)
        store.set_favourite(store.entries(feed.id)[0].id, True)


def test_a_device_is_never_replaced_even_with_force(run: Run):
    code, out, err = run("export", "--format", "md", "-o", "/dev/null", "--force")
    assert (code, out) == (1, "")
    assert err == "liveread: error: /dev/null is not a regular file: not replacing it\n"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_trailing_slash_means_a_folder_that_must_exist(run: Run, tmp_path: Path):
    code, out, err = run("export", "-o", "some/dir/")
    assert (code, out, err) == (1, "", "liveread: error: some/dir/: no such folder\n")
    assert not (tmp_path / "some").exists()

    (tmp_path / "some" / "dir").mkdir(parents=True)
    code, out, err = run("export", "-o", "some/dir/")
    (written,) = (tmp_path / "some" / "dir").iterdir()
    assert (code, err) == (0, "")
    assert out == f"Exported 1 favourites to {written}\n"
    assert written.name.startswith("liveread-favourites-") and written.suffix == ".md"
    assert "Loud bang" in written.read_text(encoding="utf-8")


def test_a_missing_parent_is_an_error_and_no_folder_is_made(run: Run, tmp_path: Path):
    given = str(tmp_path / "nonexistent" / "dir" / "fav.md")
    code, out, err = run("export", "-o", given)
    assert (code, out) == (1, "")
    assert err == (
        f"liveread: error: {given}: no such folder: {tmp_path / 'nonexistent' / 'dir'}\n"
    )
    assert not (tmp_path / "nonexistent").exists()


def test_a_failure_names_the_users_path_not_a_temp_file(run: Run):
    # /proc takes no new files, not even from root.
    code, out, err = run("export", "-o", "/proc/fav.md")
    assert (code, out) == (1, "")
    assert err.startswith("liveread: error: cannot write /proc/fav.md: ")
    assert ".tmp" not in err and err.count("\n") == 1


def test_the_default_folder_is_made_when_needed(run: Run):
    code, out, err = run("export", "--format", "json")
    (written,) = paths.export_dir().iterdir()
    assert (code, out, err) == (0, f"Exported 1 favourites to {written}\n", "")
