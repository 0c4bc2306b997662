"""Files and callers the import refuses as a whole: nothing of them is applied."""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import text

from tests.integration.registry_imports.conftest import SCHOOL_A, Fujian
from tests.integration.registry_imports.upload_requests import XLSX, counts, post_import
from tests.unit.registry_imports.sample_workbooks import pupil_row, workbook
from xueji_common.db import Database
from xueji_common.http.body_limits import MULTIPART_ENVELOPE_BYTES
from xueji_registry.imports.columns import HEADERS
from xueji_registry.imports.settings import ImportSettings

pytestmark = pytest.mark.integration


def _problem(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code and body["message"]
    return body


def _truncated() -> bytes:
    data = workbook([pupil_row(1) for _ in range(50)])
    return data[: len(data) // 2]


def _word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (b"name,gender\n", 415, "IMPORT_FILE_NOT_XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, 415, "IMPORT_FILE_ENCRYPTED"),
        (b"", 422, "IMPORT_FILE_EMPTY"),
        (_truncated(), 422, "IMPORT_FILE_MALFORMED"),
        (_word_document(), 415, "IMPORT_FILE_NOT_XLSX"),
    ],
    ids=["csv", "xls-or-encrypted", "empty", "truncated", "docx"],
)
async def test_files_that_are_not_workbooks_are_refused(
    client: httpx.AsyncClient, db: Database, fujian: Fujian, data: bytes, status: int, code: str
) -> None:
    before = await counts(db, SCHOOL_A[-1])
    _problem(await post_import(client, fujian.registrar_a, data), status, code)
    assert await counts(db, SCHOOL_A[-1]) == before


async def test_missing_and_unknown_headers_are_named(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    headers = [h for h in HEADERS if h not in ("身份证件号", "入学年份")] + ["家庭收入"]
    before = await counts(db, SCHOOL_A[-1])
    response = await post_import(client, fujian.registrar_a, workbook([pupil_row(1)], headers))
    body = _problem(response, 422, "IMPORT_HEADERS_INVALID")
    assert body["missing"] == ["身份证件号", "入学年份"] and body["unknown"] == ["家庭收入"]
    assert "身份证件号" in body["message"] and "家庭收入" in body["message"]
    assert await counts(db, SCHOOL_A[-1]) == before


async def test_a_file_with_headers_only_has_no_rows(
    client: httpx.AsyncClient, fujian: Fujian
) -> None:
    _problem(await post_import(client, fujian.registrar_a, workbook([])), 422, "IMPORT_NO_ROWS")


async def test_a_school_cannot_import_into_another_school(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    before = await counts(db, SCHOOL_A[-1])
    data = workbook([pupil_row(1)])
    response = await post_import(client, fujian.registrar_b, data, school_code=SCHOOL_A[-1])
    _problem(response, 404, "NOT_FOUND")
    _problem(await post_import(client, fujian.county_a, data), 403, "FORBIDDEN")
    assert await counts(db, SCHOOL_A[-1]) == before
    assert (await post_import(client, fujian.registrar_b, data)).status_code == 201
    assert await counts(db, SCHOOL_A[-1]) == before


async def test_a_class_teacher_imports_only_into_own_class(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    data = workbook([pupil_row(1), pupil_row(1, 班级="1")])
    _problem(await post_import(client, fujian.teacher_a, data), 422, "IMPORT_CLASS_REQUIRED")
    response = await post_import(client, fujian.teacher_a, data, class_code="0101")
    _problem(response, 403, "FORBIDDEN")
    own = await post_import(client, fujian.teacher_a, data, class_code=fujian.teacher_class)
    report = own.json()
    assert (report["rows_applied"], report["rows_failed"]) == (1, 1), own.text
    assert report["errors"][0]["row"] == 3 and report["errors"][0]["code"] == "CLASS_MISMATCH"


async def _imports_of(db: Database, school_code: str) -> int:
    async with db.engine.connect() as connection:
        found = await connection.scalar(
            text("SELECT count(*) FROM imports WHERE school_code = :school"),
            {"school": school_code},
        )
    return int(found)


async def _in_chunks(data: bytes, size: int = 1024 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(
    client: httpx.AsyncClient, db: Database, fujian: Fujian
) -> None:
    limit = ImportSettings().max_file_bytes
    # A workbook with a row to import, padded in front past the limit; none of it is read.
    rows = workbook([pupil_row(1)])
    oversized = b"\0" * (limit + MULTIPART_ENVELOPE_BYTES + 1 - len(rows)) + rows
    before = (await counts(db, SCHOOL_A[-1]), await _imports_of(db, SCHOOL_A[-1]))

    declared = await post_import(client, fujian.registrar_a, oversized)
    body = _problem(declared, 413, "REQUEST_TOO_LARGE")
    assert body["message"] == "请求内容过大：本接口最多接受 50 MB"
    assert body["limit_bytes"] == limit + MULTIPART_ENVELOPE_BYTES

    # The same upload sent chunked, without a declared length, stops once it passes the limit.
    encoded = httpx.Request(
        "POST", "http://registry/v1/imports", files={"file": ("学生信息.xlsx", oversized, XLSX)}
    )
    streamed = await client.post(
        "/v1/imports",
        content=_in_chunks(encoded.read()),
        headers={**fujian.registrar_a, "content-type": encoded.headers["content-type"]},
    )
    assert "content-length" not in streamed.request.headers
    _problem(streamed, 413, "REQUEST_TOO_LARGE")

    assert (await counts(db, SCHOOL_A[-1]), await _imports_of(db, SCHOOL_A[-1])) == before
