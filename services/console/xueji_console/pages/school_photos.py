"""A school's photo pages: a teacher registers with the school's code and signs in; the roster
with has-photo flags and thumbnails, those without a photo, and the upload for a pupil.

A registrar or class teacher signed in with the registry account uses the same pages.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from xueji_console import flash
from xueji_console.clients.calls import ServiceProblem
from xueji_console.pages.auth import local_path, opened_session
from xueji_console.parts import console_of
from xueji_console.photo_session import InSchoolPhotos, client_address_of, end_photo_session
from xueji_console.photo_verdict import send_upload
from xueji_console.session import PHOTO_TOKEN_COOKIE

router = APIRouter()
PAGE_SIZE = 50
NationalNumber = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{1,40}$")]
Field = Annotated[str, Form(max_length=128)]


async def _public(
    request: Request, template: str, form: dict[str, str], problem: ServiceProblem | None
) -> Response:
    return await console_of(request).renderer.page(
        request, template, {"form": form, "problem": problem}, visitor=None,
        problem=problem,
    )  # fmt: skip


@router.get("/photos/register")
async def registration_form(request: Request) -> Response:
    empty = {"registration_code": "", "real_name": "", "username": ""}
    return await _public(request, "school_photos/register.html", empty, None)


@router.post("/photos/register")
async def register(
    request: Request, registration_code: Field = "", real_name: Field = "",
    username: Field = "", password: Field = "",
) -> Response:  # fmt: skip
    form = {
        "registration_code": registration_code.strip(), "real_name": real_name.strip(),
        "username": username.strip(),
    }  # fmt: skip
    try:
        await console_of(request).photo.register_teacher({**form, "password": password})
    except ServiceProblem as problem:
        return await _public(request, "school_photos/register.html", form, problem)
    response = RedirectResponse("/photos/signin", status_code=303)
    flash.flash(response, "teacher_registered")
    return response


@router.get("/photos/signin")
async def sign_in_form(request: Request, next: str = "/photos") -> Response:
    form = {"username": "", "next": local_path(next)}
    return await _public(request, "school_photos/signin.html", form, None)


@router.post("/photos/signin")
async def sign_in(
    request: Request, username: Field = "", password: Field = "",
    next: Annotated[str, Form(max_length=500)] = "/photos",
) -> Response:  # fmt: skip
    console = console_of(request)
    form = {"username": username.strip(), "next": local_path(next)}
    try:
        opened = await console.photo.teacher_sign_in(
            form["username"], password, client_address_of(request)
        )
    except ServiceProblem as problem:
        return await _public(request, "school_photos/signin.html", form, problem)
    return opened_session(request, form["next"], PHOTO_TOKEN_COOKIE, opened["token"])


@router.post("/photos/signout")
async def sign_out(request: Request) -> Response:
    return await end_photo_session(request, "/photos/signin")


@router.get("/photos")
async def roster(
    request: Request,
    uploader: InSchoolPhotos,
    without_photo: Annotated[str, Query(pattern="^(|true)$")] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    console = console_of(request)
    params = {"without_photo": without_photo, "limit": PAGE_SIZE, "offset": offset}
    page = await console.photo.roster(uploader.token, uploader.school_code, params)
    query = "without_photo=true&" if without_photo else ""
    context = {
        "page": page,
        "without_photo": bool(without_photo),
        "offset": offset,
        "previous": f"/photos?{query}offset={max(offset - PAGE_SIZE, 0)}" if offset else None,
        "next": f"/photos?{query}offset={offset + PAGE_SIZE}"
        if offset + PAGE_SIZE < page["total"] else None,
    }  # fmt: skip
    return await console.renderer.page(
        request, "school_photos/roster.html", context, visitor=uploader.visitor,
        section="school-photos",
    )  # fmt: skip


@router.get("/photos/pupils/{national_number}")
async def pupil_photo(
    request: Request, uploader: InSchoolPhotos, national_number: NationalNumber
) -> Response:
    console = console_of(request)
    try:
        photo = await console.photo.photo(uploader.token, national_number)
    except ServiceProblem as problem:
        if problem.code != "PHOTO_NOT_FOUND":
            raise
        photo = None
    context = {"national_number": national_number, "photo": photo}
    return await console.renderer.page(
        request, "school_photos/pupil.html", context, visitor=uploader.visitor,
        section="school-photos",
    )  # fmt: skip


@router.post("/photos/pupils/{national_number}")
async def upload(
    request: Request, uploader: InSchoolPhotos, national_number: NationalNumber,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:  # fmt: skip
    console = console_of(request)
    verdict = await send_upload(console.photo, uploader.token, national_number, file)
    context = {"verdict": verdict, "national_number": national_number, "back": "/photos"}
    return await console.renderer.page(
        request, "photos/verdict.html", context, visitor=uploader.visitor,
        section="school-photos", status=verdict.status,
    )  # fmt: skip
