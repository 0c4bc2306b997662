"""Claim and release the open-case lock from workflow code."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError

from xueji_workflows.errors import (
    CASE_NOT_CLAIMED,
    PUPIL_HAS_OPEN_CASE,
    activity_refusal,
    rejection,
)
from xueji_workflows.placement import run_activity

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.cases.activities import (
        CLAIM_CASE,
        RELEASE_CASE,
        ClaimCaseInput,
        ClaimCaseResult,
        ReleaseCaseInput,
    )

LOCK_TIMEOUT = timedelta(seconds=30)
LOCK_RETRY = RetryPolicy(maximum_interval=timedelta(minutes=1))
# Before this patch a refused claim (problem record, pupil no longer enrolled …) failed the
# workflow without its `failed` event, leaving the service's row in `claiming`.
CLAIM_REFUSAL_ENDS_CASE = "claim-refusal-ends-case"


async def claim_case(case_id: str, national_number: str, kind: str) -> ClaimCaseResult:
    """Claim the pupil for the case; a refusal other than an open case raises
    CASE_NOT_CLAIMED naming the registry's code, for the workflow to end the case with."""
    try:
        return await run_activity(
            CLAIM_CASE,
            ClaimCaseInput(case_id=case_id, national_number=national_number, kind=kind),
            result_type=ClaimCaseResult,
            start_to_close=LOCK_TIMEOUT,
            retry=LOCK_RETRY,
        )
    except (ActivityError, ApplicationError) as err:
        if not workflow.patched(CLAIM_REFUSAL_ENDS_CASE):
            raise
        raise activity_refusal(err, CASE_NOT_CLAIMED) from err


async def release_case(case_id: str, national_number: str) -> None:
    request = ReleaseCaseInput(case_id=case_id, national_number=national_number)
    await run_activity(RELEASE_CASE, request, start_to_close=LOCK_TIMEOUT, retry=LOCK_RETRY)


def open_case_error(result: ClaimCaseResult) -> ApplicationError:
    """The failure a workflow ends with when the pupil already has an open case."""
    kind, case_id = result.open_case_kind or "", result.open_case_id or ""
    return rejection(
        PUPIL_HAS_OPEN_CASE,
        f"{kind} {case_id}".strip(),
        data={"open_case_id": case_id, "open_case_kind": kind},
    )
