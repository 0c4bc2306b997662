"""A workflow's refusal (an ApplicationError with a code from xueji_workflows.errors) as an API
error: the workflow's code and Chinese message, with an HTTP status by kind."""

from __future__ import annotations

from typing import Any

from temporalio.exceptions import ApplicationError

from xueji_common.errors import DomainError, ErrorCode
from xueji_workflows import errors as workflow_errors

_STATUS = {
    workflow_errors.NOT_YOUR_STEP.code: 403,
    workflow_errors.ROLE_NOT_ALLOWED.code: 403,
    workflow_errors.INVALID_DECISION.code: 422,
    workflow_errors.REASON_REQUIRED.code: 422,
    workflow_errors.DECISION_ID_REQUIRED.code: 422,
    workflow_errors.INVALID_CASE_INPUT.code: 422,
}
_KNOWN = {error.code: error for error in workflow_errors.ALL_ERRORS}
# A refusal of a kind this service does not know is still the caller's: a conflict.
DEFAULT_STATUS = 409


def _details(error: ApplicationError) -> dict[str, Any]:
    details = error.details
    return dict(details[0]) if details and isinstance(details[0], dict) else {}


def problem_of(error: BaseException | None) -> DomainError:
    """The API error for what a workflow raised (an update validator or a failed run)."""
    if not isinstance(error, ApplicationError):
        known = workflow_errors.STATUS_CHANGE_NOT_APPLIED
        return DomainError(ErrorCode(known.code, DEFAULT_STATUS, known.message))
    code = error.type or "WORKFLOW_REFUSED"
    status = _STATUS.get(code, DEFAULT_STATUS)
    extra: dict[str, object] = {}
    details = _details(error)
    if "national_code" in details:
        extra["national_error"] = int(details.pop("national_code"))
    if details:
        extra["details"] = details
    known = _KNOWN.get(code)
    if known is None:
        return DomainError(ErrorCode(code, status, error.message), extra=extra)
    # The workflow's message is its code's message plus what it names ("：county_bureau …").
    detail = error.message.removeprefix(known.message).lstrip("：") or None
    return DomainError(ErrorCode(code, status, known.message), detail=detail, extra=extra)
