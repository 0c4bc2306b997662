"""Schools and people for the pure workflow-rule tests."""

from __future__ import annotations

from dataclasses import replace

from xueji_workflows.actors import Actor
from xueji_workflows.transfer import TransferInput
from xueji_workflows.units import SchoolRef

RECEIVING = SchoolRef("2131000001", "上海市黄浦区实验小学", ["31", "3101", "310101", "2131000001"])
SAME_COUNTY = SchoolRef(
    "2131000002", "上海市黄浦区第二小学", ["31", "3101", "310101", "2131000002"]
)
SENDING = SchoolRef("2132000007", "南京市玄武区东风小学", ["32", "3201", "320102", "2132000007"])


def actor(role: str, unit_code: str) -> Actor:
    return Actor("acct-1", "王老师", role, unit_code, [unit_code])


def transfer(**changes: object) -> TransferInput:
    base = TransferInput(
        transfer_id="t-1",
        national_number="G110101201501010012",
        pupil_name="张小明",
        receiving_school=RECEIVING,
        sending_school=SENDING,
        target_grade="3",
        reason="随父母工作调动",
        filed_by=actor("school_registrar", RECEIVING.code),
    )
    return replace(base, **changes)  # type: ignore[arg-type]
