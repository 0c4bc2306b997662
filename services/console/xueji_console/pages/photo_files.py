"""A pupil's accepted photo and its thumbnail, fetched from the photo API with the visitor's
token and served from this origin, so the pages' CSP (img-src 'self') holds."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from xueji_console.access import signed_in
from xueji_console.parts import console_of
from xueji_console.photo_session import photo_visitor_of
from xueji_console.session import uses_photo_session

router = APIRouter()
NationalNumber = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{1,40}$")]


@router.get("/photo-files/{national_number}/{variant}")
async def photo_file(
    request: Request, national_number: NationalNumber, variant: Literal["image", "thumbnail"]
) -> Response:
    # A parent or a teacher holds a photo session; staff hold the registry token. The photo
    # API decides who may see which pupil.
    if uses_photo_session(request.cookies):
        token = (await photo_visitor_of(request)).token
    else:
        token = signed_in(request).token
    data, media = await console_of(request).photo.photo_file(token, national_number, variant)
    # Personal data: private to this browser, like the pages (no-store comes from the headers).
    return Response(data, media_type=media)
