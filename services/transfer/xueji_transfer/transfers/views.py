"""The transfer API: file, list, inbox, detail, and the parties' actions (thin routers)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_transfer.transfers import actions, queries
from xueji_transfer.transfers.detail import transfer_detail
from xueji_transfer.transfers.filing import file_transfer
from xueji_transfer.transfers.schemas import (
    ArrivalCreate,
    DecisionCreate,
    OverdueList,
    PaperFileSentCreate,
    ReceiptRead,
    TransferCreate,
    TransferDetail,
    TransferPage,
    WithdrawalCreate,
)

router = APIRouter(prefix="/v1", tags=["transfers"])

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]


@router.post("/transfers", response_model=TransferDetail, status_code=201)
async def file(
    data: TransferCreate, principal: CurrentPrincipal, request: Request, session: Session
) -> TransferDetail:
    stored = await file_transfer(request.app.state.filing, principal, data)
    row = await queries.transfer_row(session, principal, stored["id"])
    return await transfer_detail(session, request.app.state.temporal, row, ask_workflow=False)


@router.get("/transfers", response_model=TransferPage)
async def list_transfers(
    principal: CurrentPrincipal,
    session: Session,
    state: str | None = None,
    step: str | None = None,
    overdue: bool | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> TransferPage:
    return await queries.list_transfers(
        session, principal, state=state, step=step, overdue=overdue, limit=limit, offset=offset
    )


@router.get("/transfers/inbox", response_model=TransferPage)
async def inbox(
    principal: CurrentPrincipal, session: Session, limit: Limit = 50, offset: Offset = 0
) -> TransferPage:
    return await queries.inbox(session, principal, limit=limit, offset=offset)


@router.get("/transfers/{transfer_id}", response_model=TransferDetail)
async def detail(
    transfer_id: str, principal: CurrentPrincipal, session: Session, request: Request
) -> TransferDetail:
    row = await queries.transfer_row(session, principal, transfer_id)
    return await transfer_detail(session, request.app.state.temporal, row)


@router.get("/overdue", response_model=OverdueList)
async def overdue(principal: CurrentPrincipal, session: Session) -> OverdueList:
    return await queries.overdue_steps(session, principal)


async def _act(
    request: Request, principal: CurrentPrincipal, transfer_id: str, action: tuple
) -> ReceiptRead:
    # The read is over before the update's round trip: the connection is free meanwhile.
    async with request.app.state.db.reads() as session:
        row = await queries.transfer_row(session, principal, transfer_id)
    method, body = action
    return await actions.act(request.app.state.temporal, row, method, body)


@router.post("/transfers/{transfer_id}/decision", response_model=ReceiptRead)
async def decide(
    transfer_id: str,
    data: DecisionCreate,
    principal: CurrentPrincipal,
    request: Request,
) -> ReceiptRead:
    action = actions.decision_request(
        principal, data.decision, data.reason, data.step, data.decision_id
    )
    return await _act(request, principal, transfer_id, action)


@router.post("/transfers/{transfer_id}/withdrawal", response_model=ReceiptRead)
async def withdraw(
    transfer_id: str,
    data: WithdrawalCreate,
    principal: CurrentPrincipal,
    request: Request,
) -> ReceiptRead:
    action = actions.withdrawal_request(principal, data.reason, data.decision_id)
    return await _act(request, principal, transfer_id, action)


@router.post("/transfers/{transfer_id}/arrival", response_model=ReceiptRead)
async def report_arrival(
    transfer_id: str,
    data: ArrivalCreate,
    principal: CurrentPrincipal,
    request: Request,
) -> ReceiptRead:
    action = actions.arrival_request(principal, data.decision_id)
    return await _act(request, principal, transfer_id, action)


@router.post("/transfers/{transfer_id}/paper-file/sent", response_model=ReceiptRead)
async def paper_file_sent(
    transfer_id: str,
    data: PaperFileSentCreate,
    principal: CurrentPrincipal,
    request: Request,
) -> ReceiptRead:
    action = actions.paper_sent_request(principal, data.method, data.tracking, data.decision_id)
    return await _act(request, principal, transfer_id, action)


@router.post("/transfers/{transfer_id}/paper-file/received", response_model=ReceiptRead)
async def paper_file_received(
    transfer_id: str,
    data: ArrivalCreate,
    principal: CurrentPrincipal,
    request: Request,
) -> ReceiptRead:
    action = actions.paper_received_request(principal, data.decision_id)
    return await _act(request, principal, transfer_id, action)
