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

# Parent sign-in: one message for an unknown number and a wrong name, so neither is revealed.
PHOTO_PARENT_NOT_MATCHED = ErrorCode(
    "PHOTO_PARENT_NOT_MATCHED", 401, "学籍副号或学生姓名不正确，请核对后重新输入"
)
PHOTO_CAPTCHA_WRONG = ErrorCode(
    "PHOTO_CAPTCHA_WRONG", 401, "验证码不正确或已过期，请刷新验证码后重试"
)
# The message names the time (Asia/Shanghai) from which a new attempt is taken.
PHOTO_SIGN_IN_LOCKED = ErrorCode("PHOTO_SIGN_IN_LOCKED", 429, "尝试次数过多，请于 {until} 后再试")
# School access: registration codes and the teachers registered with them.
PHOTO_REGISTRATION_CODE_INVALID = ErrorCode(
    "PHOTO_REGISTRATION_CODE_INVALID", 422, "注册码无效或已作废，请向区县教育局索取新的注册码"
)
PHOTO_REGISTRATION_CODE_NOT_ISSUED = ErrorCode(
    "PHOTO_REGISTRATION_CODE_NOT_ISSUED", 404, "该学校没有有效的注册码"
)
PHOTO_TEACHER_USERNAME_INVALID = ErrorCode(
    "PHOTO_TEACHER_USERNAME_INVALID", 422, "用户名须为 3–64 位字母、数字、下划线、点或连字符"
)
PHOTO_TEACHER_USERNAME_TAKEN = ErrorCode("PHOTO_TEACHER_USERNAME_TAKEN", 409, "该用户名已被使用")
PHOTO_TEACHER_PASSWORD_TOO_WEAK = ErrorCode(
    "PHOTO_TEACHER_PASSWORD_TOO_WEAK", 422, "密码至少 10 位，且须同时包含字母和数字"
)
PHOTO_TEACHER_NAME_REQUIRED = ErrorCode("PHOTO_TEACHER_NAME_REQUIRED", 422, "请填写真实姓名")
PHOTO_TEACHER_SIGN_IN_FAILED = ErrorCode("PHOTO_TEACHER_SIGN_IN_FAILED", 401, "用户名或密码不正确")
PHOTO_TEACHER_NOT_FOUND = ErrorCode("PHOTO_TEACHER_NOT_FOUND", 404, "未找到该教师账号")
PHOTO_UNIT_NOT_FOUND = ErrorCode(
    "PHOTO_UNIT_NOT_FOUND", 404, "未找到该单位，或该单位不在本单位管辖范围内"
)
PHOTO_CARD_BATCH_SIZE_INVALID = ErrorCode(
    "PHOTO_CARD_BATCH_SIZE_INVALID", 422, "每批制证人数超出范围"
)
PHOTO_CARD_BATCH_EMPTY = ErrorCode(
    "PHOTO_CARD_BATCH_EMPTY", 409, "没有待制证的一年级学生照片：合格照片都已编入制证批次"
)
PHOTO_CARD_BATCH_NOT_FOUND = ErrorCode("PHOTO_CARD_BATCH_NOT_FOUND", 404, "未找到该制证批次")
PHOTO_GRADUATION_LIST_NOT_FOUND = ErrorCode(
    "PHOTO_GRADUATION_LIST_NOT_FOUND", 404, "未找到该毕业证书照片名单"
)
PHOTO_GRADUATION_STAGE_INVALID = ErrorCode(
    "PHOTO_GRADUATION_STAGE_INVALID", 422, "学段应为小学（primary）、初中（junior）或高中（senior）"
)
PHOTO_GRADUATION_LIST_TOO_LARGE = ErrorCode(
    "PHOTO_GRADUATION_LIST_TOO_LARGE", 409, "名单人数过多，请按区县或学校分别生成"
)
