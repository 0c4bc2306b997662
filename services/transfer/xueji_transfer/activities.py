"""The activities the transfer workflow calls besides the calendar's, served by the transfer
service's worker.

Methods of one class built with the clients they need (the database, the registry's platform
API). The open-case lock and the record move are the registry's to do: these activities ask
its platform API. Business refusals are non-retryable ApplicationErrors typed with the
registry's code; an unreachable registry is retried by Temporal for as long as it lasts.
"""

from __future__ import annotations

from temporalio import activity
from temporalio.exceptions import ApplicationError

from xueji_common.db import Database
from xueji_transfer import error_codes
from xueji_transfer.events.recording import record_events
from xueji_transfer.events.unit_names import UnitNames
from xueji_transfer.registry_client import RegistryClient, RegistryRefusal, RegistryUnavailable
from xueji_workflows.cases.activities import (
    CLAIM_CASE,
    RELEASE_CASE,
    ClaimCaseInput,
    ClaimCaseResult,
    ReleaseCaseInput,
)
from xueji_workflows.cases.event import RecordedEvent, case_events
from xueji_workflows.errors import PUPIL_HAS_OPEN_CASE
from xueji_workflows.transfer.activities import (
    RECORD_EVENT,
    RECORD_EVENTS,
    REQUEST_RECORD_MOVE,
    RecordMoveRequest,
    RecordMoveResult,
)


def _refusal(refusal: RegistryRefusal) -> ApplicationError:
    return ApplicationError(refusal.message, type=refusal.code, non_retryable=True)


def _outage(error: RegistryUnavailable) -> ApplicationError:
    return ApplicationError(str(error), type=error_codes.REGISTRY_UNAVAILABLE.code)


class TransferActivities:
    def __init__(self, db: Database, registry: RegistryClient) -> None:
        self._db = db
        self._registry = registry
        self._unit_names = UnitNames()

    def all(self) -> list[object]:
        return [
            self.claim_case,
            self.release_case,
            self.request_record_move,
            self.record_event,
            self.record_events,
        ]

    @activity.defn(name=CLAIM_CASE)
    async def claim_case(self, request: ClaimCaseInput) -> ClaimCaseResult:
        try:
            await self._registry.claim(request.national_number, request.case_id, request.kind)
        except RegistryRefusal as refusal:
            if refusal.code != PUPIL_HAS_OPEN_CASE.code:
                raise _refusal(refusal) from refusal
            held = refusal.body.get("open_case") or {}
            return ClaimCaseResult(False, held.get("case_id"), held.get("kind"))
        except RegistryUnavailable as error:
            raise _outage(error) from error
        return ClaimCaseResult(True)

    @activity.defn(name=RELEASE_CASE)
    async def release_case(self, request: ReleaseCaseInput) -> None:
        try:
            await self._registry.release(request.national_number, request.case_id)
        except RegistryRefusal as refusal:
            raise _refusal(refusal) from refusal
        except RegistryUnavailable as error:
            raise _outage(error) from error

    @activity.defn(name=REQUEST_RECORD_MOVE)
    async def request_record_move(self, request: RecordMoveRequest) -> RecordMoveResult:
        """Ask the registry's platform API to move the record to the receiving school."""
        try:
            moved = await self._registry.move(
                request.transfer_id,
                request.national_number,
                request.from_school,
                request.to_school,
                int(request.target_grade),
                request.target_class,
            )
        except RegistryRefusal as refusal:
            raise _refusal(refusal) from refusal
        except RegistryUnavailable as error:
            raise _outage(error) from error
        return RecordMoveResult(moved.moved_at, moved.record_version)

    @activity.defn(name=RECORD_EVENT)
    async def record_event(self, event: RecordedEvent) -> None:
        await record_events(self._db, self._unit_names, case_events([event]))

    @activity.defn(name=RECORD_EVENTS)
    async def record_events(self, events: list[RecordedEvent]) -> None:
        await record_events(self._db, self._unit_names, case_events(events))
