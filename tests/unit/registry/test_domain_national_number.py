from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import TODAY, id_numbers, relaxed, to_full_width
from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.domain.id_number import IdNumber
from xueji_registry.domain.national_number import (
    InvalidNationalNumber,
    NationalNumberForm,
    NationalStudentNumber,
    check_national_number,
)
from xueji_registry.domain.reason_codes import ReasonCode as C

ID = make_id_number("310115", date(2019, 5, 3), 124)
WRONG_CHECK = ID[:17] + ("0" if ID[17] != "0" else "1")
OTHER_ID = make_id_number("310115", date(2019, 5, 3), 126)


def codes(raw: str) -> list[str]:
    return [r.code for r in check_national_number(raw, today=TODAY)]


@pytest.mark.parametrize("form", ["G", "L", "J"])
def test_each_form_parses(form: str) -> None:
    number = NationalStudentNumber.parse(form + ID, today=TODAY)
    assert number.form is NationalNumberForm(form)
    assert number.id_part == ID
    assert number.birth_date == date(2019, 5, 3)
    assert str(number) == form + ID


def test_g_and_l_match_their_id_number_and_j_never_does() -> None:
    id_number = IdNumber.parse(ID, today=TODAY)
    other = IdNumber.parse(OTHER_ID, today=TODAY)
    for form in "GL":
        number = NationalStudentNumber.parse(form + ID, today=TODAY)
        assert number.needs_id_number
        assert number.matches_id(id_number)
        assert not number.matches_id(other)
    j_number = NationalStudentNumber.parse("J" + ID, today=TODAY)
    assert not j_number.needs_id_number
    assert not j_number.matches_id(id_number)


@pytest.mark.parametrize(
    "raw",
    [" g" + ID.lower() + " ", "Ｇ" + to_full_width(ID), "\u3000l" + ID, "ｊ" + ID],
)
def test_input_is_normalised(raw: str) -> None:
    number = NationalStudentNumber.parse(raw, today=TODAY)
    assert number.id_part == ID
    assert number.value[0] in "GLJ"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", [C.NATIONAL_NUMBER_FORMAT, C.NATIONAL_NUMBER_LENGTH]),
        (ID, [C.NATIONAL_NUMBER_FORMAT, C.NATIONAL_NUMBER_LENGTH]),  # letter missing
        ("K" + ID, [C.NATIONAL_NUMBER_FORMAT]),
        ("G" + ID[:17], [C.NATIONAL_NUMBER_LENGTH]),
        ("G" + ID + "1", [C.NATIONAL_NUMBER_LENGTH]),
        ("GG" + ID[1:], [C.NATIONAL_NUMBER_CHARACTERS]),
        ("G" + WRONG_CHECK, [C.NATIONAL_NUMBER_CHECK_DIGIT]),
        ("J" + make_id_number("999999", date(2019, 5, 3), 1), [C.NATIONAL_NUMBER_DIVISION_UNKNOWN]),
        ("L" + make_id_number("110103", date(2012, 5, 3), 1), [C.NATIONAL_NUMBER_DIVISION_RETIRED]),
        (
            "G" + make_id_number("310115", TODAY + timedelta(days=1), 1),
            [C.NATIONAL_NUMBER_BIRTH_DATE_FUTURE],
        ),
    ],
)
def test_errors(raw: str, expected: list[str]) -> None:
    assert codes(raw) == expected
    if expected:
        with pytest.raises(InvalidNationalNumber):
            NationalStudentNumber.parse(raw, today=TODAY)


def test_invalid_birth_date_in_the_id_part() -> None:
    first17 = "310115" + "20190229" + "123"
    raw = "J" + first17 + check_character(first17)
    assert codes(raw) == [C.NATIONAL_NUMBER_BIRTH_DATE_INVALID]


def test_reasons_are_on_the_national_number_field() -> None:
    reasons = check_national_number("G" + ID[:17] + "Z", today=TODAY)
    assert [r.field for r in reasons] == ["national_number"]
    assert reasons[0].value == "G" + ID[:17] + "Z"


def test_residence_permit_based_g_number_is_accepted() -> None:
    permit = make_id_number("830000", date(2016, 3, 3), 5)
    assert codes("G" + permit) == []


def test_direct_construction_guards_the_shape() -> None:
    with pytest.raises(ValueError):
        NationalStudentNumber("Q" + ID)
    with pytest.raises(ValueError):
        NationalStudentNumber("G" + WRONG_CHECK)


@relaxed
@given(st.sampled_from("GLJ"), id_numbers())
def test_round_trip(form: str, id_part: str) -> None:
    number = NationalStudentNumber.parse(form + id_part, today=TODAY)
    assert number.value == form + id_part
    assert NationalStudentNumber.parse(number.value, today=TODAY) == number


@relaxed
@given(st.sampled_from("GLJ"), id_numbers(), st.integers(1, 17), st.integers(1, 9))
def test_changing_a_digit_is_caught(form: str, id_part: str, position: int, shift: int) -> None:
    raw = form + id_part
    changed = raw[:position] + str((int(raw[position]) + shift) % 10) + raw[position + 1 :]
    assert codes(changed) != []
