"""The import report as a workbook, formulas in uploads, pupils without an ID number, events."""

from __future__ import annotations

import io
import uuid

import httpx
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from tests.integration.registry_imports.conftest import SCHOOL_A, Fujian
from tests.integration.registry_imports.upload_requests import counts, post_import
from tests.unit.registry_imports.sample_workbooks import excel_workbook, pupil_row, workbook
from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common.db import Database
from xueji_registry.imports.columns import ERROR_HEADER, HEADERS, ROW_NUMBER_HEADER

pytestmark = pytest.mark.integration


def _sheet(data: bytes) -> list[list[object]]:
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


async def test_the_error_report_can_be_fixed_and_uploaded_again(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    rows = [pupil_row(1), pupil_row(1, 性别="X"), pupil_row(1, 入学年份="明年")]
    first = (await post_import(client, fujian.registrar_a, workbook(rows))).json()
    assert first["rows_failed"] == 2
    response = await client.get(
        f"/v1/imports/{first['import_id']}/report.xlsx", headers=fujian.registrar_a
    )
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    header, *failed = _sheet(response.content)
    assert header == [*HEADERS, ROW_NUMBER_HEADER, ERROR_HEADER]
    assert [row[-2] for row in failed] == [3.0, 4.0]
    assert "性别" in failed[0][-1] and "入学年份" in failed[1][-1]
    fixed = [dict(zip(header, row, strict=True)) for row in failed]
    fixed[0]["性别"] = "男"
    fixed.append({ROW_NUMBER_HEADER: 99, ERROR_HEADER: "已删除的行"})  # not a pupil
    again = (await post_import(client, fujian.registrar_a, workbook(fixed, header))).json()
    assert (again["rows_total"], again["rows_applied"], again["rows_failed"]) == (2, 1, 1)
    assert again["errors"][0]["column"] == "入学年份"
    stored = await client.get(f"/v1/imports/{again['import_id']}", headers=fujian.county_a)
    assert stored.json()["rows_failed"] == 1


async def test_formula_cells_are_row_errors(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    rows = [pupil_row(1, 现住址="=HYPERLINK(\"http://x.invalid\",\"点击\")"), pupil_row(1)]
    rows.append(pupil_row(1, 监护人姓名="@SUM(A1:A2)"))
    report = (await post_import(client, fujian.registrar_a, excel_workbook(rows))).json()
    assert (report["rows_applied"], report["rows_failed"]) == (1, 2)
    assert {(e["row"], e["column"], e["code"]) for e in report["errors"]} == {
        (2, "现住址", "FORMULA_NOT_ALLOWED"),
        (4, "监护人姓名", "FORMULA_NOT_ALLOWED"),
    }


async def test_pupils_without_an_id_number_get_a_temporary_number_once(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    row = pupil_row(1, 姓名=f"无证{uuid.uuid4().hex[:4]}", 身份证件类型="", 身份证件号="")
    data = workbook([row])
    first = (await post_import(client, fujian.registrar_a, data)).json()
    assert first["rows_applied"] == 1, first
    stored = await counts(db, SCHOOL_A[-1])
    again = (await post_import(client, fujian.registrar_a, data)).json()
    assert (again["rows_applied"], again["rows_unchanged"]) == (0, 1)
    assert await counts(db, SCHOOL_A[-1]) == stored
    async with db.engine.connect() as connection:
        number = await connection.scalar(
            text("SELECT national_number FROM pupils WHERE name = :name"), {"name": row["姓名"]}
        )
    assert number.startswith("L") and len(number) == 19


async def test_each_applied_row_publishes_pupil_created(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    row = pupil_row(7, 班级="1", 民族="回族", 随班就读="是", 残疾类型="听力残疾")
    report = (await post_import(client, fujian.registrar_a, workbook([row]))).json()
    assert report["rows_applied"] == 1, report
    async with db.engine.connect() as connection:
        stored = (
            await connection.execute(
                text(
                    "SELECT o.payload, o.aggregate_id, o.topic, p.id FROM outbox o "
                    "JOIN pupils p ON o.subject = p.id::text WHERE p.id_number = :id"
                ),
                {"id": row["身份证件号"]},
            )
        ).one()
    event = pb.PupilCreated.FromString(stored.payload)
    assert stored.topic == "xueji.registry.pupil.v1"
    assert stored.aggregate_id == event.pupil.national_number == "G" + str(row["身份证件号"])
    assert event.import_batch_id == report["import_id"]
    assert event.pupil.pupil_id == str(stored.id)
    assert (event.pupil.grade, event.pupil.class_name) == (7, "七年级(1)班")
    assert (event.pupil.ethnicity_code, event.pupil.disability_category_code) == ("03", "2")
    assert event.pupil.inclusive_education and event.pupil.school.code == SCHOOL_A[-1]
    assert event.pupil.guardians[0].relation == "父亲"


async def test_the_template_downloads_with_chinese_headers(
    client: httpx.AsyncClient, fujian: Fujian
) -> None:
    response = await client.get(
        "/v1/imports/template", params={"class_code": "0101"}, headers=fujian.registrar_a
    )
    assert response.status_code == 200
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["学生信息", "说明"]
    assert book.get_sheet_by_index(0).to_python()[0] == list(HEADERS)
    assert "一年级(1)班" in str(book.get_sheet_by_index(1).to_python())
    missing = await client.get(
        "/v1/imports/template", params={"class_code": "0909"}, headers=fujian.registrar_a
    )
    assert missing.status_code == 404
