"""A fresh registry database per measurement: migrated, with the benchmark school and classes."""

from __future__ import annotations

from bench.import_workbook import CLASSES_PER_GRADE, COUNTY_CODE, GRADES, SCHOOL_CODE
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_common.uow import UnitOfWork
from xueji_registry.bootstrap import MIGRATIONS
from xueji_registry.classes.schemas import ClassCreate
from xueji_registry.classes.service import create_class
from xueji_registry.orgs.schemas import SchoolCreate, UnitCreate
from xueji_registry.orgs.service import create_school, create_unit
from xueji_registry.schema import SCHEMA, outbox
from xueji_stack.postgres import PostgresServer

SCHOOL_PATH = ("CN", "32", "3201", COUNTY_CODE, SCHOOL_CODE)
OPERATOR = Principal(
    "bench-operator", "基准测试", Role.NATIONAL_OPERATOR, "CN", UnitKind.NATION, ("CN",)
)
REGISTRAR = Principal(
    "00000000-0000-0000-0000-00000000be01",
    "基准测试学籍管理员",
    Role.SCHOOL_REGISTRAR,
    SCHOOL_CODE,
    UnitKind.SCHOOL,
    SCHOOL_PATH,
)


async def fresh_database(postgres: PostgresServer, name: str) -> str:
    """An empty database `name` with the registry schema and the benchmark school."""
    url = postgres.recreate_database(name)
    await upgrade_to_head(MIGRATIONS, url, SCHEMA)
    db = Database(url, SCHEMA, pool_size=2)
    try:
        await _seed(db)
    finally:
        await db.dispose()
    return url


async def _seed(db: Database) -> None:
    for code, name, parent in (
        ("32", "江苏省教育厅", "CN"),
        ("3201", "南京市教育局", "32"),
        (COUNTY_CODE, "南京市玄武区教育局", "3201"),
    ):
        async with UnitOfWork(db, outbox) as uow:
            await create_unit(uow, OPERATOR, UnitCreate(code=code, name=name, parent_code=parent))
    school = SchoolCreate(
        code=SCHOOL_CODE,
        full_name="南京市玄武区基准测试学校",
        county_code=COUNTY_CODE,
        stages=["primary", "junior"],
    )
    async with UnitOfWork(db, outbox) as uow:
        await create_school(uow, OPERATOR, school)
    for grade in GRADES:
        for number in range(1, CLASSES_PER_GRADE + 1):
            async with UnitOfWork(db, outbox) as uow:
                await create_class(uow, REGISTRAR, ClassCreate(grade=grade, number=number))
