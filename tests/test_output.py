"""Where an export goes and how it is written: real files and folders in tmp_path."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from liveread.output import OutputError, export_target, is_taken, write_atomic

NAME = "liveread-favourites-20240805-200018.md"


def target(given: str | None, tmp_path: Path) -> Path:
    return export_target(
        given, filename=NAME, default_dir=tmp_path / "exports", relative_to=tmp_path / "cwd"
    )


def test_no_path_is_the_default_folder_which_is_made(tmp_path: Path):
    assert target(None, tmp_path) == tmp_path / "exports" / NAME
    assert (tmp_path / "exports").is_dir()


def test_an_existing_folder_means_into_that_folder(tmp_path: Path):
    (tmp_path / "notes").mkdir()
    assert target(str(tmp_path / "notes"), tmp_path) == tmp_path / "notes" / NAME
    assert target(f"{tmp_path / 'notes'}/", tmp_path) == tmp_path / "notes" / NAME


def test_a_trailing_slash_on_a_missing_folder_is_an_error_and_makes_nothing(tmp_path: Path):
    with pytest.raises(OutputError, match=r"^some/dir/: no such folder$"):
        target("some/dir/", tmp_path)
    assert not (tmp_path / "cwd" / "some").exists()


def test_a_missing_parent_is_an_error_and_makes_nothing(tmp_path: Path):
    given = str(tmp_path / "nonexistent" / "dir" / "fav.md")
    with pytest.raises(OutputError, match=r"no such folder: .*nonexistent/dir$"):
        target(given, tmp_path)
    assert not (tmp_path / "nonexistent").exists()


def test_a_relative_file_is_taken_from_the_given_folder(tmp_path: Path):
    (tmp_path / "cwd").mkdir()
    assert target("fav.md", tmp_path) == tmp_path / "cwd" / "fav.md"
    assert target("~/fav.md", tmp_path) == Path.home() / "fav.md"


def test_only_a_regular_file_counts_as_taken(tmp_path: Path):
    assert not is_taken(tmp_path / "new.md")
    (tmp_path / "old.md").write_text("old")
    assert is_taken(tmp_path / "old.md")
    with pytest.raises(OutputError, match=r"^/dev/null is not a regular file: not replacing it$"):
        is_taken(Path("/dev/null"))
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(OutputError, match="is not a regular file"):
        is_taken(tmp_path / "pipe")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputError, match="is a link to nothing"):
        is_taken(tmp_path / "dangling")


def test_write_never_replaces_a_device(tmp_path: Path):
    with pytest.raises(OutputError, match="/dev/null is not a regular file"):
        write_atomic(Path("/dev/null"), "favourites")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_write_replaces_and_leaves_no_temp_files(tmp_path: Path):
    path = tmp_path / "out.md"
    write_atomic(path, "one")
    write_atomic(path, "two")
    assert path.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_failed_write_keeps_the_old_file_and_names_the_users_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "out.md"
    path.write_text("old", encoding="utf-8")

    def no_space(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("liveread.output.os.replace", no_space)
    with pytest.raises(OutputError) as raised:
        write_atomic(path, "new")
    assert str(raised.value) == f"cannot write {path}: No space left on device"
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask")
def test_a_new_file_gets_the_users_umask(tmp_path: Path):
    path = tmp_path / "out.md"
    write_atomic(path, "text")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.usefixtures("umask")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path):
    path = tmp_path / "out.md"
    path.write_text("old")
    path.chmod(0o604)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_link_to_a_file_stays_a_link(tmp_path: Path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
