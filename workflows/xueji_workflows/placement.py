"""Where a case's activities run (workflow code).

Since the `local-activities` patch, the activities a case family's own worker serves (its
events, the open-case lock, and for transfers the calendar and the record move) run as local
activities, inside the workflow task that needs them: no activity task travels through the
server, so a decision costs one workflow task instead of four. A local activity that fails is
retried by a workflow timer, not inside the task, from its first retry on. An activity the
family's worker does not serve (the status change's calendar, owned by the transfer service)
is a regular activity on that service's queue. Histories recorded before the patch keep
scheduling every activity on the workflow's own queue, as they did.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from temporalio import workflow
from temporalio.common import RetryPolicy

LOCAL_ACTIVITIES = "local-activities"
# Retries at least this far apart wait on a workflow timer: no workflow task is held open by a
# retrying local activity (e.g. a registry outage during a record move).
LOCAL_RETRY_THRESHOLD = timedelta(seconds=1)


async def run_activity(
    name: str,
    arg: Any,
    *,
    start_to_close: timedelta,
    retry: RetryPolicy,
    result_type: type | None = None,
    queue: str | None = None,
) -> Any:
    """Run activity `name`: on `queue` when given, else on the workflow's own worker."""
    options: dict[str, Any] = {
        "result_type": result_type,
        "start_to_close_timeout": start_to_close,
        "retry_policy": retry,
    }
    if not workflow.patched(LOCAL_ACTIVITIES):
        return await workflow.execute_activity(name, arg, **options)
    if queue is not None:
        return await workflow.execute_activity(name, arg, task_queue=queue, **options)
    return await workflow.execute_local_activity(
        name, arg, local_retry_threshold=LOCAL_RETRY_THRESHOLD, **options
    )
