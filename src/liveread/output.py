"""Where an export goes, and writing it there without harming what is already on disk.

A folder (one that exists, or any path written with a trailing `/`) means "into that folder,
under the default file name"; a folder that does not exist is an error, never made silently,
except liveread's own default export folder. Only a regular file is ever replaced, and it is
replaced whole (temp file, fsync, rename) so a reader never sees half a file. Every message
names the path as the person wrote it, never a temp file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["OutputError", "export_target", "is_taken", "write_atomic"]


class OutputError(Exception):
    """A file that cannot or must not be written; str() is one line naming it."""


def export_target(
    given: str | None, *, filename: str, default_dir: Path, relative_to: Path
) -> Path:
    """The file to write for `given` (the `-o` of the CLI, the path typed in the app), None
    for the default folder. A relative `given` is taken from `relative_to`."""
    if not given or not given.strip():
        _make_default_dir(default_dir)
        return default_dir / filename
    raw = given.strip()
    path = Path(raw).expanduser()
    if not path.is_absolute():
        path = relative_to / path
    if raw.endswith(("/", os.sep)) or path.is_dir():
        if path.resolve() == default_dir.resolve():
            _make_default_dir(default_dir)
        elif not path.is_dir():
            raise OutputError(f"{raw}: no such folder")
        return path / filename
    if not path.parent.is_dir():
        if path.parent.resolve() != default_dir.resolve():
            raise OutputError(f"{raw}: no such folder: {path.parent}")
        _make_default_dir(default_dir)
    return path


def is_taken(path: Path) -> bool:
    """Whether writing `path` would replace a file (which needs the person's consent);
    anything there that is not a regular file is an OutputError: it is never replaced."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise OutputError(f"{path} is a link to nothing: not replacing it") from None
        return False
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise OutputError(f"{path} is {kind}: not replacing it")
    return True


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so a reader never sees half a file: a temp file beside it,
    fsync, rename. A new file gets the permissions the user's umask gives; a replaced file
    keeps its own. A link to a file is followed, so the link stays a link."""
    is_taken(path)
    target = path.resolve() if path.is_symlink() else path
    tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        # The kernel applies the umask to 0o666, as it does for any file a program creates.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            if target.exists():
                os.chmod(handle.fileno(), stat.S_IMODE(target.stat().st_mode))
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _make_default_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {folder}: {error.strerror or error}") from None
