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
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.contract.snapshot import Change
from xueji_registry.pupils.entry.candidates import ValidatedPupil
from xueji_registry.pupils.holders import (
    Holder,
    active_holders,
    duplicate_id_error,
    is_one_record_violation,
)
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.changes import ReasonDelta, field_changes, reason_delta
from xueji_registry.pupils.writing.history import ChangeContext, record_changes, replace_number
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.pupils.writing.versions import class_for_change, next_version


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
    school_class = await class_for_change(session, old, validated)
    saved = _compared(old, await next_version(old, validated, school_class, numbers))
    if not _alters_record(saved) and not old.id_conflict:
        return _unchanged(saved)
    stored = await _write_unless_held(session, saved.after)
    if stored is None:
        holder = await _holder_of_kept_id(session, old, saved.after)
        saved = _compared(old, await next_version(old, validated, school_class, numbers, holder))
        if not _alters_record(saved):
            return _unchanged(saved)
        stored = await write_state(session, saved.after)
    await _record_history(session, actor, saved, stored, context)
    return replace(saved, after=stored)


def _compared(old: PupilState, new: PupilState) -> Saved:
    """`new`, not stored yet, with what it changes on `old`."""
    delta = reason_delta(old.problem_reasons, new.problem_reasons)
    return Saved(old, new, field_changes(old, new), delta)


def _alters_record(saved: Saved) -> bool:
    return bool(saved.changes or saved.delta.detected or saved.delta.resolved)


def _unchanged(saved: Saved) -> Saved:
    return Saved(saved.before, saved.before, [], saved.delta)


async def _write_unless_held(session: AsyncSession, new: PupilState) -> PupilState | None:
    """Store `new` under a savepoint; None, and nothing stored, when an index of one person,
    one record refuses it."""
    try:
        async with session.begin_nested():
            return await write_state(session, new)
    except IntegrityError as error:
        if not is_one_record_violation(error):
            raise
        return None


async def _holder_of_kept_id(session: AsyncSession, old: PupilState, new: PupilState) -> Holder:
    """The active record holding the ID number `new` was refused for, when `old` is a record
    in conflict keeping that ID; otherwise the refusal."""
    holders = await active_holders(session, [new.id_number or ""], exclude={old.id})
    holder = holders.get(new.id_number or "")
    if holder is None:
        raise DomainError(errors.CONFLICT)
    if not (old.id_conflict and new.id_number == old.id_number):
        raise duplicate_id_error(holder)
    return holder


async def _record_history(
    session: AsyncSession,
    actor: Principal,
    saved: Saved,
    stored: PupilState,
    context: ChangeContext,
) -> None:
    """The changed fields, and the new national number if it changed."""
    old = saved.before
    await record_changes(
        session,
        pupil_id=old.id,
        changes=saved.changes,
        context=context,
        actor=actor,
        record_version=stored.record_version,
    )
    if stored.national_number != old.national_number:
        await replace_number(
            session, old.id, stored.national_number, reason=context.reason, actor=actor
        )


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
