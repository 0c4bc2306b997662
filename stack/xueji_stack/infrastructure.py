"""The composition of the local infrastructure: PostgreSQL, Temporal, the broker and S3."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from xueji_stack.broker import KafkaBroker
from xueji_stack.buckets import XUEJI_BUCKETS
from xueji_stack.errors import ComponentError
from xueji_stack.ports import StackPorts
from xueji_stack.postgres import PostgresServer
from xueji_stack.s3 import S3Server, ensure_buckets, s3_client
from xueji_stack.temporal import TemporalDevServer
from xueji_stack.topics import all_topics

DATABASE_URL = "XUEJI_DATABASE_URL"
KAFKA_BOOTSTRAP = "XUEJI_KAFKA_BOOTSTRAP"
TEMPORAL_ADDRESS = "XUEJI_TEMPORAL_ADDRESS"
TEMPORAL_NAMESPACE = "XUEJI_TEMPORAL_NAMESPACE"
S3_ENDPOINT = "XUEJI_S3_ENDPOINT"
S3_ACCESS_KEY = "XUEJI_S3_ACCESS_KEY"
S3_SECRET_KEY = "XUEJI_S3_SECRET_KEY"
S3_SECURE = "XUEJI_S3_SECURE"


class Infrastructure:
    """Everything the services need, started into `state_dir`.

    `start()` is synchronous: the components start concurrently in threads and
    it returns once all of them answer (topics and buckets created). `stop()`
    stops them concurrently. Both are idempotent; the object is also a context
    manager.

    - `fixed_ports`: the well-known ports of `xueji up` (`StackPorts.fixed()`),
      otherwise free ports, for tests.
    - `test_mode`: PostgreSQL without fsync, Temporal without its web UI.
    - `environ` (default `os.environ`): when it holds `XUEJI_DATABASE_URL`, that
      server is used and no PostgreSQL is started (`postgres` is None); when it
      holds `XUEJI_S3_ENDPOINT` (`host:port`, with `XUEJI_S3_ACCESS_KEY`,
      `XUEJI_S3_SECRET_KEY` and optionally `XUEJI_S3_SECURE`), that endpoint is
      used and no S3 is started (`s3` is None; buckets are still ensured there).
    - `docking_provinces`: province codes that get their inbound/outbound topics.
    """

    def __init__(
        self,
        state_dir: Path,
        *,
        fixed_ports: bool,
        test_mode: bool,
        docking_provinces: Iterable[str] = (),
        environ: Mapping[str, str] | None = None,
    ) -> None:
        environ = os.environ if environ is None else environ
        self.state_dir = state_dir
        self.run_dir = state_dir / "run"
        self.ports = StackPorts.fixed() if fixed_ports else StackPorts.free()
        self.topics = all_topics(docking_provinces)
        self.buckets = XUEJI_BUCKETS
        self.started_in: float | None = None
        self._external = {
            key: environ[key]
            for key in (DATABASE_URL, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_SECURE)
            if environ.get(key)
        }
        self.postgres = (
            None
            if DATABASE_URL in self._external
            else PostgresServer(
                state_dir / "postgres" / "data",
                self.ports.postgres,
                run_dir=self.run_dir,
                test_mode=test_mode,
            )
        )
        self.temporal = TemporalDevServer(
            state_dir / "temporal" / "temporal.db",
            self.ports.temporal,
            None if test_mode else self.ports.temporal_ui,
            run_dir=self.run_dir,
        )
        self.broker = KafkaBroker(self.ports.broker, run_dir=self.run_dir)
        self.s3 = (
            None
            if S3_ENDPOINT in self._external
            else S3Server(self.ports.s3, run_dir=self.run_dir, snapshot_dir=state_dir / "s3")
        )

    def start(self) -> None:
        began = time.monotonic()
        steps: list[Callable[[], None]] = [
            self.temporal.start,
            self._start_broker,
            self._start_s3,
        ]
        if self.postgres is not None:
            steps.append(self.postgres.start)
        errors = _run_concurrently(steps)
        if errors:
            # What did start must not outlive the failure; the start error is the one to show.
            errors += self._stop_components()
            first, *others = errors
            for other in others:
                first.add_note(str(other))
            raise first
        self.started_in = time.monotonic() - began

    def stop(self) -> None:
        errors = self._stop_components()
        if errors:
            raise errors[0]

    def env(self) -> dict[str, str]:
        """The `XUEJI_*` variables a service needs to reach this infrastructure."""
        s3 = self._s3_endpoint()
        return {
            DATABASE_URL: self.postgres.url if self.postgres else self._external[DATABASE_URL],
            KAFKA_BOOTSTRAP: self.broker.bootstrap,
            TEMPORAL_ADDRESS: self.temporal.address,
            TEMPORAL_NAMESPACE: self.temporal.namespace,
            S3_ENDPOINT: s3.endpoint,
            S3_ACCESS_KEY: s3.access_key,
            S3_SECRET_KEY: s3.secret_key,
            S3_SECURE: "true" if s3.secure else "false",
        }

    def __enter__(self) -> Infrastructure:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _stop_components(self) -> list[Exception]:
        components = [self.temporal, self.broker, self.s3, self.postgres]
        return _run_concurrently([c.stop for c in components if c is not None])

    def _start_broker(self) -> None:
        self.broker.start()
        self.broker.create_topics(self.topics)

    def _start_s3(self) -> None:
        if self.s3 is not None:
            self.s3.start()
        s3 = self._s3_endpoint()
        ensure_buckets(
            s3_client(s3.endpoint, s3.access_key, s3.secret_key, secure=s3.secure), self.buckets
        )

    def _s3_endpoint(self) -> S3Endpoint:
        if self.s3 is not None:
            return S3Endpoint(self.s3.endpoint, self.s3.access_key, self.s3.secret_key, False)
        missing = [k for k in (S3_ACCESS_KEY, S3_SECRET_KEY) if k not in self._external]
        if missing:
            raise ComponentError(
                "s3",
                "stack.s3_credentials_missing",
                f"设置了 {S3_ENDPOINT} 但缺少 {', '.join(missing)}",
            )
        return S3Endpoint(
            self._external[S3_ENDPOINT],
            self._external[S3_ACCESS_KEY],
            self._external[S3_SECRET_KEY],
            self._external.get(S3_SECURE, "").strip().lower() in {"1", "true", "yes", "on"},
        )


class S3Endpoint(NamedTuple):
    endpoint: str
    access_key: str
    secret_key: str
    secure: bool


def _run_concurrently(steps: list[Callable[[], None]]) -> list[Exception]:
    with ThreadPoolExecutor(max_workers=len(steps), thread_name_prefix="xueji-stack") as pool:
        futures = [pool.submit(step) for step in steps]
    return [error for future in futures if isinstance(error := future.exception(), Exception)]
