"""Composition root: builds the registry's app and background loops from settings."""

from __future__ import annotations

from pathlib import Path

from temporalio.client import Client

from xueji_common.auth.tokens import TokenIssuer
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits
from xueji_common.keys import read_key
from xueji_common.readiness import broker_check, database_check, temporal_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import minio_client
from xueji_registry.accounts.views import router as accounts_router
from xueji_registry.classes.views import router as classes_router
from xueji_registry.corrections.views import router as corrections_router
from xueji_registry.evidence.store import EvidenceStore
from xueji_registry.evidence.views import BODY_LIMIT as EVIDENCE_BODY_LIMIT
from xueji_registry.evidence.views import router as evidence_router
from xueji_registry.imports.settings import ImportSettings
from xueji_registry.imports.views import body_limit as import_body_limit
from xueji_registry.imports.views import build_router as build_imports_router
from xueji_registry.orgs.views import router as orgs_router
from xueji_registry.platform_api.views import router as platform_router
from xueji_registry.pupils.views import router as pupils_router
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.registration.views import BODY_LIMITS as REGISTRATION_BODY_LIMITS
from xueji_registry.registration.views import router as registration_router
from xueji_registry.reports.monthly_views import router as monthly_reports_router
from xueji_registry.reports.schedule import keep_trying as ensure_monthly_schedule
from xueji_registry.reports.store import ReportStore
from xueji_registry.reports.views import router as reports_router
from xueji_registry.schema import SCHEMA, handled_events, outbox
from xueji_registry.settings import RegistrySettings
from xueji_registry.status_changes.flag_views import router as status_flags_router
from xueji_registry.status_changes.launching import CaseLauncher
from xueji_registry.status_changes.province_decisions import province_decisions_job
from xueji_registry.status_changes.views import router as status_changes_router
from xueji_registry.workers import report_worker, status_change_worker, worker_jobs

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(settings: RegistrySettings) -> tuple[ServiceKernel, ServiceParts]:
    kernel = ServiceKernel(
        settings, name="registry", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    private_key = read_key(settings.token_private_key_file, "TOKEN_PRIVATE_KEY_FILE")
    public_key = read_key(settings.token_public_key_file, "TOKEN_PUBLIC_KEY_FILE")
    temporal = await Client.connect(
        settings.temporal_address, namespace=settings.temporal_namespace
    )
    report_store = ReportStore(minio_client(settings))
    imports = ImportSettings()
    body_limits = BodyLimits(
        settings.http_max_body_bytes,
        [import_body_limit(imports), EVIDENCE_BODY_LIMIT, *REGISTRATION_BODY_LIMITS],
    )
    app = create_app(
        service="registry",
        title="Xueji registry 学籍注册服务",
        routers=[
            accounts_router,
            orgs_router,
            pupils_router,
            classes_router,
            registration_router,
            corrections_router,
            evidence_router,
            platform_router,
            build_imports_router(imports),
            status_changes_router,
            status_flags_router,
            monthly_reports_router,
            reports_router,
        ],
        readiness={
            "database": database_check(kernel.db),
            "broker": broker_check(settings.kafka_bootstrap, settings.kafka_security),
            "temporal": temporal_check(temporal),
        },
        token_verifier=kernel.token_verifier,
        body_limits=body_limits,
        state={
            "db": kernel.db,
            "outbox": outbox,
            "token_issuer": TokenIssuer(private_key),
            "token_public_key": public_key,
            "numbers": NumberAllocator(kernel.db),
            "evidence_store": EvidenceStore.from_settings(settings),
            "report_store": report_store,
            "temporal": temporal,
            "case_launcher": CaseLauncher(temporal, kernel.db),
        },
    )
    workers = worker_jobs(
        [
            (
                "status-change-worker",
                status_change_worker(temporal, kernel.db, outbox, settings.worker_shutdown_grace),
            ),
            (
                "report-worker",
                report_worker(
                    temporal, kernel.db, outbox, report_store, settings.worker_shutdown_grace
                ),
            ),
        ]
    )

    async def schedule() -> None:
        await ensure_monthly_schedule(temporal)

    return kernel, ServiceParts(
        app=app,
        background=[
            kernel.relay(),
            *workers,
            ("province-decisions", province_decisions_job(kernel, temporal)),
            ("monthly-report-schedule", schedule),
        ],
    )
