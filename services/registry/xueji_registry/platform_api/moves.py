"""The hand-over (调档): a pupil's record moves to the receiving school in one transaction.

One UPDATE changes the school, so the record is never active at two schools nor at none;
the move is recorded by transfer id in the same transaction, so a repeated call (the
workflow retrying after a lost answer) finds it and changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import insert, select

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.platform_contract import MoveRequest, MoveResult
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.classes.lookup import class_ref
from xueji_registry.classes.tables import classes
from xueji_registry.platform_api.finding import find_pupil
from xueji_registry.platform_api.tables import transfer_moves
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.model import graduation_year, is_active, stage_for_grade
from xueji_registry.pupils.reading.access import find_school
from xueji_registry.pupils.state import ClassRef, PupilState, SchoolRef
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.pupils.writing.history import ChangeContext, record_changes
from xueji_registry.pupils.writing.saving import write_state


async def _earlier(uow: UnitOfWork, transfer_id: str) -> MoveResult | None:
    row = (
        await uow.session.execute(
            select(transfer_moves).where(transfer_moves.c.transfer_id == transfer_id)
        )
    ).first()
    if row is None:
        return None
    return MoveResult(
        national_number=row.national_number,
        school_code=row.to_school,
        moved_at=row.moved_at,
        already_moved=True,
        record_version=row.record_version or 0,
    )


async def _target_class(
    uow: UnitOfWork, school: SchoolRef, code: str | None, grade: int
) -> ClassRef | None:
    """The receiving school's class by code when it exists for that grade; else none yet."""
    if not code:
        return None
    row = (
        await uow.session.execute(
            select(classes).where(classes.c.school_code == school.code, classes.c.code == code)
        )
    ).first()
    if row is None or row.grade != grade:
        return None
    return class_ref(row)


def _moved(
    state: PupilState, school: SchoolRef, grade: int, school_class: ClassRef | None
) -> PupilState:
    stage = stage_for_grade(grade, school.province_code, school.stages) or state.stage
    return replace(
        state,
        school=school,
        grade=grade,
        stage=stage,
        graduation_year=graduation_year(stage, grade, state.enrolment_year, school.province_code)
        if stage != state.stage
        else state.graduation_year,
        school_class=school_class,
        # The local number (学籍副号) is the sending school's; the receiving one issues its own.
        local_number=None,
    )


async def move(
    uow: UnitOfWork, actor: Principal, transfer_id: str, data: MoveRequest
) -> MoveResult:
    earlier = await _earlier(uow, transfer_id)
    if earlier is not None:
        return earlier
    receiving = await find_school(uow.session, data.to_school)
    if receiving is None:
        raise DomainError(error_codes.SCHOOL_NOT_FOUND, field="to_school", detail=data.to_school)
    state = await find_pupil(uow.session, data.national_number, lock=True)
    # A concurrent call with the same transfer id may have moved the pupil while we waited.
    earlier = await _earlier(uow, transfer_id)
    if earlier is not None:
        return earlier
    active = state is not None and is_active(
        state.status, deleted=state.deleted, id_conflict=state.id_conflict
    )
    if state is None or not active or state.school.code != data.from_school:
        raise DomainError(error_codes.PUPIL_NOT_AT_SENDING_SCHOOL, field="from_school")
    school_class = await _target_class(uow, receiving, data.class_code, data.grade)
    new = await write_state(uow.session, _moved(state, receiving, data.grade, school_class))
    changes = field_changes(state, new)
    context = ChangeContext(
        reason=f"转学调档（转学业务{transfer_id}）", source="transfer", source_id=transfer_id
    )
    await record_changes(
        uow.session,
        pupil_id=state.id,
        changes=changes,
        context=context,
        actor=actor,
        record_version=new.record_version,
    )
    values: dict[str, Any] = {
        "transfer_id": transfer_id,
        "pupil_id": state.id,
        "national_number": new.national_number,
        "from_school": state.school.code,
        "to_school": receiving.code,
        "moved_at": new.updated_at,
        "record_version": new.record_version,
    }
    await uow.session.execute(insert(transfer_moves).values(**values))
    for event in events.transferred(new, actor, transfer_id=transfer_id, sending=state.school):
        uow.publish(event)
    await uow.commit()
    return MoveResult(
        national_number=new.national_number,
        school_code=receiving.code,
        moved_at=new.updated_at,
        already_moved=False,
        record_version=new.record_version,
    )
