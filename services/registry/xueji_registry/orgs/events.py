"""Organisation events as the contract (xueji.registry.v1) describes them."""

from __future__ import annotations

from xueji.common.v1.org_pb2 import OrgKind
from xueji.registry.v1 import org_events_pb2 as pb
from xueji.registry.v1.org_unit_pb2 import OrgUnit as OrgUnitMessage
from xueji.registry.v1.org_unit_pb2 import School as SchoolMessage
from xueji.registry.v1.stage_pb2 import Stage
from xueji_common.auth.principal import Principal
from xueji_common.events.actors import actor_of
from xueji_common.events.outgoing import OutgoingEvent
from xueji_registry.orgs.model import OrgUnit
from xueji_registry.orgs.schemas import SchoolRead

_KIND = {
    "nation": OrgKind.ORG_KIND_NATION,
    "province": OrgKind.ORG_KIND_PROVINCE,
    "city": OrgKind.ORG_KIND_CITY,
    "county": OrgKind.ORG_KIND_COUNTY,
    "school": OrgKind.ORG_KIND_SCHOOL,
}
_STAGE = {
    "primary": Stage.STAGE_PRIMARY,
    "junior": Stage.STAGE_JUNIOR_SECONDARY,
    "senior": Stage.STAGE_SENIOR_SECONDARY,
}


def _unit_message(unit: OrgUnit, version: int) -> OrgUnitMessage:
    return OrgUnitMessage(
        code=unit.code,
        kind=_KIND[unit.kind.value],
        name=unit.name,
        parent_code=unit.parent_code or "",
        path=list(unit.path[:-1]),
        docking=unit.docking,
        version=version,
    )


def _school_message(school: SchoolRead) -> SchoolMessage:
    return SchoolMessage(
        school_code=school.code,
        full_name=school.full_name,
        county_code=school.county_code,
        path=school.path[:-1],
        category_code=school.category,
        stages=[_STAGE[s] for s in school.stages],
        special_education=school.special_education,
        version=school.version,
    )


def org_unit_created(unit: OrgUnit, actor: Principal, *, version: int) -> OutgoingEvent:
    message = pb.OrgUnitCreated(unit=_unit_message(unit, version), actor=actor_of(actor))
    return OutgoingEvent(type="org_unit.created", key=unit.code, message=message, subject=unit.code)


def org_unit_updated(unit: OrgUnit, actor: Principal, *, version: int) -> OutgoingEvent:
    message = pb.OrgUnitUpdated(unit=_unit_message(unit, version), actor=actor_of(actor))
    return OutgoingEvent(type="org_unit.updated", key=unit.code, message=message, subject=unit.code)


def school_created(school: SchoolRead, actor: Principal) -> OutgoingEvent:
    message = pb.SchoolCreated(school=_school_message(school), actor=actor_of(actor))
    return OutgoingEvent(
        type="school.created", key=school.code, message=message, subject=school.code
    )


def school_updated(school: SchoolRead, actor: Principal) -> OutgoingEvent:
    message = pb.SchoolUpdated(school=_school_message(school), actor=actor_of(actor))
    return OutgoingEvent(
        type="school.updated", key=school.code, message=message, subject=school.code
    )
