"""The org tree, people and staff accounts of the export tests.

Provinces 64 (Ningxia) and 65 (Xinjiang) belong to these tests; other suites use other codes,
so all can share the session database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx
from fastapi import FastAPI

from tests.integration.transfer.world import principal
from xueji_common.auth.principal import Role
from xueji_common.db import Database
from xueji_export.approval.launching import Queues
from xueji_export.settings import ExportSettings

Tokens = Callable[..., dict[str, str]]

NATION = ("CN",)
XINGQING = (*NATION, "64", "6401", "640104")
JINFENG = (*NATION, "64", "6401", "640106")
TIANSHAN = (*NATION, "65", "6501", "650102")

UNITS = (
    ("64", "宁夏回族自治区教育厅", "CN"),
    ("6401", "银川市教育局", "64"),
    ("640104", "银川市兴庆区教育局", "6401"),
    ("640106", "银川市金凤区教育局", "6401"),
    ("65", "新疆维吾尔自治区教育厅", "CN"),
    ("6501", "乌鲁木齐市教育局", "65"),
    ("650102", "乌鲁木齐市天山区教育局", "6501"),
)
# key: (code, name, county path)
SCHOOLS = {
    "xq": ("2164000101", "银川市兴庆区测试小学", XINGQING),
    "jf": ("2164000201", "银川市金凤区测试小学", JINFENG),
    "ts": ("2165000101", "乌鲁木齐市天山区测试小学", TIANSHAN),
}
# Staff accounts in the registry: (username, name, role, unit)
STAFF = (
    ("export.it.city", "马经办", Role.CITY_OFFICER, "6401"),
    ("export.it.county", "杨经办", Role.COUNTY_OFFICER, "640104"),
    ("export.it.other", "周经办", Role.COUNTY_OFFICER, "640106"),
)
PASSWORD = "Export-it-2026"


@dataclass(frozen=True)
class People:
    tokens: Tokens

    def county(self, path: tuple[str, ...] = XINGQING) -> dict[str, str]:
        return self.tokens(principal(Role.COUNTY_OFFICER, path, "赵科长"))

    def city(self) -> dict[str, str]:
        return self.tokens(principal(Role.CITY_OFFICER, XINGQING[:3], "钱处长"))

    def province(self, code: str = "64") -> dict[str, str]:
        return self.tokens(principal(Role.PROVINCE_OFFICER, (*NATION, code), "孙厅长"))

    def registrar(self, school: str = "xq") -> dict[str, str]:
        code, _, county = SCHOOLS[school]
        return self.tokens(principal(Role.SCHOOL_REGISTRAR, (*county, code), "陈老师"))

    @property
    def operator(self) -> dict[str, str]:
        return self.tokens(principal(Role.NATIONAL_OPERATOR, NATION, "王建国"))


@dataclass
class ExportStack:
    registry: httpx.AsyncClient
    export: httpx.AsyncClient
    people: People
    db: Database
    settings: ExportSettings
    # username -> the registry's account id
    staff: dict[str, str]
    # The export service's app (its state holds the Temporal client and the launcher) and
    # the task queues its worker polls.
    app: FastAPI
    queues: Queues


async def build_world(registry: httpx.AsyncClient, people: People) -> dict[str, str]:
    """Units, schools and staff accounts in the registry (idempotent); the staff's ids."""
    for code, name, parent in UNITS:
        body = {"code": code, "name": name, "parent_code": parent}
        response = await registry.post("/v1/org-units", json=body, headers=people.operator)
        assert response.status_code in (201, 409), response.text
    for code, name, county in SCHOOLS.values():
        body = {"code": code, "full_name": name, "county_code": county[-1], "stages": ["primary"]}
        response = await registry.post("/v1/schools", json=body, headers=people.operator)
        assert response.status_code in (201, 409), response.text
    staff: dict[str, str] = {}
    for username, name, role, unit in STAFF:
        body = {"username": username, "name": name, "role": role.value, "unit_code": unit,
                "password": PASSWORD}  # fmt: skip
        response = await registry.post("/v1/accounts", json=body, headers=people.operator)
        assert response.status_code in (201, 409), response.text
        listed = await registry.get(f"/v1/org-units/{unit}/accounts", headers=people.operator)
        [account] = [a for a in listed.json() if a["username"] == username]
        staff[username] = account["id"]
    return staff
