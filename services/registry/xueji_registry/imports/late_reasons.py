"""Reasons a row fails after its own checks passed: duplicates in the file, records elsewhere."""

from __future__ import annotations

from collections.abc import Sequence

from xueji_registry.domain.batch_duplicates import (
    duplicate_positions,
    find_duplicate_id_numbers,
    find_duplicate_local_numbers,
)
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import normalise_identifier
from xueji_registry.imports.reason_codes import ImportReasonCode
from xueji_registry.pupils.holders import Holder

_SHOWN_ROWS = 5


def batch_duplicates(
    rows: Sequence[int], id_numbers: Sequence[str], local_numbers: Sequence[str]
) -> dict[int, list[Reason]]:
    """Rows whose ID number or local number recurs in the file, each naming the other rows."""
    found: dict[int, list[Reason]] = {}
    for raws, finder in (
        (id_numbers, find_duplicate_id_numbers),
        (local_numbers, find_duplicate_local_numbers),
    ):
        keys = [normalise_identifier(raw) or None for raw in raws]
        others = duplicate_positions(keys)
        for position, reason in finder([raw or None for raw in raws]).items():
            shown = "、".join(str(rows[i]) for i in others[position][:_SHOWN_ROWS])
            more = "等" if len(others[position]) > _SHOWN_ROWS else ""
            message = f"{reason.message}（另见第{shown}{more}行）"
            found.setdefault(rows[position], []).append(
                Reason(reason.code, reason.field, message, reason.value)
            )
    return found


def active_elsewhere(holder: Holder) -> Reason:
    message = (
        f"该身份证号已在{holder.school_name}（{holder.school_code}）有在籍学籍，一人只能有一个学籍；"
        "如为转入学生，请办理转学手续"
    )
    code = ImportReasonCode.ID_NUMBER_ACTIVE_ELSEWHERE
    return Reason(code, "id_number", message, holder.id_number)


def held_elsewhere(national_number: str | None) -> Reason:
    """The national number is taken, and not by a record of this ID number (or it went away)."""
    message = "该学生的学籍号已被其他在籍学籍使用，请核对后重新导入"
    code = ImportReasonCode.NATIONAL_NUMBER_ACTIVE_ELSEWHERE
    return Reason(code, "national_number", message, national_number)
