"""Transfer between schools (SPEC §5): inputs, requests and names shared with the service."""

from __future__ import annotations

from dataclasses import dataclass, field

from xueji_workflows.actors import Actor
from xueji_workflows.approval import StepDecision as StepDecision  # the decide request
from xueji_workflows.cases import CLAIMING as CLAIMING
from xueji_workflows.cases import COMPLETED as COMPLETED
from xueji_workflows.cases import FAILED as FAILED
from xueji_workflows.cases import IN_REVIEW as IN_REVIEW
from xueji_workflows.cases import REFUSED as REFUSED
from xueji_workflows.national_number import NationalNumbered
from xueji_workflows.units import SchoolRef

TASK_QUEUE = "xueji-transfer"
CASE_KIND = "transfer"

# Steps, in the order a transfer meets them (the same-bureau route uses COMMON_BUREAU).
RECEIVING_SCHOOL = "receiving_school"
RECEIVING_BUREAU = "receiving_bureau"
SENDING_SCHOOL = "sending_school"
SENDING_BUREAU = "sending_bureau"
COMMON_BUREAU = "common_bureau"
REPORT_ARRIVAL = "report_arrival"
RECORD_MOVE = "record_move"
PAPER_FILE_SENT = "paper_file_sent"
PAPER_FILE_RECEIVED = "paper_file_received"
WITHDRAWAL = "withdrawal"

# Decisions of the non-approval steps.
REPORTED = "reported"
SENT = "sent"
RECEIVED = "received"

# Timeline states besides the ones every case has.
AWAITING_ARRIVAL = "awaiting_arrival"
MOVING = "moving"
AWAITING_PAPER_FILE = "awaiting_paper_file"
AWAITING_PAPER_RECEIPT = "awaiting_paper_receipt"
WITHDRAWN = "withdrawn"
FINISHED_STATES = frozenset({COMPLETED, REFUSED, WITHDRAWN, FAILED})


def transfer_workflow_id(national_number: str) -> str:
    """One running transfer per pupil: a second start for the same pupil is refused."""
    return f"transfer-{national_number}"


@dataclass(frozen=True)
class TransferInput(NationalNumbered):
    transfer_id: str
    pupil_name: str
    receiving_school: SchoolRef
    sending_school: SchoolRef
    target_grade: str
    reason: str
    filed_by: Actor
    target_class: str | None = None
    evidence_ids: list[str] = field(default_factory=list)
    # A docking province runs its own registry: its parties decide through the province system.
    receiving_province_docks: bool = False
    sending_province_docks: bool = False
    school_working_days: int = 5
    bureau_working_days: int = 10


@dataclass(frozen=True)
class Withdrawal:
    decision_id: str
    actor: Actor
    reason: str


@dataclass(frozen=True)
class ArrivalReport:
    decision_id: str
    actor: Actor


@dataclass(frozen=True)
class PaperFileSent:
    decision_id: str
    actor: Actor
    method: str  # e.g. "EMS", "机要", "专人送达"
    tracking: str | None = None


@dataclass(frozen=True)
class PaperFileReceived:
    decision_id: str
    actor: Actor
