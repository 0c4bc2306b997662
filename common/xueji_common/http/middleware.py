"""Per-request trace id, access log and request metrics."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from xueji_common.metrics import HTTP_LATENCY, HTTP_REQUESTS
from xueji_common.tracing import set_trace_id

log = logging.getLogger("xueji.access")

TRACE_HEADER = "X-Trace-Id"


def install_request_middleware(app: FastAPI, service: str) -> None:
    @app.middleware("http")
    async def observe(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        trace_id = set_trace_id(request.headers.get(TRACE_HEADER))
        started = time.perf_counter()
        response = await call_next(request)
        elapsed = time.perf_counter() - started
        route = request.scope.get("route")
        template = getattr(route, "path", "unmatched")
        HTTP_REQUESTS.labels(service, request.method, template, response.status_code).inc()
        HTTP_LATENCY.labels(service, request.method, template).observe(elapsed)
        response.headers[TRACE_HEADER] = trace_id
        if template not in ("/healthz", "/readyz", "/metrics"):
            log.info(
                "%s %s %d",
                request.method,
                request.url.path,
                response.status_code,
                extra={"duration_ms": round(elapsed * 1000, 1)},
            )
        return response
