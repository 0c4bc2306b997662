"""A pupil as entered (one by one or from an import row), checked and normalised.

`validate_candidate` is pure: the import and the API share it, then hand the result to
`insertion.insert_pupils` or `saving.save_validated`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from xueji_registry.domain.code_tables import GENDERS, RESIDENT_ID_CARD
from xueji_registry.domain.duplicates import suspected_duplicate_key
from xueji_registry.domain.identity_checks import check_id_document
from xueji_registry.domain.local_number import normalise_local_number
from xueji_registry.domain.names import check_name, normalise_name
from xueji_registry.domain.pupil_checks import check_pupil
from xueji_registry.domain.pupil_facts import PupilFacts, SchoolFacts
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import fold_full_width, normalise_identifier
from xueji_registry.pupils.model import graduation_year
from xueji_registry.pupils.state import Guardian, SchoolRef, StoredReason


@dataclass(frozen=True)
class PupilCandidate:
    """What a school entered for one pupil; strings as typed, nothing normalised yet."""

    name: str
    gender: str | None
    birth_date: date | None
    grade: int
    stage: str
    enrolment_year: int
    id_type: str | None = RESIDENT_ID_CARD
    id_number: str | None = None
    local_number: str | None = None
    ethnicity: str | None = None
    nationality: str | None = "CHN"
    household_division: str | None = None
    household_address: str | None = None
    household_nature: str | None = None
    address: str | None = None
    guardians: tuple[Guardian, ...] = ()
    class_id: uuid.UUID | None = None
    inclusive_education: bool = False
    disability_category: str | None = None
    under_discipline: bool = False


@dataclass(frozen=True)
class ValidatedPupil:
    """A candidate with its values normalised and every failed check as a reason."""

    values: PupilCandidate
    reasons: tuple[StoredReason, ...]
    # The valid ID-shaped number the G national number is built on; None without one.
    valid_id_number: str | None
    # name|gender|birth date for pupils without a valid ID (suspected duplicates).
    suspect_key: str | None
    graduation_year: int

    @property
    def problem(self) -> bool:
        return bool(self.reasons)


def _text(raw: str | None) -> str | None:
    if raw is None:
        return None
    text = fold_full_width(raw).strip()
    return text or None


def _identifier(raw: str | None) -> str | None:
    if raw is None:
        return None
    return normalise_identifier(raw) or None


def _normalised(candidate: PupilCandidate) -> PupilCandidate:
    name = candidate.name
    stored_name = normalise_name(name) if not check_name(name) else _text(name) or ""
    local = normalise_local_number(candidate.local_number) if candidate.local_number else None
    return replace(
        candidate,
        name=stored_name,
        gender=_text(candidate.gender),
        id_type=_identifier(candidate.id_type),
        id_number=_identifier(candidate.id_number),
        local_number=local or None,
        ethnicity=_text(candidate.ethnicity),
        nationality=_identifier(candidate.nationality),
        household_division=_text(candidate.household_division),
        household_address=_text(candidate.household_address),
        household_nature=_text(candidate.household_nature),
        address=_text(candidate.address),
        guardians=tuple(
            Guardian(
                name=_text(g.name) or "",
                relation=_text(g.relation) or "",
                phone=_text(g.phone),
                id_type=_identifier(g.id_type),
                id_number=_identifier(g.id_number),
            )
            for g in candidate.guardians
        ),
        disability_category=_text(candidate.disability_category),
    )


def validate_candidate(
    candidate: PupilCandidate,
    *,
    school: SchoolRef,
    today: date,
    waived: Iterable[tuple[str, str]] = (),
) -> ValidatedPupil:
    """Every check of SPEC §2 on one pupil of `school`, except those across records.

    `waived` holds (code, field) pairs the school settled with proof (佐证); they are
    not reported again. One-person-one-record is checked by the database on insert.
    """
    facts = PupilFacts(
        name=candidate.name,
        gender=candidate.gender,
        birth_date=candidate.birth_date,
        grade=candidate.grade,
        stage=candidate.stage,
        enrolment_year=candidate.enrolment_year,
        id_type=candidate.id_type,
        id_number=candidate.id_number,
        local_number=candidate.local_number,
        ethnicity=candidate.ethnicity,
    )
    school_facts = SchoolFacts(school.code, school.province_code, school.stages)
    reasons = check_pupil(facts, today=today, school=school_facts)
    return assemble_validated(candidate, reasons, school=school, today=today, waived=waived)


def assemble_validated(
    candidate: PupilCandidate,
    reasons: Iterable[Reason],
    *,
    school: SchoolRef,
    today: date,
    waived: Iterable[tuple[str, str]] = (),
) -> ValidatedPupil:
    """A `ValidatedPupil` from reasons the caller already has from `check_pupil` on the same
    values (the Excel import checks rows in worker processes); normalises, no re-check."""
    settled = set(waived)
    kept = tuple(
        StoredReason.of(reason)
        for reason in reasons
        if (str(reason.code), reason.field) not in settled
    )
    identity = check_id_document(candidate.id_type, candidate.id_number, today=today)
    valid_id = identity.id_number.value if identity.id_number is not None else None
    values = _normalised(candidate)
    suspect_key = None
    if valid_id is None and values.gender in GENDERS and values.birth_date and values.name:
        suspect_key = suspected_duplicate_key(values.name, values.gender, values.birth_date)
    return ValidatedPupil(
        values=values,
        reasons=kept,
        valid_id_number=valid_id,
        suspect_key=suspect_key,
        graduation_year=graduation_year(
            values.stage, values.grade, values.enrolment_year, school.province_code
        ),
    )
