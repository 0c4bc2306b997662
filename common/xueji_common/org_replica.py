"""Each service's local copy of the organisation tree, kept from the registry's org events.

Services check scope against their own copy rather than calling the registry. Every event carries
the unit's version; an older version arriving late never overwrites a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Boolean, Column, Index, MetaData, String, Table, Text, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.common.v1.org_pb2 import OrgKind
from xueji_common.auth.principal import scope_path
from xueji_common.events.consumer import Handler
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork

_KIND_NAMES = {
    OrgKind.ORG_KIND_NATION: "nation",
    OrgKind.ORG_KIND_PROVINCE: "province",
    OrgKind.ORG_KIND_CITY: "city",
    OrgKind.ORG_KIND_COUNTY: "county",
    OrgKind.ORG_KIND_SCHOOL: "school",
}


def org_replica_table(metadata: MetaData) -> Table:
    return Table(
        "org_units",
        metadata,
        Column("code", String(10), primary_key=True),
        Column("kind", String(10), nullable=False),
        Column("name", Text, nullable=False),
        Column("parent_code", String(10), nullable=True),
        Column("scope_path", Text, nullable=False),
        Column("docking", Boolean, nullable=False, server_default="false"),
        Column("version", BigInteger, nullable=False),
        Index(
            "org_units_scope_prefix",
            "scope_path",
            postgresql_ops={"scope_path": "text_pattern_ops"},
        ),
    )


@dataclass(frozen=True)
class OrgRecord:
    code: str
    kind: str
    name: str
    parent_code: str | None
    path: tuple[str, ...]
    docking: bool

    @property
    def scope(self) -> str:
        return scope_path(self.path)

    @property
    def province_code(self) -> str | None:
        return self.path[1] if len(self.path) > 1 else None


class OrgReplica:
    def __init__(self, table: Table) -> None:
        self.table = table

    async def find(self, session: AsyncSession, code: str) -> OrgRecord | None:
        row = (await session.execute(select(self.table).where(self.table.c.code == code))).first()
        if row is None:
            return None
        return OrgRecord(
            code=row.code,
            kind=row.kind,
            name=row.name,
            parent_code=row.parent_code,
            path=tuple(row.scope_path.strip("/").split("/")),
            docking=row.docking,
        )

    async def _upsert(self, uow: UnitOfWork, values: dict[str, object]) -> None:
        statement = insert(self.table).values(**values)
        await uow.session.execute(
            statement.on_conflict_do_update(
                index_elements=[self.table.c.code],
                set_={k: statement.excluded[k] for k in values if k != "code"},
                where=self.table.c.version < statement.excluded.version,
            )
        )

    async def on_unit(self, event: IncomingEvent, uow: UnitOfWork) -> None:
        unit = event.message.unit
        await self._upsert(
            uow,
            {
                "code": unit.code,
                "kind": _KIND_NAMES[unit.kind],
                "name": unit.name,
                "parent_code": unit.parent_code or None,
                "scope_path": scope_path([*unit.path, unit.code]),
                "docking": unit.docking,
                "version": unit.version,
            },
        )

    async def on_school(self, event: IncomingEvent, uow: UnitOfWork) -> None:
        school = event.message.school
        await self._upsert(
            uow,
            {
                "code": school.school_code,
                "kind": "school",
                "name": school.full_name,
                "parent_code": school.county_code,
                "scope_path": scope_path([*school.path, school.school_code]),
                "docking": False,
                "version": school.version,
            },
        )

    def handlers(self) -> dict[str, Handler]:
        return {
            "org_unit.created": self.on_unit,
            "org_unit.updated": self.on_unit,
            "school.created": self.on_school,
            "school.updated": self.on_school,
        }
