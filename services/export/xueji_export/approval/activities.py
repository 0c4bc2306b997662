"""The activities the export approval workflow calls besides the calendar's, served by the
export service's worker: thin adapters onto recording, generating and expiry."""

from __future__ import annotations

from temporalio import activity

from xueji_common.db import Database
from xueji_export.approval.expiry import expire_application
from xueji_export.approval.generating import FileStore, generate_file
from xueji_export.approval.recording import record_events
from xueji_workflows.cases.event import RecordedEvent, case_events
from xueji_workflows.export_approval.activities import (
    EXPIRE_APPLICATION,
    GENERATE_FILE,
    RECORD_EVENT,
    RECORD_EVENTS,
    ExpireApplicationInput,
    ExpireApplicationResult,
    GenerateFileInput,
    GenerateFileResult,
)


class ExportActivities:
    def __init__(self, db: Database, files: FileStore) -> None:
        self._db = db
        self._files = files

    def all(self) -> list[object]:
        return [self.record_event, self.record_events, self.generate_file, self.expire]

    @activity.defn(name=RECORD_EVENT)
    async def record_event(self, event: RecordedEvent) -> None:
        await record_events(self._db, case_events([event]))

    @activity.defn(name=RECORD_EVENTS)
    async def record_events(self, events: list[RecordedEvent]) -> None:
        await record_events(self._db, case_events(events))

    @activity.defn(name=GENERATE_FILE)
    async def generate_file(self, request: GenerateFileInput) -> GenerateFileResult:
        return await generate_file(self._db, self._files, request.application_id)

    @activity.defn(name=EXPIRE_APPLICATION)
    async def expire(self, request: ExpireApplicationInput) -> ExpireApplicationResult:
        files = self._files
        return await expire_application(
            self._db, files.storage, files.bucket, request.application_id
        )
