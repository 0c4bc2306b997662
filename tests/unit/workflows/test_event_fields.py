from datetime import UTC, datetime

from xueji_workflows.actors import Actor
from xueji_workflows.approval import StepEvent, StepRecord
from xueji_workflows.approval.event_fields import step_fields
from xueji_workflows.search_attributes import ALL_KEYS, indexed_value_types

OPENED = datetime(2026, 9, 28, 1, 0, tzinfo=UTC)
DUE = datetime(2026, 10, 16, 15, 59, 59, tzinfo=UTC)


def record() -> StepRecord:
    step = StepRecord("sending_school", "2132000007", ["school_reviewer"], OPENED, "32", DUE)
    step.decision, step.reason = "refuse", "学籍信息不符"
    step.decided_by = Actor("p-32", "省学籍系统", "province_system", "32", ["32"])
    return step


def test_open_step_events_carry_no_decision() -> None:
    fields = step_fields(StepEvent("escalated", record(), escalated_to="320102"))

    assert (fields.step, fields.deadline, fields.escalated_to) == ("sending_school", DUE, "320102")
    assert (fields.actor, fields.decision, fields.reason) == (None, None, None)
    assert fields.outbound_provinces == ["32"]


def test_decided_step_events_carry_who_and_why() -> None:
    fields = step_fields(StepEvent("step_decided", record()))

    assert fields.actor.role == "province_system"
    assert (fields.decision, fields.reason) == ("refuse", "学籍信息不符")
    assert fields.as_kwargs()["actor"] is fields.actor


def test_every_search_attribute_is_registered_once() -> None:
    types = indexed_value_types()

    assert sorted(types) == sorted(key.name for key in ALL_KEYS)
    assert all(name.startswith("Xueji") for name in types)
