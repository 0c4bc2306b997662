"""A cross-province transfer through the HTTP API, from filing to the paper file's receipt."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer
from google.protobuf.message import Message

from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import Stack
from tests.integration.transfer.flows import approve_route, file, until, until_stored
from tests.integration.transfer.world import new_pupil
from xueji_common.contracts import TOPIC_PUPIL, TOPIC_TRANSFER, event_type
from xueji_common.events.envelope import from_headers
from xueji_stack import transfer_ops

pytestmark = pytest.mark.integration

REVIEW = ["receiving_school", "receiving_bureau", "sending_school", "sending_bureau"]


async def _events_for(
    bootstrap: str, topic: str, key: str, until_type: str
) -> list[tuple[str, Message]]:
    """(ce_type, payload) of the records with `key` on `topic`, read until `until_type` arrives."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    seen: list[tuple[str, Message]] = []
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30
        while until_type not in (kind for kind, _ in seen) and loop.time() < deadline:
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    if record.key == key.encode():
                        kind = from_headers(record.headers).type
                        seen.append((kind, event_type(kind).message.FromString(record.value)))
    finally:
        await consumer.stop()
    return seen


async def test_cross_province_transfer_moves_the_pupil_and_publishes_every_step(
    stack: Stack, ids: IdFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    filed = await file(api, people, pupil, "zy1", "43")
    assert filed.status_code == 201, filed.text
    transfer_id = filed.json()["id"]
    assert filed.json()["sending_school"]["code"] == people.code("fr")

    await approve_route(api, people, transfer_id, "zy1", "fr", REVIEW)
    await until(api, people.operator, transfer_id, step="report_arrival")
    arrival = await api.post(
        f"/v1/transfers/{transfer_id}/arrival", json={}, headers=people.registrar("zy1")
    )
    assert arrival.status_code == 200, arrival.text
    await until(api, people.operator, transfer_id, step="paper_file_sent")
    sent = await api.post(
        f"/v1/transfers/{transfer_id}/paper-file/sent",
        json={"method": "EMS", "tracking": "EA123456789CN"},
        headers=people.registrar("fr"),
    )
    assert sent.status_code == 200, sent.text
    await until(api, people.operator, transfer_id, step="paper_file_received")
    received = await api.post(
        f"/v1/transfers/{transfer_id}/paper-file/received", json={},
        headers=people.registrar("zy1"),
    )  # fmt: skip
    assert received.status_code == 200, received.text
    live = await until(api, people.operator, transfer_id, state="completed")
    done = await until_stored(api, people.operator, transfer_id, "completed")
    assert [s["step"] for s in live["steps"]] == [s["step"] for s in done["steps"]]

    assert [s["step"] for s in done["steps"]] == [
        *REVIEW, "report_arrival", "paper_file_sent", "paper_file_received",
    ]  # fmt: skip
    paper = next(s for s in done["steps"] if s["step"] == "paper_file_sent")
    assert paper["details"] == {"method": "EMS", "tracking": "EA123456789CN"}
    assert paper["decided_by"]["unit_code"] == people.code("fr")

    moved = await stack.registry.get(f"/v1/pupils/{pupil['id']}", headers=people.operator)
    assert moved.json()["school_code"] == people.code("zy1"), moved.text

    transfer_events = await _events_for(
        stack.bootstrap, TOPIC_TRANSFER, transfer_id, "transfer.completed"
    )
    transfer_types = [kind for kind, _ in transfer_events]
    assert transfer_types[0] == "transfer.filed"
    assert transfer_types[-1] == "transfer.completed"
    assert {"transfer.approved", "transfer.record_moved", "transfer.paper_file_sent"} <= set(
        transfer_types
    )
    # Every transfer event names the pupil by the id the registry's pupil events carry.
    assert {message.parties.pupil_id for _, message in transfer_events} == {pupil["id"]}
    pupil_events = dict(
        await _events_for(
            stack.bootstrap, TOPIC_PUPIL, pupil["national_number"], "pupil.transferred_in"
        )
    )
    assert "pupil.transferred_out" in pupil_events and "pupil.transferred_in" in pupil_events
    # The move's version is the one the registry's own events of the move carry.
    record_moved = dict(transfer_events)["transfer.record_moved"]
    arrived = pupil_events["pupil.transferred_in"]
    assert record_moved.pupil_record_version == arrived.pupil.record_version > 1
    assert arrived.pupil.pupil_id == pupil["id"]

    monkeypatch.setenv("XUEJI_TEMPORAL_ADDRESS", stack.settings.temporal_address)
    printed = await transfer_ops.show(transfer_id)
    assert f"转学 {transfer_id}" in printed and "状态 completed" in printed
    assert "paper_file_received" in printed and "李校长/2141000101" in printed
    assert "receiving_bureau" in await transfer_ops.show(pupil["national_number"])
    assert transfer_id not in await transfer_ops.overdue()
