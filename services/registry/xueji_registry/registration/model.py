"""Who may be submitted for registration in a school year; no I/O."""

from __future__ import annotations

from xueji_registry.domain.code_tables import PUPIL_STATUS_NAMES, PupilStatus
from xueji_registry.pupils.model import ACTIVE_STATUSES, RegistrationState
from xueji_registry.pupils.state import PupilState

# Registration states from which a pupil can be submitted (registered ones in a new year).
SUBMITTABLE = frozenset({RegistrationState.VALIDATED, RegistrationState.RETURNED})


def refusals(state: PupilState, school_year: int) -> list[str]:
    """Why the pupil cannot be submitted for `school_year`; empty when it can.

    All grades register every year and suspended pupils too (SPEC §3); problem data never.
    """
    if state.deleted:
        return ["学籍已删除"]
    found: list[str] = []
    if state.status not in ACTIVE_STATUSES:
        status = PUPIL_STATUS_NAMES.get(PupilStatus(state.status), state.status)
        found.append(f"学籍状态为“{status}”，不能注册")
    found += [reason.message for reason in state.problem_reasons]
    if state.registration_state == RegistrationState.SUBMITTED:
        found.append("已在待审核的上报批次中")
    elif state.registration_state == RegistrationState.REGISTERED:
        if state.registration_year is not None and state.registration_year >= school_year:
            found.append(f"{school_year}学年已注册")
    elif state.registration_state not in SUBMITTABLE and not state.problem:
        found.append("学籍信息尚未通过校验")
    return found
