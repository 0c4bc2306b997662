"""Producing a unit's graduation-certificate photo list, synchronously in the request.

Bounded by `photo_graduation_list_max_pupils` (a county's graduating stage is a few thousand
pupils, seconds of photo reads); a larger unit is asked to produce per county or school. The
zip goes under the list's own key before its row commits, so a failed commit leaves only an
unreferenced object. No event: a list is a snapshot to print from, made again at will.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import insert

from xueji_common.auth.principal import Principal
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.org_replica import OrgReplica
from xueji_photo import error_codes
from xueji_photo.cards.authority import unit_for
from xueji_photo.cards.package import PackagedPhoto, PackageStore
from xueji_photo.graduation_lists.cohort import STAGES, count_graduates, graduates
from xueji_photo.graduation_lists.tables import graduation_lists
from xueji_photo.graduation_lists.workbook import WORKBOOK_NAME, graduation_workbook


def graduation_list_key(unit_code: str, list_id: uuid.UUID) -> str:
    return f"graduation-lists/{unit_code}/{list_id}.zip"


class GraduationListProduction:
    def __init__(
        self, db: Database, orgs: OrgReplica, packages: PackageStore, max_pupils: int
    ) -> None:
        self._db = db
        self._orgs = orgs
        self._packages = packages
        self._max_pupils = max_pupils

    async def produce(self, caller: Principal, unit_code: str, stage: str) -> dict:
        if stage not in STAGES:
            raise DomainError(error_codes.PHOTO_GRADUATION_STAGE_INVALID, field="stage")
        async with self._db.sessions() as session, session.begin():
            unit = await unit_for(session, self._orgs, caller, unit_code, producing=True)
            total = await count_graduates(session, unit.scope, stage)
            if total > self._max_pupils:
                raise DomainError(
                    error_codes.PHOTO_GRADUATION_LIST_TOO_LARGE,
                    detail=f"该单位毕业年级共 {total} 人，每份名单最多 {self._max_pupils} 人",
                )
            listed = await graduates(session, unit.scope, stage)
            list_id, at = uuid.uuid4(), datetime.now(UTC)
            key = graduation_list_key(unit.code, list_id)
            photos = [PackagedPhoto(g.file_name, g.object_key) for g in listed if g.object_key]
            await self._packages.put_package(
                key, WORKBOOK_NAME, graduation_workbook(listed), photos
            )
            row = {
                "id": list_id, "unit_code": unit.code, "scope_path": unit.scope, "stage": stage,
                "with_photo": len(photos), "missing_photo": len(listed) - len(photos),
                "object_key": key, "produced_by": caller.account_id, "produced_at": at,
            }  # fmt: skip
            await session.execute(insert(graduation_lists).values(row))
        return row
