"""The layer rule: the core never imports the UI toolkit, and the pipeline modules never reach
into layers above them. Checked on the source, so a new module is covered as soon as it exists."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "liveread"

# module (relative to the package) -> top-level names it must not import
FORBIDDEN = {
    "fetch.py": {"textual", "sqlite3", "selectolax", "liveread.store", "liveread.parse"},
    "inflate.py": {"textual", "httpx", "sqlite3", "selectolax", "liveread"},
    "encoding.py": {"textual", "httpx", "sqlite3", "selectolax", "liveread"},
    "savedpage.py": {"textual", "sqlite3", "selectolax", "liveread.store", "liveread.parse"},
    "output.py": {"textual", "httpx", "sqlite3", "selectolax", "liveread"},
    "model.py": {"textual", "httpx", "sqlite3", "selectolax", "liveread"},
    "clean.py": {"textual", "httpx", "sqlite3", "liveread.store", "liveread.fetch"},
    "cleanwords.py": {"textual", "httpx", "sqlite3", "selectolax", "liveread"},
    "cleanphrases.py": {
        "textual",
        "httpx",
        "sqlite3",
        "selectolax",
        "liveread.store",
        "liveread.parse",
    },
    "cleanfurniture.py": {
        "textual",
        "httpx",
        "sqlite3",
        "selectolax",
        "liveread.store",
        "liveread.parse",
    },
    "parse": {"textual", "httpx", "sqlite3", "liveread.store", "liveread.fetch"},
    "store": {"textual", "httpx", "selectolax", "liveread.parse"},
    "service.py": {"textual"},
    "export.py": {"textual", "httpx", "sqlite3"},
    "cli.py": {"liveread.ui.widgets", "sqlite3"},
}


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violates(name: str, banned: set[str]) -> bool:
    return any(name == ban or name.startswith(ban + ".") for ban in banned)


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_textual_only_under_ui() -> None:
    leaks = [
        str(path.relative_to(PACKAGE))
        for path in python_files()
        if "ui" not in path.relative_to(PACKAGE).parts
        and any(n == "textual" or n.startswith("textual.") for n in imported_names(path))
    ]
    assert leaks == [], f"textual imported outside liveread/ui: {leaks}"


@pytest.mark.parametrize("module", sorted(FORBIDDEN))
def test_module_respects_its_layer(module: str) -> None:
    target = PACKAGE / module
    files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
    assert files, f"{module} not found"
    banned = FORBIDDEN[module]
    for path in files:
        bad = sorted(n for n in imported_names(path) if violates(n, banned))
        assert bad == [], f"{path.relative_to(PACKAGE)} imports {bad}"


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from textual.app import App\nimport liveread.store\n")
    names = imported_names(sample)
    assert violates("textual.app", {"textual"})
    assert {"textual.app", "liveread.store"} <= names
