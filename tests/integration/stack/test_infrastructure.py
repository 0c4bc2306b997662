"""Each component of the local infrastructure works for real."""

from __future__ import annotations

import asyncio
import io
import uuid
from datetime import timedelta
from pathlib import Path

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.common import SearchAttributeKey, SearchAttributePair, TypedSearchAttributes
from temporalio.worker import UnsandboxedWorkflowRunner, Worker

from xueji_stack.buckets import PHOTOS_BUCKET, XUEJI_BUCKETS
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.ports import free_port
from xueji_stack.postgres import PostgresServer
from xueji_stack.topics import TRANSFER_TOPIC, all_topics

pytestmark = pytest.mark.integration

PUPIL_NUMBER = SearchAttributeKey.for_keyword("XuejiPupilNumber")


async def test_postgres_answers_as_the_xueji_role(infrastructure: Infrastructure) -> None:
    assert infrastructure.postgres is not None
    connection = await asyncpg.connect(infrastructure.postgres.dsn())
    try:
        row = await connection.fetchrow(
            "select current_user, current_database(), current_setting('max_connections')"
        )
    finally:
        await connection.close()
    assert tuple(row) == ("xueji", "xueji", "200")


async def test_database_url_works_with_sqlalchemy(infrastructure: Infrastructure) -> None:
    engine = create_async_engine(infrastructure.env()["XUEJI_DATABASE_URL"])
    try:
        async with engine.connect() as connection:
            assert await connection.scalar(text("select 40 + 2")) == 42
    finally:
        await engine.dispose()


async def test_recreated_database_starts_empty(infrastructure: Infrastructure) -> None:
    postgres = infrastructure.postgres
    assert postgres is not None
    await asyncio.to_thread(postgres.recreate_database, "stack_scratch")
    connection = await asyncpg.connect(postgres.dsn("stack_scratch"))
    await connection.execute("create table leftover (id int)")
    await connection.close()

    url = await asyncio.to_thread(postgres.recreate_database, "stack_scratch")

    assert url.endswith("/stack_scratch")
    connection = await asyncpg.connect(postgres.dsn("stack_scratch"))
    try:
        assert await connection.fetchval("select to_regclass('leftover')") is None
    finally:
        await connection.close()


async def test_postgres_keeps_its_data_across_restarts(state_dir: Path) -> None:
    server = PostgresServer(state_dir / "data", free_port(), test_mode=True)
    await asyncio.to_thread(server.start)
    try:
        connection = await asyncpg.connect(server.dsn())
        await connection.execute("create table kept (name text); insert into kept values ('学籍')")
        await connection.close()
        await asyncio.to_thread(server.stop)
        assert not server.process.is_alive()

        await asyncio.to_thread(server.start)
        connection = await asyncpg.connect(server.dsn())
        assert await connection.fetchval("select name from kept") == "学籍"
        await connection.close()
    finally:
        await asyncio.to_thread(server.stop)


async def test_every_topic_exists_with_three_partitions(infrastructure: Infrastructure) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=infrastructure.broker.bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics(list(all_topics()))
    finally:
        await admin.close()
    assert {t["topic"]: len(t["partitions"]) for t in described} == dict.fromkeys(
        all_topics(), 3
    )


async def test_broker_delivers_what_was_produced(infrastructure: Infrastructure) -> None:
    bootstrap = infrastructure.broker.bootstrap
    payload = uuid.uuid4().bytes
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=False
    )
    await producer.start()
    try:
        sent = await producer.send_and_wait(TRANSFER_TOPIC, payload, key=b"G110101201001011234")
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        TRANSFER_TOPIC,
        bootstrap_servers=bootstrap,
        group_id=f"stack-test-{uuid.uuid4()}",
        auto_offset_reset="earliest",
        # Tansu completes a group join after half the session timeout (5 s by default).
        session_timeout_ms=2000,
        heartbeat_interval_ms=500,
    )
    await consumer.start()
    try:
        async with asyncio.timeout(60):
            received = await consumer.getone()
            while received.value != payload:
                received = await consumer.getone()
    finally:
        await consumer.stop()
    assert (received.partition, received.offset, received.key) == (
        sent.partition, sent.offset, b"G110101201001011234"
    )


@activity.defn
async def compose_greeting(name: str) -> str:
    return f"你好, {name}"


@workflow.defn
class GreetingWorkflow:
    @workflow.run
    async def run(self, name: str) -> str:
        return await workflow.execute_activity(
            compose_greeting, name, start_to_close_timeout=timedelta(seconds=30)
        )


async def test_temporal_runs_a_workflow_with_search_attributes(
    infrastructure: Infrastructure,
) -> None:
    env = infrastructure.env()
    client = await Client.connect(
        env["XUEJI_TEMPORAL_ADDRESS"], namespace=env["XUEJI_TEMPORAL_NAMESPACE"]
    )
    task_queue = f"stack-test-{uuid.uuid4()}"
    # The sandbox would re-import this module and its server clients; nothing
    # here is about determinism, so the plain runner keeps the test focused.
    async with Worker(
        client,
        task_queue=task_queue,
        workflows=[GreetingWorkflow],
        activities=[compose_greeting],
        workflow_runner=UnsandboxedWorkflowRunner(),
    ):
        handle = await client.start_workflow(
            GreetingWorkflow.run,
            "学籍",
            id=f"stack-test-{uuid.uuid4()}",
            task_queue=task_queue,
            search_attributes=TypedSearchAttributes(
                [SearchAttributePair(PUPIL_NUMBER, "G110101201001011234")]
            ),
        )
        assert await handle.result() == "你好, 学籍"
    description = await handle.describe()
    assert description.typed_search_attributes.get(PUPIL_NUMBER) == "G110101201001011234"


def test_s3_stores_and_returns_an_object(infrastructure: Infrastructure) -> None:
    assert infrastructure.s3 is not None
    client = infrastructure.s3.client()
    name = f"stack-test/{uuid.uuid4()}.jpg"
    body = b"\xff\xd8\xff\xe0 not really a portrait"

    client.put_object(PHOTOS_BUCKET, name, io.BytesIO(body), len(body), "image/jpeg")
    response = client.get_object(PHOTOS_BUCKET, name)
    try:
        assert response.read() == body
    finally:
        response.close()
        response.release_conn()
    assert {bucket.name for bucket in client.list_buckets()} >= set(XUEJI_BUCKETS)
