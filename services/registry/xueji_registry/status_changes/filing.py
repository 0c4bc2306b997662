"""A school registrar files one status change for one pupil (SPEC §4)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.domain.code_tables import StatusChangeType
from xueji_registry.evidence.service import documents_for
from xueji_registry.platform_api.cases import open_case_error
from xueji_registry.pupils.model import RegistrationState
from xueji_registry.pupils.reading.access import pupil_for_change
from xueji_registry.pupils.state import PupilState
from xueji_registry.status_changes.cases import NewCase, open_case, province_docks
from xueji_registry.status_changes.launching import CaseLauncher, Launch, LaunchFailure
from xueji_registry.status_changes.province_rules import rules_for
from xueji_registry.status_changes.rules import FILEABLE, PupilFacts, Refusal, refusal
from xueji_registry.status_changes.schemas import StatusChangeCreate
from xueji_workflows.status_change import status_change_workflow_id


def facts_of(state: PupilState) -> PupilFacts:
    return PupilFacts(
        status=state.status,
        stage=state.stage,
        grade=state.grade,
        province_code=state.school.province_code,
        graduation_year=state.graduation_year,
    )


def refusal_error(found: Refusal, field: str | None = None) -> DomainError:
    return DomainError(found.error, field=field, detail=found.detail)


def check_caseable(state: PupilState) -> None:
    """What every case needs of the record: no problems, not under review, no open case."""
    if state.open_case_id:
        raise open_case_error(state)
    if state.problem:
        raise DomainError(
            errors.PUPIL_HAS_PROBLEMS, detail=state.problem_reasons[0].message
        )
    if state.registration_state == RegistrationState.SUBMITTED:
        raise DomainError(error_codes.PUPIL_UNDER_REVIEW)


async def _refusal(
    session: AsyncSession, state: PupilState, change_type: StatusChangeType, evidence: int
) -> Refusal | None:
    rules = await rules_for(session, state.school.province_code)
    return refusal(change_type, facts_of(state), rules, evidence_count=evidence)


async def file_change(
    uow: UnitOfWork,
    actor: Principal,
    data: StatusChangeCreate,
    *,
    launcher: CaseLauncher,
    today: date,
) -> uuid.UUID:
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    if data.change_type not in FILEABLE:
        raise DomainError(
            error_codes.STATUS_CHANGE_TYPE_INVALID,
            field="change_type",
            detail="转学请通过转学申请办理",
        )
    session = uow.session
    state = await pupil_for_change(session, actor, data.pupil_id)
    check_caseable(state)
    documents = await documents_for(session, actor, data.evidence_document_ids, pupil_id=state.id)
    found = await _refusal(session, state, data.change_type, len(documents))
    if found is not None:
        no_evidence = found.error is error_codes.STATUS_CHANGE_EVIDENCE_REQUIRED
        field = "evidence_document_ids" if no_evidence else None
        raise refusal_error(found, field)
    case = NewCase(
        change_type=data.change_type,
        reason=data.reason.strip(),
        effective_on=data.effective_on or today,
        evidence_document_ids=[d.id for d in documents],
    )
    docks = await province_docks(session, state.school.province_code)
    case_id, change = await open_case(session, actor, state, case, docks=docks)
    await uow.commit()
    failure = await launcher.launch(
        Launch(case_id, status_change_workflow_id(state.national_number), change)
    )
    if failure is not None:
        raise launch_error(failure)
    return case_id


def launch_error(failure: LaunchFailure) -> DomainError:
    if failure.code == errors.PUPIL_HAS_OPEN_CASE.code:
        return DomainError(errors.PUPIL_HAS_OPEN_CASE, detail=failure.message)
    return DomainError(errors.WORKFLOW_UNAVAILABLE)
