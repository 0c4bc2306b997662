"""The xueji.export.v1 events of the approval lifecycle (pure builders)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from xueji.export.v1 import export_events_pb2 as events
from xueji_common.auth.principal import Principal
from xueji_common.events.actors import actor_of, platform_actor
from xueji_common.events.outgoing import OutgoingEvent
from xueji_export.files.approval import ApprovedExport
from xueji_export.files.generation import GeneratedFile

Row = Mapping[str, Any]
WORKER_JOB = "export-worker"


def _at(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def approved(row: Row, by: Principal, comment: str, at: datetime) -> OutgoingEvent:
    message = events.ExportApproved(
        application_id=str(row["id"]), actor=actor_of(by), comment=comment, approved_at=_at(at)
    )
    return OutgoingEvent("export.approved", str(row["id"]), message)


def refused(row: Row, by: Principal, reason: str) -> OutgoingEvent:
    message = events.ExportRefused(application_id=str(row["id"]), actor=actor_of(by), reason=reason)
    return OutgoingEvent("export.refused", str(row["id"]), message)


def executed(row: Row, by: Principal, at: datetime) -> OutgoingEvent:
    message = events.ExportExecuted(
        application_id=str(row["id"]), actor=actor_of(by), executed_at=_at(at)
    )
    return OutgoingEvent("export.executed", str(row["id"]), message)


def escalated(row: Row, to: str, party_unit: str, deadline: datetime | None) -> OutgoingEvent:
    message = events.ExportEscalated(
        application_id=str(row["id"]), escalated_to=to, party_unit=party_unit
    )
    if deadline is not None:
        message.deadline.CopyFrom(_at(deadline))
    return OutgoingEvent("export.escalated", str(row["id"]), message)


def generated(
    row: Row, export: ApprovedExport, file: GeneratedFile, fields: list[str], expires_at: datetime
) -> OutgoingEvent:
    """The file id is its generation id (`export_files.generation_id`)."""
    message = events.ExportGenerated(
        application_id=str(row["id"]),
        file_id=export.generation_id,
        file_name=file.file_name,
        object_key=file.object_key,
        sha256=file.sha256,
        size_bytes=file.size_bytes,
        row_count=file.rows,
        fields=fields,
        actor=platform_actor(WORKER_JOB),
        generated_at=_at(export.generated_at),
        expires_at=_at(expires_at),
    )
    return OutgoingEvent("export.generated", str(row["id"]), message)


def expired(row: Row, file_id: str, at: datetime, file_deleted: bool) -> OutgoingEvent:
    message = events.ExportExpired(
        application_id=str(row["id"]),
        file_id=file_id,
        expired_at=_at(at),
        file_deleted=file_deleted,
    )
    return OutgoingEvent("export.expired", str(row["id"]), message)
