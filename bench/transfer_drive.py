"""Transfers driven through the HTTP API as the demo staff would, many at once.

Each transfer: filed by the receiving registrar, four approvals, the arrival, the paper file
sent and received — seven updates. A party acts as soon as its step is open: a request that
comes too early (409 STEP_NOT_ACTIVE) is repeated after a short pause, as a client polling
its inbox would; only the accepted request's round trip counts as decision latency.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx
from temporalio.client import Client

UPDATES_PER_TRANSFER = 7
RETRY_PAUSE = 0.01
QINGPU, XUHUI = "2131000101", "2131000201"
COUNTY = {QINGPU: "qingpu.county", XUHUI: "xuhui.county"}


@dataclass
class Measured:
    completed: int = 0
    failed: int = 0
    seconds: float = 0.0
    decisions: list[float] = field(default_factory=list)
    filings: list[float] = field(default_factory=list)
    early_requests: int = 0
    errors: list[str] = field(default_factory=list)
    workflow_ids: list[str] = field(default_factory=list)


@dataclass
class Driver:
    api: httpx.AsyncClient
    registry: httpx.AsyncClient
    temporal: Client
    password: str
    measured: Measured = field(default_factory=Measured)
    tokens: dict[str, dict[str, str]] = field(default_factory=dict)

    async def login(self, username: str) -> dict[str, str]:
        if username not in self.tokens:
            body = {"username": username, "password": self.password}
            answer = await self.registry.post("/v1/auth/token", json=body)
            answer.raise_for_status()
            self.tokens[username] = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        return self.tokens[username]

    async def candidates(self, school: str) -> list[dict]:
        """Enrolled pupils of grades 1–4 (grade 5 ends Shanghai's five-year primary)."""
        found = await self.registry.get(
            "/v1/pupils",
            params={"school_code": school, "status": "enrolled", "problem": False, "limit": 500},
            headers=await self.login(f"{school}.registrar"),
        )
        return [p for p in found.json()["items"] if 1 <= p["grade"] <= 4 and not p.get("open_case")]

    async def _act(self, user: str, path: str, body: dict) -> None:
        headers = await self.login(user)
        while True:
            began = time.perf_counter()
            answer = await self.api.post(path, json=body, headers=headers)
            if answer.status_code == 200:
                self.measured.decisions.append(time.perf_counter() - began)
                return
            if answer.status_code == 409 and answer.json()["code"] == "STEP_NOT_ACTIVE":
                self.measured.early_requests += 1
                await asyncio.sleep(RETRY_PAUSE)
                continue
            raise RuntimeError(f"{path}: {answer.status_code} {answer.text}")

    async def transfer(self, pupil: dict, sending: str, receiving: str) -> None:
        try:
            await self._transfer(pupil, sending, receiving)
            self.measured.completed += 1
        except (RuntimeError, httpx.HTTPError) as error:
            self.measured.failed += 1
            self.measured.errors.append(str(error)[:300])

    async def _transfer(self, pupil: dict, sending: str, receiving: str) -> None:
        body = {
            "pupil_number": pupil["national_number"], "pupil_name": pupil["name"],
            "sending_province": "31", "target_grade": pupil["grade"], "reason": "基准测试",
        }  # fmt: skip
        began = time.perf_counter()
        filed = await self.api.post(
            "/v1/transfers", json=body, headers=await self.login(f"{receiving}.registrar")
        )
        if filed.status_code != 201:
            raise RuntimeError(f"filing: {filed.status_code} {filed.text}")
        self.measured.filings.append(time.perf_counter() - began)
        row = filed.json()
        base = f"/v1/transfers/{row['id']}"
        for step, user in (
            ("receiving_school", f"{receiving}.reviewer"),
            ("receiving_bureau", COUNTY[receiving]),
            ("sending_school", f"{sending}.reviewer"),
            ("sending_bureau", COUNTY[sending]),
        ):
            await self._act(user, f"{base}/decision", {"decision": "approve", "step": step})
        await self._act(f"{receiving}.registrar", f"{base}/arrival", {})
        await self._act(f"{sending}.registrar", f"{base}/paper-file/sent", {"method": "EMS"})
        await self._act(f"{receiving}.registrar", f"{base}/paper-file/received", {})
        handle = self.temporal.get_workflow_handle(row["workflow_id"])
        await handle.result()
        self.measured.workflow_ids.append(row["workflow_id"])


async def run_transfers(driver: Driver, transfers: int) -> Measured:
    half = transfers // 2
    eastward = (await driver.candidates(QINGPU))[:half]
    westward = (await driver.candidates(XUHUI))[: transfers - half]
    if len(eastward) + len(westward) < transfers:
        raise RuntimeError(f"only {len(eastward) + len(westward)} demo pupils for {transfers}")
    for username in ("qingpu.county", "xuhui.county"):
        await driver.login(username)
    began = time.perf_counter()
    await asyncio.gather(
        *(driver.transfer(p, QINGPU, XUHUI) for p in eastward),
        *(driver.transfer(p, XUHUI, QINGPU) for p in westward),
    )
    driver.measured.seconds = time.perf_counter() - began
    return driver.measured
