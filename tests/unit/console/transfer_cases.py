"""Transfer cases shaped as the transfer API answers them (TransferDetail), for unit tests."""

from __future__ import annotations

from typing import Any

RECEIVING = {"code": "2131000101", "name": "上海市青浦区金泽小学"}
SENDING = {"code": "2144000101", "name": "广州市荔湾区测试小学"}
REVIEWER = {
    "account_id": "a1",
    "name": "黄志强",
    "role": "school_reviewer",
    "unit_code": "2131000101",
}


def step(
    name: str, unit: str, roles: list[str], *, decision: str | None = None, **changes: Any
) -> dict[str, Any]:
    decided = decision is not None
    return {
        "step": name,
        "party_unit": unit,
        "party_roles": roles,
        "docking_province": None,
        "opened_at": "2026-12-01T02:00:00+00:00",
        "deadline": "2026-12-08T15:59:59+00:00",
        "provisional": False,
        "overdue": False,
        "escalated_to": [],
        "decision": decision,
        "decided_by": REVIEWER if decided else None,
        "reason": "同意转入" if decided else None,
        "decided_at": "2026-12-01T03:00:00+00:00" if decided else None,
        "details": {},
        **changes,
    }


def case(state: str, current: str | None, steps: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "TR-G440103201709078319-0a1b2c3d",
        "national_number": "G440103201709078319",
        "pupil_number": "G440103201709078319",
        "pupil_name": "龙远睿",
        "receiving_school": RECEIVING,
        "sending_school": SENDING,
        "receiving_province": "31",
        "sending_province": "44",
        "target_grade": 3,
        "state": state,
        "current_step": current,
        "current_party_unit": steps[-1]["party_unit"] if current else None,
        "current_deadline": steps[-1]["deadline"] if current else None,
        "current_provisional": False,
        "overdue": False,
        "escalated_to": None,
        "created_at": "2026-12-01T02:00:00+00:00",
        "updated_at": "2026-12-01T03:00:00+00:00",
        "workflow_id": "transfer-G440103201709078319",
        "target_class": "2",
        "reason": "随父母工作调动",
        "evidence_ids": [],
        "filed_by": {**REVIEWER, "name": "刘晓燕", "role": "school_registrar"},
        "failure_code": None,
        "failure_message": None,
        "timeline_source": "workflow",
        "steps": steps,
    }


def at_receiving_bureau() -> dict[str, Any]:
    return case(
        "in_review",
        "receiving_bureau",
        [
            step("receiving_school", "2131000101", ["school_reviewer"], decision="approve"),
            step("receiving_bureau", "310118", ["county_officer"]),
        ],
    )


def at_paper_file_sent() -> dict[str, Any]:
    earlier = [
        step(name, unit, [role], decision=decision)
        for name, unit, role, decision in (
            ("receiving_school", "2131000101", "school_reviewer", "approve"),
            ("receiving_bureau", "310118", "county_officer", "approve"),
            ("sending_school", "2144000101", "school_reviewer", "approve"),
            ("sending_bureau", "440103", "county_officer", "approve"),
            ("report_arrival", "2131000101", "school_registrar", "reported"),
        )
    ]
    opened = step(
        "paper_file_sent", "2144000101", ["school_registrar"], overdue=True, escalated_to=["440103"]
    )
    return case("awaiting_paper_file", "paper_file_sent", [*earlier, opened])
