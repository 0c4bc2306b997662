"""An event as a consumer receives it: the envelope, the decoded payload and its position."""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf.message import Message

from xueji_common.events.envelope import Envelope


@dataclass(frozen=True)
class IncomingEvent:
    envelope: Envelope
    message: Message
    key: str | None
    topic: str
    partition: int
    offset: int
