"""Grade-1 card batches in acceptance order on the real stack: members, the manifest zip in
object storage, card_batch.produced on the topic; concurrent batches never share a pupil; a
re-accepted photo is a reprint; the graduation list names the pupils still without a photo."""

from __future__ import annotations

import asyncio
import hashlib
import io
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from tests.integration.photo.card_world import GUANDU, SCHOOL_CODE, CardWorld, build_card_world
from tests.integration.photo.flows import photo_events
from tests.integration.photo.world import PhotoStack
from tests.integration.registry.builders import IdFactory
from xueji.photo.v1.photo_events_pb2 import CardBatchProduced
from xueji.photo.v1.photo_pb2 import CardKind

pytestmark = pytest.mark.integration

COUNTY_CODE = GUANDU[-1]
BATCHES = f"/v1/units/{COUNTY_CODE}/card-batches"


@pytest.fixture(scope="module")
async def world(stack: PhotoStack, ids: IdFactory) -> CardWorld:
    return await build_card_world(stack, ids)


async def _zip(world: CardWorld, url: str, headers: dict[str, str]) -> zipfile.ZipFile:
    response = await world.stack.photo.get(url, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def _sheet(package: zipfile.ZipFile, workbook: str, sheet: int = 0) -> list[list[object]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(package.read(workbook)))
    return book.get_sheet_by_index(sheet).to_python()


async def _produced_event(world: CardWorld, batch_id: str) -> CardBatchProduced:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while loop.time() < deadline:
        found = await photo_events(world.stack.settings.kafka_bootstrap, batch_id)
        if found:
            [(kind, message)] = found
            assert kind == "card_batch.produced"
            assert isinstance(message, CardBatchProduced)
            return message
        await asyncio.sleep(0.5)
    raise AssertionError("card_batch.produced never arrived")


async def _drain(world: CardWorld) -> None:
    """Cards for whatever an earlier test left uncarded, so each test starts from none."""
    response = await world.stack.photo.post(BATCHES, json={}, headers=world.county)
    assert response.status_code in (201, 409), response.text


async def test_two_batches_take_the_photos_in_acceptance_order(world: CardWorld) -> None:
    await _drain(world)
    numbers = [await world.pupil(grade=1) for _ in range(5)]
    accepted = [await world.accept(n, quality=95 - 3 * i) for i, n in enumerate(numbers)]
    first = await world.stack.photo.post(BATCHES, json={"size": 3}, headers=world.county)
    assert first.status_code == 201, first.text
    second = await world.stack.photo.post(BATCHES, json={"size": 3}, headers=world.county)
    assert second.status_code == 201, second.text
    one, two = first.json(), second.json()
    assert [m["national_number"] for m in one["members"]] == numbers[:3]
    assert [m["national_number"] for m in two["members"]] == numbers[3:]
    assert two["batch_number"] == one["batch_number"] + 1
    assert one["first_sequence"] == accepted[0]["acceptance_sequence"]
    assert two["last_sequence"] == accepted[4]["acceptance_sequence"]
    empty = await world.stack.photo.post(BATCHES, headers=world.county)  # no body: the limit
    assert empty.status_code == 409 and empty.json()["code"] == "PHOTO_CARD_BATCH_EMPTY"

    url = f"/v1/card-batches/{one['id']}/manifest"
    school_staff = await world.stack.photo.get(url, headers=world.registrar)
    assert school_staff.status_code == 404  # the county's batch, not the school's
    package = await _zip(world, url, world.county)
    rows = _sheet(package, "电子学生证制作清单.xlsx")
    assert rows[0][:3] == ["序号", "全国学籍号", "姓名"]
    assert [r[1] for r in rows[1:]] == numbers[:3]
    assert [r[6] for r in rows[1:]] == [a["acceptance_sequence"] for a in accepted[:3]]
    assert all(r[4] == "昆明市官渡区制证测试小学" and r[8] == "否" for r in rows[1:])
    for row, photo in zip(rows[1:], accepted[:3], strict=True):
        assert hashlib.sha256(package.read(str(row[7]))).hexdigest() == photo["sha256"]
    assert len(package.namelist()) == 4

    event = await _produced_event(world, one["id"])
    assert event.kind == CardKind.CARD_KIND_STUDENT_CARD
    assert list(event.pupil_national_numbers) == numbers[:3]
    assert (event.first_sequence, event.last_sequence) == (one["first_sequence"],
                                                           one["last_sequence"])  # fmt: skip
    assert event.scope.code == COUNTY_CODE and event.actor.role == "county_officer"

    listed = await world.stack.photo.get(BATCHES, headers=world.county)
    assert [b["id"] for b in listed.json()][:2] == [two["id"], one["id"]]


async def test_who_may_produce_and_read_batches(world: CardWorld) -> None:
    own_school = f"/v1/units/{SCHOOL_CODE}/card-batches"
    denied = await world.stack.photo.post(own_school, json={}, headers=world.registrar)
    assert denied.status_code == 403
    above = await world.stack.photo.post(BATCHES, json={}, headers=world.registrar)
    assert above.status_code == 404
    stranger = world.stack.people.county("jj")
    hidden = await world.stack.photo.post(BATCHES, json={}, headers=stranger)
    assert hidden.status_code == 404 and hidden.json()["code"] == "PHOTO_UNIT_NOT_FOUND"
    too_big = await world.stack.photo.post(BATCHES, json={"size": 501}, headers=world.county)
    assert too_big.status_code == 422
    assert too_big.json()["code"] == "PHOTO_CARD_BATCH_SIZE_INVALID"


async def test_concurrent_batches_of_overlapping_units_share_no_pupil(world: CardWorld) -> None:
    await _drain(world)
    numbers = [await world.pupil(grade=1) for _ in range(6)]
    for number in numbers:
        await world.accept(number)
    answers = await asyncio.gather(
        world.stack.photo.post(BATCHES, json={"size": 4}, headers=world.county),
        world.stack.photo.post(
            f"/v1/units/{SCHOOL_CODE}/card-batches", json={"size": 4}, headers=world.county
        ),
    )
    assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
    members = [[m["national_number"] for m in a.json()["members"]] for a in answers]
    assert sorted(len(m) for m in members) == [2, 4]
    assert not set(members[0]) & set(members[1])
    assert sorted(members[0] + members[1]) == sorted(numbers)
    earlier, later = sorted(members, key=len, reverse=True)
    assert earlier + later == numbers  # the batch that went first took the oldest photos


async def test_a_reopened_and_reaccepted_photo_is_carded_again_as_a_reprint(
    world: CardWorld,
) -> None:
    await _drain(world)
    number = await world.pupil(grade=1)
    await world.accept(number)
    first = await world.stack.photo.post(BATCHES, json={}, headers=world.county)
    assert [m["reprint"] for m in first.json()["members"]] == [False]
    reopened = await world.stack.photo.post(
        f"/v1/pupils/{number}/photo/reopen", json={"reason": "照片有误"}, headers=world.county
    )
    assert reopened.status_code == 200, reopened.text
    nothing = await world.stack.photo.post(BATCHES, json={}, headers=world.county)
    assert nothing.status_code == 409  # a reopened photo waits for its replacement
    await world.accept(number, quality=82)
    reprint = await world.stack.photo.post(BATCHES, json={}, headers=world.county)
    assert reprint.status_code == 201, reprint.text
    [member] = reprint.json()["members"]
    assert (member["national_number"], member["reprint"]) == (number, True)
    manifest = f"/v1/card-batches/{reprint.json()['id']}/manifest"
    rows = _sheet(await _zip(world, manifest, world.county), "电子学生证制作清单.xlsx")
    assert rows[1][8] == "是"


async def test_the_graduation_list_names_the_pupils_without_a_photo(world: CardWorld) -> None:
    photographed = [await world.pupil(grade=6) for _ in range(2)]
    missing = await world.pupil(grade=6)
    accepted = [await world.accept(n) for n in photographed]
    url = f"/v1/units/{SCHOOL_CODE}/graduation-lists"
    denied = await world.stack.photo.post(url, json={"stage": "primary"}, headers=world.registrar)
    assert denied.status_code == 403
    wrong = await world.stack.photo.post(url, json={"stage": "college"}, headers=world.county)
    assert wrong.status_code == 422 and wrong.json()["code"] == "PHOTO_GRADUATION_STAGE_INVALID"
    made = await world.stack.photo.post(url, json={"stage": "primary"}, headers=world.county)
    assert made.status_code == 201, made.text
    assert (made.json()["with_photo"], made.json()["missing_photo"]) == (2, 1)
    lists = await world.stack.photo.get(url, headers=world.registrar)
    assert [item["id"] for item in lists.json()] == [made.json()["id"]]

    package = await _zip(world, f"/v1/graduation-lists/{made.json()['id']}/file", world.registrar)
    with_photo = _sheet(package, "毕业证书照片名单.xlsx", 0)
    assert sorted(r[1] for r in with_photo[1:]) == sorted(photographed)
    by_number = {a["pupil_national_number"]: a["sha256"] for a in accepted}
    for row in with_photo[1:]:
        assert hashlib.sha256(package.read(str(row[7]))).hexdigest() == by_number[row[1]]
    assert [r[1] for r in _sheet(package, "毕业证书照片名单.xlsx", 1)[1:]] == [missing]
    stranger = await world.stack.photo.get(
        f"/v1/graduation-lists/{made.json()['id']}/file", headers=world.stack.people.county("jj")
    )
    assert stranger.status_code == 404
