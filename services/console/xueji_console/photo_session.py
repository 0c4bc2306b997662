"""Who is signed in with a photo-service session: a parent (one pupil) or a teacher.

Those sessions are the photo service's opaque bearer tokens, not registry tokens, so they
cannot be verified offline: each page asks the service whose session it is (one call, which
also finds a revoked or expired one at once). The token sits in its own HttpOnly cookie, set
and cleared like the staff token's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash
from xueji_console.access import SectionRefused, signed_in
from xueji_console.clients.calls import ServiceProblem
from xueji_console.navigation import may_use
from xueji_console.parts import console_of
from xueji_console.session import (
    PARENT,
    PHOTO_TOKEN_COOKIE,
    SESSION_COOKIE,
    TEACHER,
    PhotoVisitor,
    SignInRequired,
    Visitor,
    clear_cookie,
    set_cookie,
    uses_photo_session,
)

# What the header shows for a parent: never the pupil's name.
PARENT_LABEL = "家长"


async def photo_visitor_of(request: Request) -> PhotoVisitor:
    token = request.cookies.get(PHOTO_TOKEN_COOKIE)
    if not token:
        raise SignInRequired(expired=False)
    try:
        current = await console_of(request).photo.current_session(token)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise SignInRequired(expired=True) from None
        raise
    if current["kind"] == "parent":
        return PhotoVisitor(PARENT, token, PARENT_LABEL, None)
    return PhotoVisitor(TEACHER, token, str(current["name"]), str(current["school_code"]))


async def signed_in_parent(request: Request) -> PhotoVisitor:
    visitor = await photo_visitor_of(request)
    if not visitor.is_parent:
        raise SectionRefused("parent-photo")
    return visitor


SignedInParent = Annotated[PhotoVisitor, Depends(signed_in_parent)]


@dataclass(frozen=True)
class SchoolUploader:
    """Whoever works a school's photo roster: a teacher's photo session, or a registrar or
    class teacher signed in with the registry account (the photo API takes both tokens)."""

    visitor: PhotoVisitor | Visitor
    token: str
    school_code: str


async def school_uploader(request: Request) -> SchoolUploader:
    if uses_photo_session(request.cookies):
        teacher = await photo_visitor_of(request)
        if teacher.is_parent or teacher.school_code is None:
            raise SectionRefused("school-photos")
        return SchoolUploader(teacher, teacher.token, teacher.school_code)
    staff = signed_in(request)
    if not may_use(staff.principal.role, "school-photos"):
        raise SectionRefused("school-photos")
    return SchoolUploader(staff, staff.token, staff.principal.unit_code)


InSchoolPhotos = Annotated[SchoolUploader, Depends(school_uploader)]


async def end_photo_session(request: Request, sign_in_page: str) -> Response:
    """Revokes the photo session at the service and forgets it here."""
    console = console_of(request)
    token = request.cookies.get(PHOTO_TOKEN_COOKIE)
    if token:
        try:
            await console.photo.sign_out(token)
        except ServiceProblem:
            pass  # already ended on the service's side: signing out here is what is asked
    response = RedirectResponse(sign_in_page, status_code=303)
    clear_cookie(response, PHOTO_TOKEN_COOKIE)
    set_cookie(response, SESSION_COOKIE, console.keys.new_session_id())
    flash.flash(response, "signed_out")
    return response


def client_address_of(request: Request) -> str | None:
    """The browser's address as the console sees it (the console itself runs unproxied)."""
    return request.client.host if request.client else None
