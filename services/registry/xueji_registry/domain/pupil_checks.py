"""Every check on one pupil record; a record with any reason is problem data (问题学籍).

Batch-wide checks (duplicates within an import) are in `batch_duplicates`;
checks across the country (一人一籍) need the registry's data and live in the
service layer.
"""

from __future__ import annotations

from datetime import date

from xueji_registry.domain.code_tables import ETHNICITIES, GENDERS, STAGE_NAMES, stage_from
from xueji_registry.domain.enrolment_age import check_grade1_age
from xueji_registry.domain.id_number import IdNumber
from xueji_registry.domain.identity_checks import check_id_document, check_national_number_fit
from xueji_registry.domain.local_number import check_local_number
from xueji_registry.domain.names import check_name
from xueji_registry.domain.pupil_facts import PupilFacts, SchoolFacts
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.school_code import check_school_code
from xueji_registry.domain.school_system import check_grade


def check_school(school: SchoolFacts) -> list[Reason]:
    """The school's own data: its code against its province, and its stage codes."""
    reasons = check_school_code(school.code, province_code=school.province_code)
    for stage in sorted(school.stages):
        if stage_from(stage) is None:
            message = f"学段代码“{stage}”不存在"
            reasons.append(Reason(ReasonCode.STAGE_UNKNOWN, "stages", message, stage))
    return reasons


def check_pupil(candidate: PupilFacts, *, today: date, school: SchoolFacts) -> list[Reason]:
    """Every failed check on `candidate` as a pupil of `school`, in field order."""
    reasons = check_name(candidate.name)
    reasons += _gender_reasons(candidate.gender)
    reasons += _birth_date_reasons(candidate.birth_date, today)
    if candidate.ethnicity is not None and candidate.ethnicity not in ETHNICITIES:
        message = f"民族代码“{candidate.ethnicity}”不存在"
        code = ReasonCode.ETHNICITY_UNKNOWN
        reasons.append(Reason(code, "ethnicity", message, candidate.ethnicity))
    identity = check_id_document(candidate.id_type, candidate.id_number, today=today)
    reasons += identity.reasons
    if identity.id_number is not None:
        reasons += _agreement_with_id(candidate, identity.id_number)
    if candidate.national_number and candidate.national_number.strip():
        reasons += check_national_number_fit(
            candidate.national_number,
            today=today,
            id_number=identity.id_number,
            id_number_given=identity.id_shaped_given,
            birth_date=candidate.birth_date,
        )
    reasons += _schooling_reasons(candidate, today=today, school=school)
    return reasons


def _gender_reasons(gender: str | None) -> list[Reason]:
    if gender is None or not gender.strip():
        return [Reason(ReasonCode.GENDER_MISSING, "gender", "性别不能为空")]
    if gender not in GENDERS:
        message = f"性别代码“{gender}”无效，应为1（男）或2（女）"
        return [Reason(ReasonCode.GENDER_INVALID, "gender", message, gender)]
    return []


def _birth_date_reasons(birth_date: date | None, today: date) -> list[Reason]:
    if birth_date is None:
        return [Reason(ReasonCode.BIRTH_DATE_MISSING, "birth_date", "出生日期不能为空")]
    if birth_date > today:
        message = f"出生日期{birth_date.isoformat()}晚于当前日期"
        return [Reason(ReasonCode.BIRTH_DATE_FUTURE, "birth_date", message, birth_date.isoformat())]
    return []


def _agreement_with_id(candidate: PupilFacts, id_number: IdNumber) -> list[Reason]:
    reasons: list[Reason] = []
    birth = candidate.birth_date
    if birth is not None and birth != id_number.birth_date:
        message = (
            f"出生日期{birth.isoformat()}与身份证号中的出生日期"
            f"{id_number.birth_date.isoformat()}不一致"
        )
        code = ReasonCode.BIRTH_DATE_MISMATCH
        reasons.append(Reason(code, "birth_date", message, birth.isoformat()))
    if candidate.gender in GENDERS and candidate.gender != id_number.gender_code:
        message = (
            f"性别“{GENDERS[candidate.gender]}”与身份证号顺序码所示性别"
            f"“{GENDERS[id_number.gender_code]}”不一致"
        )
        reasons.append(Reason(ReasonCode.GENDER_MISMATCH, "gender", message, candidate.gender))
    return reasons


def _schooling_reasons(candidate: PupilFacts, *, today: date, school: SchoolFacts) -> list[Reason]:
    reasons = check_grade(candidate.grade, candidate.stage, school.province_code)
    stage = stage_from(candidate.stage)
    if stage is not None and school.stages and stage not in school.stages:
        message = f"本校未设{STAGE_NAMES[stage]}学段"
        reasons.append(Reason(ReasonCode.STAGE_NOT_OFFERED, "stage", message, candidate.stage))
    if candidate.enrolment_year > today.year:
        message = f"入学年份{candidate.enrolment_year}晚于当前年份{today.year}"
        value = str(candidate.enrolment_year)
        reasons.append(Reason(ReasonCode.ENROLMENT_YEAR_FUTURE, "enrolment_year", message, value))
    if candidate.local_number and candidate.local_number.strip():
        reasons += check_local_number(
            candidate.local_number,
            province_code=school.province_code,
            school_code=school.code,
            stage=candidate.stage,
            enrolment_year=candidate.enrolment_year,
        )
    if candidate.grade == 1 and candidate.birth_date is not None:
        reasons += check_grade1_age(candidate.birth_date, candidate.enrolment_year)
    return reasons
