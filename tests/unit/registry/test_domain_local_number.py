import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import relaxed
from xueji_registry.domain.batch_duplicates import (
    duplicate_positions,
    find_duplicate_id_numbers,
    find_duplicate_local_numbers,
)
from xueji_registry.domain.code_tables import Stage
from xueji_registry.domain.local_number import check_local_number
from xueji_registry.domain.local_number_formats import (
    SHANGHAI,
    LocalNumberPart,
    local_number_format,
)
from xueji_registry.domain.reason_codes import ReasonCode as C

SCHOOL = "2131001234"
GOOD = "2131001234" + "1" + "2024" + "0007"


def codes(raw: str, *, stage: str = "primary", year: int = 2024, province: str = "31") -> list[str]:
    reasons = check_local_number(
        raw, province_code=province, school_code=SCHOOL, stage=stage, enrolment_year=year
    )
    return [r.code for r in reasons]


def test_shanghai_layout() -> None:
    assert SHANGHAI.length == 19
    assert local_number_format("31") is SHANGHAI
    assert SHANGHAI.split(GOOD) == {
        LocalNumberPart.SCHOOL_CODE: SCHOOL,
        LocalNumberPart.STAGE: "1",
        LocalNumberPart.ENROLMENT_YEAR: "2024",
        LocalNumberPart.SEQUENCE: "0007",
    }
    assert SHANGHAI.stage_of("3") is Stage.SENIOR
    assert SHANGHAI.stage_of("9") is None


def test_split_and_compose_need_exact_lengths() -> None:
    with pytest.raises(ValueError):
        SHANGHAI.split(GOOD[:-1])
    parts = SHANGHAI.split(GOOD)
    with pytest.raises(ValueError):
        SHANGHAI.compose({**parts, LocalNumberPart.SEQUENCE: "7"})


@relaxed
@given(
    st.text(alphabet="0123456789", min_size=10, max_size=10),
    st.sampled_from(list(Stage)),
    st.integers(min_value=2000, max_value=2030),
    st.integers(min_value=1, max_value=9999),
)
def test_compose_then_split_round_trips(school: str, stage: Stage, year: int, seq: int) -> None:
    parts = {
        LocalNumberPart.SCHOOL_CODE: school,
        LocalNumberPart.STAGE: SHANGHAI.stage_codes[stage],
        LocalNumberPart.ENROLMENT_YEAR: f"{year:04d}",
        LocalNumberPart.SEQUENCE: f"{seq:04d}",
    }
    number = SHANGHAI.compose(parts)
    assert len(number) == 19
    assert SHANGHAI.split(number) == parts
    reasons = check_local_number(
        number, province_code="31", school_code=school, stage=stage, enrolment_year=year
    )
    assert reasons == []


def test_valid_number_passes_also_when_typed_full_width() -> None:
    assert codes(GOOD) == []
    assert codes(" " + GOOD.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (GOOD[:-1], [C.LOCAL_NUMBER_LENGTH]),  # 缺位数
        (GOOD + "1", [C.LOCAL_NUMBER_LENGTH]),
        (GOOD[:-1] + "A", [C.LOCAL_NUMBER_FORMAT]),
        (GOOD[:5] + " " + GOOD[6:], [C.LOCAL_NUMBER_FORMAT]),
        (GOOD[:-2] + "A", [C.LOCAL_NUMBER_FORMAT, C.LOCAL_NUMBER_LENGTH]),
        ("2131009999" + GOOD[10:], [C.LOCAL_NUMBER_SCHOOL_MISMATCH]),
        (GOOD[:10] + "2" + GOOD[11:], [C.LOCAL_NUMBER_STAGE_MISMATCH]),
        (GOOD[:10] + "9" + GOOD[11:], [C.LOCAL_NUMBER_STAGE_MISMATCH]),
        (GOOD[:11] + "2023" + GOOD[15:], [C.LOCAL_NUMBER_YEAR_MISMATCH]),
        (
            "2131009999" + "3" + "2020" + "0001",
            [
                C.LOCAL_NUMBER_SCHOOL_MISMATCH,
                C.LOCAL_NUMBER_STAGE_MISMATCH,
                C.LOCAL_NUMBER_YEAR_MISMATCH,
            ],
        ),
    ],
)
def test_shanghai_errors(raw: str, expected: list[str]) -> None:
    assert codes(raw) == expected


def test_messages_name_what_is_wrong() -> None:
    reasons = check_local_number(
        GOOD[:-3], province_code="31", school_code=SCHOOL, stage="primary", enrolment_year=2024
    )
    assert "缺位" in reasons[0].message
    reasons = check_local_number(
        GOOD[:10] + "2" + GOOD[11:],
        province_code="31",
        school_code=SCHOOL,
        stage="primary",
        enrolment_year=2024,
    )
    assert "初中" in reasons[0].message and "小学" in reasons[0].message
    assert reasons[0].field == "local_number"


def test_stage_must_be_a_known_stage_of_the_record() -> None:
    assert codes(GOOD, stage="kindergarten") == [C.LOCAL_NUMBER_STAGE_MISMATCH]


def test_provinces_without_a_layout_only_check_characters() -> None:
    assert local_number_format("32") is None
    assert codes("JS-2024-0001", province="32") == []
    assert codes("js 2024", province="32") == [C.LOCAL_NUMBER_FORMAT]
    assert codes("A" * 33, province="32") == [C.LOCAL_NUMBER_FORMAT]


def test_duplicate_positions() -> None:
    assert duplicate_positions(["a", "b", "a", None, None, "a"]) == {
        0: [2, 5],
        2: [0, 5],
        5: [0, 2],
    }
    assert duplicate_positions([]) == {}


def test_duplicate_local_numbers_across_a_batch() -> None:
    found = find_duplicate_local_numbers([GOOD, None, "", " " + GOOD, GOOD[:-1] + "8"])
    assert sorted(found) == [0, 3]
    assert {r.code for r in found.values()} == {C.LOCAL_NUMBER_DUPLICATE}
    assert found[3].value == " " + GOOD
    assert "2次" in found[0].message


def test_duplicate_id_numbers_compare_normalised() -> None:
    found = find_duplicate_id_numbers(["11010519491231002X", "11010519491231002x", "1"])
    assert sorted(found) == [0, 1]
    assert found[1].code == C.ID_NUMBER_DUPLICATE
    assert found[1].field == "id_number"


@relaxed
@given(st.lists(st.sampled_from(["a", "b", "c", None]), max_size=12))
def test_duplicates_are_exactly_the_repeated_keys(keys: list[str | None]) -> None:
    found = duplicate_positions(keys)
    for index, key in enumerate(keys):
        repeated = key is not None and keys.count(key) > 1
        assert (index in found) == repeated
        if repeated:
            assert sorted(found[index] + [index]) == [i for i, k in enumerate(keys) if k == key]
