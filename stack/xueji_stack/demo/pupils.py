"""Demo pupils for `make up`: about 1,000 per demo province, classes, registration, and a few
deliberate problem records (a wrong check digit, an under-age grade-1 pupil, a gender that
contradicts the ID, one ID number at two schools, a suspected duplicate without ID).

Idempotent: a school's classes, pupils and registration are each created only when missing.
One transaction per school, inserted in bulk through `insert_pupils`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.accounts.tables import accounts
from xueji_registry.classes.lookup import school_classes
from xueji_registry.classes.tables import classes
from xueji_registry.orgs.tables import org_units
from xueji_registry.pupils.entry.candidates import PupilCandidate, validate_candidate
from xueji_registry.pupils.entry.drafting import candidate_of
from xueji_registry.pupils.model import china_today, class_code, class_name, school_year
from xueji_registry.pupils.reading.access import find_school
from xueji_registry.pupils.rows import record_query, state_of
from xueji_registry.pupils.state import SchoolRef
from xueji_registry.pupils.tables import pupils
from xueji_registry.pupils.writing.insertion import insert_pupils
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.registration import service as registration
from xueji_registry.registration.schemas import Decision, SubmissionCreate
from xueji_registry.registration.tables import submissions
from xueji_registry.schema import outbox
from xueji_stack.demo.cohorts import (
    PLANS,
    birth_window,
    demo_candidates,
    under_age,
    without_id,
    wrong_check_digit,
)

# The second primary school of each province also holds a pupil of the first: one ID at two
# schools, kept as problem data for the county to resolve.
DUPLICATE_OF = {"2131000201": "2131000101", "2137000201": "2137000101"}
# Schools whose registration the county has not decided yet, to review in the demo.
PENDING_REVIEW = frozenset({"3431000202", "5137000301"})
CLASSES_PER_GRADE = 2
# A pupil without ID entered at both primary schools of a province (a suspected duplicate).
UNIDENTIFIED_NAMES = {"31": "刘思源", "37": "孔祥瑞"}


def _staff(school: SchoolRef, role: Role, *, county: bool = False) -> Principal:
    path = school.path[:-1] if county else school.path
    kind = UnitKind.COUNTY if county else UnitKind.SCHOOL
    return Principal("", "演示数据", role, path[-1], kind, path)


async def _ensure_classes(db: Database, school: SchoolRef, grades: range) -> None:
    async with db.sessions() as session:
        teacher = await session.scalar(
            select(accounts.c.id).where(accounts.c.username == f"{school.code}.teacher")
        )
        rows = [
            {
                "id": uuid.uuid4(),
                "school_code": school.code,
                "scope_path": school.scope_path,
                "code": class_code(grade, number),
                "grade": grade,
                "number": number,
                "name": class_name(grade, number),
                # The demo class teacher leads the first class of the lowest grade.
                "teacher_account_id": teacher if (grade, number) == (grades[0], 1) else None,
            }
            for grade in grades
            for number in range(1, CLASSES_PER_GRADE + 1)
        ]
        await session.execute(insert(classes).values(rows).on_conflict_do_nothing())
        await session.commit()


async def _copy_of_first_pupil(db: Database, school_code: str) -> PupilCandidate | None:
    async with db.sessions() as session:
        row = (
            await session.execute(
                record_query()
                .where(pupils.c.school_code == school_code, pupils.c.problem.is_(False))
                .order_by(pupils.c.national_number)
                .limit(1)
            )
        ).first()
    return replace(candidate_of(state_of(row)), class_id=None) if row else None


async def _planned(
    db: Database, school: SchoolRef, today: date, used_ids: set[str]
) -> list[PupilCandidate]:
    plan = PLANS[school.code]
    async with db.sessions() as session:
        county_name = await session.scalar(
            select(org_units.c.name).where(org_units.c.code == school.county_code)
        )
        by_grade: dict[int, list] = {}
        for ref in (await school_classes(session, school.code)).values():
            by_grade.setdefault(ref.grade, []).append(ref)
    place = (county_name or "").removesuffix("教育局").removesuffix("教育和体育局")
    planned = demo_candidates(
        school, plan, county_name=place, classes=by_grade, today=today, used_ids=used_ids
    )
    unidentified_birth = birth_window(plan.grades[0], today)[0].replace(month=11, day=11)
    unidentified_name = UNIDENTIFIED_NAMES[school.province_code]
    if school.code in DUPLICATE_OF.values():
        planned[1] = wrong_check_digit(planned[1])
        planned[2] = under_age(planned[2], today, used_ids, school.county_code)
        planned[3] = without_id(planned[3], name=unidentified_name, birth=unidentified_birth)
    if school.code in DUPLICATE_OF:
        planned[1] = replace(planned[1], gender="2" if planned[1].gender == "1" else "1")
        planned[3] = without_id(planned[3], name=unidentified_name, birth=unidentified_birth)
        twin = await _copy_of_first_pupil(db, DUPLICATE_OF[school.code])
        if twin is not None:
            planned.append(replace(twin, grade=planned[0].grade, stage=planned[0].stage))
    return planned


async def _register(db: Database, school: SchoolRef, today: date) -> None:
    async with db.sessions() as session:
        submitted = await session.scalar(
            select(func.count())
            .select_from(submissions)
            .where(
                submissions.c.school_code == school.code,
                submissions.c.school_year == school_year(today),
            )
        )
    if submitted:
        return
    async with UnitOfWork(db, outbox) as uow:
        registrar = _staff(school, Role.SCHOOL_REGISTRAR)
        submission_id = await registration.submit(uow, registrar, SubmissionCreate(), today=today)
    if school.code not in PENDING_REVIEW:
        async with UnitOfWork(db, outbox) as uow:
            officer = _staff(school, Role.COUNTY_OFFICER, county=True)
            await registration.decide(uow, officer, submission_id, Decision(decision="approve"))


async def seed_demo_pupils(db: Database, school_codes: Sequence[str]) -> None:
    """Classes, pupils and registration of the demo schools that do not have them yet."""
    today = china_today()
    numbers = NumberAllocator(db)
    used_ids: set[str] = set()
    for code in school_codes:
        async with db.sessions() as session:
            school = await find_school(session, code)
            count = await session.scalar(
                select(func.count()).select_from(pupils).where(pupils.c.school_code == code)
            )
        if school is None or code not in PLANS:
            continue
        await _ensure_classes(db, school, PLANS[code].grades)
        if not count:
            planned = await _planned(db, school, today, used_ids)
            validated = [validate_candidate(c, school=school, today=today) for c in planned]
            async with UnitOfWork(db, outbox) as uow:
                registrar = _staff(school, Role.SCHOOL_REGISTRAR)
                await insert_pupils(
                    uow, registrar, school, validated, numbers=numbers, keep_duplicates=True
                )
                await uow.commit()
        await _register(db, school, today)
