"""A pupil as one event tells it, and how it merges with what the roster holds (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from xueji.common.v1.org_pb2 import OrgRef
from xueji.registry.v1.pupil_pb2 import PupilRecord
from xueji_common.auth.principal import scope_path
from xueji_photo.roster.cohorts import STAGE_NAMES, STATUS_NAMES, PupilFacts, cohort_of


def province_of(unit: OrgRef) -> str:
    """The province a unit lies in; its path is root (nation) first, the unit excluded."""
    path = [*unit.path, unit.code]
    return path[1] if len(path) > 1 else ""


def between_provinces(sending: OrgRef, receiving: OrgRef) -> bool:
    return bool(sending.code) and province_of(sending) != province_of(receiving)


@dataclass(frozen=True)
class Snapshot:
    pupil_id: str
    national_number: str
    local_number: str
    name: str
    school_code: str
    scope_path: str
    province_code: str
    stage: str
    grade: int
    status: str
    arrived_from_other_province: bool
    record_version: int
    updated_at: datetime

    def values(self, five_year_primary: frozenset[str]) -> dict[str, object]:
        """The roster row this snapshot makes, its cohort included."""
        facts = PupilFacts(
            self.stage, self.grade, self.status, self.province_code,
            self.arrived_from_other_province,
        )  # fmt: skip
        return {**self.__dict__, "cohort": cohort_of(facts, five_year_primary).value}


def snapshot_of(record: PupilRecord, *, arrived: bool, at: datetime) -> Snapshot:
    school = record.school
    return Snapshot(
        pupil_id=record.pupil_id,
        national_number=record.national_number,
        local_number=record.local_number,
        name=record.name,
        school_code=school.code,
        scope_path=scope_path([*school.path, school.code]),
        province_code=province_of(school),
        stage=STAGE_NAMES.get(record.stage, "unknown"),
        grade=record.grade,
        status=STATUS_NAMES.get(record.status, "unknown"),
        arrived_from_other_province=arrived,
        record_version=record.record_version,
        updated_at=record.updated_at.ToDatetime(UTC) if record.HasField("updated_at") else at,
    )


def stored_snapshot(row: Mapping[str, object]) -> Snapshot:
    fields = Snapshot.__dataclass_fields__
    return Snapshot(**{name: row[name] for name in fields})  # type: ignore[arg-type]


def merged(stored: Snapshot, arriving: Snapshot) -> Snapshot:
    """The newer record version wins; having arrived from another province is a fact that no
    later or earlier event takes back, so redelivered, late and replayed events converge."""
    newest = arriving if arriving.record_version > stored.record_version else stored
    arrived = stored.arrived_from_other_province or arriving.arrived_from_other_province
    return replace(newest, arrived_from_other_province=arrived)
