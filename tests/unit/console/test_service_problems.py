"""A service's problem+json becomes a typed error naming what to show next to which field."""

from __future__ import annotations

import httpx
import pytest

from xueji_console.clients.calls import ServiceApi, ServiceProblem


def api_answering(response: httpx.Response) -> ServiceApi:
    transport = httpx.MockTransport(lambda _: response)
    return ServiceApi("registry", "http://registry", timeout=5, transport=transport)


async def test_a_validation_problem_names_its_fields() -> None:
    body = {
        "code": "VALIDATION_FAILED",
        "message": "请求数据不符合要求：username 缺少必填字段",
        "field": "username",
        "errors": [{"field": "username", "code": "MISSING", "message": "缺少必填字段"}],
    }
    api = api_answering(httpx.Response(422, json=body))
    with pytest.raises(ServiceProblem) as refused:
        await api.call("POST", "/v1/auth/token", json={})
    problem = refused.value
    assert (problem.status, problem.code) == (422, "VALIDATION_FAILED")
    assert problem.message_for("username") == "缺少必填字段"
    assert problem.message_for("password") is None


async def test_a_refusal_without_fields_keeps_its_code_and_message() -> None:
    body = {"code": "LOGIN_FAILED", "message": "用户名或密码错误"}
    with pytest.raises(ServiceProblem) as refused:
        await api_answering(httpx.Response(401, json=body)).call("POST", "/v1/auth/token")
    assert (refused.value.code, refused.value.message) == ("LOGIN_FAILED", "用户名或密码错误")
    assert refused.value.fields == []


async def test_a_failure_without_a_problem_body_is_an_internal_error() -> None:
    with pytest.raises(ServiceProblem) as refused:
        await api_answering(httpx.Response(502, text="Bad Gateway")).call("GET", "/v1/pupils")
    assert (refused.value.status, refused.value.code) == (502, "INTERNAL_ERROR")


async def test_an_unreachable_service_is_unavailable() -> None:
    api = ServiceApi("transfer", "http://127.0.0.1:9", timeout=2)
    with pytest.raises(ServiceProblem) as refused:
        await api.call("GET", "/v1/transfers/inbox", token="t")
    assert refused.value.code == "DEPENDENCY_UNAVAILABLE"
    await api.close()
