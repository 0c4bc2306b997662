"""Composition root: builds the export service's app, worker and background loops from
settings. Like the transfer service it runs as two roles: the API (with the outbox relay,
the consumers, the audit head publisher and retention, the report sweeper and the workflow
re-launcher) and the Temporal worker (the approval workflow, the file generation and the
expiry)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
from fastapi import APIRouter
from temporalio.client import Client

from xueji_common.contracts import TOPIC_ORG, TOPIC_PHOTO, TOPIC_PUPIL, TOPIC_TRANSFER
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits
from xueji_common.readiness import broker_check, database_check, s3_check, temporal_check
from xueji_common.runtime import BackgroundJob
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import ObjectStore, minio_client
from xueji_common.temporal_worker import worker_job
from xueji_export.applications.documents import BODY_LIMIT as DOCUMENT_BODY_LIMIT
from xueji_export.applications.documents import router as documents_router
from xueji_export.applications.staff import StaffDirectory
from xueji_export.applications.views import router as applications_router
from xueji_export.approval.activities import ExportActivities
from xueji_export.approval.decisions import Desk
from xueji_export.approval.generating import FileStore
from xueji_export.approval.launching import ApprovalLauncher, Queues
from xueji_export.approval.views import router as approval_router
from xueji_export.approval.worker import export_worker
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
from xueji_export.settings import API, WORKER, ExportSettings
from xueji_workflows import export_approval
from xueji_workflows.approval.activities import CALENDAR_TASK_QUEUE

MIGRATIONS = Path(__file__).parent / "migrations"
BUCKET = "xueji-exports"
READ_MODEL_CONSUMER = "export-read-model"
REGISTRY_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
QUEUES = Queues(export=export_approval.TASK_QUEUE, calendar=CALENDAR_TASK_QUEUE)


async def build(
    settings: ExportSettings,
    *,
    registry_http: httpx.AsyncClient | None = None,
    queues: Queues = QUEUES,
) -> tuple[ServiceKernel, ServiceParts]:
    """The parts of the roles `settings` names. Tests pass the registry's HTTP client (to run
    it in-process) and task queues of their own."""
    kernel = ServiceKernel(
        settings, name="export", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    storage = minio_client(settings)
    temporal = await Client.connect(
        settings.temporal_address, namespace=settings.temporal_namespace
    )
    roles = settings.role_set
    readiness = {
        "database": database_check(kernel.db),
        "temporal": temporal_check(temporal),
        "object_storage": s3_check(storage, BUCKET),
    }
    state: dict[str, object] = {"db": kernel.db, "temporal": temporal, "storage": storage}
    routers: list[APIRouter] = []
    background: list[tuple[str, BackgroundJob]] = []
    if API in roles:
        http = registry_http or httpx.AsyncClient(
            base_url=settings.registry_url, timeout=REGISTRY_TIMEOUT
        )
        launcher = ApprovalLauncher(temporal, kernel.db, queues, settings.approval_working_days)
        # The approval router before the applications router: its
        # /export-applications/inbox is not an application id.
        routers = [
            catalogue_router,
            approval_router,
            applications_router,
            documents_router,
            settings_router,
            audit_router,
            downloads_router,
            reports_router,
        ]
        readiness["broker"] = broker_check(settings.kafka_bootstrap, settings.kafka_security)
        state |= {
            "outbox": outbox,
            "document_store": ObjectStore(storage, BUCKET),
            "staff": StaffDirectory(http),
            "download_links": LinkIssuer(
                storage, BUCKET, timedelta(seconds=settings.download_link_seconds)
            ),
            "registry_reports": RegistryReports(http),
            "report_available_for": timedelta(hours=settings.report_available_hours),
            "launcher": launcher,
            "desk": Desk(temporal, launcher, kernel.db),
        }
        background += [
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
            (
                "audit-retention",
                retention_job(kernel.db, settings.audit_retention_interval_seconds),
            ),
            (
                "report-sweep",
                report_sweeper(kernel.db, storage, BUCKET, settings.report_sweep_interval_seconds),
            ),
            ("approval-relaunch", launcher.relauncher(settings.relaunch_interval_seconds)),
        ]
    if WORKER in roles:
        files = FileStore(storage, BUCKET, settings.watermark_key())
        activities = ExportActivities(kernel.db, files)
        worker = export_worker(temporal, queues.export, activities, settings.worker_shutdown_grace)
        background.append(("export-worker", worker_job(worker)))
    app = create_app(
        service="export",
        title="Xueji export 数据导出服务",
        routers=routers,
        readiness=readiness,
        token_verifier=kernel.token_verifier,
        body_limits=BodyLimits(settings.http_max_body_bytes, [DOCUMENT_BODY_LIMIT]),
        state=state,
    )
    return kernel, ServiceParts(app=app, background=background)
