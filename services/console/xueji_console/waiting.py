"""What waits for a person, from the lists the APIs answer: one shape, overdue first.

Pure: the home page fetches, this orders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from xueji_console.labels import STATUS_CHANGE_STEP_NAMES, TRANSFER_STEP_NAMES, name_of


@dataclass(frozen=True)
class Waiting:
    kind: str
    subject: str
    step: str
    deadline: datetime | None
    overdue: bool
    escalated: bool
    href: str | None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def transfer_step(item: Mapping[str, Any]) -> Waiting:
    """A step of the transfer inbox (TransferSummary)."""
    number = item["pupil_number"]
    return Waiting(
        kind="转学",
        subject=f"{item['pupil_name']}（{number}）{item['sending_school']['name']} → "
        f"{item['receiving_school']['name']}",
        step=name_of(TRANSFER_STEP_NAMES, item["current_step"]),
        deadline=_moment(item["current_deadline"]),
        overdue=bool(item["overdue"]),
        escalated=item["escalated_to"] is not None,
        # The case page, not the pupil's: the pupil may be outside the person's area (a
        # receiving bureau's incoming pupil), the transfer is always within it.
        href=f"/transfers/{item['id']}",
    )


def status_change(item: Mapping[str, Any]) -> Waiting:
    """A status change in review (StatusChangeRead)."""
    return Waiting(
        kind=f"学籍异动·{item['change_type_name']}",
        subject=f"{item['pupil_name']}（{item['national_number']}）",
        step=name_of(STATUS_CHANGE_STEP_NAMES, item["current_step"]),
        deadline=_moment(item["deadline"]),
        overdue=bool(item["overdue"]),
        escalated=bool(item["escalated_to"]),
        href=f"/pupils/{item['pupil_id']}",
    )


def submission(item: Mapping[str, Any], *, step: str) -> Waiting:
    """A registration submission (SubmissionRead); submissions have no deadline."""
    return Waiting(
        kind="学籍注册上报",
        subject=f"学校 {item['school_code']} {item['school_year']} 学年，{item['pupil_count']} 人",
        step=step,
        deadline=None,
        overdue=False,
        escalated=False,
        href=f"/registration/{item['id']}",
    )


def ordered(items: Iterable[Waiting]) -> list[Waiting]:
    """Overdue first, then the nearest deadline; those without a deadline last."""
    return sorted(
        items,
        key=lambda w: (not w.overdue, w.deadline is None, w.deadline or datetime.max),
    )
