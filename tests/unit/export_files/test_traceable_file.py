"""Each file says whose export it is, and refuses a pupil the query should not have returned."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from tests.unit.export_files.memory_source import KEY, scoped_rows, write
from tests.unit.export_files.readback import read_back, read_back_csv
from xueji_export.files.approval import NotExportable, approved_export
from xueji_export.files.formats import FileFormat
from xueji_export.files.read_model import selection
from xueji_export.files.rows import OutOfScopeRow
from xueji_export.files.watermark import is_genuine, watermark

SCHOOL = "/CN/31/3101/310101/3101010001/"
OTHER_SCHOOL = "/CN/31/3101/310104/3101040001/"
EXPORT = approved_export(
    application_number="DC-2026-0042",
    handler="李经办",
    generated_at=datetime(2026, 12, 3, 4, 5, 6, tzinfo=UTC),
    generation_id="9f1c",
    unit_name="上海市 黄浦区/教育局",
    field_keys=["name", "school_name"],
    unit_paths=["/CN/31/3101/310101"],
)


def _pupil(unit_path: str, name: str) -> dict[str, object]:
    return {"unit_path": unit_path, "name": name, "school_name": "黄浦一小", "id_number": "X"}


def test_file_carries_application_handler_time_and_watermark() -> None:
    with tempfile.TemporaryDirectory() as work:
        source = scoped_rows([_pupil(SCHOOL, "张三")], EXPORT.unit_paths, 10)
        path = write(EXPORT, source, Path(work))
        assert path.name == "DC-2026-0042_上海市_黄浦区_教育局.xlsx"
        file = read_back(path)
        properties = openpyxl.load_workbook(path, read_only=True)
        creator, custom = properties.properties.creator, properties.custom_doc_props
    mark = watermark(KEY, "DC-2026-0042", "9f1c")
    when = "2026-12-03 12:05:06 北京时间"
    assert file.banner == f"申请编号：DC-2026-0042　经办人：李经办　生成时间：{when}"
    assert file.labels == ["学校名称", "姓名"]  # the catalogue's order, not the application's
    assert file.rows == [("黄浦一小", "张三")]
    assert file.trace == {
        "申请编号": "DC-2026-0042",
        "经办人": "李经办",
        "生成时间": when,
        "生成编号": "9f1c",
        "水印": mark,
    }
    assert file.custom == {**file.trace, "行数": "1"}
    # openpyxl reads the stamped package as Excel would: core and custom properties.
    assert creator == "李经办"
    assert custom["水印"].value == mark
    assert is_genuine(KEY, "DC-2026-0042", "9f1c", mark)
    assert not is_genuine(KEY, "DC-2026-0043", "9f1c", mark)
    assert not is_genuine(b"another key", "DC-2026-0042", "9f1c", mark)


def test_a_pupil_outside_the_scope_fails_the_generation() -> None:
    async def faulty_query():  # type: ignore[no-untyped-def]
        yield [_pupil(SCHOOL, "张三"), _pupil(OTHER_SCHOOL, "李四")]

    with tempfile.TemporaryDirectory() as work, pytest.raises(OutOfScopeRow):
        write(EXPORT, faulty_query(), Path(work))


def test_scope_prefixes_end_at_a_unit_boundary() -> None:
    assert EXPORT.in_scope(SCHOOL)
    assert not EXPORT.in_scope("/CN/31/3101/3101010/")
    assert not EXPORT.in_scope(OTHER_SCHOOL)


@pytest.mark.parametrize(
    ("field_keys", "unit_paths"),
    [(["name", "password"], ["/CN/31/"]), ([], ["/CN/31/"]), (["name"], []), (["name"], ["CN"])],
)
def test_approval_outside_the_catalogue_or_scope_is_refused(
    field_keys: list[str], unit_paths: list[str]
) -> None:
    with pytest.raises(NotExportable):
        approved_export(
            application_number="DC-1",
            handler="李经办",
            generated_at=datetime(2026, 12, 3, tzinfo=UTC),
            generation_id="g",
            unit_name="u",
            field_keys=field_keys,
            unit_paths=unit_paths,
        )


def test_query_selects_the_approved_columns_of_the_scope_only() -> None:
    sql, arguments = selection(EXPORT)
    assert sql.startswith("SELECT unit_path, school_name, name FROM export.pupil_read_model ")
    assert arguments == [["/CN/31/3101/310101/%"]]


def test_csv_carries_application_handler_time_and_watermark_in_its_header_rows() -> None:
    pupils = [_pupil(SCHOOL, "=HYPERLINK(1)"), _pupil(OTHER_SCHOOL, "王五")]
    with tempfile.TemporaryDirectory() as work:
        source = scoped_rows(pupils, EXPORT.unit_paths, 10)
        path = write(EXPORT, source, Path(work), FileFormat.CSV)
        assert path.name == "DC-2026-0042_上海市_黄浦区_教育局.csv"
        file = read_back_csv(path)
    mark = watermark(KEY, "DC-2026-0042", "9f1c")
    when = "2026-12-03 12:05:06 北京时间"
    assert file.banner == f"申请编号：DC-2026-0042　经办人：李经办　生成时间：{when}"
    assert file.trace == f"生成编号：9f1c　水印：{mark}"
    assert file.labels == ["学校名称", "姓名"]
    # A formula is never evaluated by Excel; the pupil outside the scope is not there.
    assert file.rows == [("黄浦一小", "'=HYPERLINK(1)")]


def test_an_empty_csv_keeps_its_header_rows() -> None:
    with tempfile.TemporaryDirectory() as work:
        path = write(EXPORT, scoped_rows([], EXPORT.unit_paths, 10), Path(work), FileFormat.CSV)
        file = read_back_csv(path)
    assert file.labels == ["学校名称", "姓名"] and file.rows == []
