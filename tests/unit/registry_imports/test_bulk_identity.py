"""The import's fast path stores exactly what the pupils service would store, event included."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from tests.unit.registry_imports.sample_school import SCHOOL, cells, context, layout
from tests.unit.registry_imports.sample_workbooks import pupil_row
from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.copy_text import encoders_for
from xueji_common.outbox.rows import OUTBOX_COLUMNS, OutboxRow
from xueji_registry.imports.bulk_record import (
    NUMBER_COLUMNS,
    BulkRecordBuilder,
    random_uuid_texts,
)
from xueji_registry.imports.field_readers import FieldReader
from xueji_registry.imports.row_reading import read_row
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import PupilCandidate, validate_candidate
from xueji_registry.pupils.entry.drafting import new_state
from xueji_registry.pupils.rows import row_values
from xueji_registry.pupils.tables import pupils

ACTOR = Principal(
    "acc-1", "林老师", Role.SCHOOL_REGISTRAR, SCHOOL.code, UnitKind.SCHOOL, SCHOOL.path
)
ROWS = [
    pupil_row(1, 班级="1"),
    pupil_row(1, male=False, 姓名="阿依古丽・买买提", 民族="维吾尔族"),
    pupil_row(7, 班级="1", 现住址="福州市　鼓楼区  五四路１号", 户口所在地="ＸＸ路\\2号"),
    pupil_row(2, 监护人电话="＋86 138-0000-0000", 监护人关系="祖母", 学籍副号="fz-0001"),
    pupil_row(8, 随班就读="是", 残疾类型="视力残疾", 国籍="中国", 监护人姓名=None,
              监护人关系=None, 监护人电话=None),
]  # fmt: skip


def _reference(row: dict[str, object]):
    """What the pupils service stores for the candidate the reader made of this row."""
    prepared = {
        field: value.strip() if isinstance(value, str) else value
        for field, value in zip(layout(), cells(row), strict=False)
    }
    values, _ = FieldReader(context()).read(prepared)
    return validate_candidate(PupilCandidate(**values), school=SCHOOL, today=context().today)


@pytest.mark.parametrize("row", ROWS, ids=range(len(ROWS)))
def test_stored_values_equal_validate_candidates(row: dict[str, object]) -> None:
    outcome = read_row(2, cells(row), layout(), context())
    assert outcome.stored is not None, outcome.reasons
    reference = _reference(row)
    assert reference.reasons == ()
    assert PupilCandidate(**outcome.stored.values) == reference.values
    assert outcome.stored.graduation_year == reference.graduation_year
    assert outcome.stored.national_number == "G" + str(reference.valid_id_number)


def _decode(data: bytes, columns: tuple[str, ...]) -> dict[str, str]:
    (line,) = data.decode().splitlines()
    return dict(zip(columns, line.split("\t"), strict=True))


@pytest.mark.parametrize("row", ROWS, ids=range(len(ROWS)))
def test_copy_lines_and_payloads_equal_the_pupils_services_own(row: dict[str, object]) -> None:
    ctx = context()
    builder = BulkRecordBuilder(ctx, ACTOR, "batch-1", "trace-1")
    stored = read_row(2, cells(row), layout(), ctx).stored
    assert stored is not None
    builder.add(7, stored, 12345)
    staged = builder.staged()
    assert (list(staged.rows), list(staged.id_keys)) == ([7], [12345])
    line = _decode(staged.pupils, builder.columns)
    pupil_id = uuid.UUID(line["id"])
    class_id = stored.values["class_id"]
    state = new_state(
        pupil_id, _reference(row), school=SCHOOL,
        school_class=ctx.classes_by_id[class_id] if class_id else None,
        national_number=stored.national_number, now=ctx.now,
    )  # fmt: skip
    expected = {**row_values(state), "import_batch_id": "batch-1"}
    encoders = encoders_for(pupils, tuple(expected))
    for (name, value), encode in zip(expected.items(), encoders, strict=True):
        assert line[name] == encode(value), name
    outbox = _decode(staged.events, OUTBOX_COLUMNS)
    payload = bytes.fromhex(outbox["payload"].removeprefix("\\\\x"))
    assert pb.PupilCreated.FromString(payload).pupil.pupil_id == str(pupil_id)
    # The very row the unit of work writes for the pupils service's own event.
    event = replace(
        events.created(state, ACTOR, import_batch_id="batch-1"),
        event_id=uuid.UUID(outbox["event_id"]),
    )
    assert staged.events.decode() == OutboxRow.of(event, "trace-1").copy_line()
    assert _decode(staged.numbers, NUMBER_COLUMNS) == {
        "pupil_id": str(pupil_id), "national_number": stored.national_number, "form": "G",
        "reason": "首次建立学籍", "actor_account_id": ACTOR.account_id,
    }  # fmt: skip


def test_ids_are_random_version_4_uuids() -> None:
    made = {text for _ in range(10) for text in random_uuid_texts(100)}
    assert len(made) == 1000
    assert {uuid.UUID(text).version for text in made} == {4}
    assert {uuid.UUID(text).variant for text in made} == {uuid.RFC_4122}

