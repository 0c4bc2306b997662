"""Recording a batch of a transfer's events: in order, once each, one standing at the end."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import Stack
from tests.integration.transfer.flows import file, until_recorded
from tests.integration.transfer.world import new_pupil
from xueji_transfer.events.recording import record_events
from xueji_transfer.events.unit_names import UnitNames
from xueji_transfer.schema import outbox
from xueji_transfer.transfers.tables import timeline, transfers
from xueji_workflows.cases.event import CaseEvent

pytestmark = pytest.mark.integration


def _event(transfer_id: str, national_number: str, kind: str, **fields: object) -> CaseEvent:
    return CaseEvent(
        case_id=transfer_id,
        event_id=str(uuid.uuid4()),
        type=kind,
        national_number=national_number,
        occurred_at=datetime.now(UTC),
        step="receiving_school",
        **fields,  # type: ignore[arg-type]
    )


async def test_a_retried_batch_records_only_what_is_new_in_order(
    stack: Stack, ids: IdFactory
) -> None:
    pupil = await new_pupil(stack.registry, stack.people, ids, "fr")
    filed = await file(stack.transfer, stack.people, pupil, "zy1", "43")
    assert filed.status_code == 201, filed.text
    transfer_id = filed.json()["id"]
    await until_recorded(
        stack.transfer, stack.people.reviewer("zy1"), transfer_id, "receiving_school"
    )
    later = datetime.now(UTC) + timedelta(days=9)
    overdue = _event(transfer_id, pupil["national_number"], "transfer.step_overdue", deadline=later)
    escalated = _event(
        transfer_id, pupil["national_number"], "transfer.escalated",
        deadline=later + timedelta(days=5), escalated_to="4301",
    )  # fmt: skip
    names = UnitNames()
    ours = [uuid.UUID(overdue.event_id), uuid.UUID(escalated.event_id)]

    assert await record_events(stack.db, names, [overdue]) == 1
    # The activity retried after its first attempt committed, with one more event since.
    assert await record_events(stack.db, names, [overdue, escalated]) == 1
    assert await record_events(stack.db, names, [overdue, escalated]) == 0

    async with stack.db.sessions() as session:
        recorded = (
            (
                await session.execute(
                    select(timeline.c.event_id)
                    .where(timeline.c.transfer_id == transfer_id)
                    .order_by(timeline.c.seq)
                )
            )
            .scalars()
            .all()
        )
        standing = (
            (await session.execute(select(transfers).where(transfers.c.id == transfer_id)))
            .mappings()
            .one()
        )
        published = (
            (
                await session.execute(
                    select(outbox.c.event_id).where(
                        outbox.c.event_id.in_(
                            [uuid.UUID(overdue.event_id), uuid.UUID(escalated.event_id)]
                        )
                    )
                )
            )
            .scalars()
            .all()
        )
    assert recorded[-2:] == [overdue.event_id, escalated.event_id]
    assert len(recorded) == len(set(recorded))
    assert standing["current_step"] == "receiving_school"
    assert standing["overdue"] is True
    assert standing["escalated_to"] == "4301"
    assert standing["current_deadline"] == escalated.deadline
    assert sorted(published) == sorted(ours)
