"""Inserting new records in bulk; the database decides one person, one record.

`insert_pupils` is the path both the one-by-one API and the Excel import take. It writes
with `INSERT … ON CONFLICT DO NOTHING`: when two transactions insert the same ID number at
two schools, the second waits for the first and then skips its row instead of failing
the whole transaction, so the other rows of an import still go in.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.dialects.postgresql import insert

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import ValidatedPupil
from xueji_registry.pupils.holders import Holder, active_holders
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.state import PupilState, SchoolRef
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.history import FIRST_NUMBER, record_numbers
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.pupils.writing.versions import NewRecords, classes_of

_ATTEMPTS = 3


@dataclass(frozen=True)
class DuplicateId:
    """Not inserted: another active record (maybe earlier in the same batch) holds the ID."""

    holder: Holder


InsertResult = PupilState | DuplicateId


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
    drafts = NewRecords(
        candidates, school, await classes_of(uow.session, school, candidates), numbers,
        now=datetime.now(UTC), import_batch_id=import_batch_id,
    )  # fmt: skip
    inserted, held = await _insert_first_come(uow, drafts)
    if keep_duplicates:
        inserted |= await _insert_as_problem_data(uow, drafts, held)
        held = {}
    created = [inserted[i] for i in sorted(inserted)]
    await _record_first_numbers(uow, actor, created)
    _publish_created(uow, actor, created, import_batch_id)
    return [inserted[i] if i in inserted else DuplicateId(held[i]) for i in range(len(candidates))]


async def _insert_first_come(
    uow: UnitOfWork, drafts: NewRecords
) -> tuple[dict[int, PupilState], dict[int, Holder]]:
    """Insert every candidate under the one-record indexes: by position, the states inserted
    and the active records holding the ID numbers of the others.

    A row refused by a holder that is gone when looked up (its transaction rolled back) is
    drafted and inserted again, up to `_ATTEMPTS` times in all.
    """
    inserted: dict[int, PupilState] = {}
    held: dict[int, Holder] = {}
    pending = list(range(len(drafts.candidates)))
    for _attempt in range(_ATTEMPTS):
        if not pending:
            break
        states = await drafts.draft(pending)
        stored = await _insert(uow, states, drafts.import_batch_id)
        drafted = list(zip(pending, states, strict=True))
        inserted |= {i: state for i, state in drafted if state.id in stored}
        refused = [(i, state) for i, state in drafted if state.id not in stored]
        found = await _holders_of(uow, refused)
        held |= found
        pending = [i for i, _ in refused if i not in found]
    if pending:
        raise DomainError(errors.CONFLICT, detail="学籍号分配冲突，请重试")
    return inserted, held


async def _holders_of(
    uow: UnitOfWork, refused: Sequence[tuple[int, PupilState]]
) -> dict[int, Holder]:
    """By position, the active records holding the ID numbers of refused rows; a row whose
    holder is not found is not in the result."""
    holders = await active_holders(uow.session, [s.id_number for _, s in refused if s.id_number])
    found = {}
    for i, state in refused:
        holder = holders.get(state.id_number or "")
        if holder is not None:
            found[i] = holder
    return found


async def _insert_as_problem_data(
    uow: UnitOfWork, drafts: NewRecords, held: Mapping[int, Holder]
) -> dict[int, PupilState]:
    """The held candidates, stored outside the one-record index, each naming its holder."""
    order = sorted(held)
    states = await drafts.draft(order, held)
    await _insert(uow, states, drafts.import_batch_id)
    return dict(zip(order, states, strict=True))


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


async def _record_first_numbers(
    uow: UnitOfWork, actor: Principal, created: Sequence[PupilState]
) -> None:
    await record_numbers(
        uow.session,
        [s.id for s in created],
        [s.national_number for s in created],
        reason=FIRST_NUMBER,
        actor=actor,
    )


def _publish_created(
    uow: UnitOfWork, actor: Principal, created: Sequence[PupilState], import_batch_id: str | None
) -> None:
    """pupil.created for each new record, followed by its problems when it has any."""
    for state in created:
        uow.publish(events.created(state, actor, import_batch_id=import_batch_id))
        if state.problem:
            uow.publish(events.problem_detected(state, actor, state.problem_reasons))
