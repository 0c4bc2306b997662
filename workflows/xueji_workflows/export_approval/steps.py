"""Who approves and who executes an export application (pure, workflow-safe).

数据导出使用管理规则 and SPEC §7: "approval by the head of the education administration at the
same level". The platform has no separate head role: the officer role of a bureau is who
decides for it (as in transfers and status changes), so:

- a county, city or province bureau's application is approved by an officer of that same
  bureau (county_officer, city_officer, province_officer) — never by the applicant;
- a school is not an education administration: its level's administration is the county
  bureau that supervises it (学校由县级教育行政部门管理; the county authorises school page
  exports under 第七条), so a school's application goes to that county bureau;
- a backend export (province and city only, 第八条) needs the written consent of the head of
  the *province's* education administration ("经省级教育行政部门负责人书面同意"), so a city's
  backend export is approved by the province bureau, not the city's own.

The execution of an approved backend export is the database administrator's (第八条 "由数据库
管理员负责实施"), at the provincial data centre. An administrator of the applicant's own unit
or of a unit above it within the province may run it: the province's data centre holds the
data of its cities, so its administrator may serve a city's export; the nation's
administrators may not, since the province answers for its own data (第六条). The applicant
never executes their own export, whatever roles they hold.
"""

from __future__ import annotations

from xueji_workflows.actors import CITY_OFFICER, COUNTY_OFFICER, PROVINCE_OFFICER, Actor
from xueji_workflows.approval import APPROVE, REFUSE, DeadlineRule, StepSpec
from xueji_workflows.approval.activities import BUREAU
from xueji_workflows.errors import (
    EXPORT_APPLICANT_CANNOT_EXECUTE,
    EXPORT_SELF_APPROVAL,
    NOT_YOUR_STEP,
    ROLE_NOT_ALLOWED,
    rejection,
)
from xueji_workflows.export_approval import APPROVAL, BACKEND, EXECUTE, EXECUTION
from xueji_workflows.export_approval import ExportApprovalInput as Application
from xueji_workflows.units import from_province

DATABASE_ADMINISTRATOR = "database_administrator"
# The officer role of a bureau by the length of its code (GB/T 2260: 2, 4, 6 digits).
_OFFICER_BY_CODE_LENGTH = {2: PROVINCE_OFFICER, 4: CITY_OFFICER, 6: COUNTY_OFFICER}


def approver_path(application: Application) -> list[str]:
    """The approving bureau's path from the province, its own code last."""
    path = from_province(application.applicant.unit_path)
    if application.method == BACKEND:
        return path[:1]
    # A school (10-digit code) goes to its county bureau; a bureau approves its own.
    while path and len(path[-1]) not in _OFFICER_BY_CODE_LENGTH:
        path = path[:-1]
    return path


def approval_step(application: Application) -> StepSpec:
    path = approver_path(application)
    return StepSpec(
        name=APPROVAL,
        party_unit=path[-1],
        party_path=tuple(path),
        roles=(_OFFICER_BY_CODE_LENGTH[len(path[-1])],),
        decisions=(APPROVE, REFUSE),
        deadline=DeadlineRule(BUREAU, application.bureau_working_days),
        escalation_working_days=application.bureau_working_days,
        decided_event="decided",
    )


def execution_step(application: Application) -> StepSpec:
    """Listed for the applicant's unit; `check_executor` admits the units above it too. No
    deadline: the period of use bounds it (the workflow expires the application)."""
    path = from_province(application.applicant.unit_path)
    return StepSpec(
        name=EXECUTION,
        party_unit=path[-1],
        party_path=tuple(path),
        roles=(DATABASE_ADMINISTRATOR,),
        decisions=(EXECUTE,),
        deadline=None,
        decided_event="executed",
    )


def check_approver(application: Application, actor: Actor) -> None:
    """Before the desk's own checks: nobody approves their own application, even holding the
    approving role in the approving unit (e.g. a province officer's own application)."""
    if actor.account_id == application.applicant.account_id:
        raise rejection(EXPORT_SELF_APPROVAL)


def check_executor(application: Application, actor: Actor) -> None:
    if actor.account_id == application.applicant.account_id:
        raise rejection(EXPORT_APPLICANT_CANNOT_EXECUTE)
    if actor.role != DATABASE_ADMINISTRATOR:
        raise rejection(ROLE_NOT_ALLOWED, actor.role)
    if actor.unit_code not in from_province(application.applicant.unit_path):
        raise rejection(NOT_YOUR_STEP, f"{EXECUTION} 由申请单位或其上级的数据库管理员实施")
