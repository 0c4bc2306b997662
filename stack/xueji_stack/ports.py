"""TCP ports of the local stack: picking them, checking them, waiting for them."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

from xueji_stack.errors import ComponentError
from xueji_stack.processes import ChildProcess

LOOPBACK = "127.0.0.1"
_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class StackPorts:
    """The ports one running stack listens on."""

    postgres: int
    broker: int
    temporal: int
    temporal_ui: int
    s3: int

    @classmethod
    def fixed(cls) -> StackPorts:
        """Well-known ports for `xueji up`; Temporal keeps its defaults so its CLI needs none."""
        return cls(postgres=15432, broker=9092, temporal=7233, temporal_ui=8233, s3=9000)

    @classmethod
    def free(cls) -> StackPorts:
        """Ports nobody uses right now, for tests that must not collide with `xueji up`."""
        postgres, broker, temporal, temporal_ui, s3 = free_ports(5)
        return cls(
            postgres=postgres, broker=broker, temporal=temporal, temporal_ui=temporal_ui, s3=s3
        )


def free_port() -> int:
    """A port the kernel considers free on the loopback interface."""
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """`count` distinct free ports: all sockets stay bound until every port is picked."""
    with contextlib.ExitStack() as held:
        ports = []
        for _ in range(count):
            sock = held.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind((LOOPBACK, 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


def ensure_port_free(port: int, *, component: str) -> None:
    """Fail before starting a server whose port is taken, so we never talk to a stranger."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As servers do: connections lingering in TIME_WAIT must not count as "taken".
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, port))
        except OSError as error:
            raise ComponentError(
                component, "stack.port_in_use", f"端口 {LOOPBACK}:{port} 已被占用 ({error})"
            ) from error


def wait_for_tcp(
    host: str,
    port: int,
    timeout: float,
    *,
    component: str,
    process: ChildProcess | None = None,
) -> None:
    """Return once `host:port` accepts connections; a dead `process` fails at once."""
    wait_until(
        lambda: _accepts(host, port),
        timeout,
        component=component,
        what=f"{host}:{port}",
        process=process,
    )


def wait_until(
    ready: Callable[[], bool],
    timeout: float,
    *,
    component: str,
    what: str,
    process: ChildProcess | None = None,
) -> None:
    """Poll `ready` until it holds; fail when `process` dies or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process is not None and not process.is_alive():
            raise ComponentError(
                component,
                "stack.component_exited",
                f"进程在就绪前退出 ({what})",
                process.log_tail(),
            )
        if time.monotonic() > deadline:
            raise ComponentError(
                component,
                "stack.component_not_ready",
                f"{timeout:g} 秒内未就绪 ({what})",
                process.log_tail() if process else "",
            )
        time.sleep(_POLL_SECONDS)


def _accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False
