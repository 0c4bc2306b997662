"""The chunk loop: chunks to the workers, their results into the database, in file order.

At most a few chunks are in flight, so memory stays flat however long the
file is. What cannot be decided per chunk (duplicates across the file, rows
needing an issued number) is settled by `settlement` once all chunks are in.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from xueji_common.uow import UnitOfWork
from xueji_registry.domain.reasons import Reason
from xueji_registry.imports.bulk_record import StagedRecords
from xueji_registry.imports.cell_archive import CellArchive
from xueji_registry.imports.chunk_work import ChunkResult, FailedRow, ImportJob, PendingRow
from xueji_registry.imports.duplicate_keys import HashedKeys
from xueji_registry.imports.late_reasons import active_elsewhere, held_elsewhere
from xueji_registry.imports.runtime import ChunkWorkers
from xueji_registry.imports.sheet_chunks import SheetChunk
from xueji_registry.imports.staging import ImportStaging, SkippedRow
from xueji_registry.pupils.holders import active_holders

# Each batch of chunks applied is one savepoint; a transaction with more than 64 of them
# makes every other session's visibility checks slower until it ends (PostgreSQL's
# subtransaction cache overflows).
MAX_SAVEPOINTS = 60


def chunks_per_apply(sheet_bytes: int, chunk_bytes: int) -> int:
    """Chunks applied together, so that the whole sheet takes at most MAX_SAVEPOINTS."""
    chunks = sheet_bytes // chunk_bytes + 1
    return -(-chunks // MAX_SAVEPOINTS)


@dataclass
class RowLedger:
    """What became of every row so far."""

    rows_total: int = 0
    applied: int = 0
    unchanged: set[int] = field(default_factory=set)
    failed: dict[int, FailedRow] = field(default_factory=dict)
    # Failed after staging: reasons now, cells read back from the staging table at the end.
    late: dict[int, list[Reason]] = field(default_factory=dict)
    id_keys: HashedKeys = field(default_factory=HashedKeys)
    local_keys: HashedKeys = field(default_factory=HashedKeys)
    pending: list[PendingRow] = field(default_factory=list)
    archive: CellArchive = field(default_factory=CellArchive)

    def cells(self, rows: list[int]) -> dict[int, tuple[str, ...]]:
        """The uploaded cells of these rows, wherever the row ended up."""
        found = {row: self.failed[row].cells for row in rows if row in self.failed}
        pending = {p.row: p.cells for p in self.pending}
        found |= {row: pending[row] for row in rows if row in pending}
        found |= self.archive.cells(row for row in rows if row not in found)
        return found

    def fail_late(self, row: int, reason: Reason) -> None:
        self.unchanged.discard(row)
        self.late.setdefault(row, []).append(reason)


class ChunkPipeline:
    def __init__(
        self,
        uow: UnitOfWork,
        job: ImportJob,
        staging: ImportStaging,
        workers: ChunkWorkers,
        *,
        chunks_per_apply: int = 1,
    ) -> None:
        self._uow = uow
        self._chunks_per_apply = chunks_per_apply
        self._job = job
        self._staging = staging
        self._workers = workers
        self.ledger = RowLedger()
        self._batch: list[StagedRecords] = []

    async def run(self, chunks: Iterator[SheetChunk], *, parallel: bool) -> RowLedger:
        in_flight: deque[asyncio.Future[ChunkResult]] = deque()
        # While a batch is applied, the workers go on with as many chunks as it held.
        limit = self._workers.in_flight_limit + self._chunks_per_apply - 1
        try:
            while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
                in_flight.append(self._workers.submit(self._job, chunk, parallel=parallel))
                while len(in_flight) >= limit:
                    await self._take(await in_flight.popleft())
            while in_flight:
                await self._take(await in_flight.popleft())
            await self._apply()
        finally:
            for future in in_flight:
                future.cancel()
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)
        return self.ledger

    async def _take(self, result: ChunkResult) -> None:
        ledger = self.ledger
        ledger.rows_total += result.rows
        ledger.failed.update((failed.row, failed) for failed in result.failed)
        ledger.id_keys.extend(result.id_keys)
        ledger.local_keys.extend(result.local_keys)
        ledger.pending.extend(result.pending)
        if result.staged_cells is not None:
            ledger.archive.add(result.staged_cells)
        if result.staged:
            self._batch.append(result.staged)
            if len(self._batch) >= self._chunks_per_apply:
                await self._apply()

    async def _apply(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        skipped = await self._staging.apply(batch)
        self.ledger.applied += sum(map(len, batch)) - len(skipped)
        await self._classify(skipped)

    async def _classify(self, skipped: list[SkippedRow]) -> None:
        """Rows the indexes turned away: already at this school, or held by another school."""
        if not skipped:
            return
        session = self._uow.session
        holders = await active_holders(session, [s.id_number for s in skipped if s.id_number])
        school_code = self._job.context.school.code
        for row in skipped:
            holder = holders.get(row.id_number or "")
            if holder is not None and holder.school_code == school_code:
                self.ledger.unchanged.add(row.row)
            elif holder is not None:
                self.ledger.fail_late(row.row, active_elsewhere(holder))
            else:
                self.ledger.fail_late(row.row, held_elsewhere(None))
