"""Checks shared by everything shaped like a GB 11643 ID number.

An ID number, and the part after the letter of each national student number
form, is 6-digit division + 8-digit birth date + 3-digit sequence + MOD 11-2
check character. The checks are the same; only the field, the Chinese label
and the reason codes differ, which `IdShapeVocabulary` names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.divisions import (
    RESIDENCE_PERMIT_DIVISIONS,
    is_known_division,
    retired_before,
)
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason

ID_SHAPE_LENGTH = 18
_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
# GB 11643 numbers were first issued in 1999 to people born in the 1900s; a
# birth year before 1900 in an ID-shaped number is a typing error.
EARLIEST_BIRTH_YEAR = 1900


class DivisionRule(StrEnum):
    CITIZEN = "citizen"  # a GB/T 2260 division, not a residence-permit prefix
    RESIDENCE_PERMIT = "residence_permit"  # 810000, 820000 or 830000
    ANY = "any"


@dataclass(frozen=True)
class IdShapeVocabulary:
    field: str
    label: str
    characters: ReasonCode
    division_unknown: ReasonCode
    division_retired: ReasonCode
    birth_date_invalid: ReasonCode
    birth_date_future: ReasonCode
    check_digit: ReasonCode
    type_mismatch: ReasonCode | None = None


def is_id_shaped(text: str) -> bool:
    """17 ASCII digits followed by a digit or X."""
    return _SHAPE.fullmatch(text) is not None


# One record asks this of the same number several times (shape check, IdNumber, its birth date).
@lru_cache(maxsize=64)
def birth_date_of(body: str) -> date | None:
    """The birth date encoded at positions 7-14, or None when it is no real date."""
    year, month, day = int(body[6:10]), int(body[10:12]), int(body[12:14])
    if year < EARLIEST_BIRTH_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def check_id_shape(
    body: str,
    *,
    today: date,
    rule: DivisionRule,
    words: IdShapeVocabulary,
    value: str,
) -> list[Reason]:
    """Every failed check on an 18-character body; `value` is what to report as given."""
    if not is_id_shaped(body):
        return [
            Reason(
                words.characters,
                words.field,
                f"{words.label}前17位须为数字，末位须为数字或X",
                value,
            )
        ]
    reasons: list[Reason] = []
    birth = birth_date_of(body)
    reasons.extend(_division_reasons(body[:6], birth, rule=rule, words=words, value=value))
    if birth is None:
        reasons.append(
            Reason(
                words.birth_date_invalid,
                words.field,
                f"{words.label}中的出生日期{body[6:14]}不是有效日期",
                value,
            )
        )
    elif birth > today:
        reasons.append(
            Reason(
                words.birth_date_future,
                words.field,
                f"{words.label}中的出生日期{birth.isoformat()}晚于当前日期",
                value,
            )
        )
    expected = check_character(body[:17])
    if body[17] != expected:
        reasons.append(
            Reason(
                words.check_digit,
                words.field,
                f"{words.label}校验码错误：末位应为{expected}，实际为{body[17]}",
                value,
            )
        )
    return reasons


def _division_reasons(
    division: str,
    birth: date | None,
    *,
    rule: DivisionRule,
    words: IdShapeVocabulary,
    value: str,
) -> list[Reason]:
    is_permit = division in RESIDENCE_PERMIT_DIVISIONS
    if rule is not DivisionRule.ANY and words.type_mismatch is not None:
        if rule is DivisionRule.RESIDENCE_PERMIT and not is_permit:
            message = f"港澳台居民居住证号码须以810000、820000或830000开头，实际为{division}"
            return [Reason(words.type_mismatch, words.field, message, value)]
        if rule is DivisionRule.CITIZEN and is_permit:
            message = f"{division}开头的号码是港澳台居民居住证号码，与证件类型不符"
            return [Reason(words.type_mismatch, words.field, message, value)]
    if is_permit:
        return []
    if not is_known_division(division):
        message = f"{words.label}中的地址码{division}不是有效的行政区划代码"
        return [Reason(words.division_unknown, words.field, message, value)]
    if birth is not None and retired_before(division, birth.year):
        message = f"{words.label}中的地址码{division}在出生年份{birth.year}之前已撤销"
        return [Reason(words.division_retired, words.field, message, value)]
    return []
