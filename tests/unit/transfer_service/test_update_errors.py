"""Refusals of the workflow's validators leave the API as problems with the right status."""

from temporalio.exceptions import ApplicationError

from xueji_transfer.transfers.workflow_calls import refusal
from xueji_workflows.errors import (
    NOT_YOUR_STEP,
    REASON_REQUIRED,
    ROLE_NOT_ALLOWED,
    STEP_NOT_ACTIVE,
    WITHDRAW_TOO_LATE,
    rejection,
)


def test_validator_refusals_map_to_http_statuses_with_the_chinese_message() -> None:
    expected = {
        NOT_YOUR_STEP: 403,
        ROLE_NOT_ALLOWED: 403,
        STEP_NOT_ACTIVE: 409,
        WITHDRAW_TOO_LATE: 409,
        REASON_REQUIRED: 422,
    }
    for error, status in expected.items():
        mapped = refusal(rejection(error, "receiving_bureau"))
        assert (mapped.error.code, mapped.error.status) == (error.code, status)
        assert mapped.message == f"{error.message}：receiving_bureau"


def test_an_unknown_refusal_is_a_conflict() -> None:
    mapped = refusal(ApplicationError("拒绝", type="SOMETHING_NEW"))
    assert (mapped.error.code, mapped.error.status, mapped.message) == (
        "SOMETHING_NEW",
        409,
        "拒绝",
    )
