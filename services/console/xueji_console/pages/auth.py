"""Sign-in with the staff account the registry keeps, and sign-out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from xueji_common.auth.principal import Role
from xueji_console import flash
from xueji_console.clients.calls import ServiceProblem
from xueji_console.navigation import may_use
from xueji_console.parts import console_of
from xueji_console.session import (
    SESSION_COOKIE,
    TOKEN_COOKIE,
    SignInRequired,
    clear_cookie,
    set_cookie,
    visitor_of,
)

router = APIRouter()

ROLE_NOT_SUPPORTED = ServiceProblem(
    403, "CONSOLE_ROLE_NOT_SUPPORTED", "该账号的角色不使用网页控制台，请使用接口访问"
)


def local_path(target: str | None) -> str:
    """Only a path of this site: an open redirect would send a signed-in person anywhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


async def _form(
    request: Request,
    *,
    username: str = "",
    next_path: str = "/",
    problem: ServiceProblem | None = None,
) -> Response:
    context = {"username": username, "next": local_path(next_path), "problem": problem}
    status = problem.status if problem else 200
    return await console_of(request).renderer.page(
        request, "auth/signin.html", context, visitor=None, status=status
    )


@router.get("/signin")
async def sign_in_form(request: Request, next: str = "/") -> Response:
    try:
        visitor_of(request.cookies.get(TOKEN_COOKIE), console_of(request).verifier)
    except SignInRequired:
        return await _form(request, next_path=next)
    return RedirectResponse(local_path(next), status_code=303)


@router.post("/signin")
async def sign_in(
    request: Request,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    console = console_of(request)
    try:
        answer = await console.registry.sign_in(username.strip(), password)
    except ServiceProblem as problem:
        return await _form(request, username=username, next_path=next, problem=problem)
    if not may_use(Role(answer["principal"]["role"]), "home"):
        return await _form(request, username=username, problem=ROLE_NOT_SUPPORTED)
    return opened_session(request, local_path(next), TOKEN_COOKIE, answer["access_token"])


def opened_session(request: Request, target: str, cookie: str, token: str) -> RedirectResponse:
    """After any sign-in (staff, parent, teacher): the token in its cookie, then `target`."""
    response = RedirectResponse(target, status_code=303)
    set_cookie(response, cookie, token)
    # A new session id at sign-in: a form token obtained before cannot ride on this session.
    set_cookie(response, SESSION_COOKIE, console_of(request).keys.new_session_id())
    flash.flash(response, "signed_in")
    return response


@router.post("/signout")
async def sign_out(request: Request) -> Response:
    response = RedirectResponse("/signin", status_code=303)
    clear_cookie(response, TOKEN_COOKIE)
    set_cookie(response, SESSION_COOKIE, console_of(request).keys.new_session_id())
    flash.flash(response, "signed_out")
    return response
