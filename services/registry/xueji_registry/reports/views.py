"""The school full-registry report and the special-education list over HTTP."""

from __future__ import annotations

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_registry.reports.downloads import xlsx_response
from xueji_registry.reports.school_report import (
    correction_lines,
    registry_lines,
    school_full_name,
)
from xueji_registry.reports.school_workbook import school_workbook
from xueji_registry.reports.special_education import (
    INCLUSIVE,
    PLACEMENT_NAMES,
    county_name,
    special_pupils,
    special_workbook,
)

router = APIRouter(prefix="/v1", tags=["reports"])

SchoolCode = Path(pattern=r"^\d{10}$")
CountyCode = Path(pattern=r"^\d{6}$")


@router.get("/schools/{code}/registry-report.xlsx")
async def school_registry_report(
    principal: CurrentPrincipal, session: Session, code: str = SchoolCode
) -> Response:
    """`{10-digit school code}{school full name}.xlsx`: sheets 学籍总库 and 信息更正表."""
    full_name = await school_full_name(session, principal, code)
    data = school_workbook(
        await registry_lines(session, code), await correction_lines(session, code)
    )
    return xlsx_response(data, f"{code}{full_name}.xlsx", f"{code}.xlsx")


class SpecialPupilRead(BaseModel):
    national_number: str
    name: str
    gender: str | None
    birth_date: str | None
    school_code: str
    school_name: str
    stage: str
    grade: int
    class_name: str | None
    placement: str
    placement_name: str
    disability_category: str | None
    disability_name: str


class SpecialEducationList(BaseModel):
    county_code: str
    county_name: str
    total: int
    inclusive_count: int
    special_school_count: int
    pupils: list[SpecialPupilRead]


@router.get("/counties/{code}/special-education", response_model=SpecialEducationList)
async def special_education_list(
    principal: CurrentPrincipal, session: Session, code: str = CountyCode
) -> SpecialEducationList:
    name = await county_name(session, principal, code)
    listed = await special_pupils(session, code)
    inclusive = sum(1 for p in listed if p.placement == INCLUSIVE)
    return SpecialEducationList(
        county_code=code,
        county_name=name,
        total=len(listed),
        inclusive_count=inclusive,
        special_school_count=len(listed) - inclusive,
        pupils=[
            SpecialPupilRead(
                **{k: v for k, v in p.__dict__.items() if k != "birth_date"},
                birth_date=p.birth_date.isoformat() if p.birth_date else None,
                placement_name=PLACEMENT_NAMES[p.placement],
                disability_name=p.disability_name,
            )
            for p in listed
        ],
    )


@router.get("/counties/{code}/special-education.xlsx")
async def special_education_workbook(
    principal: CurrentPrincipal, session: Session, code: str = CountyCode
) -> Response:
    name = await county_name(session, principal, code)
    data = special_workbook(await special_pupils(session, code))
    return xlsx_response(data, f"{code}{name}特殊教育学生核对名单.xlsx", f"{code}-special.xlsx")
