"""Claim and release the open-case lock from workflow code."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

from xueji_workflows.errors import PUPIL_HAS_OPEN_CASE, rejection

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


async def claim_case(case_id: str, pupil_number: str, kind: str) -> ClaimCaseResult:
    return await workflow.execute_activity(
        CLAIM_CASE,
        ClaimCaseInput(case_id, pupil_number, kind),
        result_type=ClaimCaseResult,
        start_to_close_timeout=LOCK_TIMEOUT,
        retry_policy=LOCK_RETRY,
    )


async def release_case(case_id: str, pupil_number: str) -> None:
    await workflow.execute_activity(
        RELEASE_CASE,
        ReleaseCaseInput(case_id, pupil_number),
        start_to_close_timeout=LOCK_TIMEOUT,
        retry_policy=LOCK_RETRY,
    )


def open_case_error(result: ClaimCaseResult) -> ApplicationError:
    """The failure a workflow ends with when the pupil already has an open case."""
    kind, case_id = result.open_case_kind or "", result.open_case_id or ""
    return rejection(
        PUPIL_HAS_OPEN_CASE,
        f"{kind} {case_id}".strip(),
        data={"open_case_id": case_id, "open_case_kind": kind},
    )
