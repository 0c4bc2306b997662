"""The Temporal development server (`temporal server start-dev`) with our search attributes."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from temporalio.api.operatorservice.v1 import ListSearchAttributesRequest
from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest
from temporalio.client import Client
from temporalio.service import RPCError

from xueji_stack.errors import ComponentError
from xueji_stack.ports import LOOPBACK, ensure_port_free
from xueji_stack.processes import ChildProcess
from xueji_stack.search_attributes import XUEJI_SEARCH_ATTRIBUTES
from xueji_stack.sync_bridge import run_coroutine

COMPONENT = "temporal"
NAMESPACE = "default"
_START_TIMEOUT = 30.0
_POLL_SECONDS = 0.1


def temporal_binary() -> Path:
    """The Temporal CLI installed next to the running interpreter (.venv/bin/temporal)."""
    return Path(sys.executable).parent / "temporal"


class TemporalDevServer:
    """A dev server persisting to `db_file`; `ui_port=None` runs it without the web UI.

    Search attributes (name -> type, e.g. "Keyword") are registered at launch by
    the server itself; registering again on a reused db file is harmless.
    """

    def __init__(
        self,
        db_file: Path,
        port: int = 7233,
        ui_port: int | None = 8233,
        *,
        search_attributes: Mapping[str, str] = XUEJI_SEARCH_ATTRIBUTES,
        run_dir: Path | None = None,
    ) -> None:
        self.db_file = db_file
        self.port = port
        self.ui_port = ui_port
        self.search_attributes = dict(search_attributes)
        ui = ["--ui-port", str(ui_port)] if ui_port is not None else ["--headless"]
        registrations = [
            arg
            for name, kind in self.search_attributes.items()
            for arg in ("--search-attribute", f"{name}={kind}")
        ]
        self._process = ChildProcess(
            COMPONENT,
            [
                temporal_binary(),
                "server",
                "start-dev",
                "--db-filename",
                db_file,
                "--ip",
                LOOPBACK,
                "--port",
                str(port),
                *ui,
                "--namespace",
                NAMESPACE,
                "--log-level",
                "warn",
                *registrations,
            ],
            run_dir=run_dir or db_file.parent,
            stop_timeout=15.0,
        )

    @property
    def address(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    @property
    def namespace(self) -> str:
        return NAMESPACE

    @property
    def ui_url(self) -> str | None:
        return f"http://{LOOPBACK}:{self.ui_port}" if self.ui_port is not None else None

    @property
    def process(self) -> ChildProcess:
        return self._process

    def start(self) -> None:
        if self._process.is_alive():
            return
        self.db_file.parent.mkdir(parents=True, exist_ok=True)
        self._process.stop_stale()
        ensure_port_free(self.port, component=COMPONENT)
        if self.ui_port is not None:
            ensure_port_free(self.ui_port, component=f"{COMPONENT}-ui")
        self._process.start()
        run_coroutine(self._wait_ready)

    def stop(self) -> None:
        self._process.stop()

    async def _wait_ready(self) -> None:
        """Ready means the namespace answers and every search attribute is registered."""
        deadline = time.monotonic() + _START_TIMEOUT
        while True:
            try:
                client = await Client.connect(self.address, namespace=NAMESPACE)
                await client.workflow_service.describe_namespace(
                    DescribeNamespaceRequest(namespace=NAMESPACE)
                )
                listed = await client.operator_service.list_search_attributes(
                    ListSearchAttributesRequest(namespace=NAMESPACE)
                )
                break
            except (RuntimeError, RPCError):
                self._check_still_starting(deadline)
                await asyncio.sleep(_POLL_SECONDS)
        missing = sorted(set(self.search_attributes) - set(listed.custom_attributes))
        if missing:
            raise ComponentError(
                COMPONENT,
                "stack.temporal_search_attributes_missing",
                f"搜索属性未注册: {', '.join(missing)}",
                self._process.log_tail(),
            )

    def _check_still_starting(self, deadline: float) -> None:
        if not self._process.is_alive():
            raise ComponentError(
                COMPONENT,
                "stack.component_exited",
                f"进程在就绪前退出 ({self.address})",
                self._process.log_tail(),
            )
        if time.monotonic() > deadline:
            raise ComponentError(
                COMPONENT,
                "stack.component_not_ready",
                f"{_START_TIMEOUT:g} 秒内未就绪 ({self.address})",
                self._process.log_tail(),
            )
