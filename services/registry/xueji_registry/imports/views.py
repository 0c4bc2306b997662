"""Excel import over HTTP: the template, the upload, and its report as JSON and as .xlsx."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Response, UploadFile

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.body_limits import BodyLimit, upload_limit
from xueji_common.http.deps import Session, Uow
from xueji_registry.imports.report_xlsx import report_workbook
from xueji_registry.imports.runtime import ChunkWorkers
from xueji_registry.imports.schemas import ImportReportRead
from xueji_registry.imports.service import ImportRequest, Upload, import_pupils
from xueji_registry.imports.settings import ImportSettings
from xueji_registry.imports.stored_reports import load_import
from xueji_registry.imports.template import template_workbook
from xueji_registry.imports.upload_checks import classes_for_import
from xueji_registry.pupils.deps import Numbers
from xueji_registry.pupils.reading.access import school_for_change

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ClassCode = Annotated[str | None, Query(pattern=r"^\d{4}$", description="班级代码, e.g. 0103")]


def _attachment(data: bytes, file_name: str) -> Response:
    disposition = f"attachment; filename=\"import.xlsx\"; filename*=UTF-8''{quote(file_name)}"
    return Response(data, media_type=XLSX, headers={"Content-Disposition": disposition})


def body_limit(settings: ImportSettings) -> BodyLimit:
    """The upload's body limit: the file size the import accepts, plus the form around it."""
    return upload_limit("/v1/imports", settings.max_file_bytes)


def build_router(settings: ImportSettings | None = None) -> APIRouter:
    """The import endpoints, with their limits and worker processes."""
    settings = settings or ImportSettings()
    workers = ChunkWorkers(settings.workers)
    router = APIRouter(prefix="/v1/imports", tags=["import"])

    @router.get("/template", response_class=Response)
    async def template(
        principal: CurrentPrincipal, session: Session, class_code: ClassCode = None
    ) -> Response:
        school = await school_for_change(session, principal, principal.unit_code)
        _, only_class = await classes_for_import(session, principal, school.code, class_code)
        suffix = f"（{only_class.name}）" if only_class else ""
        return _attachment(template_workbook(only_class), f"学生信息导入模板{suffix}.xlsx")

    @router.post("", response_model=ImportReportRead, status_code=201)
    async def upload(
        principal: CurrentPrincipal,
        uow: Uow,
        numbers: Numbers,
        file: Annotated[UploadFile, File(description=".xlsx from the template")],
        class_code: Annotated[str | None, Form(pattern=r"^\d{4}$")] = None,
        school_code: Annotated[str | None, Form(pattern=r"^\d{10}$")] = None,
    ) -> ImportReportRead:
        file.file.seek(0, 2)
        size = file.file.tell()
        file.file.seek(0)
        request = ImportRequest(
            upload=Upload(file.file, file.filename or "upload.xlsx", size),
            school_code=school_code,
            class_code=class_code,
        )
        report = await import_pupils(
            uow, principal, request, settings=settings, workers=workers, numbers=numbers
        )
        return ImportReportRead.of(report, limit=settings.answer_errors_limit)

    @router.get("/{import_id}", response_model=ImportReportRead)
    async def get_report(
        import_id: uuid.UUID, principal: CurrentPrincipal, session: Session
    ) -> ImportReportRead:
        stored = await load_import(session, principal, import_id)
        return ImportReportRead.of(stored.report, limit=settings.answer_errors_limit)

    @router.get("/{import_id}/report.xlsx", response_class=Response)
    async def get_report_workbook(
        import_id: uuid.UUID, principal: CurrentPrincipal, session: Session
    ) -> Response:
        stored = await load_import(session, principal, import_id)
        data = report_workbook(stored.headers, stored.report.failures)
        name = stored.file_name.rsplit(".", 1)[0]
        return _attachment(data, f"{name}_导入结果.xlsx")

    return router
