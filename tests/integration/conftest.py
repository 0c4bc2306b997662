"""Every integration test module's service stacks get consumer groups of their own."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module", autouse=True)
def own_consumer_groups() -> Iterator[None]:
    mp = pytest.MonkeyPatch()
    mp.setenv("XUEJI_CONSUMER_GROUP_SUFFIX", f"-t{uuid.uuid4().hex[:8]}")
    yield
    mp.undo()
