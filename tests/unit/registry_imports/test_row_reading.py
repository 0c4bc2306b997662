"""One row: read, checked with the registry's record checks, and reported field by field."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.registry_imports.sample_school import CLASSES, cells, context, layout
from tests.unit.registry_imports.sample_workbooks import pupil_row
from xueji_registry.imports.candidate import RowOutcome
from xueji_registry.imports.row_reading import read_row


def _read(
    row: dict[str, object], only_class: str | None = None, formulas: frozenset[int] = frozenset()
) -> RowOutcome:
    return read_row(7, cells(row), layout(), context(only_class), formulas)


def _codes(outcome: RowOutcome) -> list[tuple[str, str]]:
    return [(r.field, str(r.code)) for r in outcome.reasons]


def test_a_valid_row_becomes_the_stored_form_with_its_g_number() -> None:
    row = pupil_row(1, 班级="2", 身份证件号=None)
    row["身份证件号"] = pupil_row(1)["身份证件号"].lower()  # type: ignore[union-attr]
    outcome = _read(row)
    assert outcome.reasons == () and outcome.stored is not None
    stored = outcome.stored.values
    assert stored["id_number"] == str(row["身份证件号"]).upper()
    assert outcome.stored.national_number == "G" + stored["id_number"]
    assert (stored["gender"], stored["ethnicity"], stored["nationality"]) == ("1", "01", "CHN")
    assert (stored["stage"], stored["grade"]) == ("primary", 1)
    assert stored["class_id"] == CLASSES["0102"].id
    assert stored["guardians"][0].relation == "父亲"


def test_names_and_codes_are_read_in_the_forms_people_type() -> None:
    row = pupil_row(7, 性别=None, 民族="03", 国籍="ＣＨＮ", 身份证件类型="1", 年级="初一",
                    学段="初中", 随班就读="是", 残疾类型="听力残疾")  # fmt: skip
    row["性别"] = "男" if int(str(row["身份证件号"])[16]) % 2 else "女"
    outcome = _read(row)
    assert outcome.stored is not None, outcome.reasons
    stored = outcome.stored.values
    assert (stored["ethnicity"], stored["nationality"], stored["grade"]) == ("03", "CHN", 7)
    assert (stored["inclusive_education"], stored["disability_category"]) == (True, "2")


@pytest.mark.parametrize("column", ["姓名", "现住址", "监护人姓名", "监护人电话"])
def test_formula_looking_text_is_a_row_error_naming_the_column(column: str) -> None:
    outcome = _read(pupil_row(1, **{column: "=cmd|' /C calc'!A0"}))
    assert ("FORMULA_NOT_ALLOWED") in [str(r.code) for r in outcome.reasons]
    assert outcome.stored is None


def test_a_cell_holding_a_formula_is_a_row_error_even_with_a_harmless_value() -> None:
    id_column = layout()["id_number"]
    outcome = _read(pupil_row(1), formulas=frozenset({id_column}))
    assert _codes(outcome) == [("id_number", "FORMULA_NOT_ALLOWED")]


def test_each_bad_cell_is_reported_once_with_its_value_in_column_order() -> None:
    row = pupil_row(1, 性别="未知", 出生日期="2019-02-30", 入学年份="明年", 监护人电话="12ab")
    outcome = _read(row)
    assert _codes(outcome) == [
        ("gender", "GENDER_INVALID"),
        ("birth_date", "DATE_INVALID"),
        ("enrolment_year", "YEAR_INVALID"),
        ("guardian_phone", "PHONE_INVALID"),
    ]
    assert [r.value for r in outcome.reasons] == ["未知", "2019-02-30", "明年", "12ab"]


def test_record_checks_report_what_the_id_number_contradicts() -> None:
    row = pupil_row(1)
    row["出生日期"] = date(2019, 3, 2) if row["出生日期"] != date(2019, 3, 2) else date(2019, 3, 3)
    assert _codes(_read(row)) == [("birth_date", "BIRTH_DATE_MISMATCH")]


def test_an_id_number_stored_as_a_number_has_lost_digits() -> None:
    outcome = _read(pupil_row(1, 身份证件号=350102201903010031.0))
    assert _codes(outcome) == [("id_number", "DIGITS_LOST_AS_NUMBER")]


def test_under_age_first_graders_are_refused_with_the_cut_off() -> None:
    row = pupil_row(1)
    row["入学年份"] = int(str(row["身份证件号"])[6:10]) + 5
    outcome = _read(row)
    assert _codes(outcome) == [("birth_date", "UNDER_AGE_GRADE1")]
    assert "8月31日" in outcome.reasons[0].message


def test_missing_required_values_are_named() -> None:
    outcome = _read(pupil_row(1, 姓名=None, 年级=None, 入学年份=None))
    assert _codes(outcome) == [
        ("name", "NAME_EMPTY"),
        ("grade", "VALUE_MISSING"),
        ("enrolment_year", "VALUE_MISSING"),
    ]


def test_classes_must_exist_and_match_the_class_being_imported() -> None:
    assert _codes(_read(pupil_row(1, 班级="9"))) == [("class_name", "CLASS_NOT_FOUND")]
    assert _read(pupil_row(1, 班级="一年级(2)班")).stored is not None
    assert _codes(_read(pupil_row(1, 班级="1"), only_class="0102")) == [
        ("class_name", "CLASS_MISMATCH")
    ]
    assert _codes(_read(pupil_row(7), only_class="0102")) == [("grade", "CLASS_MISMATCH")]
    in_class = _read(pupil_row(1, 年级=None), only_class="0102")
    assert in_class.stored is not None and in_class.stored.values["class_id"] == CLASSES["0102"].id


def test_inclusive_education_needs_a_disability_category() -> None:
    outcome = _read(pupil_row(1, 随班就读="是"))
    assert _codes(outcome) == [("disability_category", "DISABILITY_CATEGORY_MISSING")]
    assert _codes(_read(pupil_row(1, 随班就读="也许"))) == [
        ("inclusive_education", "VALUE_UNKNOWN")
    ]


def test_a_given_national_number_must_be_the_g_number_of_the_id() -> None:
    row = pupil_row(1)
    assert _read(dict(row, 全国学籍号="g" + str(row["身份证件号"]))).stored is not None
    other = "G" + str(pupil_row(1)["身份证件号"])
    assert _codes(_read(dict(row, 全国学籍号=other))) == [
        ("national_number", "NATIONAL_NUMBER_ID_MISMATCH")
    ]
    temporary = "L" + str(row["身份证件号"])
    assert _codes(_read(dict(row, 全国学籍号=temporary))) == [
        ("national_number", "NATIONAL_NUMBER_ISSUED_BY_SYSTEM")
    ]


def test_a_pupil_without_an_id_document_goes_to_the_pupils_service_for_a_number() -> None:
    outcome = _read(pupil_row(1, 身份证件类型=None, 身份证件号=None))
    assert outcome.reasons == () and outcome.stored is None
    assert outcome.pending is not None and outcome.pending.suspect_key is not None


def test_a_grade_two_stages_could_hold_needs_the_stage_column() -> None:
    both = context().school.__class__(**{**context().school.__dict__,
                                         "stages": frozenset({"primary", "special"})})  # fmt: skip
    outcome = read_row(7, cells(pupil_row(1)), layout(), context(school=both))
    assert _codes(outcome) == [("stage", "STAGE_AMBIGUOUS")]
    explicit = read_row(7, cells(pupil_row(1, 学段="小学")), layout(), context(school=both))
    assert explicit.stored is not None
