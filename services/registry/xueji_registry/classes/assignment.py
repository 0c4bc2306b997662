"""Class assignment (分班): pupils of the school go into a class, all of them or none."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.classes.lookup import check_class_grade
from xueji_registry.classes.service import class_for
from xueji_registry.pupils.contract import events
from xueji_registry.pupils.model import RegistrationState
from xueji_registry.pupils.reading.access import may_read
from xueji_registry.pupils.rows import load_states
from xueji_registry.pupils.state import ClassRef, PupilState
from xueji_registry.pupils.writing.changes import field_changes
from xueji_registry.pupils.writing.history import ChangeContext, record_changes
from xueji_registry.pupils.writing.saving import write_state


def _may_assign(actor: Principal, target: ClassRef, state: PupilState) -> bool:
    """The registrar assigns anyone of the school; a class teacher takes pupils not yet in
    a class, or moves pupils between their own classes."""
    if actor.role is Role.SCHOOL_REGISTRAR:
        return True
    if actor.role is not Role.CLASS_TEACHER or str(target.teacher_account_id) != actor.account_id:
        return False
    current = state.school_class
    return current is None or str(current.teacher_account_id) == actor.account_id


async def assign_pupils(
    uow: UnitOfWork, actor: Principal, class_id: uuid.UUID, pupil_ids: Sequence[uuid.UUID]
) -> list[PupilState]:
    session = uow.session
    target = await class_for(session, actor, class_id)
    wanted = sorted(set(pupil_ids))
    found = {s.id: s for s in await load_states(session, wanted, lock=True)}
    for pupil_id in wanted:
        state = found.get(pupil_id)
        if state is None or state.school.code != target.school_code:
            raise DomainError(errors.PUPIL_NOT_FOUND, detail=str(pupil_id))
        if actor.role is not Role.CLASS_TEACHER and not may_read(actor, state):
            raise DomainError(errors.PUPIL_NOT_FOUND, detail=str(pupil_id))
        if not _may_assign(actor, target, state):
            raise DomainError(errors.FORBIDDEN, detail=str(pupil_id))
        if state.deleted:
            raise DomainError(error_codes.PUPIL_DELETED, detail=state.name)
        if state.registration_state == RegistrationState.SUBMITTED:
            raise DomainError(error_codes.PUPIL_UNDER_REVIEW, detail=state.name)
        check_class_grade(target, state.grade)
    assigned = []
    context = ChangeContext(
        reason=f"分班：{target.name}", source="assignment", source_id=str(target.id)
    )
    for pupil_id in wanted:
        old = found[pupil_id]
        if old.school_class is not None and old.school_class.id == target.id:
            assigned.append(old)
            continue
        new = await write_state(session, replace(old, school_class=target))
        changes = field_changes(old, new)
        await record_changes(
            session,
            pupil_id=old.id,
            changes=changes,
            context=context,
            actor=actor,
            record_version=new.record_version,
        )
        uow.publish(events.updated(new, actor, changes))
        assigned.append(new)
    await uow.commit()
    return assigned
