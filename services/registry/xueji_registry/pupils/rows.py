"""Reading pupil rows (with their school and class) into `PupilState`, and back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_registry.classes.tables import classes
from xueji_registry.orgs.tables import org_units, schools
from xueji_registry.pupils.state import ClassRef, Guardian, PupilState, SchoolRef, StoredReason
from xueji_registry.pupils.tables import pupils

# Columns PupilState takes straight from the pupils table.
_PLAIN = (
    "id", "national_number", "name", "gender", "birth_date", "grade", "stage",
    "enrolment_year", "graduation_year", "status", "registration_state", "record_version",
    "updated_at", "local_number", "ethnicity", "nationality", "id_type", "id_number",
    "household_division", "household_address", "household_nature", "address",
    "registration_year", "registered_at", "inclusive_education", "disability_category",
    "under_discipline", "id_conflict",
    "suspect_key", "deleted", "open_case_id", "open_case_kind",
    "created_at",
)  # fmt: skip


def record_query() -> Select[Any]:
    """Pupils with their school and class; add where clauses and locks to taste."""
    return (
        select(
            pupils,
            org_units.c.name.label("school_name"),
            org_units.c.scope_path.label("school_scope"),
            schools.c.county_code.label("school_county"),
            schools.c.stages.label("school_stages"),
            schools.c.special_education.label("school_special"),
            classes.c.code.label("class_code"),
            classes.c.grade.label("class_grade"),
            classes.c.name.label("class_name"),
            classes.c.teacher_account_id.label("class_teacher"),
        )
        .join(org_units, org_units.c.code == pupils.c.school_code)
        .join(schools, schools.c.code == pupils.c.school_code)
        .outerjoin(classes, classes.c.id == pupils.c.class_id)
    )


def school_of(row: Any) -> SchoolRef:
    return SchoolRef(
        code=row.school_code,
        name=row.school_name,
        path=tuple(row.school_scope.strip("/").split("/")),
        county_code=row.school_county,
        stages=frozenset(row.school_stages),
        special_education=row.school_special,
    )


def state_of(row: Any) -> PupilState:
    school_class = None
    if row.class_id is not None:
        school_class = ClassRef(
            id=row.class_id,
            school_code=row.school_code,
            code=row.class_code,
            grade=row.class_grade,
            name=row.class_name,
            teacher_account_id=row.class_teacher,
        )
    return PupilState(
        **{name: getattr(row, name) for name in _PLAIN},
        school=school_of(row),
        school_class=school_class,
        previous_national_numbers=tuple(row.previous_national_numbers),
        guardians=tuple(Guardian.from_json(g) for g in row.guardians),
        problem_reasons=tuple(StoredReason.from_json(r) for r in row.problem_reasons),
        waived_reasons=tuple(StoredReason.from_json(r) for r in row.waived_reasons),
    )


def row_values(state: PupilState) -> dict[str, Any]:
    """Every column of the pupils table for this state (for inserts)."""
    values: dict[str, Any] = {name: getattr(state, name) for name in _PLAIN}
    values.update(
        school_code=state.school.code,
        scope_path=state.scope_path,
        class_id=state.school_class.id if state.school_class else None,
        previous_national_numbers=list(state.previous_national_numbers),
        guardians=[g.to_json() for g in state.guardians],
        problem_reasons=[r.to_json() for r in state.problem_reasons],
        waived_reasons=[r.to_json() for r in state.waived_reasons],
        problem=state.problem,
    )
    return values


async def load_states(
    session: AsyncSession, ids: Sequence[Any], *, lock: bool = False
) -> list[PupilState]:
    """The records with these ids, in the order given (missing ones left out)."""
    if not ids:
        return []
    query = record_query().where(pupils.c.id.in_(list(ids)))
    if lock:
        query = query.with_for_update(of=pupils)
    rows = {row.id: state_of(row) for row in (await session.execute(query)).all()}
    return [rows[i] for i in ids if i in rows]


async def load_state(
    session: AsyncSession, pupil_id: Any, *, lock: bool = False
) -> PupilState | None:
    found = await load_states(session, [pupil_id], lock=lock)
    return found[0] if found else None
