"""Administrative divisions (GB/T 2260).

Province codes are data here. County-level codes come from the table that
python-stdnum ships for `stdnum.cn.ric` (`stdnum/cn/loc.dat`, read through
`stdnum.numdb`). That table keeps historical codes with the years they were in
use, e.g. 110103 崇文区 until 2010: an ID number keeps the code it was issued
with, so a retired code is still a real one - but not for someone born after
it was retired.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from stdnum import numdb

PROVINCES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省",
    "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}

# Residence permits for Hong Kong, Macao and Taiwan residents carry these in
# place of a division code (830000 is not a GB/T 2260 code).
RESIDENCE_PERMIT_DIVISIONS: dict[str, str] = {
    "810000": "香港居民",
    "820000": "澳门居民",
    "830000": "台湾居民",
}


@dataclass(frozen=True)
class DivisionPeriod:
    """One name a division code carried; years inclusive, None = open."""

    name: str
    first_year: int | None
    last_year: int | None


@lru_cache(maxsize=8192)
def division_periods(code: str) -> tuple[DivisionPeriod, ...]:
    """The periods in which the 6-digit `code` named a division; empty if it never did."""
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return ()
    info: dict[str, str] = {}
    for _part, properties in numdb.get("cn/loc").info(code):
        info.update(properties)
    if "county" not in info:
        return ()
    return tuple(_period(entry) for entry in info["county"].split(","))


def _period(entry: str) -> DivisionPeriod:
    if not entry.startswith("["):
        return DivisionPeriod(entry, None, None)
    years, name = entry[1:].split("]", 1)
    first, last = years.split("-", 1)
    return DivisionPeriod(name, int(first) if first else None, int(last) if last else None)


def is_known_division(code: str) -> bool:
    return bool(division_periods(code))


@lru_cache(maxsize=65536)
def retired_before(code: str, year: int) -> bool:
    """True when every name the code ever had ended before `year`."""
    periods = division_periods(code)
    return bool(periods) and all(
        p.last_year is not None and p.last_year < year for p in periods
    )


def division_name(code: str) -> str | None:
    """The latest name of a division code, or of a residence-permit prefix."""
    if code in RESIDENCE_PERMIT_DIVISIONS:
        return RESIDENCE_PERMIT_DIVISIONS[code]
    periods = division_periods(code)
    return periods[-1].name if periods else None
