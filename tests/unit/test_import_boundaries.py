"""No service imports another service's package; the shared kernel and the workflows import none.

Services talk through HTTP, events and Temporal only, so each can be deployed and changed on
its own. The files are parsed, not imported: a violation is found even in a module nothing
imports yet. The stack, the bench and the tests may import every service.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICE_PACKAGES = {path.name: path for path in sorted(ROOT.glob("services/*/xueji_*"))}
KNOWN_SERVICES = {"xueji_registry", "xueji_transfer", "xueji_photo", "xueji_export"}


def _imported(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, top-level package) of every absolute import, and of import_module("...")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.partition(".")[0]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
            == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value.partition(".")[0]


def violations(tree_root: Path, forbidden: set[str]) -> list[str]:
    """`file:line imports package` for each import of a forbidden package under tree_root."""
    found = []
    for path in sorted(tree_root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        for line, package in sorted(_imported(tree)):
            if package in forbidden:
                found.append(f"{shown}:{line} imports {package}")
    return found


def test_every_known_service_is_found() -> None:
    # Without them the checks below would pass on an empty set.
    assert KNOWN_SERVICES <= SERVICE_PACKAGES.keys()


@pytest.mark.parametrize("own", sorted(SERVICE_PACKAGES))
def test_a_service_imports_no_other_service(own: str) -> None:
    others = SERVICE_PACKAGES.keys() - {own}
    assert violations(SERVICE_PACKAGES[own].parent, others) == []


@pytest.mark.parametrize("shared", ["common", "workflows"])
def test_shared_code_imports_no_service(shared: str) -> None:
    assert violations(ROOT / shared, set(SERVICE_PACKAGES)) == []


def test_a_violation_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    module = tmp_path / "pkg" / "module.py"
    module.parent.mkdir()
    module.write_text(
        "import json\nfrom xueji_transfer.calendar import store\n"
        "import xueji_photo.storage\nimportlib.import_module('xueji_export.x')\n",
        encoding="utf-8",
    )
    found = violations(tmp_path, {"xueji_transfer", "xueji_photo", "xueji_export"})
    assert [entry.rsplit(" imports ", 1)[1] for entry in found] == [
        "xueji_transfer",
        "xueji_photo",
        "xueji_export",
    ]
    assert found[0].endswith("module.py:2 imports xueji_transfer")
