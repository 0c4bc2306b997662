"""The stack survives crashes, refuses taken ports, and uses external servers when told to."""

from __future__ import annotations

import asyncio
import io
import signal
import socket
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from xueji_stack.broker import KafkaBroker
from xueji_stack.errors import ComponentError
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.ports import LOOPBACK, free_port, wait_for_tcp, wait_until
from xueji_stack.processes import ChildProcess, Supervisor
from xueji_stack.s3 import S3Server
from xueji_stack.topics import TRANSFER_TOPIC, dead_letter_topic

pytestmark = pytest.mark.integration


async def _produce(bootstrap: str, topic: str) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=False)
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"pupil.status_changed", key=b"G110101201001011234")
    finally:
        await producer.stop()


async def test_killed_broker_restarts_with_its_topics(state_dir: Path) -> None:
    broker = KafkaBroker(free_port(), run_dir=state_dir)
    topics = [TRANSFER_TOPIC, dead_letter_topic(TRANSFER_TOPIC)]
    await asyncio.to_thread(broker.start)
    try:
        await asyncio.to_thread(broker.create_topics, topics)
        await _produce(broker.bootstrap, TRANSFER_TOPIC)

        broker.kill()
        assert not broker.process.is_alive()
        await asyncio.to_thread(broker.restart)

        admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap)
        await admin.start()
        try:
            assert set(await admin.list_topics()) >= set(topics)
        finally:
            await admin.close()
        await _produce(broker.bootstrap, TRANSFER_TOPIC)
    finally:
        await asyncio.to_thread(broker.stop)


def test_external_database_and_s3_are_used_not_started(
    infrastructure: Infrastructure, state_dir: Path
) -> None:
    shared = infrastructure.env()
    given = {
        key: shared[key]
        for key in (
            "XUEJI_DATABASE_URL", "XUEJI_S3_ENDPOINT", "XUEJI_S3_ACCESS_KEY", "XUEJI_S3_SECRET_KEY",
        )
    }
    with Infrastructure(state_dir, fixed_ports=False, test_mode=True, environ=given) as other:
        assert (other.postgres, other.s3) == (None, None)
        assert {key: other.env()[key] for key in given} == given
        assert other.env()["XUEJI_TEMPORAL_ADDRESS"] != shared["XUEJI_TEMPORAL_ADDRESS"]
    assert not (state_dir / "postgres").exists()


def test_taken_port_is_refused_before_starting(state_dir: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind((LOOPBACK, 0))
        squatter.listen()
        broker = KafkaBroker(squatter.getsockname()[1], run_dir=state_dir)
        with pytest.raises(ComponentError) as refused:
            broker.start()
    assert (refused.value.component, refused.value.code) == ("broker", "stack.port_in_use")
    assert not broker.process.is_alive()


def test_a_server_dying_during_start_fails_with_its_log(state_dir: Path) -> None:
    doomed = ChildProcess("doomed", ["sh", "-c", "echo cannot bind; exit 3"], run_dir=state_dir)
    doomed.start()
    with pytest.raises(ComponentError) as failed:
        wait_for_tcp(LOOPBACK, free_port(), 60, component="doomed", process=doomed)
    assert failed.value.code == "stack.component_exited"
    assert "cannot bind" in failed.value.log_tail


def test_a_child_ignoring_sigterm_is_killed_after_the_timeout(state_dir: Path) -> None:
    supervisor = Supervisor(state_dir)
    stubborn = supervisor.spawn(
        "stubborn", ["sh", "-c", "trap '' TERM; echo armed-$((6*7)); exec sleep 600"],
        stop_timeout=0.5,
    )
    # Signals sent before the trap is set would meet the shell's default handler. The marker is
    # computed by the shell so that the log's header line (the command itself) cannot match it.
    wait_until(
        lambda: "armed-42" in stubborn.log_tail(), 30, component="stubborn", what="trap",
        process=stubborn,
    )
    supervisor.stop_all()
    assert stubborn.returncode == -signal.SIGKILL
    assert not stubborn.pid_path.exists()


def test_a_child_left_by_a_crashed_run_is_stopped_on_the_next_start(state_dir: Path) -> None:
    crashed_run = ChildProcess("server", ["sleep", "600"], run_dir=state_dir)
    crashed_run.start()
    next_run = ChildProcess("server", ["sleep", "600"], run_dir=state_dir)
    next_run.start()
    try:
        assert not crashed_run.is_alive()
        assert next_run.is_alive()
        assert next_run.pid_path.read_text().split()[0] == str(next_run.pid)
    finally:
        next_run.stop()



def test_s3_objects_survive_a_clean_restart(state_dir: Path) -> None:
    server = S3Server(free_port(), run_dir=state_dir / "run", snapshot_dir=state_dir / "s3")
    server.start()
    try:
        server.ensure_buckets(["xueji-photos"])
        server.client().put_object(
            "xueji-photos", "31/照片 1.jpg", io.BytesIO(b"jpeg bytes"), 10,
            content_type="image/jpeg", metadata={"pupil": "G310118201501010012"},
        )
    finally:
        server.stop()
    server.start()
    try:
        response = server.client().get_object("xueji-photos", "31/照片 1.jpg")
        assert response.read() == b"jpeg bytes"
        stat = server.client().stat_object("xueji-photos", "31/照片 1.jpg")
        assert stat.content_type == "image/jpeg"
        assert stat.metadata["x-amz-meta-pupil"] == "G310118201501010012"
    finally:
        server.stop()
