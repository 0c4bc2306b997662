"""Reading where a pupil belongs: grade, stage, enrolment year and class."""

from __future__ import annotations

from xueji_registry.imports import vocabulary as words
from xueji_registry.imports.cells import CellValue, cell_int
from xueji_registry.imports.reason_codes import ImportReasonCode as Code
from xueji_registry.imports.reason_collector import ReasonCollector, lookup, text_of
from xueji_registry.pupils.state import ClassRef

# Years a school year can start in; beyond them a year is a typing error (and dates break).
YEARS = range(1950, 2101)
# Stand-ins for unreadable values, so that the record checks can still run on the rest.
PLACEHOLDER_GRADE = 1
PLACEHOLDER_STAGE = "primary"


class SchoolingFields(ReasonCollector):
    def _grade(self, value: CellValue) -> int | None:
        only = self.school.only_class
        text = text_of(value)
        if not text:
            if only is not None:
                return only.grade
            self.fail("grade", Code.VALUE_MISSING, "年级不能为空")
            return None
        grade = lookup(text, words.GRADE_WORDS)
        if grade is None:
            message = "年级无法识别，请填写如一年级、初一、高一或1-12"
            self.fail("grade", Code.VALUE_UNKNOWN, message, value)
        elif only is not None and grade != only.grade:
            self.fail("grade", Code.CLASS_MISMATCH, f"年级与所导入的班级{only.name}不符", value)
        return grade

    def _stage(self, value: CellValue, grade: int | None) -> str:
        text = text_of(value)
        if text:
            stage = lookup(text, words.STAGE_WORDS)
            return stage.value if stage is not None else text
        if grade is None:
            self.failed.add("stage")  # nothing to derive it from; the grade's reason says why
            return PLACEHOLDER_STAGE
        stage = self.school.stage_for(grade)
        if stage is None:
            message = "无法根据年级确定学段，请填写学段（小学/初中/高中/特殊教育）"
            self.fail("stage", Code.STAGE_AMBIGUOUS, message)
            return PLACEHOLDER_STAGE
        return stage.value

    def _year(self, value: CellValue) -> int:
        # An unreadable year stands in as this year; its dependent checks are dropped.
        if text_of(value) == "":
            self.fail("enrolment_year", Code.VALUE_MISSING, "入学年份不能为空")
            return self.school.today.year
        year = cell_int(value)
        if year is None or year not in YEARS:
            message = "入学年份应为四位年份，如2026"
            self.fail("enrolment_year", Code.YEAR_INVALID, message, value)
            return self.school.today.year
        return year

    def _class(self, value: CellValue, grade: int | None) -> ClassRef | None:
        text = text_of(value)
        only = self.school.only_class
        if not text or grade is None:
            return only
        found = self.school.find_class(grade, text)
        if only is not None and found != only:
            message = f"班级与所导入的班级{only.name}不符"
            self.fail("class_name", Code.CLASS_MISMATCH, message, value)
            return only
        if found is None:
            message = "本校该年级没有这个班级，请先建班或核对班级"
            self.fail("class_name", Code.CLASS_NOT_FOUND, message, value)
        return found
