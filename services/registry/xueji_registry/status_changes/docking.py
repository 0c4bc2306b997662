"""province.step_pending for a status change whose county step a docking province decides."""

from __future__ import annotations

from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.common.v1.review_pb2 import Deadline
from xueji.province.v1 import province_events_pb2 as pb
from xueji.province.v1.province_pb2 import CaseKind, StatusChangeNotice
from xueji_common.contracts import province_outbound_topic
from xueji_common.events.outgoing import OutgoingEvent
from xueji_registry.orgs.tables import org_units
from xueji_registry.pupils.contract.code_mapping import change_kind_enum
from xueji_registry.pupils.contract.snapshot import record_message
from xueji_registry.pupils.rows import load_state
from xueji_registry.status_changes.cases import case_by_id
from xueji_workflows.cases.event import CaseEvent

BUREAU_WORKING_DAYS = 10


def _timestamp(moment: Any) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


async def _county(session: AsyncSession, code: str) -> OrgRef:
    row = (
        await session.execute(
            select(org_units.c.name, org_units.c.scope_path).where(org_units.c.code == code)
        )
    ).one()
    path = row.scope_path.strip("/").split("/")[:-1]
    return OrgRef(code=code, kind=OrgKind.ORG_KIND_COUNTY, name=row.name, path=path)


async def step_pending(session: AsyncSession, event: CaseEvent) -> list[OutgoingEvent]:
    """One notice per docking province the event names; none for an unknown case."""
    row = await case_by_id(session, event.case_id)
    if row is None:
        return []
    state = await load_state(session, row.pupil_id)
    if state is None:
        return []
    notice = StatusChangeNotice(
        kind=change_kind_enum(row.change_type, state.stage),
        reason=row.reason,
        effective_date=row.effective_on.isoformat(),
        evidence_document_ids=[str(i) for i in row.evidence_document_ids],
    )
    assignee = await _county(session, row.county_code)
    deadline = Deadline(provisional=event.provisional, working_days=BUREAU_WORKING_DAYS)
    if event.deadline is not None:
        deadline.due_at.CopyFrom(_timestamp(event.deadline))
    notices = []
    for province in event.outbound_provinces:
        message = pb.ProvinceStepPending(
            case_id=event.case_id,
            case_kind=CaseKind.CASE_KIND_STATUS_CHANGE,
            province_code=province,
            assignee=assignee,
            deadline=deadline,
            opened_at=_timestamp(event.occurred_at),
            pupil=record_message(state),
            status_change=notice,
        )
        notices.append(
            OutgoingEvent(
                type="province.step_pending",
                key=event.case_id,
                message=message,
                subject=event.case_id,
                topic=province_outbound_topic(province),
            )
        )
    return notices
