"""Request bodies over their route's limit are refused before parsing, declared or streamed."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, File, UploadFile

from xueji_common.auth.tokens import TokenVerifier, generate_key_pair
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import (
    MULTIPART_ENVELOPE_BYTES,
    BodyLimit,
    BodyLimits,
    size_text,
    upload_limit,
)

JSON_LIMIT = 1024
FILE_LIMIT = 100 * 1024


def _client(handled: list[str]) -> httpx.AsyncClient:
    router = APIRouter()

    @router.post("/v1/notes")
    async def note(body: dict[str, str]) -> dict[str, int]:
        handled.append("note")
        return {"length": len(body.get("text", ""))}

    @router.post("/v1/things/{thing_id}/file")
    async def upload(thing_id: str, file: Annotated[UploadFile, File()]) -> dict[str, int]:
        handled.append(f"file {thing_id}")
        return {"size": len(await file.read())}

    _, public = generate_key_pair()
    app = create_app(
        service="test",
        title="body limits",
        routers=[router],
        readiness={},
        token_verifier=TokenVerifier(public),
        body_limits=BodyLimits(
            JSON_LIMIT, [upload_limit("/v1/things/{thing_id}/file", FILE_LIMIT)]
        ),
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def _note_of_length(total: int) -> bytes:
    """A JSON body of exactly `total` bytes."""
    empty = json.dumps({"text": ""}).encode()
    return json.dumps({"text": "x" * (total - len(empty))}).encode()


async def _chunks(data: bytes, size: int = 300) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def _assert_refused(response: httpx.Response, limit_text: str) -> None:
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "REQUEST_TOO_LARGE"
    assert body["message"] == f"请求内容过大：本接口最多接受 {limit_text}"
    assert "X-Trace-Id" in response.headers  # refused inside the access log, not around it


async def test_a_declared_length_over_the_limit_is_refused_unread() -> None:
    handled: list[str] = []
    async with _client(handled) as client:
        response = await client.post(
            "/v1/notes",
            content=_note_of_length(JSON_LIMIT + 1),
            headers={"content-type": "application/json"},
        )
    _assert_refused(response, "1 KB")
    assert response.json()["limit_bytes"] == JSON_LIMIT
    assert handled == []


async def test_a_body_of_exactly_the_limit_is_accepted() -> None:
    handled: list[str] = []
    body = _note_of_length(JSON_LIMIT)
    async with _client(handled) as client:
        declared = await client.post(
            "/v1/notes", content=body, headers={"content-type": "application/json"}
        )
        streamed = await client.post(
            "/v1/notes", content=_chunks(body), headers={"content-type": "application/json"}
        )
    assert declared.status_code == 200, declared.text
    assert streamed.status_code == 200, streamed.text
    assert handled == ["note", "note"]


async def test_a_streamed_body_is_refused_once_it_grows_past_the_limit() -> None:
    handled: list[str] = []
    async with _client(handled) as client:
        response = await client.post(
            "/v1/notes",
            content=_chunks(_note_of_length(JSON_LIMIT + 1)),
            headers={"content-type": "application/json"},
        )
    assert "content-length" not in response.request.headers
    _assert_refused(response, "1 KB")
    assert handled == []


async def test_an_upload_route_takes_its_file_limit_plus_the_multipart_envelope() -> None:
    handled: list[str] = []
    async with _client(handled) as client:
        fits = await client.post(
            "/v1/things/7/file", files={"file": ("a.pdf", b"%" * FILE_LIMIT, "application/pdf")}
        )
        too_big = b"%" * (FILE_LIMIT + MULTIPART_ENVELOPE_BYTES + 1)
        declared = await client.post(
            "/v1/things/7/file", files={"file": ("a.pdf", too_big, "application/pdf")}
        )
        # The same multipart body, sent chunked with no length declared.
        encoded = httpx.Request(
            "POST", "http://test", files={"file": ("a.pdf", too_big, "application/pdf")}
        )
        streamed = await client.post(
            "/v1/things/8/file",
            content=_chunks(encoded.read(), 64 * 1024),
            headers={"content-type": encoded.headers["content-type"]},
        )
    assert fits.status_code == 200, fits.text
    assert fits.json() == {"size": FILE_LIMIT}
    _assert_refused(declared, "100 KB")
    assert declared.json()["limit_bytes"] == FILE_LIMIT + MULTIPART_ENVELOPE_BYTES
    _assert_refused(streamed, "100 KB")
    assert "content-length" not in streamed.request.headers
    assert handled == ["file 7"]


async def test_other_routes_keep_the_default_limit() -> None:
    async with _client([]) as client:
        response = await client.post("/v1/things/7/other", content=b"x" * (JSON_LIMIT + 1))
    _assert_refused(response, "1 KB")


def test_routes_match_by_template_and_fall_back_to_the_default() -> None:
    limits = BodyLimits(
        JSON_LIMIT,
        [BodyLimit("/v1/imports", 5), BodyLimit("/v1/submissions/{submission_id}/decision", 9)],
    )
    assert limits.for_path("/v1/imports").max_bytes == 5
    assert limits.for_path("/v1/submissions/abc/decision").max_bytes == 9
    assert limits.for_path("/v1/imports/abc").max_bytes == JSON_LIMIT
    assert limits.for_path("/v1/submissions/abc").max_bytes == JSON_LIMIT


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        BodyLimits(0)
    with pytest.raises(ValueError):
        BodyLimits(JSON_LIMIT, [BodyLimit("/v1/imports", 0)])


def test_sizes_read_as_people_write_them() -> None:
    assert size_text(50 * 1024 * 1024) == "50 MB"
    assert size_text(1536 * 1024) == "1.5 MB"
    assert size_text(64 * 1024) == "64 KB"
    assert size_text(900) == "900 字节"
