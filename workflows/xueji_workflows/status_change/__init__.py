"""Status changes (学籍异动, SPEC §4): the school submits, the county bureau decides."""

from __future__ import annotations

from dataclasses import dataclass, field

from temporalio import workflow

from xueji_workflows.actors import Actor
from xueji_workflows.approval import StepDecision as StepDecision  # the decide request
from xueji_workflows.cases import CLAIMING as CLAIMING
from xueji_workflows.cases import COMPLETED as COMPLETED
from xueji_workflows.cases import FAILED as FAILED
from xueji_workflows.cases import IN_REVIEW as IN_REVIEW
from xueji_workflows.cases import REFUSED as REFUSED
from xueji_workflows.national_number import NationalNumbered
from xueji_workflows.units import SchoolRef

# Activity payload types must be the real classes, not the sandbox's re-imports.
with workflow.unsafe.imports_passed_through():
    from xueji_workflows.approval.activities import CALENDAR_TASK_QUEUE

TASK_QUEUE = "xueji-status-change"

CHANGE_TYPES = frozenset(
    {
        "suspension",  # 休学
        "resumption",  # 复学
        "dropout",  # 退学 (senior secondary only; checked by the service before filing)
        "death",  # 死亡
        "graduation",  # 毕业
        "completion",  # 结业
        "repeat",  # 留级
        "skip",  # 跳级
    }
)

COUNTY_BUREAU = "county_bureau"
APPLY_CHANGE = "apply_change"

APPLYING = "applying"
FINISHED_STATES = frozenset({COMPLETED, REFUSED, FAILED})


def status_change_workflow_id(national_number: str) -> str:
    return f"status-change-{national_number}"


@dataclass(frozen=True)
class StatusChangeInput(NationalNumbered):
    case_id: str
    pupil_name: str
    change_type: str
    school: SchoolRef
    filed_by: Actor
    reason: str
    evidence_ids: list[str] = field(default_factory=list)
    # ISO date (YYYY-MM-DD); the default data converter carries no `date` values.
    effective_on: str | None = None
    province_docks: bool = False
    bureau_working_days: int = 10
    # The transfer service owns the holiday calendar and serves the deadline activity there.
    calendar_queue: str = CALENDAR_TASK_QUEUE
