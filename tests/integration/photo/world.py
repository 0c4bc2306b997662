"""The org tree and people of the photo tests.

Provinces 51 (Sichuan, primary has five grades here by the test's setting) and 53 (Yunnan)
belong to these tests; other suites use other codes, so all can share the session database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx

from tests.integration.transfer.world import principal
from xueji_common.auth.principal import Role
from xueji_common.db import Database
from xueji_photo.settings import PhotoSettings

Tokens = Callable[..., dict[str, str]]

NATION = ("CN",)
JINJIANG = (*NATION, "51", "5101", "510104")
QINGYANG = (*NATION, "51", "5101", "510105")
WUHUA = (*NATION, "53", "5301", "530102")
FIVE_YEAR_PRIMARY = "51"

UNITS = (
    ("51", "四川省教育厅", "CN"),
    ("5101", "成都市教育局", "51"),
    ("510104", "成都市锦江区教育局", "5101"),
    ("510105", "成都市青羊区教育局", "5101"),
    ("53", "云南省教育厅", "CN"),
    ("5301", "昆明市教育局", "53"),
    ("530102", "昆明市五华区教育局", "5301"),
)
# key: (code, name, county path)
SCHOOLS = {
    "jj": ("2151000101", "成都市锦江区测试小学", JINJIANG),
    "qy": ("2151000201", "成都市青羊区测试小学", QINGYANG),
    "wh": ("2153000101", "昆明市五华区测试小学", WUHUA),
}


@dataclass(frozen=True)
class People:
    tokens: Tokens

    def school_path(self, school: str) -> tuple[str, ...]:
        code, _, county = SCHOOLS[school]
        return (*county, code)

    def registrar(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.SCHOOL_REGISTRAR, self.school_path(school), "陈老师"))

    def teacher(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.CLASS_TEACHER, self.school_path(school), "王老师"))

    def county(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.COUNTY_OFFICER, SCHOOLS[school][2], "赵科长"))

    def city(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.CITY_OFFICER, SCHOOLS[school][2][:3], "钱处长"))

    def province(self, code: str) -> dict[str, str]:
        return self.tokens(principal(Role.PROVINCE_OFFICER, (*NATION, code), "孙厅长"))

    @property
    def operator(self) -> dict[str, str]:
        return self.tokens(principal(Role.NATIONAL_OPERATOR, NATION, "王建国"))


@dataclass
class PhotoStack:
    registry: httpx.AsyncClient
    photo: httpx.AsyncClient
    people: People
    db: Database
    settings: PhotoSettings


async def build_world(registry: httpx.AsyncClient, people: People) -> None:
    """Units and schools in the registry (idempotent)."""
    for code, name, parent in UNITS:
        body = {"code": code, "name": name, "parent_code": parent}
        response = await registry.post("/v1/org-units", json=body, headers=people.operator)
        assert response.status_code in (201, 409), response.text
    for code, name, county in SCHOOLS.values():
        body = {"code": code, "full_name": name, "county_code": county[-1], "stages": ["primary"]}
        response = await registry.post("/v1/schools", json=body, headers=people.operator)
        assert response.status_code in (201, 409), response.text
