"""A stored transfer row and workflow events, as the service's pure code receives them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from xueji_workflows.actors import Actor
from xueji_workflows.cases.event import CaseEvent

OPENED = datetime(2026, 9, 28, 2, 0, tzinfo=UTC)
RECEIVING_PATH = ["CN", "41", "4101", "410102", "2141000101"]
SENDING_PATH = ["CN", "43", "4301", "430102", "2143000101"]


def transfer_row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": "TR-G430102201601010011-0a1b2c3d",
        "workflow_id": "transfer-G430102201601010011",
        "run_id": "run-1",
        "pupil_number": "G430102201601010011",
        "pupil_name": "张小明",
        "pupil_gender": "1",
        "pupil_birth_date": None,
        "current_grade": 3,
        "target_grade": 3,
        "target_class": "2",
        "reason": "随父母工作调动",
        "evidence_ids": ["doc-1"],
        "receiving_school_code": "2141000101",
        "receiving_school_name": "郑州市中原区第一小学",
        "receiving_path": RECEIVING_PATH,
        "receiving_docks": False,
        "sending_school_code": "2143000101",
        "sending_school_name": "长沙市芙蓉区第一小学",
        "sending_path": SENDING_PATH,
        "sending_docks": False,
        "filed_by": {"account_id": "a1", "name": "陈老师", "role": "school_registrar",
                     "unit_code": "2141000101", "unit_path": RECEIVING_PATH},
        "school_working_days": 5,
        "bureau_working_days": 10,
        "state": "claiming",
        "current_step": None,
        "current_party_unit": None,
        "current_party_roles": [],
        "current_docking_province": None,
        "current_deadline": None,
        "current_provisional": False,
        "overdue": False,
        "escalated_to": None,
        "failure_code": None,
    }  # fmt: skip
    row.update(changes)
    return row


def actor(role: str, unit: str) -> Actor:
    return Actor(f"acct-{unit}", "李校长", role, unit, [unit])


def event(kind: str, step: str | None = None, *, minutes: int = 0, **fields: Any) -> CaseEvent:
    return CaseEvent(
        case_id=transfer_row()["id"],
        event_id=str(uuid.uuid4()),
        type=f"transfer.{kind}",
        national_number=transfer_row()["pupil_number"],
        occurred_at=OPENED + timedelta(minutes=minutes),
        step=step,
        **fields,
    )


def timeline_row(e: CaseEvent) -> dict[str, Any]:
    """The timeline row `record_event` stores for `e`."""
    a = e.actor
    return {
        "type": e.type,
        "step": e.step,
        "actor": None if a is None else {"account_id": a.account_id, "name": a.name,
                                         "role": a.role, "unit_code": a.unit_code},
        "decision": e.decision,
        "reason": e.reason,
        "deadline": e.deadline,
        "provisional": e.provisional,
        "escalated_to": e.escalated_to,
        "details": dict(e.details),
        "occurred_at": e.occurred_at,
    }  # fmt: skip
