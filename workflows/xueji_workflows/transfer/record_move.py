"""Step 8 (调档): the registry moves the pupil's record to the receiving school, asked through
its platform API by the transfer worker's activity."""

from __future__ import annotations

from temporalio import workflow
from temporalio.exceptions import ActivityError, ApplicationError

from xueji_workflows.cases.case import WRITE_RETRY, WRITE_TIMEOUT
from xueji_workflows.errors import RECORD_MOVE_FAILED, activity_refusal
from xueji_workflows.placement import run_activity
from xueji_workflows.transfer import TransferInput

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.transfer.activities import (
        REQUEST_RECORD_MOVE,
        RecordMoveRequest,
        RecordMoveResult,
    )


async def move_record(transfer: TransferInput) -> RecordMoveResult:
    """Move the record once; raises RECORD_MOVE_FAILED naming the registry's refusal code."""
    request = RecordMoveRequest(
        transfer_id=transfer.transfer_id,
        national_number=transfer.national_number,
        from_school=transfer.sending_school.code,
        to_school=transfer.receiving_school.code,
        target_grade=transfer.target_grade,
        target_class=transfer.target_class,
    )
    try:
        return await run_activity(
            REQUEST_RECORD_MOVE,
            request,
            result_type=RecordMoveResult,
            start_to_close=WRITE_TIMEOUT,
            retry=WRITE_RETRY,
        )
    except (ActivityError, ApplicationError) as err:
        raise activity_refusal(err, RECORD_MOVE_FAILED) from err
