"""The whole local platform: infrastructure, the four services, the console, and the demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import TracebackType

from xueji_common.db import Database
from xueji_registry.schema import SCHEMA as REGISTRY_SCHEMA
from xueji_stack.demo.exports import DemoExport, seed_demo_exports
from xueji_stack.demo.photos import DemoPhotos, seed_demo_photos
from xueji_stack.demo.registry import DEMO_PASSWORD, DemoLogin, seed_demo
from xueji_stack.demo.transfers import DemoTransfer, seed_demo_transfers
from xueji_stack.infrastructure import DATABASE_URL, Infrastructure
from xueji_stack.keys import (
    ensure_console_session_key,
    ensure_service_password,
    ensure_token_keys,
    ensure_watermark_key,
)
from xueji_stack.processes import Supervisor
from xueji_stack.services import ServiceSpec, service_specs, start_services

DOCKING_PROVINCES = ("37",)
TRANSFER_SERVICE_ACCOUNT = "svc.transfer"


class Platform:
    """`start()` brings everything up and seeds the demo; `stop()` takes it down in order."""

    def __init__(
        self,
        state_dir: Path,
        *,
        infrastructure: Infrastructure | None = None,
        service_ports: dict[str, int] | None = None,
    ) -> None:
        """Runs on `infrastructure` when given (tests), else starts its own on fixed ports."""
        self.state_dir = state_dir
        self._owns_infrastructure = infrastructure is None
        self.infrastructure = infrastructure or Infrastructure(
            state_dir, fixed_ports=True, test_mode=False, docking_provinces=DOCKING_PROVINCES
        )
        self.services: list[ServiceSpec] = service_specs(service_ports)
        self.supervisor = Supervisor(state_dir / "run")
        self.logins: list[DemoLogin] = []
        self.demo_transfers: list[DemoTransfer] = []
        self.demo_photos: DemoPhotos | None = None
        self.demo_export: DemoExport | None = None

    def env(self) -> dict[str, str]:
        private, public = ensure_token_keys(self.state_dir)
        urls = self.urls()
        return {
            **self.infrastructure.env(),
            "XUEJI_TOKEN_PRIVATE_KEY_FILE": str(private),
            "XUEJI_TOKEN_PUBLIC_KEY_FILE": str(public),
            "XUEJI_REGISTRY_URL": urls["registry"],
            "XUEJI_TRANSFER_URL": urls["transfer"],
            "XUEJI_PHOTO_URL": urls["photo"],
            "XUEJI_EXPORT_URL": urls["export"],
            "XUEJI_CONSOLE_SESSION_KEY_FILE": str(ensure_console_session_key(self.state_dir)),
            "XUEJI_WATERMARK_KEY_FILE": str(ensure_watermark_key(self.state_dir)),
            "XUEJI_REGISTRY_USERNAME": TRANSFER_SERVICE_ACCOUNT,
            "XUEJI_REGISTRY_PASSWORD": self._service_password(),
            "XUEJI_DOCKING_PROVINCES": ",".join(DOCKING_PROVINCES),
            # The console, on this host, names the browser's address to the photo service,
            # which counts parents' and teachers' sign-in attempts per client address.
            "XUEJI_PHOTO_TRUSTED_PROXIES": "127.0.0.1",
            # Ctrl-C stops the stack within seconds; activities cut short are retried next run.
            "XUEJI_WORKER_SHUTDOWN_GRACE_SECONDS": "5",
        }

    def urls(self) -> dict[str, str]:
        return {spec.name: spec.url for spec in self.services}

    def _service_password(self) -> str:
        return ensure_service_password(self.state_dir, TRANSFER_SERVICE_ACCOUNT)

    def start(self) -> None:
        if self._owns_infrastructure:
            self.infrastructure.start()
        try:
            start_services(self.supervisor, self.services, self.env())
            self.logins = asyncio.run(self._seed())
        except BaseException:
            self.stop()
            raise

    async def _seed(self) -> list[DemoLogin]:
        url = self.env()[DATABASE_URL].replace("postgresql://", "postgresql+asyncpg://", 1)
        db = Database(url, REGISTRY_SCHEMA, pool_size=2)
        try:
            logins = await seed_demo(db, service_password=self._service_password())
        finally:
            await db.dispose()
        services = self.urls()
        # Independent of each other, and each mostly waits on events: side by side.
        self.demo_transfers, self.demo_photos, self.demo_export = await asyncio.gather(
            seed_demo_transfers(
                database_url=url,
                transfer_url=services["transfer"],
                registry_url=services["registry"],
                kafka=self.infrastructure.broker.bootstrap,
                password=DEMO_PASSWORD,
            ),
            seed_demo_photos(
                database_url=url, photo_url=services["photo"], registry_url=services["registry"],
                password=DEMO_PASSWORD,
            ),
            seed_demo_exports(
                export_url=services["export"], registry_url=services["registry"],
                password=DEMO_PASSWORD,
            ),
        )  # fmt: skip
        return logins

    def stop(self) -> None:
        self.supervisor.stop_all()
        if self._owns_infrastructure:
            self.infrastructure.stop()

    def __enter__(self) -> Platform:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
