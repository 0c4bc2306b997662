"""Where a transfer's time goes, from its workflow history and the services' own metrics.

From histories: per activity type, the time from scheduling to completion (queueing on the
worker included); the workflow tasks; the updates. From /metrics: the server-side mean of
each HTTP route, so the registry's share (lookup, lock, move) and the transfer API's own
handling show apart from the client's round trip.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import httpx
from prometheus_client.parser import text_string_to_metric_families
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client

LATENCY = "xueji_http_request_duration_seconds"


async def task_counts(client: Client, workflow_ids: Iterable[str]) -> tuple[float, float]:
    """Mean (workflow tasks, activity tasks) per workflow: the Temporal server's work."""
    counts = []
    for workflow_id in workflow_ids:
        history = await client.get_workflow_handle(workflow_id).fetch_history()
        kinds = [event.event_type for event in history.events]
        counts.append(
            (
                kinds.count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
                kinds.count(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED),
            )
        )
    return (
        sum(c[0] for c in counts) / max(len(counts), 1),
        sum(c[1] for c in counts) / max(len(counts), 1),
    )


async def activity_times(client: Client, workflow_ids: Iterable[str]) -> dict[str, list[float]]:
    """Seconds per transfer spent in each activity type and in workflow tasks."""
    per_kind: dict[str, list[float]] = defaultdict(list)
    for workflow_id in workflow_ids:
        history = await client.get_workflow_handle(workflow_id).fetch_history()
        scheduled: dict[int, tuple[str, float]] = {}
        task_started: dict[int, float] = {}
        totals: dict[str, float] = defaultdict(float)
        for event in history.events:
            at = event.event_time.ToDatetime().timestamp()
            kind = event.event_type
            if kind == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
                name = event.activity_task_scheduled_event_attributes.activity_type.name
                scheduled[event.event_id] = (name, at)
            elif kind == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
                name, began = scheduled[
                    event.activity_task_completed_event_attributes.scheduled_event_id
                ]
                totals[name] += at - began
            elif kind == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
                task_started[event.event_id] = at
            elif kind == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
                attributes = event.workflow_task_started_event_attributes
                began = task_started.get(attributes.scheduled_event_id, at)
                totals["workflow tasks: waiting for the worker"] += at - began
                task_started[event.event_id] = at
            elif kind == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
                attributes = event.workflow_task_completed_event_attributes
                began = task_started.get(attributes.started_event_id, at)
                totals["workflow tasks: on the worker"] += at - began
        first = history.events[0].event_time.ToDatetime().timestamp()
        last = history.events[-1].event_time.ToDatetime().timestamp()
        totals["whole transfer"] = last - first
        for name, seconds in totals.items():
            per_kind[name].append(seconds)
    return per_kind


def route_means(url: str, service: str) -> dict[str, tuple[int, float]]:
    """(requests, total seconds) per 'METHOD route' from a service's /metrics."""
    text = httpx.get(f"{url}/metrics", timeout=10).text
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for family in text_string_to_metric_families(text):
        if family.name != LATENCY:
            continue
        for sample in family.samples:
            labels = sample.labels
            if labels.get("service") != service:
                continue
            key = f"{labels['method']} {labels['route']}"
            if sample.name.endswith("_sum"):
                sums[key] += sample.value
            elif sample.name.endswith("_count"):
                counts[key] += int(sample.value)
    return {key: (counts[key], sums[key]) for key in counts}


def route_delta(
    before: dict[str, tuple[int, float]], after: dict[str, tuple[int, float]]
) -> dict[str, tuple[int, float]]:
    """Requests and mean seconds per route between two snapshots."""
    delta = {}
    for key, (count, total) in after.items():
        was_count, was_total = before.get(key, (0, 0.0))
        if count > was_count:
            delta[key] = (count - was_count, (total - was_total) / (count - was_count))
    return delta
