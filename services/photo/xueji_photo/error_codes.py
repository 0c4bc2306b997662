"""Every refusal the photo API answers with: stable code, HTTP status, Chinese message."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

PUPIL_NOT_FOUND = ErrorCode(
    "PHOTO_PUPIL_NOT_FOUND", 404, "未找到该学生，或该学生不在本单位管辖范围内"
)
PUPIL_NOT_ENROLLED = ErrorCode("PHOTO_PUPIL_NOT_ENROLLED", 409, "该学生不是在校状态，不采集照片")
PHOTO_NOT_FOUND = ErrorCode("PHOTO_NOT_FOUND", 404, "该学生还没有合格照片")
PHOTO_ALREADY_ACCEPTED = ErrorCode(
    "PHOTO_ALREADY_ACCEPTED",
    409,
    "该学生已有合格照片，不能再次上传；如需更换，请联系区县教育局重新开放",
)
PHOTO_REFUSED = ErrorCode("PHOTO_REFUSED", 422, "照片不符合要求")
PHOTO_FILE_MISSING = ErrorCode("PHOTO_FILE_MISSING", 422, "请选择要上传的照片文件")
PHOTO_FILE_TOO_LARGE = ErrorCode("PHOTO_FILE_TOO_LARGE", 413, "照片文件过大")
WINDOW_NOT_SET = ErrorCode("PHOTO_WINDOW_NOT_SET", 409, "尚未设置照片采集时间，暂不能上传")
OUTSIDE_WINDOW = ErrorCode("PHOTO_OUTSIDE_WINDOW", 409, "不在照片采集时间内")
WINDOW_INVALID = ErrorCode("PHOTO_WINDOW_INVALID", 422, "采集结束日期不能早于开始日期")
RULE_INVALID = ErrorCode("PHOTO_RULE_INVALID", 422, "照片规格不正确")
REOPEN_REASON_REQUIRED = ErrorCode("PHOTO_REOPEN_REASON_REQUIRED", 422, "重新开放须填写原因")
UNIT_NOT_FOUND = ErrorCode(
    "PHOTO_UNIT_NOT_FOUND", 404, "未找到该单位，或该单位不在本单位管辖范围内"
)
CARD_BATCH_SIZE_INVALID = ErrorCode("PHOTO_CARD_BATCH_SIZE_INVALID", 422, "每批制证人数超出范围")
CARD_BATCH_EMPTY = ErrorCode(
    "PHOTO_CARD_BATCH_EMPTY", 409, "没有待制证的一年级学生照片：合格照片都已编入制证批次"
)
CARD_BATCH_NOT_FOUND = ErrorCode("PHOTO_CARD_BATCH_NOT_FOUND", 404, "未找到该制证批次")
GRADUATION_LIST_NOT_FOUND = ErrorCode(
    "PHOTO_GRADUATION_LIST_NOT_FOUND", 404, "未找到该毕业证书照片名单"
)
GRADUATION_STAGE_INVALID = ErrorCode(
    "PHOTO_GRADUATION_STAGE_INVALID", 422, "学段应为小学（primary）、初中（junior）或高中（senior）"
)
GRADUATION_LIST_TOO_LARGE = ErrorCode(
    "PHOTO_GRADUATION_LIST_TOO_LARGE", 409, "名单人数过多，请按区县或学校分别生成"
)
