"""A stored transfer turned back into the workflow's input, to ask the route who acts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The stored actor's shape is shared by every service that records case events.
from xueji_workflows.actors import actor_from_json as actor_from_json
from xueji_workflows.actors import actor_to_json as actor_to_json
from xueji_workflows.approval import StepSpec
from xueji_workflows.transfer import TransferInput
from xueji_workflows.transfer.route import (
    approval_route,
    arrival_step,
    paper_file_received_step,
    paper_file_sent_step,
    withdrawal_party,
)
from xueji_workflows.units import SchoolRef

Row = Mapping[str, Any]


def transfer_input(row: Row) -> TransferInput:
    """The input the workflow was started with, as far as routing needs it."""
    filed_by = actor_from_json(row["filed_by"])
    assert filed_by is not None
    return TransferInput(
        transfer_id=row["id"],
        national_number=row["pupil_number"],
        pupil_name=row["pupil_name"],
        receiving_school=SchoolRef(
            row["receiving_school_code"], row["receiving_school_name"], list(row["receiving_path"])
        ),
        sending_school=SchoolRef(
            row["sending_school_code"], row["sending_school_name"], list(row["sending_path"])
        ),
        target_grade=str(row["target_grade"]),
        reason=row["reason"],
        filed_by=filed_by,
        target_class=row["target_class"],
        evidence_ids=list(row["evidence_ids"] or []),
        receiving_province_docks=row["receiving_docks"],
        sending_province_docks=row["sending_docks"],
        school_working_days=row["school_working_days"],
        bureau_working_days=row["bureau_working_days"],
    )


def step_specs(transfer: TransferInput) -> list[StepSpec]:
    """Every step a transfer can open, in order."""
    return [
        *approval_route(transfer),
        arrival_step(transfer),
        paper_file_sent_step(transfer),
        paper_file_received_step(transfer),
        withdrawal_party(transfer),
    ]


def step_spec(transfer: TransferInput, step: str | None) -> StepSpec | None:
    return next((spec for spec in step_specs(transfer) if spec.name == step), None)
