"""Settling problem data with proof (佐证), and J numbers issued on the bureau's proof."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.domain.identity_checks import check_id_document
from xueji_registry.evidence.service import documents_for
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.entry.candidates import validate_candidate
from xueji_registry.pupils.entry.drafting import BUREAU_ISSUED, candidate_of, temporary_prefix_for
from xueji_registry.pupils.model import PROVABLE_REASONS
from xueji_registry.pupils.reading.access import pupil_for_change, pupil_for_decision
from xueji_registry.pupils.resolution_schemas import JNumberIssue, ProofAccept
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.pupils.writing.history import ChangeContext, record_changes, replace_number
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.pupils.writing.saving import publish_saved, save_validated, write_state


async def accept_proof(
    uow: UnitOfWork,
    actor: Principal,
    pupil_id: uuid.UUID,
    data: ProofAccept,
    *,
    numbers: NumberAllocator,
    today: date,
) -> PupilState:
    """The school shows the flagged data is right; those reasons are not reported again."""
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    old = await pupil_for_change(uow.session, actor, pupil_id)
    for code in data.reason_codes:
        if code not in PROVABLE_REASONS:
            raise DomainError(error_codes.REASON_NOT_PROVABLE, field="reason_codes", detail=code)
    proved = [r for r in old.problem_reasons if r.code in data.reason_codes]
    missing = set(data.reason_codes) - {r.code for r in proved}
    if missing:
        raise DomainError(error_codes.REASON_NOT_OPEN, field="reason_codes", detail=min(missing))
    documents = await documents_for(
        uow.session, actor, data.evidence_document_ids, pupil_id=pupil_id
    )
    settled = replace(old, waived_reasons=(*old.waived_reasons, *proved))
    validated = validate_candidate(
        candidate_of(old),
        school=old.school,
        today=today,
        waived=[r.key for r in settled.waived_reasons],
    )
    context = ChangeContext(reason="学校上传佐证材料", source="proof")
    saved = await save_validated(uow, actor, settled, validated, numbers=numbers, context=context)
    publish_saved(
        uow,
        actor,
        saved,
        None,
        resolution=pb.PROBLEM_RESOLUTION_PROOF_ACCEPTED,
        evidence_document_ids=tuple(str(d.id) for d in documents),
    )
    await uow.commit()
    return saved.after


async def issue_j_number(
    uow: UnitOfWork,
    actor: Principal,
    pupil_id: uuid.UUID,
    data: JNumberIssue,
    *,
    numbers: NumberAllocator,
    today: date,
) -> PupilState:
    """The county bureau issues a J number on its written proof (a pupil without usable ID)."""
    if actor.role is not Role.COUNTY_OFFICER:
        raise DomainError(errors.FORBIDDEN)
    old = await pupil_for_decision(uow.session, actor, pupil_id)
    if old.national_number.startswith(BUREAU_ISSUED):
        return old
    identity = check_id_document(old.id_type, old.id_number, today=today)
    if identity.id_number is not None or old.birth_date is None:
        raise DomainError(error_codes.J_NUMBER_NOT_ALLOWED)
    [document] = await documents_for(
        uow.session, actor, [data.evidence_document_id], pupil_id=pupil_id
    )
    validated = validate_candidate(candidate_of(old), school=old.school, today=today)
    [number] = await numbers.issue([temporary_prefix_for(validated, old.school, BUREAU_ISSUED)])
    draft = replace(
        old,
        national_number=number,
        previous_national_numbers=(*old.previous_national_numbers, old.national_number),
    )
    new = await write_state(uow.session, draft)
    changes = field_changes(old, new)
    reason = f"教育局凭书面证明（佐证材料{document.id}）赋J字头学籍号"
    context = ChangeContext(reason=reason, source="number", source_id=str(document.id))
    await record_changes(
        uow.session,
        pupil_id=old.id,
        changes=changes,
        context=context,
        actor=actor,
        record_version=new.record_version,
    )
    await replace_number(uow.session, old.id, number, reason=reason, actor=actor)
    uow.publish(events.updated(new, actor, changes))
    await uow.commit()
    return new
