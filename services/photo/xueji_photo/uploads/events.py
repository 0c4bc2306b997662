"""photo.accepted and photo.reopened, keyed by the pupil's national number."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from google.protobuf.timestamp_pb2 import Timestamp

from xueji.common.v1.actor_pb2 import Actor
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.photo.v1.photo_events_pb2 import PhotoAccepted, PhotoReopened
from xueji.photo.v1.photo_pb2 import Uploader
from xueji_common.auth.principal import Principal
from xueji_common.events.actors import actor_of
from xueji_common.events.outgoing import OutgoingEvent
from xueji_photo.access import Recorded
from xueji_photo.roster.cohorts import COHORT_ENUM, Cohort

UPLOADERS = {"school": Uploader.UPLOADER_SCHOOL, "parent": Uploader.UPLOADER_PARENT}


def _timestamp(at: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


def school_ref(scope_path: str, name: str) -> OrgRef:
    *path, code = scope_path.strip("/").split("/")
    return OrgRef(code=code, kind=OrgKind.ORG_KIND_SCHOOL, name=name, path=path)


def uploader_actor(who: Recorded) -> Actor:
    """A parent is named as such, never by the pupil's or the parent's name."""
    return Actor(account_id=who.account_id, name=who.name, role=who.role, unit_code=who.unit_code)


def accepted(photo: Mapping[str, object], school_name: str, uploader: Recorded) -> OutgoingEvent:
    message = PhotoAccepted(
        pupil_national_number=str(photo["national_number"]),
        pupil_id=str(photo["pupil_id"]),
        school=school_ref(str(photo["scope_path"]), school_name),
        photo_id=str(photo["id"]),
        object_key=str(photo["object_key"]),
        sha256=str(photo["sha256"]),
        content_type="image/jpeg",
        width_px=int(photo["width_px"]),  # type: ignore[call-overload]
        height_px=int(photo["height_px"]),  # type: ignore[call-overload]
        dpi=int(photo["dpi"]),  # type: ignore[call-overload]
        size_bytes=int(photo["size_bytes"]),  # type: ignore[call-overload]
        cohort=COHORT_ENUM[Cohort(str(photo["cohort"]))],
        uploader=UPLOADERS[str(photo["uploader"])],
        actor=uploader_actor(uploader),
        accepted_at=_timestamp(photo["accepted_at"]),  # type: ignore[arg-type]
        acceptance_sequence=int(photo["acceptance_sequence"]),  # type: ignore[call-overload]
        rule_id=str(photo["rule_id"]),
        rule_version=int(photo["rule_version"]),  # type: ignore[call-overload]
        thumbnail_key=str(photo["thumbnail_key"]),
    )
    return OutgoingEvent("photo.accepted", message.pupil_national_number, message)


def reopened(
    photo: Mapping[str, object], school_name: str, officer: Principal, reason: str, at: datetime
) -> OutgoingEvent:
    message = PhotoReopened(
        pupil_national_number=str(photo["national_number"]),
        pupil_id=str(photo["pupil_id"]),
        school=school_ref(str(photo["scope_path"]), school_name),
        photo_id=str(photo["id"]),
        actor=actor_of(officer),
        reason=reason,
        reopened_at=_timestamp(at),
    )
    return OutgoingEvent("photo.reopened", message.pupil_national_number, message)
