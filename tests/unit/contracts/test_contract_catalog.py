"""The event catalog names every event type of SPEC §8 once, with a payload and a resolvable key."""

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor

from xueji.export.v1 import export_events_pb2
from xueji.photo.v1 import photo_events_pb2
from xueji.province.v1 import province_events_pb2
from xueji.registry.v1 import org_events_pb2, pupil_events_pb2
from xueji.transfer.v1 import transfer_events_pb2
from xueji_common import contracts
from xueji_common.contracts import CATALOG, EventType, event_type, event_type_of

SPEC_EVENT_TYPES = {
    contracts.TOPIC_PUPIL: {
        "pupil.created", "pupil.updated", "pupil.problem_detected", "pupil.problem_resolved",
        "pupil.registered", "pupil.status_changed", "pupil.transferred_out",
        "pupil.transferred_in", "pupil.corrected",
    },
    contracts.TOPIC_ORG: {
        "org_unit.created", "org_unit.updated", "school.created", "school.updated",
        "report.generated",
    },
    contracts.TOPIC_TRANSFER: {
        "transfer.filed", "transfer.step_opened", "transfer.step_decided", "transfer.step_overdue",
        "transfer.escalated", "transfer.refused", "transfer.withdrawn", "transfer.approved",
        "transfer.record_moved", "transfer.paper_file_sent", "transfer.paper_file_received",
        "transfer.completed", "transfer.deadline_recomputed", "transfer.arrival_reported",
        "transfer.sending_school_notified", "transfer.failed",
    },
    contracts.TOPIC_PHOTO: {"photo.accepted", "photo.reopened", "card_batch.produced"},
    contracts.TOPIC_EXPORT: {
        "export.applied", "export.approved", "export.refused", "export.generated",
        "export.downloaded", "export.expired", "export.audit_head", "export.executed",
        "export.escalated",
    },
    contracts.TOPIC_PROVINCE_OUTBOUND: {
        "province.step_pending", "province.case_changed", "province.pupil_changed",
    },
    contracts.TOPIC_PROVINCE_INBOUND: {"province.decision", "province.pupil_reported"},
}  # fmt: skip

EVENT_FILES = (
    pupil_events_pb2, org_events_pb2, transfer_events_pb2, photo_events_pb2,
    export_events_pb2, province_events_pb2,
)  # fmt: skip


def test_catalog_holds_exactly_the_spec_event_types_on_their_topics() -> None:
    by_topic: dict[str, set[str]] = {}
    for entry in CATALOG.values():
        by_topic.setdefault(entry.topic, set()).add(entry.name)
    assert by_topic == SPEC_EVENT_TYPES
    assert all(name == entry.name for name, entry in CATALOG.items())


def test_topic_names_are_those_of_the_spec() -> None:
    assert contracts.TOPIC_PUPIL == "xueji.registry.pupil.v1"
    assert contracts.TOPIC_ORG == "xueji.registry.org.v1"
    assert contracts.TOPIC_TRANSFER == "xueji.transfer.v1"
    assert contracts.TOPIC_PHOTO == "xueji.photo.v1"
    assert contracts.TOPIC_EXPORT == "xueji.export.v1"


def test_every_message_of_an_events_file_is_a_catalogued_payload() -> None:
    declared = {
        message.full_name
        for module in EVENT_FILES
        for message in module.DESCRIPTOR.message_types_by_name.values()
    }
    payloads = [entry.message.DESCRIPTOR.full_name for entry in CATALOG.values()]
    assert sorted(payloads) == sorted(declared)


def _key_field(message: Descriptor, path: str) -> FieldDescriptor:
    *parents, last = path.split(".")
    for name in parents:
        field = message.fields_by_name[name]
        assert field.type == FieldDescriptor.TYPE_MESSAGE, f"{name} is not a message"
        message = field.message_type
    return message.fields_by_name[last]


@pytest.mark.parametrize("entry", CATALOG.values(), ids=lambda entry: entry.name)
def test_key_field_is_a_singular_string_of_the_payload(entry: EventType) -> None:
    field = _key_field(entry.message.DESCRIPTOR, entry.key_field)
    assert field.type == FieldDescriptor.TYPE_STRING
    assert not field.is_repeated


@pytest.mark.parametrize("entry", CATALOG.values(), ids=lambda entry: entry.name)
def test_event_type_of_finds_the_entry_from_its_payload(entry: EventType) -> None:
    assert event_type_of(entry.message()) is entry


def test_key_of_reads_nested_keys() -> None:
    created = pupil_events_pb2.PupilCreated()
    created.pupil.national_number = "G310115201503150011"
    assert event_type("pupil.created").key_of(created) == "G310115201503150011"
    applied = export_events_pb2.ExportApplied()
    applied.application.application_id = "exp-42"
    assert event_type("export.applied").key_of(applied) == "exp-42"


def test_key_of_refuses_an_empty_key_and_a_foreign_payload() -> None:
    with pytest.raises(ValueError, match=r"pupil\.national_number"):
        event_type("pupil.created").key_of(pupil_events_pb2.PupilCreated())
    with pytest.raises(TypeError, match="PupilUpdated"):
        event_type("pupil.created").key_of(pupil_events_pb2.PupilUpdated())


def test_unknown_event_type_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match=r"pupil\.teleported"):
        event_type("pupil.teleported")
    with pytest.raises(KeyError, match="Timestamp"):
        from google.protobuf.timestamp_pb2 import Timestamp

        event_type_of(Timestamp())


def test_province_topics() -> None:
    assert contracts.province_outbound_topic("31") == "xueji.province.31.outbound.v1"
    assert contracts.province_inbound_topic("44") == "xueji.province.44.inbound.v1"
    for bad in ("3", "310", "00", "3a", "", "31\n"):
        with pytest.raises(ValueError, match="province code"):
            contracts.province_outbound_topic(bad)


def test_topic_for_resolves_province_templates_only() -> None:
    decision = event_type("province.decision")
    assert decision.per_province
    assert decision.topic_for("31") == "xueji.province.31.inbound.v1"
    with pytest.raises(ValueError, match="per-province"):
        decision.topic_for()
    created = event_type("pupil.created")
    assert not created.per_province
    assert created.topic_for() == contracts.TOPIC_PUPIL
    with pytest.raises(ValueError, match="not a per-province"):
        created.topic_for("31")


def test_dead_letter_topic() -> None:
    assert contracts.dlq_topic("xueji.transfer.v1") == "xueji.transfer.v1.dlq"
    assert (
        contracts.dlq_topic(contracts.province_inbound_topic("31"))
        == "xueji.province.31.inbound.v1.dlq"
    )
    with pytest.raises(ValueError, match="already"):
        contracts.dlq_topic("xueji.transfer.v1.dlq")
