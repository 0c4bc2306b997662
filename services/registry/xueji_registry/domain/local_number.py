"""Checks of a local/secondary number (学籍副号) against its record.

The layout comes from `local_number_formats` by the school's province. Where
a province has a layout, the number must have exactly its digits and its
school, stage and enrolment-year parts must be the record's. Duplicates
within a batch are found by `batch_duplicates.find_duplicate_local_numbers`.
"""

from __future__ import annotations

import re

from xueji_registry.domain.code_tables import STAGE_NAMES, Stage, stage_from
from xueji_registry.domain.local_number_formats import (
    LocalNumberFormat,
    LocalNumberPart,
    local_number_format,
)
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import normalise_identifier

FIELD = "local_number"
# Provinces without a known layout: letters, digits and hyphens, as numbers
# printed on cards and typed into login forms look.
FREE_FORM = re.compile(r"[0-9A-Z-]{1,32}")


def normalise_local_number(raw: str) -> str:
    return normalise_identifier(raw)


def check_local_number(
    raw: str,
    *,
    province_code: str,
    school_code: str,
    stage: Stage | str,
    enrolment_year: int,
) -> list[Reason]:
    """Every failed check of `raw` against the record it belongs to."""
    text = normalise_local_number(raw)
    layout = local_number_format(province_code)
    if layout is None:
        if FREE_FORM.fullmatch(text):
            return []
        message = "学籍副号只能包含数字、字母和连字符，且不超过32位"
        return [Reason(ReasonCode.LOCAL_NUMBER_FORMAT, FIELD, message, raw)]
    reasons: list[Reason] = []
    if not (text.isascii() and text.isdigit()):
        message = "学籍副号只能包含数字"
        reasons.append(Reason(ReasonCode.LOCAL_NUMBER_FORMAT, FIELD, message, raw))
    if len(text) != layout.length:
        shortfall = "缺位" if len(text) < layout.length else "多位"
        message = f"学籍副号应为{layout.length}位，实际为{len(text)}位（{shortfall}）"
        reasons.append(Reason(ReasonCode.LOCAL_NUMBER_LENGTH, FIELD, message, raw))
    if reasons:
        return reasons
    return _part_reasons(raw, layout, layout.split(text), school_code, stage, enrolment_year)


def _part_reasons(
    raw: str,
    layout: LocalNumberFormat,
    parts: dict[LocalNumberPart, str],
    school_code: str,
    stage: Stage | str,
    enrolment_year: int,
) -> list[Reason]:
    reasons: list[Reason] = []
    found_school = parts.get(LocalNumberPart.SCHOOL_CODE)
    if found_school is not None and found_school != school_code:
        message = f"学籍副号中的学校代码{found_school}与本校标识码{school_code}不符"
        reasons.append(Reason(ReasonCode.LOCAL_NUMBER_SCHOOL_MISMATCH, FIELD, message, raw))
    found_stage = parts.get(LocalNumberPart.STAGE)
    known_stage = stage_from(stage)
    expected_stage = layout.stage_codes.get(known_stage) if known_stage else None
    if found_stage is not None and found_stage != expected_stage:
        reasons.append(_stage_reason(raw, layout, found_stage, stage))
    found_year = parts.get(LocalNumberPart.ENROLMENT_YEAR)
    if found_year is not None and found_year != f"{enrolment_year:04d}":
        message = f"学籍副号中的入学年份{found_year}与记录的入学年份{enrolment_year}不符"
        reasons.append(Reason(ReasonCode.LOCAL_NUMBER_YEAR_MISMATCH, FIELD, message, raw))
    return reasons


def _stage_reason(raw: str, layout: LocalNumberFormat, found: str, stage: Stage | str) -> Reason:
    found_stage = layout.stage_of(found)
    known_stage = stage_from(stage)
    expected_name = STAGE_NAMES[known_stage] if known_stage else str(stage)
    if found_stage is None:
        message = f"学籍副号中的学段代码{found}不存在"
    else:
        message = (
            f"学籍副号中的学段代码{found}（{STAGE_NAMES[found_stage]}）"
            f"与记录的学段“{expected_name}”不符"
        )
    return Reason(ReasonCode.LOCAL_NUMBER_STAGE_MISMATCH, FIELD, message, raw)
