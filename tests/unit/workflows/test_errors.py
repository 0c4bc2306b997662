from temporalio.exceptions import ActivityError, ApplicationError, RetryState

from xueji_common.errors import ErrorCode
from xueji_workflows import errors
from xueji_workflows.errors import (
    ALL_ERRORS,
    PUPIL_HAS_OPEN_CASE,
    REASON_REQUIRED,
    RECORD_MOVE_FAILED,
    activity_refusal,
    rejection,
)


def test_codes_are_unique_and_messages_chinese() -> None:
    codes = [e.code for e in ALL_ERRORS]

    assert len(codes) == len(set(codes))
    assert all(code.isupper() and code.isascii() for code in codes)
    assert all(not e.message.isascii() for e in ALL_ERRORS)


def test_the_api_knows_every_code_the_workflows_raise() -> None:
    defined = {value for value in vars(errors).values() if isinstance(value, ErrorCode)}
    assert defined == set(ALL_ERRORS)


def test_rejection_is_a_non_retryable_typed_application_error() -> None:
    error = rejection(REASON_REQUIRED)

    assert (error.type, error.non_retryable, error.message) == (
        "REASON_REQUIRED",
        True,
        REASON_REQUIRED.message,
    )
    assert error.details == ()


def test_open_case_carries_the_national_code_and_the_case() -> None:
    error = rejection(PUPIL_HAS_OPEN_CASE, "transfer t-9", data={"open_case_id": "t-9"})

    assert error.message.endswith("：transfer t-9")
    assert error.details == ({"open_case_id": "t-9", "national_code": "2002"},)


def test_activity_refusal_names_the_registry_code() -> None:
    cause = ApplicationError("gone", type="PUPIL_NOT_AT_SENDING_SCHOOL", non_retryable=True)
    failure = ActivityError(
        "activity failed",
        scheduled_event_id=1,
        started_event_id=2,
        identity="w",
        activity_type="registry.move_pupil",
        activity_id="7",
        retry_state=RetryState.NON_RETRYABLE_FAILURE,
    )
    failure.__cause__ = cause

    error = activity_refusal(failure, RECORD_MOVE_FAILED)

    assert error.type == "RECORD_MOVE_FAILED"
    assert "PUPIL_NOT_AT_SENDING_SCHOOL" in error.message
    assert error.details == ({"activity_code": "PUPIL_NOT_AT_SENDING_SCHOOL"},)
