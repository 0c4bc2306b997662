"""Composition root: builds the transfer service's app, workers and loops from settings."""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi import APIRouter
from temporalio.client import Client

from xueji_common.contracts import TOPIC_ORG, province_inbound_topic
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits
from xueji_common.readiness import broker_check, database_check, s3_check, temporal_check
from xueji_common.runtime import BackgroundJob
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import minio_client
from xueji_common.temporal_worker import worker_job
from xueji_transfer.activities import TransferActivities
from xueji_transfer.calendar.activity import CalendarActivities
from xueji_transfer.calendar.store import CalendarStore
from xueji_transfer.calendar.views import router as calendar_router
from xueji_transfer.events.inbound import ProvinceDecisions
from xueji_transfer.evidence.store import EVIDENCE_BUCKET, EvidenceStore
from xueji_transfer.evidence.views import BODY_LIMIT as EVIDENCE_BODY_LIMIT
from xueji_transfer.evidence.views import router as evidence_router
from xueji_transfer.registry_client import RegistryClient
from xueji_transfer.schema import SCHEMA, handled_events, org_units, outbox
from xueji_transfer.settings import API, WORKER, TransferSettings
from xueji_transfer.transfers.starting import Filing
from xueji_transfer.transfers.views import router as transfers_router
from xueji_transfer.worker import TaskQueues, calendar_worker, transfer_worker

MIGRATIONS = Path(__file__).parent / "migrations"
REGISTRY_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


async def build(
    settings: TransferSettings,
    *,
    registry_http: httpx.AsyncClient | None = None,
    task_queues: TaskQueues | None = None,
) -> tuple[ServiceKernel, ServiceParts]:
    """The parts of the roles `settings` names. Tests replace the registry's HTTP client (to run
    it in-process) and the task queues."""
    queues = task_queues or TaskQueues()
    kernel = ServiceKernel(
        settings, name="transfer", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    temporal = await Client.connect(
        settings.temporal_address, namespace=settings.temporal_namespace
    )
    http = registry_http or httpx.AsyncClient(
        base_url=settings.registry_url, timeout=REGISTRY_TIMEOUT
    )
    registry = RegistryClient(http, settings.registry_username, settings.registry_password)
    calendar = CalendarStore(kernel.db)
    roles = settings.role_set
    readiness = {"database": database_check(kernel.db), "temporal": temporal_check(temporal)}
    state: dict[str, object] = {"db": kernel.db, "temporal": temporal, "calendar": calendar}
    routers: list[APIRouter] = []
    background: list[tuple[str, BackgroundJob]] = []
    if API in roles:
        minio = minio_client(settings)
        routers = [transfers_router, calendar_router, evidence_router]
        readiness |= {
            "broker": broker_check(settings.kafka_bootstrap, settings.kafka_security),
            "s3": s3_check(minio, EVIDENCE_BUCKET),
        }
        state |= {
            "outbox": outbox,
            "evidence_store": EvidenceStore(minio),
            "filing": Filing(
                db=kernel.db,
                registry=registry,
                temporal=temporal,
                task_queue=queues.transfer,
                docking_provinces=settings.docking_province_codes,
            ),
        }
        background += _api_jobs(kernel, settings, temporal, calendar)
    if WORKER in roles:
        activities = TransferActivities(kernel.db, registry)
        deadlines = CalendarActivities(calendar)
        grace = settings.worker_shutdown_grace
        transfers = transfer_worker(temporal, queues.transfer, activities, deadlines, grace)
        background += [
            ("transfer-worker", worker_job(transfers)),
            (
                "calendar-worker",
                worker_job(calendar_worker(temporal, queues.calendar, deadlines, grace)),
            ),
        ]
    app = create_app(
        service="transfer",
        title="Xueji transfer 转学服务",
        routers=routers,
        readiness=readiness,
        token_verifier=kernel.token_verifier,
        body_limits=BodyLimits(settings.http_max_body_bytes, [EVIDENCE_BODY_LIMIT]),
        state=state,
    )
    return kernel, ServiceParts(app=app, background=background)


def _api_jobs(
    kernel: ServiceKernel, settings: TransferSettings, temporal: Client, calendar: CalendarStore
) -> list[tuple[str, BackgroundJob]]:
    """The loops beside the API: calendar seeding, the outbox relay, the consumers."""
    decisions = ProvinceDecisions(kernel.db, temporal)
    return [
        ("calendar-seed", calendar.seed),
        kernel.relay(),
        kernel.consumer("transfer-org", [TOPIC_ORG], org_units.handlers()),
        *(
            kernel.consumer(
                f"transfer-province-{code}",
                [province_inbound_topic(code)],
                {"province.decision": decisions.handler(code)},
            )
            for code in settings.docking_province_codes
        ),
    ]
