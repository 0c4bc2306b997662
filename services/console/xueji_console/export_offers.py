"""What the signed-in person may do on an export application's page, from its timeline.

The export API decides; the page only offers what it would not refuse outright. Self-approval
is offered on purpose: the desk's refusal is shown next to the form, which says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xueji_common.auth.principal import Principal, Role

APPROVAL = "approval"
EXECUTION = "execution"


@dataclass(frozen=True)
class ExportOffers:
    decide: bool
    execute: bool
    download: bool

    @property
    def any(self) -> bool:
        return self.decide or self.execute or self.download


def _open_step(timeline: Mapping[str, Any]) -> Mapping[str, Any] | None:
    current = timeline["current_step"]
    for step in reversed(timeline["steps"]):
        if step["step"] == current and step["decision"] is None:
            return step
    return None


def _party_of(step: Mapping[str, Any], principal: Principal) -> bool:
    """The step's unit or one it was escalated to, in one of the step's roles."""
    units = {step["party_unit"], *step["escalated_to"]}
    return principal.role in step["party_roles"] and principal.unit_code in units


def offers_for(timeline: Mapping[str, Any], principal: Principal) -> ExportOffers:
    step = _open_step(timeline)
    deciding = step is not None and step["step"] == APPROVAL and _party_of(step, principal)
    executing = (
        step is not None
        and step["step"] == EXECUTION
        and principal.role == Role.DATABASE_ADMINISTRATOR
    )
    return ExportOffers(decide=deciding, execute=executing, download=timeline["state"] == "ready")
