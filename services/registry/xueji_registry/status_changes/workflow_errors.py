"""A workflow's refusal (an ApplicationError with a code from xueji_workflows.errors) as an API
error: the workflow's code, with the status and Chinese message its catalogue gives it."""

from __future__ import annotations

from typing import Any

from temporalio.exceptions import ApplicationError

from xueji_common.errors import DomainError
from xueji_workflows import errors as workflow_errors


def _details(error: ApplicationError) -> dict[str, Any]:
    details = error.details
    return dict(details[0]) if details and isinstance(details[0], dict) else {}


def problem_of(error: BaseException | None) -> DomainError:
    """The API error for what a workflow raised (an update validator or a failed run)."""
    if not isinstance(error, ApplicationError):
        return DomainError(workflow_errors.STATUS_CHANGE_NOT_APPLIED)
    code, detail = workflow_errors.refused(error)
    extra: dict[str, object] = {}
    details = _details(error)
    if "national_code" in details:
        extra["national_error"] = int(details.pop("national_code"))
    if details:
        extra["details"] = details
    return DomainError(code, detail=detail, extra=extra)
