"""Request bodies larger than their route allows are refused before anything parses them.

FastAPI checks an upload's size only once the multipart body has been parsed, that is after
the whole body was read into memory or a spool file. This middleware stops at the declared
Content-Length, or, for a chunked body, as soon as the bytes read pass the limit. It is pure
ASGI: Starlette's BaseHTTPMiddleware would not see the body until it was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from xueji_common import errors
from xueji_common.http.problems import problem

MIB = 1024 * 1024
# Boundaries, part headers and the small form fields that travel next to an uploaded file.
MULTIPART_ENVELOPE_BYTES = 64 * 1024


@dataclass(frozen=True)
class BodyLimit:
    """The largest body a route accepts.

    `content_bytes` is the limit as the route's users know it (the file size its settings
    allow, or the JSON limit); `envelope_bytes` is what a multipart body adds around the file.
    """

    path: str  # a route template such as "/v1/imports" or "/v1/transfers/{transfer_id}/x"
    content_bytes: int
    envelope_bytes: int = 0

    @property
    def max_bytes(self) -> int:
        return self.content_bytes + self.envelope_bytes


def upload_limit(path: str, file_bytes: int) -> BodyLimit:
    """The limit of a multipart upload route whose file may have `file_bytes`."""
    return BodyLimit(path, file_bytes, MULTIPART_ENVELOPE_BYTES)


class BodyLimits:
    """A default for every route (JSON bodies) and larger limits for the routes declared."""

    def __init__(self, default_bytes: int, routes: Iterable[BodyLimit] = ()) -> None:
        if default_bytes <= 0:
            raise ValueError("the default body limit must be positive")
        self.default = BodyLimit("*", default_bytes)
        self._routes: list[tuple[re.Pattern[str], BodyLimit]] = []
        for limit in routes:
            if limit.max_bytes <= 0:
                raise ValueError(f"the body limit of {limit.path} must be positive")
            pattern, _, _ = compile_path(limit.path)
            self._routes.append((pattern, limit))

    def for_path(self, path: str) -> BodyLimit:
        for pattern, limit in self._routes:
            if pattern.match(path):
                return limit
        return self.default


def size_text(size: int) -> str:
    """A size as people read it: "50 MB", "1.5 MB", "64 KB", "900 字节"."""
    if size >= MIB:
        return f"{round(size / MIB, 1):g} MB"
    if size >= 1024:
        return f"{round(size / 1024, 1):g} KB"
    return f"{size} 字节"


class RequestBodyTooLarge(Exception):
    """Raised into the application when a streamed body passes its limit."""


class _Guard:
    """Counts the body bytes the application reads and holds back its answer once over."""

    def __init__(self, receive: Receive, send: Send, max_bytes: int) -> None:
        self._receive = receive
        self._send = send
        self._max_bytes = max_bytes
        self.received = 0
        self.exceeded = False
        self.response_started = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self._max_bytes:
                self.exceeded = True
                raise RequestBodyTooLarge(f"request body passed {self._max_bytes} bytes")
        return message

    async def send(self, message: Message) -> None:
        # Whatever the application answers to the aborted read (FastAPI makes it a 400) is
        # replaced by the 413, unless it had already started answering.
        if self.exceeded and not self.response_started:
            return
        if message["type"] == "http.response.start":
            self.response_started = True
        await self._send(message)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the server rejects it; the streamed count still applies
    return None


async def _refuse(limit: BodyLimit, scope: Scope, receive: Receive, send: Send) -> None:
    error = errors.REQUEST_TOO_LARGE
    response = problem(
        error,
        message=f"{error.message}：本接口最多接受 {size_text(limit.content_bytes)}",
        extra={"limit_bytes": limit.max_bytes},
    )
    # The unread body is not drained: the server closes the connection after this answer.
    response.headers["Connection"] = "close"
    await response(scope, receive, send)


class RequestBodyLimit:
    """ASGI middleware refusing bodies over their route's limit with 413 problem+json."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope["path"])
        declared = _declared_length(scope)
        if declared is not None and declared > limit.max_bytes:
            await _refuse(limit, scope, receive, send)
            return
        guard = _Guard(receive, send, limit.max_bytes)
        try:
            await self.app(scope, guard.receive, guard.send)
        except Exception:
            if not guard.exceeded or guard.response_started:
                raise
        if guard.exceeded and not guard.response_started:
            await _refuse(limit, scope, receive, send)
