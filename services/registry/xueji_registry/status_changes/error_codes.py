"""Refusals of status changes, the 辍学 flag and province rules: code, HTTP status, message."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

STATUS_CHANGE_NOT_FOUND = ErrorCode(
    "STATUS_CHANGE_NOT_FOUND", 404, "学籍异动不存在或不在本单位管辖范围内"
)
STATUS_CHANGE_BATCH_NOT_FOUND = ErrorCode(
    "STATUS_CHANGE_BATCH_NOT_FOUND", 404, "批量毕业申请不存在或不在本单位管辖范围内"
)
STATUS_CHANGE_TYPE_INVALID = ErrorCode("STATUS_CHANGE_TYPE_INVALID", 422, "学籍异动类型不正确")
EVIDENCE_REQUIRED = ErrorCode("STATUS_CHANGE_EVIDENCE_REQUIRED", 422, "该类学籍异动须附佐证材料")
DROPOUT_IN_COMPULSORY_EDUCATION = ErrorCode(
    "DROPOUT_IN_COMPULSORY_EDUCATION",
    422,
    "义务教育阶段学生不能办理退学。学生不再到校的，学籍保留，"
    "请使用辍学标记（PUT /v1/pupils/{pupil_id}/left-school）",
)
STATUS_NOT_ELIGIBLE = ErrorCode(
    "STATUS_CHANGE_STATUS_NOT_ELIGIBLE", 409, "学生当前的学籍状态不能办理该异动"
)
GRADE_CHANGE_NOT_ALLOWED = ErrorCode(
    "GRADE_CHANGE_NOT_ALLOWED", 422, "本省不允许办理该年级异动（留级/跳级）"
)
GRADE_OUT_OF_STAGE = ErrorCode("GRADE_CHANGE_OUT_OF_STAGE", 422, "留级或跳级后的年级不在本学段内")
NOT_GRADUATING_GRADE = ErrorCode(
    "NOT_GRADUATING_GRADE", 422, "只有本学段毕业年级的学生可以办理毕业或结业"
)
PUPIL_NOT_AT_SCHOOL = ErrorCode("PUPIL_NOT_AT_SCHOOL", 409, "该学生已不在申请学校在籍")
LEFT_SCHOOL_ONLY_COMPULSORY = ErrorCode(
    "LEFT_SCHOOL_ONLY_COMPULSORY",
    422,
    "辍学标记只用于义务教育阶段；高中阶段学生不再上学的请办理退学",
)
LEFT_SCHOOL_UNCHANGED = ErrorCode("LEFT_SCHOOL_UNCHANGED", 409, "学生的辍学标记已是该状态")
BATCH_EMPTY = ErrorCode("STATUS_CHANGE_BATCH_EMPTY", 422, "该年级没有可以办理毕业的学生")
PROVINCE_NOT_FOUND = ErrorCode("PROVINCE_NOT_FOUND", 404, "省份不存在或不在本单位管辖范围内")
WORKFLOW_UNAVAILABLE = ErrorCode(
    "WORKFLOW_UNAVAILABLE", 503, "流程服务暂不可用，申请未提交，请稍后重试"
)
