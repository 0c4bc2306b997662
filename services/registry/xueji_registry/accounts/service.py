"""Creating accounts inside the creator's scope, and signing in with lock-out."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role, UnitKind, scope_path
from xueji_common.errors import DomainError
from xueji_common.passwords import hash_password, verify_password
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.accounts.model import (
    check_password,
    check_role,
    check_username,
    is_locked,
    lock_after_failure,
)
from xueji_registry.accounts.schemas import AccountCreate, AccountRead
from xueji_registry.accounts.tables import accounts
from xueji_registry.orgs.service import OFFICERS, find_unit
from xueji_registry.orgs.tables import org_units


def _may_create(actor: Principal, role: Role, unit_path: tuple[str, ...]) -> bool:
    if not actor.covers(scope_path(unit_path)):
        return False
    if actor.role in OFFICERS:
        # Only the national platform appoints database administrators and ops staff.
        return role not in (Role.DATABASE_ADMINISTRATOR, Role.OPS, Role.NATIONAL_OPERATOR) or (
            actor.role is Role.NATIONAL_OPERATOR
        )
    # A school registrar sets up its own class teachers (SPEC §3).
    return actor.role is Role.SCHOOL_REGISTRAR and role is Role.CLASS_TEACHER


async def create_account(uow: UnitOfWork, actor: Principal, data: AccountCreate) -> AccountRead:
    username = check_username(data.username)
    check_password(data.password)
    unit = await find_unit(uow.session, data.unit_code)
    if unit is None or not actor.covers(scope_path(unit.path)):
        raise DomainError(errors.NOT_FOUND, field="unit_code")
    check_role(data.role, unit.kind)
    if not _may_create(actor, data.role, unit.path):
        raise DomainError(errors.FORBIDDEN, field="role")
    taken = await uow.session.scalar(select(accounts.c.id).where(accounts.c.username == username))
    if taken is not None:
        raise DomainError(error_codes.ACCOUNT_USERNAME_TAKEN, field="username")
    account_id = uuid.uuid4()
    await uow.session.execute(
        insert(accounts).values(
            id=account_id,
            username=username,
            name=data.name.strip(),
            role=data.role.value,
            unit_code=unit.code,
            password_hash=hash_password(data.password),
            created_by=uuid.UUID(actor.account_id) if actor.account_id else None,
        )
    )
    await uow.commit()
    return AccountRead(
        id=account_id,
        username=username,
        name=data.name.strip(),
        role=data.role,
        unit_code=unit.code,
        active=True,
    )


async def authenticate(session: AsyncSession, username: str, password: str) -> Principal:
    """The principal for valid credentials; failures count towards a temporary lock."""
    now = datetime.now(UTC)
    row = (
        await session.execute(
            select(accounts, org_units.c.kind, org_units.c.scope_path)
            .join(org_units, org_units.c.code == accounts.c.unit_code)
            .where(accounts.c.username == username.lower())
            .with_for_update(of=accounts)
        )
    ).first()
    if row is not None and is_locked(row.locked_until, now):
        raise DomainError(error_codes.LOGIN_LOCKED)
    if not verify_password(row.password_hash if row else None, password) or not row.active:
        if row is not None:
            failures = row.failed_logins + 1
            await session.execute(
                update(accounts)
                .where(accounts.c.id == row.id)
                .values(failed_logins=failures, locked_until=lock_after_failure(failures, now))
            )
            await session.commit()
        raise DomainError(error_codes.LOGIN_FAILED)
    if row.failed_logins:
        await session.execute(
            update(accounts)
            .where(accounts.c.id == row.id)
            .values(failed_logins=0, locked_until=None)
        )
        await session.commit()
    return Principal(
        account_id=str(row.id),
        name=row.name,
        role=Role(row.role),
        unit_code=row.unit_code,
        unit_kind=UnitKind(row.kind),
        unit_path=tuple(row.scope_path.strip("/").split("/")),
    )


async def list_accounts(
    session: AsyncSession, actor: Principal, unit_code: str
) -> list[AccountRead]:
    unit = await find_unit(session, unit_code)
    if unit is None or not actor.covers(scope_path(unit.path)):
        raise DomainError(errors.NOT_FOUND, field="unit_code")
    rows = (
        await session.execute(
            select(accounts)
            .where(accounts.c.unit_code == unit_code)
            .order_by(func.lower(accounts.c.username))
        )
    ).all()
    return [
        AccountRead(
            id=r.id,
            username=r.username,
            name=r.name,
            role=Role(r.role),
            unit_code=r.unit_code,
            active=r.active,
        )
        for r in rows
    ]
