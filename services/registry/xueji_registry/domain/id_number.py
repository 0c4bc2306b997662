"""Resident ID number (公民身份号码, GB 11643-1999) as a value object.

Input may use full-width digits, a full-width or lower-case x and surrounding
spaces; the stored value is 18 ASCII characters with an upper-case X. Legacy
15-digit numbers and other lengths are reported, never converted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.code_tables import FEMALE, MALE
from xueji_registry.domain.divisions import RESIDENCE_PERMIT_DIVISIONS
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

__all__ = ["ID_NUMBER_WORDS", "IdNumber", "InvalidIdNumber", "check_character", "check_id_number"]

LEGACY_LENGTH = 15

ID_NUMBER_WORDS = IdShapeVocabulary(
    field="id_number",
    label="身份证号",
    characters=ReasonCode.ID_NUMBER_CHARACTERS,
    division_unknown=ReasonCode.ID_NUMBER_DIVISION_UNKNOWN,
    division_retired=ReasonCode.ID_NUMBER_DIVISION_RETIRED,
    birth_date_invalid=ReasonCode.ID_NUMBER_BIRTH_DATE_INVALID,
    birth_date_future=ReasonCode.ID_NUMBER_BIRTH_DATE_FUTURE,
    check_digit=ReasonCode.ID_NUMBER_CHECK_DIGIT,
    type_mismatch=ReasonCode.ID_NUMBER_TYPE_MISMATCH,
)


class InvalidIdNumber(InvalidValue):
    pass


@lru_cache(maxsize=32)
def _words_for(field: str) -> IdShapeVocabulary:
    return replace(ID_NUMBER_WORDS, field=field)


def check_id_number(
    raw: str, *, today: date, residence_permit: bool = False, field: str = "id_number"
) -> list[Reason]:
    """Every failed check on `raw`; empty when it is a valid ID number.

    `residence_permit` selects the Hong Kong/Macao/Taiwan residence permit,
    whose division part must be 810000, 820000 or 830000.
    """
    words = _words_for(field)
    text = normalise_identifier(raw)
    if not text:
        return [Reason(ReasonCode.ID_NUMBER_MISSING, field, "身份证号为空", raw)]
    if len(text) == LEGACY_LENGTH and text.isascii() and text.isdigit():
        message = "15位旧身份证号不能使用，请填写18位身份证号"
        return [Reason(ReasonCode.ID_NUMBER_LEGACY_15, field, message, raw)]
    if len(text) != ID_SHAPE_LENGTH:
        message = f"身份证号应为18位，实际为{len(text)}位"
        return [Reason(ReasonCode.ID_NUMBER_LENGTH, field, message, raw)]
    rule = DivisionRule.RESIDENCE_PERMIT if residence_permit else DivisionRule.CITIZEN
    return check_id_shape(text, today=today, rule=rule, words=words, value=raw)


@dataclass(frozen=True)
class IdNumber:
    """A valid, normalised 18-character ID number (or residence permit number)."""

    value: str

    def __post_init__(self) -> None:
        # Direct construction is for values read back from storage; it guards the
        # shape the properties rely on, while parse() runs every check.
        if (
            not is_id_shaped(self.value)
            or birth_date_of(self.value) is None
            or check_character(self.value[:17]) != self.value[17]
        ):
            raise ValueError(f"not a valid ID-shaped number: {self.value!r}; use IdNumber.parse")

    @classmethod
    def parse(cls, raw: str, *, today: date, residence_permit: bool = False) -> IdNumber:
        reasons = check_id_number(raw, today=today, residence_permit=residence_permit)
        if reasons:
            raise InvalidIdNumber(reasons)
        return cls(normalise_identifier(raw))

    @property
    def division_code(self) -> str:
        return self.value[:6]

    @property
    def birth_date(self) -> date:
        birth = birth_date_of(self.value)
        if birth is None:
            raise ValueError(self.value)
        return birth

    @property
    def sequence(self) -> str:
        return self.value[14:17]

    @property
    def check(self) -> str:
        return self.value[17]

    @property
    def gender(self) -> str:
        """'M' for an odd sequence, 'F' for an even one."""
        return "M" if int(self.value[16]) % 2 else "F"

    @property
    def gender_code(self) -> str:
        """The GB/T 2261.1 code ('1' male, '2' female) the record stores."""
        return MALE if self.gender == "M" else FEMALE

    @property
    def is_residence_permit(self) -> bool:
        return self.division_code in RESIDENCE_PERMIT_DIVISIONS

    def __str__(self) -> str:
        return self.value
