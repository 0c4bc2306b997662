"""Composition root: builds the photo service's app and background loops from settings."""

from __future__ import annotations

from pathlib import Path

from xueji_common.contracts import TOPIC_ORG
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits
from xueji_common.readiness import broker_check, database_check, s3_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import minio_client
from xueji_photo.schema import SCHEMA, handled_events, org_units, outbox
from xueji_photo.settings import PhotoSettings

MIGRATIONS = Path(__file__).parent / "migrations"
BUCKET = "xueji-photos"


async def build(settings: PhotoSettings) -> tuple[ServiceKernel, ServiceParts]:
    kernel = ServiceKernel(
        settings, name="photo", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    storage = minio_client(settings)
    app = create_app(
        service="photo",
        title="Xueji photo 照片采集服务",
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
    background = [kernel.relay(), kernel.consumer("photo-org", [TOPIC_ORG], org_units.handlers())]
    return kernel, ServiceParts(app=app, background=background)
