"""The transfer service's platform account (role platform_service at CN) for the local stack."""

from __future__ import annotations

from sqlalchemy import select, update

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_common.passwords import hash_password, verify_password
from xueji_common.uow import UnitOfWork
from xueji_registry.accounts.model import check_password
from xueji_registry.accounts.schemas import AccountCreate
from xueji_registry.accounts.service import create_account
from xueji_registry.accounts.tables import accounts
from xueji_registry.schema import outbox

SERVICE_USERNAME = "svc.transfer"
_SEEDER = Principal("", "演示数据", Role.NATIONAL_OPERATOR, "CN", UnitKind.NATION, ("CN",))


async def seed_service_account(db: Database, password: str) -> None:
    """The transfer service's account (platform API); its password follows the setting."""
    async with UnitOfWork(db, outbox) as uow:
        row = (
            await uow.session.execute(
                select(accounts.c.id, accounts.c.password_hash).where(
                    accounts.c.username == SERVICE_USERNAME
                )
            )
        ).first()
        if row is None:
            await create_account(
                uow,
                _SEEDER,
                AccountCreate(
                    username=SERVICE_USERNAME,
                    name="转学服务",
                    role=Role.PLATFORM_SERVICE,
                    unit_code="CN",
                    password=password,
                ),
            )
        elif not verify_password(row.password_hash, password):
            check_password(password)
            await uow.session.execute(
                update(accounts)
                .where(accounts.c.id == row.id)
                .values(password_hash=hash_password(password), failed_logins=0, locked_until=None)
            )
            await uow.commit()
