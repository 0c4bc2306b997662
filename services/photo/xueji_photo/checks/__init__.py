"""The automatic checks of an uploaded ID photo: pure, no I/O; `check_photo` is the entry."""

from xueji_photo.checks.photo_check import check_photo
from xueji_photo.checks.verdict import PhotoVerdict, Refusal

__all__ = ["PhotoVerdict", "Refusal", "check_photo"]
