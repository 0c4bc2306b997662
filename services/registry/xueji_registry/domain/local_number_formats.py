"""Layouts of the local/secondary number (学籍副号), per province, as data.

Reading of the sources. Seed 000 (沪教委基〔2014〕85号) only says that parents
log in to the photo platform with the 学籍副号; it gives no layout. Seed 001
contains a Shanghai Songjiang notice (2012-11-19) listing the errors found in
学籍副号: duplicates, missing digits (缺位数), and wrong school code, stage code
(学段代码) and enrolment year (入学年份) - so the number carries those three
parts. Shanghai's 学籍副号 is issued centrally by the city's education
commission and public descriptions give it 19 digits. The platform therefore
defines the Shanghai layout as: 10-digit school identification code + 1-digit stage code +
4-digit enrolment year (the year the pupil entered the current stage) +
4-digit sequence within school, stage and year = 19 digits. The stage digits
(1 小学, 2 初中, 3 高中, 4 特殊教育) are the platform's reading too.

Other provinces get an entry here when their layout is known; until then their
local numbers are only checked for plain characters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from xueji_registry.domain.code_tables import Stage


class LocalNumberPart(StrEnum):
    SCHOOL_CODE = "school_code"
    STAGE = "stage"
    ENROLMENT_YEAR = "enrolment_year"
    SEQUENCE = "sequence"


@dataclass(frozen=True)
class LocalNumberFormat:
    """An all-digit layout: parts in order with their lengths, and the stage digits."""

    province_code: str
    parts: tuple[tuple[LocalNumberPart, int], ...]
    stage_codes: Mapping[Stage, str]

    @property
    def length(self) -> int:
        return sum(size for _part, size in self.parts)

    def split(self, digits: str) -> dict[LocalNumberPart, str]:
        """The parts of a number of exactly `length` digits."""
        if len(digits) != self.length:
            raise ValueError(f"expected {self.length} digits, got {len(digits)}")
        pieces: dict[LocalNumberPart, str] = {}
        start = 0
        for part, size in self.parts:
            pieces[part] = digits[start : start + size]
            start += size
        return pieces

    def compose(self, values: Mapping[LocalNumberPart, str]) -> str:
        """The number for the given parts; each must have its exact length."""
        pieces = []
        for part, size in self.parts:
            piece = values[part]
            if len(piece) != size or not (piece.isascii() and piece.isdigit()):
                raise ValueError(f"{part} must be {size} digits, got {piece!r}")
            pieces.append(piece)
        return "".join(pieces)

    def stage_of(self, code: str) -> Stage | None:
        return next((stage for stage, digit in self.stage_codes.items() if digit == code), None)


SHANGHAI = LocalNumberFormat(
    province_code="31",
    parts=(
        (LocalNumberPart.SCHOOL_CODE, 10),
        (LocalNumberPart.STAGE, 1),
        (LocalNumberPart.ENROLMENT_YEAR, 4),
        (LocalNumberPart.SEQUENCE, 4),
    ),
    stage_codes=MappingProxyType(
        {Stage.PRIMARY: "1", Stage.JUNIOR: "2", Stage.SENIOR: "3", Stage.SPECIAL: "4"}
    ),
)

LOCAL_NUMBER_FORMATS: Mapping[str, LocalNumberFormat] = MappingProxyType({"31": SHANGHAI})


def local_number_format(province_code: str) -> LocalNumberFormat | None:
    return LOCAL_NUMBER_FORMATS.get(province_code)
