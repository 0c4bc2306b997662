"""The four Xueji services and the console as child processes of the local stack.

The transfer and export services run as two processes each, as in production: the API (with
the outbox relay and consumers) and the Temporal worker. The console comes last: it is ready
once the services it calls answer.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from xueji_stack.errors import ComponentError
from xueji_stack.processes import ChildProcess, Supervisor

READY_TIMEOUT = 60.0


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    module: str
    port: int
    env: Mapping[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


# Every process of the stack and its default port.
PORTS = {
    "registry": 8001,
    "transfer": 8002,
    "transfer-worker": 8012,
    "photo": 8003,
    "export": 8004,
    "export-worker": 8014,
    "console": 8005,
}
PROCESSES = tuple(PORTS)
_ROLES = {
    "transfer": {"XUEJI_ROLES": "api"},
    "transfer-worker": {"XUEJI_ROLES": "worker"},
    "export": {"XUEJI_ROLES": "api"},
    "export-worker": {"XUEJI_ROLES": "worker"},
}


def service_specs(ports: Mapping[str, int] | None = None) -> list[ServiceSpec]:
    chosen = {**PORTS, **(ports or {})}
    return [
        ServiceSpec(name, f"xueji_{name.split('-')[0]}", port, _ROLES.get(name, {}))
        for name, port in chosen.items()
    ]


def start_services(
    supervisor: Supervisor, specs: list[ServiceSpec], env: Mapping[str, str]
) -> list[ChildProcess]:
    """Start every service and return once each answers /readyz with 200."""
    children = [
        supervisor.spawn(
            f"service-{spec.name}",
            [sys.executable, "-m", spec.module],
            env={**env, **spec.env, "XUEJI_HTTP_PORT": str(spec.port)},
        )
        for spec in specs
    ]
    for spec, child in zip(specs, children, strict=True):
        wait_ready(spec, child)
    return children


def wait_ready(spec: ServiceSpec, child: ChildProcess, timeout: float = READY_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if not child.is_alive():
            raise ComponentError(
                spec.name,
                "stack.service_exited",
                f"服务 {spec.name} 启动失败，日志末尾：\n{child.log_tail()}",
            )
        try:
            response = httpx.get(f"{spec.url}/readyz", timeout=5.0)
            if response.status_code == 200:
                return
            last = response.text
        except httpx.HTTPError as exc:
            last = repr(exc)
        time.sleep(0.2)
    raise ComponentError(
        spec.name,
        "stack.service_not_ready",
        f"服务 {spec.name} 在 {timeout:.0f} 秒内未就绪：{last}",
    )
