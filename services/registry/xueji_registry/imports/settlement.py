"""After the last chunk: duplicates across the file, then the rows needing an issued number.

Duplicates win over everything: every occurrence fails, and occurrences that
were applied are taken out again. Rows without an ID-shaped number go through
the pupils service's own insert, which issues temporary numbers; a row already
at this school (same document, or same name, gender and birth date without a
document) is left unchanged, so a re-import adds nothing.
"""

from __future__ import annotations

from sqlalchemy import select

from xueji_common.uow import UnitOfWork
from xueji_registry.domain.text_width import normalise_identifier
from xueji_registry.imports.chunk_work import FailedRow, ImportJob, PendingRow
from xueji_registry.imports.late_reasons import active_elsewhere, batch_duplicates
from xueji_registry.imports.pipeline import RowLedger
from xueji_registry.imports.staging import ImportStaging
from xueji_registry.pupils.holders import active_holders, active_record
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.insertion import DuplicateId, insert_pupils
from xueji_registry.pupils.writing.numbers import NumberAllocator


async def settle_duplicates(ledger: RowLedger, job: ImportJob, staging: ImportStaging) -> None:
    candidates = sorted(ledger.id_keys.colliding_rows() | ledger.local_keys.colliding_rows())
    if not candidates:
        return
    cells = ledger.cells(candidates)
    id_numbers = [_cell(cells[row], job.layout.get("id_number")) for row in candidates]
    local_numbers = [_cell(cells[row], job.layout.get("local_number")) for row in candidates]
    found = batch_duplicates(candidates, id_numbers, local_numbers)
    if not found:
        return
    id_numbers = {
        normalise_identifier(raw)
        for row, raw in zip(candidates, id_numbers, strict=True)
        if row in found and raw
    }
    ledger.applied -= await staging.withdraw(sorted(id_numbers))
    for row, reasons in found.items():
        if row in ledger.failed:
            failed = ledger.failed[row]
            ledger.failed[row] = FailedRow(row, failed.cells, (*failed.reasons, *reasons))
        else:
            for reason in reasons:
                ledger.fail_late(row, reason)


def _cell(cells: tuple[str, ...], column: int | None) -> str:
    return cells[column] if column is not None and column < len(cells) else ""


async def settle_pending(
    uow: UnitOfWork, job: ImportJob, ledger: RowLedger, numbers: NumberAllocator
) -> None:
    pending = [p for p in ledger.pending if p.row not in ledger.late]
    pending = await _without_known(uow, job, ledger, pending)
    if not pending:
        return
    school = job.context.school
    results = await insert_pupils(
        uow,
        job.actor,
        school,
        [p.pupil for p in pending],
        numbers=numbers,
        import_batch_id=job.import_id,
    )
    for row, result in zip(pending, results, strict=True):
        if not isinstance(result, DuplicateId):
            ledger.applied += 1
        elif result.holder.school_code == school.code:
            ledger.unchanged.add(row.row)
        else:
            reason = active_elsewhere(result.holder)
            ledger.failed[row.row] = FailedRow(row.row, row.cells, (reason,))


async def _without_known(
    uow: UnitOfWork, job: ImportJob, ledger: RowLedger, pending: list[PendingRow]
) -> list[PendingRow]:
    """Pending rows that are not at this school already; the others are counted unchanged."""
    school = job.context.school
    documents = [p.pupil.values.id_number for p in pending if p.pupil.values.id_number]
    holders = await active_holders(uow.session, documents)
    keys = [p.pupil.suspect_key for p in pending if p.pupil.suspect_key]
    known_keys: set[str] = set()
    if keys:
        query = select(pupils.c.suspect_key).where(
            pupils.c.school_code == school.code,
            pupils.c.suspect_key.in_(sorted(set(keys))),
            pupils.c.id_number.is_(None),
            active_record(),
        )
        known_keys = set((await uow.session.execute(query)).scalars())
    remaining = []
    for row in pending:
        holder = holders.get(row.pupil.values.id_number or "")
        if holder is not None and holder.school_code != school.code:
            ledger.failed[row.row] = FailedRow(row.row, row.cells, (active_elsewhere(holder),))
        elif holder is not None or (
            not row.pupil.values.id_number and row.pupil.suspect_key in known_keys
        ):
            ledger.unchanged.add(row.row)
        else:
            remaining.append(row)
    return remaining
