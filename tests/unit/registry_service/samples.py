"""Fixed values for the registry service's pure tests."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.pupils.entry.candidates import PupilCandidate
from xueji_registry.pupils.state import SchoolRef

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SCHOOL = SchoolRef(
    code="2131000101",
    name="上海市青浦区金泽小学",
    path=("CN", "31", "3101", "310118", "2131000101"),
    county_code="310118",
    stages=frozenset({"primary"}),
)
BIRTH = date(2019, 3, 15)
ID_MALE = make_id_number("310118", BIRTH, 11)
ID_FEMALE = make_id_number("310118", BIRTH, 12)
PUPIL_ID = uuid.UUID("00000000-0000-0000-0000-000000000123")


def candidate(**changes: object) -> PupilCandidate:
    """A valid grade-1 boy of SCHOOL in the 2026 school year."""
    values: dict[str, object] = {
        "name": "张小明",
        "gender": "1",
        "birth_date": BIRTH,
        "grade": 1,
        "stage": "primary",
        "enrolment_year": 2026,
        "id_number": ID_MALE,
        "ethnicity": "01",
    }
    values.update(changes)
    return PupilCandidate(**values)  # type: ignore[arg-type]
