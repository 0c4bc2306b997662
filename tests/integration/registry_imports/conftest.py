"""The registry app in-process on the session infrastructure, with two schools in Fujian.

Province 35 (Fujian) belongs to the import tests; other suites use other codes, so
everything here can share the session database. No outbox relay runs: the tests read
the outbox rows the imports wrote.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx
import pytest

from tests.integration.harness import settings_from
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.auth.tokens import TokenIssuer, generate_key_pair
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_registry.bootstrap import MIGRATIONS, build
from xueji_registry.schema import SCHEMA
from xueji_registry.settings import RegistrySettings
from xueji_stack.infrastructure import Infrastructure

_KINDS = (UnitKind.NATION, UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.SCHOOL)
GULOU = ("CN", "35", "3501", "350102")
TAIJIANG = ("CN", "35", "3501", "350103")
SCHOOL_A = (*GULOU, "3135000101")  # 九年一贯制: primary and junior
SCHOOL_B = (*TAIJIANG, "2135000201")


@dataclass(frozen=True)
class Fujian:
    operator: dict[str, str]
    registrar_a: dict[str, str]
    registrar_b: dict[str, str]
    teacher_a: dict[str, str]
    county_a: dict[str, str]
    teacher_class: str  # the code of the class teacher_a teaches


@pytest.fixture(scope="module")
async def registry(
    infrastructure: Infrastructure, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[httpx.AsyncClient, TokenIssuer, Database]]:
    keys = tmp_path_factory.mktemp("import-keys")
    private, public = generate_key_pair()
    (keys / "private.pem").write_bytes(private)
    (keys / "public.pem").write_bytes(public)
    env = settings_from(infrastructure)
    url = env["database_url"].replace("postgresql://", "postgresql+asyncpg://", 1)
    await upgrade_to_head(MIGRATIONS, url, SCHEMA)
    settings = RegistrySettings(
        **{**env, "database_url": url},
        http_port=0,
        token_private_key_file=str(keys / "private.pem"),
        token_public_key_file=str(keys / "public.pem"),
    )
    kernel, parts = await build(settings)
    transport = httpx.ASGITransport(app=parts.app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://registry", timeout=120
    ) as client:
        yield client, TokenIssuer(private), kernel.db
    await kernel.db.dispose()


@pytest.fixture(scope="module")
def client(registry: tuple[httpx.AsyncClient, TokenIssuer, Database]) -> httpx.AsyncClient:
    return registry[0]


@pytest.fixture(scope="module")
def db(registry: tuple[httpx.AsyncClient, TokenIssuer, Database]) -> Database:
    return registry[2]


@pytest.fixture(scope="module")
def issue(registry: tuple[httpx.AsyncClient, TokenIssuer, Database]) -> Callable[..., dict]:
    issuer = registry[1]

    def token(role: Role, path: tuple[str, ...], account_id: str) -> dict[str, str]:
        principal = Principal(
            account_id=account_id,
            name=f"测试{role.value}",
            role=role,
            unit_code=path[-1],
            unit_kind=_KINDS[len(path) - 1],
            unit_path=path,
        )
        return {"Authorization": f"Bearer {issuer.issue(principal)}"}

    return token


async def _created(response: httpx.Response) -> dict:
    assert response.status_code in (201, 409), response.text
    return response.json()


@pytest.fixture(scope="module")
async def fujian(client: httpx.AsyncClient, issue: Callable[..., dict]) -> Fujian:
    operator = issue(Role.NATIONAL_OPERATOR, ("CN",), "00000000-0000-0000-0000-0000000000f0")
    for code, name, parent in (
        ("35", "福建省教育厅", "CN"),
        ("3501", "福州市教育局", "35"),
        ("350102", "福州市鼓楼区教育局", "3501"),
        ("350103", "福州市台江区教育局", "3501"),
    ):
        body = {"code": code, "name": name, "parent_code": parent}
        await _created(await client.post("/v1/org-units", json=body, headers=operator))
    for path, name, stages in (
        (SCHOOL_A, "福州市鼓楼区导入测试学校", ["primary", "junior"]),
        (SCHOOL_B, "福州市台江区导入测试小学", ["primary"]),
    ):
        body = {"code": path[-1], "full_name": name, "county_code": path[-2], "stages": stages}
        await _created(await client.post("/v1/schools", json=body, headers=operator))
    teacher_id = await _teacher(client, operator)
    registrar_a = issue(Role.SCHOOL_REGISTRAR, SCHOOL_A, "00000000-0000-0000-0000-0000000000f1")
    for grade, number, teacher in ((1, 1, None), (1, 2, teacher_id), (7, 1, None)):
        body = {"grade": grade, "number": number, "teacher_account_id": teacher}
        await _created(await client.post("/v1/classes", json=body, headers=registrar_a))
    registrar_b = issue(Role.SCHOOL_REGISTRAR, SCHOOL_B, "00000000-0000-0000-0000-0000000000f2")
    await _created(
        await client.post("/v1/classes", json={"grade": 1, "number": 1}, headers=registrar_b)
    )
    return Fujian(
        operator=operator,
        registrar_a=registrar_a,
        registrar_b=registrar_b,
        teacher_a=issue(Role.CLASS_TEACHER, SCHOOL_A, teacher_id),
        county_a=issue(Role.COUNTY_OFFICER, GULOU, "00000000-0000-0000-0000-0000000000f3"),
        teacher_class="0102",
    )


async def _teacher(client: httpx.AsyncClient, operator: dict[str, str]) -> str:
    body = {
        "username": "import-teacher-3135000101",
        "name": "林老师",
        "role": "class_teacher",
        "unit_code": SCHOOL_A[-1],
        "password": "Teacher-2026-pw",
    }
    created = await client.post("/v1/accounts", json=body, headers=operator)
    if created.status_code == 201:
        return created.json()["id"]
    listed = await client.get(f"/v1/org-units/{SCHOOL_A[-1]}/accounts", headers=operator)
    return next(a["id"] for a in listed.json() if a["username"] == body["username"])
