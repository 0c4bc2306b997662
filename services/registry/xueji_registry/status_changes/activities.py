"""The registry's activities on the status-change task queue (STYLE: hello_activity_method).

Built once in the composition root with the database; each call is one unit of work.
Business refusals are non-retryable ApplicationErrors carrying the refusal's code.
"""

from __future__ import annotations

from sqlalchemy import Table
from temporalio import activity
from temporalio.exceptions import ApplicationError

from xueji_common import errors
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.platform_contract import CaseClaim, CaseRelease
from xueji_common.uow import UnitOfWork
from xueji_registry.platform_api import cases
from xueji_registry.status_changes.applying import ChangeRefused, apply_change
from xueji_registry.status_changes.recording import record_event
from xueji_workflows.cases.activities import (
    CLAIM_CASE,
    RELEASE_CASE,
    ClaimCaseInput,
    ClaimCaseResult,
    ReleaseCaseInput,
)
from xueji_workflows.cases.event import RecordedEvent, case_events
from xueji_workflows.status_change.activities import (
    APPLY_STATUS_CHANGE,
    RECORD_EVENT,
    RECORD_EVENTS,
    ApplyStatusChangeInput,
    ApplyStatusChangeResult,
)


def _refused(code: str, message: str) -> ApplicationError:
    return ApplicationError(message, type=code, non_retryable=True)


class StatusChangeActivities:
    def __init__(self, db: Database, outbox: Table) -> None:
        self._db = db
        self._outbox = outbox

    def _uow(self) -> UnitOfWork:
        return UnitOfWork(self._db, self._outbox)

    @activity.defn(name=APPLY_STATUS_CHANGE)
    async def apply_status_change(self, request: ApplyStatusChangeInput) -> ApplyStatusChangeResult:
        try:
            async with self._uow() as uow:
                applied_at = await apply_change(uow, request.case_id, request.school_code)
        except ChangeRefused as refusal:
            raise _refused(refusal.code, str(refusal)) from None
        return ApplyStatusChangeResult(applied_at)

    @activity.defn(name=RECORD_EVENT)
    async def record_event(self, event: RecordedEvent) -> None:
        await self.record_events([event])

    @activity.defn(name=RECORD_EVENTS)
    async def record_events(self, events: list[RecordedEvent]) -> None:
        """The events of one workflow task, in order, in one transaction."""
        async with self._uow() as uow:
            for event in case_events(events):
                await record_event(uow, event)
            await uow.commit()

    @activity.defn(name=CLAIM_CASE)
    async def claim_case(self, request: ClaimCaseInput) -> ClaimCaseResult:
        """The same lock the platform API's claim takes; a held lock is an answer, not an error."""
        claim = CaseClaim(
            national_number=request.national_number, case_id=request.case_id, kind=request.kind
        )
        try:
            async with self._uow() as uow:
                await cases.claim(uow, claim)
        except DomainError as error:
            if error.error is errors.PUPIL_HAS_OPEN_CASE:
                held = error.extra.get("open_case")
                held = held if isinstance(held, dict) else {}
                return ClaimCaseResult(False, held.get("case_id"), held.get("kind"))
            raise _refused(error.error.code, error.message) from None
        return ClaimCaseResult(True)

    @activity.defn(name=RELEASE_CASE)
    async def release_case(self, request: ReleaseCaseInput) -> None:
        release = CaseRelease(national_number=request.national_number, case_id=request.case_id)
        async with self._uow() as uow:
            await cases.release(uow, release)
