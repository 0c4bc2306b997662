from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import TODAY, divisions, relaxed, sequences
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.domain.pupil_checks import check_pupil, check_school
from xueji_registry.domain.pupil_facts import PupilFacts, SchoolFacts
from xueji_registry.domain.reason_codes import ReasonCode as C

SHANGHAI_PRIMARY = SchoolFacts("2131001234", "31", frozenset({"primary"}))
JIANGSU_COMPLETE = SchoolFacts("3432000077", "32", frozenset({"junior", "senior"}))
BIRTH = date(2019, 5, 3)
ID = make_id_number("310115", BIRTH, 124)  # even: female

GRADE1 = PupilFacts(
    name="王小丫",
    gender="2",
    birth_date=BIRTH,
    grade=2,
    stage="primary",
    enrolment_year=2025,
    id_number=ID,
    national_number="G" + ID,
    local_number="2131001234" + "1" + "2025" + "0001",
    ethnicity="01",
)


def codes(pupil: PupilFacts, school: SchoolFacts = SHANGHAI_PRIMARY) -> list[str]:
    return [r.code for r in check_pupil(pupil, today=TODAY, school=school)]


def test_a_complete_record_passes() -> None:
    assert codes(GRADE1) == []
    assert codes(replace(GRADE1, name=" 王小丫\u3000", id_number=" " + ID.lower())) == []


def test_a_senior_pupil_without_local_or_national_number_passes() -> None:
    senior = replace(
        GRADE1,
        birth_date=date(2010, 1, 9),
        id_number=make_id_number("320102", date(2010, 1, 9), 2),
        grade=11,
        stage="senior",
        enrolment_year=2025,
        national_number=None,
        local_number=None,
    )
    assert codes(senior, JIANGSU_COMPLETE) == []


def test_missing_basic_facts() -> None:
    pupil = replace(GRADE1, name=" ", gender=None, birth_date=None)
    assert codes(pupil) == [C.NAME_EMPTY, C.GENDER_MISSING, C.BIRTH_DATE_MISSING]


@pytest.mark.parametrize(
    ("gender", "expected"), [("0", C.GENDER_INVALID), ("女", C.GENDER_INVALID)]
)
def test_gender_must_be_a_code(gender: str, expected: str) -> None:
    assert codes(replace(GRADE1, gender=gender)) == [expected]


def test_birth_date_and_gender_must_agree_with_the_id_number() -> None:
    pupil = replace(GRADE1, gender="1", birth_date=date(2019, 5, 4))
    assert codes(pupil) == [C.BIRTH_DATE_MISMATCH, C.GENDER_MISMATCH]


def test_future_birth_date() -> None:
    pupil = replace(GRADE1, birth_date=date(2027, 1, 1), id_number=None, id_type=None)
    assert C.BIRTH_DATE_FUTURE in codes(replace(pupil, national_number=None))


def test_unknown_ethnicity() -> None:
    assert codes(replace(GRADE1, ethnicity="57")) == [C.ETHNICITY_UNKNOWN]


def test_an_invalid_id_number_is_reported_once() -> None:
    bad = ID[:17] + ("0" if ID[17] != "0" else "1")
    pupil = replace(GRADE1, id_number=bad, national_number="G" + ID)
    assert codes(pupil) == [C.ID_NUMBER_CHECK_DIGIT]


def test_legacy_id_number() -> None:
    assert codes(replace(GRADE1, id_number="310115190503124", national_number=None)) == [
        C.ID_NUMBER_LEGACY_15
    ]


def test_id_document_type() -> None:
    assert codes(replace(GRADE1, id_type="X")) == [C.ID_TYPE_UNKNOWN, C.NATIONAL_NUMBER_REQUIRES_ID]
    assert codes(replace(GRADE1, id_type=None, national_number=None)) == [C.ID_TYPE_UNKNOWN]
    assert codes(replace(GRADE1, id_number=None)) == [
        C.ID_NUMBER_MISSING,
        C.NATIONAL_NUMBER_REQUIRES_ID,
    ]


def test_household_register_carries_the_citizen_number() -> None:
    assert codes(replace(GRADE1, id_type="B")) == []


def test_residence_permit() -> None:
    permit = make_id_number("810000", BIRTH, 8)
    holder = replace(GRADE1, id_type="C", id_number=permit, national_number="G" + permit)
    assert codes(holder) == []
    assert codes(replace(holder, id_number=ID, national_number=None)) == [C.ID_NUMBER_TYPE_MISMATCH]
    assert codes(replace(GRADE1, id_number=permit, national_number=None)) == [
        C.ID_NUMBER_TYPE_MISMATCH
    ]


def test_passport_holder() -> None:
    j_number = "J" + make_id_number("310115", BIRTH, 902)
    foreign = replace(GRADE1, id_type="A", id_number="E1234567", national_number=j_number)
    assert codes(foreign) == []
    assert codes(replace(foreign, id_number="E 123/4567")) == [C.ID_DOCUMENT_NUMBER_FORMAT]
    assert codes(replace(foreign, national_number="G" + ID)) == [C.NATIONAL_NUMBER_REQUIRES_ID]


def test_national_number_must_match_the_id_number() -> None:
    other = make_id_number("310115", BIRTH, 126)
    assert codes(replace(GRADE1, national_number="L" + ID)) == []
    assert codes(replace(GRADE1, national_number="G" + other)) == [C.NATIONAL_NUMBER_ID_MISMATCH]
    assert codes(replace(GRADE1, national_number="L" + other)) == [C.NATIONAL_NUMBER_ID_MISMATCH]


def test_j_number_is_for_pupils_without_an_id_number() -> None:
    j_number = "J" + make_id_number("310115", BIRTH, 902)
    assert codes(replace(GRADE1, national_number=j_number)) == [C.NATIONAL_NUMBER_J_WITH_ID]
    no_id = replace(GRADE1, id_type=None, id_number=None, national_number=j_number)
    assert codes(no_id) == []
    assert codes(replace(no_id, birth_date=date(2019, 5, 2))) == [
        C.NATIONAL_NUMBER_BIRTH_DATE_MISMATCH
    ]
    assert codes(replace(no_id, national_number="G" + ID)) == [C.NATIONAL_NUMBER_REQUIRES_ID]


def test_malformed_national_number() -> None:
    assert codes(replace(GRADE1, national_number="G" + ID[:-1])) == [C.NATIONAL_NUMBER_LENGTH]
    assert codes(replace(GRADE1, national_number="  ")) == []  # blank is absent


def test_grade_stage_and_school() -> None:
    assert codes(replace(GRADE1, grade=6)) == [C.GRADE_STAGE_MISMATCH]
    assert codes(replace(GRADE1, grade=13)) == [C.GRADE_OUT_OF_RANGE]
    junior = replace(GRADE1, grade=7, stage="junior", local_number=None)
    assert codes(junior) == [C.STAGE_NOT_OFFERED]
    assert codes(replace(GRADE1, stage="nursery", local_number=None)) == [C.STAGE_UNKNOWN]


def test_enrolment_year_in_the_future() -> None:
    pupil = replace(GRADE1, enrolment_year=2027, local_number=None)
    assert codes(pupil) == [C.ENROLMENT_YEAR_FUTURE]


def test_local_number_is_checked_against_the_record() -> None:
    wrong = "2131009999" + "2" + "2024" + "0001"
    assert codes(replace(GRADE1, local_number=wrong)) == [
        C.LOCAL_NUMBER_SCHOOL_MISMATCH,
        C.LOCAL_NUMBER_STAGE_MISMATCH,
        C.LOCAL_NUMBER_YEAR_MISMATCH,
    ]
    assert codes(replace(GRADE1, local_number=GRADE1.local_number[:-1])) == [C.LOCAL_NUMBER_LENGTH]


def test_grade_one_age() -> None:
    entrant = replace(GRADE1, grade=1, enrolment_year=2025, local_number=None)
    assert codes(entrant) == []  # 6 on 2025-08-31
    too_young = replace(
        entrant,
        birth_date=date(2019, 9, 1),
        id_number=make_id_number("310115", date(2019, 9, 1), 124),
        national_number=None,
    )
    assert codes(too_young) == [C.UNDER_AGE_GRADE1]


def test_every_reason_has_a_chinese_message_and_a_field() -> None:
    pupil = replace(GRADE1, name="", gender="9", grade=0, id_number="123", ethnicity="00")
    reasons = check_pupil(pupil, today=TODAY, school=SHANGHAI_PRIMARY)
    assert len(reasons) >= 4
    for reason in reasons:
        assert reason.field
        assert not reason.message.isascii()


def test_check_school() -> None:
    assert check_school(SHANGHAI_PRIMARY) == []
    school = SchoolFacts("2132001234", "31", frozenset({"primary", "college"}))
    assert [r.code for r in check_school(school)] == [
        C.SCHOOL_CODE_PROVINCE_MISMATCH,
        C.STAGE_UNKNOWN,
    ]


@st.composite
def valid_pupils(draw: st.DrawFn) -> PupilFacts:
    enrolment_year = draw(st.integers(min_value=2015, max_value=2026))
    grade = draw(st.integers(min_value=1, max_value=5))
    latest = date(enrolment_year - 6, 8, 31)
    birth = draw(st.dates(min_value=date(enrolment_year - 9, 1, 1), max_value=latest))
    id_number = make_id_number(draw(divisions), birth, draw(sequences))
    gender = "1" if int(id_number[16]) % 2 else "2"
    sequence = draw(st.integers(min_value=1, max_value=9999))
    return PupilFacts(
        name=draw(st.text(alphabet="王李张赵钱孙丫𠀀", min_size=1, max_size=4)),
        gender=gender,
        birth_date=birth,
        grade=grade,
        stage="primary",
        enrolment_year=enrolment_year,
        id_number=id_number,
        national_number=draw(st.sampled_from(["G", "L"])) + id_number,
        local_number=f"21310012341{enrolment_year}{sequence:04d}",
    )


@relaxed
@given(valid_pupils())
def test_generated_valid_pupils_pass(pupil: PupilFacts) -> None:
    assert codes(pupil) == []


@relaxed
@given(valid_pupils())
def test_flipping_the_gender_is_exactly_a_gender_mismatch(pupil: PupilFacts) -> None:
    flipped = replace(pupil, gender="1" if pupil.gender == "2" else "2")
    assert codes(flipped) == [C.GENDER_MISMATCH]
