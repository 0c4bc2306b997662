"""Every error leaves as application/problem+json with a stable code and a Chinese message."""

from __future__ import annotations

import logging
from dataclasses import replace

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from xueji_common import errors
from xueji_common.errors import DomainError, ErrorCode

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

_BY_STATUS = {
    401: errors.UNAUTHENTICATED,
    403: errors.FORBIDDEN,
    404: errors.ROUTE_NOT_FOUND,
    405: errors.METHOD_NOT_ALLOWED,
}

_VALIDATION_MESSAGES = {
    "missing": "缺少必填字段",
    "string_too_short": "内容过短",
    "string_too_long": "内容过长",
    "string_pattern_mismatch": "格式不正确",
    "int_parsing": "应为整数",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "json_invalid": "请求体不是合法的 JSON",
    "extra_forbidden": "不允许的字段",
}


def problem(
    error: ErrorCode,
    *,
    message: str | None = None,
    field: str | None = None,
    extra: dict[str, object] | None = None,
) -> JSONResponse:
    body: dict[str, object] = {
        "type": f"https://xueji.moe.gov.cn/problems/{error.code}",
        "title": error.code,
        "status": error.status,
        "code": error.code,
        "message": message or error.message,
    }
    if field:
        body["field"] = field
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=error.status, media_type=PROBLEM_JSON)


def _field_of(loc: tuple[object, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def _domain_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return problem(exc.error, message=exc.message, field=exc.field, extra=exc.extra)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {
            "field": _field_of(tuple(e.get("loc", ()))),
            "code": str(e.get("type", "invalid")).upper(),
            "message": _VALIDATION_MESSAGES.get(str(e.get("type")), "取值不正确"),
        }
        for e in exc.errors()
    ]
    first = details[0] if details else {"field": "body", "message": "取值不正确"}
    return problem(
        errors.VALIDATION_FAILED,
        message=f"{errors.VALIDATION_FAILED.message}：{first['field']} {first['message']}",
        field=str(first["field"]),
        extra={"errors": details},
    )


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    error = _BY_STATUS.get(exc.status_code) or replace(errors.HTTP_ERROR, status=exc.status_code)
    return problem(error)


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem(errors.INTERNAL_ERROR)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
