"""Submitting a school's pupils (上报) and the county bureau's decision on the batch."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.model import RegistrationState, school_year
from xueji_registry.pupils.reading.access import find_school
from xueji_registry.pupils.rows import load_states
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.registration.model import SUBMITTABLE, refusals
from xueji_registry.registration.schemas import Decision, SubmissionCreate
from xueji_registry.registration.tables import submission_pupils, submissions


def _submittable(school_code: str, year: int) -> Any:
    return and_(
        pupils.c.school_code == school_code,
        active_record(),
        pupils.c.problem.is_(False),
        or_(
            pupils.c.registration_state.in_(sorted(SUBMITTABLE)),
            and_(
                pupils.c.registration_state == RegistrationState.REGISTERED,
                pupils.c.registration_year < year,
            ),
        ),
    )


async def _move_state(
    uow: UnitOfWork, ids: Sequence[uuid.UUID], *, expected: str, values: dict[str, Any]
) -> tuple[list[PupilState], list[PupilState]]:
    """Set values on the records still in `expected` state: (before, after) states."""
    before = [
        s
        for s in await load_states(uow.session, ids, lock=True)
        if s.registration_state == expected
    ]
    if before:
        await uow.session.execute(
            update(pupils)
            .where(pupils.c.id.in_([s.id for s in before]))
            .values(**values, record_version=pupils.c.record_version + 1, updated_at=func.now())
        )
    after = await load_states(uow.session, [s.id for s in before])
    return before, after


async def submit(
    uow: UnitOfWork, actor: Principal, data: SubmissionCreate, *, today: date
) -> uuid.UUID:
    """Submit validated pupils; if any listed pupil cannot be, nothing is submitted."""
    session = uow.session
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    school = await find_school(session, data.school_code or actor.unit_code)
    if school is None or not actor.covers(school.scope_path):
        raise DomainError(errors.NOT_FOUND, field="school_code")
    year = school_year(today)
    if data.pupil_ids is None:
        query = select(pupils.c.id).where(_submittable(school.code, year)).order_by(pupils.c.id)
        ids = list((await session.execute(query)).scalars())
    else:
        ids = sorted(set(data.pupil_ids))
    if not ids:
        raise DomainError(error_codes.REGISTRATION_NOTHING_TO_SUBMIT)
    states = {s.id: s for s in await load_states(session, ids, lock=True)}
    refused = []
    for pupil_id in ids:
        state = states.get(pupil_id)
        if state is None or state.school.code != school.code:
            refused.append({"pupil_id": str(pupil_id), "reasons": ["不是本校学生"]})
        elif found := refusals(state, year):
            refused.append(
                {
                    "pupil_id": str(pupil_id),
                    "national_number": state.national_number,
                    "name": state.name,
                    "reasons": found,
                }
            )
    if refused:
        raise DomainError(error_codes.REGISTRATION_PUPILS_NOT_ELIGIBLE, extra={"pupils": refused})
    submission_id = uuid.uuid4()
    await session.execute(
        insert(submissions).values(
            id=submission_id,
            school_code=school.code,
            scope_path=school.scope_path,
            school_year=year,
            submitted_by=actor.account_id,
            submitted_by_name=actor.name,
        )
    )
    await session.execute(
        insert(submission_pupils), [{"submission_id": submission_id, "pupil_id": i} for i in ids]
    )
    by_id = {i: states[i].registration_state for i in ids}
    for state_name in sorted(set(by_id.values())):
        group = [i for i in ids if by_id[i] == state_name]
        before, after = await _move_state(
            uow, group, expected=state_name, values={"registration_state": "submitted"}
        )
        for old, new in zip(before, after, strict=True):
            uow.publish(events.updated(new, actor, field_changes(old, new)))
    await uow.commit()
    return submission_id


async def submission_for_decision(
    session: AsyncSession, actor: Principal, submission_id: uuid.UUID
) -> Any:
    """Only a county officer whose county holds the school decides (SPEC §3)."""
    if actor.role is not Role.COUNTY_OFFICER:
        raise DomainError(errors.FORBIDDEN)
    row = (
        await session.execute(
            select(submissions).where(submissions.c.id == submission_id).with_for_update()
        )
    ).first()
    if row is None or not actor.covers(row.scope_path):
        raise DomainError(error_codes.SUBMISSION_NOT_FOUND)
    if row.state != "pending":
        raise DomainError(error_codes.SUBMISSION_DECIDED)
    return row


async def decide(
    uow: UnitOfWork, actor: Principal, submission_id: uuid.UUID, decision: Decision
) -> None:
    session = uow.session
    submission = await submission_for_decision(session, actor, submission_id)
    ids = list(
        (
            await session.execute(
                select(submission_pupils.c.pupil_id)
                .where(submission_pupils.c.submission_id == submission_id)
                .order_by(submission_pupils.c.pupil_id)
            )
        ).scalars()
    )
    if decision.decision == "approve":
        values = {
            "registration_state": RegistrationState.REGISTERED.value,
            "registration_year": submission.school_year,
            "registered_at": func.now(),
        }
    else:
        values = {"registration_state": RegistrationState.RETURNED.value}
        for item in decision.pupil_reasons:
            await session.execute(
                update(submission_pupils)
                .where(
                    submission_pupils.c.submission_id == submission_id,
                    submission_pupils.c.pupil_id == item.pupil_id,
                )
                .values(return_reason=item.reason)
            )
    before, after = await _move_state(uow, ids, expected="submitted", values=values)
    for old, new in zip(before, after, strict=True):
        if decision.decision == "approve":
            uow.publish(
                events.registered(
                    new,
                    actor,
                    submission_id=str(submission_id),
                    school_year=submission.school_year,
                )
            )
        else:
            uow.publish(events.updated(new, actor, field_changes(old, new)))
    await session.execute(
        update(submissions)
        .where(submissions.c.id == submission_id)
        .values(
            state="approved" if decision.decision == "approve" else "returned",
            decided_by=actor.account_id,
            decided_by_name=actor.name,
            decided_at=func.now(),
            decision_reason=decision.reason,
        )
    )
    await uow.commit()
