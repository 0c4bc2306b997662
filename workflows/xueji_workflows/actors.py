"""Who acts on a case, and the roles that decide which steps they may take."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xueji_common.auth.principal import Principal

SCHOOL_REGISTRAR = "school_registrar"  # files cases, reports arrival, ships and receives files
SCHOOL_REVIEWER = "school_reviewer"  # approves the school's own steps (usually the principal)
COUNTY_OFFICER = "county_officer"  # decides bureau steps for schools in that county
CITY_OFFICER = "city_officer"
PROVINCE_OFFICER = "province_officer"
# A docking province's own registry system; decides that province's parties' steps.
PROVINCE_SYSTEM = "province_system"


@dataclass(frozen=True)
class Actor:
    account_id: str
    name: str
    role: str
    unit_code: str
    # Unit codes root first, own code last, e.g. ["CN", "31", "3101", "310101"].
    unit_path: list[str] = field(default_factory=list)


def actor_from_principal(principal: Principal) -> Actor:
    """The signed-in person as the workflows name them (the services' API side)."""
    return Actor(
        account_id=principal.account_id,
        name=principal.name,
        role=principal.role.value,
        unit_code=principal.unit_code,
        unit_path=list(principal.unit_path),
    )


def actor_to_json(actor: Actor | None) -> dict[str, Any] | None:
    """How the services store an actor (JSONB) beside a case's events."""
    if actor is None:
        return None
    return {
        "account_id": actor.account_id,
        "name": actor.name,
        "role": actor.role,
        "unit_code": actor.unit_code,
        "unit_path": list(actor.unit_path),
    }


def actor_from_json(data: Mapping[str, Any] | None) -> Actor | None:
    if not data:
        return None
    return Actor(
        account_id=str(data.get("account_id", "")),
        name=str(data.get("name", "")),
        role=str(data.get("role", "")),
        unit_code=str(data.get("unit_code", "")),
        unit_path=[str(code) for code in data.get("unit_path", [])],
    )
