"""Events arriving twice, late or replayed leave the same roster row."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji_photo.roster.snapshot import between_provinces, merged, snapshot_of

AT = datetime(2026, 9, 1, tzinfo=UTC)
FIVE_YEAR = frozenset({"31"})


def school(code: str, *path: str) -> OrgRef:
    return OrgRef(code=code, kind=OrgKind.ORG_KIND_SCHOOL, path=["CN", *path])


def record(version: int, grade: int = 3, school_ref: OrgRef | None = None) -> PupilRecord:
    return PupilRecord(
        pupil_id="p-1", national_number="G310101201901010011", name="张小明", local_number="31001",
        school=school_ref or school("2131000101", "31", "3101", "310101"), grade=grade,
        stage=Stage.STAGE_PRIMARY, status=PupilStatus.PUPIL_STATUS_ENROLLED,
        record_version=version, id_number="310101201901010011",
    )  # fmt: skip


def test_snapshot_keeps_what_the_service_needs_and_no_id_number() -> None:
    snap = snapshot_of(record(1), arrived=False, at=AT)
    values = snap.values(FIVE_YEAR)
    assert values["scope_path"] == "/CN/31/3101/310101/2131000101/"
    assert values["province_code"] == "31" and values["stage"] == "primary"
    assert values["cohort"] == "missing_photo"
    assert "310101201901010011" not in values.values()


def test_every_order_of_the_same_events_converges() -> None:
    arrival = snapshot_of(record(2, grade=4), arrived=True, at=AT)
    events = [
        snapshot_of(record(1), arrived=False, at=AT),
        arrival,
        snapshot_of(record(3, grade=5), arrived=False, at=AT),
        arrival,  # redelivered
    ]
    results = set()
    for order in itertools.permutations(events):
        state = order[0]
        for event in order[1:]:
            state = merged(state, event)
        results.add(state)
    [final] = results
    assert final.record_version == 3 and final.grade == 5
    assert final.arrived_from_other_province
    assert final.values(FIVE_YEAR)["cohort"] == "graduating"  # grade 5 in Shanghai


def test_only_a_move_between_provinces_counts_as_arriving() -> None:
    shanghai = school("2131000101", "31", "3101", "310101")
    assert between_provinces(school("2151000101", "51", "5101", "510104"), shanghai)
    assert not between_provinces(school("2131000202", "31", "3101", "310104"), shanghai)
    assert not between_provinces(OrgRef(), shanghai)
