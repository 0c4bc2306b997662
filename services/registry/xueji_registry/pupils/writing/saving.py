"""Writing a changed record: validated values, national number, history and events.

`save_validated` is how every change that runs the checks lands (updates, corrections,
proof, re-checks). It never commits; it returns what changed so the caller can publish
its own event (pupil.updated, pupil.corrected, …) and then `publish_saved` adds the
problem events in order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.uow import UnitOfWork
from xueji_registry.classes.lookup import check_class_grade, classes_for
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.contract.snapshot import Change
from xueji_registry.pupils.entry.candidates import ValidatedPupil
from xueji_registry.pupils.entry.drafting import (
    duplicate_reason,
    national_number_for,
    next_state,
    temporary_prefix_for,
)
from xueji_registry.pupils.holders import (
    active_holders,
    duplicate_id_error,
    is_one_record_violation,
)
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.state import ClassRef, PupilState
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.changes import ReasonDelta, field_changes, reason_delta
from xueji_registry.pupils.writing.history import ChangeContext, record_changes, replace_number
from xueji_registry.pupils.writing.numbers import NumberAllocator


@dataclass(frozen=True)
class Saved:
    before: PupilState
    after: PupilState
    changes: list[Change]
    delta: ReasonDelta

    @property
    def changed(self) -> bool:
        return self.after is not self.before


async def write_state(session: AsyncSession, new: PupilState, **columns: object) -> PupilState:
    """Store every column of `new` (and `columns`), bumping the record version."""
    values = row_values(new)
    for fixed in ("id", "created_at"):
        values.pop(fixed)
    values.update(columns, record_version=pupils.c.record_version + 1, updated_at=func.now())
    row = (
        await session.execute(
            update(pupils)
            .where(pupils.c.id == new.id)
            .values(**values)
            .returning(pupils.c.record_version, pupils.c.updated_at)
        )
    ).one()
    return replace(new, record_version=row.record_version, updated_at=row.updated_at)


async def _class_of(
    session: AsyncSession, old: PupilState, validated: ValidatedPupil
) -> ClassRef | None:
    class_id = validated.values.class_id
    if class_id is None:
        return None
    if old.school_class is not None and old.school_class.id == class_id:
        school_class = old.school_class
    else:
        school_class = (await classes_for(session, old.school.code, [class_id]))[class_id]
    check_class_grade(school_class, validated.values.grade)
    return school_class


async def _number(
    old: PupilState, validated: ValidatedPupil, numbers: NumberAllocator, *, conflict: bool
) -> str:
    chosen = national_number_for(validated, id_conflict=conflict)
    if chosen is not None:
        return chosen
    if old.national_number[0] in "LJ":
        return old.national_number
    return (await numbers.issue([temporary_prefix_for(validated, old.school)]))[0]


async def save_validated(
    uow: UnitOfWork,
    actor: Principal,
    old: PupilState,
    validated: ValidatedPupil,
    *,
    numbers: NumberAllocator,
    context: ChangeContext,
) -> Saved:
    """Store the validated values on the record `old` (locked by the caller).

    An ID number active at another record is refused with PUPIL_DUPLICATE_ID, except on
    a record already in conflict that keeps its ID: it stays problem data.
    """
    session = uow.session
    school_class = await _class_of(session, old, validated)
    may_stay_in_conflict = old.id_conflict and validated.values.id_number == old.id_number
    new = next_state(
        old,
        validated,
        school_class=school_class,
        national_number=await _number(old, validated, numbers, conflict=False),
    )
    changes = field_changes(old, new)
    delta = reason_delta(old.problem_reasons, new.problem_reasons)
    if not changes and not delta.detected and not delta.resolved and not old.id_conflict:
        return Saved(old, old, [], delta)
    try:
        async with session.begin_nested():
            stored = await write_state(session, new)
    except IntegrityError as error:
        if not is_one_record_violation(error):
            raise
        holders = await active_holders(session, [new.id_number or ""], exclude={old.id})
        holder = holders.get(new.id_number or "")
        if holder is None:
            raise DomainError(errors.CONFLICT) from None
        if not may_stay_in_conflict:
            raise duplicate_id_error(holder) from None
        where = f"{holder.school_name}（{holder.school_code}）"
        reason = duplicate_reason(
            holder.id_number, school=where, national_number=holder.national_number
        )
        new = next_state(
            old,
            validated,
            school_class=school_class,
            national_number=await _number(old, validated, numbers, conflict=True),
            id_conflict=True,
            extra_reasons=(reason,),
        )
        changes = field_changes(old, new)
        delta = reason_delta(old.problem_reasons, new.problem_reasons)
        if not changes and not delta.detected and not delta.resolved:
            return Saved(old, old, [], delta)
        stored = await write_state(session, new)
    await record_changes(
        session,
        pupil_id=old.id,
        changes=changes,
        context=context,
        actor=actor,
        record_version=stored.record_version,
    )
    if stored.national_number != old.national_number:
        await replace_number(
            session, old.id, stored.national_number, reason=context.reason, actor=actor
        )
    return Saved(old, stored, changes, delta)


def publish_saved(
    uow: UnitOfWork,
    actor: Principal,
    saved: Saved,
    main: OutgoingEvent | None,
    *,
    resolution: int = pb.PROBLEM_RESOLUTION_CORRECTED,
    evidence_document_ids: tuple[str, ...] = (),
) -> None:
    """The change's own event first, then what it did to the record's problems."""
    if not saved.changed:
        return
    if main is not None:
        uow.publish(main)
    if saved.delta.detected:
        uow.publish(events.problem_detected(saved.after, actor, saved.delta.detected))
    if saved.delta.resolved:
        uow.publish(
            events.problem_resolved(
                saved.after,
                actor,
                saved.delta.resolved,
                resolution=resolution,
                evidence_document_ids=evidence_document_ids,
            )
        )
