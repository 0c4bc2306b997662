"""National student number (全国学籍号).

Three forms, each a letter followed by an ID-shaped part with a valid
MOD 11-2 check character:

- G + the pupil's 18-character ID number, once national de-duplication and the
  population-registry check passed (正式学籍号);
- L + an ID-shaped temporary number issued at first registration (临时学籍号),
  in practice the ID number as entered, upgraded to G later;
- J + area code + birth date + sequence + check for a pupil with no usable ID
  number; it needs the bureau's written proof.

Input may use a lower-case or full-width letter and full-width digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.id_number import IdNumber
from xueji_registry.domain.id_shape import (
    ID_SHAPE_LENGTH,
    DivisionRule,
    IdShapeVocabulary,
    birth_date_of,
    check_id_shape,
    is_id_shaped,
)
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import InvalidValue, Reason
from xueji_registry.domain.text_width import normalise_identifier

FIELD = "national_number"
NATIONAL_NUMBER_LENGTH = ID_SHAPE_LENGTH + 1


class NationalNumberForm(StrEnum):
    G = "G"  # 正式学籍号
    L = "L"  # 临时学籍号
    J = "J"  # 无有效身份证号学生的学籍号


NATIONAL_NUMBER_WORDS = IdShapeVocabulary(
    field=FIELD,
    label="全国学籍号",
    characters=ReasonCode.NATIONAL_NUMBER_CHARACTERS,
    division_unknown=ReasonCode.NATIONAL_NUMBER_DIVISION_UNKNOWN,
    division_retired=ReasonCode.NATIONAL_NUMBER_DIVISION_RETIRED,
    birth_date_invalid=ReasonCode.NATIONAL_NUMBER_BIRTH_DATE_INVALID,
    birth_date_future=ReasonCode.NATIONAL_NUMBER_BIRTH_DATE_FUTURE,
    check_digit=ReasonCode.NATIONAL_NUMBER_CHECK_DIGIT,
)


class InvalidNationalNumber(InvalidValue):
    pass


def check_national_number(raw: str, *, today: date) -> list[Reason]:
    """Every failed check on `raw`; empty when it is a well-formed national number."""
    text = normalise_identifier(raw)
    reasons: list[Reason] = []
    if text[:1] not in NationalNumberForm.__members__:
        message = "全国学籍号须以G、L或J开头"
        reasons.append(Reason(ReasonCode.NATIONAL_NUMBER_FORMAT, FIELD, message, raw))
    if len(text) != NATIONAL_NUMBER_LENGTH:
        message = f"全国学籍号应为19位（字母加18位），实际为{len(text)}位"
        reasons.append(Reason(ReasonCode.NATIONAL_NUMBER_LENGTH, FIELD, message, raw))
    if reasons:
        return reasons
    # Whatever the letter, the part after it is validated like an ID number; a
    # G number may carry a residence-permit number, hence DivisionRule.ANY.
    return check_id_shape(
        text[1:], today=today, rule=DivisionRule.ANY, words=NATIONAL_NUMBER_WORDS, value=raw
    )


@dataclass(frozen=True)
class NationalStudentNumber:
    value: str

    def __post_init__(self) -> None:
        if (
            len(self.value) != NATIONAL_NUMBER_LENGTH
            or self.value[0] not in NationalNumberForm.__members__
            or not is_id_shaped(self.value[1:])
            or birth_date_of(self.value[1:]) is None
            or check_character(self.value[1:18]) != self.value[18]
        ):
            raise ValueError(f"not a national student number: {self.value!r}; use parse")

    @classmethod
    def parse(cls, raw: str, *, today: date) -> NationalStudentNumber:
        reasons = check_national_number(raw, today=today)
        if reasons:
            raise InvalidNationalNumber(reasons)
        return cls(normalise_identifier(raw))

    @property
    def form(self) -> NationalNumberForm:
        return NationalNumberForm(self.value[0])

    @property
    def id_part(self) -> str:
        return self.value[1:]

    @property
    def birth_date(self) -> date:
        birth = birth_date_of(self.id_part)
        if birth is None:
            raise ValueError(self.value)
        return birth

    @property
    def needs_id_number(self) -> bool:
        """G and L numbers stand for an ID number; J numbers exist because there is none."""
        return self.form is not NationalNumberForm.J

    def matches_id(self, id_number: IdNumber) -> bool:
        """True when a G or L number carries exactly this ID number (J never does)."""
        return self.needs_id_number and self.id_part == id_number.value

    def __str__(self) -> str:
        return self.value
