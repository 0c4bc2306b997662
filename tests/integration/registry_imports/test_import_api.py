"""Importing pupils from Excel through the API, on the real database."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import text

from tests.integration.registry_imports.conftest import SCHOOL_A, SCHOOL_B, Fujian
from tests.integration.registry_imports.upload_requests import counts, post_import
from tests.unit.registry_imports.sample_workbooks import pupil_row, workbook
from xueji_common.db import Database

pytestmark = pytest.mark.integration


async def test_valid_rows_are_applied_and_bad_rows_reported(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    before = await counts(db, SCHOOL_A[-1])
    rows = [pupil_row(1, 班级="1"), pupil_row(1, male=False), pupil_row(7, 班级="1")]
    rows.append(pupil_row(1, 性别="X"))
    broken_id = pupil_row(1)
    broken_id["身份证件号"] = str(broken_id["身份证件号"])[:17] + "Z"
    rows.append(broken_id)
    response = await post_import(client, fujian.registrar_a, workbook(rows))
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["rows_total"], report["rows_applied"], report["rows_failed"]) == (5, 3, 2)
    assert report["rows_unchanged"] == 0
    by_row = {e["row"]: e for e in report["errors"]}
    assert by_row[5]["column"] == "性别" and by_row[5]["value"] == "X"
    assert by_row[5]["code"] == "GENDER_INVALID" and by_row[5]["message"]
    assert by_row[6]["column"] == "身份证件号" and by_row[6]["code"] == "ID_NUMBER_CHARACTERS"
    after = await counts(db, SCHOOL_A[-1])
    assert after == (before[0] + 3, before[1] + 3)


async def test_importing_the_same_file_again_changes_nothing(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    data = workbook([pupil_row(1), pupil_row(2), pupil_row(8)])
    first = await post_import(client, fujian.registrar_a, data)
    assert first.status_code == 201, first.text
    assert first.json()["rows_applied"] == 3
    stored = await counts(db, SCHOOL_A[-1])
    again = await post_import(client, fujian.registrar_a, data)
    assert again.status_code == 201, again.text
    report = again.json()
    assert (report["rows_applied"], report["rows_unchanged"], report["rows_failed"]) == (0, 3, 0)
    assert await counts(db, SCHOOL_A[-1]) == stored


async def test_an_id_number_active_at_another_school_is_refused_naming_it(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    row = pupil_row(1)
    assert (await post_import(client, fujian.registrar_a, workbook([row]))).status_code == 201
    before = await counts(db, SCHOOL_B[-1])
    response = await post_import(client, fujian.registrar_b, workbook([row, pupil_row(1)]))
    report = response.json()
    assert (report["rows_applied"], report["rows_failed"]) == (1, 1)
    (error,) = report["errors"]
    assert error["row"] == 2 and error["column"] == "身份证件号"
    assert error["code"] == "ID_NUMBER_ACTIVE_ELSEWHERE"
    assert "福州市鼓楼区导入测试学校" in error["message"] and SCHOOL_A[-1] in error["message"]
    assert await counts(db, SCHOOL_B[-1]) == (before[0] + 1, before[1] + 1)


async def test_rows_sharing_an_id_number_in_one_file_all_fail(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    twin = pupil_row(1)
    rows = [twin, pupil_row(1), dict(twin, 姓名="张小刚")]
    before = await counts(db, SCHOOL_A[-1])
    report = (await post_import(client, fujian.registrar_a, workbook(rows))).json()
    assert (report["rows_applied"], report["rows_failed"]) == (1, 2)
    assert {(e["row"], e["code"]) for e in report["errors"]} == {
        (2, "ID_NUMBER_DUPLICATE"),
        (4, "ID_NUMBER_DUPLICATE"),
    }
    assert "第4行" in report["errors"][0]["message"]
    assert await counts(db, SCHOOL_A[-1]) == (before[0] + 1, before[1] + 1)


async def test_concurrent_imports_at_two_schools_give_a_shared_person_one_record(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    shared = pupil_row(1)
    rows_a = [pupil_row(1), shared, pupil_row(2)]
    rows_b = [pupil_row(1), pupil_row(2), shared]
    before = await counts(db, SCHOOL_A[-1]), await counts(db, SCHOOL_B[-1])
    answers = await asyncio.gather(
        post_import(client, fujian.registrar_a, workbook(rows_a)),
        post_import(client, fujian.registrar_b, workbook(rows_b)),
    )
    reports = [answer.json() for answer in answers]
    assert [answer.status_code for answer in answers] == [201, 201], reports
    assert sorted(report["rows_applied"] for report in reports) == [2, 3]
    (loser,) = [report for report in reports if report["rows_failed"]]
    (error,) = loser["errors"]
    assert error["code"] == "ID_NUMBER_ACTIVE_ELSEWHERE"
    assert error["row"] == (3 if loser is reports[0] else 4)
    after = await counts(db, SCHOOL_A[-1]), await counts(db, SCHOOL_B[-1])
    added = [(a[0] - b[0], a[1] - b[1]) for a, b in zip(after, before, strict=True)]
    assert sorted(added) == [(2, 2), (3, 3)]
    async with db.engine.connect() as connection:
        holders = await connection.scalar(
            text("SELECT count(*) FROM pupils WHERE id_number = :id"),
            {"id": shared["身份证件号"]},
        )
    assert holders == 1
