"""Photo rules as data: one per province, versioned, stored as JSON by the service."""

from xueji_photo.rules.photo_rule import KNOWN_FORMATS, PhotoRule
from xueji_photo.rules.presets import NATIONAL_PRESET, SHANGHAI_PRESET
from xueji_photo.rules.rule_parts import (
    BackgroundRule,
    FaceBounds,
    InvalidPhotoRule,
    PixelSize,
    PrintSize,
)

__all__ = [
    "KNOWN_FORMATS",
    "NATIONAL_PRESET",
    "SHANGHAI_PRESET",
    "BackgroundRule",
    "FaceBounds",
    "InvalidPhotoRule",
    "PhotoRule",
    "PixelSize",
    "PrintSize",
]
