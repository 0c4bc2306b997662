"""Lookup for filing a case, and the one-open-case lock (SPEC §4, national error 2002)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.platform_contract import CaseClaim, CaseRelease, OpenCase, PupilLookup
from xueji_common.uow import UnitOfWork
from xueji_registry.domain.code_tables import PupilStatus
from xueji_registry.domain.names import check_name, normalise_name
from xueji_registry.platform_api.finding import find_pupil
from xueji_registry.pupils.model import is_active
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils


def _same_name(given: str, recorded: str) -> bool:
    return not check_name(given) and normalise_name(given) == recorded


def lookup_of(state: PupilState) -> PupilLookup:
    open_case = None
    if state.open_case_id:
        open_case = OpenCase(case_id=state.open_case_id, kind=state.open_case_kind or "")
    return PupilLookup(
        pupil_id=state.id,
        national_number=state.national_number,
        name=state.name,
        gender=state.gender,
        birth_date=state.birth_date,
        school_code=state.school.code,
        school_path=list(state.school.path),
        grade=state.grade,
        class_code=state.school_class.code if state.school_class else None,
        stage=state.stage,
        status=state.status,
        registration_state=state.registration_state,
        problem=state.problem,
        open_case=open_case,
        suspended=state.status == PupilStatus.SUSPENDED,
        disciplined=state.under_discipline,
    )


async def lookup(session: AsyncSession, number: str, name: str) -> PupilLookup:
    state = await find_pupil(session, number)
    if state is None:
        raise DomainError(errors.PUPIL_NOT_FOUND, field="number")
    if not _same_name(name, state.name):
        raise DomainError(errors.PUPIL_NAME_MISMATCH, field="name")
    return lookup_of(state)


def open_case_error(state: PupilState) -> DomainError:
    kind, case_id = state.open_case_kind or "", state.open_case_id or ""
    return DomainError(
        errors.PUPIL_HAS_OPEN_CASE,
        field="national_number",
        detail=f"{state.name}（{state.national_number}）有未办结的业务：{kind} {case_id}",
        extra={"open_case": {"case_id": case_id, "kind": kind}},
    )


async def claim(uow: UnitOfWork, data: CaseClaim) -> None:
    """Idempotent for the same case id; the lock is not a record change (no version, no event)."""
    state = await find_pupil(uow.session, data.national_number, lock=True)
    if state is None:
        raise DomainError(errors.PUPIL_NOT_FOUND, field="national_number")
    if state.open_case_id == data.case_id:
        return
    if state.open_case_id:
        raise open_case_error(state)
    if not is_active(state.status, deleted=state.deleted, id_conflict=False):
        raise DomainError(errors.PUPIL_NOT_ACTIVE, detail=state.status)
    if state.problem:
        raise DomainError(errors.PUPIL_HAS_PROBLEMS, detail=state.problem_reasons[0].message)
    await uow.session.execute(
        update(pupils)
        .where(pupils.c.id == state.id)
        .values(open_case_id=data.case_id, open_case_kind=data.kind)
    )
    await uow.commit()


async def release(uow: UnitOfWork, data: CaseRelease) -> bool:
    """False when that case did not hold the lock (already released, or never claimed)."""
    state = await find_pupil(uow.session, data.national_number, lock=True)
    if state is None or state.open_case_id != data.case_id:
        return False
    await uow.session.execute(
        update(pupils)
        .where(pupils.c.id == state.id, pupils.c.open_case_id == data.case_id)
        .values(open_case_id=None, open_case_kind=None)
    )
    await uow.commit()
    return True
