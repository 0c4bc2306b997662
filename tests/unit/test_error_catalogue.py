"""Every error code is defined once, with an HTTP error status and a Chinese message, and is
documented in the README's "Error codes" table.

The catalogues are found, not listed: a module of the project's packages (those pyproject.toml
packages) that defines an `ErrorCode` at module level is a catalogue, so a new service's codes
are checked from the day it defines one.
"""

from __future__ import annotations

import ast
import importlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from xueji_common.errors import ErrorCode

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
CODE_SHAPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
TABLE_ROW = re.compile(r"^\| `([A-Z0-9_]+)` \|")


@dataclass(frozen=True)
class Definition:
    module: str
    name: str
    error: ErrorCode

    @property
    def package(self) -> str:
        return self.module.split(".")[0]

    def readme_row(self) -> str:
        service = self.package.removeprefix("xueji_")
        error = self.error
        return f"| `{error.code}` | {error.status} | {error.message} | {service} |"


@cache
def _source_modules() -> list[tuple[str, ast.Module]]:
    find = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    modules = []
    for where in find["packages"]["find"]["where"]:
        root = ROOT / where
        for path in sorted(root.glob("xueji_*/**/*.py")):
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            modules.append((name.removesuffix(".__init__"), ast.parse(path.read_text())))
    return modules


def _is_error_code(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "ErrorCode") or (
        isinstance(func, ast.Attribute) and func.attr == "ErrorCode"
    )


def _defined_names(tree: ast.Module) -> list[str]:
    """Names a module binds to an ErrorCode at module level, in order."""
    return [
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign) and _is_error_code(statement.value)
        for target in statement.targets
        if isinstance(target, ast.Name)
    ]


def _ad_hoc_codes(module: str, tree: ast.Module) -> list[str]:
    """ErrorCodes with a literal code built anywhere but a catalogue's module level."""
    top = {id(s.value) for s in tree.body if isinstance(s, ast.Assign)}
    return [
        f"{module}:{node.lineno} ErrorCode({node.args[0].value!r}, …)"
        for node in ast.walk(tree)
        if _is_error_code(node) and id(node) not in top
        and node.args and isinstance(node.args[0], ast.Constant)
    ]  # fmt: skip


@cache
def catalogue() -> list[Definition]:
    definitions = []
    for module, tree in _source_modules():
        names = _defined_names(tree)
        if names:
            loaded = importlib.import_module(module)
            definitions += [Definition(module, name, getattr(loaded, name)) for name in names]
    return definitions


def readme_codes() -> dict[str, str]:
    """The README's error table: code → its row."""
    section = README.read_text().split("\n## Error codes\n", 1)
    assert len(section) == 2, "README.md has no '## Error codes' section"
    body = section[1].split("\n## ", 1)[0]
    rows = [line for line in body.splitlines() if TABLE_ROW.match(line)]
    return {TABLE_ROW.match(row).group(1): row for row in rows}  # type: ignore[union-attr]


def test_the_catalogues_are_found() -> None:
    packages = {d.package for d in catalogue()}
    assert {"xueji_common", "xueji_registry", "xueji_transfer", "xueji_workflows"} <= packages


def test_each_package_has_one_catalogue_and_codes_are_defined_nowhere_else() -> None:
    modules_of: dict[str, set[str]] = {}
    for d in catalogue():
        modules_of.setdefault(d.package, set()).add(d.module)
    assert {p: m for p, m in modules_of.items() if len(m) > 1} == {}
    ad_hoc = [code for module, tree in _source_modules() for code in _ad_hoc_codes(module, tree)]
    assert ad_hoc == [], "define these in the package's error catalogue"


def test_every_code_is_defined_once() -> None:
    by_code: dict[str, list[str]] = {}
    for d in catalogue():
        by_code.setdefault(d.error.code, []).append(f"{d.module}.{d.name}")
    assert {code: where for code, where in by_code.items() if len(where) > 1} == {}


def test_codes_are_stable_english_named_as_they_are_spelt() -> None:
    for d in catalogue():
        assert CODE_SHAPE.match(d.error.code), d
        assert d.name == d.error.code, f"{d.module}.{d.name} defines {d.error.code}"


def test_statuses_are_http_errors_and_messages_chinese() -> None:
    for d in catalogue():
        assert 400 <= d.error.status <= 599, d
        assert d.error.message.strip() and CHINESE.search(d.error.message), d


def test_the_readme_error_table_lists_every_code_as_defined() -> None:
    expected = {d.error.code: d.readme_row() for d in catalogue()}
    documented = readme_codes()
    missing = [row for code, row in expected.items() if documented.get(code) != row]
    stale = sorted(set(documented) - set(expected))
    assert missing == [], "README.md 'Error codes' needs these rows:\n" + "\n".join(missing)
    assert stale == [], "README.md 'Error codes' lists codes no catalogue defines"
