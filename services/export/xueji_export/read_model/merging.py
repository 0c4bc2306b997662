"""Which of many events wins for each pupil (pure), so that a batch is applied as one guarded
upsert per kind of fact instead of one statement per event.

Each kind of fact has its own order: the registry's record version, the photo's and the
transfer's event time. Applying a batch's winners gives the rows that applying every event in
turn gives, because each guarded upsert only moves a fact forward in its order: per pupil and
kind only the highest survives, and on a tie the first (the later one's guard fails).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from xueji.photo.v1.photo_events_pb2 import PhotoAccepted, PhotoReopened
from xueji.transfer.v1.transfer_events_pb2 import TransferCompleted
from xueji_common.events.envelope import Envelope
from xueji_export.read_model.snapshot import registry_values


class Fact(StrEnum):
    REGISTRY = "registry"
    PHOTO = "photo"
    TRANSFER = "transfer"


@dataclass(frozen=True, slots=True)
class Change:
    fact: Fact
    # The record version (registry) or the event time (photo, transfer).
    order: Any
    # The read-model columns it sets, pupil_id first.
    values: dict[str, Any]


def _photo(at: datetime, message: PhotoAccepted | PhotoReopened) -> Change | None:
    if not message.pupil_id:
        return None
    values = {
        "pupil_id": message.pupil_id,
        "has_photo": isinstance(message, PhotoAccepted),
        "photo_changed_at": at,
    }
    return Change(Fact.PHOTO, at, values)


def _transfer(at: datetime, message: TransferCompleted) -> Change | None:
    parties = message.parties
    if not parties.pupil_id:
        return None
    if message.HasField("completed_at"):
        at = message.completed_at.ToDatetime(UTC)
    values = {
        "pupil_id": parties.pupil_id,
        "last_transfer_from": parties.sending_school.name or None,
        "last_transfer_on": at.date(),
        "transfer_completed_at": at,
    }
    return Change(Fact.TRANSFER, at, values)


def change_of(envelope: Envelope, message: object) -> Change | None:
    """What one event sets, or None when it names no pupil."""
    if isinstance(message, (PhotoAccepted, PhotoReopened)):
        return _photo(envelope.time, message)
    if isinstance(message, TransferCompleted):
        return _transfer(envelope.time, message)
    record = getattr(message, "pupil", None)
    if record is None or not record.pupil_id:
        return None
    return Change(Fact.REGISTRY, record.record_version, registry_values(record, envelope.time))


def winners(changes: Iterable[Change]) -> dict[Fact, list[dict[str, Any]]]:
    """Per fact, the values of each pupil's highest change (the first of equals)."""
    best: dict[tuple[Fact, str], Change] = {}
    for change in changes:
        key = (change.fact, change.values["pupil_id"])
        known = best.get(key)
        if known is None or change.order > known.order:
            best[key] = change
    merged: dict[Fact, list[dict[str, Any]]] = {}
    for (fact, _), change in best.items():
        merged.setdefault(fact, []).append(change.values)
    return merged
