"""A parent's pages: sign in with 学籍副号, name and captcha; the pupil's rule, window and photo;
the upload and its verdict; sign out."""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from xueji_console.clients.calls import ServiceProblem
from xueji_console.error_codes import CAPTCHA_MISSING
from xueji_console.pages.auth import opened_session
from xueji_console.parts import console_of
from xueji_console.photo_rule_text import rule_lines
from xueji_console.photo_session import (
    SignedInParent,
    client_address_of,
    end_photo_session,
    photo_visitor_of,
)
from xueji_console.photo_verdict import send_upload
from xueji_console.session import (
    CAPTCHA_COOKIE,
    PHOTO_TOKEN_COOKIE,
    SignInRequired,
    clear_cookie,
    set_cookie,
)

router = APIRouter()
# No captcha picture was loaded (its id is missing), or no answer typed: not worth a call.
NO_CAPTCHA = ServiceProblem(
    CAPTCHA_MISSING.status, CAPTCHA_MISSING.code, CAPTCHA_MISSING.message, field="captcha_answer"
)


async def _form(
    request: Request, *, form: dict[str, str] | None = None,
    problem: ServiceProblem | None = None,
) -> Response:  # fmt: skip
    context = {"form": form or {"local_number": "", "name": ""}, "problem": problem}
    return await console_of(request).renderer.page(
        request, "parent/signin.html", context, visitor=None,
        problem=problem,
    )  # fmt: skip


@router.get("/parent/signin")
async def sign_in_form(request: Request) -> Response:
    try:
        visitor = await photo_visitor_of(request)
    except SignInRequired:
        return await _form(request)
    return RedirectResponse("/parent" if visitor.is_parent else "/photos", status_code=303)


@router.get("/parent/captcha.png")
async def captcha_image(request: Request) -> Response:
    """A new captcha each time the picture loads; the browser keeps only its id (HttpOnly)."""
    captcha = await console_of(request).photo.new_captcha()
    response = Response(base64.b64decode(captcha["image_png_base64"]), media_type="image/png")
    set_cookie(response, CAPTCHA_COOKIE, str(captcha["captcha_id"]))
    return response


@router.post("/parent/signin")
async def sign_in(
    request: Request,
    local_number: Annotated[str, Form(max_length=40)] = "",
    name: Annotated[str, Form(max_length=100)] = "",
    captcha_answer: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    console = console_of(request)
    form = {"local_number": local_number.strip(), "name": name.strip()}
    captcha_id = request.cookies.get(CAPTCHA_COOKIE)
    if not captcha_id or not captcha_answer.strip():
        return await _form(request, form=form, problem=NO_CAPTCHA)
    body = {**form, "captcha_id": captcha_id, "captcha_answer": captcha_answer.strip()}
    try:
        opened = await console.photo.parent_sign_in(body, client_address_of(request))
    except ServiceProblem as problem:
        return await _form(request, form=form, problem=problem)
    response = opened_session(request, "/parent", PHOTO_TOKEN_COOKIE, opened["token"])
    clear_cookie(response, CAPTCHA_COOKIE)
    return response


@router.get("/parent")
async def pupil_page(request: Request, visitor: SignedInParent) -> Response:
    console = console_of(request)
    view = await console.photo.parent_view(visitor.token)
    context = {"view": view, "rule_lines": rule_lines(view["rule"]["rule"])}
    return await console.renderer.page(
        request, "parent/pupil.html", context, visitor=visitor, section="parent-photo"
    )


@router.post("/parent/photo")
async def upload(
    request: Request, visitor: SignedInParent, file: Annotated[UploadFile | None, File()] = None
) -> Response:
    console = console_of(request)
    view = await console.photo.parent_view(visitor.token)
    number = view["pupil"]["national_number"]
    verdict = await send_upload(console.photo, visitor.token, number, file)
    context = {"verdict": verdict, "national_number": number, "back": "/parent"}
    return await console.renderer.page(
        request, "photos/verdict.html", context, visitor=visitor, section="parent-photo",
        status=verdict.status,
    )  # fmt: skip


@router.post("/parent/signout")
async def sign_out(request: Request) -> Response:
    return await end_photo_session(request, "/parent/signin")
