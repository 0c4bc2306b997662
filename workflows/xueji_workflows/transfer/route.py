"""Which steps a transfer goes through and who decides each (SPEC §5)."""

from __future__ import annotations

from xueji_workflows.actors import COUNTY_OFFICER, SCHOOL_REGISTRAR, SCHOOL_REVIEWER
from xueji_workflows.approval import APPROVE, REFUSE, DeadlineRule, StepSpec
from xueji_workflows.approval.activities import BUREAU, PAPER_FILE, SCHOOL
from xueji_workflows.transfer import (
    COMMON_BUREAU,
    PAPER_FILE_RECEIVED,
    PAPER_FILE_SENT,
    RECEIVED,
    RECEIVING_BUREAU,
    RECEIVING_SCHOOL,
    REPORT_ARRIVAL,
    REPORTED,
    SENDING_BUREAU,
    SENDING_SCHOOL,
    SENT,
    WITHDRAWAL,
    TransferInput,
)
from xueji_workflows.units import SchoolRef, county_path, province_of

APPROVAL = (APPROVE, REFUSE)


def same_bureau(transfer: TransferInput) -> bool:
    return county_path(transfer.receiving_school) == county_path(transfer.sending_school)


def docking_province(school: SchoolRef, docks: bool) -> str | None:
    return province_of(school.unit_path) if docks else None


def docking_provinces(transfer: TransferInput) -> list[str]:
    """The docking provinces of either school: they hear every case-level event."""
    codes = {
        docking_province(transfer.receiving_school, transfer.receiving_province_docks),
        docking_province(transfer.sending_school, transfer.sending_province_docks),
    }
    return sorted(code for code in codes if code is not None)


def sending_docking_provinces(transfer: TransferInput) -> list[str]:
    code = docking_province(transfer.sending_school, transfer.sending_province_docks)
    return [code] if code else []


def _school_step(
    name: str,
    school: SchoolRef,
    docks: bool,
    roles: tuple[str, ...],
    *,
    decisions: tuple[str, ...],
    deadline: DeadlineRule | None,
    escalation_working_days: int = 10,
    decided_event: str = "step_decided",
) -> StepSpec:
    return StepSpec(
        name=name,
        party_unit=school.code,
        party_path=tuple(school.unit_path),
        roles=roles,
        decisions=decisions,
        deadline=deadline,
        docking_province=docking_province(school, docks),
        escalation_working_days=escalation_working_days,
        decided_event=decided_event,
    )


def _bureau_step(name: str, school: SchoolRef, docks: bool, transfer: TransferInput) -> StepSpec:
    path = county_path(school)
    return StepSpec(
        name=name,
        party_unit=path[-1],
        party_path=tuple(path),
        roles=(COUNTY_OFFICER,),
        decisions=APPROVAL,
        deadline=DeadlineRule(BUREAU, transfer.bureau_working_days),
        docking_province=docking_province(school, docks),
        escalation_working_days=transfer.bureau_working_days,
    )


def approval_route(transfer: TransferInput) -> list[StepSpec]:
    """Receiving school, its bureau, sending school, its bureau — or, under one bureau,
    receiving school, sending school, then the common bureau once."""
    receiving, sending = transfer.receiving_school, transfer.sending_school
    r_docks, s_docks = transfer.receiving_province_docks, transfer.sending_province_docks
    rule = DeadlineRule(SCHOOL, transfer.school_working_days)
    days = transfer.bureau_working_days
    receiving_school = _school_step(
        RECEIVING_SCHOOL,
        receiving,
        r_docks,
        (SCHOOL_REVIEWER,),
        decisions=APPROVAL,
        deadline=rule,
        escalation_working_days=days,
    )
    sending_school = _school_step(
        SENDING_SCHOOL,
        sending,
        s_docks,
        (SCHOOL_REVIEWER,),
        decisions=APPROVAL,
        deadline=rule,
        escalation_working_days=days,
    )
    if same_bureau(transfer):
        common = _bureau_step(COMMON_BUREAU, receiving, r_docks or s_docks, transfer)
        return [receiving_school, sending_school, common]
    return [
        receiving_school,
        _bureau_step(RECEIVING_BUREAU, receiving, r_docks, transfer),
        sending_school,
        _bureau_step(SENDING_BUREAU, sending, s_docks, transfer),
    ]


def arrival_step(transfer: TransferInput) -> StepSpec:
    """The receiving school reports the pupil's arrival; no deadline — pupils arrive late."""
    return _school_step(
        REPORT_ARRIVAL,
        transfer.receiving_school,
        transfer.receiving_province_docks,
        (SCHOOL_REGISTRAR,),
        decisions=(REPORTED,),
        deadline=None,
        decided_event="arrival_reported",
    )


def paper_file_sent_step(transfer: TransferInput) -> StepSpec:
    """The sending school ships the paper file within one month; late escalates."""
    return _school_step(
        PAPER_FILE_SENT,
        transfer.sending_school,
        transfer.sending_province_docks,
        (SCHOOL_REGISTRAR,),
        decisions=(SENT,),
        deadline=DeadlineRule(PAPER_FILE, 0),
        escalation_working_days=transfer.bureau_working_days,
        decided_event="paper_file_sent",
    )


def paper_file_received_step(transfer: TransferInput) -> StepSpec:
    return _school_step(
        PAPER_FILE_RECEIVED,
        transfer.receiving_school,
        transfer.receiving_province_docks,
        (SCHOOL_REGISTRAR,),
        decisions=(RECEIVED,),
        deadline=None,
        decided_event="paper_file_received",
    )


def withdrawal_party(transfer: TransferInput) -> StepSpec:
    """Who may withdraw: the receiving school's registrar or reviewer (SPEC §5)."""
    return _school_step(
        WITHDRAWAL,
        transfer.receiving_school,
        transfer.receiving_province_docks,
        (SCHOOL_REGISTRAR, SCHOOL_REVIEWER),
        decisions=(),
        deadline=None,
    )
