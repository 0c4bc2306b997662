"""Entering, changing and deleting pupils one by one, inside the caller's school."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.classes.lookup import classes_for
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import PupilCandidate, validate_candidate
from xueji_registry.pupils.entry.drafting import candidate_of
from xueji_registry.pupils.holders import duplicate_id_error
from xueji_registry.pupils.model import RegistrationState, stage_for_grade
from xueji_registry.pupils.reading.access import pupil_for_change, school_for_change
from xueji_registry.pupils.schemas import GuardianIn, PupilCreate, PupilUpdate
from xueji_registry.pupils.state import Guardian, PupilState, SchoolRef
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.pupils.writing.history import ChangeContext, record_changes
from xueji_registry.pupils.writing.insertion import DuplicateId, insert_pupils
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.pupils.writing.saving import publish_saved, save_validated, write_state

UPDATE_REASON = "学校修改学生信息"


def _guardians(items: list[GuardianIn] | list[dict[str, Any]]) -> tuple[Guardian, ...]:
    return tuple(
        Guardian(**(item.model_dump() if isinstance(item, GuardianIn) else item)) for item in items
    )


async def _check_teacher_class(
    session: AsyncSession, actor: Principal, school: SchoolRef, class_id: uuid.UUID | None
) -> None:
    """A class teacher enters and moves pupils only into a class of their own."""
    if actor.role is not Role.CLASS_TEACHER:
        return
    if class_id is None:
        raise DomainError(errors.FORBIDDEN, field="class_id")
    school_class = (await classes_for(session, school.code, [class_id]))[class_id]
    if str(school_class.teacher_account_id) != actor.account_id:
        raise DomainError(errors.FORBIDDEN, field="class_id")


async def create_pupil(
    uow: UnitOfWork, actor: Principal, data: PupilCreate, *, numbers: NumberAllocator, today: date
) -> PupilState:
    school = await school_for_change(uow.session, actor, data.school_code or actor.unit_code)
    await _check_teacher_class(uow.session, actor, school, data.class_id)
    fields = data.model_dump(exclude={"school_code", "guardians", "stage"})
    stage = data.stage or stage_for_grade(data.grade, school.province_code, school.stages) or ""
    candidate = PupilCandidate(**fields, stage=stage, guardians=_guardians(data.guardians))
    validated = validate_candidate(candidate, school=school, today=today)
    [result] = await insert_pupils(uow, actor, school, [validated], numbers=numbers)
    if isinstance(result, DuplicateId):
        raise duplicate_id_error(result.holder)
    await uow.commit()
    return result


def _check_locked_fields(old: PupilState, values: PupilCandidate) -> None:
    """After registration, core fields change by correction, the grade by a status change."""
    if not old.core_locked:
        return
    for name, before, after in (
        ("name", old.name, values.name),
        ("gender", old.gender, values.gender),
        ("birth_date", old.birth_date, values.birth_date),
        ("id_number", old.id_number, values.id_number),
    ):
        if before != after:
            raise DomainError(error_codes.PUPIL_CORE_FIELD_LOCKED, field=name)
    if (old.grade, old.stage) != (values.grade, values.stage):
        raise DomainError(error_codes.PUPIL_GRADE_LOCKED, field="grade")


async def update_pupil(
    uow: UnitOfWork,
    actor: Principal,
    pupil_id: uuid.UUID,
    data: PupilUpdate,
    *,
    numbers: NumberAllocator,
    today: date,
) -> PupilState:
    old = await pupil_for_change(uow.session, actor, pupil_id)
    if old.registration_state == RegistrationState.SUBMITTED:
        raise DomainError(error_codes.PUPIL_UNDER_REVIEW)
    patch = data.model_dump(exclude_unset=True)
    why = patch.pop("reason", None) or UPDATE_REASON
    if "guardians" in patch:
        patch["guardians"] = _guardians(patch["guardians"] or [])
    if "grade" in patch and "stage" not in patch:
        fitting = stage_for_grade(patch["grade"], old.school.province_code, old.school.stages)
        patch["stage"] = fitting or old.stage
    candidate = replace(candidate_of(old), **patch)
    if candidate.class_id != (old.school_class.id if old.school_class else None):
        await _check_teacher_class(uow.session, actor, old.school, candidate.class_id)
    waived = [r.key for r in old.waived_reasons]
    validated = validate_candidate(candidate, school=old.school, today=today, waived=waived)
    _check_locked_fields(old, validated.values)
    context = ChangeContext(reason=why, source="update")
    saved = await save_validated(uow, actor, old, validated, numbers=numbers, context=context)
    main = events.updated(saved.after, actor, saved.changes) if saved.changes else None
    publish_saved(uow, actor, saved, main)
    await uow.commit()
    return saved.after


async def delete_pupil(uow: UnitOfWork, actor: Principal, pupil_id: uuid.UUID) -> PupilState:
    """Soft-delete a problem record; it stays visible to the school and the county."""
    old = await pupil_for_change(uow.session, actor, pupil_id)
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    if not old.problem:
        raise DomainError(error_codes.PUPIL_NOT_PROBLEM)
    if old.core_locked or old.registration_state == RegistrationState.SUBMITTED:
        raise DomainError(error_codes.PUPIL_REGISTERED)
    new = await write_state(uow.session, replace(old, deleted=True), deleted_at=func.now())
    changes = field_changes(old, new)
    await record_changes(
        uow.session,
        pupil_id=old.id,
        changes=changes,
        context=ChangeContext(reason="学校删除问题学籍", source="delete"),
        actor=actor,
        record_version=new.record_version,
    )
    uow.publish(
        events.problem_resolved(
            new, actor, old.problem_reasons, resolution=pb.PROBLEM_RESOLUTION_DELETED
        )
    )
    await uow.commit()
    return new
