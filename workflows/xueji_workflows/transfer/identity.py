"""The search attributes that let ops find a transfer."""

from __future__ import annotations

from temporalio.common import SearchAttributeUpdate

from xueji_workflows import search_attributes as sa
from xueji_workflows.transfer import CASE_KIND, CLAIMING, TransferInput
from xueji_workflows.units import province_of


def identity_attributes(transfer: TransferInput) -> list[SearchAttributeUpdate]:
    return [
        sa.CASE_KIND.value_set(CASE_KIND),
        sa.PUPIL_NUMBER.value_set(transfer.national_number),
        sa.RECEIVING_SCHOOL.value_set(transfer.receiving_school.code),
        sa.SENDING_SCHOOL.value_set(transfer.sending_school.code),
        sa.RECEIVING_PROVINCE.value_set(province_of(transfer.receiving_school.unit_path)),
        sa.SENDING_PROVINCE.value_set(province_of(transfer.sending_school.unit_path)),
        sa.CURRENT_STEP.value_set(CLAIMING),
        sa.OVERDUE.value_set(False),
    ]
