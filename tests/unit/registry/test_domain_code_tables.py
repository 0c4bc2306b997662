from xueji_registry.domain.code_tables import (
    DROPOUT_STAGES,
    ETHNICITIES,
    GENDERS,
    ID_TYPES,
    PUPIL_STATUS_NAMES,
    SCHOOL_CATEGORIES,
    STAGE_NAMES,
    STATUS_CHANGE_TYPE_NAMES,
    IdNumberShape,
    PupilStatus,
    Stage,
    StatusChangeType,
    stage_from,
)
from xueji_registry.domain.divisions import PROVINCES
from xueji_registry.domain.reason_codes import REASON_TITLES, ReasonCode


def test_genders_follow_gb_t_2261_1() -> None:
    assert GENDERS == {"1": "男", "2": "女"}


def test_ethnicities_are_the_56_groups_plus_the_two_extra_codes() -> None:
    groups = {code: name for code, name in ETHNICITIES.items() if int(code) <= 56}
    assert sorted(groups) == [f"{n:02d}" for n in range(1, 57)]
    assert len(set(groups.values())) == 56
    assert all(name.endswith("族") for name in groups.values())
    assert (ETHNICITIES["01"], ETHNICITIES["05"], ETHNICITIES["56"]) == (
        "汉族",
        "维吾尔族",
        "基诺族",
    )
    assert set(ETHNICITIES) - set(groups) == {"97", "98"}


def test_id_types() -> None:
    assert ID_TYPES["1"].name == "居民身份证"
    assert ID_TYPES["1"].shape is IdNumberShape.CITIZEN
    assert ID_TYPES["B"].shape is IdNumberShape.CITIZEN
    assert ID_TYPES["C"].shape is IdNumberShape.RESIDENCE_PERMIT
    assert ID_TYPES["A"].name == "护照"
    assert all(code == t.code for code, t in ID_TYPES.items())


def test_every_enum_member_has_a_chinese_name() -> None:
    assert set(STAGE_NAMES) == set(Stage)
    assert set(PUPIL_STATUS_NAMES) == set(PupilStatus)
    assert set(STATUS_CHANGE_TYPE_NAMES) == set(StatusChangeType)
    assert STAGE_NAMES[Stage.SPECIAL] == "特殊教育"
    assert STATUS_CHANGE_TYPE_NAMES[StatusChangeType.SKIP_GRADE] == "跳级"


def test_dropout_is_senior_secondary_only() -> None:
    assert DROPOUT_STAGES == {Stage.SENIOR}


def test_stage_from() -> None:
    assert stage_from("junior") is Stage.JUNIOR
    assert stage_from("初中") is None


def test_school_categories() -> None:
    in_scope = {code for code, c in SCHOOL_CATEGORIES.items() if c.in_registry}
    assert in_scope == {"21", "31", "32", "34", "37", "51"}
    assert not SCHOOL_CATEGORIES["11"].in_registry  # 幼儿园
    assert all(len(code) == 2 and code.isdigit() for code in SCHOOL_CATEGORIES)


def test_provinces() -> None:
    mainland = {c for c in PROVINCES if c not in {"71", "81", "82"}}
    assert len(mainland) == 31
    assert PROVINCES["31"] == "上海市"
    assert all("11" <= code <= "82" for code in PROVINCES)


def test_reason_codes_are_stable_names_with_titles() -> None:
    assert all(code.value == code.name for code in ReasonCode)
    assert set(REASON_TITLES) == set(ReasonCode)
    assert all(title and not title.isascii() for title in REASON_TITLES.values())
