"""The event catalog (SPEC §8): every CloudEvents type, the topic it travels on, its protobuf
payload and what its Kafka key is. Names and topics are part of the public contract.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from google.protobuf.message import Message

from xueji.export.v1 import export_events_pb2 as export
from xueji.photo.v1 import photo_events_pb2 as photo
from xueji.province.v1 import province_events_pb2 as province
from xueji.registry.v1 import org_events_pb2 as org
from xueji.registry.v1 import pupil_events_pb2 as pupil
from xueji.transfer.v1 import transfer_events_pb2 as transfer

TOPIC_PUPIL = "xueji.registry.pupil.v1"
TOPIC_ORG = "xueji.registry.org.v1"
TOPIC_TRANSFER = "xueji.transfer.v1"
TOPIC_PHOTO = "xueji.photo.v1"
TOPIC_EXPORT = "xueji.export.v1"
# Per-province topics are templates; resolve them with the province's GB/T 2260 code.
TOPIC_PROVINCE_OUTBOUND = "xueji.province.{province}.outbound.v1"
TOPIC_PROVINCE_INBOUND = "xueji.province.{province}.inbound.v1"

DLQ_SUFFIX = ".dlq"
DLQ_REASON_HEADER = "xueji_dlq_reason"
DLQ_CONSUMER_HEADER = "xueji_dlq_consumer"
DLQ_ORIGINAL_TOPIC_HEADER = "xueji_dlq_original_topic"

_PROVINCE_CODE = re.compile(r"[1-9][0-9]")


def _province_topic(template: str, code: str) -> str:
    if not _PROVINCE_CODE.fullmatch(code):
        raise ValueError(f"province code must be 2 GB/T 2260 digits, got {code!r}")
    return template.format(province=code)


def province_outbound_topic(code: str) -> str:
    """The topic a docking province reads: steps to act on and pupil changes to mirror."""
    return _province_topic(TOPIC_PROVINCE_OUTBOUND, code)


def province_inbound_topic(code: str) -> str:
    """The topic a docking province writes: its decisions and its own pupil changes."""
    return _province_topic(TOPIC_PROVINCE_INBOUND, code)


def dlq_topic(topic: str) -> str:
    """The dead-letter twin of a topic, where consumers park messages they cannot handle."""
    if topic.endswith(DLQ_SUFFIX):
        raise ValueError(f"{topic!r} is already a dead-letter topic")
    return topic + DLQ_SUFFIX


class UnknownEventType(KeyError):
    """A ce_type or payload that is not in the catalog."""


@dataclass(frozen=True)
class EventType:
    """One event type.

    `name` is the ce_type, `topic` the topic (a template for per-province types) and
    `key_field` the dotted path of the Kafka key inside the payload.
    """

    name: str
    topic: str
    message: type[Message]
    key_field: str

    @property
    def per_province(self) -> bool:
        return "{province}" in self.topic

    def topic_for(self, province_code: str | None = None) -> str:
        """The concrete topic; per-province types need the province code, others refuse one."""
        if not self.per_province:
            if province_code is not None:
                raise ValueError(f"{self.name} is not a per-province event type")
            return self.topic
        if province_code is None:
            raise ValueError(f"{self.name} travels on a per-province topic: give the province")
        return _province_topic(self.topic, province_code)

    def key_of(self, event: Message) -> str:
        """The Kafka key of an event of this type, read from its payload."""
        if not isinstance(event, self.message):
            raise TypeError(
                f"{self.name} carries {self.message.__name__}, not {type(event).__name__}"
            )
        value: object = event
        for part in self.key_field.split("."):
            value = getattr(value, part)
        if not isinstance(value, str) or not value:
            raise ValueError(f"{self.name} event has no key in {self.key_field}")
        return value


_PUPIL_KEY = "pupil.national_number"

_TYPES = (
    EventType("pupil.created", TOPIC_PUPIL, pupil.PupilCreated, _PUPIL_KEY),
    EventType("pupil.updated", TOPIC_PUPIL, pupil.PupilUpdated, _PUPIL_KEY),
    EventType("pupil.problem_detected", TOPIC_PUPIL, pupil.PupilProblemDetected, _PUPIL_KEY),
    EventType("pupil.problem_resolved", TOPIC_PUPIL, pupil.PupilProblemResolved, _PUPIL_KEY),
    EventType("pupil.registered", TOPIC_PUPIL, pupil.PupilRegistered, _PUPIL_KEY),
    EventType("pupil.status_changed", TOPIC_PUPIL, pupil.PupilStatusChanged, _PUPIL_KEY),
    EventType("pupil.transferred_out", TOPIC_PUPIL, pupil.PupilTransferredOut, _PUPIL_KEY),
    EventType("pupil.transferred_in", TOPIC_PUPIL, pupil.PupilTransferredIn, _PUPIL_KEY),
    EventType("pupil.corrected", TOPIC_PUPIL, pupil.PupilCorrected, _PUPIL_KEY),
    EventType("org_unit.created", TOPIC_ORG, org.OrgUnitCreated, "unit.code"),
    EventType("org_unit.updated", TOPIC_ORG, org.OrgUnitUpdated, "unit.code"),
    EventType("school.created", TOPIC_ORG, org.SchoolCreated, "school.school_code"),
    EventType("school.updated", TOPIC_ORG, org.SchoolUpdated, "school.school_code"),
    EventType("report.generated", TOPIC_ORG, org.ReportGenerated, "unit.code"),
    EventType("transfer.filed", TOPIC_TRANSFER, transfer.TransferFiled, "transfer_id"),
    EventType("transfer.step_opened", TOPIC_TRANSFER, transfer.TransferStepOpened, "transfer_id"),
    EventType("transfer.step_decided", TOPIC_TRANSFER, transfer.TransferStepDecided, "transfer_id"),
    EventType("transfer.step_overdue", TOPIC_TRANSFER, transfer.TransferStepOverdue, "transfer_id"),
    EventType("transfer.escalated", TOPIC_TRANSFER, transfer.TransferEscalated, "transfer_id"),
    EventType("transfer.refused", TOPIC_TRANSFER, transfer.TransferRefused, "transfer_id"),
    EventType("transfer.withdrawn", TOPIC_TRANSFER, transfer.TransferWithdrawn, "transfer_id"),
    EventType("transfer.approved", TOPIC_TRANSFER, transfer.TransferApproved, "transfer_id"),
    EventType("transfer.record_moved", TOPIC_TRANSFER, transfer.TransferRecordMoved, "transfer_id"),
    EventType(
        "transfer.paper_file_sent", TOPIC_TRANSFER, transfer.TransferPaperFileSent, "transfer_id"
    ),
    EventType(
        "transfer.paper_file_received",
        TOPIC_TRANSFER,
        transfer.TransferPaperFileReceived,
        "transfer_id",
    ),
    EventType("transfer.completed", TOPIC_TRANSFER, transfer.TransferCompleted, "transfer_id"),
    EventType(
        "transfer.deadline_recomputed",
        TOPIC_TRANSFER,
        transfer.TransferDeadlineRecomputed,
        "transfer_id",
    ),
    EventType(
        "transfer.arrival_reported", TOPIC_TRANSFER, transfer.TransferArrivalReported, "transfer_id"
    ),
    EventType(
        "transfer.sending_school_notified",
        TOPIC_TRANSFER,
        transfer.TransferSendingSchoolNotified,
        "transfer_id",
    ),
    EventType("transfer.failed", TOPIC_TRANSFER, transfer.TransferFailed, "transfer_id"),
    EventType("photo.accepted", TOPIC_PHOTO, photo.PhotoAccepted, "pupil_national_number"),
    EventType("photo.reopened", TOPIC_PHOTO, photo.PhotoReopened, "pupil_national_number"),
    EventType("card_batch.produced", TOPIC_PHOTO, photo.CardBatchProduced, "batch_id"),
    EventType("export.applied", TOPIC_EXPORT, export.ExportApplied, "application.application_id"),
    EventType("export.approved", TOPIC_EXPORT, export.ExportApproved, "application_id"),
    EventType("export.refused", TOPIC_EXPORT, export.ExportRefused, "application_id"),
    EventType("export.generated", TOPIC_EXPORT, export.ExportGenerated, "application_id"),
    EventType("export.downloaded", TOPIC_EXPORT, export.ExportDownloaded, "application_id"),
    EventType("export.expired", TOPIC_EXPORT, export.ExportExpired, "application_id"),
    EventType("export.executed", TOPIC_EXPORT, export.ExportExecuted, "application_id"),
    EventType("export.escalated", TOPIC_EXPORT, export.ExportEscalated, "application_id"),
    EventType("export.audit_head", TOPIC_EXPORT, export.ExportAuditHead, "province_code"),
    EventType(
        "province.step_pending", TOPIC_PROVINCE_OUTBOUND, province.ProvinceStepPending, "case_id"
    ),
    EventType(
        "province.case_changed", TOPIC_PROVINCE_OUTBOUND, province.ProvinceCaseChanged, "case_id"
    ),
    EventType(
        "province.pupil_changed",
        TOPIC_PROVINCE_OUTBOUND,
        province.ProvincePupilChanged,
        _PUPIL_KEY,
    ),
    EventType("province.decision", TOPIC_PROVINCE_INBOUND, province.ProvinceDecision, "case_id"),
    EventType(
        "province.pupil_reported",
        TOPIC_PROVINCE_INBOUND,
        province.ProvincePupilReported,
        "province_pupil_id",
    ),
)

CATALOG: Mapping[str, EventType] = MappingProxyType({t.name: t for t in _TYPES})
_BY_MESSAGE: Mapping[str, EventType] = MappingProxyType(
    {t.message.DESCRIPTOR.full_name: t for t in _TYPES}
)


def event_type(name: str) -> EventType:
    """The catalog entry for a ce_type; UnknownEventType (a KeyError) if there is none."""
    try:
        return CATALOG[name]
    except KeyError:
        raise UnknownEventType(
            f"unknown event type {name!r}: not in the xueji_common.contracts catalog"
        ) from None


def event_type_of(event: Message) -> EventType:
    """The catalog entry whose payload is this message's type (each payload has one ce_type)."""
    try:
        return _BY_MESSAGE[event.DESCRIPTOR.full_name]
    except KeyError:
        raise UnknownEventType(
            f"{event.DESCRIPTOR.full_name} is not the payload of any catalogued event type"
        ) from None
