"""card_batch.produced, keyed by the batch id."""

from __future__ import annotations

from datetime import datetime

from google.protobuf.timestamp_pb2 import Timestamp

from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.photo.v1.photo_events_pb2 import CardBatchProduced
from xueji.photo.v1.photo_pb2 import CardKind
from xueji_common.auth.principal import Principal
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.org_replica import OrgRecord
from xueji_photo.cards.selection import BatchPlan
from xueji_photo.uploads.events import actor_of

ORG_KINDS = {
    "nation": OrgKind.ORG_KIND_NATION,
    "province": OrgKind.ORG_KIND_PROVINCE,
    "city": OrgKind.ORG_KIND_CITY,
    "county": OrgKind.ORG_KIND_COUNTY,
    "school": OrgKind.ORG_KIND_SCHOOL,
}


def unit_ref(unit: OrgRecord) -> OrgRef:
    return OrgRef(code=unit.code, kind=ORG_KINDS[unit.kind], name=unit.name, path=unit.path[:-1])


def produced(
    batch_id: str, unit: OrgRecord, plan: BatchPlan, producer: Principal, at: datetime
) -> OutgoingEvent:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    message = CardBatchProduced(
        batch_id=batch_id,
        kind=CardKind.CARD_KIND_STUDENT_CARD,
        scope=unit_ref(unit),
        pupil_national_numbers=[m.candidate.national_number for m in plan.members],
        first_sequence=plan.first_sequence,
        last_sequence=plan.last_sequence,
        actor=actor_of(producer),
        produced_at=stamp,
    )
    return OutgoingEvent("card_batch.produced", batch_id, message)
