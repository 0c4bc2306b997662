import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import relaxed
from xueji_registry.domain.code_tables import SCHOOL_CATEGORIES
from xueji_registry.domain.divisions import PROVINCES
from xueji_registry.domain.reason_codes import ReasonCode as C
from xueji_registry.domain.school_code import InvalidSchoolCode, SchoolCode, check_school_code


def codes(raw: str, province: str | None = None) -> list[str]:
    return [r.code for r in check_school_code(raw, province_code=province)]


def test_valid_code_and_its_parts() -> None:
    code = SchoolCode.parse(" 2131001234 ", province_code="31")
    assert code.value == "2131001234" == str(code)
    assert code.category_code == "21"
    assert code.category.name == "普通小学"
    assert code.province_code == "31"
    assert code.sequence == "001234"


def test_full_width_digits_are_folded() -> None:
    assert SchoolCode.parse("３４３１００００１２").value == "3431000012"


@pytest.mark.parametrize(
    "raw", ["", "213100123", "21310012345", "21310O1234", "2131 01234", "21-3100123"]
)
def test_format(raw: str) -> None:
    assert codes(raw) == [C.SCHOOL_CODE_FORMAT]


@pytest.mark.parametrize("category", ["21", "31", "32", "34", "37", "51"])
def test_registry_categories_are_accepted(category: str) -> None:
    assert codes(f"{category}31000001", "31") == []


@pytest.mark.parametrize("category", ["11", "22", "33", "35", "36", "41", "42", "91", "92", "93"])
def test_other_education_categories_are_out_of_scope(category: str) -> None:
    assert codes(f"{category}31000001", "31") == [C.SCHOOL_CODE_CATEGORY_OUT_OF_SCOPE]


@pytest.mark.parametrize("category", ["00", "12", "38", "99"])
def test_unknown_categories(category: str) -> None:
    assert codes(f"{category}31000001", "31") == [C.SCHOOL_CODE_CATEGORY]


@pytest.mark.parametrize("province", ["00", "10", "16", "30", "66", "70", "80", "83", "99"])
def test_unknown_provinces(province: str) -> None:
    assert codes(f"21{province}000001") == [C.SCHOOL_CODE_PROVINCE]


def test_province_must_be_the_schools_own() -> None:
    reasons = check_school_code("2132000001", province_code="31")
    assert [r.code for r in reasons] == [C.SCHOOL_CODE_PROVINCE_MISMATCH]
    assert "上海市" in reasons[0].message
    assert codes("2132000001") == []  # no province to compare with


def test_all_problems_are_reported_and_parse_raises() -> None:
    assert codes("9999000001", "31") == [C.SCHOOL_CODE_CATEGORY, C.SCHOOL_CODE_PROVINCE]
    with pytest.raises(InvalidSchoolCode) as caught:
        SchoolCode.parse("1131000001", province_code="32")
    assert caught.value.codes == (
        C.SCHOOL_CODE_CATEGORY_OUT_OF_SCOPE,
        C.SCHOOL_CODE_PROVINCE_MISMATCH,
    )


def test_direct_construction_guards_the_shape() -> None:
    with pytest.raises(ValueError):
        SchoolCode("213100123")
    with pytest.raises(ValueError):
        SchoolCode("２１３１００１２３４")


in_scope = sorted(c for c, category in SCHOOL_CATEGORIES.items() if category.in_registry)


@relaxed
@given(
    st.sampled_from(in_scope),
    st.sampled_from(sorted(PROVINCES)),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_any_well_formed_code_round_trips(category: str, province: str, sequence: str) -> None:
    code = SchoolCode.parse(category + province + sequence, province_code=province)
    assert (code.category_code, code.province_code, code.sequence) == (category, province, sequence)
