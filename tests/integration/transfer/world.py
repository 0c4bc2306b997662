"""The org tree, people and pupils of the transfer tests.

Provinces 41 (Henan), 42 (Hubei, docking: runs its own registry system) and 43 (Hunan)
belong to these tests; other suites use other codes, so all can share the session database.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from tests.integration.registry.builders import IdFactory, create_pupil, pupil_body
from xueji_common.auth.principal import Principal, Role, UnitKind

Tokens = Callable[..., dict[str, str]]

NATION = ("CN",)
ZHONGYUAN = (*NATION, "41", "4101", "410102")
JINSHUI = (*NATION, "41", "4101", "410105")
JIANGAN = (*NATION, "42", "4201", "420102")
FURONG = (*NATION, "43", "4301", "430102")
SERVICE_ACCOUNT = "svc.transfer.it"
SERVICE_PASSWORD = "Transfer-it-2026"

UNITS = (
    ("41", "河南省教育厅", "CN", False),
    ("4101", "郑州市教育局", "41", False),
    ("410102", "郑州市中原区教育局", "4101", False),
    ("410105", "郑州市金水区教育局", "4101", False),
    ("42", "湖北省教育厅", "CN", True),
    ("4201", "武汉市教育局", "42", False),
    ("420102", "武汉市江岸区教育局", "4201", False),
    ("43", "湖南省教育厅", "CN", False),
    ("4301", "长沙市教育局", "43", False),
    ("430102", "长沙市芙蓉区教育局", "4301", False),
)
# key: (code, name, county path)
SCHOOLS = {
    "zy1": ("2141000101", "郑州市中原区测试第一小学", ZHONGYUAN),
    "zy2": ("2141000102", "郑州市中原区测试第二小学", ZHONGYUAN),
    "js": ("2141000201", "郑州市金水区测试小学", JINSHUI),
    "ja": ("2142000101", "武汉市江岸区测试小学", JIANGAN),
    "fr": ("2143000101", "长沙市芙蓉区测试小学", FURONG),
}
_KINDS = (UnitKind.NATION, UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.SCHOOL)


def principal(role: Role, path: tuple[str, ...], name: str = "测试人员") -> Principal:
    return Principal(
        account_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{role.value}/{'/'.join(path)}")),
        name=name,
        role=role,
        unit_code=path[-1],
        unit_kind=_KINDS[len(path) - 1],
        unit_path=path,
    )


@dataclass(frozen=True)
class People:
    tokens: Tokens

    def school_path(self, school: str) -> tuple[str, ...]:
        code, _, county = SCHOOLS[school]
        return (*county, code)

    def code(self, school: str) -> str:
        return SCHOOLS[school][0]

    def registrar(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.SCHOOL_REGISTRAR, self.school_path(school), "陈老师"))

    def reviewer(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.SCHOOL_REVIEWER, self.school_path(school), "李校长"))

    def county(self, school: str) -> dict[str, str]:
        return self.tokens(principal(Role.COUNTY_OFFICER, SCHOOLS[school][2], "赵科长"))

    def of(self, role: Role, path: tuple[str, ...]) -> dict[str, str]:
        return self.tokens(principal(role, path))

    @property
    def operator(self) -> dict[str, str]:
        return self.tokens(principal(Role.NATIONAL_OPERATOR, NATION, "王建国"))


async def _post(client: httpx.AsyncClient, url: str, body: dict, headers: dict) -> None:
    response = await client.post(url, json=body, headers=headers)
    assert response.status_code in (201, 409), response.text


async def build_world(registry: httpx.AsyncClient, people: People) -> None:
    """Units, schools and the transfer service's platform account (idempotent)."""
    operator = people.operator
    for code, name, parent, docking in UNITS:
        body = {"code": code, "name": name, "parent_code": parent, "docking": docking}
        await _post(registry, "/v1/org-units", body, operator)
    for code, name, county in SCHOOLS.values():
        body = {"code": code, "full_name": name, "county_code": county[-1], "stages": ["primary"]}
        await _post(registry, "/v1/schools", body, operator)
    account = {
        "username": SERVICE_ACCOUNT,
        "name": "转学服务（测试）",
        "role": Role.PLATFORM_SERVICE.value,
        "unit_code": "CN",
        "password": SERVICE_PASSWORD,
    }
    await _post(registry, "/v1/accounts", account, operator)


async def new_pupil(
    registry: httpx.AsyncClient, people: People, ids: IdFactory, school: str, grade: int = 3
) -> dict:
    """A fresh enrolled pupil at `school` (the registry record as created)."""
    return await create_pupil(registry, people.registrar(school), pupil_body(ids, grade=grade))
