"""Evidence documents: sniffed type, size limit, object storage, scope."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from tests.integration.registry.builders import IdFactory, World, create_pupil, pupil_body
from xueji_common.evidence_files import MAX_EVIDENCE_BYTES

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(40)


async def upload(
    registry: httpx.AsyncClient,
    headers: dict[str, str],
    content: bytes,
    *,
    filename: str = "证明.pdf",
    content_type: str = "application/pdf",
    **form: str,
) -> httpx.Response:
    return await registry.post(
        "/v1/evidence",
        files={"file": (filename, content, content_type)},
        data=form,
        headers=headers,
    )


async def test_a_pdf_is_stored_and_read_back_within_scope(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    pupil = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    response = await upload(
        registry, world.registrar("a"), PDF, purpose="correction", pupil_id=pupil["id"]
    )
    assert response.status_code == 201, response.text
    document = response.json()
    assert document["content_type"] == "application/pdf" and document["size"] == len(PDF)
    assert document["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert document["pupil_id"] == pupil["id"] and document["filename"] == "证明.pdf"
    content = await registry.get(
        f"/v1/evidence/{document['id']}/content", headers=world.county(world.path("a")[:4])
    )
    assert content.status_code == 200 and content.content == PDF
    hidden = await registry.get(f"/v1/evidence/{document['id']}", headers=world.registrar("b"))
    assert hidden.status_code == 404 and hidden.json()["code"] == "EVIDENCE_NOT_FOUND"


async def test_the_type_comes_from_the_content_not_the_name(
    registry: httpx.AsyncClient, world: World
) -> None:
    disguised = await upload(registry, world.registrar("a"), PNG, filename="../../scan.pdf")
    assert disguised.status_code == 201, disguised.text
    assert disguised.json()["content_type"] == "image/png"
    assert disguised.json()["filename"] == "scan.pdf"
    jpeg = await upload(registry, world.registrar("a"), b"\xff\xd8\xff\xe0" + bytes(64))
    assert jpeg.json()["content_type"] == "image/jpeg"
    text = await upload(registry, world.registrar("a"), b"<html>not a scan</html>")
    assert text.status_code == 415 and text.json()["code"] == "EVIDENCE_TYPE_UNSUPPORTED"


async def test_empty_and_oversized_files_are_refused(
    registry: httpx.AsyncClient, world: World
) -> None:
    empty = await upload(registry, world.registrar("a"), b"")
    assert empty.status_code == 422 and empty.json()["code"] == "EVIDENCE_EMPTY"
    large = PDF + bytes(MAX_EVIDENCE_BYTES)
    too_large = await upload(registry, world.registrar("a"), large)
    assert too_large.status_code == 413 and too_large.json()["code"] == "EVIDENCE_TOO_LARGE"


async def test_only_staff_with_a_case_to_make_upload(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    teacher = await upload(registry, world.teacher("a"), PDF)
    assert teacher.status_code == 403
    pupil = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    foreign = await upload(registry, world.registrar("b"), PDF, pupil_id=pupil["id"])
    assert foreign.status_code == 404
