"""The 辍学 flag (SPEC §4): a compulsory-education pupil who stops attending keeps the record.

The school sets the flag (status absent) and clears it when the pupil comes back; each
change is recorded in the field history and published as pupil.status_changed (kind
LEFT_SCHOOL / RETURNED_TO_SCHOOL), the flag itself travels as `left_school` in the record.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from xueji.registry.v1 import pupil_pb2
from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.events.actors import actor_of
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.domain.code_tables import DROPOUT_STAGES, PupilStatus
from xueji_registry.platform_api.cases import open_case_error
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.reading.access import pupil_for_change
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.pupils.writing.history import ChangeContext, record_changes
from xueji_registry.pupils.writing.saving import write_state
from xueji_registry.status_changes.schemas import LeftSchoolWrite


def _target(state: PupilState, left_school: bool) -> str:
    """The status the flag change leads to; refuses a change that changes nothing."""
    if state.stage in DROPOUT_STAGES:
        raise DomainError(error_codes.LEFT_SCHOOL_ONLY_COMPULSORY, field="left_school")
    flagged = state.status == PupilStatus.ABSENT
    if flagged == left_school:
        raise DomainError(error_codes.LEFT_SCHOOL_UNCHANGED, field="left_school")
    if left_school and state.status != PupilStatus.ENROLLED:
        raise DomainError(
            error_codes.STATUS_CHANGE_STATUS_NOT_ELIGIBLE, detail=f"辍学：{state.status}"
        )
    return PupilStatus.ABSENT if left_school else PupilStatus.ENROLLED


async def set_left_school(
    uow: UnitOfWork, actor: Principal, pupil_id: uuid.UUID, data: LeftSchoolWrite, *, today: date
) -> PupilState:
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    session = uow.session
    state = await pupil_for_change(session, actor, pupil_id)
    status = _target(state, data.left_school)
    if state.open_case_id:
        raise open_case_error(state)
    stored = await write_state(session, replace(state, status=status))
    flag_id = str(uuid.uuid4())
    reason = data.reason.strip()
    label = "辍学" if data.left_school else "辍学返校"
    await record_changes(
        session,
        pupil_id=state.id,
        changes=field_changes(state, stored),
        context=ChangeContext(reason=f"{label}：{reason}", source="left_school", source_id=flag_id),
        actor=actor,
        record_version=stored.record_version,
    )
    kind = (
        pupil_pb2.STATUS_CHANGE_KIND_LEFT_SCHOOL
        if data.left_school
        else pupil_pb2.STATUS_CHANGE_KIND_RETURNED_TO_SCHOOL
    )
    uow.publish(
        events.status_changed(
            stored,
            actor,
            status_change_id=flag_id,
            kind=kind,
            previous_status=state.status,
            reason=reason,
            effective_date=(data.effective_on or today).isoformat(),
            evidence_document_ids=[],
            requested_by=actor_of(actor),
        )
    )
    await uow.commit()
    return stored
