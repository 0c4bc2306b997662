"""Steps the parent and school access tests share: a stack whose throttle is small and which
trusts the test client as its proxy (so each test picks its client address), pupils with a
known 学籍副号 and name, captchas answered from the database."""

from __future__ import annotations

import random
import uuid

import httpx
from sqlalchemy import select

from tests.integration.harness import eventually
from tests.integration.photo.flows import publish, roster_row_exists
from tests.integration.photo.records import created, school_ref
from tests.integration.photo.world import PhotoStack
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji_photo.parents.tables import captchas

# httpx's ASGI transport connects from 127.0.0.1; trusting it makes X-Forwarded-For count.
ACCESS_SETTINGS: dict[str, object] = {
    "photo_trusted_proxies": "127.0.0.1",
    "photo_sign_in_max_failures_per_number": 3,
    "photo_sign_in_max_failures_per_address": 5,
    "photo_sign_in_lockout_minutes": 15,
}


def new_address() -> str:
    """A client address of its own (documentation range), as the proxy forwards it."""
    return f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"


def from_address(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def pupil_on_roster(stack: PhotoStack, school: str, name: str, grade: int = 1) -> PupilRecord:
    """An enrolled pupil with a fresh 学籍副号, put on the roster by pupil.created."""
    pupil = PupilRecord(
        pupil_id=str(uuid.uuid4()),
        national_number="G" + "".join(random.choices("0123456789", k=18)),
        local_number=f"SC{uuid.uuid4().hex[:12].upper()}", name=name, school=school_ref(school),
        grade=grade, stage=Stage.STAGE_PRIMARY, status=PupilStatus.PUPIL_STATUS_ENROLLED,
        record_version=1,
    )  # fmt: skip
    await publish(stack.settings.kafka_bootstrap, created(pupil))
    await eventually(lambda: roster_row_exists(stack, pupil.national_number), within=60)
    return pupil


async def captcha_answer(stack: PhotoStack, captcha_id: str) -> str:
    """Read where the server keeps it: no route or setting ever gives it out."""
    async with stack.db.sessions() as session:
        answer = await session.scalar(
            select(captchas.c.answer).where(captchas.c.id == uuid.UUID(captcha_id))
        )
    assert answer is not None
    return answer


async def new_captcha(stack: PhotoStack) -> tuple[str, str]:
    """(captcha id, its answer)."""
    response = await stack.photo.get("/v1/parent-captchas")
    assert response.status_code == 200, response.text
    captcha_id = response.json()["captcha_id"]
    return captcha_id, await captcha_answer(stack, captcha_id)


async def parent_sign_in(
    stack: PhotoStack, local_number: str, name: str, address: str, *, wrong_captcha: bool = False
) -> httpx.Response:
    captcha_id, answer = await new_captcha(stack)
    body = {
        "local_number": local_number, "name": name, "captcha_id": captcha_id,
        "captcha_answer": "WRONG" if wrong_captcha else answer.lower(),
    }  # fmt: skip
    return await stack.photo.post("/v1/parent-sessions", json=body, headers=from_address(address))


async def parent_token(stack: PhotoStack, pupil: PupilRecord) -> str:
    response = await parent_sign_in(stack, pupil.local_number, pupil.name, new_address())
    assert response.status_code == 201, response.text
    return response.json()["token"]
