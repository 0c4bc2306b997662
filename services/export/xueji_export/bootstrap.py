"""Composition root: builds the export service's app and background loops from settings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx

from xueji_common.contracts import TOPIC_ORG, TOPIC_PHOTO, TOPIC_PUPIL, TOPIC_TRANSFER
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits
from xueji_common.readiness import broker_check, database_check, s3_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import ObjectStore, minio_client
from xueji_export.applications.documents import BODY_LIMIT as DOCUMENT_BODY_LIMIT
from xueji_export.applications.documents import router as documents_router
from xueji_export.applications.staff import StaffDirectory
from xueji_export.applications.views import router as applications_router
from xueji_export.audit.head import head_publisher
from xueji_export.audit.retention import retention_job
from xueji_export.audit.views import router as audit_router
from xueji_export.catalogue_views import router as catalogue_router
from xueji_export.downloads.links import LinkIssuer
from xueji_export.downloads.views import router as downloads_router
from xueji_export.province_settings.views import router as settings_router
from xueji_export.read_model import projection
from xueji_export.reports.expiry import report_sweeper
from xueji_export.reports.registry import RegistryReports
from xueji_export.reports.views import router as reports_router
from xueji_export.schema import SCHEMA, handled_events, org_units, outbox
from xueji_export.settings import ExportSettings

MIGRATIONS = Path(__file__).parent / "migrations"
BUCKET = "xueji-exports"
READ_MODEL_CONSUMER = "export-read-model"
REGISTRY_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


async def build(
    settings: ExportSettings, *, registry_http: httpx.AsyncClient | None = None
) -> tuple[ServiceKernel, ServiceParts]:
    """Tests pass the registry's HTTP client to run it in-process."""
    kernel = ServiceKernel(
        settings, name="export", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    storage = minio_client(settings)
    http = registry_http or httpx.AsyncClient(
        base_url=settings.registry_url, timeout=REGISTRY_TIMEOUT
    )
    app = create_app(
        service="export",
        title="Xueji export 数据导出服务",
        routers=[
            catalogue_router,
            applications_router,
            documents_router,
            settings_router,
            audit_router,
            downloads_router,
            reports_router,
        ],
        readiness={
            "database": database_check(kernel.db),
            "broker": broker_check(settings.kafka_bootstrap),
            "object_storage": s3_check(storage, BUCKET),
        },
        token_verifier=kernel.token_verifier,
        body_limits=BodyLimits(settings.http_max_body_bytes, [DOCUMENT_BODY_LIMIT]),
        state={
            "db": kernel.db,
            "outbox": outbox,
            "storage": storage,
            "document_store": ObjectStore(storage, BUCKET),
            "staff": StaffDirectory(http),
            "download_links": LinkIssuer(
                storage, BUCKET, timedelta(seconds=settings.download_link_seconds)
            ),
            "registry_reports": RegistryReports(http),
            "report_available_for": timedelta(hours=settings.report_available_hours),
        },
    )
    background = [
        kernel.relay(),
        kernel.consumer("export-org", [TOPIC_ORG], org_units.handlers()),
        kernel.consumer(
            READ_MODEL_CONSUMER,
            [TOPIC_PUPIL, TOPIC_TRANSFER, TOPIC_PHOTO],
            projection.handlers(),
            # One transaction per fetch: one per event fell seconds behind at 500 events/s.
            handle_batch=projection.handle_batch,
        ),
        ("audit-head", head_publisher(kernel.db, settings.audit_head_interval_seconds)),
        ("audit-retention", retention_job(kernel.db, settings.audit_retention_interval_seconds)),
        (
            "report-sweep",
            report_sweeper(kernel.db, storage, BUCKET, settings.report_sweep_interval_seconds),
        ),
    ]
    return kernel, ServiceParts(app=app, background=background)
