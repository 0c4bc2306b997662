"""Whether the pupil the registry found may be transferred as filed (SPEC §5 step 2)."""

from __future__ import annotations

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.platform_contract import PupilLookup
from xueji_transfer import error_codes
from xueji_transfer.rules.model import ProvinceRules, PupilStanding, check_rules
from xueji_workflows.units import province_of

# Statuses that keep a record at its school (在读, 休学, 辍学 but kept).
ACTIVE_STATUSES = frozenset({"enrolled", "suspended", "absent"})


def check_pupil(
    pupil: PupilLookup,
    *,
    sending_province: str,
    receiving_school: str,
    target_grade: int,
    rules: tuple[ProvinceRules, ...],
) -> None:
    """Raise the first reason this pupil cannot be transferred; return if none."""
    if province_of(pupil.school_path) != sending_province:
        raise DomainError(error_codes.SENDING_PROVINCE_MISMATCH, field="sending_province")
    if pupil.school_code == receiving_school:
        raise DomainError(error_codes.SAME_SCHOOL)
    if pupil.status not in ACTIVE_STATUSES:
        raise DomainError(errors.PUPIL_NOT_ACTIVE, detail=pupil.status)
    if pupil.problem:
        raise DomainError(errors.PUPIL_HAS_PROBLEMS)
    if pupil.open_case:
        kind, case_id = pupil.open_case.kind, pupil.open_case.case_id
        raise DomainError(
            errors.PUPIL_HAS_OPEN_CASE,
            detail=f"{kind} {case_id}".strip(),
            extra={"open_case": {"case_id": case_id, "kind": kind}},
        )
    standing = PupilStanding(pupil.grade, pupil.suspended, pupil.disciplined)
    check_rules(standing, target_grade, rules)
