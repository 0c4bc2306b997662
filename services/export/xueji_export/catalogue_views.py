"""The field catalogue over HTTP, read-only: what an applicant may ask for, with each field's
Chinese label and sensitivity, in the catalogue's (and every file's) column order."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_export import catalogue
from xueji_export.applications.filing import APPLICANTS

router = APIRouter(prefix="/v1", tags=["export catalogue"])


class CatalogueFieldRead(BaseModel):
    key: str
    label: str
    sensitive: bool
    value_type: catalogue.ValueType
    # False while today's events do not fill the field: an export would leave it empty.
    carried: bool


@router.get("/export-catalogue", response_model=list[CatalogueFieldRead])
async def read_catalogue(principal: CurrentPrincipal) -> list[CatalogueFieldRead]:
    """The catalogue, to those who may file an application."""
    if principal.role not in APPLICANTS:
        raise DomainError(errors.FORBIDDEN)
    return [
        CatalogueFieldRead(
            key=f.key, label=f.label, sensitive=f.sensitive, value_type=f.value_type,
            carried=f.carried,
        )
        for f in catalogue.FIELDS
    ]  # fmt: skip
