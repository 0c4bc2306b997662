"""Reopening: the county bureau makes a pupil's accepted photo no longer final (SPEC §6)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.org_replica import OrgReplica
from xueji_common.uow import UnitOfWork
from xueji_photo import error_codes
from xueji_photo.access import may_reopen, may_view
from xueji_photo.uploads import events, queries
from xueji_photo.uploads.tables import photos


async def reopen(
    uow: UnitOfWork, orgs: OrgReplica, officer: Principal, national_number: str, reason: str
) -> dict:
    """Records who reopened the photo and why, and emits photo.reopened; one new upload may
    then be accepted."""
    reason = reason.strip()
    pupil = await queries.pupil_by_number(uow.session, national_number)
    if pupil is None or not may_view(officer, pupil.scope_path):
        raise DomainError(error_codes.PHOTO_PUPIL_NOT_FOUND)
    if not may_reopen(officer, pupil.scope_path):
        raise DomainError(errors.FORBIDDEN)
    if not reason:
        raise DomainError(error_codes.PHOTO_REOPEN_REASON_REQUIRED, field="reason")
    statement = (
        select(photos)
        .where(photos.c.pupil_id == pupil.pupil_id, photos.c.reopened_at.is_(None))
        .with_for_update()
    )
    photo = (await uow.session.execute(statement)).mappings().first()
    if photo is None:
        raise DomainError(error_codes.PHOTO_NOT_FOUND)
    at = datetime.now(UTC)
    await uow.session.execute(
        update(photos)
        .where(photos.c.id == photo["id"])
        .values(reopened_at=at, reopened_by=officer.account_id, reopen_reason=reason)
    )
    school = await orgs.find(uow.session, pupil.school_code)
    uow.publish(events.reopened(photo, school.name if school else "", officer, reason, at))
    await uow.commit()
    return {**photo, "reopened_at": at, "reopened_by": officer.account_id, "reopen_reason": reason}
