"""The outbox row: one column list and one encoding for every path that writes events.

The unit of work inserts a row per event it collected (`OutboxRow.of`). A bulk writer, the
registry's Excel import, builds the COPY text of many thousand rows in worker processes
(`OutboxLines`) and appends them on the unit of work's connection (`OutboxRows`). Both write
the columns of `OUTBOX_COLUMNS` with the same values, so the relay cannot tell them apart.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING

from xueji_common.contracts import event_type
from xueji_common.copy_text import copy_into, text
from xueji_common.events.outgoing import OutgoingEvent

if TYPE_CHECKING:  # worker processes build lines without loading the driver
    import asyncpg

# What a writer sets; the table numbers (`seq`) and dates (`created_at`) the row itself.
OUTBOX_COLUMNS = (
    "event_id", "topic", "event_type", "aggregate_id", "subject", "payload", "trace_id",
)  # fmt: skip


def topic_for(type_name: str, topic: str | None = None) -> str:
    """The topic an event of this type goes to: its catalogue topic, or the province's topic
    the event names."""
    kind = event_type(type_name)
    if topic is None and kind.per_province:
        raise ValueError(f"{type_name} goes to a province's topic; name it on the event")
    return topic or kind.topic


@dataclass(frozen=True)
class OutboxRow:
    """One event as the outbox stores it; fields in `OUTBOX_COLUMNS` order."""

    event_id: uuid.UUID
    topic: str
    event_type: str
    aggregate_id: str
    subject: str | None
    payload: bytes
    trace_id: str | None

    @classmethod
    def of(cls, event: OutgoingEvent, trace_id: str | None) -> OutboxRow:
        return cls(
            event_id=event.event_id,
            topic=topic_for(event.type, event.topic),
            event_type=event.type,
            aggregate_id=event.key,
            subject=event.subject,
            payload=event.message.SerializeToString(deterministic=True),
            trace_id=trace_id,
        )

    def values(self) -> dict[str, object]:
        """The row as column values, for an INSERT."""
        return dict(zip(OUTBOX_COLUMNS, astuple(self), strict=True))

    def copy_line(self) -> str:
        """The row as one line of COPY text."""
        return "\t".join(text(value) for value in astuple(self)) + "\n"


class OutboxLines:
    """COPY lines of many events of one type from one request, as `OutboxRow.copy_line`
    writes them, built without an `OutgoingEvent` or a row object each: a bulk writer
    makes hundreds of thousands."""

    def __init__(self, type_name: str, *, trace_id: str | None, topic: str | None = None) -> None:
        self._kind = f"\t{text(topic_for(type_name, topic))}\t{text(type_name)}\t"
        self._trace = f"\t{text(trace_id)}\n"

    def line(self, event_id: str, key: str, subject: str, payload: bytes) -> str:
        """`event_id` is the text of a UUID."""
        # Keys and subjects are numbers and ids: checking is cheaper than escaping them.
        if not (key.isprintable() and subject.isprintable()) or "\\" in key or "\\" in subject:
            key, subject = text(key), text(subject)
        return f"{event_id}{self._kind}{key}\t{subject}\t\\\\x{payload.hex()}{self._trace}"


class OutboxRows:
    """Appends outbox rows in bulk (one COPY) on a connection, inside its open transaction;
    `UnitOfWork.outbox_rows` gives the unit of work's."""

    def __init__(self, connection: asyncpg.Connection, schema: str | None) -> None:
        self._connection = connection
        self._schema = schema

    async def append(self, pieces: Sequence[bytes]) -> None:
        """Rows as COPY text (`OutboxLines`, `OutboxRow.copy_line`), in pieces of whole lines;
        the relay publishes them in this order."""
        await copy_into(self._connection, "outbox", OUTBOX_COLUMNS, pieces, schema=self._schema)
