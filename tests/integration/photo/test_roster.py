"""The roster follows the registry's and the transfer service's events, never their tables."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.integration.harness import eventually
from tests.integration.photo.flows import publish, records_on, registered_pupil, roster_row
from tests.integration.photo.records import (
    created,
    record,
    record_moved,
    school_ref,
    transferred_in,
    updated,
)
from tests.integration.photo.world import PhotoStack
from tests.integration.registry.builders import IdFactory
from xueji_common.contracts import TOPIC_PUPIL, dlq_topic
from xueji_common.events.envelope import from_headers
from xueji_photo.bootstrap import ROSTER_CONSUMER
from xueji_photo.roster.projection import RosterProjection
from xueji_photo.roster.rebuild import rebuild_roster
from xueji_photo.schema import handled_events

pytestmark = pytest.mark.integration


async def _roster(stack: PhotoStack, school: str, headers: dict, **params: object) -> dict:
    code = stack.people.school_path(school)[-1]
    response = await stack.photo.get(
        f"/v1/schools/{code}/photo-roster", params=params, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _handled(stack: PhotoStack, event_id: str) -> bool:
    async with stack.db.sessions() as session:
        found = await session.scalar(
            select(handled_events.c.event_id).where(
                handled_events.c.event_id == event_id,
                handled_events.c.consumer.startswith(ROSTER_CONSUMER),
            )
        )
    return found is not None


async def _version(stack: PhotoStack, national_number: str, version: int) -> bool:
    row = await roster_row(stack, national_number)
    return row is not None and row["record_version"] == version


async def test_a_pupil_entered_in_the_registry_is_on_the_schools_roster(
    stack: PhotoStack, ids: IdFactory
) -> None:
    pupil = await registered_pupil(stack, ids, "jj", grade=1)
    registrar = stack.people.registrar("jj")
    page = await _roster(stack, "jj", registrar, without_photo="true", limit=200)
    [listed] = [p for p in page["items"] if p["national_number"] == pupil["national_number"]]
    assert listed == {
        "national_number": pupil["national_number"], "local_number": listed["local_number"],
        "name": pupil["name"], "grade": 1, "cohort": "grade_one_entrant", "has_photo": False,
    }  # fmt: skip
    row = await roster_row(stack, pupil["national_number"])
    assert row is not None and "id_number" not in row and row["pupil_id"] == pupil["id"]
    other_school = stack.people.registrar("qy")
    code = stack.people.school_path("jj")[-1]
    refused = await stack.photo.get(f"/v1/schools/{code}/photo-roster", headers=other_school)
    assert refused.status_code == 404
    county = await _roster(stack, "jj", stack.people.county("jj"), limit=200)
    assert pupil["national_number"] in {p["national_number"] for p in county["items"]}


async def test_graduating_primary_grade_is_the_provinces_own(stack: PhotoStack) -> None:
    fifth_here = record("jj", grade=5, version=1)  # province 51 has five primary grades
    fifth_there = record("wh", grade=5, version=1)
    for pupil in (fifth_here, fifth_there):
        await publish(stack.settings.kafka_bootstrap, created(pupil))
    await eventually(lambda: _version(stack, fifth_there.national_number, 1))
    await eventually(lambda: _version(stack, fifth_here.national_number, 1))
    assert (await roster_row(stack, fifth_here.national_number))["cohort"] == "graduating"
    assert (await roster_row(stack, fifth_there.national_number))["cohort"] == "missing_photo"


async def test_redelivered_and_stale_events_leave_the_roster_unchanged(stack: PhotoStack) -> None:
    bootstrap = stack.settings.kafka_bootstrap
    first = record("jj", grade=3, version=2)
    first_id = await publish(bootstrap, created(first))
    await eventually(lambda: _version(stack, first.national_number, 2))
    before = await roster_row(stack, first.national_number)
    same = {"pupil_id": first.pupil_id, "national_number": first.national_number}
    stale = record("qy", grade=4, version=1, **same)
    redelivered = await publish(bootstrap, created(first), event_id=first_id)
    late = await publish(bootstrap, updated(stale))
    twice = await publish(bootstrap, updated(stale))
    for event_id in (late, twice):
        await eventually(lambda event_id=event_id: _handled(stack, event_id))
    assert redelivered == first_id
    assert await roster_row(stack, first.national_number) == before
    newer = record("qy", grade=3, version=3, **same)
    await publish(bootstrap, updated(newer))
    await eventually(lambda: _version(stack, first.national_number, 3))
    assert (await roster_row(stack, first.national_number))["school_code"] == "2151000201"


async def test_a_corrupt_event_is_dead_lettered_and_the_others_applied(
    stack: PhotoStack,
) -> None:
    bootstrap = stack.settings.kafka_bootstrap
    corrupt, good = record("jj", grade=2, version=1), record("jj", grade=2, version=1)
    same_key = {"national_number": corrupt.national_number}
    after = record("jj", grade=2, version=1, **same_key)  # same partition, after the bad one
    bad_id = await publish(bootstrap, created(corrupt), payload=b"\xff\xff not protobuf")
    await publish(bootstrap, created(after))
    await publish(bootstrap, created(good))
    await eventually(lambda: _version(stack, good.national_number, 1))
    await eventually(lambda: _version(stack, after.national_number, 1))
    parked = await records_on(bootstrap, dlq_topic(TOPIC_PUPIL), corrupt.national_number)
    assert [from_headers(r.headers).id for r in parked] == [bad_id]


async def test_a_pupil_from_another_province_is_asked_for_a_photo(stack: PhotoStack) -> None:
    bootstrap = stack.settings.kafka_bootstrap
    arriving = record("jj", grade=3, version=4)
    await publish(bootstrap, transferred_in(arriving, sending=school_ref("wh")))
    await eventually(lambda: _version(stack, arriving.national_number, 4))
    assert (await roster_row(stack, arriving.national_number))["cohort"] == "transferred_in"
    # An older snapshot arriving late does not take the arrival back.
    await publish(bootstrap, updated(record("jj", grade=3, version=3, pupil_id=arriving.pupil_id,
                                            national_number=arriving.national_number)))  # fmt: skip
    local = record("jj", grade=3, version=1)
    await publish(bootstrap, created(local))
    await eventually(lambda: _version(stack, local.national_number, 1))
    assert (await roster_row(stack, local.national_number))["cohort"] == "missing_photo"
    # The transfer service's record_moved says the same of a pupil already on the roster.
    await publish(bootstrap, record_moved(local, sending=school_ref("wh")))

    async def flagged() -> bool:
        row = await roster_row(stack, local.national_number)
        return row is not None and row["cohort"] == "transferred_in"

    await eventually(flagged)
    assert (await roster_row(stack, arriving.national_number))["cohort"] == "transferred_in"


async def test_the_roster_is_rebuilt_by_replaying_the_topics(
    stack: PhotoStack, ids: IdFactory
) -> None:
    bootstrap = stack.settings.kafka_bootstrap
    moved = record("jj", grade=3, version=1)
    await publish(bootstrap, created(moved))
    await publish(bootstrap, transferred_in(
        record("qy", grade=3, version=2, pupil_id=moved.pupil_id,
               national_number=moved.national_number), sending=school_ref("wh"),
    ))  # fmt: skip
    registered = await registered_pupil(stack, ids, "qy", grade=1)
    await eventually(lambda: _version(stack, moved.national_number, 2))
    numbers = (moved.national_number, registered["national_number"])
    before = [await roster_row(stack, n) for n in numbers]
    projection = RosterProjection(stack.settings.five_year_primary_provinces)
    applied = await rebuild_roster(stack.db, projection, bootstrap)
    assert applied >= 3
    assert [await roster_row(stack, n) for n in numbers] == before
