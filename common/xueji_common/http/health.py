"""/healthz, /readyz and /metrics."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from xueji_common.errors import DEPENDENCY_UNAVAILABLE

ReadinessCheck = Callable[[], Awaitable[None]]

CHECK_TIMEOUT_SECONDS = 3.0


def health_router(checks: Mapping[str, ReadinessCheck]) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz() -> JSONResponse:
        results: dict[str, str] = {}
        for name, check in checks.items():
            try:
                await asyncio.wait_for(check(), CHECK_TIMEOUT_SECONDS)
                results[name] = "ok"
            except Exception as exc:  # any failure means not ready; report which
                results[name] = f"unavailable: {type(exc).__name__}: {exc}"[:300]
        failing = [name for name, state in results.items() if state != "ok"]
        body = {"status": "ready" if not failing else "not_ready", "checks": results}
        if failing:
            body["failing"] = failing
            body["code"] = DEPENDENCY_UNAVAILABLE.code
            body["message"] = f"{DEPENDENCY_UNAVAILABLE.message}：" + "、".join(failing)
        return JSONResponse(body, status_code=DEPENDENCY_UNAVAILABLE.status if failing else 200)

    @router.get("/metrics")
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
