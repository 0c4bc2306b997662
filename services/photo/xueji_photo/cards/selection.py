"""Which accepted photos go into the next card batch, and in what order (pure).

The Shanghai notice: grade-1 cards are made "按成功上传有效照片的先后批次" — batches in the order
the valid photos were accepted, which is the platform-wide acceptance sequence.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from xueji_common.errors import DomainError
from xueji_photo import error_codes


@dataclass(frozen=True)
class Candidate:
    """An accepted grade-1 photo not yet in any card batch."""

    photo_id: uuid.UUID
    pupil_id: str
    national_number: str
    name: str
    school_code: str
    school_name: str
    acceptance_sequence: int
    accepted_at: datetime
    object_key: str
    # The pupil already has a card from an earlier photo, reopened and replaced since.
    carded_before: bool


@dataclass(frozen=True)
class Member:
    position: int
    candidate: Candidate

    @property
    def file_name(self) -> str:
        """The photo's name inside the manifest zip: batch position, then the pupil number."""
        return f"photos/{self.position:04d}_{self.candidate.national_number}.jpg"


@dataclass(frozen=True)
class BatchPlan:
    members: tuple[Member, ...]

    @property
    def first_sequence(self) -> int:
        return self.members[0].candidate.acceptance_sequence

    @property
    def last_sequence(self) -> int:
        return self.members[-1].candidate.acceptance_sequence


def batch_size(requested: int | None, limit: int) -> int:
    """The size asked for, or the limit when none is; never above the limit."""
    size = limit if requested is None else requested
    if not 1 <= size <= limit:
        raise DomainError(
            error_codes.PHOTO_CARD_BATCH_SIZE_INVALID,
            detail=f"每批 1 至 {limit} 人，请求 {size} 人",
            field="size",
        )
    return size


def plan_batch(candidates: Iterable[Candidate], size: int) -> BatchPlan:
    """The first `size` candidates in acceptance order, numbered from 1."""
    ordered: Sequence[Candidate] = sorted(candidates, key=lambda c: c.acceptance_sequence)
    if not ordered:
        raise DomainError(error_codes.PHOTO_CARD_BATCH_EMPTY)
    return BatchPlan(
        tuple(Member(position, c) for position, c in enumerate(ordered[:size], start=1))
    )
