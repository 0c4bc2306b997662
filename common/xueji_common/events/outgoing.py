"""An event a service has decided to publish; it becomes an outbox row in the same commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from google.protobuf.message import Message


@dataclass(frozen=True)
class OutgoingEvent:
    type: str
    key: str
    message: Message
    subject: str | None = None
    topic: str | None = None
    event_id: uuid.UUID = field(default_factory=uuid.uuid4)
