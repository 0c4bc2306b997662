"""The special-education reconciliation list (SPEC §3): 随班就读 pupils in the county's ordinary
schools and every pupil of its special-education schools, with disability category, to be
checked against the special-education reporting system."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import rustpy_xlsxwriter as xlsx
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_registry.classes.tables import classes
from xueji_registry.error_codes import COUNTY_NOT_FOUND
from xueji_registry.imports.vocabulary import DISABILITY_CATEGORIES
from xueji_registry.orgs.tables import org_units, schools
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.reading.access import BUREAUS
from xueji_registry.pupils.tables import pupils
from xueji_registry.reports.labels import gender_label, grade_label, stage_label

INCLUSIVE = "inclusive"  # 随班就读 in an ordinary school
SPECIAL_SCHOOL = "special_school"  # enrolled at a special-education school
PLACEMENT_NAMES = {INCLUSIVE: "随班就读", SPECIAL_SCHOOL: "特殊教育学校就读"}
SHEET = "特殊教育学生核对名单"
HEADERS = ("序号", "全国学籍号", "姓名", "性别", "出生日期", "学校标识码", "学校名称", "学段",
           "年级", "班级", "就读方式", "残疾类型代码", "残疾类型")  # fmt: skip


@dataclass(frozen=True)
class SpecialPupil:
    national_number: str
    name: str
    gender: str | None
    birth_date: date | None
    school_code: str
    school_name: str
    stage: str
    grade: int
    class_name: str | None
    placement: str
    disability_category: str | None

    @property
    def disability_name(self) -> str:
        return DISABILITY_CATEGORIES.get(self.disability_category or "", "")


async def county_name(session: AsyncSession, actor: Principal, code: str) -> str:
    row = (
        await session.execute(
            select(org_units.c.name, org_units.c.scope_path).where(
                org_units.c.code == code, org_units.c.kind == "county"
            )
        )
    ).first()
    if row is None or actor.role not in BUREAUS or not actor.covers(row.scope_path):
        raise DomainError(COUNTY_NOT_FOUND)
    return row.name


async def special_pupils(session: AsyncSession, county_code: str) -> list[SpecialPupil]:
    rows = await session.execute(
        select(
            pupils.c.national_number,
            pupils.c.name,
            pupils.c.gender,
            pupils.c.birth_date,
            pupils.c.school_code,
            schools.c.full_name.label("school_name"),
            pupils.c.stage,
            pupils.c.grade,
            classes.c.name.label("class_name"),
            schools.c.special_education,
            pupils.c.disability_category,
        )
        .join(schools, schools.c.code == pupils.c.school_code)
        .outerjoin(classes, classes.c.id == pupils.c.class_id)
        .where(
            schools.c.county_code == county_code,
            active_record(),
            or_(schools.c.special_education.is_(True), pupils.c.inclusive_education.is_(True)),
        )
        .order_by(pupils.c.school_code, pupils.c.grade, classes.c.code, pupils.c.national_number)
    )
    found = []
    for row in rows:
        values = dict(row._mapping)
        special = values.pop("special_education")
        found.append(SpecialPupil(**values, placement=SPECIAL_SCHOOL if special else INCLUSIVE))
    return found


def special_workbook(listed: Sequence[SpecialPupil]) -> bytes:
    rows = [
        dict(zip(HEADERS, (
            index, p.national_number, p.name, gender_label(p.gender),
            p.birth_date.isoformat() if p.birth_date else "", p.school_code, p.school_name,
            stage_label(p.stage), grade_label(p.grade), p.class_name or "",
            PLACEMENT_NAMES[p.placement], p.disability_category or "", p.disability_name,
        ), strict=True))
        for index, p in enumerate(listed, start=1)
    ]  # fmt: skip
    text = xlsx.Format().set_num_format("@")
    buffer = io.BytesIO()
    xlsx.write_worksheet(
        rows or [dict.fromkeys(HEADERS, "")],
        buffer,
        sheet_name=SHEET,
        bold_headers=True,
        freeze_row=1,
        column_widths={h: 22.0 if h in ("全国学籍号", "学校名称") else 12.0 for h in HEADERS},
        column_formats={"全国学籍号": text, "学校标识码": text, "残疾类型代码": text},
    )
    return buffer.getvalue()
