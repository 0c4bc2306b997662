"""One outbox row for the unit of work's inserts and the bulk writers' COPY lines."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import MetaData

from xueji.registry.v1 import org_events_pb2 as org
from xueji_common.contracts import TOPIC_ORG
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.outbox.rows import OUTBOX_COLUMNS, OutboxLines, OutboxRow
from xueji_common.outbox.tables import outbox_table

EVENT_ID = uuid.UUID("6c1c9a9e-7f3e-4f57-9d0e-7f0f5c2f8a11")


def _event(key: str = "3101180001", subject: str | None = "3101180001") -> OutgoingEvent:
    message = org.OrgUnitCreated()
    message.unit.code = key
    message.unit.name = "上海市徐汇区\t实验\\小学"
    return OutgoingEvent("org_unit.created", key, message, subject=subject, event_id=EVENT_ID)


def test_the_columns_are_every_column_a_writer_sets() -> None:
    table = outbox_table(MetaData())
    written = [c.name for c in table.columns if c.identity is None and c.server_default is None]
    assert list(OUTBOX_COLUMNS) == [c for c in written if c != "published_at"]


def test_a_row_carries_the_event_and_the_trace() -> None:
    event = _event()
    row = OutboxRow.of(event, "trace-1")
    assert row.values() == {
        "event_id": EVENT_ID, "topic": TOPIC_ORG, "event_type": "org_unit.created",
        "aggregate_id": "3101180001", "subject": "3101180001",
        "payload": event.message.SerializeToString(deterministic=True), "trace_id": "trace-1",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("key", "subject", "trace_id"),
    [("3101180001", "3101180001", "trace-1"), ("a\tb\\c", "第\n二", None)],
)
def test_bulk_lines_are_the_rows_copy_lines(key: str, subject: str, trace_id: str | None) -> None:
    event = _event(key, subject)
    row = OutboxRow.of(event, trace_id)
    lines = OutboxLines(event.type, trace_id=trace_id)
    assert lines.line(str(EVENT_ID), key, subject, row.payload) == row.copy_line()
    assert row.copy_line().count("\t") == len(OUTBOX_COLUMNS) - 1
    assert row.copy_line().count("\n") == 1


def test_an_absent_subject_and_trace_are_null() -> None:
    line = OutboxRow.of(_event(subject=None), None).copy_line()
    fields = dict(zip(OUTBOX_COLUMNS, line.removesuffix("\n").split("\t"), strict=True))
    assert (fields["subject"], fields["trace_id"]) == ("\\N", "\\N")


def test_a_province_event_must_name_its_topic() -> None:
    with pytest.raises(ValueError, match="province"):
        OutboxLines("province.step_pending", trace_id=None)
