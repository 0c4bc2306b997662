"""The pupils service's stored form of a candidate that passed every check, without re-checking.

`candidates.validate_candidate` runs the record checks again and normalises;
the import has just run them (`check_pupil`) and only needs the normalising,
for 200,000 rows. Unit tests hold this to `validate_candidate`'s values.
"""

from __future__ import annotations

from xueji_registry.domain.local_number import normalise_local_number
from xueji_registry.domain.names import normalise_name
from xueji_registry.domain.text_width import fold_full_width, normalise_identifier
from xueji_registry.pupils.candidates import PupilCandidate, ValidatedPupil
from xueji_registry.pupils.model import graduation_year
from xueji_registry.pupils.state import Guardian, SchoolRef


def _text(raw: str | None) -> str | None:
    if raw is None:
        return None
    return fold_full_width(raw).strip() or None


def _identifier(raw: str | None) -> str | None:
    if raw is None:
        return None
    return normalise_identifier(raw) or None


def validated_without_problems(
    candidate: PupilCandidate, school: SchoolRef, valid_id_number: str
) -> ValidatedPupil:
    """What `validate_candidate` returns for this candidate when it finds no reason."""
    c = candidate
    local = normalise_local_number(c.local_number) if c.local_number else None
    values = PupilCandidate(
        name=normalise_name(c.name),
        gender=_text(c.gender),
        birth_date=c.birth_date,
        grade=c.grade,
        stage=c.stage,
        enrolment_year=c.enrolment_year,
        id_type=_identifier(c.id_type),
        id_number=_identifier(c.id_number),
        local_number=local or None,
        ethnicity=_text(c.ethnicity),
        nationality=_identifier(c.nationality),
        household_division=_text(c.household_division),
        household_address=_text(c.household_address),
        household_nature=_text(c.household_nature),
        address=_text(c.address),
        guardians=tuple(
            Guardian(
                name=_text(g.name) or "",
                relation=_text(g.relation) or "",
                phone=_text(g.phone),
                id_type=_identifier(g.id_type),
                id_number=_identifier(g.id_number),
            )
            for g in c.guardians
        ),
        class_id=c.class_id,
        inclusive_education=c.inclusive_education,
        disability_category=_text(c.disability_category),
        under_discipline=c.under_discipline,
    )
    return ValidatedPupil(
        values=values,
        reasons=(),
        valid_id_number=valid_id_number,
        suspect_key=None,
        graduation_year=graduation_year(c.stage, c.grade, c.enrolment_year, school.province_code),
    )
