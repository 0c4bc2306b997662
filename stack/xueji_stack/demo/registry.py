"""Demo organisation tree and staff accounts for `xueji up` (idempotent).

Two provinces: Shanghai (31) uses the platform directly; Shandong (37) docks with its own
registry system (SPEC §5) and so exchanges transfer steps through events.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.accounts import service as accounts
from xueji_registry.accounts.schemas import AccountCreate
from xueji_registry.accounts.tables import accounts as accounts_table
from xueji_registry.orgs import service as orgs
from xueji_registry.orgs.schemas import SchoolCreate, UnitCreate
from xueji_registry.schema import outbox
from xueji_stack.demo.pupils import seed_demo_pupils
from xueji_stack.demo.service_account import seed_service_account

DEMO_PASSWORD = "Xueji-demo-2026"

SEEDER = Principal(
    account_id="",
    name="演示数据",
    role=Role.NATIONAL_OPERATOR,
    unit_code="CN",
    unit_kind=UnitKind.NATION,
    unit_path=("CN",),
)

# (code, name, parent, docking)
UNITS: list[tuple[str, str, str, bool]] = [
    ("31", "上海市教育委员会", "CN", False),
    ("3101", "上海市市辖区", "31", False),
    ("310118", "上海市青浦区教育局", "3101", False),
    ("310104", "上海市徐汇区教育局", "3101", False),
    ("37", "山东省教育厅", "CN", True),
    ("3708", "济宁市教育局", "37", False),
    ("370828", "金乡县教育和体育局", "3708", False),
    ("370811", "济宁市任城区教育和体育局", "3708", False),
    ("3701", "济南市教育局", "37", False),
    ("370102", "济南市历下区教育和体育局", "3701", False),
]

# (code, full name, county, stages, special education)
SCHOOLS: list[tuple[str, str, str, list[str], bool]] = [
    ("2131000101", "上海市青浦区金泽小学", "310118", ["primary"], False),
    ("3131000102", "上海市青浦区第一中学", "310118", ["junior"], False),
    ("2131000201", "上海市徐汇区建襄小学", "310104", ["primary"], False),
    ("3431000202", "上海市南洋模范中学", "310104", ["senior"], False),
    ("2137000101", "金乡县实验小学", "370828", ["primary"], False),
    ("3137000102", "金乡县第一中学", "370828", ["junior"], False),
    ("2137000201", "济宁市任城区实验小学", "370811", ["primary"], False),
    ("5137000301", "济南市历下区特殊教育学校", "370102", ["primary", "junior"], True),
]

# (username, real name, role, unit)
ACCOUNTS: list[tuple[str, str, Role, str]] = [
    ("nation.operator", "王建国", Role.NATIONAL_OPERATOR, "CN"),
    ("nation.ops", "李运维", Role.OPS, "CN"),
    ("nation.dba", "赵数据", Role.DATABASE_ADMINISTRATOR, "CN"),
    ("sh.province", "陈上海", Role.PROVINCE_OFFICER, "31"),
    ("sh.city", "周市区", Role.CITY_OFFICER, "3101"),
    ("qingpu.county", "吴青浦", Role.COUNTY_OFFICER, "310118"),
    ("xuhui.county", "郑徐汇", Role.COUNTY_OFFICER, "310104"),
    ("sd.province", "孙山东", Role.PROVINCE_OFFICER, "37"),
    ("jining.city", "钱济宁", Role.CITY_OFFICER, "3708"),
    ("jinxiang.county", "冯金乡", Role.COUNTY_OFFICER, "370828"),
    ("rencheng.county", "蒋任城", Role.COUNTY_OFFICER, "370811"),
    ("lixia.county", "韩历下", Role.COUNTY_OFFICER, "370102"),
]
_SCHOOL_ROLES = [
    ("registrar", Role.SCHOOL_REGISTRAR),
    ("reviewer", Role.SCHOOL_REVIEWER),
    ("teacher", Role.CLASS_TEACHER),
]
_STAFF_NAMES = (
    "刘晓燕 黄志强 杨丽华 林建平 何敏 罗海燕 梁伟 宋丹 谢婷 唐国华 许静 邓超 "
    "曹雪梅 彭涛 曾红 萧玉兰 田磊 董芳 潘明 袁琳 蔡勇 蒋欣怡 余鹏 杜娟"
).split()


@dataclass(frozen=True)
class DemoLogin:
    username: str
    name: str
    role: str
    unit: str


def demo_accounts() -> list[tuple[str, str, Role, str]]:
    school_accounts = [
        (
            f"{code}.{suffix}",
            _STAFF_NAMES[(i * len(_SCHOOL_ROLES) + j) % len(_STAFF_NAMES)],
            role,
            code,
        )
        for i, (code, *_) in enumerate(SCHOOLS)
        for j, (suffix, role) in enumerate(_SCHOOL_ROLES)
    ]
    return ACCOUNTS + school_accounts


async def seed_demo(db: Database, service_password: str | None = None) -> list[DemoLogin]:
    """Create what is missing of the demo tree, accounts and pupils; return every demo login.

    With `service_password`, the transfer service's platform account is seeded too.
    """
    for code, name, parent, docking in UNITS:
        async with UnitOfWork(db, outbox) as uow:
            if await orgs.find_unit(uow.session, code) is None:
                await orgs.create_unit(
                    uow,
                    SEEDER,
                    UnitCreate(code=code, name=name, parent_code=parent, docking=docking),
                )
    for code, full_name, county, stages, special in SCHOOLS:
        async with UnitOfWork(db, outbox) as uow:
            if await orgs.find_unit(uow.session, code) is None:
                await orgs.create_school(
                    uow,
                    SEEDER,
                    SchoolCreate(
                        code=code,
                        full_name=full_name,
                        county_code=county,
                        stages=stages,
                        special_education=special,
                    ),
                )
    logins = []
    for username, name, role, unit in demo_accounts():
        async with UnitOfWork(db, outbox) as uow:
            exists = await uow.session.scalar(
                select(accounts_table.c.id).where(accounts_table.c.username == username)
            )
            if exists is None:
                await accounts.create_account(
                    uow,
                    SEEDER,
                    AccountCreate(
                        username=username,
                        name=name,
                        role=role,
                        unit_code=unit,
                        password=DEMO_PASSWORD,
                    ),
                )
        logins.append(DemoLogin(username, name, role.value, unit))
    if service_password is not None:
        await seed_service_account(db, service_password)
    await seed_demo_pupils(db, [code for code, *_ in SCHOOLS])
    return logins
