"""How a docking province's decision becomes a workflow update (the pure part)."""

import pytest

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.transfer.v1.transfer_pb2 import TransferStep
from xueji_transfer.events.inbound import STEP_NAMES, Rejected, _request
from xueji_workflows.actors import Actor
from xueji_workflows.approval import StepDecision
from xueji_workflows.transfer import ArrivalReport, PaperFileSent

SYSTEM = Actor("", "省学籍系统", "province_system", "42", ["42"])


def _decision(step: int, decision: int = Decision.DECISION_APPROVE, **fields: str) -> tuple:
    message = ProvinceDecision(
        province_decision_id=" HB-1 ", transfer_step=step, decision=decision, **fields
    )
    return _request(message, SYSTEM, STEP_NAMES[step])


def test_review_steps_become_decisions_with_the_province_decision_id() -> None:
    _, request = _decision(
        TransferStep.TRANSFER_STEP_SENDING_BUREAU_REVIEW, Decision.DECISION_REFUSE, reason="不符"
    )
    assert request == StepDecision("HB-1", SYSTEM, "refuse", "不符", "sending_bureau")


def test_admission_and_paper_file_steps_become_their_own_updates() -> None:
    _, arrival = _decision(TransferStep.TRANSFER_STEP_ADMISSION)
    assert arrival == ArrivalReport("HB-1", SYSTEM)
    _, sent = _decision(
        TransferStep.TRANSFER_STEP_PAPER_FILE_DISPATCH,
        paper_file_method="机要交换",
        paper_file_tracking="JY-42-001",
    )
    assert sent == PaperFileSent("HB-1", SYSTEM, "机要交换", "JY-42-001")


def test_a_refused_arrival_is_not_a_decision() -> None:
    with pytest.raises(Rejected) as rejected:
        _decision(TransferStep.TRANSFER_STEP_ADMISSION, Decision.DECISION_REFUSE)
    assert rejected.value.code == "INVALID_DECISION"
