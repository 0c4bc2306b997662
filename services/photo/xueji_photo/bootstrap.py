"""Composition root: builds the photo service's app and background loops from settings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from xueji_common.contracts import TOPIC_ORG, TOPIC_PUPIL, TOPIC_TRANSFER
from xueji_common.http.app import create_app
from xueji_common.http.body_limits import BodyLimits, upload_limit
from xueji_common.readiness import broker_check, database_check, s3_check
from xueji_common.service import ServiceKernel, ServiceParts
from xueji_common.storage import minio_client
from xueji_photo.cards.package import PackageStore
from xueji_photo.cards.production import CardProduction
from xueji_photo.cards.views import router as cards_router
from xueji_photo.graduation_lists.production import GraduationListProduction
from xueji_photo.graduation_lists.views import router as graduation_lists_router
from xueji_photo.parents.views import router as parents_router
from xueji_photo.province_rules.views import router as rules_router
from xueji_photo.roster.consumer import MAX_RECORDS, roster_handlers
from xueji_photo.roster.projection import RosterProjection
from xueji_photo.roster.views import router as roster_router
from xueji_photo.schema import SCHEMA, handled_events, org_units, outbox
from xueji_photo.schools.code_views import router as codes_router
from xueji_photo.schools.teacher_views import router as teachers_router
from xueji_photo.sessions.views import router as sessions_router
from xueji_photo.settings import PhotoSettings
from xueji_photo.signing_in.attempts import Throttle
from xueji_photo.uploads.pool import CheckPool
from xueji_photo.uploads.service import Uploads
from xueji_photo.uploads.storage import PHOTOS_BUCKET, PhotoStore
from xueji_photo.uploads.views import PHOTO_PATH
from xueji_photo.uploads.views import router as photos_router
from xueji_photo.windows.views import router as windows_router

MIGRATIONS = Path(__file__).parent / "migrations"
ROSTER_CONSUMER = "photo-roster"


async def build(settings: PhotoSettings) -> tuple[ServiceKernel, ServiceParts]:
    kernel = ServiceKernel(
        settings, name="photo", schema=SCHEMA, outbox=outbox, handled=handled_events
    )
    storage = minio_client(settings)
    store = PhotoStore(storage, PHOTOS_BUCKET)
    pool = CheckPool(settings.photo_check_workers)
    roster = RosterProjection(settings.five_year_primary_provinces)
    # Manifests are made from the photos and sit beside them, in the photo service's bucket.
    packages = PackageStore(storage, PHOTOS_BUCKET)
    app = create_app(
        service="photo",
        title="Xueji photo 照片采集服务",
        routers=[
            roster_router,
            photos_router,
            windows_router,
            rules_router,
            parents_router,
            codes_router,
            teachers_router,
            sessions_router,
            cards_router,
            graduation_lists_router,
        ],
        readiness={
            "database": database_check(kernel.db),
            "broker": broker_check(settings.kafka_bootstrap, settings.kafka_security),
            "object_storage": s3_check(storage, PHOTOS_BUCKET),
        },
        token_verifier=kernel.token_verifier,
        body_limits=BodyLimits(
            settings.http_max_body_bytes, [upload_limit(PHOTO_PATH, settings.photo_max_file_bytes)]
        ),
        state={
            "db": kernel.db,
            "outbox": outbox,
            "storage": storage,
            "photo_store": store,
            "orgs": org_units,
            "photo_max_file_bytes": settings.photo_max_file_bytes,
            "uploads": Uploads(kernel.db, outbox, store, pool, org_units),
            "throttle": Throttle(settings.sign_in_limits),
            "trusted_proxies": settings.trusted_proxies,
            "captcha_ttl_seconds": settings.photo_captcha_ttl_seconds,
            "session_ttl": timedelta(minutes=settings.photo_session_ttl_minutes),
            "packages": packages,
            "card_production": CardProduction(
                kernel.db, outbox, org_units, packages, settings.photo_card_batch_max_size
            ),
            "graduation_lists": GraduationListProduction(
                kernel.db, org_units, packages, settings.photo_graduation_list_max_pupils
            ),
        },
    )
    roster_events, roster_batch = roster_handlers(roster)
    background = [
        kernel.relay(),
        kernel.consumer("photo-org", [TOPIC_ORG], org_units.handlers()),
        kernel.consumer(
            ROSTER_CONSUMER,
            [TOPIC_PUPIL, TOPIC_TRANSFER],
            roster_events,
            handle_batch=roster_batch,
            max_records=MAX_RECORDS,
        ),
        ("check-pool", pool.run),
    ]
    return kernel, ServiceParts(app=app, background=background)
