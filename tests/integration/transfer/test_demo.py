"""`make up`'s demo transfers: in several states, visible through the API and Temporal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from tests.integration.harness import demo_platform
from xueji_common.calendar import SHANGHAI
from xueji_stack import transfer_ops
from xueji_stack.demo.registry import DEMO_PASSWORD
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration

DEMO_SCHOOLS = {"2131000101", "2131000201", "2137000101", "2137000201"}


@pytest.fixture(scope="module")
def platform(infrastructure: Infrastructure) -> Iterator[Platform]:
    with demo_platform(infrastructure, "xueji-test-demo-") as running:
        yield running


def _demo_transfers(platform: Platform) -> dict[str, dict]:
    urls = {spec.name: spec.url for spec in platform.services}
    token = httpx.post(
        f"{urls['registry']}/v1/auth/token",
        json={"username": "nation.operator", "password": DEMO_PASSWORD},
    ).json()["access_token"]
    listed = httpx.get(
        f"{urls['transfer']}/v1/transfers",
        params={"limit": 200},
        headers={"Authorization": f"Bearer {token}"},
    ).json()["items"]
    demo = [
        item for item in listed
        if {item["receiving_school"]["code"], item["sending_school"]["code"]} <= DEMO_SCHOOLS
    ]  # fmt: skip
    return {item["state"] + "/" + (item["current_step"] or ""): item for item in demo}


def test_the_demo_holds_transfers_in_several_states(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_state = _demo_transfers(platform)
    assert {"completed/", "refused/", "in_review/receiving_bureau"} <= set(by_state)
    waiting = by_state["in_review/sending_school"]
    assert (waiting["sending_province"], waiting["receiving_province"]) == ("37", "31")
    due = datetime.fromisoformat(waiting["current_deadline"]).astimezone(SHANGHAI)
    assert due.time().isoformat() == "23:59:59"
    if waiting["overdue"]:
        # Opened before midnight in Shanghai: the school's same-day limit has run out and the
        # step waits with its supervising bureau's fresh deadline.
        assert waiting["escalated_to"] and due.date() > datetime.now(SHANGHAI).date()
    else:
        assert due.date() <= datetime.now(SHANGHAI).date()

    monkeypatch.setenv("XUEJI_TEMPORAL_ADDRESS", platform.infrastructure.temporal.address)
    completed = by_state["completed/"]["id"]
    printed = transfer_ops.run("show", completed)
    assert printed == 0
    assert transfer_ops.run("show", "TR-G000000000000000000-00000000") == 1
