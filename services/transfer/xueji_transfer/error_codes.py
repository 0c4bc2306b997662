"""Every refusal the transfer API answers with: stable code, HTTP status, Chinese message.

Refusals raised by the workflow's update validators keep their own codes
(`xueji_workflows.errors`); `WORKFLOW_STATUS` gives each its HTTP status.
"""

from __future__ import annotations

from xueji_common.errors import ErrorCode
from xueji_workflows import errors as wf

TRANSFER_NOT_FOUND = ErrorCode("TRANSFER_NOT_FOUND", 404, "转学申请不存在或不在本单位管辖范围内")
PUPIL_NOT_FOUND = ErrorCode("PUPIL_NOT_FOUND", 404, "未找到该学生，请核对学籍号或身份证号")
PUPIL_NAME_MISMATCH = ErrorCode("PUPIL_NAME_MISMATCH", 422, "学生姓名与学籍信息不一致")
PUPIL_NOT_ACTIVE = ErrorCode("PUPIL_NOT_ACTIVE", 409, "该学生不是在籍状态，不能转学")
PUPIL_HAS_PROBLEMS = ErrorCode(
    "PUPIL_HAS_PROBLEMS", 422, "该学生学籍为问题数据，须先处理后才能转学"
)
PUPIL_HAS_OPEN_CASE = ErrorCode(
    "PUPIL_HAS_OPEN_CASE", 409, "该学生有未办结的转学或学籍异动，不能再次申请"
)
PUPIL_HAS_OPEN_TRANSFER = ErrorCode(
    "PUPIL_HAS_OPEN_TRANSFER", 409, "该学生已有未办结的转学申请，不能再次申请"
)
SENDING_PROVINCE_MISMATCH = ErrorCode(
    "SENDING_PROVINCE_MISMATCH", 422, "学生当前学籍不在所填转出省份"
)
SAME_SCHOOL = ErrorCode("SAME_SCHOOL", 422, "转入学校与转出学校相同")
SUSPENDED_NOT_ALLOWED = ErrorCode("SUSPENDED_NOT_ALLOWED", 422, "按本省规定，休学期间不能转学")
DISCIPLINE_NOT_ALLOWED = ErrorCode("DISCIPLINE_NOT_ALLOWED", 422, "按本省规定，处分期间不能转学")
GRADE_CHANGE_NOT_ALLOWED = ErrorCode(
    "GRADE_CHANGE_NOT_ALLOWED", 422, "按本省规定，只能转入相同年级"
)
GRADUATING_YEAR = ErrorCode("GRADUATING_YEAR", 422, "按本省规定，毕业年级学生不能转学")
EVIDENCE_NOT_FOUND = ErrorCode("EVIDENCE_NOT_FOUND", 422, "证明材料不存在或不是本校上传的")
EVIDENCE_TYPE_NOT_ALLOWED = ErrorCode(
    "EVIDENCE_TYPE_NOT_ALLOWED", 422, "证明材料只能是PDF、JPEG或PNG文件"
)
EVIDENCE_TOO_LARGE = ErrorCode("EVIDENCE_TOO_LARGE", 413, "证明材料不能超过10MB")
CALENDAR_INVALID = ErrorCode("CALENDAR_INVALID", 422, "节假日安排不正确")
WORKFLOW_UNAVAILABLE = ErrorCode("WORKFLOW_UNAVAILABLE", 503, "流程服务暂不可用，请稍后重试")
REGISTRY_UNAVAILABLE = ErrorCode("REGISTRY_UNAVAILABLE", 503, "学籍服务暂不可用，请稍后重试")

# HTTP status of each refusal the workflow's validators raise; anything else is a conflict.
WORKFLOW_STATUS: dict[str, int] = {
    wf.NOT_YOUR_STEP.code: 403,
    wf.ROLE_NOT_ALLOWED.code: 403,
    wf.STEP_NOT_ACTIVE.code: 409,
    wf.INVALID_DECISION.code: 422,
    wf.REASON_REQUIRED.code: 422,
    wf.DECISION_ID_REQUIRED.code: 422,
    wf.TRANSFER_FINISHED.code: 409,
    wf.WITHDRAW_TOO_LATE.code: 409,
    wf.PUPIL_HAS_OPEN_CASE.code: 409,
    wf.INVALID_CASE_INPUT.code: 422,
    wf.SHIPPING_METHOD_REQUIRED.code: 422,
}


def workflow_error(code: str) -> ErrorCode:
    """The ErrorCode for a workflow refusal code, with the workflow's Chinese message."""
    known = {error.code: error for error in wf.ALL_ERRORS}
    message = known[code].message if code in known else "办理请求被拒绝"
    return ErrorCode(code, WORKFLOW_STATUS.get(code, 409), message)
