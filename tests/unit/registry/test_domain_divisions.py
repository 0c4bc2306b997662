from xueji_registry.domain.divisions import (
    DivisionPeriod,
    division_name,
    division_periods,
    is_known_division,
    retired_before,
)


def test_current_division() -> None:
    assert is_known_division("310115")
    assert division_name("310115") == "浦东新区"
    assert not retired_before("310115", 2026)


def test_historical_division_keeps_its_years() -> None:
    assert division_periods("110103") == (DivisionPeriod("崇文区", None, 2010),)
    assert retired_before("110103", 2011)
    assert not retired_before("110103", 2010)


def test_renamed_division_has_several_periods() -> None:
    periods = division_periods("120110")
    assert [p.name for p in periods] == ["东郊区", "东丽区"]
    assert not retired_before("120110", 2020)
    assert division_name("120110") == "东丽区"


def test_unknown_codes() -> None:
    for code in ["999999", "119999", "000000", "11010", "1101011", "11010a", "１１０１０１"]:
        assert not is_known_division(code)
        assert division_name(code) is None
        assert not retired_before(code, 2020)


def test_residence_permit_prefixes_have_names() -> None:
    assert division_name("830000") == "台湾居民"
    assert not is_known_division("830000")
