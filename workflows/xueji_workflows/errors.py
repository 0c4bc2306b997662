"""Every error code a Xueji workflow raises: a stable English code, the HTTP status the API
answers with, and a Chinese message (the workflows' catalogue; see `xueji_common.errors`).

Workflows raise them as `ApplicationError(message, type=code, non_retryable=True)`; update
validators raise them to reject a request before it reaches the history, and a failed
workflow carries one as its cause. The API maps `type` back to the code (`workflow_error`).
"""

from __future__ import annotations

from temporalio.exceptions import ActivityError, ApplicationError

from xueji_common.errors import PUPIL_HAS_OPEN_CASE, ErrorCode

NOT_YOUR_STEP = ErrorCode("NOT_YOUR_STEP", 403, "当前步骤不由本单位办理")
ROLE_NOT_ALLOWED = ErrorCode("ROLE_NOT_ALLOWED", 403, "当前角色无权办理该步骤")
STEP_NOT_ACTIVE = ErrorCode("STEP_NOT_ACTIVE", 409, "该步骤当前不在办理中")
INVALID_DECISION = ErrorCode("INVALID_DECISION", 422, "该步骤不支持此办理结果")
REASON_REQUIRED = ErrorCode("REASON_REQUIRED", 422, "不同意或撤回时必须填写原因")
DECISION_ID_REQUIRED = ErrorCode("DECISION_ID_REQUIRED", 422, "缺少办理请求编号")
TRANSFER_FINISHED = ErrorCode("TRANSFER_FINISHED", 409, "该转学申请已办结，不能再办理")
STATUS_CHANGE_FINISHED = ErrorCode("STATUS_CHANGE_FINISHED", 409, "该学籍异动已办结，不能再办理")
WITHDRAW_TOO_LATE = ErrorCode("WITHDRAW_TOO_LATE", 409, "学生已报到并调转学籍，不能再撤回转学申请")
CASE_NOT_CLAIMED = ErrorCode(
    "CASE_NOT_CLAIMED", 409, "学籍系统拒绝受理：学生当前学籍不能办理此业务"
)
RECORD_MOVE_FAILED = ErrorCode("RECORD_MOVE_FAILED", 409, "学籍调转失败，转学未能完成")
STATUS_CHANGE_NOT_APPLIED = ErrorCode("STATUS_CHANGE_NOT_APPLIED", 409, "学籍异动未能写入学籍")
INVALID_CASE_INPUT = ErrorCode("INVALID_CASE_INPUT", 422, "申请数据不完整或不一致")
SHIPPING_METHOD_REQUIRED = ErrorCode("SHIPPING_METHOD_REQUIRED", 422, "请填写纸质档案的寄送方式")
EXPORT_SELF_APPROVAL = ErrorCode("EXPORT_SELF_APPROVAL", 403, "不能审批本人提交的数据导出申请")
EXPORT_APPLICANT_CANNOT_EXECUTE = ErrorCode(
    "EXPORT_APPLICANT_CANNOT_EXECUTE", 403, "申请人不能实施本人申请的后台导出"
)
EXPORT_APPLICATION_FINISHED = ErrorCode(
    "EXPORT_APPLICATION_FINISHED", 409, "该数据导出申请已办结，不能再办理"
)
EXPORT_GENERATION_FAILED = ErrorCode("EXPORT_GENERATION_FAILED", 409, "导出文件未能生成")
# A refusal that names no code (see `refused`).
WORKFLOW_REFUSED = ErrorCode("WORKFLOW_REFUSED", 409, "办理请求被拒绝")

ALL_ERRORS = (
    NOT_YOUR_STEP,
    ROLE_NOT_ALLOWED,
    STEP_NOT_ACTIVE,
    INVALID_DECISION,
    REASON_REQUIRED,
    DECISION_ID_REQUIRED,
    TRANSFER_FINISHED,
    STATUS_CHANGE_FINISHED,
    WITHDRAW_TOO_LATE,
    PUPIL_HAS_OPEN_CASE,
    CASE_NOT_CLAIMED,
    RECORD_MOVE_FAILED,
    STATUS_CHANGE_NOT_APPLIED,
    INVALID_CASE_INPUT,
    SHIPPING_METHOD_REQUIRED,
    EXPORT_SELF_APPROVAL,
    EXPORT_APPLICANT_CANNOT_EXECUTE,
    EXPORT_APPLICATION_FINISHED,
    EXPORT_GENERATION_FAILED,
    WORKFLOW_REFUSED,
)
_BY_CODE = {error.code: error for error in ALL_ERRORS}


def refused(error: ApplicationError) -> tuple[ErrorCode, str | None]:
    """The catalogue entry a raised refusal names, and what its message adds to the entry's
    (`rejection`'s detail).

    A refusal naming a code no workflow defines (an activity's, relayed) keeps its code and
    message with WORKFLOW_REFUSED's status: it is still the caller's.
    """
    code = error.type or WORKFLOW_REFUSED.code
    known = _BY_CODE.get(code)
    if known is None:
        message = error.message or WORKFLOW_REFUSED.message
        return ErrorCode(code, WORKFLOW_REFUSED.status, message), None
    return known, error.message.removeprefix(known.message).lstrip("：") or None


def rejection(
    error: ErrorCode, detail: str | None = None, *, data: dict[str, str] | None = None
) -> ApplicationError:
    """The exception to raise for `error`; `detail` names the offending thing.

    `data`, when given, travels as the error's single detail (e.g. the open case's id);
    the national system's code, if any, is added to it as `national_code`.
    """
    message = f"{error.message}：{detail}" if detail else error.message
    payload = dict(data or {})
    if error.national_code is not None:
        payload["national_code"] = str(error.national_code)
    details = (payload,) if payload else ()
    return ApplicationError(message, *details, type=error.code, non_retryable=True)


def activity_refusal(err: ActivityError | ApplicationError, error: ErrorCode) -> ApplicationError:
    """`error`, naming the code of the business refusal that ended an activity (a local
    activity's refusal reaches the workflow as the ApplicationError itself)."""
    cause = err.cause if isinstance(err, ActivityError) else err
    code = cause.type if isinstance(cause, ApplicationError) and cause.type else ""
    return rejection(error, code or str(cause or err), data={"activity_code": code})
