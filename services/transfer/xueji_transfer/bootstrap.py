"""Composition root: builds the transfer service's app and background loops from settings."""

from __future__ import annotations

from pathlib import Path

from temporalio.client import Client

from xueji_common.contracts import TOPIC_ORG
from xueji_common.http.app import create_app
from xueji_common.readiness import broker_check, database_check, temporal_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_transfer.schema import SCHEMA, handled_events, org_units, outbox
from xueji_transfer.settings import TransferSettings

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(settings: TransferSettings) -> tuple[ServiceKernel, ServiceParts]:
    kernel = ServiceKernel(
        settings, name="transfer", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    temporal = await Client.connect(
        settings.temporal_address, namespace=settings.temporal_namespace
    )
    app = create_app(
        service="transfer",
        title="Xueji transfer 转学服务",
        routers=[],
        readiness={
            "database": database_check(kernel.db),
            "broker": broker_check(settings.kafka_bootstrap),
            "temporal": temporal_check(temporal),
        },
        token_verifier=kernel.token_verifier,
        state={"db": kernel.db, "outbox": outbox, "temporal": temporal},
    )
    background = [
        kernel.relay(),
        kernel.consumer("transfer-org", [TOPIC_ORG], org_units.handlers()),
    ]
    return kernel, ServiceParts(app=app, background=background)
