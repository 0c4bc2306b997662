"""Payloads written before the case event was shared and the national number had one name
(recorded histories; activities in flight at a deploy) still decode into what the current
workflows and activities declare, through temporalio's default data converter."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, get_type_hints

import pytest
from google.protobuf.json_format import ParseDict
from temporalio.api.common.v1 import Payload
from temporalio.converter import DataConverter

from xueji_registry.status_changes.activities import StatusChangeActivities
from xueji_transfer.activities import TransferActivities
from xueji_workflows.cases.activities import ClaimCaseInput
from xueji_workflows.cases.event import CaseEvent, case_events
from xueji_workflows.status_change.workflows import StatusChangeWorkflow
from xueji_workflows.transfer.workflows import TransferWorkflow

HISTORIES = Path(__file__).parents[2] / "workflows" / "histories"
CONVERTER = DataConverter.default.payload_converter

# What serves each activity type the histories recorded, by family.
TRANSFER_ACTIVITIES: dict[str, Callable[..., Any]] = {
    "registry.claim_case": TransferActivities.claim_case,
    "registry.release_case": TransferActivities.release_case,
    "registry.move_pupil": TransferActivities.request_record_move,
    "transfer.record_event": TransferActivities.record_event,
}
STATUS_CHANGE_ACTIVITIES: dict[str, Callable[..., Any]] = {
    "registry.claim_case": StatusChangeActivities.claim_case,
    "registry.release_case": StatusChangeActivities.release_case,
    "registry.apply_status_change": StatusChangeActivities.apply_status_change,
    "status_change.record_event": StatusChangeActivities.record_event,
}
EARLIER = {
    "transfer_full_before_local_activities.json": (TransferWorkflow, TRANSFER_ACTIVITIES),
    "status_change_full_before_local_activities.json": (
        StatusChangeWorkflow,
        STATUS_CHANGE_ACTIVITIES,
    ),
}


def _from_json(recorded: dict[str, Any]) -> Payload:
    return ParseDict(recorded, Payload())


def _history(name: str) -> list[dict[str, Any]]:
    return json.loads((HISTORIES / name).read_text())["events"]


def _scheduled(name: str) -> list[tuple[str, Payload]]:
    """Every activity the history scheduled: its type and its input payload."""
    found = []
    for event in _history(name):
        attributes = event.get("activityTaskScheduledEventAttributes")
        if attributes is not None:
            payload = _from_json(attributes["input"]["payloads"][0])
            found.append((attributes["activityType"]["name"], payload))
    return found


def _parameter_type(handler: Callable[..., Any]) -> Any:
    hints = get_type_hints(handler)
    hints.pop("return", None)
    [hint] = hints.values()
    return hint


def _decode(payload: Payload, hint: Any) -> Any:
    [value] = CONVERTER.from_payloads([payload], [hint])
    return value


def _json(payload: Payload) -> dict[str, Any]:
    return json.loads(payload.data)


@pytest.mark.parametrize("history", sorted(EARLIER))
def test_an_earlier_workflow_input_names_the_national_number(history: str) -> None:
    workflow, _ = EARLIER[history]
    started = _history(history)[0]["workflowExecutionStartedEventAttributes"]
    payload = _from_json(started["input"]["payloads"][0])

    decoded = _decode(payload, _parameter_type(workflow.run))

    assert "national_number" not in _json(payload)
    assert decoded.national_number == _json(payload)["pupil_number"]


@pytest.mark.parametrize("history", sorted(EARLIER))
def test_each_earlier_activity_input_decodes_into_what_its_activity_declares(
    history: str,
) -> None:
    _, activities = EARLIER[history]
    scheduled = [(kind, p) for kind, p in _scheduled(history) if kind in activities]
    assert {kind for kind, _ in scheduled} == set(activities)

    for kind, payload in scheduled:
        decoded = _decode(payload, _parameter_type(activities[kind]))
        earlier = _json(payload)
        if kind.endswith(".record_event"):
            [decoded] = case_events([decoded])
            assert isinstance(decoded, CaseEvent)
            assert decoded.case_id == earlier.get("transfer_id", earlier.get("case_id"))
            assert decoded.event_id == earlier["event_id"]
            assert decoded.type == earlier["type"]
        assert decoded.national_number == earlier["pupil_number"]


@pytest.mark.parametrize(
    ("history", "batch"),
    [
        ("transfer_full_before_local_activities.json", TransferActivities.record_events),
        ("status_change_full_before_local_activities.json", StatusChangeActivities.record_events),
    ],
)
def test_a_batch_of_earlier_events_decodes_in_order(
    history: str, batch: Callable[..., Any]
) -> None:
    earlier = [_json(p) for kind, p in _scheduled(history) if kind.endswith(".record_event")]
    [payload] = CONVERTER.to_payloads([earlier])

    events = case_events(_decode(payload, _parameter_type(batch)))

    assert [e.event_id for e in events] == [e["event_id"] for e in earlier]
    assert {e.national_number for e in events} == {e["pupil_number"] for e in earlier}


def test_a_current_event_decodes_as_a_case_event() -> None:
    event = CaseEvent(
        case_id="TR-G1-0a1b2c3d",
        event_id="5b0c7c53-5f43-4f0a-9d5e-0c43b4a1d6f1",
        type="transfer.filed",
        national_number="G1",
        occurred_at=datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
        outbound_provinces=["37"],
    )
    [payload] = CONVERTER.to_payloads([[event]])

    decoded = _decode(payload, _parameter_type(TransferActivities.record_events))

    assert decoded == [event]
    assert case_events(decoded) == [event]


def test_a_current_input_also_writes_the_earlier_name_for_workers_that_read_it() -> None:
    claim = ClaimCaseInput(case_id="c1", national_number="G1", kind="transfer")

    [payload] = CONVERTER.to_payloads([claim])

    assert _json(payload) == {
        "case_id": "c1", "kind": "transfer", "national_number": "G1", "pupil_number": "G1"
    }  # fmt: skip


def test_an_input_without_a_national_number_is_refused() -> None:
    with pytest.raises(TypeError, match="national_number"):
        ClaimCaseInput(case_id="c1", kind="transfer")
