"""Checks of a pupil's identity numbers: ID document and national student number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xueji_registry.domain.code_tables import ID_TYPES, IdNumberShape
from xueji_registry.domain.id_number import IdNumber, check_id_number
from xueji_registry.domain.national_number import FIELD as NATIONAL_FIELD
from xueji_registry.domain.national_number import NationalStudentNumber, check_national_number
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import normalise_identifier

DOCUMENT_NUMBER_MAX_LENGTH = 32


@dataclass(frozen=True)
class IdentityFindings:
    reasons: list[Reason]
    id_number: IdNumber | None  # set when the document carries a valid ID-shaped number
    id_shaped_given: bool = False  # an ID-shaped number was given, valid or not


def check_id_document(
    id_type: str | None, raw_number: str | None, *, today: date
) -> IdentityFindings:
    number = normalise_identifier(raw_number or "")
    if id_type is None:
        if not number:
            return IdentityFindings([], None)
        message = "填写了证件号码但未填写证件类型"
        return IdentityFindings([Reason(ReasonCode.ID_TYPE_UNKNOWN, "id_type", message)], None)
    kind = ID_TYPES.get(id_type)
    if kind is None:
        message = f"证件类型代码“{id_type}”不存在"
        reason = Reason(ReasonCode.ID_TYPE_UNKNOWN, "id_type", message, id_type)
        return IdentityFindings([reason], None)
    if not number:
        message = f"证件类型为{kind.name}，但未填写证件号码"
        reason = Reason(ReasonCode.ID_NUMBER_MISSING, "id_number", message)
        return IdentityFindings([reason], None)
    if kind.shape is IdNumberShape.FREE:
        plain = number.replace("-", "")
        if plain.isascii() and plain.isalnum() and len(number) <= DOCUMENT_NUMBER_MAX_LENGTH:
            return IdentityFindings([], None)
        message = f"{kind.name}号码只能包含字母、数字和连字符，且不超过32位"
        reason = Reason(ReasonCode.ID_DOCUMENT_NUMBER_FORMAT, "id_number", message, raw_number)
        return IdentityFindings([reason], None)
    permit = kind.shape is IdNumberShape.RESIDENCE_PERMIT
    reasons = check_id_number(raw_number or "", today=today, residence_permit=permit)
    if reasons:
        return IdentityFindings(reasons, None, id_shaped_given=True)
    return IdentityFindings([], IdNumber(number), id_shaped_given=True)


def check_national_number_fit(
    raw: str,
    *,
    today: date,
    id_number: IdNumber | None,
    id_number_given: bool,
    birth_date: date | None,
) -> list[Reason]:
    """The national number's own checks and how it fits the pupil's ID number.

    `id_number_given` says whether the record has an ID-shaped number at all,
    valid or not: an invalid one is reported once, on the ID number.
    """
    reasons = check_national_number(raw, today=today)
    if reasons:
        return reasons
    national = NationalStudentNumber.parse(raw, today=today)
    if national.needs_id_number:
        if id_number is not None and not national.matches_id(id_number):
            message = f"{national.form}字头全国学籍号应为“{national.form}”加身份证号{id_number}"
            return [Reason(ReasonCode.NATIONAL_NUMBER_ID_MISMATCH, NATIONAL_FIELD, message, raw)]
        if id_number is None and not id_number_given:
            message = f"{national.form}字头全国学籍号须对应身份证号，但记录没有身份证号"
            return [Reason(ReasonCode.NATIONAL_NUMBER_REQUIRES_ID, NATIONAL_FIELD, message, raw)]
        return []
    if id_number is not None:
        message = "J字头学籍号仅用于无有效身份证号的学生；该生已有身份证号，应使用G或L字头学籍号"
        return [Reason(ReasonCode.NATIONAL_NUMBER_J_WITH_ID, NATIONAL_FIELD, message, raw)]
    if birth_date is not None and national.birth_date != birth_date:
        message = (
            f"J字头学籍号中的出生日期{national.birth_date.isoformat()}"
            f"与记录的出生日期{birth_date.isoformat()}不一致"
        )
        code = ReasonCode.NATIONAL_NUMBER_BIRTH_DATE_MISMATCH
        return [Reason(code, NATIONAL_FIELD, message, raw)]
    return []
