from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import (
    TODAY,
    id_numbers,
    pupil_birth_dates,
    relaxed,
    to_full_width,
)
from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.domain.id_number import IdNumber, InvalidIdNumber, check_id_number
from xueji_registry.domain.reason_codes import ReasonCode as C

VALID = make_id_number("310115", date(2019, 5, 3), 123)  # 浦东新区, odd sequence


def codes(raw: str, **kwargs: bool) -> list[str]:
    return [r.code for r in check_id_number(raw, today=TODAY, **kwargs)]


def test_valid_number_parses_into_its_parts() -> None:
    parsed = IdNumber.parse(VALID, today=TODAY)
    assert parsed.value == VALID == str(parsed)
    assert parsed.division_code == "310115"
    assert parsed.birth_date == date(2019, 5, 3)
    assert parsed.sequence == "123"
    assert parsed.check == VALID[-1]
    assert parsed.gender == "M"
    assert parsed.gender_code == "1"
    assert not parsed.is_residence_permit


def test_the_standard_example_with_x_is_valid() -> None:
    assert IdNumber.parse("11010519491231002x", today=TODAY).value == "11010519491231002X"


@pytest.mark.parametrize(
    "raw",
    [
        f"  {VALID}  ",
        f"\u3000{VALID}\u3000",
        f"\t{VALID}\n",
        to_full_width(VALID),
    ],
)
def test_width_and_surrounding_spaces_are_normalised(raw: str) -> None:
    assert IdNumber.parse(raw, today=TODAY).value == VALID


def test_full_width_x_is_normalised() -> None:
    assert IdNumber.parse("11010519491231002Ｘ", today=TODAY).value == "11010519491231002X"
    assert IdNumber.parse("11010519491231002ｘ", today=TODAY).value == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", [C.ID_NUMBER_MISSING]),
        ("   ", [C.ID_NUMBER_MISSING]),
        ("310115190503123", [C.ID_NUMBER_LEGACY_15]),
        (VALID[:17], [C.ID_NUMBER_LENGTH]),
        (VALID + "1", [C.ID_NUMBER_LENGTH]),
        ("31011519050312A", [C.ID_NUMBER_LENGTH]),  # 15 characters but not a legacy number
        (VALID[:9] + " " + VALID[9:17], [C.ID_NUMBER_CHARACTERS]),  # inner space
        (VALID[:6] + "-" + VALID[7:], [C.ID_NUMBER_CHARACTERS]),
        ("X" + VALID[1:], [C.ID_NUMBER_CHARACTERS]),
        (VALID[:16] + "XX", [C.ID_NUMBER_CHARACTERS]),
        (VALID[:17] + "Y", [C.ID_NUMBER_CHARACTERS]),
    ],
)
def test_shape_errors(raw: str, expected: list[str]) -> None:
    assert codes(raw) == expected


def test_legacy_number_is_reported_not_converted() -> None:
    reasons = check_id_number("310115900503123", today=TODAY)
    assert [r.code for r in reasons] == [C.ID_NUMBER_LEGACY_15]
    assert reasons[0].value == "310115900503123"
    assert "15位" in reasons[0].message
    with pytest.raises(InvalidIdNumber) as caught:
        IdNumber.parse("310115900503123", today=TODAY)
    assert caught.value.codes == (C.ID_NUMBER_LEGACY_15,)


def test_unknown_division() -> None:
    assert codes(make_id_number("999999", date(2019, 5, 3), 1)) == [C.ID_NUMBER_DIVISION_UNKNOWN]
    assert codes(make_id_number("119999", date(2019, 5, 3), 1)) == [C.ID_NUMBER_DIVISION_UNKNOWN]


def test_historical_division_is_accepted_for_people_born_while_it_existed() -> None:
    # 110103 崇文区 was merged into 东城区 in 2010.
    assert codes(make_id_number("110103", date(2009, 6, 1), 1)) == []
    assert codes(make_id_number("110103", date(2011, 6, 1), 1)) == [C.ID_NUMBER_DIVISION_RETIRED]


def test_division_introduced_after_birth_is_accepted() -> None:
    # 110118 密云区 exists since 2015; late household registration gets today's code.
    assert codes(make_id_number("110118", date(2010, 6, 1), 1)) == []


@pytest.mark.parametrize("stamp", ["20190230", "20190431", "20191301", "20190000", "18991231"])
def test_birth_date_must_be_real(stamp: str) -> None:
    first17 = "310115" + stamp + "123"
    assert codes(first17 + check_character(first17)) == [C.ID_NUMBER_BIRTH_DATE_INVALID]


def test_birth_date_may_not_be_in_the_future() -> None:
    assert codes(make_id_number("310115", TODAY, 1)) == []
    tomorrow = TODAY + timedelta(days=1)
    assert codes(make_id_number("310115", tomorrow, 1)) == [C.ID_NUMBER_BIRTH_DATE_FUTURE]


def test_wrong_check_character_names_the_expected_one() -> None:
    wrong = VALID[:17] + ("0" if VALID[17] != "0" else "1")
    reasons = check_id_number(wrong, today=TODAY)
    assert [r.code for r in reasons] == [C.ID_NUMBER_CHECK_DIGIT]
    assert VALID[17] in reasons[0].message
    assert reasons[0].field == "id_number"
    assert reasons[0].value == wrong


def test_several_problems_are_all_reported() -> None:
    raw = "999999" + "20190230" + "1230"
    assert codes(raw) == [
        C.ID_NUMBER_DIVISION_UNKNOWN,
        C.ID_NUMBER_BIRTH_DATE_INVALID,
        C.ID_NUMBER_CHECK_DIGIT,
    ]


def test_reasons_carry_the_field_asked_for() -> None:
    reasons = check_id_number("123", today=TODAY, field="guardian_id_number")
    assert [r.field for r in reasons] == ["guardian_id_number"]
    reasons = check_id_number(VALID[:17] + "0", today=TODAY, field="guardian_id_number")
    assert {r.field for r in reasons} == {"guardian_id_number"}


def test_residence_permit_numbers() -> None:
    permit = make_id_number("830000", date(2015, 1, 2), 2)
    parsed = IdNumber.parse(permit, today=TODAY, residence_permit=True)
    assert parsed.is_residence_permit
    assert parsed.gender == "F"
    assert codes(permit) == [C.ID_NUMBER_TYPE_MISMATCH]
    assert codes(VALID, residence_permit=True) == [C.ID_NUMBER_TYPE_MISMATCH]


def test_direct_construction_guards_the_shape() -> None:
    with pytest.raises(ValueError):
        IdNumber("31011520190503123")
    with pytest.raises(ValueError):
        IdNumber(VALID[:17] + ("0" if VALID[17] != "0" else "1"))
    assert IdNumber(VALID).birth_date == date(2019, 5, 3)


@relaxed
@given(id_numbers())
def test_valid_numbers_round_trip(number: str) -> None:
    parsed = IdNumber.parse(number, today=TODAY)
    assert parsed.value == number
    assert IdNumber.parse(parsed.value, today=TODAY) == parsed


@relaxed
@given(id_numbers(), st.sampled_from([" ", "\u3000", "\t"]), st.booleans())
def test_full_width_and_padded_input_normalises(number: str, pad: str, lower: bool) -> None:
    raw = pad + to_full_width(number) + pad
    if lower:
        raw = raw.replace("\uff38", "x")
    assert IdNumber.parse(raw, today=TODAY).value == number


@relaxed
@given(id_numbers(), st.integers(min_value=0, max_value=17), st.integers(1, 9))
def test_changing_any_single_digit_is_caught(number: str, position: int, shift: int) -> None:
    if number[position] == "X":
        return
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert check_id_number(changed, today=TODAY) != []


@relaxed
@given(id_numbers(pupil_birth_dates))
def test_gender_follows_sequence_parity(number: str) -> None:
    parsed = IdNumber.parse(number, today=TODAY)
    odd = int(number[16]) % 2 == 1
    assert parsed.gender == ("M" if odd else "F")
    assert parsed.gender_code == ("1" if odd else "2")


@relaxed
@given(st.text(alphabet="0123456789", min_size=15, max_size=15))
def test_every_fifteen_digit_number_is_reported_as_legacy(raw: str) -> None:
    assert codes(raw) == [C.ID_NUMBER_LEGACY_15]


@relaxed
@given(st.text(alphabet="0123456789X", max_size=30).filter(lambda t: len(t) not in (15, 18)))
def test_every_other_length_is_a_length_error(raw: str) -> None:
    expected = [C.ID_NUMBER_MISSING] if raw == "" else [C.ID_NUMBER_LENGTH]
    assert codes(raw) == expected
