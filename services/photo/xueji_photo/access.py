"""Who may do what with a pupil's photo: one pure decision per action.

Every caller today is a staff account from the registry's tokens, scoped to its unit. A parent
session (one pupil only) is added here as another kind of caller: `may_upload` and `may_view`
are the only places that have to learn it.
"""

from __future__ import annotations

from xueji_common.auth.principal import Principal, Role, UnitKind

# School staff who see the roster and upload for their pupils.
SCHOOL_UPLOADERS = frozenset({Role.SCHOOL_REGISTRAR, Role.CLASS_TEACHER})
# The authorities that set collection windows within their own unit.
WINDOW_SETTERS = frozenset({Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER})
# Who sees every unit's photos.
SEE_ALL = frozenset({Role.NATIONAL_OPERATOR})

Caller = Principal


def may_upload(caller: Caller, pupil_scope: str) -> bool:
    """A registrar or teacher of the pupil's own school."""
    return (
        caller.role in SCHOOL_UPLOADERS
        and caller.unit_kind is UnitKind.SCHOOL
        and caller.covers(pupil_scope)
    )


def may_view(caller: Caller, pupil_scope: str) -> bool:
    """Anyone whose unit holds the pupil's school: its staff and the bureaus above it."""
    return caller.role in SEE_ALL or caller.covers(pupil_scope)


def may_see_roster(caller: Caller, school_scope: str) -> bool:
    if caller.role in SCHOOL_UPLOADERS:
        return caller.covers(school_scope)
    return caller.role in WINDOW_SETTERS | SEE_ALL and may_view(caller, school_scope)


def may_reopen(caller: Caller, pupil_scope: str) -> bool:
    """Only the county bureau over the pupil's school (SPEC §6)."""
    return caller.role is Role.COUNTY_OFFICER and caller.covers(pupil_scope)


def may_set_window(caller: Caller) -> bool:
    return caller.role in WINDOW_SETTERS


def may_set_rule(caller: Caller, province_code: str) -> bool:
    return caller.role is Role.PROVINCE_OFFICER and caller.unit_code == province_code
