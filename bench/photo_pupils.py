"""The benchmark's pupils: grade-1 entrants of one school, published as the registry would."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer

from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1.pupil_events_pb2 import PupilCreated
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.contracts import TOPIC_PUPIL
from xueji_common.events.envelope import Envelope, to_headers

COUNTY = ("CN", "31", "3101", "310118")
SCHOOL = (*COUNTY, "2131000101")
REGISTRAR = Principal(
    "bench-registrar", "陈老师", Role.SCHOOL_REGISTRAR, SCHOOL[-1], UnitKind.SCHOOL, SCHOOL
)
COUNTY_OFFICER = Principal(
    "bench-county", "赵科长", Role.COUNTY_OFFICER, COUNTY[-1], UnitKind.COUNTY, COUNTY
)


def national_number(run: str, index: int) -> str:
    return f"G{run}{index:012d}"


def _created(run: str, index: int) -> PupilCreated:
    school = OrgRef(code=SCHOOL[-1], kind=OrgKind.ORG_KIND_SCHOOL, path=list(COUNTY))
    return PupilCreated(pupil=PupilRecord(
        pupil_id=str(uuid.uuid4()), national_number=national_number(run, index),
        name="测试学生", local_number=f"31{run}{index:08d}", school=school, grade=1,
        stage=Stage.STAGE_PRIMARY, status=PupilStatus.PUPIL_STATUS_ENROLLED, record_version=1,
    ))  # fmt: skip


async def publish_pupils(bootstrap: str, run: str, count: int) -> None:
    """`count` pupil.created events on the pupil topic (acks=all, batched)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20)
    await producer.start()
    try:
        sent = []
        for index in range(count):
            message = _created(run, index)
            envelope = Envelope(str(uuid.uuid4()), "/xueji/bench", "pupil.created",
                                datetime.now(UTC), None, None)  # fmt: skip
            sent.append(await producer.send(
                TOPIC_PUPIL, value=message.SerializeToString(),
                key=message.pupil.national_number.encode(), headers=to_headers(envelope),
            ))  # fmt: skip
        for future in sent:
            await future
    finally:
        await producer.stop()
