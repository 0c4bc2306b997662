"""The domain package stays pure: no frameworks, drivers, clocks or randomness."""

import ast
from pathlib import Path

import xueji_registry.domain as domain

FORBIDDEN_MODULES = {
    "sqlalchemy", "fastapi", "pydantic", "aiokafka", "asyncpg", "temporalio", "minio",
    "boto3", "httpx", "requests", "socket", "random", "os", "subprocess", "xueji_common",
}  # fmt: skip
FORBIDDEN_CALLS = {"today", "now", "utcnow", "open"}


def domain_sources() -> list[Path]:
    return sorted(Path(domain.__file__).parent.glob("*.py"))


def test_domain_imports_no_infrastructure() -> None:
    for path in domain_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert not roots & FORBIDDEN_MODULES, f"{path.name} imports {roots}"


def test_domain_never_reads_the_clock_or_files() -> None:
    for path in domain_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                assert name not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {name}"


def test_domain_sources_are_found() -> None:
    assert len(domain_sources()) > 10
