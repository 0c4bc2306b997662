"""Excel import for the school registrar: the template, the upload, the row-by-row report on
the page and as a workbook; and the school's full-registry report with its correction sheet.

The registry's import runs while the upload waits and answers the finished report (rows
read, applied, unchanged, failed): it keeps no in-progress state to poll, so the upload page
tells the person to wait for the report page, which shows the finished work. A refusal of
the file as a whole (not an .xlsx, wrong headers, none chosen) is shown next to the file input.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from xueji_common.http.body_limits import MIB, upload_limit
from xueji_console import error_codes, flash
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.downloads import xlsx_attachment
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InImports = Annotated[Visitor, Depends(in_section("imports"))]
# The registry's own file limit (XUEJI_IMPORT_MAX_FILE_BYTES' default), and the form around it.
BODY_LIMIT = upload_limit("/imports", 50 * MIB)
FILE_INPUT = "file"


async def _upload_page(
    request: Request, visitor: Visitor, problem: ServiceProblem | None = None
) -> Response:
    return await console_of(request).renderer.page(
        request, "imports/index.html", {"problem": problem, "school": visitor.principal.unit_code},
        visitor=visitor, section="imports", problem=problem,
    )  # fmt: skip


@router.get("/imports")
async def upload_form(request: Request, visitor: InImports) -> Response:
    return await _upload_page(request, visitor)


@router.get("/imports/template")
async def template(request: Request, visitor: InImports) -> Response:
    data = await console_of(request).registry.import_template(visitor.token)
    return xlsx_attachment(data, "学生信息导入模板.xlsx", "template.xlsx")


@router.post("/imports")
async def upload(request: Request, visitor: InImports) -> Response:
    sent = await request.form()
    file = sent.get(FILE_INPUT)
    try:
        if not isinstance(file, UploadFile) or not file.filename:
            missing = error_codes.IMPORT_FILE_MISSING
            raise ServiceProblem(missing.status, missing.code, missing.message, FILE_INPUT)
        report = await console_of(request).registry.import_workbook(
            visitor.token, file.filename, await file.read()
        )
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        # Whatever the registry names, the person chose only the file.
        return await _upload_page(request, visitor, _at_file(problem))
    response = RedirectResponse(f"/imports/{report['import_id']}", status_code=303)
    flash.flash(response, "import_done" if report["rows_failed"] == 0 else "import_has_errors")
    return response


def _at_file(problem: ServiceProblem) -> ServiceProblem:
    return dataclasses.replace(problem, field=FILE_INPUT, fields=[])


@router.get("/imports/{import_id}")
async def report_page(request: Request, visitor: InImports, import_id: uuid.UUID) -> Response:
    console = console_of(request)
    report = await console.registry.import_report(visitor.token, str(import_id))
    return await console.renderer.page(
        request, "imports/report.html", {"report": report}, visitor=visitor, section="imports"
    )


@router.get("/imports/{import_id}/report.xlsx")
async def report_workbook(request: Request, visitor: InImports, import_id: uuid.UUID) -> Response:
    data = await console_of(request).registry.import_report_workbook(visitor.token, str(import_id))
    return xlsx_attachment(data, "导入结果.xlsx", "import-report.xlsx")


@router.get("/registry-report.xlsx")
async def registry_report(request: Request, visitor: InImports) -> Response:
    school = visitor.principal.unit_code
    data = await console_of(request).registry.registry_report(visitor.token, school)
    return xlsx_attachment(data, f"{school}学籍总库及信息更正表.xlsx", f"{school}.xlsx")
