"""School access on the real stack: the county issues a registration code, a teacher
registers with it, signs in, sees the roster and uploads; revoked codes and disabled teachers."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import select

from tests.integration.photo.access_flows import (
    ACCESS_SETTINGS,
    bearer,
    from_address,
    new_address,
    pupil_on_roster,
)
from tests.integration.photo.flows import open_window, upload
from tests.integration.photo.world import SCHOOLS, PhotoStack
from xueji_photo.schools.tables import registration_codes, teachers
from xueji_stack.demo.portraits import jpeg, portrait

pytestmark = pytest.mark.integration
PHOTO_SETTINGS = ACCESS_SETTINGS

VALID = jpeg(portrait(272, 354))
PASSWORD = "jiaoshi2026pw"


def _code_path(school: str) -> str:
    return f"/v1/schools/{SCHOOLS[school][0]}/registration-code"


async def _issue(stack: PhotoStack, school: str) -> str:
    issued = await stack.photo.post(_code_path(school), headers=stack.people.county(school))
    assert issued.status_code == 201, issued.text
    return issued.json()["registration_code"]


async def _register(stack: PhotoStack, code: str, username: str) -> httpx.Response:
    body = {"registration_code": code, "real_name": "王芳", "username": username,
            "password": PASSWORD}  # fmt: skip
    return await stack.photo.post("/v1/teacher-registrations", json=body)


async def _sign_in(stack: PhotoStack, username: str, password: str = PASSWORD) -> httpx.Response:
    body = {"username": username, "password": password}
    return await stack.photo.post(
        "/v1/teacher-sessions", json=body, headers=from_address(new_address())
    )


def _username() -> str:
    return f"wang.{uuid.uuid4().hex[:8]}"


async def test_a_teacher_registers_with_the_code_signs_in_and_uploads(stack: PhotoStack) -> None:
    code = await _issue(stack, "jj")
    async with stack.db.sessions() as session:
        stored = list(await session.scalars(select(registration_codes.c.code_hash)))
    assert code not in stored and code.replace("-", "") not in stored
    username = _username()
    registered = await _register(stack, code.lower().replace("-", " "), username.upper())
    assert registered.status_code == 201, registered.text
    teacher = registered.json()
    assert teacher["school_code"] == SCHOOLS["jj"][0] and teacher["username"] == username
    assert "password_hash" not in teacher
    async with stack.db.sessions() as session:
        hashed = await session.scalar(
            select(teachers.c.password_hash).where(teachers.c.username == username)
        )
    assert hashed is not None and hashed.startswith("$argon2id$")

    signed_in = await _sign_in(stack, username)
    assert signed_in.status_code == 201, signed_in.text
    headers = bearer(signed_in.json()["token"])
    pupil = await pupil_on_roster(stack, "jj", "孙小北")
    await open_window(stack, "jj", "grade_one_entrant")
    roster = f"/v1/schools/{SCHOOLS['jj'][0]}/photo-roster"
    missing = await stack.photo.get(roster, params={"without_photo": True, "limit": 200},
                                    headers=headers)  # fmt: skip
    assert missing.status_code == 200, missing.text
    assert pupil.national_number in {p["national_number"] for p in missing.json()["items"]}

    accepted = await upload(stack, headers, pupil.national_number, VALID)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["uploader"] == "school"
    attempts = await stack.photo.get(
        f"/v1/pupils/{pupil.national_number}/photo/attempts", headers=headers
    )
    [attempt] = attempts.json()
    assert (attempt["account_id"], attempt["role"]) == (
        f"photo-teacher:{teacher['id']}", "class_teacher",
    )  # fmt: skip
    listed = await stack.photo.get(roster, params={"limit": 200}, headers=headers)
    [row] = [p for p in listed.json()["items"] if p["national_number"] == pupil.national_number]
    assert row["has_photo"] is True
    still_missing = await stack.photo.get(
        roster, params={"without_photo": True, "limit": 200}, headers=headers
    )
    numbers = {p["national_number"] for p in still_missing.json()["items"]}
    assert pupil.national_number not in numbers

    elsewhere = await pupil_on_roster(stack, "qy", "孙小南")
    other_school = await upload(stack, headers, elsewhere.national_number, VALID)
    assert other_school.status_code == 404
    other_roster = await stack.photo.get(
        f"/v1/schools/{SCHOOLS['qy'][0]}/photo-roster", headers=headers
    )
    assert other_roster.status_code == 404


async def test_a_revoked_or_replaced_code_registers_nobody(stack: PhotoStack) -> None:
    first = await _issue(stack, "qy")
    early = _username()
    assert (await _register(stack, first, early)).status_code == 201
    second = await _issue(stack, "qy")  # revokes the first
    replaced = await _register(stack, first, _username())
    assert replaced.status_code == 422
    assert replaced.json()["code"] == "PHOTO_REGISTRATION_CODE_INVALID"
    status = await stack.photo.get(_code_path("qy"), headers=stack.people.county("qy"))
    assert status.json()["live"] is True and "registration_code" not in status.json()

    revoked = await stack.photo.delete(_code_path("qy"), headers=stack.people.county("qy"))
    assert revoked.status_code == 204
    refused = await _register(stack, second, _username())
    assert refused.json()["code"] == "PHOTO_REGISTRATION_CODE_INVALID"
    again = await stack.photo.delete(_code_path("qy"), headers=stack.people.county("qy"))
    assert again.json()["code"] == "PHOTO_REGISTRATION_CODE_NOT_ISSUED"
    status = await stack.photo.get(_code_path("qy"), headers=stack.people.county("qy"))
    assert status.json() == {"school_code": SCHOOLS["qy"][0], "live": False, "issued_at": None}
    # A teacher registered before keeps the account.
    assert (await _sign_in(stack, early)).status_code == 201


async def test_only_the_schools_county_issues_its_code(stack: PhotoStack) -> None:
    people = stack.people
    for headers, status in (
        (people.registrar("jj"), 403),
        (people.teacher("jj"), 403),
        (people.city("jj"), 403),
        (people.province("51"), 403),
        (people.county("qy"), 404),  # another county: the school is out of sight
        (people.county("wh"), 404),
    ):
        response = await stack.photo.post(_code_path("jj"), headers=headers)
        assert response.status_code == status, (response.text, status)
    code = await _issue(stack, "jj")
    username = _username()
    assert (await _register(stack, code, username)).status_code == 201
    teacher_token = (await _sign_in(stack, username)).json()["token"]
    by_teacher = await stack.photo.post(_code_path("jj"), headers=bearer(teacher_token))
    assert by_teacher.status_code == 401, "a photo session is not a registry token"


async def test_the_county_disables_a_teacher_and_their_session_stops(stack: PhotoStack) -> None:
    code = await _issue(stack, "wh")
    username = _username()
    teacher = (await _register(stack, code, username)).json()
    token = (await _sign_in(stack, username)).json()["token"]
    roster = f"/v1/schools/{SCHOOLS['wh'][0]}/photo-roster"
    assert (await stack.photo.get(roster, headers=bearer(token))).status_code == 200
    county = stack.people.county("wh")
    listed = await stack.photo.get(f"/v1/schools/{SCHOOLS['wh'][0]}/teachers", headers=county)
    assert username in {t["username"] for t in listed.json()}
    disable = f"/v1/schools/{SCHOOLS['wh'][0]}/teachers/{teacher['id']}/disable"
    assert (await stack.photo.post(disable, headers=stack.people.county("jj"))).status_code == 404
    disabled = await stack.photo.post(disable, headers=county)
    assert disabled.status_code == 200 and disabled.json()["disabled_at"] is not None
    assert (await stack.photo.get(roster, headers=bearer(token))).status_code == 401
    assert (await _sign_in(stack, username)).json()["code"] == "PHOTO_TEACHER_SIGN_IN_FAILED"


async def test_teacher_registration_and_sign_in_refusals(stack: PhotoStack) -> None:
    code = await _issue(stack, "wh")
    username = _username()
    weak = {"registration_code": code, "real_name": "王芳", "username": username,
            "password": "short"}  # fmt: skip
    refused = await stack.photo.post("/v1/teacher-registrations", json=weak)
    assert refused.json()["code"] == "PHOTO_TEACHER_PASSWORD_TOO_WEAK"
    assert (await _register(stack, code, username)).status_code == 201
    taken = await _register(stack, code, username)
    assert taken.json()["code"] == "PHOTO_TEACHER_USERNAME_TAKEN"
    async with stack.db.sessions() as session:
        rows = list(
            await session.scalars(select(teachers.c.id).where(teachers.c.username == username))
        )
    assert len(rows) == 1
    address = new_address()
    body = {"username": username, "password": "wrong-password-1"}
    for _ in range(3):
        wrong = await stack.photo.post("/v1/teacher-sessions", json=body,
                                       headers=from_address(address))  # fmt: skip
        assert wrong.json()["code"] == "PHOTO_TEACHER_SIGN_IN_FAILED"
    locked = await _sign_in(stack, username)
    assert locked.status_code == 429 and locked.json()["code"] == "PHOTO_SIGN_IN_LOCKED"
