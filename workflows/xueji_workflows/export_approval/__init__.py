"""Export applications (数据导出使用管理规则, SPEC §7): the approval by the head of the education
administration at the applicant's level, the database administrator's execution of a backend
export, the file's generation, and its deletion when the period of use ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from temporalio import workflow

from xueji_workflows.actors import Actor
from xueji_workflows.cases import FAILED as FAILED
from xueji_workflows.cases import IN_REVIEW as IN_REVIEW
from xueji_workflows.cases import REFUSED as REFUSED

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.approval.activities import CALENDAR_TASK_QUEUE

TASK_QUEUE = "xueji-export"
# What the timeline and the search attributes call an export case.
CASE_KIND = "export"

PAGE = "page"
BACKEND = "backend"

# The steps.
APPROVAL = "approval"
EXECUTION = "execution"
GENERATION = "generation"
EXPIRY = "expiry"

# The decision of the execution step: the database administrator runs the backend export.
EXECUTE = "execute"

# States of the case besides the shared ones (in_review, refused, failed).
APPROVED = "approved"
GENERATING = "generating"
READY = "ready"
EXPIRING = "expiring"
EXPIRED = "expired"
FINISHED_STATES = frozenset({REFUSED, EXPIRED, FAILED})


def expiry_instant(application: ExportApprovalInput) -> datetime:
    return datetime.fromisoformat(application.expires_at)


def export_approval_workflow_id(application_id: str) -> str:
    """One workflow per application: a repeated start finds the running one."""
    return f"export-approval-{application_id}"


@dataclass(frozen=True)
class ExportApprovalInput:
    application_id: str
    application_number: str
    # Who filed it, with the unit path (root first) that says who approves it.
    applicant: Actor
    method: str  # PAGE | BACKEND
    # The end of the period of use, ISO 8601 with its offset: the end of `use_until` in
    # Asia/Shanghai, computed by the service (the workflow keeps no time zone rules of its
    # own). A string, as the sandbox's converter hands a workflow input no `datetime`.
    expires_at: str
    bureau_working_days: int = 10
    # The transfer service owns the holiday calendar and serves the deadline activity there.
    calendar_queue: str = CALENDAR_TASK_QUEUE
