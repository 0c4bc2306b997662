"""Who approves and who executes an export application (pure)."""

from __future__ import annotations

import pytest
from temporalio.exceptions import ApplicationError

from xueji_workflows.actors import Actor
from xueji_workflows.export_approval import ExportApprovalInput
from xueji_workflows.export_approval.steps import (
    approval_step,
    check_approver,
    check_executor,
    execution_step,
)

SCHOOL = ["CN", "31", "3101", "310101", "2131000001"]


def person(path: list[str], role: str, account: str = "a-1") -> Actor:
    return Actor(account, "某人", role, path[-1], path)


def case(applicant: Actor, method: str = "page") -> ExportApprovalInput:
    return ExportApprovalInput("app-1", "DC31", applicant, method, "2026-12-24T00:00:00+08:00")


@pytest.mark.parametrize(
    ("path", "role", "method", "party", "approver_role", "escalation_path"),
    [
        (SCHOOL, "school_registrar", "page", "310101", "county_officer", ("31", "3101", "310101")),
        (SCHOOL[:4], "county_officer", "page", "310101", "county_officer",
         ("31", "3101", "310101")),
        (SCHOOL[:3], "city_officer", "page", "3101", "city_officer", ("31", "3101")),
        (SCHOOL[:2], "province_officer", "page", "31", "province_officer", ("31",)),
        # 第八条: a backend export needs the province head's written consent.
        (SCHOOL[:3], "city_officer", "backend", "31", "province_officer", ("31",)),
        (SCHOOL[:2], "province_officer", "backend", "31", "province_officer", ("31",)),
    ],
)  # fmt: skip
def test_the_approver_is_the_administration_at_the_applicants_level(
    path: list[str],
    role: str,
    method: str,
    party: str,
    approver_role: str,
    escalation_path: tuple[str, ...],
) -> None:
    step = approval_step(case(person(path, role), method))
    assert (step.party_unit, step.roles, step.party_path) == (
        party, (approver_role,), escalation_path
    )  # fmt: skip
    assert step.deadline is not None and set(step.decisions) == {"approve", "refuse"}


def code(check: object, *args: object) -> str | None:
    try:
        check(*args)  # type: ignore[operator]
    except ApplicationError as refusal:
        return refusal.type
    return None


def test_nobody_approves_their_own_application_whatever_their_role() -> None:
    applicant = person(SCHOOL[:2], "province_officer", "me")
    application = case(applicant)
    assert code(check_approver, application, applicant) == "EXPORT_SELF_APPROVAL"
    assert (
        code(check_approver, application, person(SCHOOL[:2], "province_officer", "other")) is None
    )


def test_a_database_administrator_of_the_unit_or_above_in_the_province_executes() -> None:
    applicant = person(SCHOOL[:3], "city_officer", "me")
    application = case(applicant, "backend")
    assert execution_step(application).roles == ("database_administrator",)
    assert code(check_executor, application, applicant) == "EXPORT_APPLICANT_CANNOT_EXECUTE"
    dba_as_applicant = person(SCHOOL[:3], "database_administrator", "me")
    assert code(check_executor, application, dba_as_applicant) == (
        "EXPORT_APPLICANT_CANNOT_EXECUTE"
    )
    assert code(check_executor, application, person(SCHOOL[:3], "city_officer", "x")) == (
        "ROLE_NOT_ALLOWED"
    )
    for unit in (SCHOOL[:3], SCHOOL[:2]):
        assert (
            code(check_executor, application, person(unit, "database_administrator", "x")) is None
        )
    for outside in (["CN"], ["CN", "32"], ["CN", "31", "3102"]):
        administrator = person(outside, "database_administrator", "x")
        assert code(check_executor, application, administrator) == "NOT_YOUR_STEP"
