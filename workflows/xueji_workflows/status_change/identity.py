"""The search attributes that let ops find a status change."""

from __future__ import annotations

from temporalio.common import SearchAttributeUpdate

from xueji_workflows import search_attributes as sa
from xueji_workflows.status_change import CLAIMING, StatusChangeInput


def identity_attributes(change: StatusChangeInput) -> list[SearchAttributeUpdate]:
    return [
        sa.CASE_KIND.value_set(change.change_type),
        sa.PUPIL_NUMBER.value_set(change.national_number),
        sa.CURRENT_STEP.value_set(CLAIMING),
        sa.OVERDUE.value_set(False),
    ]
