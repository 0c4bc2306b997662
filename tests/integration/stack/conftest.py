"""Fixtures of the stack's own integration tests."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def state_dir() -> Iterator[Path]:
    """A scratch state directory outside pytest's tmp tree (see tests/conftest.py)."""
    path = Path(tempfile.mkdtemp(prefix="xueji-test-stack-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)
