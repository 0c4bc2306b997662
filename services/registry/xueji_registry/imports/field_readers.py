"""Reading each template column into the value the record checks and the database expect.

Unknown codes that the record checks know how to report (gender, ethnicity, ID
type, stage) are passed through as typed so that the check names them; the
rest are reported here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from xueji_registry.domain.code_tables import RESIDENT_ID_CARD
from xueji_registry.domain.divisions import is_known_division
from xueji_registry.domain.names import check_name
from xueji_registry.domain.text_width import fold_full_width
from xueji_registry.imports import vocabulary as words
from xueji_registry.imports.candidate import RowValues
from xueji_registry.imports.cells import CellValue, cell_date, digits_lost
from xueji_registry.imports.reason_codes import ImportReasonCode as Code
from xueji_registry.imports.reason_collector import lookup, text_of, word_key
from xueji_registry.imports.schooling_fields import PLACEHOLDER_GRADE, SchoolingFields
from xueji_registry.pupils.state import Guardian

TEXT_MAX_LENGTH = 200
RELATION_MAX_LENGTH = 20
_PHONE = re.compile(r"\+?[0-9][0-9 ()\-]{5,22}[0-9]")
_PHONE_DIGITS = (7, 15)


class FieldReader(SchoolingFields):
    """Reads one row's cells; collects the reasons and the fields it could not read."""

    def read(self, cells: Mapping[str, CellValue]) -> tuple[RowValues, str | None]:
        """The row's values and the national number it gives; neutral default values stand in for
        unreadable fields (see `failed`)."""
        get = cells.get
        id_number = self._identifier(get("id_number"), "id_number")
        grade = self._grade(get("grade"))
        school_class = self._class(get("class_name"), grade)
        inclusive = self._yes_no(get("inclusive_education"), "inclusive_education")
        values: RowValues = {
            "name": text_of(get("name", "")),
            "gender": self._passthrough(get("gender"), words.GENDER_WORDS),
            "birth_date": self._date(get("birth_date"), "birth_date"),
            "grade": PLACEHOLDER_GRADE if grade is None else grade,
            "stage": self._stage(get("stage"), grade),
            "enrolment_year": self._year(get("enrolment_year")),
            "id_type": self._id_type(get("id_type"), id_number),
            "id_number": id_number,
            "local_number": self._identifier(get("local_number"), "local_number"),
            "ethnicity": self._passthrough(get("ethnicity"), words.ETHNICITY_WORDS),
            "nationality": self._nationality(get("nationality")),
            "household_division": self._division(get("household_division")),
            "household_address": self._free_text(get("household_address"), "household_address"),
            "address": self._free_text(get("address"), "address"),
            "guardians": self._guardians(
                get("guardian_name"), get("guardian_relation"), get("guardian_phone")
            ),
            "class_id": school_class.id if school_class is not None else None,
            "inclusive_education": inclusive,
            "disability_category": self._disability(get("disability_category"), inclusive),
        }
        return values, self._identifier(get("national_number"), "national_number")

    def _guardians(
        self, name: CellValue, relation: CellValue, phone: CellValue
    ) -> tuple[Guardian, ...]:
        found_name = self._guardian_name(name)
        found_relation = self._free_text(relation, "guardian_relation", RELATION_MAX_LENGTH)
        found_phone = self._phone(phone)
        if found_name is None and found_relation is None and found_phone is None:
            return ()
        if found_name is None and "guardian_name" not in self.failed:
            self.fail("guardian_name", Code.VALUE_MISSING, "填写了监护人信息，但缺少监护人姓名")
        if found_relation is None:
            self.fail("guardian_relation", Code.VALUE_MISSING, "请填写监护人与学生的关系")
        return (Guardian(found_name or "", found_relation or "", found_phone),)

    def _passthrough(self, value: CellValue, vocabulary: Mapping[str, str]) -> str | None:
        text = text_of(value)
        if not text:
            return None
        found = lookup(text, vocabulary)
        return found if found is not None else text

    def _identifier(self, value: CellValue, field: str) -> str | None:
        if digits_lost(value):
            message = "该列被Excel存为数字，超过15位的部分已丢失；请将单元格设为文本后重新填写"
            self.fail(field, Code.DIGITS_LOST_AS_NUMBER, message, value)
            return None
        return text_of(value) or None

    def _id_type(self, value: CellValue, id_number: str | None) -> str | None:
        text = text_of(value)
        if not text:
            return RESIDENT_ID_CARD if id_number or "id_number" in self.failed else None
        found = lookup(text, words.ID_TYPE_WORDS)
        return found if found is not None else text

    def _date(self, value: CellValue, field: str) -> date | None:
        if text_of(value) == "":
            return None
        found = cell_date(value)
        if found is None:
            self.fail(field, Code.DATE_INVALID, "日期无法识别，请填写如2019-03-04的日期", value)
        return found

    def _nationality(self, value: CellValue) -> str:
        text = text_of(value)
        if not text:
            return words.DEFAULT_NATIONALITY
        code = lookup(text, words.NATIONALITY_WORDS)
        if code is None:
            message = "国籍无法识别，请填写国家名称或三位字母代码"
            self.fail("nationality", Code.VALUE_UNKNOWN, message, value)
            return words.DEFAULT_NATIONALITY
        return code

    def _free_text(self, value: CellValue, field: str, limit: int = TEXT_MAX_LENGTH) -> str | None:
        # Width folded and with single spaces here, so that storing it changes nothing more.
        text = fold_full_width(text_of(value))
        if "  " in text or not text.isprintable():
            text = " ".join(text.split())
        if len(text) > limit:
            self.fail(field, Code.TEXT_TOO_LONG, f"内容不能超过{limit}个字符", value)
        return text or None

    def _division(self, value: CellValue) -> str | None:
        text = text_of(value)
        if text and not is_known_division(text):
            text = word_key(text)
        if text and not is_known_division(text):
            message = "户口所在地区划代码应为6位有效的行政区划代码"
            self.fail("household_division", Code.HOUSEHOLD_DIVISION_UNKNOWN, message, value)
        return text or None

    def _guardian_name(self, value: CellValue) -> str | None:
        text = text_of(value)
        if not text:
            return None
        for reason in check_name(text, field="guardian_name"):
            self.fail("guardian_name", reason.code, "监护人" + reason.message, value)
        return " ".join(fold_full_width(text).split())

    def _phone(self, value: CellValue) -> str | None:
        text = fold_full_width(text_of(value))
        if not text:
            return None
        digits = sum(map(str.isdigit, text))
        if not _PHONE.fullmatch(text) or not _PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1]:
            self.fail("guardian_phone", Code.PHONE_INVALID, "监护人电话格式不正确", value)
        return text

    def _yes_no(self, value: CellValue, field: str) -> bool:
        text = text_of(value)
        if text in words.YES_WORDS or text in words.NO_WORDS:
            return text in words.YES_WORDS
        text = word_key(text)
        if text in words.YES_WORDS:
            return True
        if text not in words.NO_WORDS:
            self.fail(field, Code.VALUE_UNKNOWN, "请填写“是”或“否”", value)
        return False

    def _disability(self, value: CellValue, inclusive: bool) -> str | None:
        text = text_of(value)
        if not text:
            if inclusive:
                message = "随班就读学生须填写残疾类型"
                self.fail("disability_category", Code.DISABILITY_CATEGORY_MISSING, message)
            return None
        code = lookup(text, words.DISABILITY_WORDS)
        if code is None:
            names = "、".join(words.DISABILITY_CATEGORIES.values())
            message = f"残疾类型无法识别，应为{names}之一"
            self.fail("disability_category", Code.VALUE_UNKNOWN, message, value)
        return code
