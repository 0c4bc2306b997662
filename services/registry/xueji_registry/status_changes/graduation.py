"""Graduating a whole cohort (毕业) at once: one batch, one workflow per pupil.

Why per pupil: each pupil keeps the one-open-case lock, the same StatusChangeWorkflow (its
replay tests and deadline machinery) and a small history; a pupil who cannot graduate
(an open transfer, a problem record) is left out and listed, without holding up the
others; and pupil.status_changed goes out per pupil, in that pupil's event order. Filing
takes the cohort's locks in one transaction and starts the workflows with bounded
concurrency; the county decides the batch with one request that forwards the decision to
every case still waiting (deciding.decide_batch), so hundreds of pupils cost the bureau one
action and Temporal a few hundred small workflows.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.domain.code_tables import StatusChangeType
from xueji_registry.pupils.model import ACTIVE_STATUSES
from xueji_registry.pupils.reading.access import find_school
from xueji_registry.pupils.rows import load_states
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils
from xueji_registry.status_changes.cases import CASE_READERS, NewCase, open_case, province_docks
from xueji_registry.status_changes.filing import check_caseable, facts_of
from xueji_registry.status_changes.launching import CaseLauncher, Launch
from xueji_registry.status_changes.province_rules import rules_for
from xueji_registry.status_changes.rules import EVIDENCE_NAMES, ProvinceRules, refusal
from xueji_registry.status_changes.schemas import ExcludedPupil, GraduationBatchCreate
from xueji_registry.status_changes.tables import status_change_batches
from xueji_workflows.status_change import status_change_workflow_id

GRADUATION = StatusChangeType.GRADUATION


def _exclusion(state: PupilState, rules: ProvinceRules) -> ExcludedPupil | None:
    try:
        check_caseable(state)
    except DomainError as error:
        return _excluded(state, error.error.code, error.message)
    found = refusal(GRADUATION, facts_of(state), rules, evidence_count=None)
    if found is None:
        return None
    message = f"{found.error.message}：{found.detail}" if found.detail else found.error.message
    return _excluded(state, found.error.code, message)


def _excluded(state: PupilState, code: str, message: str) -> ExcludedPupil:
    return ExcludedPupil(
        pupil_id=state.id,
        national_number=state.national_number,
        name=state.name,
        code=code,
        message=message,
    )


async def _cohort(
    session: AsyncSession, school_code: str, data: GraduationBatchCreate
) -> list[PupilState]:
    query = select(pupils.c.id).where(
        pupils.c.school_code == school_code,
        pupils.c.grade == data.grade,
        pupils.c.deleted.is_(False),
        pupils.c.status.in_(sorted(ACTIVE_STATUSES)),
    )
    if data.graduation_year is not None:
        query = query.where(pupils.c.graduation_year == data.graduation_year)
    ids = list((await session.scalars(query.order_by(pupils.c.id))).all())
    return await load_states(session, ids, lock=True)


async def file_batch(
    uow: UnitOfWork,
    actor: Principal,
    data: GraduationBatchCreate,
    *,
    launcher: CaseLauncher,
    today: date,
) -> uuid.UUID:
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    session = uow.session
    school = await find_school(session, data.school_code)
    if school is None or not actor.covers(school.scope_path):
        raise DomainError(errors.NOT_FOUND, field="school_code")
    rules = await rules_for(session, school.province_code)
    if GRADUATION in rules.evidence_required:
        raise DomainError(
            error_codes.STATUS_CHANGE_EVIDENCE_REQUIRED, detail=EVIDENCE_NAMES[GRADUATION]
        )
    eligible: list[PupilState] = []
    excluded: list[ExcludedPupil] = []
    for state in await _cohort(session, school.code, data):
        exclusion = _exclusion(state, rules)
        if exclusion is None:
            eligible.append(state)
        else:
            excluded.append(exclusion)
    if not eligible:
        extra = {"excluded": [e.model_dump(mode="json") for e in excluded]}
        raise DomainError(error_codes.STATUS_CHANGE_BATCH_EMPTY, extra=extra)
    batch_id = uuid.uuid4()
    effective_on = data.effective_on or today
    await session.execute(
        insert(status_change_batches).values(
            id=batch_id,
            change_type=GRADUATION.value,
            school_code=school.code,
            scope_path=school.scope_path,
            grade=data.grade,
            graduation_year=data.graduation_year,
            reason=data.reason.strip(),
            effective_on=effective_on,
            filed_count=len(eligible),
            excluded=[e.model_dump(mode="json") for e in excluded],
            filed_by=actor.account_id,
            filed_by_name=actor.name,
        )
    )
    case = NewCase(GRADUATION, data.reason.strip(), effective_on, batch_id=batch_id)
    docks = await province_docks(session, school.province_code)
    launches = []
    for state in eligible:
        case_id, change = await open_case(session, actor, state, case, docks=docks)
        launches.append(Launch(case_id, status_change_workflow_id(state.national_number), change))
    await uow.commit()
    await launcher.launch_all(launches)
    return batch_id


async def batch_row(session: AsyncSession, actor: Principal, batch_id: uuid.UUID) -> Any:
    row = (
        await session.execute(
            select(status_change_batches).where(status_change_batches.c.id == batch_id)
        )
    ).first()
    if row is None or actor.role not in CASE_READERS or not actor.covers(row.scope_path):
        raise DomainError(error_codes.STATUS_CHANGE_BATCH_NOT_FOUND)
    return row
