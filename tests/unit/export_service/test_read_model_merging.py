"""A batch's winners per pupil give what applying its events in turn gives: the highest record
version, the latest photo and transfer facts, the first of equals."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from xueji.common.v1.org_pb2 import OrgRef
from xueji.photo.v1.photo_events_pb2 import PhotoAccepted, PhotoReopened
from xueji.registry.v1.pupil_events_pb2 import PupilCreated, PupilUpdated
from xueji.registry.v1.pupil_pb2 import PupilRecord
from xueji.transfer.v1.transfer_events_pb2 import TransferCompleted
from xueji.transfer.v1.transfer_pb2 import TransferParties
from xueji_common.events.envelope import Envelope
from xueji_export.read_model.merging import Fact, change_of, winners

AT = datetime(2026, 12, 3, 8, tzinfo=UTC)
SCHOOL = OrgRef(code="2131000101", name="测试小学", path=["CN", "31", "3101", "310118"])


def _envelope(kind: str, at: datetime = AT) -> Envelope:
    return Envelope(str(uuid.uuid4()), "/xueji/test", kind, at, None, None)


def _registry(pupil: str, version: int, class_name: str) -> tuple[Envelope, object]:
    record = PupilRecord(
        pupil_id=pupil, record_version=version, class_name=class_name, school=SCHOOL
    )
    message = PupilCreated(pupil=record) if version == 1 else PupilUpdated(pupil=record)
    return _envelope("pupil.updated"), message


def _merged(events: list[tuple[Envelope, object]]) -> dict[Fact, dict[str, dict]]:
    changes = [c for envelope, message in events if (c := change_of(envelope, message))]
    return {fact: {row["pupil_id"]: row for row in rows} for fact, rows in winners(changes).items()}


def test_the_highest_record_version_of_each_pupil_wins_whatever_the_order() -> None:
    merged = _merged([
        _registry("a", 3, "三班"), _registry("b", 1, "一班"), _registry("a", 2, "二班"),
        _registry("b", 2, "二班"), _registry("a", 3, "重复"),
    ])  # fmt: skip
    rows = merged[Fact.REGISTRY]
    assert {pupil: row["class_name"] for pupil, row in rows.items()} == {"a": "三班", "b": "二班"}
    assert rows["a"]["record_version"] == 3
    assert rows["a"]["unit_path"] == "/CN/31/3101/310118/2131000101/"


def test_photo_and_transfer_facts_keep_the_latest_event_time_apart_from_the_registry() -> None:
    later = AT + timedelta(minutes=5)
    merged = _merged([
        (_envelope("photo.reopened", later), PhotoReopened(pupil_id="a")),
        (_envelope("photo.accepted", AT), PhotoAccepted(pupil_id="a")),
        (_envelope("transfer.completed", AT), TransferCompleted(
            parties=TransferParties(pupil_id="a", sending_school=OrgRef(name="原学校")))),
        _registry("a", 1, "一班"),
    ])  # fmt: skip
    assert merged[Fact.PHOTO]["a"]["has_photo"] is False
    assert merged[Fact.PHOTO]["a"]["photo_changed_at"] == later
    assert merged[Fact.TRANSFER]["a"]["last_transfer_from"] == "原学校"
    assert merged[Fact.REGISTRY]["a"]["class_name"] == "一班"


def test_events_naming_no_pupil_change_nothing() -> None:
    assert _merged([(_envelope("photo.accepted"), PhotoAccepted()), _registry("", 1, "一班")]) == {}
