"""A school's photo roster: its pupils asked for a photo, with a has-photo flag."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from sqlalchemy import Select, exists, not_, or_, select

from xueji_common import errors
from xueji_common.counting import CountedPage, count_matches
from xueji_common.errors import DomainError
from xueji_common.http.deps import Session
from xueji_photo.access import may_see_roster
from xueji_photo.roster.cohorts import ENROLLED, Cohort
from xueji_photo.roster.tables import roster_pupils as t
from xueji_photo.sessions.caller import CurrentCaller
from xueji_photo.uploads.tables import photos

router = APIRouter(prefix="/v1", tags=["roster"])
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]


class RosterPupil(BaseModel):
    national_number: str
    local_number: str
    name: str
    grade: int
    cohort: Cohort
    has_photo: bool


class RosterPage(CountedPage):
    items: list[RosterPupil]


def roster_query(school_code: str, *, without_photo: bool) -> Select:
    """The school's enrolled pupils of a cohort, and every other one still without a photo."""
    has_photo = exists().where(photos.c.pupil_id == t.c.pupil_id, photos.c.reopened_at.is_(None))
    query = select(
        t.c.national_number, t.c.local_number, t.c.name, t.c.grade, t.c.cohort,
        has_photo.label("has_photo"),
    ).where(
        t.c.school_code == school_code,
        t.c.status == ENROLLED,
        or_(t.c.cohort != Cohort.MISSING_PHOTO.value, not_(has_photo)),
    )  # fmt: skip
    return query.where(not_(has_photo)) if without_photo else query


@router.get("/schools/{school_code}/photo-roster", response_model=RosterPage)
async def school_roster(
    school_code: str,
    request: Request,
    caller: CurrentCaller,
    session: Session,
    without_photo: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> RosterPage:
    """`without_photo=true` lists only those still to be photographed."""
    school = await request.app.state.orgs.find(session, school_code)
    if school is None or school.kind != "school" or not may_see_roster(caller, school.scope):
        raise DomainError(errors.NOT_FOUND)
    query = roster_query(school_code, without_photo=without_photo)
    counted = await count_matches(session, query)
    rows = await session.execute(
        query.order_by(t.c.grade, t.c.national_number).limit(limit).offset(offset)
    )
    return RosterPage(
        total=counted.total,
        total_exact=counted.exact,
        items=[RosterPupil.model_validate(dict(row)) for row in rows.mappings()],
    )
