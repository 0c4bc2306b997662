"""Who may do what with a pupil's photo: one pure decision per action.

Two kinds of caller: a staff principal (a registry account's token, or a teacher registered
with the school's code, both scoped to their unit) and a parent session, which reaches one
pupil only. Only `may_upload`, `may_view` and `may_see_roster` ever meet a parent.
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_common.auth.principal import Principal, Role, UnitKind

# School staff who see the roster and upload for their pupils.
SCHOOL_UPLOADERS = frozenset({Role.SCHOOL_REGISTRAR, Role.CLASS_TEACHER})
# The authorities that set collection windows within their own unit.
WINDOW_SETTERS = frozenset({Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER})
# Who sees every unit's photos.
SEE_ALL = frozenset({Role.NATIONAL_OPERATOR})
PARENT_ROLE = "parent"
# What an attempt or an event names for a parent: never the pupil's or the parent's name.
PARENT_NAME = "家长"


@dataclass(frozen=True)
class ParentCaller:
    """A parent signed in with the pupil's local number and name: that one pupil only."""

    session_id: str
    pupil_id: str


Caller = Principal | ParentCaller


@dataclass(frozen=True)
class Recorded:
    """Who an upload attempt, a photo and its event name as the uploader."""

    uploader: str  # school | parent
    account_id: str
    name: str
    role: str
    unit_code: str


def recorded_as(caller: Caller, pupil_school: str) -> Recorded:
    if isinstance(caller, ParentCaller):
        session = f"parent-session:{caller.session_id}"
        return Recorded("parent", session, PARENT_NAME, PARENT_ROLE, pupil_school)
    return Recorded("school", caller.account_id, caller.name, caller.role.value, caller.unit_code)


def may_upload(caller: Caller, pupil_scope: str, pupil_id: str = "") -> bool:
    """A registrar or teacher of the pupil's own school, or the pupil's parent."""
    if isinstance(caller, ParentCaller):
        return bool(pupil_id) and caller.pupil_id == pupil_id
    return (
        caller.role in SCHOOL_UPLOADERS
        and caller.unit_kind is UnitKind.SCHOOL
        and caller.covers(pupil_scope)
    )


def may_view(caller: Caller, pupil_scope: str, pupil_id: str = "") -> bool:
    """Anyone whose unit holds the pupil's school (its staff and the bureaus above it), and the
    pupil's parent."""
    if isinstance(caller, ParentCaller):
        return bool(pupil_id) and caller.pupil_id == pupil_id
    return caller.role in SEE_ALL or caller.covers(pupil_scope)


def may_see_roster(caller: Caller, school_scope: str) -> bool:
    if isinstance(caller, ParentCaller):
        return False
    if caller.role in SCHOOL_UPLOADERS:
        return caller.covers(school_scope)
    return caller.role in WINDOW_SETTERS | SEE_ALL and may_view(caller, school_scope)


def _county_over(caller: Principal, scope: str) -> bool:
    return caller.role is Role.COUNTY_OFFICER and caller.covers(scope)


def may_reopen(caller: Principal, pupil_scope: str) -> bool:
    """Only the county bureau over the pupil's school (SPEC §6)."""
    return _county_over(caller, pupil_scope)


def may_manage_school_access(caller: Principal, school_scope: str) -> bool:
    """Registration codes and the teachers registered with them: the school's county only."""
    return _county_over(caller, school_scope)


def may_set_window(caller: Principal) -> bool:
    return caller.role in WINDOW_SETTERS


def may_set_rule(caller: Principal, province_code: str) -> bool:
    return caller.role is Role.PROVINCE_OFFICER and caller.unit_code == province_code
