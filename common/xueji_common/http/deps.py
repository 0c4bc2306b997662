"""Request-scoped database access: a read session, or a unit of work for changes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.uow import UnitOfWork


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.db.sessions() as session:
        yield session


async def _unit_of_work(request: Request) -> AsyncIterator[UnitOfWork]:
    async with UnitOfWork(request.app.state.db, request.app.state.outbox) as uow:
        yield uow


Session = Annotated[AsyncSession, Depends(_session)]
Uow = Annotated[UnitOfWork, Depends(_unit_of_work)]
