"""Starting a filed transfer: its row first, then its workflow, whose id is the pupil's.

The row exists before the workflow, so the workflow's first event always finds it; a start
refused because the pupil already has a running transfer removes the row again and names
the open transfer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from temporalio.client import Client
from temporalio.common import WorkflowIDConflictPolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError

from xueji_common import errors
from xueji_common.auth.principal import scope_path
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.platform_contract import PupilLookup
from xueji_transfer import error_codes
from xueji_transfer.registry_client import RegistryClient
from xueji_transfer.transfers.facts import actor_to_json
from xueji_transfer.transfers.tables import transfers
from xueji_workflows import transfer as tf
from xueji_workflows.search_attributes import at_start
from xueji_workflows.transfer.identity import identity_attributes
from xueji_workflows.transfer.workflows import TransferWorkflow


@dataclass(frozen=True)
class Filing:
    """What filing needs besides the request: the clients and where the workflows run."""

    db: Database
    registry: RegistryClient
    temporal: Client
    task_queue: str
    docking_provinces: tuple[str, ...]


async def start_transfer(
    filing: Filing, transfer: tf.TransferInput, pupil: PupilLookup
) -> dict[str, Any]:
    """Store and start `transfer`; the stored row (with the run id)."""
    row = _row(transfer, pupil)
    async with filing.db.sessions() as session, session.begin():
        await session.execute(insert(transfers).values(row))
    row["run_id"] = await _start(filing, transfer)
    return row


def _row(transfer: tf.TransferInput, pupil: PupilLookup) -> dict[str, Any]:
    r, s = transfer.receiving_school, transfer.sending_school
    return {
        "id": transfer.transfer_id,
        "workflow_id": tf.transfer_workflow_id(transfer.national_number),
        "pupil_number": transfer.national_number,
        "pupil_id": pupil.pupil_id,
        "pupil_name": transfer.pupil_name,
        "pupil_gender": pupil.gender,
        "pupil_birth_date": pupil.birth_date,
        "current_grade": pupil.grade,
        "target_grade": int(transfer.target_grade),
        "target_class": transfer.target_class,
        "reason": transfer.reason,
        "evidence_ids": transfer.evidence_ids,
        **{
            f"{side}_{field}": value
            for side, school, docks in (
                ("receiving", r, transfer.receiving_province_docks),
                ("sending", s, transfer.sending_province_docks),
            )
            for field, value in (
                ("school_code", school.code),
                ("school_name", school.name),
                ("path", school.unit_path),
                ("scope", scope_path(school.unit_path)),
                ("county_scope", scope_path(school.unit_path[:-1])),
                ("province", school.unit_path[1]),
                ("docks", docks),
            )
        },
        "filed_by": actor_to_json(transfer.filed_by),
        "school_working_days": transfer.school_working_days,
        "bureau_working_days": transfer.bureau_working_days,
        "state": tf.CLAIMING,
    }


async def _start(filing: Filing, transfer: tf.TransferInput) -> str:
    workflow_id = tf.transfer_workflow_id(transfer.national_number)
    try:
        handle = await filing.temporal.start_workflow(
            TransferWorkflow.run,
            transfer,
            id=workflow_id,
            task_queue=filing.task_queue,
            memo={"transfer_id": transfer.transfer_id},
            search_attributes=at_start(identity_attributes(transfer)),
            id_conflict_policy=WorkflowIDConflictPolicy.FAIL,
        )
    except WorkflowAlreadyStartedError as error:
        await _forget(filing.db, transfer.transfer_id)
        raise await _open_transfer_error(filing, transfer.national_number) from error
    except RPCError as error:
        await _forget(filing.db, transfer.transfer_id)
        raise DomainError(errors.WORKFLOW_UNAVAILABLE) from error
    run_id = handle.result_run_id or ""
    async with filing.db.sessions() as session, session.begin():
        await session.execute(
            update(transfers).where(transfers.c.id == transfer.transfer_id).values(run_id=run_id)
        )
    return run_id


async def _forget(db: Database, transfer_id: str) -> None:
    async with db.sessions() as session, session.begin():
        await session.execute(delete(transfers).where(transfers.c.id == transfer_id))


async def _open_transfer_error(filing: Filing, national_number: str) -> DomainError:
    async with filing.db.sessions() as session:
        open_id = await session.scalar(
            select(transfers.c.id)
            .where(
                transfers.c.pupil_number == national_number,
                transfers.c.state.not_in(tf.FINISHED_STATES),
            )
            .order_by(transfers.c.created_at.desc())
            .limit(1)
        )
    return DomainError(
        error_codes.PUPIL_HAS_OPEN_TRANSFER,
        detail=open_id or tf.transfer_workflow_id(national_number),
        extra={"open_transfer_id": open_id},
    )
