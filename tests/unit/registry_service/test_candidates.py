"""validate_candidate: every check, normalised values, and never an exception."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry_service.samples import ID_MALE, SCHOOL, TODAY, candidate
from xueji_registry.domain.pupil_checks import check_pupil
from xueji_registry.domain.pupil_facts import PupilFacts, SchoolFacts
from xueji_registry.pupils.entry.candidates import assemble_validated, validate_candidate
from xueji_registry.pupils.state import Guardian


def test_a_valid_pupil_has_no_reasons_and_a_usable_id() -> None:
    validated = validate_candidate(candidate(), school=SCHOOL, today=TODAY)
    assert validated.reasons == () and validated.valid_id_number == ID_MALE
    assert validated.suspect_key is None
    assert validated.graduation_year == 2031


def test_values_are_normalised_but_names_keep_rare_characters() -> None:
    typed = candidate(
        name="\u3000𠮷珺 ",
        id_number=" " + ID_MALE.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        local_number=" ",
        address="  青浦区  ",
        guardians=(Guardian(" 张大明 ", "父亲", " 13800000000 "),),
    )
    validated = validate_candidate(typed, school=SCHOOL, today=TODAY)
    values = validated.values
    assert values.name == "𠮷珺" and values.id_number == ID_MALE
    assert values.local_number is None and values.address == "青浦区"
    assert values.guardians[0] == Guardian("张大明", "父亲", "13800000000")
    assert validated.reasons == ()


def test_every_failed_check_is_a_reason() -> None:
    wrong = candidate(gender="2", id_number=ID_MALE[:-1] + ("0" if ID_MALE[-1] != "0" else "1"))
    validated = validate_candidate(wrong, school=SCHOOL, today=TODAY)
    assert [r.code for r in validated.reasons] == ["ID_NUMBER_CHECK_DIGIT"]
    assert validated.valid_id_number is None
    assert validated.suspect_key == "张小明|2|2019-03-15"
    mismatch = validate_candidate(candidate(gender="2"), school=SCHOOL, today=TODAY)
    assert [(r.code, r.field) for r in mismatch.reasons] == [("GENDER_MISMATCH", "gender")]


def test_waived_reasons_are_not_reported_again() -> None:
    mismatch = candidate(gender="2")
    settled = validate_candidate(
        mismatch, school=SCHOOL, today=TODAY, waived=[("GENDER_MISMATCH", "gender")]
    )
    assert settled.reasons == ()


texts = st.text(max_size=30) | st.none()


@given(
    name=st.text(max_size=80), gender=texts, id_number=texts, local=texts, grade=st.integers(-5, 30)
)
def test_any_input_gives_reasons_not_exceptions(
    name: str, gender: str | None, id_number: str | None, local: str | None, grade: int
) -> None:
    typed = replace(
        candidate(), name=name, gender=gender, id_number=id_number, local_number=local, grade=grade
    )
    validated = validate_candidate(typed, school=SCHOOL, today=TODAY)
    assert all(r.code and r.message for r in validated.reasons)


def test_reasons_checked_elsewhere_are_assembled_without_a_second_check() -> None:
    typed = candidate(gender="2", name=" 张小明 ")
    facts = PupilFacts(
        name=typed.name,
        gender=typed.gender,
        birth_date=typed.birth_date,
        grade=typed.grade,
        stage=typed.stage,
        enrolment_year=typed.enrolment_year,
        id_number=typed.id_number,
        ethnicity=typed.ethnicity,
    )
    reasons = check_pupil(
        facts, today=TODAY, school=SchoolFacts(SCHOOL.code, SCHOOL.province_code, SCHOOL.stages)
    )
    assembled = assemble_validated(typed, reasons, school=SCHOOL, today=TODAY)
    assert assembled == validate_candidate(typed, school=SCHOOL, today=TODAY)
