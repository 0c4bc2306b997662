"""Every refusal the photo API answers with: stable code, HTTP status, Chinese message."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

PHOTO_PUPIL_NOT_FOUND = ErrorCode(
    "PHOTO_PUPIL_NOT_FOUND", 404, "未找到该学生，或该学生不在本单位管辖范围内"
)
PHOTO_PUPIL_NOT_ENROLLED = ErrorCode(
    "PHOTO_PUPIL_NOT_ENROLLED", 409, "该学生不是在校状态，不采集照片"
)
PHOTO_NOT_FOUND = ErrorCode("PHOTO_NOT_FOUND", 404, "该学生还没有合格照片")
PHOTO_ALREADY_ACCEPTED = ErrorCode(
    "PHOTO_ALREADY_ACCEPTED",
    409,
    "该学生已有合格照片，不能再次上传；如需更换，请联系区县教育局重新开放",
)
PHOTO_REFUSED = ErrorCode("PHOTO_REFUSED", 422, "照片不符合要求")
PHOTO_FILE_MISSING = ErrorCode("PHOTO_FILE_MISSING", 422, "请选择要上传的照片文件")
PHOTO_FILE_TOO_LARGE = ErrorCode("PHOTO_FILE_TOO_LARGE", 413, "照片文件过大")
PHOTO_WINDOW_NOT_SET = ErrorCode("PHOTO_WINDOW_NOT_SET", 409, "尚未设置照片采集时间，暂不能上传")
PHOTO_OUTSIDE_WINDOW = ErrorCode("PHOTO_OUTSIDE_WINDOW", 409, "不在照片采集时间内")
PHOTO_WINDOW_INVALID = ErrorCode("PHOTO_WINDOW_INVALID", 422, "采集结束日期不能早于开始日期")
PHOTO_RULE_INVALID = ErrorCode("PHOTO_RULE_INVALID", 422, "照片规格不正确")
PHOTO_REOPEN_REASON_REQUIRED = ErrorCode("PHOTO_REOPEN_REASON_REQUIRED", 422, "重新开放须填写原因")
