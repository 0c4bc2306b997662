"""Audit outcomes in Chinese: accepted, or refused with the code the service answered."""

from __future__ import annotations

from xueji_console.labels import audit_outcome


def test_an_outcome_reads_as_accepted_or_refused_with_its_code() -> None:
    assert audit_outcome("accepted") == "已受理"
    assert audit_outcome("refused:EXPORT_PERIOD_IN_PAST") == "被拒绝（EXPORT_PERIOD_IN_PAST）"
    assert audit_outcome("downloaded") == "downloaded"
