"""Integration-test harness: a service's background loops in the test's event loop, waiting."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from datetime import timedelta
from pathlib import Path

from temporalio.client import Client

from xueji_common.auth.principal import Principal
from xueji_common.auth.tokens import TokenIssuer, generate_key_pair
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_common.runtime import BackgroundJob
from xueji_common.temporal_worker import worker_job
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.platform import Platform
from xueji_stack.ports import free_port
from xueji_stack.services import PROCESSES
from xueji_transfer.bootstrap import MIGRATIONS as TRANSFER_MIGRATIONS
from xueji_transfer.calendar.activity import CalendarActivities
from xueji_transfer.calendar.store import CalendarStore
from xueji_transfer.schema import SCHEMA as TRANSFER_SCHEMA
from xueji_transfer.worker import calendar_worker
from xueji_workflows.approval.activities import CALENDAR_TASK_QUEUE

log = logging.getLogger(__name__)

TEST_SHUTDOWN_GRACE = "2"  # seconds


# Longer than any job's own bounded stop (a worker: its grace plus 15 s; a Kafka client: 10 s
# per client); a job still running then is named and left behind, so a hang fails nothing.
JOB_STOP_SECONDS = 45.0


@contextlib.asynccontextmanager
async def running_jobs(jobs: Sequence[tuple[str, BackgroundJob]]) -> AsyncIterator[None]:
    """Start the jobs; on exit cancel them and wait, so locks and group memberships are let go."""
    tasks = {asyncio.create_task(job(), name=name): name for name, job in jobs}
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        if tasks:
            done, pending = await asyncio.wait(tasks, timeout=JOB_STOP_SECONDS)
            await asyncio.gather(*done, return_exceptions=True)
            for task in pending:
                name = tasks[task]
                log.error("job %s not stopped in %.0f s: left behind", name, JOB_STOP_SECONDS)


def settings_from(infrastructure: Infrastructure) -> dict[str, str]:
    """The infrastructure's XUEJI_* variables as settings keyword arguments; workers stopping
    at the end of a module give running activities only a moment."""
    env = {k.removeprefix("XUEJI_").lower(): v for k, v in infrastructure.env().items()}
    return {**env, "worker_shutdown_grace_seconds": TEST_SHUTDOWN_GRACE}


async def eventually(check: Callable[[], Awaitable[bool]], *, within: float = 30.0) -> None:
    """Wait for an asynchronous effect; fail (not time) when it never happens."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the expected effect did not happen within {within} s")


@contextlib.contextmanager
def demo_platform(infrastructure: Infrastructure, prefix: str) -> Iterator[Platform]:
    """`make up`'s processes and demo data on the session infrastructure, on free ports."""
    state_dir = Path(tempfile.mkdtemp(prefix=prefix))
    ports = {name: free_port() for name in PROCESSES}
    running = Platform(state_dir, infrastructure=infrastructure, service_ports=ports)
    running.start()
    try:
        yield running
    finally:
        running.stop()


def key_pair_files(directory: Path) -> tuple[Path, Path]:
    """A fresh Ed25519 token key pair written as `private.pem` and `public.pem` in `directory`."""
    private, public = generate_key_pair()
    (directory / "private.pem").write_bytes(private)
    (directory / "public.pem").write_bytes(public)
    return directory / "private.pem", directory / "public.pem"


def bearer_tokens(private_key: Path) -> Callable[[Principal], dict[str, str]]:
    """The Authorization header of a token signed for a principal, as the registry signs it."""
    issuer = TokenIssuer(private_key.read_bytes())

    def tokens(principal: Principal) -> dict[str, str]:
        return {"Authorization": f"Bearer {issuer.issue(principal)}"}

    return tokens


async def migrated_database_url(infrastructure: Infrastructure, *schemas: tuple[Path, str]) -> str:
    """The stack's database URL for SQLAlchemy, with each (migrations, schema) at head."""
    url = infrastructure.env()["XUEJI_DATABASE_URL"].replace(
        "postgresql://", "postgresql+asyncpg://", 1
    )
    for migrations, schema in schemas:
        await upgrade_to_head(migrations, url, schema)
    return url


async def calendar_queue(
    url: str, temporal: Client
) -> tuple[list[tuple[str, BackgroundJob]], Database]:
    """The transfer service's holiday calendar, seeded, and the worker of its calendar queue,
    where the other services' cases (status changes, export applications) get deadlines."""
    await upgrade_to_head(TRANSFER_MIGRATIONS, url, TRANSFER_SCHEMA)
    db = Database(url, TRANSFER_SCHEMA, pool_size=2)
    calendar = CalendarStore(db)
    await calendar.seed()
    grace = timedelta(seconds=float(TEST_SHUTDOWN_GRACE))
    worker = calendar_worker(temporal, CALENDAR_TASK_QUEUE, CalendarActivities(calendar), grace)
    return [("calendar-worker", worker_job(worker))], db
