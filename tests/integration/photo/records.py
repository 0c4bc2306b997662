"""Pupil records and events as the registry and the transfer service publish them."""

from __future__ import annotations

import random
import uuid

from tests.integration.photo.world import SCHOOLS
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1 import pupil_events_pb2 as pupil_events
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji.transfer.v1.transfer_events_pb2 import TransferRecordMoved
from xueji.transfer.v1.transfer_pb2 import TransferParties


def school_ref(school: str) -> OrgRef:
    code, name, county = SCHOOLS[school]
    return OrgRef(code=code, kind=OrgKind.ORG_KIND_SCHOOL, name=name, path=list(county))


def record(school: str, grade: int, version: int, **fields: object) -> PupilRecord:
    """A primary pupil at `school`; pass pupil_id and national_number to continue one."""
    fields.setdefault("pupil_id", str(uuid.uuid4()))
    fields.setdefault("national_number", "G" + "".join(random.choices("0123456789", k=18)))
    return PupilRecord(
        school=school_ref(school), grade=grade, stage=Stage.STAGE_PRIMARY,
        status=PupilStatus.PUPIL_STATUS_ENROLLED, record_version=version, name="测试学生",
        local_number=f"L{random.randrange(10**8)}", **fields,
    )  # fmt: skip


def created(pupil: PupilRecord) -> pupil_events.PupilCreated:
    return pupil_events.PupilCreated(pupil=pupil)


def updated(pupil: PupilRecord) -> pupil_events.PupilUpdated:
    return pupil_events.PupilUpdated(pupil=pupil)


def transferred_in(pupil: PupilRecord, sending: OrgRef) -> pupil_events.PupilTransferredIn:
    return pupil_events.PupilTransferredIn(
        pupil=pupil, transfer_id=str(uuid.uuid4()), sending_school=sending,
        receiving_school=pupil.school,
    )  # fmt: skip


def record_moved(pupil: PupilRecord, sending: OrgRef) -> TransferRecordMoved:
    parties = TransferParties(
        pupil_id=pupil.pupil_id, pupil_national_number=pupil.national_number,
        sending_school=sending, receiving_school=pupil.school,
    )  # fmt: skip
    return TransferRecordMoved(
        transfer_id=str(uuid.uuid4()), parties=parties, pupil_record_version=pupil.record_version
    )
