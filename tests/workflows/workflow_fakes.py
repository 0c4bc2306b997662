"""Fake activities registered under the real names: they record calls, and the calendar
answers with the real pure working-day code seeded from chinese_calendar."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from temporalio import activity
from temporalio.exceptions import ApplicationError

from xueji_common.calendar import WorkingCalendar, YearSchedule, month_deadline
from xueji_common.calendar.state_council import known_years, schedule_from_chinese_calendar
from xueji_workflows.approval.activities import (
    COMPUTE_DEADLINE,
    PAPER_FILE,
    DeadlineRequest,
    DeadlineResult,
)
from xueji_workflows.cases.activities import (
    CLAIM_CASE,
    RELEASE_CASE,
    ClaimCaseInput,
    ClaimCaseResult,
    ReleaseCaseInput,
)
from xueji_workflows.cases.event import CaseEvent
from xueji_workflows.export_approval import activities as export
from xueji_workflows.status_change import activities as status_change
from xueji_workflows.transfer import activities as transfer

# The version of a record the fake registry moved: created (1), then moved (2).
MOVED_RECORD_VERSION = 2


class FakeCalendar:
    def __init__(self) -> None:
        self.schedules: dict[int, YearSchedule] = {
            year: schedule_from_chinese_calendar(year) for year in known_years()
        }
        self.requests: list[DeadlineRequest] = []

    def working_calendar(self) -> WorkingCalendar:
        return WorkingCalendar(self.schedules)

    def publish(self, schedule: YearSchedule) -> None:
        self.schedules[schedule.year] = schedule

    def withdraw(self, year: int) -> None:
        self.schedules.pop(year, None)

    @activity.defn(name=COMPUTE_DEADLINE)
    async def compute_deadline(self, request: DeadlineRequest) -> DeadlineResult:
        self.requests.append(request)
        if request.kind == PAPER_FILE:
            deadline = month_deadline(request.activated_at)
        else:
            deadline = self.working_calendar().deadline(request.activated_at, request.working_days)
        return DeadlineResult(deadline.due_at, deadline.provisional)


@dataclass
class FakeRegistry:
    open_cases: dict[str, tuple[str, str]] = field(default_factory=dict)
    released: list[ReleaseCaseInput] = field(default_factory=list)
    move_calls: list[transfer.RecordMoveRequest] = field(default_factory=list)
    moved: dict[str, datetime] = field(default_factory=dict)
    applied: list[status_change.ApplyStatusChangeInput] = field(default_factory=list)
    # When set, the claim or the move is refused with this business code.
    claim_refusal: str | None = None
    move_refusal: str | None = None
    # The number of move attempts that fail as if the registry were down.
    move_outages: int = 0
    # When set, releasing a case waits for it: holds a finishing workflow in place.
    release_gate: asyncio.Event | None = None

    @activity.defn(name=CLAIM_CASE)
    async def claim_case(self, request: ClaimCaseInput) -> ClaimCaseResult:
        if self.claim_refusal is not None:
            raise ApplicationError("refused", type=self.claim_refusal, non_retryable=True)
        held = self.open_cases.get(request.national_number)
        if held is not None and held[0] != request.case_id:
            return ClaimCaseResult(False, held[0], held[1])
        self.open_cases[request.national_number] = (request.case_id, request.kind)
        return ClaimCaseResult(True)

    @activity.defn(name=RELEASE_CASE)
    async def release_case(self, request: ReleaseCaseInput) -> None:
        if self.release_gate is not None:
            await self.release_gate.wait()
        self.released.append(request)
        if self.open_cases.get(request.national_number, ("",))[0] == request.case_id:
            del self.open_cases[request.national_number]

    @activity.defn(name=transfer.REQUEST_RECORD_MOVE)
    async def move_record(self, request: transfer.RecordMoveRequest) -> transfer.RecordMoveResult:
        self.move_calls.append(request)
        if self.move_outages > 0:
            self.move_outages -= 1
            raise RuntimeError("registry unavailable")
        if self.move_refusal is not None:
            raise ApplicationError("refused", type=self.move_refusal, non_retryable=True)
        moved_at = self.moved.setdefault(request.transfer_id, activity.info().started_time)
        return transfer.RecordMoveResult(moved_at, record_version=MOVED_RECORD_VERSION)

    @activity.defn(name=status_change.APPLY_STATUS_CHANGE)
    async def apply_status_change(
        self, request: status_change.ApplyStatusChangeInput
    ) -> status_change.ApplyStatusChangeResult:
        self.applied.append(request)
        return status_change.ApplyStatusChangeResult(activity.info().started_time)


@dataclass
class FakeEventSink:
    transfer_events: list[CaseEvent] = field(default_factory=list)
    status_change_events: list[CaseEvent] = field(default_factory=list)

    # Each batch records as one call, as the services record it in one transaction.
    batches: list[list[str]] = field(default_factory=list)

    @activity.defn(name=transfer.RECORD_EVENT)
    async def record_transfer_event(self, event: CaseEvent) -> None:
        if all(e.event_id != event.event_id for e in self.transfer_events):
            self.transfer_events.append(event)

    @activity.defn(name=transfer.RECORD_EVENTS)
    async def record_transfer_events(self, events: list[CaseEvent]) -> None:
        self.batches.append([e.type for e in events])
        for event in events:
            await self.record_transfer_event(event)

    @activity.defn(name=status_change.RECORD_EVENT)
    async def record_status_change_event(self, event: CaseEvent) -> None:
        if all(e.event_id != event.event_id for e in self.status_change_events):
            self.status_change_events.append(event)

    @activity.defn(name=status_change.RECORD_EVENTS)
    async def record_status_change_events(self, events: list[CaseEvent]) -> None:
        self.batches.append([e.type for e in events])
        for event in events:
            await self.record_status_change_event(event)

    def types(self, transfer_id: str) -> list[str]:
        return [e.type for e in self.transfer_events if e.case_id == transfer_id]


@dataclass
class FakeExportService:
    """The export service's side of an export case: its events, files and deletions."""

    events: list[CaseEvent] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)

    @activity.defn(name=export.RECORD_EVENT)
    async def record_event(self, event: CaseEvent) -> None:
        if all(e.event_id != event.event_id for e in self.events):
            self.events.append(event)

    @activity.defn(name=export.RECORD_EVENTS)
    async def record_events(self, events: list[CaseEvent]) -> None:
        for event in events:
            await self.record_event(event)

    @activity.defn(name=export.GENERATE_FILE)
    async def generate_file(self, request: export.GenerateFileInput) -> export.GenerateFileResult:
        self.generated.append(request.application_id)
        key = f"{request.application_id}/file.xlsx"
        return export.GenerateFileResult(key, "file.xlsx", 3, 100, "0" * 64)

    @activity.defn(name=export.EXPIRE_APPLICATION)
    async def expire_application(
        self, request: export.ExpireApplicationInput
    ) -> export.ExpireApplicationResult:
        self.expired.append(request.application_id)
        return export.ExpireApplicationResult(deleted_objects=1)

    def types(self, application_id: str) -> list[str]:
        return [e.type for e in self.events if e.case_id == application_id]


@dataclass
class Fakes:
    calendar: FakeCalendar = field(default_factory=FakeCalendar)
    registry: FakeRegistry = field(default_factory=FakeRegistry)
    events: FakeEventSink = field(default_factory=FakeEventSink)
    export: FakeExportService = field(default_factory=FakeExportService)

    def activities(self) -> list[object]:
        return [
            self.calendar.compute_deadline,
            self.registry.claim_case,
            self.registry.release_case,
            self.registry.move_record,
            self.registry.apply_status_change,
            self.events.record_transfer_event,
            self.events.record_transfer_events,
            self.events.record_status_change_event,
            self.events.record_status_change_events,
            self.export.record_event,
            self.export.record_events,
            self.export.generate_file,
            self.export.expire_application,
        ]
