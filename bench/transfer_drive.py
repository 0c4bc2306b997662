"""Transfers driven through the HTTP API as the demo staff would, many at once.

Each transfer: filed by the receiving registrar, four approvals, the arrival, the paper file
sent and received — seven updates. The parties' clients follow xueji.transfer.v1 (as
provincial systems and school software do) and act as soon as transfer.step_opened names
their step; the round trip of each action is a decision's latency.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition
from temporalio.client import Client

from xueji.transfer.v1.transfer_events_pb2 import TransferStepOpened
from xueji_common.contracts import TOPIC_TRANSFER
from xueji_common.events.envelope import from_headers
from xueji_transfer.events.parts import STEP_ENUM

UPDATES_PER_TRANSFER = 7
TRANSFER_TIMEOUT = 300.0
ATTEMPTS = 5  # an action answered 5xx or lost on the way is repeated (same step, same body)
QINGPU, XUHUI = "2131000101", "2131000201"
COUNTY = {QINGPU: "qingpu.county", XUHUI: "xuhui.county"}
STEP_NAMES = {enum: name for name, enum in STEP_ENUM.items() if name != "record_move"}
# Who acts on each step ("receiving"/"sending" school's role, or its county), and how.
ACTIONS = {
    "receiving_school": ("receiving", "reviewer", "decision", {"decision": "approve"}),
    "receiving_bureau": ("receiving", "county", "decision", {"decision": "approve"}),
    "sending_school": ("sending", "reviewer", "decision", {"decision": "approve"}),
    "sending_bureau": ("sending", "county", "decision", {"decision": "approve"}),
    "report_arrival": ("receiving", "registrar", "arrival", {}),
    "paper_file_sent": ("sending", "registrar", "paper-file/sent", {"method": "EMS"}),
    "paper_file_received": ("receiving", "registrar", "paper-file/received", {}),
}
PARTIES = tuple(
    f"{school}.{role}" for school in (QINGPU, XUHUI) for role in ("reviewer", "registrar")
) + tuple(COUNTY.values())


@dataclass
class Measured:
    completed: int = 0
    failed: int = 0
    seconds: float = 0.0
    decisions: list[float] = field(default_factory=list)
    filings: list[float] = field(default_factory=list)
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
    actions: set[asyncio.Task[None]] = field(default_factory=set)

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

    async def file(self, pupil: dict, receiving: str) -> None:
        body = {
            "national_number": pupil["national_number"], "pupil_name": pupil["name"],
            "sending_province": "31", "target_grade": pupil["grade"], "reason": "基准测试",
        }  # fmt: skip
        began = time.perf_counter()
        filed = await self.api.post(
            "/v1/transfers", json=body, headers=await self.login(f"{receiving}.registrar")
        )
        if filed.status_code != 201:
            self.measured.failed += 1
            self.measured.errors.append(f"filing: {filed.status_code} {filed.text[:200]}")
            return
        self.measured.filings.append(time.perf_counter() - began)
        workflow_id = filed.json()["workflow_id"]
        try:
            async with asyncio.timeout(TRANSFER_TIMEOUT):
                await self.temporal.get_workflow_handle(workflow_id).result()
        except TimeoutError:
            self.measured.failed += 1
            self.measured.errors.append(f"{workflow_id} not completed in {TRANSFER_TIMEOUT:.0f} s")
            return
        self.measured.workflow_ids.append(workflow_id)
        self.measured.completed += 1

    async def follow_events(self, consumer: AIOKafkaConsumer) -> None:
        """Act on every step_opened event, until cancelled."""
        while True:
            for records in (await consumer.getmany(timeout_ms=100)).values():
                for record in records:
                    if from_headers(record.headers).type != "transfer.step_opened":
                        continue
                    opened = TransferStepOpened.FromString(record.value)
                    task = asyncio.create_task(self._act(opened))
                    self.actions.add(task)
                    task.add_done_callback(self.actions.discard)

    async def _act(self, opened: TransferStepOpened) -> None:
        side, role, suffix, body = ACTIONS[STEP_NAMES[opened.step]]
        parties = opened.parties
        school = (parties.receiving_school if side == "receiving" else parties.sending_school).code
        if school not in COUNTY:
            return  # a transfer of the demo data, not of this run
        user = COUNTY[school] if role == "county" else f"{school}.{role}"
        headers = await self.login(user)
        path = f"/v1/transfers/{opened.transfer_id}/{suffix}"
        # One decision id per step: a repeated request is answered, not acted on twice.
        body = {**body, "decision_id": f"{opened.transfer_id}/{STEP_NAMES[opened.step]}"}
        for attempt in range(1, ATTEMPTS + 1):
            began = time.perf_counter()
            try:
                answer = await self.api.post(path, json=body, headers=headers)
            except httpx.HTTPError as error:
                self.measured.errors.append(f"{suffix}: {error!r}")
                continue
            if answer.status_code == 200:
                self.measured.decisions.append(time.perf_counter() - began)
                return
            self.measured.errors.append(f"{suffix}: {answer.status_code} {answer.text[:200]}")
            if answer.status_code < 500:
                return
            await asyncio.sleep(0.2 * attempt)


async def _following_from_now(bootstrap: str) -> AIOKafkaConsumer:
    """A consumer of every partition of xueji.transfer.v1, positioned at its end now."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    await consumer.topics()  # loads the metadata the partitions come from
    partitions = [
        TopicPartition(TOPIC_TRANSFER, p)
        for p in consumer.partitions_for_topic(TOPIC_TRANSFER) or ()
    ]
    consumer.assign(partitions)
    await consumer.seek_to_end(*partitions)
    for partition in partitions:
        await consumer.position(partition)
    return consumer


async def run_transfers(driver: Driver, transfers: int, bootstrap: str) -> Measured:
    half = transfers // 2
    eastward = (await driver.candidates(QINGPU))[:half]
    westward = (await driver.candidates(XUHUI))[: transfers - half]
    if len(eastward) + len(westward) < transfers:
        raise RuntimeError(f"only {len(eastward) + len(westward)} demo pupils for {transfers}")
    for user in PARTIES:
        await driver.login(user)
    consumer = await _following_from_now(bootstrap)
    follower = asyncio.create_task(driver.follow_events(consumer))
    began = time.perf_counter()
    try:
        await asyncio.gather(
            *(driver.file(p, XUHUI) for p in eastward), *(driver.file(p, QINGPU) for p in westward)
        )
    finally:
        driver.measured.seconds = time.perf_counter() - began
        # Actions still under way (repeats after a transfer completed) end with the run.
        pending = (follower, *driver.actions)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        await consumer.stop()
    return driver.measured
