"""The parts of a photo rule: sizes, background and face bounds, each validating itself."""

from __future__ import annotations

from dataclasses import dataclass


class InvalidPhotoRule(ValueError):
    """Rule data that cannot be used; the message names every problem found."""


def require(problems: list[str], condition: bool, problem: str) -> None:
    if not condition:
        problems.append(problem)


def require_within(problems: list[str], name: str, value: float, low: float, high: float) -> None:
    require(problems, low <= value <= high, f"{name} must be {low:g}..{high:g}")


def _fraction(value: float) -> bool:
    return 0.0 <= value <= 1.0


@dataclass(frozen=True)
class PixelSize:
    """Exact pixel dimensions (Shanghai: 272×354)."""

    width: int
    height: int

    def problems(self) -> list[str]:
        problems: list[str] = []
        for name, value in (("width", self.width), ("height", self.height)):
            require_within(problems, f"pixel_size.{name}", value, 16, 10_000)
        return problems


@dataclass(frozen=True)
class PrintSize:
    """Printed dimensions: the pixel size follows from the file's DPI.

    A photo measures `pixels / DPI × 25.4` millimetres on each axis; it fits when that is
    within `tolerance_mm` of the rule, so cameras and editors that round the pixel count
    (26 mm at 350 DPI is 358.27 px) are not refused for a fraction of a pixel.
    """

    width_mm: float
    height_mm: float
    tolerance_mm: float

    def problems(self) -> list[str]:
        problems: list[str] = []
        for name, value in (("width_mm", self.width_mm), ("height_mm", self.height_mm)):
            require_within(problems, f"print_size.{name}", value, 5.0, 200.0)
        require_within(problems, "print_size.tolerance_mm", self.tolerance_mm, 0.0, 5.0)
        return problems


@dataclass(frozen=True)
class BackgroundRule:
    """What counts as the light-blue background, measured on the border regions.

    A border pixel is light blue when its hue (degrees), saturation and value (0..1, HSV)
    are within these bounds; the photo passes when at least `min_fraction` of the border
    pixels are, which leaves room for hair and shoulders reaching into the regions.
    """

    hue_min: float
    hue_max: float
    saturation_min: float
    saturation_max: float
    value_min: float
    min_fraction: float

    def problems(self) -> list[str]:
        problems: list[str] = []
        require(
            problems,
            0.0 <= self.hue_min < self.hue_max <= 360.0,
            "background hue bounds must satisfy 0 <= hue_min < hue_max <= 360",
        )
        require(
            problems,
            _fraction(self.saturation_min)
            and _fraction(self.saturation_max)
            and self.saturation_min < self.saturation_max,
            "background saturation bounds must be 0..1 with min < max",
        )
        require(problems, _fraction(self.value_min), "background value_min must be 0..1")
        require(problems, 0.0 < self.min_fraction <= 1.0, "background min_fraction must be (0, 1]")
        return problems


@dataclass(frozen=True)
class FaceBounds:
    """Where the one frontal face must be, as fractions of the photo's height and width.

    The height is that of the detector's face box (brows to chin, about four fifths of the
    head); the centre is the box's centre, measured from the top-left corner.
    """

    height_min: float
    height_max: float
    centre_x_min: float
    centre_x_max: float
    centre_y_min: float
    centre_y_max: float

    def problems(self) -> list[str]:
        problems: list[str] = []
        for name, low, high in (
            ("height", self.height_min, self.height_max),
            ("centre_x", self.centre_x_min, self.centre_x_max),
            ("centre_y", self.centre_y_min, self.centre_y_max),
        ):
            require(
                problems,
                _fraction(low) and _fraction(high) and low < high,
                f"face {name} bounds must be 0..1 with min < max",
            )
        return problems
