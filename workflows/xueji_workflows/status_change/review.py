"""The county bureau's review step, who hears the case, and the registry write after approval."""

from __future__ import annotations

from temporalio import workflow
from temporalio.exceptions import ActivityError

from xueji_workflows.actors import COUNTY_OFFICER
from xueji_workflows.approval import APPROVE, REFUSE, DeadlineRule, StepSpec
from xueji_workflows.approval.activities import BUREAU
from xueji_workflows.cases.case import WRITE_RETRY, WRITE_TIMEOUT
from xueji_workflows.errors import STATUS_CHANGE_NOT_APPLIED, activity_refusal
from xueji_workflows.status_change import COUNTY_BUREAU, StatusChangeInput
from xueji_workflows.units import county_path, province_of

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.status_change.activities import (
        APPLY_STATUS_CHANGE,
        ApplyStatusChangeInput,
        ApplyStatusChangeResult,
    )


def bureau_step(change: StatusChangeInput) -> StepSpec:
    path = county_path(change.school)
    return StepSpec(
        name=COUNTY_BUREAU,
        party_unit=path[-1],
        party_path=tuple(path),
        roles=(COUNTY_OFFICER,),
        decisions=(APPROVE, REFUSE),
        deadline=DeadlineRule(BUREAU, change.bureau_working_days),
        docking_province=province_of(path) if change.province_docks else None,
        escalation_working_days=change.bureau_working_days,
    )


def docking_provinces(change: StatusChangeInput) -> list[str]:
    """The school's province when it docks: it hears every case-level event."""
    return [province_of(change.school.unit_path)] if change.province_docks else []


async def apply_change(change: StatusChangeInput) -> ApplyStatusChangeResult:
    """Write the approved change; raises STATUS_CHANGE_NOT_APPLIED on a business refusal."""
    request = ApplyStatusChangeInput(
        case_id=change.case_id,
        national_number=change.national_number,
        change_type=change.change_type,
        school_code=change.school.code,
        effective_on=change.effective_on,
    )
    try:
        return await workflow.execute_activity(
            APPLY_STATUS_CHANGE,
            request,
            result_type=ApplyStatusChangeResult,
            start_to_close_timeout=WRITE_TIMEOUT,
            retry_policy=WRITE_RETRY,
        )
    except ActivityError as err:
        raise activity_refusal(err, STATUS_CHANGE_NOT_APPLIED) from err
