"""A school uploads for a pupil on its roster: checks, object storage, one final photo, the
photo.accepted event; the county alone reopens it."""

from __future__ import annotations

import asyncio
import hashlib
import io
from datetime import timedelta

import pytest
from PIL import Image

from tests.integration.photo.flows import (
    entrant_in_window,
    open_window,
    photo_events,
    publish,
    registered_pupil,
    set_window,
    upload,
)
from tests.integration.photo.records import school_ref, transferred_in
from tests.integration.photo.world import PhotoStack
from tests.integration.registry.builders import IdFactory
from xueji.photo.v1.photo_events_pb2 import PhotoAccepted, PhotoReopened
from xueji.photo.v1.photo_pb2 import PhotoCohort, Uploader
from xueji.registry.v1.pupil_pb2 import PupilRecord, PupilStatus
from xueji.registry.v1.stage_pb2 import Stage
from xueji_photo.windows.rule import china_today
from xueji_stack.demo.portraits import jpeg, portrait

pytestmark = pytest.mark.integration

VALID = jpeg(portrait(272, 354))


async def _photo_objects(stack: PhotoStack, national_number: str) -> list[str]:
    store = stack.photo._transport.app.state.photo_store  # type: ignore[attr-defined]
    client = store._client
    names = await asyncio.to_thread(
        lambda: [o.object_name for o in client.list_objects(store.bucket, recursive=True)]
    )
    return sorted(n for n in names if f"/{national_number}/" in n)


async def test_a_school_upload_is_stored_announced_and_final(
    stack: PhotoStack, ids: IdFactory
) -> None:
    pupil = await entrant_in_window(stack, ids, "jj")
    number = pupil["national_number"]
    teacher = stack.people.teacher("jj")
    accepted = await upload(stack, teacher, number, VALID)
    assert accepted.status_code == 201, accepted.text
    photo = accepted.json()
    assert (photo["width_px"], photo["height_px"], photo["dpi"]) == (272, 354, 300)
    assert (photo["rule_id"], photo["rule_version"]) == ("shanghai-272x354", 1)
    image = await stack.photo.get(f"/v1/pupils/{number}/photo/image", headers=teacher)
    assert image.status_code == 200 and image.content == VALID
    county = stack.people.county("jj")
    thumbnail = await stack.photo.get(f"/v1/pupils/{number}/photo/thumbnail", headers=county)
    assert thumbnail.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(thumbnail.content)).size[0] < 272
    stranger = await stack.photo.get(
        f"/v1/pupils/{number}/photo/image", headers=stack.people.registrar("wh")
    )
    assert stranger.status_code == 404

    again = await upload(stack, stack.people.registrar("jj"), number, VALID)
    assert again.status_code == 409 and again.json()["code"] == "PHOTO_ALREADY_ACCEPTED"
    attempts = await stack.photo.get(f"/v1/pupils/{number}/photo/attempts", headers=county)
    assert [a["outcome"] for a in attempts.json()] == ["already_accepted", "accepted"]

    roster = await stack.photo.get(
        f"/v1/schools/{pupil['school_code']}/photo-roster",
        params={"limit": 200}, headers=teacher,
    )  # fmt: skip
    [listed] = [p for p in roster.json()["items"] if p["national_number"] == number]
    assert listed["has_photo"] is True

    async def announced() -> list:
        return [m for k, m in await photo_events(stack.settings.kafka_bootstrap, number)
                if k == "photo.accepted"]  # fmt: skip

    events = await _eventually_some(announced)
    [event] = events
    assert isinstance(event, PhotoAccepted)
    assert event.pupil_id == pupil["id"] and event.photo_id == photo["id"]
    assert event.cohort == PhotoCohort.PHOTO_COHORT_GRADE_ONE_ENTRANT
    assert event.uploader == Uploader.UPLOADER_SCHOOL and event.actor.role == "class_teacher"
    assert event.school.code == pupil["school_code"] and event.school.name
    assert (event.rule_id, event.rule_version, event.size_bytes) == (
        "shanghai-272x354", 1, len(VALID),
    )  # fmt: skip
    assert await _photo_objects(stack, number) == sorted([event.object_key, event.thumbnail_key])


async def _eventually_some(read: object, within: float = 30.0) -> list:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        found = await read()  # type: ignore[operator]
        if found:
            return found
        await asyncio.sleep(0.5)
    raise AssertionError("no event arrived")


async def test_two_concurrent_uploads_exactly_one_wins(stack: PhotoStack, ids: IdFactory) -> None:
    pupil = await entrant_in_window(stack, ids, "qy")
    number = pupil["national_number"]
    other = jpeg(portrait(272, 354), quality=85)
    answers = await asyncio.gather(
        upload(stack, stack.people.registrar("qy"), number, VALID),
        upload(stack, stack.people.teacher("qy"), number, other),
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201, 409], [a.text for a in answers]
    [winner] = [a.json() for a in answers if a.status_code == 201]
    [loser] = [a.json() for a in answers if a.status_code == 409]
    assert loser["code"] == "PHOTO_ALREADY_ACCEPTED"
    image = await stack.photo.get(
        f"/v1/pupils/{number}/photo/image", headers=stack.people.registrar("qy")
    )
    assert hashlib.sha256(image.content).hexdigest() == winner["sha256"]
    # Only the winner's photo and thumbnail remain.
    objects = await _photo_objects(stack, number)
    assert len(objects) == 2 and all(winner["id"] in name for name in objects)


async def test_uploads_outside_the_window_name_its_dates(
    stack: PhotoStack, ids: IdFactory
) -> None:
    pupil = await registered_pupil(stack, ids, "wh", grade=2)  # missing-photo cohort
    number = pupil["national_number"]
    registrar = stack.people.registrar("wh")
    unset = await upload(stack, registrar, number, VALID)
    assert unset.status_code == 409 and unset.json()["code"] == "PHOTO_WINDOW_NOT_SET"
    today = china_today()
    city = await set_window(stack, stack.people.city("wh"), "missing_photo",
                            today - timedelta(days=60), today - timedelta(days=30))  # fmt: skip
    assert city.status_code == 200, city.text
    closed = await upload(stack, registrar, number, VALID)
    assert closed.status_code == 409 and closed.json()["code"] == "PHOTO_OUTSIDE_WINDOW"
    opens = today - timedelta(days=60)
    assert f"{opens.year}年{opens.month}月{opens.day}日" in closed.json()["message"]
    # The county's own window is nearer the school than the city's.
    await open_window(stack, "wh", "missing_photo")
    accepted = await upload(stack, registrar, number, VALID)
    assert accepted.status_code == 201, accepted.text
    school = await set_window(stack, registrar, "missing_photo", today, today)
    assert school.status_code == 403


async def test_a_refused_photo_names_its_reasons_and_is_recorded(
    stack: PhotoStack, ids: IdFactory
) -> None:
    pupil = await entrant_in_window(stack, ids, "jj")
    number = pupil["national_number"]
    refused = await upload(stack, stack.people.registrar("jj"), number, jpeg(portrait(300, 354)))
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == "PHOTO_REFUSED" and "300" in body["message"]
    codes = [r["code"] for r in body["refusals"]]
    attempts = await stack.photo.get(
        f"/v1/pupils/{number}/photo/attempts", headers=stack.people.registrar("jj")
    )
    [attempt] = attempts.json()
    assert attempt["outcome"] == "refused" and attempt["refusal_codes"] == codes
    none = await stack.photo.get(f"/v1/pupils/{number}/photo", headers=stack.people.city("jj"))
    assert none.status_code == 404 and none.json()["code"] == "PHOTO_NOT_FOUND"


async def test_only_the_county_reopens_and_then_one_new_upload_is_accepted(
    stack: PhotoStack, ids: IdFactory
) -> None:
    pupil = await entrant_in_window(stack, ids, "jj")
    number = pupil["national_number"]
    registrar = stack.people.registrar("jj")
    first = await upload(stack, registrar, number, VALID)
    assert first.status_code == 201, first.text
    url = f"/v1/pupils/{number}/photo/reopen"
    for headers in (registrar, stack.people.city("jj")):
        denied = await stack.photo.post(url, json={"reason": "照片模糊"}, headers=headers)
        assert denied.status_code == 403, denied.text
    other_county = await stack.photo.post(
        url, json={"reason": "照片模糊"}, headers=stack.people.county("qy")
    )
    assert other_county.status_code == 404
    county = stack.people.county("jj")
    blank = await stack.photo.post(url, json={"reason": "  "}, headers=county)
    assert blank.status_code == 422 and blank.json()["code"] == "PHOTO_REOPEN_REASON_REQUIRED"
    reopened = await stack.photo.post(url, json={"reason": "家长申请更换照片"}, headers=county)
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["reopen_reason"] == "家长申请更换照片"
    second = await upload(stack, registrar, number, jpeg(portrait(272, 354), quality=80))
    assert second.status_code == 201, second.text
    assert second.json()["acceptance_sequence"] > first.json()["acceptance_sequence"]
    third = await upload(stack, registrar, number, VALID)
    assert third.status_code == 409

    async def reopened_event() -> list:
        return [m for k, m in await photo_events(stack.settings.kafka_bootstrap, number)
                if k == "photo.reopened"]  # fmt: skip

    [event] = await _eventually_some(reopened_event)
    assert isinstance(event, PhotoReopened)
    assert event.reason == "家长申请更换照片" and event.actor.role == "county_officer"
    assert event.photo_id == first.json()["id"]


async def test_a_pupil_who_moves_school_keeps_the_photo(stack: PhotoStack, ids: IdFactory) -> None:
    pupil = await entrant_in_window(stack, ids, "jj")
    number = pupil["national_number"]
    assert (await upload(stack, stack.people.registrar("jj"), number, VALID)).status_code == 201
    moved = PupilRecord(
        pupil_id=pupil["id"], national_number=number, name=pupil["name"], grade=1,
        stage=Stage.STAGE_PRIMARY, status=PupilStatus.PUPIL_STATUS_ENROLLED,
        school=school_ref("qy"), record_version=1_000,
    )  # fmt: skip
    await publish(stack.settings.kafka_bootstrap, transferred_in(moved, school_ref("jj")))
    new_school = stack.people.registrar("qy")

    async def listed() -> list:
        response = await stack.photo.get(
            "/v1/schools/2151000201/photo-roster", params={"limit": 200}, headers=new_school
        )
        return [p for p in response.json()["items"] if p["national_number"] == number]

    [row] = await _eventually_some(listed)
    assert row["has_photo"] is True
    again = await upload(stack, new_school, number, VALID)
    assert again.status_code == 409


async def test_a_province_sets_a_new_rule_version(stack: PhotoStack, ids: IdFactory) -> None:
    url = "/v1/photo-rules/53"
    default = await stack.photo.get(url, headers=stack.people.registrar("wh"))
    assert default.json()["is_default"] is True
    city = stack.people.city("wh")
    denied = await stack.photo.put(url, json={"preset": "national"}, headers=city)
    assert denied.status_code == 403
    province = stack.people.province("53")
    invalid = await stack.photo.put(url, json={"rule": {"rule_id": "x"}}, headers=province)
    assert invalid.status_code == 422 and invalid.json()["code"] == "PHOTO_RULE_INVALID"
    national = await stack.photo.put(url, json={"preset": "national"}, headers=province)
    assert national.status_code == 200, national.text
    shanghai = await stack.photo.put(url, json={"preset": "shanghai"}, headers=province)
    assert (shanghai.json()["rule_id"], shanghai.json()["version"]) == ("shanghai-272x354", 3)
    assert national.json()["version"] == 2
    pupil = await entrant_in_window(stack, ids, "wh")
    accepted = await upload(stack, stack.people.registrar("wh"), pupil["national_number"], VALID)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["rule_version"] == 3
