"""The field catalogue: stable keys, the sensitive fields SPEC §7 names, real event origins."""

from __future__ import annotations

from xueji.registry.v1 import pupil_pb2
from xueji_export import catalogue
from xueji_export.catalogue import Source, ValueType


def test_keys_are_unique_and_in_catalogue_order() -> None:
    assert len(set(catalogue.KEYS)) == len(catalogue.FIELDS)
    assert catalogue.in_catalogue_order({"name", "school_code", "nope"}) == ("school_code", "name")


def test_spec_sensitive_categories_are_sensitive() -> None:
    for key in (
        "id_number",
        "guardian_phone",
        "guardian_name",
        "guardian_id_number",
        "address",
        "household_address",
        "health_status",
        "disability_category_code",
        "inclusive_education",
        "name",
        "birth_date",
        "national_number",
    ):
        assert key in catalogue.SENSITIVE_KEYS, key
    assert "school_name" not in catalogue.SENSITIVE_KEYS
    assert "grade" not in catalogue.SENSITIVE_KEYS


def test_lookup() -> None:
    found = catalogue.field("id_number")
    assert found is not None and found.label == "身份证件号码" and found.sensitive
    assert catalogue.field("password") is None


def test_registry_fields_name_a_real_pupil_record_field() -> None:
    record_fields = set(pupil_pb2.PupilRecord.DESCRIPTOR.fields_by_name)
    for entry in catalogue.FIELDS:
        if entry.source is Source.REGISTRY_PUPIL:
            top = entry.origin.removeprefix("pupil.").split(".")[0].split("[")[0]
            assert (top in record_fields) is entry.carried, entry.key


def test_code_fields_have_labels() -> None:
    for entry in catalogue.FIELDS:
        assert bool(entry.code_labels) is (entry.value_type is ValueType.CODE), entry.key
