"""Inserting new records in bulk; the database decides one person, one record.

`insert_pupils` is the path both the one-by-one API and the Excel import take. It writes
with `INSERT … ON CONFLICT DO NOTHING`: when two transactions insert the same ID number at
two schools, the second waits for the first and then skips its row instead of failing
the whole transaction, so the other rows of an import still go in.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.dialects.postgresql import insert

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry.classes.lookup import check_class_grade, classes_for
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import ValidatedPupil
from xueji_registry.pupils.entry.drafting import (
    duplicate_reason,
    national_number_for,
    new_state,
    temporary_prefix_for,
)
from xueji_registry.pupils.holders import Holder, active_holders
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.state import PupilState, SchoolRef
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.history import record_numbers
from xueji_registry.pupils.writing.numbers import NumberAllocator

_ATTEMPTS = 3


@dataclass(frozen=True)
class DuplicateId:
    """Not inserted: another active record (maybe earlier in the same batch) holds the ID."""

    holder: Holder


InsertResult = PupilState | DuplicateId


async def _insert(
    uow: UnitOfWork, states: Sequence[PupilState], batch: str | None
) -> set[uuid.UUID]:
    """The ids actually inserted; a row a unique index refuses is skipped, not an error."""
    if not states:
        return set()
    # One cached statement, batched by SQLAlchemy's insertmanyvalues into multi-row INSERTs.
    statement = insert(pupils).on_conflict_do_nothing().returning(pupils.c.id)
    rows = [{**row_values(s), "import_batch_id": batch} for s in states]
    return set((await uow.session.execute(statement, rows)).scalars())


async def insert_pupils(
    uow: UnitOfWork,
    actor: Principal,
    school: SchoolRef,
    candidates: Sequence[ValidatedPupil],
    *,
    numbers: NumberAllocator,
    import_batch_id: str | None = None,
    keep_duplicates: bool = False,
) -> list[InsertResult]:
    """Insert validated pupils of `school`; one result per candidate, in order.

    The caller has checked that `actor` may enter pupils at `school`. A candidate whose ID
    number is active elsewhere comes back as `DuplicateId`, or, with `keep_duplicates`, is
    stored as problem data (ID_NUMBER_DUPLICATE) outside the one-record index. Events are
    published on `uow`; the caller commits.
    """
    class_ids = {c.values.class_id for c in candidates if c.values.class_id is not None}
    school_classes = await classes_for(uow.session, school.code, class_ids)
    now = datetime.now(UTC)
    results: list[InsertResult | None] = [None] * len(candidates)
    pending = list(range(len(candidates)))
    conflicts: dict[int, Holder] = {}
    for _attempt in range(_ATTEMPTS):
        if not pending:
            break
        states = await _draft(candidates, pending, school, school_classes, numbers, now, {})
        inserted = await _insert(uow, states, import_batch_id)
        skipped = [(i, s) for i, s in zip(pending, states, strict=True) if s.id not in inserted]
        for i, state in zip(pending, states, strict=True):
            if state.id in inserted:
                results[i] = state
        holders = await active_holders(
            uow.session, [s.id_number for _, s in skipped if s.id_number]
        )
        pending = []
        for i, state in skipped:
            holder = holders.get(state.id_number or "")
            if holder is None:
                pending.append(i)  # the holder went away meanwhile: try again
            elif keep_duplicates:
                conflicts[i] = holder
            else:
                results[i] = DuplicateId(holder)
    if pending:
        raise DomainError(errors.CONFLICT, detail="学籍号分配冲突，请重试")
    if conflicts:
        order = sorted(conflicts)
        states = await _draft(candidates, order, school, school_classes, numbers, now, conflicts)
        await _insert(uow, states, import_batch_id)
        for i, state in zip(order, states, strict=True):
            results[i] = state
    created = [r for r in results if isinstance(r, PupilState)]
    await record_numbers(
        uow.session,
        [s.id for s in created],
        [s.national_number for s in created],
        reason="首次建立学籍",
        actor=actor,
    )
    for state in created:
        uow.publish(events.created(state, actor, import_batch_id=import_batch_id))
        if state.problem:
            uow.publish(events.problem_detected(state, actor, state.problem_reasons))
    return [r for r in results if r is not None]


async def _draft(
    candidates: Sequence[ValidatedPupil],
    positions: Sequence[int],
    school: SchoolRef,
    school_classes: dict,
    numbers: NumberAllocator,
    now: datetime,
    conflicts: dict[int, Holder],
) -> list[PupilState]:
    """New states for the candidates at `positions`, each with a fresh id and number."""
    chosen = {i: national_number_for(candidates[i], id_conflict=i in conflicts) for i in positions}
    temporary = [i for i in positions if chosen[i] is None]
    issued = await numbers.issue([temporary_prefix_for(candidates[i], school) for i in temporary])
    chosen.update(zip(temporary, issued, strict=True))
    states = []
    for i in positions:
        candidate = candidates[i]
        class_id = candidate.values.class_id
        school_class = school_classes[class_id] if class_id is not None else None
        check_class_grade(school_class, candidate.values.grade)
        extra = ()
        if i in conflicts:
            holder = conflicts[i]
            where = f"{holder.school_name}（{holder.school_code}）"
            extra = (
                duplicate_reason(
                    holder.id_number, school=where, national_number=holder.national_number
                ),
            )
        states.append(
            new_state(
                uuid.uuid4(),
                candidate,
                school=school,
                school_class=school_class,
                national_number=str(chosen[i]),
                now=now,
                id_conflict=i in conflicts,
                extra_reasons=extra,
            )
        )
    return states
