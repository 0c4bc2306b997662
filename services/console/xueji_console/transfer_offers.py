"""What the signed-in person may do on one transfer, from the case the API answers.

Pure: the case page asks, the template shows the forms. The console offers only what the
workflow would accept from this person now; the API still decides (a stale page gets the
workflow's own refusal), so this is about not showing buttons that can only fail.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xueji_common.auth.principal import Principal, Role
from xueji_console.clients.calls import ServiceProblem

# Steps decided by approve or refuse (SPEC §5); the others are reports of what happened.
REVIEW_STEPS = frozenset(
    {"receiving_school", "receiving_bureau", "sending_school", "sending_bureau", "common_bureau"}
)
# The report steps and the API action that closes each.
REPORTS = {
    "report_arrival": "arrival",
    "paper_file_sent": "paper-file/sent",
    "paper_file_received": "paper-file/received",
}
# The receiving school may withdraw until the pupil's arrival moves the record.
WITHDRAWABLE_STATES = frozenset({"in_review", "awaiting_arrival"})
WITHDRAWERS = frozenset({Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER})
# Refusals of the workflow that name no field but are about one of the action's fields.
REFUSAL_FIELDS = {"REASON_REQUIRED": "reason", "SHIPPING_METHOD_REQUIRED": "method"}

Case = Mapping[str, Any]


@dataclass(frozen=True)
class Offers:
    """The forms the case page shows: `review` is the step to approve or refuse, `report`
    the report step to confirm; at most one of them is open at a time."""

    review: str | None = None
    report: str | None = None
    withdraw: bool = False

    @property
    def any(self) -> bool:
        return bool(self.review or self.report or self.withdraw)


def open_step(case: Case) -> Mapping[str, Any] | None:
    """The undecided record of the case's current step, if one is open."""
    for record in reversed(case["steps"]):
        if record["step"] == case["current_step"] and record["decision"] is None:
            return record
    return None


def is_party(record: Mapping[str, Any], principal: Principal) -> bool:
    """The person's unit and role decide this step on the platform (a docking province's
    steps are decided through its own system)."""
    return (
        record["docking_province"] is None
        and record["party_unit"] == principal.unit_code
        and principal.role.value in record["party_roles"]
    )


def offers_for(case: Case, principal: Principal) -> Offers:
    record = open_step(case)
    review = report = None
    if record is not None and is_party(record, principal):
        if record["step"] in REVIEW_STEPS:
            review = record["step"]
        elif record["step"] in REPORTS:
            report = record["step"]
    arrived = any(s["step"] == "report_arrival" and s["decision"] for s in case["steps"])
    withdraw = (
        case["state"] in WITHDRAWABLE_STATES
        and not arrived
        and principal.role in WITHDRAWERS
        and case["receiving_school"]["code"] == principal.unit_code
    )
    return Offers(review=review, report=report, withdraw=withdraw)


def placed(problem: ServiceProblem) -> ServiceProblem:
    """The refusal, naming the form field it is about when the workflow's code implies one."""
    implied = REFUSAL_FIELDS.get(problem.code)
    if problem.field or problem.fields or implied is None:
        return problem
    return dataclasses.replace(problem, field=implied)
