"""Parent access on the real stack: 学籍副号, name and captcha; one answer for every wrong
number or name; lock-out per number and per address; the session reaches one pupil."""

from __future__ import annotations

import base64
import io
import math
import re
import unicodedata
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import func, select

from tests.integration.harness import eventually
from tests.integration.photo.access_flows import (
    ACCESS_SETTINGS,
    bearer,
    captcha_answer,
    new_address,
    new_captcha,
    parent_sign_in,
    parent_token,
    pupil_on_roster,
)
from tests.integration.photo.flows import open_window, photo_events, upload
from tests.integration.photo.world import PhotoStack
from xueji.photo.v1.photo_pb2 import Uploader
from xueji_photo.parents.tables import captchas
from xueji_photo.signing_in.tables import failed_sign_ins
from xueji_stack.demo.portraits import jpeg, portrait

pytestmark = pytest.mark.integration
PHOTO_SETTINGS = ACCESS_SETTINGS

VALID = jpeg(portrait(272, 354))
NOT_MATCHED = "PHOTO_PARENT_NOT_MATCHED"
LOCKED = re.compile(r"尝试次数过多，请于 (\d\d):(\d\d) 后再试")


async def _failures(stack: PhotoStack) -> int:
    async with stack.db.sessions() as session:
        return await session.scalar(select(func.count()).select_from(failed_sign_ins)) or 0


def _assert_locked_for_15_minutes(response: object) -> None:
    """429, and the message names the minute (Shanghai) the lock-out ends."""
    assert response.status_code == 429, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["code"] == "PHOTO_SIGN_IN_LOCKED"
    until = datetime.fromisoformat(body["retry_at"])
    now = datetime.now(UTC)
    assert timedelta(minutes=14) < until - now <= timedelta(minutes=15)
    shown = until.astimezone(ZoneInfo("Asia/Shanghai")) + timedelta(seconds=59)
    match = LOCKED.fullmatch(body["message"])
    assert match is not None, body["message"]
    assert (int(match[1]), int(match[2])) == (shown.hour, shown.minute)
    assert math.isclose(body["retry_after_seconds"], (until - now).total_seconds(), abs_tol=5)


async def test_a_parent_signs_in_and_sees_their_pupils_rule_and_window(stack: PhotoStack) -> None:
    pupil = await pupil_on_roster(stack, "jj", "林小雨")
    await open_window(stack, "jj", "grade_one_entrant")
    shown = await stack.photo.get("/v1/parent-captchas")
    assert shown.status_code == 200 and shown.headers["cache-control"] == "no-store"
    captcha = shown.json()
    assert set(captcha) == {"captcha_id", "image_png_base64", "expires_at"}
    image = Image.open(io.BytesIO(base64.b64decode(captcha["image_png_base64"])))
    assert image.format == "PNG" and image.size == (200, 70)
    answer = await captcha_answer(stack, captcha["captcha_id"])
    assert answer not in shown.text

    # The name as typed on a phone: decomposed, with spaces around it, is still the name.
    typed = " " + unicodedata.normalize("NFD", pupil.name) + "\u3000"
    body = {"local_number": pupil.local_number, "name": typed,
            "captcha_id": captcha["captcha_id"], "captcha_answer": answer}  # fmt: skip
    signed_in = await stack.photo.post("/v1/parent-sessions", json=body)
    assert signed_in.status_code == 201, signed_in.text
    token = signed_in.json()["token"]
    view = await stack.photo.get("/v1/parent-session", headers=bearer(token))
    assert view.status_code == 200, view.text
    seen = view.json()
    assert seen["pupil"]["national_number"] == pupil.national_number
    assert seen["pupil"]["school_name"] == "成都市锦江区测试小学"
    assert seen["rule"]["rule"]["pixel_size"] == {"width": 272, "height": 354}
    assert seen["window"]["cohort"] == "grade_one_entrant"
    assert seen["photo"] is None and seen["last_attempt"] is None

    again = await stack.photo.post("/v1/parent-sessions", json=body)
    assert again.json()["code"] == "PHOTO_CAPTCHA_WRONG", "a captcha serves one sign-in"
    signed_out = await stack.photo.delete("/v1/photo-sessions/current", headers=bearer(token))
    assert signed_out.status_code == 204
    assert (await stack.photo.get("/v1/parent-session", headers=bearer(token))).status_code == 401


async def test_a_wrong_number_or_name_gets_one_answer(stack: PhotoStack) -> None:
    pupil = await pupil_on_roster(stack, "jj", "周子涵")
    unknown = await parent_sign_in(stack, "SC-NO-SUCH-NUMBER", pupil.name, new_address())
    wrong_name = await parent_sign_in(stack, pupil.local_number, "周子寒", new_address())
    assert unknown.status_code == wrong_name.status_code == 401
    assert unknown.json()["code"] == wrong_name.json()["code"] == NOT_MATCHED
    assert unknown.json()["message"] == wrong_name.json()["message"]
    assert unknown.json()["message"] == "学籍副号或学生姓名不正确，请核对后重新输入"
    wrong_captcha = await parent_sign_in(
        stack, pupil.local_number, pupil.name, new_address(), wrong_captcha=True
    )
    assert wrong_captcha.json()["code"] == "PHOTO_CAPTCHA_WRONG"
    expired_id, answer = await new_captcha(stack)
    async with stack.db.sessions() as session, session.begin():
        await session.execute(
            captchas.update().values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
            .where(captchas.c.id == expired_id)
        )  # fmt: skip
    body = {"local_number": pupil.local_number, "name": pupil.name,
            "captcha_id": expired_id, "captcha_answer": answer}  # fmt: skip
    expired = await stack.photo.post("/v1/parent-sessions", json=body)
    assert expired.json()["code"] == "PHOTO_CAPTCHA_WRONG"


async def test_a_number_locks_out_after_its_failures_from_any_address(stack: PhotoStack) -> None:
    pupil = await pupil_on_roster(stack, "jj", "黄雨桐")
    for wrong in ("黄雨同", "黄语桐"):
        response = await parent_sign_in(stack, pupil.local_number, wrong, new_address())
        assert response.json()["code"] == NOT_MATCHED
    captcha = await parent_sign_in(
        stack, pupil.local_number, pupil.name, new_address(), wrong_captcha=True
    )
    assert captcha.json()["code"] == "PHOTO_CAPTCHA_WRONG", "a wrong captcha counts too"

    failures = await _failures(stack)
    locked = await parent_sign_in(stack, pupil.local_number, pupil.name, new_address())
    _assert_locked_for_15_minutes(locked)
    assert await _failures(stack) == failures, "a locked attempt is refused and counts nothing"
    other = await pupil_on_roster(stack, "jj", "黄雨桐")  # same name, another number
    elsewhere = await parent_sign_in(stack, other.local_number, other.name, new_address())
    assert elsewhere.status_code == 201, elsewhere.text


async def test_an_address_locks_out_after_its_failures_on_any_number(stack: PhotoStack) -> None:
    address = new_address()
    for attempt in range(5):
        response = await parent_sign_in(stack, f"SC-GUESS-{attempt}", "王小明", address)
        assert response.json()["code"] == NOT_MATCHED
    pupil = await pupil_on_roster(stack, "qy", "吴思远")
    _assert_locked_for_15_minutes(
        await parent_sign_in(stack, pupil.local_number, pupil.name, address)
    )
    elsewhere = await parent_sign_in(stack, pupil.local_number, pupil.name, new_address())
    assert elsewhere.status_code == 201, elsewhere.text


async def test_forwarded_for_counts_only_behind_a_trusted_proxy(stack: PhotoStack) -> None:
    """The proxy is trusted here; a client's own X-Forwarded-For hops before it are not."""
    seen_by_proxy = new_address()
    for attempt in range(5):
        spoofed = f"{new_address()}, {seen_by_proxy}"  # the client varies the left part
        response = await parent_sign_in(stack, f"SC-SPOOF-{attempt}", "王小明", spoofed)
        assert response.json()["code"] == NOT_MATCHED
    _assert_locked_for_15_minutes(
        await parent_sign_in(stack, "SC-SPOOF-X", "王小明", f"{new_address()}, {seen_by_proxy}")
    )


async def test_a_parent_uploads_for_their_pupil_only(stack: PhotoStack) -> None:
    pupil = await pupil_on_roster(stack, "qy", "郑可欣")
    classmate = await pupil_on_roster(stack, "qy", "钱多多")
    await open_window(stack, "qy", "grade_one_entrant")
    headers = bearer(await parent_token(stack, pupil))

    stranger = await upload(stack, headers, classmate.national_number, VALID)
    assert stranger.status_code == 404 and stranger.json()["code"] == "PHOTO_PUPIL_NOT_FOUND"
    for path in ("", "/image", "/attempts"):
        seen = await stack.photo.get(f"/v1/pupils/{classmate.national_number}/photo{path}",
                                     headers=headers)  # fmt: skip
        assert seen.status_code == 404, path
    roster = await stack.photo.get(f"/v1/schools/{pupil.school.code}/photo-roster", headers=headers)
    assert roster.status_code == 404

    refused = await upload(stack, headers, pupil.national_number, jpeg(portrait(300, 354)))
    assert refused.status_code == 422
    verdict = (await stack.photo.get("/v1/parent-session", headers=headers)).json()
    assert verdict["last_attempt"]["outcome"] == "refused"
    assert verdict["last_attempt"]["refusal_codes"]

    accepted = await upload(stack, headers, pupil.national_number, VALID)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["uploader"] == "parent"
    number = pupil.national_number
    image = await stack.photo.get(f"/v1/pupils/{number}/photo/image", headers=headers)
    assert image.status_code == 200 and image.content == VALID
    view = (await stack.photo.get("/v1/parent-session", headers=headers)).json()
    assert view["photo"]["id"] == accepted.json()["id"]
    assert view["last_attempt"]["outcome"] == "accepted"
    attempts = await stack.photo.get(
        f"/v1/pupils/{pupil.national_number}/photo/attempts", headers=stack.people.county("qy")
    )
    assert [a["role"] for a in attempts.json()] == ["parent", "parent"]
    assert all(pupil.name not in a["account_id"] for a in attempts.json())

    async def announced() -> bool:
        found = await photo_events(stack.settings.kafka_bootstrap, pupil.national_number)
        return any(kind == "photo.accepted" for kind, _ in found)

    await eventually(announced, within=60)
    [(_, event)] = [
        item for item in await photo_events(stack.settings.kafka_bootstrap, pupil.national_number)
        if item[0] == "photo.accepted"
    ]  # fmt: skip
    assert event.uploader == Uploader.UPLOADER_PARENT
    assert event.actor.role == "parent" and event.actor.name == "家长"
    assert event.actor.unit_code == pupil.school.code


async def test_an_unknown_or_forged_session_token_is_refused(stack: PhotoStack) -> None:
    for token in ("xjps_forged", "not-a-jwt"):
        response = await stack.photo.get("/v1/parent-session", headers=bearer(token))
        assert response.status_code == 401
    staff = await stack.photo.get("/v1/parent-session", headers=stack.people.teacher("jj"))
    assert staff.status_code == 403
