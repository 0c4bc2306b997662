"""A PupilRecord fills every registry-sourced catalogue field of the read model."""

from __future__ import annotations

from datetime import UTC, date, datetime

from xueji.common.v1.org_pb2 import OrgRef
from xueji.registry.v1.pupil_pb2 import (
    Guardian,
    HouseholdRegistration,
    IdDocumentType,
    PupilRecord,
    PupilStatus,
    RegistrationState,
)
from xueji.registry.v1.stage_pb2 import Stage
from xueji_export.catalogue import FIELDS, Source, field
from xueji_export.read_model.snapshot import registry_values

AT = datetime(2026, 12, 3, tzinfo=UTC)


def test_every_carried_registry_field_has_a_column_value_with_the_catalogues_codes() -> None:
    record = PupilRecord(
        pupil_id="p1", national_number="G310101201501010011", name="李小明",
        birth_date="2015-01-01", gender_code="1", stage=Stage.STAGE_PRIMARY, grade=3,
        status=PupilStatus.PUPIL_STATUS_ENROLLED,
        id_type=IdDocumentType.ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
        registration_state=RegistrationState.REGISTRATION_STATE_REGISTERED, record_version=4,
        school=OrgRef(code="2131000101", name="测试小学", path=["CN", "31", "3101", "310118"]),
        household_registration=HouseholdRegistration(division_code="310118", address="某路1号"),
        guardians=[Guardian(name="李父", relation="父亲", phone="13800000000")],
    )  # fmt: skip
    values = registry_values(record, AT)
    registry_fields = {f.key for f in FIELDS if f.source is Source.REGISTRY_PUPIL and f.carried}
    assert registry_fields <= set(values)
    assert values["unit_path"] == "/CN/31/3101/310118/2131000101/"
    assert values["birth_date"] == date(2015, 1, 1)
    assert values["record_version"] == 4 and values["record_updated_at"] == AT
    for key in ("stage", "status", "registration_state", "id_type"):
        assert values[key] in field(key).code_labels, key  # type: ignore[union-attr]
    assert values["guardian_phone"] == "13800000000" and values["address"] is None
