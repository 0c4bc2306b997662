"""Whether an upload may go to the checks at all (pure): the caller, the pupil, their photo,
the window. The order matters: a stranger learns nothing about the pupil's photo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_photo import error_codes
from xueji_photo.access import Caller, may_upload, may_view
from xueji_photo.roster.cohorts import ENROLLED
from xueji_photo.windows.rule import Window, check_window

# Outcomes recorded for every attempt.
ACCEPTED = "accepted"
REFUSED = "refused"
OUTSIDE_WINDOW = "outside_window"
ALREADY_ACCEPTED = "already_accepted"


@dataclass(frozen=True)
class PupilOnRoster:
    pupil_id: str
    national_number: str
    school_code: str
    scope_path: str
    province_code: str
    status: str
    cohort: str


def check_caller(caller: Caller, pupil: PupilOnRoster | None) -> PupilOnRoster:
    """The pupil, if the caller may upload for them; a pupil out of sight does not exist."""
    if pupil is None or not may_view(caller, pupil.scope_path, pupil.pupil_id):
        raise DomainError(error_codes.PHOTO_PUPIL_NOT_FOUND)
    if not may_upload(caller, pupil.scope_path, pupil.pupil_id):
        raise DomainError(errors.FORBIDDEN)
    return pupil


def check_upload(
    pupil: PupilOnRoster, has_accepted_photo: bool, window: Window | None, today: date
) -> None:
    """Refuses what no photo could fix: not enrolled, already photographed, outside the window."""
    if pupil.status != ENROLLED:
        raise DomainError(error_codes.PHOTO_PUPIL_NOT_ENROLLED)
    if has_accepted_photo:
        raise DomainError(error_codes.PHOTO_ALREADY_ACCEPTED)
    check_window(window, today)


def outcome_of(error: DomainError) -> str:
    if error.error is error_codes.PHOTO_ALREADY_ACCEPTED:
        return ALREADY_ACCEPTED
    if error.error in (error_codes.PHOTO_OUTSIDE_WINDOW, error_codes.PHOTO_WINDOW_NOT_SET):
        return OUTSIDE_WINDOW
    return REFUSED
