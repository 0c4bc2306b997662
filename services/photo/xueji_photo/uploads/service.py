"""An upload from the request to the outbox: decide, check, store, then one transaction.

The photo row and its photo.accepted event commit together; the partial unique index on
photos makes a second acceptance for the pupil fail however the uploads interleave, and the
loser's objects (under its own attempt's keys) are removed again.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Table, insert
from sqlalchemy.exc import IntegrityError

from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.org_replica import OrgReplica
from xueji_common.uow import UnitOfWork
from xueji_photo import error_codes
from xueji_photo.access import Caller, Recorded, recorded_as
from xueji_photo.province_rules.store import current_rule
from xueji_photo.rules import PhotoRule
from xueji_photo.uploads import decision, events, queries
from xueji_photo.uploads.inspection import Inspection
from xueji_photo.uploads.pool import CheckPool
from xueji_photo.uploads.storage import PhotoStore, photo_key, thumbnail_key
from xueji_photo.uploads.tables import acceptance_sequence, photos, upload_attempts
from xueji_photo.windows.rule import china_today
from xueji_photo.windows.store import window_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attempt:
    id: uuid.UUID
    who: Recorded
    at: datetime
    size_bytes: int

    def row(self, pupil_id: str, outcome: str, **fields: object) -> dict[str, object]:
        return {
            "id": self.id, "pupil_id": pupil_id, "uploader": self.who.uploader,
            "account_id": self.who.account_id, "role": self.who.role,
            "unit_code": self.who.unit_code, "attempted_at": self.at, "outcome": outcome,
            "size_bytes": self.size_bytes, **fields,
        }  # fmt: skip


class Uploads:
    def __init__(
        self, db: Database, outbox: Table, store: PhotoStore, pool: CheckPool, orgs: OrgReplica
    ) -> None:
        self._db = db
        self._outbox = outbox
        self._store = store
        self._pool = pool
        self._orgs = orgs

    async def upload(self, caller: Caller, national_number: str, data: bytes) -> dict:
        at = datetime.now(UTC)
        async with self._db.sessions() as session:
            pupil = decision.check_caller(
                caller, await queries.pupil_by_number(session, national_number)
            )
            who = recorded_as(caller, pupil.school_code)
            attempt = Attempt(uuid.uuid4(), who, at, len(data))
            has_photo = await queries.accepted_photo(session, pupil.pupil_id) is not None
            window = await window_for(session, pupil.scope_path, pupil.cohort)
            rule = (await current_rule(session, pupil.province_code)).rule
        try:
            decision.check_upload(pupil, has_photo, window, china_today())
        except DomainError as error:
            await self._record(attempt.row(pupil.pupil_id, decision.outcome_of(error)))
            raise
        inspection = await self._pool.inspect(data, rule)
        rule_fields = {"rule_id": rule.rule_id, "rule_version": rule.version}
        if not inspection.accepted:
            codes = [code for code, _ in inspection.refusals]
            await self._record(
                attempt.row(pupil.pupil_id, decision.REFUSED, refusal_codes=codes, **rule_fields)
            )
            raise DomainError(
                error_codes.PHOTO_REFUSED,
                detail="；".join(message for _, message in inspection.refusals),
                extra={"refusals": [{"code": c, "message": m} for c, m in inspection.refusals]},
            )
        return await self._accept(attempt, pupil, data, inspection, rule)

    async def _accept(
        self,
        attempt: Attempt,
        pupil: decision.PupilOnRoster,
        data: bytes,
        inspection: Inspection,
        rule: PhotoRule,
    ) -> dict:
        keys = (
            photo_key(pupil.national_number, attempt.id),
            thumbnail_key(pupil.national_number, attempt.id),
        )
        stamp = {"account_id": attempt.who.account_id, "at": attempt.at,
                 "rule": f"{rule.rule_id}:{rule.version}"}  # fmt: skip
        await asyncio.gather(
            self._store.put_photo(keys[0], data, **stamp),
            self._store.put_photo(keys[1], inspection.thumbnail or b"", **stamp),
        )
        photo = {
            "id": attempt.id, "pupil_id": pupil.pupil_id,
            "national_number": pupil.national_number, "school_code": pupil.school_code,
            "scope_path": pupil.scope_path, "object_key": keys[0], "thumbnail_key": keys[1],
            "sha256": inspection.sha256, "width_px": inspection.width,
            "height_px": inspection.height, "dpi": inspection.dpi,
            "size_bytes": inspection.byte_size, "rule_id": rule.rule_id,
            "rule_version": rule.version, "cohort": pupil.cohort, "uploader": attempt.who.uploader,
            "account_id": attempt.who.account_id, "accepted_at": attempt.at,
        }  # fmt: skip
        try:
            async with UnitOfWork(self._db, self._outbox) as uow:
                # The sequence is drawn by the insert itself: one round trip, not two.
                photo["acceptance_sequence"] = await uow.session.scalar(
                    insert(photos)
                    .values({**photo, "acceptance_sequence": acceptance_sequence.next_value()})
                    .returning(photos.c.acceptance_sequence)
                )
                await uow.session.execute(
                    insert(upload_attempts).values(
                        attempt.row(pupil.pupil_id, decision.ACCEPTED,
                                    rule_id=rule.rule_id, rule_version=rule.version)
                    )
                )  # fmt: skip
                school = await self._orgs.find(uow.session, pupil.school_code)
                uow.publish(events.accepted(photo, school.name if school else "", attempt.who))
                await uow.commit()
        except IntegrityError:
            # Another upload for this pupil was accepted first: its row is the photo.
            await self._discard(keys, attempt.id)
            await self._record(attempt.row(pupil.pupil_id, decision.ALREADY_ACCEPTED))
            raise DomainError(error_codes.PHOTO_ALREADY_ACCEPTED) from None
        return photo

    async def _discard(self, keys: tuple[str, ...], attempt_id: uuid.UUID) -> None:
        for key in keys:
            try:
                await self._store.delete(key)
            except DomainError:
                # The key names the pupil: log the attempt instead.
                log.warning("could not remove an object of losing upload %s", attempt_id)

    async def _record(self, attempt: dict[str, object]) -> None:
        async with self._db.sessions() as session, session.begin():
            await session.execute(insert(upload_attempts).values(attempt))
