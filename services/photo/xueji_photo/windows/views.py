"""Collection windows: an authority sets its own unit's, everyone reads those that apply."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_photo import error_codes
from xueji_photo.access import may_set_window
from xueji_photo.roster.cohorts import Cohort
from xueji_photo.windows import store
from xueji_photo.windows.rule import Window

router = APIRouter(prefix="/v1", tags=["collection windows"])


class WindowBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    opens_on: date
    closes_on: date


class WindowRead(BaseModel):
    unit_code: str
    cohort: Cohort
    opens_on: date
    closes_on: date

    @classmethod
    def of(cls, window: Window) -> WindowRead:
        return cls(
            unit_code=window.unit_code,
            cohort=Cohort(window.cohort),
            opens_on=window.opens_on,
            closes_on=window.closes_on,
        )


@router.put("/photo-windows/{cohort}", response_model=WindowRead)
async def set_window(
    cohort: Cohort, body: WindowBody, principal: CurrentPrincipal, session: Session
) -> WindowRead:
    """Sets the cohort's window for the caller's own unit (county, city or province bureau)."""
    if not may_set_window(principal):
        raise DomainError(errors.FORBIDDEN)
    if body.closes_on < body.opens_on:
        raise DomainError(error_codes.PHOTO_WINDOW_INVALID, field="closes_on")
    async with session.begin():
        window = await store.set_window(
            session, principal, cohort.value, body.opens_on, body.closes_on
        )
    return WindowRead.of(window)


@router.get("/photo-windows", response_model=list[WindowRead])
async def list_windows(principal: CurrentPrincipal, session: Session) -> list[WindowRead]:
    """The windows applying to the caller's unit and those set inside it."""
    return [WindowRead.of(w) for w in await store.visible_windows(session, principal)]
