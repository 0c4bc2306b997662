"""Duplicates inside one batch (an import file, a class, a school's submission)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import TypeVar

from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import normalise_identifier

K = TypeVar("K", bound=Hashable)


def duplicate_positions(keys: Sequence[K | None]) -> dict[int, list[int]]:
    """For each position whose key occurs more than once, the other positions with it.

    None keys (a value that is absent) never count as duplicates.
    """
    positions: dict[K, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        if key is not None:
            positions[key].append(index)
    return {
        index: [other for other in group if other != index]
        for group in positions.values()
        if len(group) > 1
        for index in group
    }


def find_duplicate_id_numbers(id_numbers: Sequence[str | None]) -> dict[int, Reason]:
    """Positions (0-based, in input order) whose ID number recurs in the batch.

    Numbers are compared normalised, so full-width and half-width forms collide.
    Every occurrence is reported: which one is right is for the school to say.
    """
    return _reasons_for(
        id_numbers, ReasonCode.ID_NUMBER_DUPLICATE, "id_number", "身份证号在本批数据中重复"
    )


def find_duplicate_local_numbers(local_numbers: Sequence[str | None]) -> dict[int, Reason]:
    """Positions (0-based, in input order) whose local number recurs in the batch."""
    return _reasons_for(
        local_numbers, ReasonCode.LOCAL_NUMBER_DUPLICATE, "local_number", "学籍副号在本批数据中重复"
    )


def _reasons_for(
    raws: Sequence[str | None], code: ReasonCode, field: str, message: str
) -> dict[int, Reason]:
    # Positions stay out of the message: the caller knows how they map to rows.
    keys = [_key(raw) for raw in raws]
    return {
        index: Reason(code, field, f"{message}，共出现{len(others) + 1}次", raws[index])
        for index, others in duplicate_positions(keys).items()
    }


def _key(raw: str | None) -> str | None:
    if raw is None:
        return None
    text = normalise_identifier(raw)
    return text or None

