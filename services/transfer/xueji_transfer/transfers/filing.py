"""Filing a transfer (SPEC §5 step 2): check the pupil with the registry, then start the
workflow whose id is the pupil's, so a second open transfer for the pupil is refused."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.platform_contract import PupilLookup
from xueji_transfer import error_codes
from xueji_transfer.events.parts import rooted
from xueji_transfer.evidence.tables import evidence_documents
from xueji_transfer.registry_client import RegistryClient, RegistryRefusal, RegistryUnavailable
from xueji_transfer.rules.model import review_limits
from xueji_transfer.rules.store import rules_for
from xueji_transfer.schema import org_units
from xueji_transfer.transfers.eligibility import check_pupil
from xueji_transfer.transfers.identity import new_transfer_id
from xueji_transfer.transfers.schemas import TransferCreate
from xueji_transfer.transfers.starting import Filing, start_transfer
from xueji_workflows import transfer as tf
from xueji_workflows.actors import Actor
from xueji_workflows.units import SchoolRef


async def _lookup(registry: RegistryClient, data: TransferCreate) -> PupilLookup:
    try:
        return await registry.lookup(data.national_number, data.pupil_name)
    except RegistryRefusal as refusal:
        if refusal.code == errors.PUPIL_NAME_MISMATCH.code:
            raise DomainError(errors.PUPIL_NAME_MISMATCH, field="pupil_name") from refusal
        raise DomainError(errors.PUPIL_NOT_FOUND, field="national_number") from refusal
    except RegistryUnavailable as error:
        raise DomainError(error_codes.REGISTRY_UNAVAILABLE) from error


async def _unit(session: AsyncSession, code: str) -> tuple[str, bool | None]:
    """A unit's name and docking flag from the replica; (code, None) if not replicated yet."""
    found = await org_units.find(session, code)
    return (found.name, found.docking) if found else (code, None)


async def _docks(session: AsyncSession, province: str, configured: tuple[str, ...]) -> bool:
    _, docking = await _unit(session, province)
    return docking if docking is not None else province in configured


async def _check_evidence(
    session: AsyncSession, principal: Principal, data: TransferCreate
) -> None:
    if not data.evidence_ids:
        return
    found = await session.scalar(
        select(func.count()).where(
            evidence_documents.c.id.in_(data.evidence_ids),
            evidence_documents.c.school_code == principal.unit_code,
        )
    )
    if found != len(set(data.evidence_ids)):
        raise DomainError(errors.EVIDENCE_NOT_FOUND, field="evidence_ids")


async def file_transfer(
    filing: Filing, principal: Principal, data: TransferCreate
) -> dict[str, Any]:
    """File the application and start its workflow; the stored row."""
    if principal.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    pupil = await _lookup(filing.registry, data)
    receiving_path = rooted(principal.unit_path)
    sending_path = rooted(pupil.school_path)
    async with filing.db.sessions() as session:
        rules = (
            await rules_for(session, receiving_path[1]),
            await rules_for(session, data.sending_province),
        )
        check_pupil(
            pupil,
            sending_province=data.sending_province,
            receiving_school=principal.unit_code,
            target_grade=data.target_grade,
            rules=rules,
        )
        await _check_evidence(session, principal, data)
        receiving_name, _ = await _unit(session, principal.unit_code)
        sending_name, _ = await _unit(session, pupil.school_code)
        receiving_docks = await _docks(session, receiving_path[1], filing.docking_provinces)
        sending_docks = await _docks(session, sending_path[1], filing.docking_provinces)
    school_days, bureau_days = review_limits(rules)
    transfer_id = new_transfer_id(pupil.national_number)
    filed_by = Actor(
        principal.account_id, principal.name, principal.role.value, principal.unit_code,
        list(principal.unit_path),
    )  # fmt: skip
    transfer = tf.TransferInput(
        transfer_id=transfer_id,
        national_number=pupil.national_number,
        pupil_name=pupil.name,
        receiving_school=SchoolRef(principal.unit_code, receiving_name, receiving_path),
        sending_school=SchoolRef(pupil.school_code, sending_name, sending_path),
        target_grade=str(data.target_grade),
        reason=data.reason.strip(),
        filed_by=filed_by,
        target_class=data.target_class,
        evidence_ids=[str(i) for i in data.evidence_ids],
        receiving_province_docks=receiving_docks,
        sending_province_docks=sending_docks,
        school_working_days=school_days,
        bureau_working_days=bureau_days,
    )
    return await start_transfer(filing, transfer, pupil)
