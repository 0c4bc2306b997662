"""Steps the photo tests share: pupils from the registry or straight onto the topic, windows,
uploads, and reading the photo topic."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from google.protobuf.message import Message
from sqlalchemy import select

from tests.integration import topic_events
from tests.integration.harness import eventually
from tests.integration.photo.world import PhotoStack
from tests.integration.registry.builders import IdFactory, create_pupil, pupil_body
from xueji_common.contracts import TOPIC_PHOTO, event_type
from xueji_common.events.envelope import from_headers
from xueji_photo.roster.tables import roster_pupils
from xueji_photo.windows.rule import china_today


async def registered_pupil(stack: PhotoStack, ids: IdFactory, school: str, grade: int) -> dict:
    """A pupil the school enters in the registry; pupil.created puts them on the roster."""
    body = pupil_body(ids, grade=grade)
    created = await create_pupil(stack.registry, stack.people.registrar(school), body)
    await eventually(lambda: roster_row_exists(stack, created["national_number"]), within=60)
    return created


async def entrant_in_window(stack: PhotoStack, ids: IdFactory, school: str) -> dict:
    """A grade-1 pupil of `school` on the roster, its county's entrant window open."""
    pupil = await registered_pupil(stack, ids, school, grade=1)
    await open_window(stack, school, "grade_one_entrant")
    return pupil


async def roster_row(stack: PhotoStack, national_number: str) -> dict | None:
    async with stack.db.sessions() as session:
        row = (
            (
                await session.execute(
                    select(roster_pupils).where(roster_pupils.c.national_number == national_number)
                )
            )
            .mappings()
            .first()
        )
    return dict(row) if row is not None else None


async def roster_row_exists(stack: PhotoStack, national_number: str) -> bool:
    return await roster_row(stack, national_number) is not None


async def open_window(stack: PhotoStack, school: str, cohort: str, *, days: int = 30) -> None:
    """The school's county opens the cohort's window around today."""
    today = china_today()
    body = {
        "opens_on": (today - timedelta(days=days)).isoformat(),
        "closes_on": (today + timedelta(days=days)).isoformat(),
    }
    response = await stack.photo.put(
        f"/v1/photo-windows/{cohort}", json=body, headers=stack.people.county(school)
    )
    assert response.status_code == 200, response.text


async def set_window(
    stack: PhotoStack, headers: dict[str, str], cohort: str, opens: date, closes: date
) -> httpx.Response:
    body = {"opens_on": opens.isoformat(), "closes_on": closes.isoformat()}
    return await stack.photo.put(f"/v1/photo-windows/{cohort}", json=body, headers=headers)


async def upload(
    stack: PhotoStack, headers: dict[str, str], national_number: str, data: bytes
) -> httpx.Response:
    return await stack.photo.post(
        f"/v1/pupils/{national_number}/photo",
        files={"file": ("照片.jpg", data, "image/jpeg")},
        headers=headers,
    )


async def publish(bootstrap: str, message: Message, **options: Any) -> str:
    """An event straight onto its topic from this suite (see topic_events.publish)."""
    return await topic_events.publish(bootstrap, message, source="/xueji/photo-tests", **options)


async def records_on(bootstrap: str, topic: str, key: str) -> list[ConsumerRecord]:
    """Every record on `topic` with this key so far."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    found: list[ConsumerRecord] = []
    try:
        await consumer.topics()
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        for tp in partitions:
            # Up to the fetch's high watermark: Tansu's ListOffsets lags it after batches.
            while (watermark := consumer.highwater(tp)) is None or (
                await consumer.position(tp) < watermark
            ):
                records = (await consumer.getmany(tp, timeout_ms=1_000)).get(tp, [])
                found += [record for record in records if record.key == key.encode()]
    finally:
        await consumer.stop()
    return found


async def photo_events(bootstrap: str, key: str) -> list[tuple[str, Message]]:
    """Every event on xueji.photo.v1 with this key so far, decoded with the published contract."""
    decoded = []
    for record in await records_on(bootstrap, TOPIC_PHOTO, key):
        kind = from_headers(record.headers).type
        decoded.append((kind, event_type(kind).message.FromString(record.value)))
    return decoded
