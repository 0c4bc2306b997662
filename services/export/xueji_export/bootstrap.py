"""Composition root: builds the export service's app and background loops from settings."""

from __future__ import annotations

from pathlib import Path

from minio import Minio

from xueji_common.contracts import TOPIC_ORG
from xueji_common.http.app import create_app
from xueji_common.readiness import broker_check, database_check, s3_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_export.schema import SCHEMA, handled_events, org_units, outbox
from xueji_export.settings import ExportSettings

MIGRATIONS = Path(__file__).parent / "migrations"
BUCKET = "xueji-exports"


async def build(settings: ExportSettings) -> tuple[ServiceKernel, ServiceParts]:
    kernel = ServiceKernel(
        settings, name="export", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    storage = Minio(
        settings.s3_endpoint.removeprefix("http://").removeprefix("https://"),
        access_key=settings.s3_access_key,
        secret_key=settings.s3_secret_key,
        secure=settings.s3_secure,
        region=settings.s3_region,
    )
    app = create_app(
        service="export",
        title="Xueji export 数据导出服务",
        routers=[],
        readiness={
            "database": database_check(kernel.db),
            "broker": broker_check(settings.kafka_bootstrap),
            "object_storage": s3_check(storage, BUCKET),
        },
        token_verifier=kernel.token_verifier,
        state={"db": kernel.db, "outbox": outbox, "storage": storage},
    )
    background = [kernel.relay(), kernel.consumer("export-org", [TOPIC_ORG], org_units.handlers())]
    return kernel, ServiceParts(app=app, background=background)
