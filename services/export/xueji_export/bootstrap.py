"""Composition root: builds the export service's app and background loops from settings."""

from __future__ import annotations

from pathlib import Path

from xueji_common.contracts import TOPIC_ORG
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits
from xueji_common.readiness import broker_check, database_check, s3_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import minio_client
from xueji_export.schema import SCHEMA, handled_events, org_units, outbox
from xueji_export.settings import ExportSettings

MIGRATIONS = Path(__file__).parent / "migrations"
BUCKET = "xueji-exports"


async def build(settings: ExportSettings) -> tuple[ServiceKernel, ServiceParts]:
    kernel = ServiceKernel(
        settings, name="export", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    storage = minio_client(settings)
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
        # No upload routes yet: every body is an ordinary JSON one.
        body_limits=BodyLimits(settings.http_max_body_bytes),
        state={"db": kernel.db, "outbox": outbox, "storage": storage},
    )
    background = [kernel.relay(), kernel.consumer("export-org", [TOPIC_ORG], org_units.handlers())]
    return kernel, ServiceParts(app=app, background=background)
