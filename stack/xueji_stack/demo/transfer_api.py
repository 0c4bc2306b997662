"""The demo staff's side of the transfer API (signing in with the demo logins) and the
Shandong system's side of the inbound topic, for `demo.seed_demo_transfers`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from xueji_stack.demo.demo_calls import demo_call
from xueji_stack.demo.demo_logins import DemoLogins
from xueji_stack.demo.shandong import send_province_decision

SHANDONG = "37"
WAIT_SECONDS = 90.0


@dataclass
class DemoApi:
    transfer: httpx.AsyncClient
    registry: httpx.AsyncClient
    logins: DemoLogins
    kafka: str

    async def as_(self, username: str) -> dict[str, str]:
        return await self.logins.headers(username)

    async def post(self, username: str, path: str, body: dict) -> dict:
        return await demo_call(self.transfer, "POST", path, await self.as_(username), json=body)

    async def until(self, transfer_id: str, holds: Callable[[dict], bool]) -> dict:
        headers = await self.as_("nation.operator")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_SECONDS
        while loop.time() < deadline:
            body = (await self.transfer.get(f"/v1/transfers/{transfer_id}", headers=headers)).json()
            if holds(body):
                return body
            await asyncio.sleep(0.1)
        raise RuntimeError(f"demo transfer {transfer_id} stuck: {body.get('current_step')}")

    async def at(self, transfer_id: str, step: str) -> None:
        await self.until(transfer_id, lambda b: b.get("current_step") == step)

    async def approve(self, username: str, transfer_id: str, step: str) -> None:
        await self.at(transfer_id, step)
        await self.post(username, f"/v1/transfers/{transfer_id}/decision", {"decision": "approve"})

    async def province(self, transfer_id: str, step: str, **kwargs: object) -> None:
        await self.at(transfer_id, step)
        await send_province_decision(self.kafka, SHANDONG, transfer_id, step, **kwargs)  # type: ignore[arg-type]

    async def file(self, sending: str, province: str, receiving: str, reason: str) -> str:
        pupils = await self.registry.get(
            "/v1/pupils",
            params={"school_code": sending, "grade": 3, "status": "enrolled", "problem": False},
            headers=await self.as_(f"{sending}.registrar"),
        )
        for pupil in pupils.json()["items"][:10]:
            body = {
                "national_number": pupil["national_number"], "pupil_name": pupil["name"],
                "sending_province": province, "target_grade": 3, "reason": reason,
            }  # fmt: skip
            answer = await self.transfer.post(
                "/v1/transfers", json=body, headers=await self.as_(f"{receiving}.registrar")
            )
            if answer.status_code == 201:
                return answer.json()["id"]
        raise RuntimeError(f"demo transfer: no transferable grade-3 pupil at {sending}")
