"""Every refusal the transfer API answers with: stable code, HTTP status, Chinese message.

Only the transfer service's own codes: those it shares with the registry (pupil state,
evidence, workflow outages) are in `xueji_common.errors`, and the refusals its workflow's
update validators raise, with their statuses, in `xueji_workflows.errors`.
"""

from __future__ import annotations

from xueji_common.errors import ErrorCode

TRANSFER_NOT_FOUND = ErrorCode("TRANSFER_NOT_FOUND", 404, "转学申请不存在或不在本单位管辖范围内")
PUPIL_HAS_OPEN_TRANSFER = ErrorCode(
    "PUPIL_HAS_OPEN_TRANSFER", 409, "该学生已有未办结的转学申请，不能再次申请"
)
SENDING_PROVINCE_MISMATCH = ErrorCode(
    "SENDING_PROVINCE_MISMATCH", 422, "学生当前学籍不在所填转出省份"
)
SAME_SCHOOL = ErrorCode("SAME_SCHOOL", 422, "转入学校与转出学校相同")
SUSPENDED_NOT_ALLOWED = ErrorCode("SUSPENDED_NOT_ALLOWED", 422, "按本省规定，休学期间不能转学")
DISCIPLINE_NOT_ALLOWED = ErrorCode("DISCIPLINE_NOT_ALLOWED", 422, "按本省规定，处分期间不能转学")
GRADUATING_YEAR = ErrorCode("GRADUATING_YEAR", 422, "按本省规定，毕业年级学生不能转学")
EVIDENCE_TYPE_NOT_ALLOWED = ErrorCode(
    "EVIDENCE_TYPE_NOT_ALLOWED", 422, "佐证材料只能是PDF、JPEG或PNG文件"
)
CALENDAR_INVALID = ErrorCode("CALENDAR_INVALID", 422, "节假日安排不正确")
REGISTRY_UNAVAILABLE = ErrorCode("REGISTRY_UNAVAILABLE", 503, "学籍服务暂不可用，请稍后重试")
