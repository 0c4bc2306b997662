"""Card batches: the next photos in acceptance order, the size limit, the workbook rows, and who
produces and reads a unit's batches and lists."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from python_calamine import CalamineWorkbook

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.errors import DomainError
from xueji_photo import error_codes
from xueji_photo.cards.authority import may_produce, may_read
from xueji_photo.cards.manifest import HEADERS, card_rows, card_workbook
from xueji_photo.cards.selection import Candidate, batch_size, plan_batch

START = datetime(2026, 10, 10, 1, 0, tzinfo=UTC)
COUNTY = ("CN", "31", "3101", "310118")
SCHOOL = (*COUNTY, "2131000101")
KINDS = (UnitKind.NATION, UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.SCHOOL)


def candidate(sequence: int, *, carded_before: bool = False) -> Candidate:
    return Candidate(
        photo_id=uuid.uuid4(), pupil_id=f"p-{sequence}", national_number=f"G{sequence:018d}",
        name="测试学生", school_code="2131000101", school_name="青浦区测试小学",
        acceptance_sequence=sequence, accepted_at=START + timedelta(minutes=sequence),
        object_key=f"photos/G{sequence:018d}/x.jpg", carded_before=carded_before,
    )  # fmt: skip


def caller(role: Role, path: tuple[str, ...]) -> Principal:
    return Principal("a-1", "赵科长", role, path[-1], KINDS[len(path) - 1], path)


def test_a_batch_takes_the_earliest_accepted_photos_in_order() -> None:
    plan = plan_batch([candidate(s) for s in (7, 3, 12, 5, 9)], 3)
    assert [m.candidate.acceptance_sequence for m in plan.members] == [3, 5, 7]
    assert [m.position for m in plan.members] == [1, 2, 3]
    assert (plan.first_sequence, plan.last_sequence) == (3, 7)
    assert plan.members[0].file_name == "photos/0001_G000000000000000003.jpg"


def test_a_batch_smaller_than_its_size_takes_every_candidate() -> None:
    plan = plan_batch([candidate(2), candidate(1)], 500)
    assert [m.candidate.acceptance_sequence for m in plan.members] == [1, 2]


def test_no_candidate_is_no_batch() -> None:
    with pytest.raises(DomainError) as refused:
        plan_batch([], 10)
    assert refused.value.error is error_codes.PHOTO_CARD_BATCH_EMPTY


def test_the_size_defaults_to_the_limit_and_never_exceeds_it() -> None:
    assert batch_size(None, 500) == 500
    assert batch_size(20, 500) == 20
    for wrong in (0, -1, 501):
        with pytest.raises(DomainError) as refused:
            batch_size(wrong, 500)
        assert refused.value.error is error_codes.PHOTO_CARD_BATCH_SIZE_INVALID
        assert "1 至 500 人" in str(refused.value.detail)


def test_the_workbook_lists_each_member_in_china_time_with_the_reprint_flag() -> None:
    plan = plan_batch([candidate(1), candidate(2, carded_before=True)], 10)
    rows = card_rows(plan)
    assert rows[0]["照片采集时间"] == "2026-10-10 09:01:00"
    assert [r["补制"] for r in rows] == ["否", "是"]
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(card_workbook(plan))).get_sheet_by_index(0)
    table = sheet.to_python()
    assert tuple(table[0]) == HEADERS
    assert [row[1] for row in table[1:]] == ["G000000000000000001", "G000000000000000002"]
    assert table[2][7] == "photos/0002_G000000000000000002.jpg"


def test_the_authority_over_the_unit_produces_and_its_own_school_reads() -> None:
    county, school = "/CN/31/3101/310118/", "/CN/31/3101/310118/2131000101/"
    for role, path in ((Role.COUNTY_OFFICER, COUNTY), (Role.CITY_OFFICER, COUNTY[:3]),
                       (Role.PROVINCE_OFFICER, COUNTY[:2])):  # fmt: skip
        assert may_produce(caller(role, path), county)
        assert may_produce(caller(role, path), school)
    other_county = caller(Role.COUNTY_OFFICER, ("CN", "31", "3101", "310101"))
    assert not may_produce(other_county, county) and not may_read(other_county, county)
    registrar = caller(Role.SCHOOL_REGISTRAR, SCHOOL)
    assert may_read(registrar, school) and not may_produce(registrar, school)
    assert not may_read(registrar, county)
    assert may_read(caller(Role.NATIONAL_OPERATOR, ("CN",)), county)
    assert not may_produce(caller(Role.NATIONAL_OPERATOR, ("CN",)), county)
