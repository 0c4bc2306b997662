"""Builds a service's FastAPI application with the shared plumbing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import APIRouter, FastAPI

from xueji_common.auth.tokens import TokenVerifier
from xueji_common.http.body_limits import BodyLimits, RequestBodyLimit
from xueji_common.http.health import ReadinessCheck, health_router
from xueji_common.http.middleware import RequestObservation
from xueji_common.http.problems import install_problem_handlers


def create_app(
    *,
    service: str,
    title: str,
    routers: Sequence[APIRouter],
    readiness: Mapping[str, ReadinessCheck],
    token_verifier: TokenVerifier,
    body_limits: BodyLimits,
    lifespan: Any | None = None,
    state: Mapping[str, object] | None = None,
) -> FastAPI:
    app = FastAPI(title=title, version="1", lifespan=lifespan)
    app.state.token_verifier = token_verifier
    for key, value in (state or {}).items():
        setattr(app.state, key, value)
    install_problem_handlers(app)
    # Added first, so it runs inside the access log: refused bodies are logged and counted.
    app.add_middleware(RequestBodyLimit, limits=body_limits)
    app.add_middleware(RequestObservation, service=service)
    app.include_router(health_router(readiness))
    for router in routers:
        app.include_router(router)
    return app
