"""Shared session fixtures: the real local infrastructure, started once, only when asked for."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from xueji_stack.infrastructure import Infrastructure

_INTEGRATION_DIR = Path(__file__).parent / "integration"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests under tests/integration/, or using the servers, are integration tests
    # even if their module forgot the marker, so `make unit` never starts servers.
    for item in items:
        if item.path.is_relative_to(_INTEGRATION_DIR) or "infrastructure" in getattr(
            item, "fixturenames", ()
        ):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def infrastructure() -> Iterator[Infrastructure]:
    """PostgreSQL, Temporal, the broker and S3 on free ports, for the whole session.

    Ignores any XUEJI_* variables of the shell: tests never touch a real server.
    The state lives outside pytest's tmp tree, which pytest re-chmods to 0700
    and the PostgreSQL system user must be able to traverse.
    """
    state_dir = Path(tempfile.mkdtemp(prefix="xueji-test-infrastructure-"))
    stack = Infrastructure(state_dir, fixed_ports=False, test_mode=True, environ={})
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(state_dir, ignore_errors=True)
