"""Composition root: the console app from its settings.

It reuses the shared request observation, body limit and health routes, not the API app
factory: that one answers errors as problem+json and publishes OpenAPI docs, and a person's
browser needs pages instead.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from xueji_common.auth.tokens import TokenVerifier
from xueji_common.http.body_limits import BodyLimits, RequestBodyLimit
from xueji_common.http.health import health_router
from xueji_common.http.middleware import RequestObservation
from xueji_common.keys import read_key
from xueji_common.settings import ENV_PREFIX, SettingsError
from xueji_console.access import require_csrf
from xueji_console.clients.calls import ServiceApi
from xueji_console.clients.export import ExportClient
from xueji_console.clients.photo import PhotoClient
from xueji_console.clients.registry import RegistryClient
from xueji_console.clients.transfer import TransferClient
from xueji_console.failures import install_failure_pages
from xueji_console.pages import (
    auth,
    calendar,
    classes,
    county_photos,
    export_audit,
    export_decisions,
    exports,
    home,
    imports,
    parent,
    photo_files,
    pupil_entry,
    pupils,
    registration,
    school_photos,
    transfer_cases,
    transfer_filing,
    transfer_overdue,
    transfers,
)
from xueji_console.parts import Console
from xueji_console.rendering import Renderer
from xueji_console.security_headers import STATIC_PREFIX, SecurityHeaders
from xueji_console.session import SessionKeys
from xueji_console.settings import ConsoleSettings
from xueji_console.unit_names import UnitNames

STATIC = Path(__file__).parent / "static"
MIN_SESSION_KEY_BYTES = 32


def session_key(path: str) -> bytes:
    try:
        key = Path(path).read_bytes().strip()
    except OSError as exc:
        raise SettingsError(
            f"{ENV_PREFIX}CONSOLE_SESSION_KEY_FILE: cannot read {path}: {exc.strerror}"
        ) from None
    if len(key) < MIN_SESSION_KEY_BYTES:
        raise SettingsError(
            f"{ENV_PREFIX}CONSOLE_SESSION_KEY_FILE: {path} holds fewer than "
            f"{MIN_SESSION_KEY_BYTES} bytes"
        )
    return key


def build(settings: ConsoleSettings) -> FastAPI:
    # httpx logs every request URL at INFO, and search URLs carry names and ID numbers.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    timeout = settings.console_api_timeout_seconds
    apis = {
        name: ServiceApi(name, url, timeout=timeout)
        for name, url in (
            ("registry", settings.registry_url),
            ("transfer", settings.transfer_url),
            ("photo", settings.photo_url),
            ("export", settings.export_url),
        )
    }
    registry = RegistryClient(apis["registry"])
    keys = SessionKeys(session_key(settings.console_session_key_file))
    unit_names = UnitNames(registry)
    console = Console(
        renderer=Renderer(keys, unit_names),
        keys=keys,
        verifier=TokenVerifier(read_key(settings.token_public_key_file, "TOKEN_PUBLIC_KEY_FILE")),
        registry=registry,
        transfer=TransferClient(apis["transfer"]),
        photo=PhotoClient(apis["photo"]),
        export=ExportClient(apis["export"]),
        unit_names=unit_names,
    )

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        for api in apis.values():
            await api.close()

    app = FastAPI(
        title="Xueji console 学籍管理控制台",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
        dependencies=[Depends(require_csrf)],
    )
    app.state.console = console
    install_failure_pages(app)
    limits = BodyLimits(settings.http_max_body_bytes, [exports.BODY_LIMIT, imports.BODY_LIMIT])
    app.add_middleware(RequestBodyLimit, limits=limits)
    app.add_middleware(RequestObservation, service="console")
    app.add_middleware(SecurityHeaders)
    app.include_router(health_router({name: api.reachable for name, api in apis.items()}))
    for router in (
        # The new pupil form before the pupil page's /pupils/{id}.
        auth.router, home.router, pupil_entry.router, pupils.router, parent.router,
        school_photos.router, county_photos.router, photo_files.router, export_audit.router,
        # The inbox's fixed path before the application page's /exports/{id}.
        export_decisions.router, exports.router,
        classes.router, imports.router, registration.router, calendar.router,
        # The fixed paths before the case page's /transfers/{id}.
        transfer_filing.router, transfer_overdue.router, transfers.router, transfer_cases.router,
    ):  # fmt: skip
        app.include_router(router)
    app.mount(STATIC_PREFIX.rstrip("/"), StaticFiles(directory=STATIC), name="static")
    return app
