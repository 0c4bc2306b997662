"""A consumer built from today's contracts must read messages from a newer producer (SPEC §8)."""

from collections.abc import Callable

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.descriptor import FileDescriptor
from google.protobuf.message import Message
from google.protobuf.unknown_fields import UnknownFieldSet

from xueji.registry.v1 import pupil_events_pb2, pupil_pb2

FileEdit = Callable[[descriptor_pb2.FileDescriptorProto], None]


def _add_file(
    pool: descriptor_pool.DescriptorPool, file: FileDescriptor, edits: dict[str, FileEdit]
) -> None:
    try:
        pool.FindFileByName(file.name)
        return
    except KeyError:
        pass
    for dependency in file.dependencies:
        _add_file(pool, dependency, edits)
    proto = descriptor_pb2.FileDescriptorProto()
    file.CopyToProto(proto)
    if file.name in edits:
        edits[file.name](proto)
    pool.Add(proto)


def _message(
    proto: descriptor_pb2.FileDescriptorProto, name: str
) -> descriptor_pb2.DescriptorProto:
    return next(m for m in proto.message_type if m.name == name)


def _next_pupil_record(proto: descriptor_pb2.FileDescriptorProto) -> None:
    """v1-next adds a field to PupilRecord and a value to PupilStatus."""
    _message(proto, "PupilRecord").field.add(
        name="preferred_name",
        number=1001,
        type=descriptor_pb2.FieldDescriptorProto.TYPE_STRING,
        label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL,
    )
    status = next(e for e in proto.enum_type if e.name == "PupilStatus")
    status.value.add(name="PUPIL_STATUS_EXCHANGE_PROGRAMME", number=99)


def _next_pupil_created(proto: descriptor_pb2.FileDescriptorProto) -> None:
    """v1-next adds a field to the event itself."""
    _message(proto, "PupilCreated").field.add(
        name="import_row_number",
        number=1002,
        type=descriptor_pb2.FieldDescriptorProto.TYPE_INT32,
        label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL,
    )


def _next_pupil_created_class() -> type[Message]:
    pool = descriptor_pool.DescriptorPool()
    edits = {
        pupil_pb2.DESCRIPTOR.name: _next_pupil_record,
        pupil_events_pb2.DESCRIPTOR.name: _next_pupil_created,
    }
    _add_file(pool, pupil_events_pb2.DESCRIPTOR, edits)
    return message_factory.GetMessageClass(
        pool.FindMessageTypeByName("xueji.registry.v1.PupilCreated")
    )


def _next_payload() -> bytes:
    event = _next_pupil_created_class()()
    event.pupil.national_number = "G310115201503150011"
    event.pupil.name = "欧阳䶮"
    event.pupil.preferred_name = "Yan"
    event.pupil.status = 99
    event.pupil.record_version = 3
    event.import_batch_id = "batch-7"
    event.import_row_number = 12
    return event.SerializeToString()


def test_a_newer_producers_event_parses_with_todays_decoder() -> None:
    old = pupil_events_pb2.PupilCreated.FromString(_next_payload())

    assert old.pupil.national_number == "G310115201503150011"
    assert old.pupil.name == "欧阳䶮"
    assert old.pupil.record_version == 3
    assert old.import_batch_id == "batch-7"
    assert {field.name for field, _ in old.ListFields()} == {"pupil", "import_batch_id"}
    assert [f.field_number for f in UnknownFieldSet(old)] == [1002]
    assert [f.field_number for f in UnknownFieldSet(old.pupil)] == [1001]


def test_an_unknown_enum_value_is_kept_as_its_number() -> None:
    old = pupil_events_pb2.PupilCreated.FromString(_next_payload())

    assert old.pupil.status == 99
    assert old.pupil.status not in pupil_pb2.PupilStatus.values()


def test_forwarding_through_an_old_consumer_keeps_the_new_fields() -> None:
    # A dead-lettered or mirrored event must not lose what the old consumer did not understand.
    forwarded = pupil_events_pb2.PupilCreated.FromString(_next_payload()).SerializeToString()

    again = _next_pupil_created_class().FromString(forwarded)

    assert again.import_row_number == 12
    assert again.pupil.preferred_name == "Yan"


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def test_a_hand_encoded_extra_field_is_ignored() -> None:
    known = pupil_events_pb2.PupilCreated(import_batch_id="batch-8")
    extra_text = "新字段".encode()
    length_delimited = 2
    extra = _varint(500 << 3 | length_delimited) + _varint(len(extra_text)) + extra_text

    old = pupil_events_pb2.PupilCreated.FromString(known.SerializeToString() + extra)

    assert old.import_batch_id == "batch-8"
    assert [(f.field_number, f.data) for f in UnknownFieldSet(old)] == [(500, extra_text)]
