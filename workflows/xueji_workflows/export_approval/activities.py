"""Activities an export case calls besides the shared calendar; the export service's worker
serves them.

- `export_approval.record_event(s)` (see `cases.event`): the timeline rows, the application's
  standing (current step, deadline, escalation), and for a decision the state change with its
  audit record and event, in one transaction, deduplicated by `event_id`;
- `export.generate_file`: approved → generating → ready, writing the file to object storage
  and the rows written on the application as it goes; idempotent by application (a ready
  application answers with its file);
- `export.expire_application`: deletes the application's objects from storage and sets it
  expired, audited; idempotent.

Business refusals are `ApplicationError(type=<code>, non_retryable=True)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_workflows.cases.event import EventFamily

RECORD_EVENT = "export_approval.record_event"
RECORD_EVENTS = "export_approval.record_events"
EXPORT_APPROVAL_EVENTS = EventFamily("export_approval", RECORD_EVENT, RECORD_EVENTS)
GENERATE_FILE = "export.generate_file"
EXPIRE_APPLICATION = "export.expire_application"


@dataclass(frozen=True)
class GenerateFileInput:
    application_id: str


@dataclass(frozen=True)
class GenerateFileResult:
    object_key: str
    file_name: str
    rows: int
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class ExpireApplicationInput:
    application_id: str


@dataclass(frozen=True)
class ExpireApplicationResult:
    deleted_objects: int
