"""The two rules the platform ships; a province may store its own instead.

Shanghai (沪教委基〔2014〕85号, 附件 四): a recent bare-headed standard portrait, light-blue
background, 272×354 pixels, at least 300 DPI. The notice names no format or file size; JPEG
and 1 MiB are ours (a 272×354 JPEG is 20–100 KB, anything bigger carries something else).
National collection: 26×32 mm, at least 150 DPI, JPEG under 60 KB.

The background, face and sharpness thresholds are the same for both: they were set on the
test corpus (tests/unit/photo/) built from a real portrait.
"""

from __future__ import annotations

from xueji_photo.rules.photo_rule import PhotoRule
from xueji_photo.rules.rule_parts import BackgroundRule, FaceBounds, PixelSize, PrintSize

# Light blue (淡蓝色): hues around sky blue, pale to medium saturation, bright.
LIGHT_BLUE = BackgroundRule(
    hue_min=185.0,
    hue_max=235.0,
    saturation_min=0.12,
    saturation_max=0.75,
    value_min=0.60,
    min_fraction=0.80,
)
# A head-and-shoulders ID portrait: the face box a third to two thirds of the height,
# centred across, in the upper half.
ID_PORTRAIT = FaceBounds(
    height_min=0.28,
    height_max=0.62,
    centre_x_min=0.38,
    centre_x_max=0.62,
    centre_y_min=0.28,
    centre_y_max=0.58,
)
MIN_SHARPNESS = 50.0
BOMB_GUARD_PIXELS = 40_000_000

SHANGHAI_PRESET = PhotoRule(
    rule_id="shanghai-272x354",
    version=1,
    formats=("JPEG",),
    pixel_size=PixelSize(width=272, height=354),
    print_size=None,
    min_dpi=300.0,
    max_bytes=1024 * 1024,
    max_pixels=BOMB_GUARD_PIXELS,
    background=LIGHT_BLUE,
    face=ID_PORTRAIT,
    min_sharpness=MIN_SHARPNESS,
)

NATIONAL_PRESET = PhotoRule(
    rule_id="national-26x32mm",
    version=1,
    formats=("JPEG",),
    pixel_size=None,
    print_size=PrintSize(width_mm=26.0, height_mm=32.0, tolerance_mm=0.5),
    min_dpi=150.0,
    max_bytes=60 * 1024,
    max_pixels=BOMB_GUARD_PIXELS,
    background=LIGHT_BLUE,
    face=ID_PORTRAIT,
    min_sharpness=MIN_SHARPNESS,
)
