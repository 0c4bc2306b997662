"""Importing pupils from Excel through the API, on the real database."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.registry_imports.conftest import SCHOOL_A, Fujian
from tests.integration.registry_imports.upload_requests import counts, post_import
from tests.unit.registry_imports.sample_workbooks import pupil_row, workbook
from xueji_common.db import Database

pytestmark = pytest.mark.integration


async def test_valid_rows_are_applied_and_bad_rows_reported(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    before = await counts(db, SCHOOL_A[-1])
    rows = [pupil_row(1), pupil_row(1, male=False), pupil_row(7, 班级="1")]
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
