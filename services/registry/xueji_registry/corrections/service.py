"""Correction requests for registered core fields: the school asks, the county decides."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.common.v1.actor_pb2 import Actor
from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.corrections.schemas import CorrectionCreate, CorrectionDecision
from xueji_registry.corrections.tables import corrections
from xueji_registry.evidence.service import documents_for
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import (
    PupilCandidate,
    ValidatedPupil,
    validate_candidate,
)
from xueji_registry.pupils.entry.drafting import candidate_of
from xueji_registry.pupils.model import RegistrationState
from xueji_registry.pupils.reading.access import READERS, pupil_for_change, pupil_for_decision
from xueji_registry.pupils.schemas import ReasonRead
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.writing.changes import reason_delta
from xueji_registry.pupils.writing.history import ChangeContext
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.pupils.writing.saving import publish_saved, save_validated

CORE = ("name", "id_number", "birth_date", "gender")


def _text(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else (None if value is None else str(value))


def _corrected(old: PupilState, changes: dict[str, Any], today: date) -> ValidatedPupil:
    """The record with the new core values, checked; refused if that creates new problems."""
    candidate: PupilCandidate = replace(candidate_of(old), **changes)
    waived = [r.key for r in old.waived_reasons]
    validated = validate_candidate(candidate, school=old.school, today=today, waived=waived)
    detected = reason_delta(old.problem_reasons, validated.reasons).detected
    if detected:
        raise DomainError(
            error_codes.CORRECTION_INVALID,
            field=detected[0].field,
            detail=detected[0].message,
            extra={"reasons": [ReasonRead.of(r).model_dump() for r in detected]},
        )
    return validated


async def request_correction(
    uow: UnitOfWork, actor: Principal, data: CorrectionCreate, *, today: date
) -> uuid.UUID:
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    old = await pupil_for_change(uow.session, actor, data.pupil_id)
    if not old.core_locked:
        raise DomainError(error_codes.CORRECTION_ONLY_REGISTERED)
    if old.registration_state == RegistrationState.SUBMITTED:
        raise DomainError(error_codes.PUPIL_UNDER_REVIEW)
    validated = _corrected(old, data.changes.model_dump(exclude_none=True), today)
    listed = [
        {
            "field": f,
            "old_value": _text(getattr(old, f)),
            "new_value": _text(getattr(validated.values, f)),
        }
        for f in CORE
        if getattr(old, f) != getattr(validated.values, f)
    ]
    if not listed:
        raise DomainError(error_codes.CORRECTION_NO_CHANGE)
    await documents_for(uow.session, actor, data.evidence_document_ids, pupil_id=old.id)
    pending = await uow.session.scalar(
        select(corrections.c.id).where(
            corrections.c.pupil_id == old.id, corrections.c.state == "pending"
        )
    )
    if pending is not None:
        raise DomainError(error_codes.CORRECTION_PENDING, detail=str(pending))
    correction_id = uuid.uuid4()
    await uow.session.execute(
        insert(corrections).values(
            id=correction_id,
            pupil_id=old.id,
            scope_path=old.scope_path,
            changes=listed,
            reason=data.reason.strip(),
            evidence_document_ids=list(dict.fromkeys(data.evidence_document_ids)),
            requested_by=actor.account_id,
            requested_by_name=actor.name,
            requested_by_role=actor.role.value,
            requested_by_unit=actor.unit_code,
        )
    )
    await uow.commit()
    return correction_id


async def _pending_for_county(
    session: AsyncSession, actor: Principal, correction_id: uuid.UUID
) -> Any:
    if actor.role is not Role.COUNTY_OFFICER:
        raise DomainError(errors.FORBIDDEN)
    row = (
        await session.execute(
            select(corrections).where(corrections.c.id == correction_id).with_for_update()
        )
    ).first()
    if row is None or not actor.covers(row.scope_path):
        raise DomainError(error_codes.CORRECTION_NOT_FOUND)
    if row.state != "pending":
        raise DomainError(error_codes.CORRECTION_DECIDED)
    return row


def _new_values(row: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for change in row.changes:
        value = change["new_value"]
        if change["field"] == "birth_date" and value is not None:
            value = date.fromisoformat(value)
        values[change["field"]] = value
    return values


async def decide_correction(
    uow: UnitOfWork,
    actor: Principal,
    correction_id: uuid.UUID,
    decision: CorrectionDecision,
    *,
    numbers: NumberAllocator,
    today: date,
) -> None:
    """Approval writes the fields with their history and emits pupil.corrected."""
    row = await _pending_for_county(uow.session, actor, correction_id)
    if decision.decision == "approve":
        old = await pupil_for_decision(uow.session, actor, row.pupil_id)
        validated = _corrected(old, _new_values(row), today)
        context = ChangeContext(reason=row.reason, source="correction", source_id=str(row.id))
        saved = await save_validated(uow, actor, old, validated, numbers=numbers, context=context)
        requested_by = Actor(
            account_id=row.requested_by,
            name=row.requested_by_name,
            role=row.requested_by_role,
            unit_code=row.requested_by_unit,
        )
        main = events.corrected(
            saved.after,
            actor,
            correction_id=str(row.id),
            changes=saved.changes,
            reason=row.reason,
            evidence_document_ids=[str(i) for i in row.evidence_document_ids],
            requested_by=requested_by,
        )
        publish_saved(uow, actor, saved, main)
    await uow.session.execute(
        update(corrections)
        .where(corrections.c.id == correction_id)
        .values(
            state="approved" if decision.decision == "approve" else "refused",
            decided_by=actor.account_id,
            decided_by_name=actor.name,
            decided_at=func.now(),
            refusal_reason=decision.reason if decision.decision == "refuse" else None,
        )
    )
    await uow.commit()


async def get_correction(session: AsyncSession, actor: Principal, correction_id: uuid.UUID) -> Any:
    row = (
        await session.execute(select(corrections).where(corrections.c.id == correction_id))
    ).first()
    if row is None or not actor.covers(row.scope_path):
        raise DomainError(error_codes.CORRECTION_NOT_FOUND)
    return row


async def list_corrections(
    session: AsyncSession, actor: Principal, *, state: str | None, limit: int, offset: int
) -> list[Any]:
    if actor.role not in READERS:
        return []
    query = select(corrections).where(corrections.c.scope_path.startswith(actor.scope))
    if state:
        query = query.where(corrections.c.state == state)
    query = query.order_by(corrections.c.requested_at.desc()).limit(limit).offset(offset)
    return list((await session.execute(query)).all())
