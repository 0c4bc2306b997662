"""School identification code (学校标识码): 10 digits.

2-digit school category + 2-digit province (GB/T 2260) + 6-digit sequence.
The province part must be the school's own province, and the category must be
one whose pupils belong in the primary and secondary registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_registry.domain.code_tables import SCHOOL_CATEGORIES, SchoolCategory
from xueji_registry.domain.divisions import PROVINCES
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import InvalidValue, Reason
from xueji_registry.domain.text_width import normalise_identifier

FIELD = "school_code"
SCHOOL_CODE_LENGTH = 10


class InvalidSchoolCode(InvalidValue):
    pass


def check_school_code(raw: str, *, province_code: str | None = None) -> list[Reason]:
    """Every failed check on `raw`; `province_code` is the school's province when known."""
    text = normalise_identifier(raw)
    if len(text) != SCHOOL_CODE_LENGTH or not text.isascii() or not text.isdigit():
        message = f"学校标识码应为10位数字，实际为“{text}”"
        return [Reason(ReasonCode.SCHOOL_CODE_FORMAT, FIELD, message, raw)]
    reasons: list[Reason] = []
    category = SCHOOL_CATEGORIES.get(text[:2])
    if category is None:
        message = f"学校类别码{text[:2]}不存在"
        reasons.append(Reason(ReasonCode.SCHOOL_CODE_CATEGORY, FIELD, message, raw))
    elif not category.in_registry:
        message = f"学校类别“{category.name}”（{category.code}）不属于中小学学籍管理范围"
        reasons.append(Reason(ReasonCode.SCHOOL_CODE_CATEGORY_OUT_OF_SCOPE, FIELD, message, raw))
    if text[2:4] not in PROVINCES:
        message = f"学校标识码中的省级代码{text[2:4]}不存在"
        reasons.append(Reason(ReasonCode.SCHOOL_CODE_PROVINCE, FIELD, message, raw))
    elif province_code is not None and text[2:4] != province_code:
        expected = PROVINCES.get(province_code, province_code)
        message = (
            f"学校标识码中的省级代码{text[2:4]}与学校所在省份{expected}（{province_code}）不符"
        )
        reasons.append(Reason(ReasonCode.SCHOOL_CODE_PROVINCE_MISMATCH, FIELD, message, raw))
    return reasons


@dataclass(frozen=True)
class SchoolCode:
    value: str

    def __post_init__(self) -> None:
        digits = self.value.isascii() and self.value.isdigit()
        if len(self.value) != SCHOOL_CODE_LENGTH or not digits:
            raise ValueError(f"not a school code: {self.value!r}; use SchoolCode.parse")

    @classmethod
    def parse(cls, raw: str, *, province_code: str | None = None) -> SchoolCode:
        reasons = check_school_code(raw, province_code=province_code)
        if reasons:
            raise InvalidSchoolCode(reasons)
        return cls(normalise_identifier(raw))

    @property
    def category_code(self) -> str:
        return self.value[:2]

    @property
    def category(self) -> SchoolCategory:
        return SCHOOL_CATEGORIES[self.category_code]

    @property
    def province_code(self) -> str:
        return self.value[2:4]

    @property
    def sequence(self) -> str:
        return self.value[4:]

    def __str__(self) -> str:
        return self.value
