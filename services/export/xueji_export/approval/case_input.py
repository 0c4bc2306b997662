"""The workflow input of a stored application (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from xueji_common.calendar.working_days import SHANGHAI
from xueji_workflows.actors import Actor
from xueji_workflows.export_approval import ExportApprovalInput


def end_of_use(use_until: date) -> datetime:
    """The period of use includes all of `use_until`, Beijing time: it ends at the next
    midnight there."""
    return datetime.combine(use_until + timedelta(days=1), time(0), SHANGHAI)


def unit_path(scope: str) -> list[str]:
    """'/CN/64/6401/640104/' → ['CN', '64', '6401', '640104']."""
    return [code for code in scope.split("/") if code]


def applicant(row: Mapping[str, Any]) -> Actor:
    return Actor(
        account_id=row["applicant_account_id"],
        name=row["applicant_name"],
        role=row["applicant_role"] or "",
        unit_code=row["applicant_unit"],
        unit_path=unit_path(row["applicant_scope"]),
    )


def case_input(row: Mapping[str, Any], working_days: int = 10) -> ExportApprovalInput:
    return ExportApprovalInput(
        application_id=str(row["id"]),
        application_number=row["number"],
        applicant=applicant(row),
        method=row["method"],
        expires_at=end_of_use(row["use_until"]).isoformat(),
        bureau_working_days=working_days,
    )
