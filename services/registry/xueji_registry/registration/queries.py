"""Reading submissions inside the caller's scope."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.pupils.reading.access import READERS
from xueji_registry.pupils.tables import pupils
from xueji_registry.registration.schemas import SubmissionRead, SubmittedPupil
from xueji_registry.registration.tables import submission_pupils, submissions

_COUNT = (
    select(func.count())
    .where(submission_pupils.c.submission_id == submissions.c.id)
    .scalar_subquery()
    .label("pupil_count")
)


def _read(row: object, pupils_in: list[SubmittedPupil] | None = None) -> SubmissionRead:
    fields = {name: getattr(row, name) for name in SubmissionRead.model_fields if name != "pupils"}
    return SubmissionRead(**fields, pupils=pupils_in or [])


async def list_submissions(
    session: AsyncSession, actor: Principal, *, state: str | None, limit: int, offset: int
) -> list[SubmissionRead]:
    if actor.role not in READERS:
        return []
    query = select(submissions, _COUNT).where(submissions.c.scope_path.startswith(actor.scope))
    if state:
        query = query.where(submissions.c.state == state)
    query = query.order_by(submissions.c.submitted_at.desc()).limit(limit).offset(offset)
    return [_read(row) for row in (await session.execute(query)).all()]


async def get_submission(
    session: AsyncSession, actor: Principal, submission_id: uuid.UUID
) -> SubmissionRead:
    row = (
        await session.execute(select(submissions, _COUNT).where(submissions.c.id == submission_id))
    ).first()
    if row is None or actor.role not in READERS or not actor.covers(row.scope_path):
        raise DomainError(error_codes.SUBMISSION_NOT_FOUND)
    members = await session.execute(
        select(
            pupils.c.id,
            pupils.c.national_number,
            pupils.c.name,
            pupils.c.grade,
            pupils.c.registration_state,
            submission_pupils.c.return_reason,
        )
        .join(pupils, pupils.c.id == submission_pupils.c.pupil_id)
        .where(submission_pupils.c.submission_id == submission_id)
        .order_by(pupils.c.grade, pupils.c.national_number)
    )
    listed = [
        SubmittedPupil(
            pupil_id=m.id,
            national_number=m.national_number,
            name=m.name,
            grade=m.grade,
            registration_state=m.registration_state,
            return_reason=m.return_reason,
        )
        for m in members.all()
    ]
    return _read(row, listed)
