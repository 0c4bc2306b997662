from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from tests.unit.registry.registry_domain_samples import id_numbers, relaxed
from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.id_generation import make_id_number


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("11010519491231002X", "X"),  # the example printed in GB 11643-1999
        ("360426199101010071", "1"),  # python-stdnum's documented example
        ("440524188001010014", "4"),
    ],
)
def test_known_numbers(number: str, expected: str) -> None:
    assert check_character(number[:17]) == expected


@pytest.mark.parametrize("bad", ["", "1234567890123456", "123456789012345678", "1234567890123456X"])
def test_rejects_anything_but_17_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        check_character(bad)


def test_rejects_non_ascii_digits() -> None:
    with pytest.raises(ValueError):
        check_character("１" * 17)


@relaxed
@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_agrees_with_stdnum(first17: str) -> None:
    assert check_character(first17) == ric.calc_check_digit(first17 + "0")


@relaxed
@given(id_numbers(), st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_any_single_digit_change_breaks_the_check(number: str, position: int, shift: int) -> None:
    changed_digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + changed_digit + number[position + 1 :]
    assert check_character(changed[:17]) != number[17]


@relaxed
@given(id_numbers(), st.integers(min_value=0, max_value=15))
def test_adjacent_transposition_breaks_the_check(number: str, position: int) -> None:
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert check_character(swapped[:17]) != number[17]


def test_make_id_number_appends_the_check_character() -> None:
    number = make_id_number("110105", date(1949, 12, 31), 2)
    assert number == "11010519491231002X"
