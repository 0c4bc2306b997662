"""What a person sees when something fails: a Chinese page with the stable code, never JSON."""

from __future__ import annotations

import logging
from dataclasses import replace
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response

from xueji_common import errors
from xueji_console import flash
from xueji_console.access import CsrfRefused, SectionRefused
from xueji_console.clients.calls import ServiceProblem
from xueji_console.error_codes import CSRF_TOKEN_INVALID, PAGE_NOT_FOUND, QUERY_INVALID
from xueji_console.parts import console_of
from xueji_console.session import (
    PHOTO_TOKEN_COOKIE,
    TOKEN_COOKIE,
    SignInRequired,
    Visitor,
    clear_cookie,
    uses_photo_session,
    visitor_of,
)

log = logging.getLogger(__name__)


def sign_in_again(request: Request, *, expired: bool) -> RedirectResponse:
    """Back to the sign-in form, returning afterwards to the page asked for (its path only:
    query strings can hold names and ID numbers)."""
    path = request.url.path
    if path.startswith("/parent"):
        # A parent signs in again with the pupil's number, name and a new captcha.
        response = RedirectResponse("/parent/signin", status_code=303)
        clear_cookie(response, PHOTO_TOKEN_COOKIE)
        flash.flash(response, "session_expired" if expired else "sign_in_required")
        return response
    teacher = uses_photo_session(request.cookies)
    target = "/photos/signin" if teacher else "/signin"
    if request.method == "GET" and path not in ("/", "/signin", "/photos/signin"):
        target += "?next=" + quote(path, safe="/")
    response = RedirectResponse(target, status_code=303)
    clear_cookie(response, PHOTO_TOKEN_COOKIE if teacher else TOKEN_COOKIE)
    flash.flash(response, "session_expired" if expired else "sign_in_required")
    return response


def _visitor_or_none(request: Request) -> Visitor | None:
    try:
        return visitor_of(request.cookies.get(TOKEN_COOKIE), console_of(request).verifier)
    except SignInRequired:
        return None


async def error_page(
    request: Request, status: int, code: str, message: str, *, field: str | None = None
) -> Response:
    context = {"status": status, "code": code, "message": message, "field": field}
    return await console_of(request).renderer.page(
        request, "errors/error.html", context, visitor=_visitor_or_none(request), status=status
    )


async def _sign_in_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    return sign_in_again(request, expired=exc.expired)


async def _service_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceProblem)
    if exc.status == 401:
        return sign_in_again(request, expired=True)
    # A service's own failure is a bad gateway from here; its refusals keep their status.
    status = 502 if exc.status == 500 else exc.status
    return await error_page(request, status, exc.code, exc.message, field=exc.field)


async def _csrf_refused(request: Request, _: Exception) -> Response:
    return await error_page(request, 403, CSRF_TOKEN_INVALID.code, CSRF_TOKEN_INVALID.message)


async def _section_refused(request: Request, _: Exception) -> Response:
    return await error_page(request, 403, errors.FORBIDDEN.code, errors.FORBIDDEN.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    known = {404: PAGE_NOT_FOUND, 405: errors.METHOD_NOT_ALLOWED}
    error = known.get(exc.status_code) or replace(errors.HTTP_ERROR, status=exc.status_code)
    return await error_page(request, error.status, error.code, error.message)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    names = [str(e["loc"][-1]) for e in exc.errors() if e.get("loc")]
    message = f"{QUERY_INVALID.message}：{'、'.join(names)}" if names else QUERY_INVALID.message
    return await error_page(request, QUERY_INVALID.status, QUERY_INVALID.code, message)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error", exc_info=exc)
    return await error_page(request, 500, errors.INTERNAL_ERROR.code, errors.INTERNAL_ERROR.message)


def install_failure_pages(app: FastAPI) -> None:
    app.add_exception_handler(SignInRequired, _sign_in_required)
    app.add_exception_handler(ServiceProblem, _service_problem)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(SectionRefused, _section_refused)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
