"""The export service's work on an approved application, called from workflow code: writing
its file, and deleting it when the period of use ends."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError

from xueji_workflows.cases.case import WRITE_RETRY
from xueji_workflows.errors import EXPORT_GENERATION_FAILED, activity_refusal

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.export_approval.activities import (
        EXPIRE_APPLICATION,
        GENERATE_FILE,
        ExpireApplicationInput,
        ExpireApplicationResult,
        GenerateFileInput,
        GenerateFileResult,
    )

# A file of a whole province (millions of rows) takes minutes; the heartbeat, sent with each
# progress report, tells a dead worker from a long file.
GENERATION_TIMEOUT = timedelta(hours=2)
GENERATION_HEARTBEAT = timedelta(minutes=2)
EXPIRY_TIMEOUT = timedelta(minutes=5)
# Deleting must happen however long storage is down: retried until it succeeds.
EXPIRY_RETRY = RetryPolicy(maximum_interval=timedelta(minutes=10))


async def generate_file(application_id: str) -> GenerateFileResult:
    """Raises EXPORT_GENERATION_FAILED naming the service's code on a business refusal."""
    try:
        return await workflow.execute_activity(
            GENERATE_FILE,
            GenerateFileInput(application_id),
            result_type=GenerateFileResult,
            start_to_close_timeout=GENERATION_TIMEOUT,
            heartbeat_timeout=GENERATION_HEARTBEAT,
            retry_policy=WRITE_RETRY,
        )
    except ActivityError as err:
        raise activity_refusal(err, EXPORT_GENERATION_FAILED) from err


async def expire_application(application_id: str) -> ExpireApplicationResult:
    return await workflow.execute_activity(
        EXPIRE_APPLICATION,
        ExpireApplicationInput(application_id),
        result_type=ExpireApplicationResult,
        start_to_close_timeout=EXPIRY_TIMEOUT,
        retry_policy=EXPIRY_RETRY,
    )
