"""`registry.apply_status_change`: write an approved change to the record, once per case.

The case row is locked first; a case already applied answers with its first time, so a
retried activity changes nothing. The rules are checked again against the record as it is
now (it may have changed since filing); a refusal is a `ChangeRefused` with a stable code.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.errors import ErrorCode
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.domain.code_tables import StatusChangeType
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.contract.code_mapping import change_kind_enum
from xueji_registry.pupils.rows import load_state
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.pupils.writing.history import ChangeContext, record_changes
from xueji_registry.pupils.writing.saving import write_state
from xueji_registry.status_changes.cases import requester_of
from xueji_registry.status_changes.filing import facts_of
from xueji_registry.status_changes.province_rules import rules_for
from xueji_registry.status_changes.rules import effect, refusal, type_name
from xueji_registry.status_changes.tables import status_changes


class ChangeRefused(Exception):
    """The record cannot take the change; `code` is the stable error code."""

    def __init__(self, error: ErrorCode, detail: str | None = None) -> None:
        super().__init__(f"{error.message}：{detail}" if detail else error.message)
        self.code = error.code


def decider_of(row: Any) -> Principal:
    """Who approved, as recorded from the workflow's step_decided event."""
    try:
        role = Role(row.decided_by_role)
    except ValueError:
        role = Role.PLATFORM_SERVICE
    return Principal(
        account_id=row.decided_by or "",
        name=row.decided_by_name or "学籍异动审核",
        role=role,
        unit_code=row.decided_by_unit or row.county_code,
        unit_kind=UnitKind.COUNTY,
        unit_path=(),
    )


def _changed(state: PupilState, change_type: StatusChangeType) -> PupilState:
    result = effect(change_type, facts_of(state))
    return replace(
        state,
        status=result.status,
        grade=result.grade,
        graduation_year=result.graduation_year,
        school_class=None if result.leaves_class else state.school_class,
    )


async def _locked_case(uow: UnitOfWork, case_id: str) -> Any:
    try:
        key = uuid.UUID(case_id)
    except ValueError:
        raise ChangeRefused(error_codes.STATUS_CHANGE_NOT_FOUND, case_id) from None
    row = (
        await uow.session.execute(
            select(status_changes).where(status_changes.c.id == key).with_for_update()
        )
    ).first()
    if row is None:
        raise ChangeRefused(error_codes.STATUS_CHANGE_NOT_FOUND, case_id)
    return row


async def apply_change(uow: UnitOfWork, case_id: str, school_code: str) -> datetime:
    """Apply the case; the time it was (first) applied."""
    row = await _locked_case(uow, case_id)
    if row.applied_at is not None:
        return row.applied_at
    session = uow.session
    state = await load_state(session, row.pupil_id, lock=True)
    if state is None or state.deleted:
        raise ChangeRefused(errors.PUPIL_NOT_FOUND, row.national_number)
    if state.school.code != school_code:
        raise ChangeRefused(error_codes.PUPIL_NOT_AT_SCHOOL, school_code)
    change_type = StatusChangeType(row.change_type)
    rules = await rules_for(session, state.school.province_code)
    found = refusal(change_type, facts_of(state), rules, evidence_count=None)
    if found is not None:
        raise ChangeRefused(found.error, found.detail)
    stored = await write_state(session, _changed(state, change_type))
    actor = decider_of(row)
    context = ChangeContext(
        reason=f"{type_name(change_type)}：{row.reason}", source="status_change", source_id=case_id
    )
    await record_changes(
        session,
        pupil_id=state.id,
        changes=field_changes(state, stored),
        context=context,
        actor=actor,
        record_version=stored.record_version,
    )
    uow.publish(
        events.status_changed(
            stored,
            actor,
            status_change_id=case_id,
            kind=change_kind_enum(row.change_type, state.stage),
            previous_status=state.status,
            reason=row.reason,
            effective_date=row.effective_on.isoformat(),
            evidence_document_ids=[str(i) for i in row.evidence_document_ids],
            requested_by=requester_of(row),
        )
    )
    await session.execute(
        update(status_changes)
        .where(status_changes.c.id == row.id)
        .values(applied_at=stored.updated_at, previous_status=state.status)
    )
    await uow.commit()
    return stored.updated_at
