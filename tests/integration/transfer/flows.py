"""Driving transfers through the HTTP API as each party would."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.integration.transfer.world import People

# Who approves each review step: (school or county, of the receiving or sending side).
APPROVERS = {
    "receiving_school": ("reviewer", "receiving"),
    "receiving_bureau": ("county", "receiving"),
    "sending_school": ("reviewer", "sending"),
    "sending_bureau": ("county", "sending"),
    "common_bureau": ("county", "receiving"),
}


async def file(
    transfer: httpx.AsyncClient,
    people: People,
    pupil: dict,
    receiving: str,
    sending_province: str,
    **changes: Any,
) -> httpx.Response:
    body = {
        "national_number": pupil["national_number"],
        "pupil_name": pupil["name"],
        "sending_province": sending_province,
        "target_grade": pupil["grade"],
        "target_class": "2",
        "reason": "随父母工作调动",
        **changes,
    }
    return await transfer.post("/v1/transfers", json=body, headers=people.registrar(receiving))


async def detail(transfer: httpx.AsyncClient, headers: dict, transfer_id: str) -> dict:
    response = await transfer.get(f"/v1/transfers/{transfer_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def until(
    transfer: httpx.AsyncClient, headers: dict, transfer_id: str, *, step: str | None = None,
    state: str | None = None, within: float = 30.0,
) -> dict:  # fmt: skip
    """The transfer's detail once `step` is open (with its deadline known) or `state` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        body = await detail(transfer, headers, transfer_id)
        active = next((s for s in body["steps"] if s["step"] == step and not s["decision"]), None)
        if state is not None and body["state"] == state:
            return body
        if step is not None and body["current_step"] == step and active is not None:
            return body
        if loop.time() > deadline:
            raise AssertionError(f"never reached step={step} state={state}: {body}")
        await asyncio.sleep(0.05)


async def until_stored(
    transfer: httpx.AsyncClient, headers: dict, transfer_id: str, state: str
) -> dict:
    """The detail once the service itself has recorded `state` (read back from its events)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while loop.time() < deadline:
        body = await detail(transfer, headers, transfer_id)
        if body["timeline_source"] == "database" and body["state"] == state:
            return body
        await asyncio.sleep(0.05)
    raise AssertionError(f"{transfer_id} never stored as {state}")


async def until_recorded(
    transfer: httpx.AsyncClient, headers: dict, transfer_id: str, step: str
) -> dict:
    """Wait until the service has recorded `step` as the open one (lists, inbox, scope)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while loop.time() < deadline:
        listed = await transfer.get("/v1/transfers", headers=headers, params={"step": step})
        for item in listed.json()["items"]:
            if item["id"] == transfer_id:
                return item
        await asyncio.sleep(0.05)
    raise AssertionError(f"{transfer_id} never listed at {step}")


def approver(people: People, step: str, receiving: str, sending: str) -> dict[str, str]:
    who, side = APPROVERS[step]
    school = receiving if side == "receiving" else sending
    return people.reviewer(school) if who == "reviewer" else people.county(school)


async def decide(
    transfer: httpx.AsyncClient, headers: dict, transfer_id: str, decision: str = "approve",
    **extra: Any,
) -> httpx.Response:  # fmt: skip
    return await transfer.post(
        f"/v1/transfers/{transfer_id}/decision", json={"decision": decision, **extra},
        headers=headers,
    )  # fmt: skip


async def approve_route(
    transfer: httpx.AsyncClient, people: People, transfer_id: str, receiving: str, sending: str,
    steps: list[str],
) -> None:  # fmt: skip
    for step in steps:
        await until(transfer, people.operator, transfer_id, step=step)
        response = await decide(transfer, approver(people, step, receiving, sending), transfer_id)
        assert response.status_code == 200, response.text
