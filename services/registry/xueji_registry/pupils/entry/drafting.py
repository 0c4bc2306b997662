"""Building the next version of a record from a validated candidate; no I/O."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from xueji_registry.domain.code_tables import PupilStatus
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.pupils.entry.candidates import PupilCandidate, ValidatedPupil
from xueji_registry.pupils.holders import Holder
from xueji_registry.pupils.model import RegistrationState, state_after_checks, temporary_prefix
from xueji_registry.pupils.state import ClassRef, PupilState, SchoolRef, StoredReason

TEMPORARY = "L"
BUREAU_ISSUED = "J"
# A record without a usable birth date is dated 1 January of the year a pupil who entered
# the stage's first grade at the usual age was born in: entry year - 5 - that grade.
_STAGE_FIRST_GRADE = {"primary": 1, "junior": 7, "senior": 10}


def national_number_for(validated: ValidatedPupil, *, id_conflict: bool) -> str | None:
    """G + ID when the record holds a valid ID that no other active record holds."""
    if validated.valid_id_number is not None and not id_conflict:
        return "G" + validated.valid_id_number
    return None


def temporary_prefix_for(
    validated: ValidatedPupil, school: SchoolRef, letter: str = TEMPORARY
) -> str:
    values = validated.values
    first_grade = _STAGE_FIRST_GRADE.get(values.stage, max(1, values.grade))
    fallback_year = values.enrolment_year - 5 - first_grade
    return temporary_prefix(letter, school.county_code, values.birth_date, fallback_year)


def duplicate_reason(holder: Holder) -> StoredReason:
    """The problem a record carries that keeps an ID number `holder` holds (id conflict)."""
    where = f"{holder.school_name}（{holder.school_code}）"
    return StoredReason(
        code=ReasonCode.ID_NUMBER_DUPLICATE,
        field="id_number",
        message=f"身份证号{holder.id_number}已在{where}有在籍学籍（一人一籍），须由教育局核查处理",
        value=holder.id_number,
        related_national_number=holder.national_number,
    )


def new_state(
    pupil_id: uuid.UUID,
    validated: ValidatedPupil,
    *,
    school: SchoolRef,
    school_class: ClassRef | None,
    national_number: str,
    now: datetime,
    id_conflict: bool = False,
    extra_reasons: tuple[StoredReason, ...] = (),
) -> PupilState:
    values = validated.values
    reasons = validated.reasons + extra_reasons
    return PupilState(
        id=pupil_id,
        national_number=national_number,
        name=values.name,
        gender=values.gender,
        birth_date=values.birth_date,
        school=school,
        grade=values.grade,
        stage=values.stage,
        enrolment_year=values.enrolment_year,
        graduation_year=validated.graduation_year,
        status=PupilStatus.ENROLLED,
        registration_state=(RegistrationState.DRAFT if reasons else RegistrationState.VALIDATED),
        record_version=1,
        updated_at=now,
        created_at=now,
        local_number=values.local_number,
        ethnicity=values.ethnicity,
        nationality=values.nationality,
        id_type=values.id_type,
        id_number=values.id_number,
        household_division=values.household_division,
        household_address=values.household_address,
        household_nature=values.household_nature,
        address=values.address,
        guardians=values.guardians,
        school_class=school_class,
        inclusive_education=values.inclusive_education,
        disability_category=values.disability_category,
        under_discipline=values.under_discipline,
        problem_reasons=reasons,
        id_conflict=id_conflict,
        suspect_key=validated.suspect_key,
    )


def next_state(
    old: PupilState,
    validated: ValidatedPupil,
    *,
    school_class: ClassRef | None,
    national_number: str,
    id_conflict: bool = False,
    extra_reasons: tuple[StoredReason, ...] = (),
) -> PupilState:
    """The record with the validated values; version and time are set when written."""
    draft = new_state(
        old.id,
        validated,
        school=old.school,
        school_class=school_class,
        national_number=national_number,
        now=old.updated_at,
        id_conflict=id_conflict,
        extra_reasons=extra_reasons,
    )
    previous = old.previous_national_numbers
    if national_number != old.national_number:
        previous = (*previous, old.national_number)
    return replace(
        draft,
        status=old.status,
        registration_state=state_after_checks(old.registration_state, problem=draft.problem),
        record_version=old.record_version,
        created_at=old.created_at,
        previous_national_numbers=previous,
        registration_year=old.registration_year,
        registered_at=old.registered_at,
        waived_reasons=old.waived_reasons,
        deleted=old.deleted,
        open_case_id=old.open_case_id,
        open_case_kind=old.open_case_kind,
    )


def candidate_of(state: PupilState) -> PupilCandidate:
    """The stored record as a candidate, to re-check it with some fields changed."""
    return PupilCandidate(
        name=state.name,
        gender=state.gender,
        birth_date=state.birth_date,
        grade=state.grade,
        stage=state.stage,
        enrolment_year=state.enrolment_year,
        id_type=state.id_type,
        id_number=state.id_number,
        local_number=state.local_number,
        ethnicity=state.ethnicity,
        nationality=state.nationality,
        household_division=state.household_division,
        household_address=state.household_address,
        household_nature=state.household_nature,
        address=state.address,
        guardians=state.guardians,
        class_id=state.school_class.id if state.school_class else None,
        inclusive_education=state.inclusive_education,
        disability_category=state.disability_category,
        under_discipline=state.under_discipline,
    )
