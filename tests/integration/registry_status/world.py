"""Test data for the status-change and report suites: an org tree in Jiangxi (36), Guangxi
(45) and Hainan (46, docking), tokens for its people, and valid pupils of any stage and grade."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

import httpx

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.auth.tokens import TokenIssuer
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.pupils.model import china_today, school_year

_KINDS = (UnitKind.NATION, UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.SCHOOL)
ACCOUNT = "00000000-0000-0000-0000-0000000000bb"

UNITS = (
    ("36", "江西省教育厅", "CN"),
    ("3601", "南昌市教育局", "36"),
    ("360102", "南昌市东湖区教育局", "3601"),
    ("360103", "南昌市西湖区教育局", "3601"),
    ("45", "广西壮族自治区教育厅", "CN"),
    ("4501", "南宁市教育局", "45"),
    ("450102", "南宁市兴宁区教育局", "4501"),
    ("46", "海南省教育厅", "CN"),
    ("4601", "海口市教育局", "46"),
    ("460105", "海口市秀英区教育局", "4601"),
)
DONGHU = ("CN", "36", "3601", "360102")
XIHU = ("CN", "36", "3601", "360103")
XINGNING = ("CN", "45", "4501", "450102")
# Hainan runs its own registry system in these tests (对接省份).
XIUYING = ("CN", "46", "4601", "460105")
DOCKING = "46"
NANCHANG = DONGHU[:3]

# key: (code, full name, county path, stages, special education)
SCHOOLS = {
    "p": ("2136000101", "南昌市东湖区状态测试小学", DONGHU, ["primary"], False),
    "j": ("3136000102", "南昌市东湖区状态测试初级中学", DONGHU, ["junior"], False),
    "s": ("3436000103", "南昌市东湖区状态测试高级中学", DONGHU, ["senior"], False),
    "x": ("5136000104", "南昌市东湖区特殊教育学校", DONGHU, ["primary", "junior"], True),
    "w": ("2136000201", "南昌市西湖区状态测试小学", XIHU, ["primary"], False),
    "g": ("2145000101", "南宁市兴宁区状态测试小学", XINGNING, ["primary"], False),
    "h": ("2146000101", "海口市秀英区状态测试小学", XIUYING, ["primary"], False),
}
FIRST_GRADE = {"primary": 1, "junior": 7, "senior": 10}
_serial = itertools.count(1)


@dataclass(frozen=True)
class World:
    issuer: TokenIssuer

    def token(self, role: Role, *path: str) -> dict[str, str]:
        principal = Principal(
            account_id=ACCOUNT,
            name=f"测试{role.value}",
            role=role,
            unit_code=path[-1],
            unit_kind=_KINDS[len(path) - 1],
            unit_path=tuple(path),
        )
        return {"Authorization": f"Bearer {self.issuer.issue(principal)}"}

    def path(self, school: str) -> tuple[str, ...]:
        code, _name, county, _stages, _special = SCHOOLS[school]
        return (*county, code)

    def code(self, school: str) -> str:
        return SCHOOLS[school][0]

    def registrar(self, school: str) -> dict[str, str]:
        return self.token(Role.SCHOOL_REGISTRAR, *self.path(school))

    def county(self, county: tuple[str, ...]) -> dict[str, str]:
        return self.token(Role.COUNTY_OFFICER, *county)

    def city(self, city: tuple[str, ...]) -> dict[str, str]:
        return self.token(Role.CITY_OFFICER, *city)

    def province(self, province: tuple[str, ...]) -> dict[str, str]:
        return self.token(Role.PROVINCE_OFFICER, *province)


async def _post(client: httpx.AsyncClient, url: str, body: dict, headers: dict) -> None:
    response = await client.post(url, json=body, headers=headers)
    assert response.status_code in (201, 409), response.text


async def build_world(client: httpx.AsyncClient, issuer: TokenIssuer) -> World:
    world = World(issuer)
    operator = world.token(Role.NATIONAL_OPERATOR, "CN")
    for code, name, parent in UNITS:
        body = {"code": code, "name": name, "parent_code": parent}
        await _post(client, "/v1/org-units", body, operator)
    for code, name, county, stages, special in SCHOOLS.values():
        body = {
            "code": code,
            "full_name": name,
            "county_code": county[-1],
            "stages": stages,
            "special_education": special,
        }
        await _post(client, "/v1/schools", body, operator)
    docked = await client.patch(
        f"/v1/org-units/{DOCKING}", json={"docking": True}, headers=operator
    )
    assert docked.status_code == 200, docked.text
    return world


def pupil_body(
    school: str, *, grade: int, stage: str | None = None, male: bool = True, **extra: object
) -> dict:
    """A valid pupil of `school` in `grade`, born to fit it, with a fresh ID number."""
    _code, _name, county, stages, _special = SCHOOLS[school]
    stage = stage or stages[0]
    n = next(_serial)
    year = school_year(china_today())
    birth = date(year - grade - 6, 3, 1) + timedelta(days=n // 400)
    id_number = make_id_number(county[-1], birth, (n % 400) * 2 + (1 if male else 0))
    body: dict = {
        "school_code": SCHOOLS[school][0],
        "name": "刘小明" if male else "陈小红",
        "gender": "1" if male else "2",
        "birth_date": birth.isoformat(),
        "grade": grade,
        "stage": stage,
        "enrolment_year": year - (grade - FIRST_GRADE.get(stage, 1)),
        "id_type": "1",
        "id_number": id_number,
        "ethnicity": "01",
        "address": "南昌市东湖区八一大道1号",
        "guardians": [{"name": "刘大明", "relation": "父亲", "phone": "13900000000"}],
    }
    body.update(extra)
    return body


async def new_pupil(
    client: httpx.AsyncClient, world: World, school: str, *, grade: int, **extra: object
) -> dict:
    response = await client.post(
        "/v1/pupils", json=pupil_body(school, grade=grade, **extra), headers=world.registrar(school)
    )
    assert response.status_code == 201, response.text
    return response.json()


async def evidence(client: httpx.AsyncClient, world: World, school: str, pupil_id: str) -> str:
    response = await client.post(
        "/v1/evidence",
        files={"file": ("医院诊断证明.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")},
        data={"pupil_id": pupil_id, "purpose": "status_change"},
        headers=world.registrar(school),
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]
