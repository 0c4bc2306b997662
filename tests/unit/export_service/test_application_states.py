from __future__ import annotations

import pytest

from xueji_common.errors import DomainError
from xueji_export.applications.states import FINAL, NEXT, ApplicationState, advance

S = ApplicationState


def test_the_happy_path_is_allowed_step_by_step() -> None:
    state = S.SUBMITTED
    for target in (S.IN_REVIEW, S.APPROVED, S.GENERATING, S.READY, S.EXPIRED):
        state = advance(state, target)
    assert state is S.EXPIRED


@pytest.mark.parametrize(
    ("current", "target"),
    [(S.SUBMITTED, S.APPROVED), (S.IN_REVIEW, S.GENERATING), (S.REFUSED, S.APPROVED),
     (S.READY, S.GENERATING), (S.EXPIRED, S.READY), (S.SUBMITTED, S.READY)],
)  # fmt: skip
def test_no_step_can_be_skipped_or_undone(current: S, target: S) -> None:
    with pytest.raises(DomainError) as refused:
        advance(current, target)
    assert refused.value.error.code == "EXPORT_TRANSITION_NOT_ALLOWED"


def test_every_state_is_mapped_and_only_refused_and_expired_are_final() -> None:
    assert set(NEXT) == set(S)
    assert FINAL == {S.REFUSED, S.EXPIRED}
