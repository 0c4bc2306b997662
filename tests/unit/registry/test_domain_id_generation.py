from datetime import date

import pytest
from hypothesis import given
from stdnum.cn import ric

from tests.unit.registry.registry_domain_samples import (
    TODAY,
    birth_dates,
    divisions,
    relaxed,
    sequences,
)
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.domain.id_number import IdNumber


@relaxed
@given(divisions, birth_dates, sequences)
def test_generated_numbers_are_valid_and_carry_their_parts(
    division: str, birth: date, sequence: int
) -> None:
    number = make_id_number(division, birth, sequence)
    parsed = IdNumber.parse(number, today=TODAY)
    assert parsed.value == number
    assert parsed.division_code == division
    assert parsed.birth_date == birth
    assert parsed.sequence == f"{sequence:03d}"
    assert ric.is_valid(number)


@pytest.mark.parametrize("division", ["31011", "3101155", "31011a", "３１０１１５"])
def test_rejects_a_malformed_division(division: str) -> None:
    with pytest.raises(ValueError):
        make_id_number(division, date(2019, 1, 1), 1)


@pytest.mark.parametrize("sequence", [-1, 1000])
def test_rejects_a_sequence_out_of_range(sequence: int) -> None:
    with pytest.raises(ValueError):
        make_id_number("310115", date(2019, 1, 1), sequence)


def test_rejects_a_birth_year_with_fewer_than_four_digits() -> None:
    with pytest.raises(ValueError):
        make_id_number("310115", date(999, 1, 1), 1)
