"""The monthly report of one county: the query, the file, its row and report.generated."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1.org_events_pb2 import ReportGenerated
from xueji_common.events.actors import platform_actor
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.uow import UnitOfWork
from xueji_registry.classes.tables import classes
from xueji_registry.orgs.tables import org_units, schools
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.tables import pupils
from xueji_registry.reports.monthly_workbook import UnnumberedPupil, monthly_workbook
from xueji_registry.reports.store import ReportStore
from xueji_registry.reports.tables import monthly_reports

REPORT_KIND = "monthly_unnumbered"
JOB = "monthly-report"


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    path: list[str]  # ancestors, root first


async def county_codes(session: AsyncSession) -> list[str]:
    query = select(org_units.c.code).where(org_units.c.kind == "county").order_by("code")
    return list((await session.scalars(query)).all())


async def _unit(session: AsyncSession, code: str) -> tuple[Unit, str]:
    row = (
        await session.execute(
            select(org_units.c.name, org_units.c.scope_path).where(org_units.c.code == code)
        )
    ).one()
    return Unit(code, row.name, row.scope_path.strip("/").split("/")[:-1]), row.scope_path


async def unnumbered_pupils(session: AsyncSession, county_code: str) -> list[UnnumberedPupil]:
    """Active records in the county's schools whose national number is not a G number."""
    rows = await session.execute(
        select(
            pupils.c.national_number,
            pupils.c.name,
            pupils.c.gender,
            pupils.c.birth_date,
            pupils.c.school_code,
            org_units.c.name.label("school_name"),
            pupils.c.stage,
            pupils.c.grade,
            classes.c.name.label("class_name"),
            pupils.c.status,
        )
        .join(schools, schools.c.code == pupils.c.school_code)
        .join(org_units, org_units.c.code == pupils.c.school_code)
        .outerjoin(classes, classes.c.id == pupils.c.class_id)
        .where(
            schools.c.county_code == county_code,
            active_record(),
            ~pupils.c.national_number.startswith("G"),
        )
        .order_by(pupils.c.school_code, pupils.c.grade, classes.c.code, pupils.c.national_number)
    )
    return [UnnumberedPupil(**row._mapping) for row in rows]


def _ref(unit: Unit, kind: int) -> OrgRef:
    return OrgRef(code=unit.code, kind=kind, name=unit.name, path=unit.path)  # type: ignore[arg-type]


async def write_county_report(
    uow: UnitOfWork, store: ReportStore, *, county_code: str, month: str, run_id: str
) -> tuple[str, int]:
    """Write the county's file and row, and emit report.generated, once per run."""
    session = uow.session
    earlier = (
        await session.execute(
            select(monthly_reports).where(
                monthly_reports.c.county_code == county_code, monthly_reports.c.month == month
            )
        )
    ).first()
    if earlier is not None and earlier.run_id == run_id:
        return earlier.object_key, earlier.pupil_count
    county, scope = await _unit(session, county_code)
    city, _ = await _unit(session, county.path[-1])
    listed = await unnumbered_pupils(session, county_code)
    data = monthly_workbook(county=county.name, city=city.name, month=month, pupils=listed)
    key = f"monthly/{month}/{county_code}.xlsx"
    await store.put(key, data)
    forms = [p.national_number[:1] for p in listed]
    values: dict[str, Any] = {
        "city_code": city.code,
        "scope_path": scope,
        "bucket": store.bucket,
        "object_key": key,
        "file_name": f"{county.code}{county.name}{month}未获正式学籍号学生月报.xlsx",
        "pupil_count": len(listed),
        "temporary_number_count": forms.count("L"),
        "j_number_count": forms.count("J"),
        "run_id": run_id,
        "generated_at": func.now(),
    }
    report_id = earlier.id if earlier is not None else uuid.uuid4()
    statement = insert(monthly_reports).values(
        id=report_id, county_code=county_code, month=month, **values
    )
    generated_at = await session.scalar(
        statement.on_conflict_do_update(
            constraint="monthly_reports_county_month", set_=values
        ).returning(monthly_reports.c.generated_at)
    )
    stamp = Timestamp()
    stamp.FromDatetime(generated_at)
    message = ReportGenerated(
        unit=_ref(county, OrgKind.ORG_KIND_COUNTY),
        recipient=_ref(city, OrgKind.ORG_KIND_CITY),
        report_kind=REPORT_KIND,
        period=month,
        report_id=str(report_id),
        bucket=store.bucket,
        object_key=key,
        file_name=values["file_name"],
        pupil_count=len(listed),
        temporary_number_count=values["temporary_number_count"],
        j_number_count=values["j_number_count"],
        generated_at=stamp,
        actor=platform_actor(JOB),
    )
    uow.publish(
        OutgoingEvent(type="report.generated", key=county_code, message=message, subject=month)
    )
    await uow.commit()
    return key, len(listed)
