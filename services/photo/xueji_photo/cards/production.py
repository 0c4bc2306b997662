"""Producing a card batch, synchronously in the request.

A batch is at most `photo_card_batch_max_size` photos (500 by default): a few seconds of reading
photos from object storage, well inside an HTTP request, so no background job is needed and the
caller gets the batch (or the reason it failed) at once. One transaction holds the whole
production: an advisory lock per province serialises batches of overlapping units (a county
and its city or province), the chosen photo rows are locked against reopening, the zip is
written under the batch's own key, then the batch, its members and card_batch.produced commit
together. A failed commit leaves only an unreferenced zip behind, never a batch without its
file; the unique photo_id of the members is the last guard against a photo carded twice.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Table, func, insert, select, text

from xueji_common.auth.principal import Principal
from xueji_common.db import Database
from xueji_common.org_replica import OrgReplica
from xueji_common.uow import UnitOfWork
from xueji_photo.cards import events
from xueji_photo.cards.authority import unit_for
from xueji_photo.cards.candidates import next_candidates
from xueji_photo.cards.manifest import WORKBOOK_NAME, card_workbook
from xueji_photo.cards.package import PackagedPhoto, PackageStore
from xueji_photo.cards.selection import batch_size, plan_batch
from xueji_photo.cards.tables import card_batch_members, card_batches

STUDENT_CARD = "student_card"


def card_batch_key(unit_code: str, batch_id: uuid.UUID) -> str:
    return f"card-batches/{unit_code}/{batch_id}.zip"


class CardProduction:
    def __init__(
        self, db: Database, outbox: Table, orgs: OrgReplica, packages: PackageStore, limit: int
    ) -> None:
        self._db = db
        self._outbox = outbox
        self._orgs = orgs
        self._packages = packages
        self.limit = limit

    async def produce(self, caller: Principal, unit_code: str, requested: int | None) -> dict:
        size = batch_size(requested, self.limit)
        async with UnitOfWork(self._db, self._outbox) as uow:
            unit = await unit_for(uow.session, self._orgs, caller, unit_code, producing=True)
            await uow.session.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                {"key": f"photo-card-batches-{unit.province_code or unit.code}"},
            )
            plan = plan_batch(await next_candidates(uow.session, unit.scope, size), size)
            batch_id, at = uuid.uuid4(), datetime.now(UTC)
            key = card_batch_key(unit.code, batch_id)
            photos = [PackagedPhoto(m.file_name, m.candidate.object_key) for m in plan.members]
            await self._packages.put_package(key, WORKBOOK_NAME, card_workbook(plan), photos)
            number = await uow.session.scalar(
                select(func.coalesce(func.max(card_batches.c.batch_number), 0) + 1).where(
                    card_batches.c.unit_code == unit.code, card_batches.c.kind == STUDENT_CARD
                )
            )
            batch = {
                "id": batch_id, "kind": STUDENT_CARD, "unit_code": unit.code,
                "scope_path": unit.scope, "batch_number": number, "size": len(plan.members),
                "first_sequence": plan.first_sequence, "last_sequence": plan.last_sequence,
                "object_key": key, "produced_by": caller.account_id, "produced_at": at,
            }  # fmt: skip
            members = [
                {"batch_id": batch_id, "position": m.position, "photo_id": m.candidate.photo_id,
                 "pupil_id": m.candidate.pupil_id, "national_number": m.candidate.national_number,
                 "acceptance_sequence": m.candidate.acceptance_sequence,
                 "reprint": m.candidate.carded_before}
                for m in plan.members
            ]  # fmt: skip
            await uow.session.execute(insert(card_batches).values(batch))
            await uow.session.execute(insert(card_batch_members), members)
            uow.publish(events.produced(str(batch_id), unit, plan, caller, at))
            await uow.commit()
        return {**batch, "members": members}
