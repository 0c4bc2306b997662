"""Organisation units, schools and accounts through the registry API: scope and refusals."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from xueji_common.auth.principal import Role, UnitKind

pytestmark = pytest.mark.integration

Issue = Callable[..., dict[str, str]]


@pytest.fixture(scope="module")
async def tree(registry: httpx.AsyncClient, operator: dict[str, str], issue_token: Issue) -> dict:
    """Province 44 with two counties, each with a school."""
    for body in (
        {"code": "44", "name": "广东省教育厅", "parent_code": "CN"},
        {"code": "4401", "name": "广州市教育局", "parent_code": "44"},
        {"code": "440103", "name": "荔湾区教育局", "parent_code": "4401"},
        {"code": "440104", "name": "越秀区教育局", "parent_code": "4401"},
    ):
        response = await registry.post("/v1/org-units", json=body, headers=operator)
        assert response.status_code == 201, response.text
    for code, county in (("2144000001", "440103"), ("2144000002", "440104")):
        response = await registry.post(
            "/v1/schools",
            json={
                "code": code,
                "full_name": f"广州市第{code[-1]}小学",
                "county_code": county,
                "stages": ["primary"],
            },
            headers=operator,
        )
        assert response.status_code == 201, response.text
    return {
        "liwan": issue_token(Role.COUNTY_OFFICER, ("CN", "44", "4401", "440103"), UnitKind.COUNTY),
        "school1": issue_token(
            Role.SCHOOL_REGISTRAR, ("CN", "44", "4401", "440103", "2144000001"), UnitKind.SCHOOL
        ),
    }


def assert_problem(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code
    assert body["message"]
    return body


async def test_requests_without_a_valid_token_are_refused(registry: httpx.AsyncClient) -> None:
    assert_problem(await registry.get("/v1/me"), 401, "UNAUTHENTICATED")
    forged = {"Authorization": "Bearer eyJhbGciOiJub25lIn0.e30."}
    assert_problem(await registry.get("/v1/org-units", headers=forged), 401, "UNAUTHENTICATED")


async def test_a_county_sees_its_own_schools_and_not_its_neighbours(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    own = await registry.get("/v1/schools/2144000001", headers=tree["liwan"])
    assert own.status_code == 200 and own.json()["county_code"] == "440103"
    assert_problem(
        await registry.get("/v1/schools/2144000002", headers=tree["liwan"]), 404, "NOT_FOUND"
    )
    listed = await registry.get("/v1/org-units", headers=tree["liwan"])
    assert {unit["code"] for unit in listed.json()} == {"440103", "2144000001"}


async def test_a_county_cannot_create_a_school_in_another_county(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    response = await registry.post(
        "/v1/schools",
        json={
            "code": "2144000003",
            "full_name": "越界小学",
            "county_code": "440104",
            "stages": ["primary"],
        },
        headers=tree["liwan"],
    )
    assert_problem(response, 404, "NOT_FOUND")


async def test_a_school_code_from_another_province_is_refused_with_the_reason(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    response = await registry.post(
        "/v1/schools",
        json={
            "code": "2131000009",
            "full_name": "错省小学",
            "county_code": "440103",
            "stages": ["primary"],
        },
        headers=tree["liwan"],
    )
    body = assert_problem(response, 422, "SCHOOL_CODE_INVALID")
    assert body["field"] == "code"


async def test_a_malformed_body_is_a_problem_naming_the_field(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    response = await registry.post(
        "/v1/schools", json={"code": "12", "county_code": "440103"}, headers=tree["liwan"]
    )
    body = assert_problem(response, 422, "VALIDATION_FAILED")
    assert body["field"] in {"code", "full_name", "stages"}


async def test_a_school_registrar_cannot_create_units(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    response = await registry.post(
        "/v1/org-units",
        json={"code": "440105", "name": "海珠区", "parent_code": "4401"},
        headers=tree["school1"],
    )
    assert_problem(response, 403, "FORBIDDEN")


async def test_accounts_sign_in_and_lock_after_repeated_failures(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    created = await registry.post(
        "/v1/accounts",
        json={
            "username": "liwan.teacher1",
            "name": "李老师",
            "role": "class_teacher",
            "unit_code": "2144000001",
            "password": "Teacher-pass-1",
        },
        headers=tree["school1"],
    )
    assert created.status_code == 201, created.text
    signed_in = await registry.post(
        "/v1/auth/token", json={"username": "liwan.teacher1", "password": "Teacher-pass-1"}
    )
    assert signed_in.status_code == 200
    token = signed_in.json()["access_token"]
    me = await registry.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["unit_path"] == ["CN", "44", "4401", "440103", "2144000001"]

    for _ in range(5):
        assert_problem(
            await registry.post(
                "/v1/auth/token", json={"username": "liwan.teacher1", "password": "wrong-pass-1"}
            ),
            401,
            "LOGIN_FAILED",
        )
    assert_problem(
        await registry.post(
            "/v1/auth/token", json={"username": "liwan.teacher1", "password": "Teacher-pass-1"}
        ),
        429,
        "LOGIN_LOCKED",
    )


async def test_a_registrar_may_only_create_class_teachers(
    registry: httpx.AsyncClient, tree: dict
) -> None:
    response = await registry.post(
        "/v1/accounts",
        json={
            "username": "liwan.boss",
            "name": "王局长",
            "role": "school_reviewer",
            "unit_code": "2144000001",
            "password": "Reviewer-pass-1",
        },
        headers=tree["school1"],
    )
    assert_problem(response, 403, "FORBIDDEN")
