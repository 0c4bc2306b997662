"""CloudEvents binary mode on Kafka: metadata in headers, the protobuf payload as the value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

CONTENT_TYPE = "application/protobuf"
SPEC_VERSION = "1.0"
TRACE_HEADER = "xueji_trace_id"


class EnvelopeError(ValueError):
    """A message that is not a valid Xueji CloudEvent."""


@dataclass(frozen=True)
class Envelope:
    id: str
    source: str
    type: str
    time: datetime
    subject: str | None
    trace_id: str | None


def to_headers(envelope: Envelope) -> list[tuple[str, bytes]]:
    headers = [
        ("ce_specversion", SPEC_VERSION),
        ("ce_id", envelope.id),
        ("ce_source", envelope.source),
        ("ce_type", envelope.type),
        ("ce_time", envelope.time.astimezone(UTC).isoformat()),
        ("content-type", CONTENT_TYPE),
    ]
    if envelope.subject:
        headers.append(("ce_subject", envelope.subject))
    if envelope.trace_id:
        headers.append((TRACE_HEADER, envelope.trace_id))
    return [(name, value.encode()) for name, value in headers]


def from_headers(headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...]) -> Envelope:
    values: dict[str, str] = {}
    for name, raw in headers or ():
        try:
            values[name] = raw.decode() if raw is not None else ""
        except UnicodeDecodeError as exc:
            raise EnvelopeError(f"header {name} is not UTF-8") from exc
    missing = [h for h in ("ce_id", "ce_source", "ce_type", "ce_time") if not values.get(h)]
    if missing:
        raise EnvelopeError("missing CloudEvents headers: " + ", ".join(missing))
    if values.get("content-type", CONTENT_TYPE) != CONTENT_TYPE:
        raise EnvelopeError(f"unsupported content-type {values['content-type']!r}")
    try:
        time = datetime.fromisoformat(values["ce_time"])
    except ValueError as exc:
        raise EnvelopeError(f"ce_time is not an ISO 8601 instant: {values['ce_time']!r}") from exc
    return Envelope(
        id=values["ce_id"],
        source=values["ce_source"],
        type=values["ce_type"],
        time=time,
        subject=values.get("ce_subject"),
        trace_id=values.get(TRACE_HEADER),
    )
