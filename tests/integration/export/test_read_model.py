"""The export read model follows the registry's, transfer's and photo's events, never their
tables: it converges when events come twice or late across pupils, rebuilds by replay, and
/metrics shows its lag."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from prometheus_client import REGISTRY
from sqlalchemy import select

from tests.integration.export.flows import publish
from tests.integration.export.world import SCHOOLS, ExportStack
from tests.integration.harness import eventually
from tests.integration.photo.flows import records_on
from tests.integration.registry.builders import IdFactory, create_pupil, pupil_body
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.photo.v1.photo_events_pb2 import PhotoAccepted, PhotoReopened
from xueji.registry.v1 import pupil_events_pb2 as pupil_events
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji.transfer.v1.transfer_events_pb2 import TransferCompleted
from xueji.transfer.v1.transfer_pb2 import TransferParties
from xueji_common.contracts import TOPIC_PUPIL, dlq_topic
from xueji_common.events.envelope import from_headers
from xueji_export.bootstrap import READ_MODEL_CONSUMER
from xueji_export.read_model.rebuild import rebuild_read_model
from xueji_export.read_model.tables import pupil_read_model
from xueji_export.schema import handled_events

pytestmark = pytest.mark.integration
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def ids() -> IdFactory:
    return IdFactory()


def _lags(consumer: str) -> dict[str, float]:
    """The consumer's lag per topic-partition as /metrics reports it."""
    return {
        f"{sample.labels['topic']}:{sample.labels['partition']}": sample.value
        for metric in REGISTRY.collect()
        if metric.name == "xueji_consumer_lag"
        for sample in metric.samples
        if sample.labels.get("consumer") == consumer
    }


@pytest.fixture(scope="module", autouse=True)
async def caught_up(stack: ExportStack) -> None:
    """This module's read-model consumer group starts at the topics' first offsets, behind
    every pupil the session's earlier suites made (the console's demo has thousands): the
    tests start once it has caught up."""
    consumer = READ_MODEL_CONSUMER + stack.settings.consumer_group_suffix

    async def no_lag() -> bool:
        lags = _lags(consumer)
        return any(key.startswith(TOPIC_PUPIL) for key in lags) and not any(lags.values())

    await eventually(no_lag, within=900)


def _school(key: str) -> OrgRef:
    code, name, county = SCHOOLS[key]
    return OrgRef(code=code, kind=OrgKind.ORG_KIND_SCHOOL, name=name, path=list(county))


def _record(pupil_id: str, number: str, school: str, version: int, grade: int) -> PupilRecord:
    return PupilRecord(
        pupil_id=pupil_id, national_number=number, school=_school(school), grade=grade,
        stage=Stage.STAGE_PRIMARY, status=PupilStatus.PUPIL_STATUS_ENROLLED,
        record_version=version, name="测试学生", class_name=f"{grade}年级(1)班",
    )  # fmt: skip


def _number() -> str:
    return "G" + "".join(random.choices("0123456789", k=18))


def _stamp(at: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


async def _row(stack: ExportStack, pupil_id: str) -> dict | None:
    async with stack.db.sessions() as session:
        row = (
            await session.execute(
                select(pupil_read_model).where(pupil_read_model.c.pupil_id == pupil_id)
            )
        ).mappings().first()
    return dict(row) if row is not None else None


async def _handled(stack: ExportStack, event_id: str) -> bool:
    async with stack.db.sessions() as session:
        found = await session.scalar(
            select(handled_events.c.event_id).where(
                handled_events.c.event_id == event_id,
                handled_events.c.consumer.startswith(READ_MODEL_CONSUMER),
            )
        )
    return found is not None


async def test_a_pupil_entered_in_the_registry_reaches_the_read_model(
    stack: ExportStack, ids: IdFactory
) -> None:
    created = await create_pupil(stack.registry, stack.people.registrar("xq"), pupil_body(ids))

    async def arrived() -> bool:
        row = await _row(stack, created["id"])
        return row is not None and row["national_number"] == created["national_number"]

    await eventually(arrived, within=60)
    row = await _row(stack, created["id"])
    assert row is not None
    assert row["unit_path"] == "/CN/64/6401/640104/2164000101/"
    assert (row["school_code"], row["grade"], row["status"]) == ("2164000101", 1, "ENROLLED")
    assert row["id_number"] == created["id_number"] and row["has_photo"] is None


async def test_duplicate_and_late_events_across_pupils_converge(stack: ExportStack) -> None:
    bootstrap = stack.settings.kafka_bootstrap
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    first_number, second_number = _number(), _number()
    newer = pupil_events.PupilUpdated(pupil=_record(first, first_number, "jf", 2, grade=4))
    older = pupil_events.PupilCreated(pupil=_record(first, first_number, "xq", 1, grade=3))
    other = pupil_events.PupilCreated(pupil=_record(second, second_number, "xq", 1, grade=2))
    accepted = PhotoAccepted(pupil_id=first, pupil_national_number=first_number, photo_id="ph1")
    reopened = PhotoReopened(pupil_id=first, pupil_national_number=first_number, photo_id="ph0")
    completed = TransferCompleted(
        transfer_id=str(uuid.uuid4()),
        parties=TransferParties(pupil_id=first, pupil_national_number=first_number,
                                sending_school=_school("xq"), receiving_school=_school("jf")),
        completed_at=_stamp(T0 + timedelta(days=2)),
    )  # fmt: skip
    # The photo is accepted before its pupil is known; the newer record before the older.
    photo_id = await publish(bootstrap, accepted, at=T0 + timedelta(days=3))
    newer_id = await publish(bootstrap, newer)
    await publish(bootstrap, newer, event_id=newer_id)  # redelivered
    await publish(bootstrap, other)
    await publish(bootstrap, completed)
    late = [
        await publish(bootstrap, older),
        await publish(bootstrap, reopened, at=T0 + timedelta(days=1)),
        await publish(bootstrap, accepted, event_id=photo_id, at=T0 + timedelta(days=3)),
    ]

    async def all_handled() -> bool:
        return all([await _handled(stack, event_id) for event_id in late])

    await eventually(all_handled, within=60)
    row = await _row(stack, first)
    assert row is not None
    assert (row["record_version"], row["school_code"], row["grade"]) == (2, "2164000201", 4)
    assert row["unit_path"] == "/CN/64/6401/640106/2164000201/"
    assert row["has_photo"] is True
    assert row["last_transfer_from"] == "银川市兴庆区测试小学"
    assert row["last_transfer_on"] == (T0 + timedelta(days=2)).date()
    other_row = await _row(stack, second)
    assert other_row is not None and other_row["grade"] == 2

    replayed = await rebuild_read_model(stack.db, bootstrap)
    assert replayed >= 7
    rebuilt = await _row(stack, first)
    assert rebuilt == row
    assert await _row(stack, second) == other_row


async def test_a_corrupt_event_is_dead_lettered_and_the_rest_of_its_batch_applied(
    stack: ExportStack,
) -> None:
    bootstrap = stack.settings.kafka_bootstrap
    number = _number()
    corrupt = pupil_events.PupilCreated(pupil=_record(str(uuid.uuid4()), number, "xq", 1, 1))
    # Same key, so the same partition and likely the same fetch, before and after the bad one.
    before = pupil_events.PupilCreated(pupil=_record(str(uuid.uuid4()), number, "xq", 1, 2))
    after = pupil_events.PupilCreated(pupil=_record(str(uuid.uuid4()), number, "xq", 1, 3))
    await publish(bootstrap, before)
    bad_id = await publish(bootstrap, corrupt, payload=b"\xff\xff not protobuf")
    after_id = await publish(bootstrap, after)
    await eventually(lambda: _handled(stack, after_id), within=60)
    assert (await _row(stack, before.pupil.pupil_id) or {}).get("grade") == 2
    assert (await _row(stack, after.pupil.pupil_id) or {}).get("grade") == 3
    assert await _row(stack, corrupt.pupil.pupil_id) is None
    parked = [
        record for record in await records_on(bootstrap, dlq_topic(TOPIC_PUPIL), number)
        if dict(record.headers)["xueji_dlq_consumer"].startswith(READ_MODEL_CONSUMER.encode())
    ]  # fmt: skip
    assert [from_headers(record.headers).id for record in parked] == [bad_id]


async def test_metrics_print_the_lag_in_events_and_seconds(stack: ExportStack) -> None:
    await publish(
        stack.settings.kafka_bootstrap,
        pupil_events.PupilCreated(pupil=_record(str(uuid.uuid4()), _number(), "xq", 1, grade=1)),
    )

    async def reported() -> bool:
        text = (await stack.export.get("/metrics")).text
        return "xueji_export_read_model_lag_seconds" in text and (
            f'xueji_consumer_lag{{consumer="{READ_MODEL_CONSUMER}' in text
        )

    await eventually(reported, within=30)
