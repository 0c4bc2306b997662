"""Test data for the registry suites: an org tree, valid ID numbers, pupil bodies."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import httpx

from xueji_common.auth.principal import Role
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.pupils.model import china_today, school_year

Issue = Callable[..., dict[str, str]]

NATION = ("CN",)
JIANGSU = (*NATION, "32", "3201")
XUANWU = (*JIANGSU, "320102")
QINHUAI = (*JIANGSU, "320104")
ZHEJIANG = (*NATION, "33", "3301")
SHANGCHENG = (*ZHEJIANG, "330102")

# (code, name, county path, stages)
SCHOOLS = {
    "a": ("2132000101", "南京市玄武区测试小学", XUANWU, ["primary"]),
    "b": ("2132000201", "南京市秦淮区测试小学", QINHUAI, ["primary"]),
    "c": ("2133000101", "杭州市上城区测试小学", SHANGCHENG, ["primary"]),
    "j": ("3132000102", "南京市玄武区测试中学", XUANWU, ["junior"]),
}


@dataclass
class World:
    issue: Issue
    operator: dict[str, str]
    platform: dict[str, str]
    teacher_ids: dict[str, str] = field(default_factory=dict)

    def path(self, school: str) -> tuple[str, ...]:
        code, _name, county, _stages = SCHOOLS[school]
        return (*county, code)

    def code(self, school: str) -> str:
        return SCHOOLS[school][0]

    def registrar(self, school: str) -> dict[str, str]:
        return self.issue(Role.SCHOOL_REGISTRAR, *self.path(school))

    def reviewer(self, school: str) -> dict[str, str]:
        return self.issue(Role.SCHOOL_REVIEWER, *self.path(school))

    def teacher(self, school: str) -> dict[str, str]:
        return self.issue(
            Role.CLASS_TEACHER, *self.path(school), account_id=self.teacher_ids[school]
        )

    def county(self, county: tuple[str, ...]) -> dict[str, str]:
        return self.issue(Role.COUNTY_OFFICER, *county)

    def city(self, city: tuple[str, ...]) -> dict[str, str]:
        return self.issue(Role.CITY_OFFICER, *city)


async def _post(client: httpx.AsyncClient, url: str, body: dict, headers: dict) -> dict:
    response = await client.post(url, json=body, headers=headers)
    assert response.status_code in (201, 409), response.text
    return response.json()


async def build_world(client: httpx.AsyncClient, issue: Issue) -> World:
    operator = issue(Role.NATIONAL_OPERATOR, *NATION)
    world = World(issue, operator, issue(Role.PLATFORM_SERVICE, *NATION))
    for code, name, parent in (
        ("32", "江苏省教育厅", "CN"),
        ("3201", "南京市教育局", "32"),
        ("320102", "南京市玄武区教育局", "3201"),
        ("320104", "南京市秦淮区教育局", "3201"),
        ("33", "浙江省教育厅", "CN"),
        ("3301", "杭州市教育局", "33"),
        ("330102", "杭州市上城区教育局", "3301"),
    ):
        await _post(
            client, "/v1/org-units", {"code": code, "name": name, "parent_code": parent}, operator
        )
    for key, (code, name, county, stages) in SCHOOLS.items():
        body = {"code": code, "full_name": name, "county_code": county[-1], "stages": stages}
        await _post(client, "/v1/schools", body, operator)
        teacher = {
            "username": f"t{code}",
            "name": "王老师",
            "role": "class_teacher",
            "unit_code": code,
            "password": "Teacher-2026-pw",
        }
        created = await client.post("/v1/accounts", json=teacher, headers=operator)
        if created.status_code == 201:
            world.teacher_ids[key] = created.json()["id"]
        else:
            listed = await client.get(f"/v1/org-units/{code}/accounts", headers=operator)
            world.teacher_ids[key] = next(
                a["id"] for a in listed.json() if a["username"] == f"t{code}"
            )
    return world


# Shared by every factory: test areas each make their own, yet write to one database.
_SESSION_COUNTER = itertools.count(1)


class IdFactory:
    """Fresh valid ID numbers: no two calls in a session give the same number."""

    def new(self, birth: date, *, male: bool = True, division: str = "320102") -> str:
        n = next(_SESSION_COUNTER)
        sequence = (n * 2 + (1 if male else 0)) % 1000
        shifted = birth + timedelta(days=(n * 2) // 1000)
        return make_id_number(division, shifted, sequence)


def grade_entry(grade: int) -> tuple[int, date]:
    """(enrolment year, a birth date) fitting a primary pupil of `grade` today."""
    year = school_year(china_today()) - (grade - 1)
    return year, date(year - 7, 3, 15)


def pupil_body(ids: IdFactory, *, grade: int = 1, male: bool = True, **overrides: object) -> dict:
    """A valid primary pupil; the ID number's birth date and gender match the record."""
    enrolment_year, birth = grade_entry(grade)
    id_number = ids.new(birth, male=male)
    body: dict = {
        "name": "张小明" if male else "李小红",
        "gender": "1" if male else "2",
        "birth_date": f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}",
        "grade": grade,
        "enrolment_year": enrolment_year,
        "id_type": "1",
        "id_number": id_number,
        "ethnicity": "01",
        "address": "南京市玄武区中山路1号",
        "guardians": [{"name": "张大明", "relation": "父亲", "phone": "13800000000"}],
    }
    body.update(overrides)
    return body


async def create_pupil(client: httpx.AsyncClient, headers: dict[str, str], body: dict) -> dict:
    response = await client.post("/v1/pupils", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def register(
    client: httpx.AsyncClient, world: World, school: str, pupil_ids: list[str]
) -> None:
    """Submit the pupils and have their county approve them."""
    submitted = await client.post(
        "/v1/registration/submissions",
        json={"pupil_ids": pupil_ids},
        headers=world.registrar(school),
    )
    assert submitted.status_code == 201, submitted.text
    decided = await client.post(
        f"/v1/registration/submissions/{submitted.json()['id']}/decision",
        json={"decision": "approve"},
        headers=world.county(world.path(school)[:4]),
    )
    assert decided.status_code == 200, decided.text


async def upload_evidence(
    client: httpx.AsyncClient, headers: dict[str, str], pupil_id: str, purpose: str
) -> str:
    response = await client.post(
        "/v1/evidence",
        files={"file": ("证明.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")},
        data={"pupil_id": pupil_id, "purpose": purpose},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]
