"""Every error code a Xueji workflow raises: a stable English code and a Chinese message.

Workflows raise them as `ApplicationError(message, type=code, non_retryable=True)`; update
validators raise them to reject a request before it reaches the history, and a failed
workflow carries one as its cause. The API maps `type` to problem+json `code`.
"""

from __future__ import annotations

from dataclasses import dataclass

from temporalio.exceptions import ActivityError, ApplicationError


@dataclass(frozen=True)
class WorkflowError:
    code: str
    message: str
    national_code: int | None = None


NOT_YOUR_STEP = WorkflowError("NOT_YOUR_STEP", "当前步骤不由本单位办理")
ROLE_NOT_ALLOWED = WorkflowError("ROLE_NOT_ALLOWED", "当前角色无权办理该步骤")
STEP_NOT_ACTIVE = WorkflowError("STEP_NOT_ACTIVE", "该步骤当前不在办理中")
INVALID_DECISION = WorkflowError("INVALID_DECISION", "该步骤不支持此办理结果")
REASON_REQUIRED = WorkflowError("REASON_REQUIRED", "不同意或撤回时必须填写原因")
DECISION_ID_REQUIRED = WorkflowError("DECISION_ID_REQUIRED", "缺少办理请求编号")
TRANSFER_FINISHED = WorkflowError("TRANSFER_FINISHED", "该转学申请已办结，不能再办理")
STATUS_CHANGE_FINISHED = WorkflowError("STATUS_CHANGE_FINISHED", "该学籍异动已办结，不能再办理")
WITHDRAW_TOO_LATE = WorkflowError("WITHDRAW_TOO_LATE", "学生已报到并调转学籍，不能再撤回转学申请")
PUPIL_HAS_OPEN_CASE = WorkflowError(
    "PUPIL_HAS_OPEN_CASE", "该学生有未办结的转学或学籍异动，不能再次申请", national_code=2002
)
CASE_NOT_CLAIMED = WorkflowError("CASE_NOT_CLAIMED", "学籍系统拒绝受理：学生当前学籍不能办理此业务")
RECORD_MOVE_FAILED = WorkflowError("RECORD_MOVE_FAILED", "学籍调转失败，转学未能完成")
STATUS_CHANGE_NOT_APPLIED = WorkflowError("STATUS_CHANGE_NOT_APPLIED", "学籍异动未能写入学籍")
INVALID_CASE_INPUT = WorkflowError("INVALID_CASE_INPUT", "申请数据不完整或不一致")
SHIPPING_METHOD_REQUIRED = WorkflowError("SHIPPING_METHOD_REQUIRED", "请填写纸质档案的寄送方式")

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
)


def rejection(
    error: WorkflowError, detail: str | None = None, *, data: dict[str, str] | None = None
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


def activity_refusal(
    err: ActivityError | ApplicationError, error: WorkflowError
) -> ApplicationError:
    """`error`, naming the code of the business refusal that ended an activity (a local
    activity's refusal reaches the workflow as the ApplicationError itself)."""
    cause = err.cause if isinstance(err, ActivityError) else err
    code = cause.type if isinstance(cause, ApplicationError) and cause.type else ""
    return rejection(error, code or str(cause or err), data={"activity_code": code})
