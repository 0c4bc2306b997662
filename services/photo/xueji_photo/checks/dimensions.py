"""File size, resolution and picture size against the rule."""

from __future__ import annotations

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.verdict import Refusal
from xueji_photo.rules import PhotoRule

_MM_PER_INCH = 25.4


def shown(value: float) -> str:
    """A measurement as a person reads it: 300, 299.7, 21.8."""
    return f"{value:.1f}".removesuffix(".0")


def byte_refusals(byte_size: int, rule: PhotoRule) -> list[Refusal]:
    if byte_size <= rule.max_bytes:
        return []
    return [
        codes.TOO_MANY_BYTES.refusal(
            size_kb=shown(byte_size / 1024),
            byte_size=byte_size,
            max_kb=shown(rule.max_bytes / 1024),
        )
    ]


def dpi_refusals(dpi: tuple[float, float] | None, rule: PhotoRule) -> list[Refusal]:
    """DPI is compared rounded to a whole number: files that record dots per centimetre
    (118 per cm is 299.7 DPI) are not refused for the conversion."""
    if dpi is None:
        return [codes.DPI_MISSING.refusal(min_dpi=shown(rule.min_dpi))]
    lowest = min(dpi)
    if round(lowest) >= rule.min_dpi:
        return []
    return [codes.DPI_TOO_LOW.refusal(dpi=shown(lowest), min_dpi=shown(rule.min_dpi))]


def size_refusals(
    width: int, height: int, dpi: tuple[float, float] | None, rule: PhotoRule
) -> list[Refusal]:
    """Exact pixels, or for a printed size the millimetres the pixels make at the file's DPI
    (not measurable without a DPI, which `dpi_refusals` already reports)."""
    if rule.pixel_size is not None:
        refusals = []
        if width != rule.pixel_size.width:
            refusals.append(codes.WIDTH_WRONG.refusal(width=width, expected=rule.pixel_size.width))
        if height != rule.pixel_size.height:
            refusals.append(
                codes.HEIGHT_WRONG.refusal(height=height, expected=rule.pixel_size.height)
            )
        return refusals
    printed = rule.print_size
    if printed is None or dpi is None:
        return []
    return [
        code.refusal(
            pixels=pixels,
            dpi=shown(axis_dpi),
            measured_mm=shown(pixels / axis_dpi * _MM_PER_INCH),
            expected_mm=shown(expected_mm),
            tolerance_mm=shown(printed.tolerance_mm),
            expected_pixels=round(expected_mm / _MM_PER_INCH * axis_dpi),
        )
        for code, pixels, axis_dpi, expected_mm in (
            (codes.PRINT_WIDTH_WRONG, width, dpi[0], printed.width_mm),
            (codes.PRINT_HEIGHT_WRONG, height, dpi[1], printed.height_mm),
        )
        if abs(pixels / axis_dpi * _MM_PER_INCH - expected_mm) > printed.tolerance_mm
    ]
