"""Events straight onto their topics, as their producers would send them: for the suites whose
consumers are tested without running the producing service."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer
from google.protobuf.message import Message

from xueji_common.contracts import event_type_of
from xueji_common.events.envelope import Envelope, to_headers


async def publish(
    bootstrap: str,
    message: Message,
    *,
    source: str,
    event_id: str | None = None,
    at: datetime | None = None,
    payload: bytes | None = None,
) -> str:
    """The event with CloudEvents headers from `source`; `payload` replaces the encoded message
    (a corrupt event). Answers the event's id."""
    kind = event_type_of(message)
    envelope = Envelope(
        id=event_id or str(uuid.uuid4()), source=source, type=kind.name,
        time=at or datetime.now(UTC), subject=None, trace_id=None,
    )  # fmt: skip
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(
            kind.topic, value=message.SerializeToString() if payload is None else payload,
            key=kind.key_of(message).encode(), headers=to_headers(envelope),
        )  # fmt: skip
    finally:
        await producer.stop()
    return envelope.id
