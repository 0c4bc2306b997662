"""Every refusal the registry can answer with: stable code, HTTP status, Chinese message."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

ORG_UNIT_CODE_INVALID = ErrorCode("ORG_UNIT_CODE_INVALID", 422, "单位代码不符合行政区划代码规则")
ORG_UNIT_PARENT_MISMATCH = ErrorCode("ORG_UNIT_PARENT_MISMATCH", 422, "单位代码与上级单位不一致")
ORG_UNIT_KIND_INVALID = ErrorCode("ORG_UNIT_KIND_INVALID", 422, "上级单位下不能设立该类型的单位")
ORG_UNIT_EXISTS = ErrorCode("ORG_UNIT_EXISTS", 409, "该单位代码已存在")
ORG_UNIT_NAME_INVALID = ErrorCode(
    "ORG_UNIT_NAME_INVALID", 422, "单位名称不能为空、不能超过100字且不能含控制字符"
)
SCHOOL_CODE_INVALID = ErrorCode("SCHOOL_CODE_INVALID", 422, "学校标识码不正确")
SCHOOL_STAGES_INVALID = ErrorCode("SCHOOL_STAGES_INVALID", 422, "学校学段不正确")
ACCOUNT_USERNAME_TAKEN = ErrorCode("ACCOUNT_USERNAME_TAKEN", 409, "用户名已被使用")
ACCOUNT_ROLE_NOT_ALLOWED = ErrorCode(
    "ACCOUNT_ROLE_NOT_ALLOWED", 422, "该单位类型的账号不能担任此角色"
)
ACCOUNT_USERNAME_INVALID = ErrorCode(
    "ACCOUNT_USERNAME_INVALID", 422, "用户名须为3至64位字母、数字、下划线、点或连字符"
)
PASSWORD_TOO_WEAK = ErrorCode("PASSWORD_TOO_WEAK", 422, "密码至少10位，且须同时包含字母和数字")
LOGIN_FAILED = ErrorCode("LOGIN_FAILED", 401, "用户名或密码错误")
LOGIN_LOCKED = ErrorCode("LOGIN_LOCKED", 429, "登录失败次数过多，账号已临时锁定，请15分钟后再试")
# Pupils
PUPIL_NOT_FOUND = ErrorCode("PUPIL_NOT_FOUND", 404, "学生不存在或不在本单位管辖范围内")
PUPIL_DUPLICATE_ID = ErrorCode(
    "PUPIL_DUPLICATE_ID", 409, "该身份证号已有在籍学籍，一人只能有一个学籍（一人一籍）"
)
PUPIL_NAME_MISMATCH = ErrorCode("PUPIL_NAME_MISMATCH", 422, "学生姓名与学籍号不符")
PUPIL_HAS_OPEN_CASE = ErrorCode("PUPIL_HAS_OPEN_CASE", 409, "该学生有未办结的转学或异动业务")
PUPIL_HAS_PROBLEMS = ErrorCode("PUPIL_HAS_PROBLEMS", 422, "该学生为问题学籍，须先处理问题")
PUPIL_NOT_ACTIVE = ErrorCode("PUPIL_NOT_ACTIVE", 409, "该学生不是在籍状态")
PUPIL_NOT_AT_SENDING_SCHOOL = ErrorCode(
    "PUPIL_NOT_AT_SENDING_SCHOOL", 409, "该学生不在转出学校在籍"
)
PUPIL_UNDER_REVIEW = ErrorCode("PUPIL_UNDER_REVIEW", 409, "该学生的注册信息正在审核中，暂不能修改")
PUPIL_CORE_FIELD_LOCKED = ErrorCode(
    "PUPIL_CORE_FIELD_LOCKED",
    409,
    "已注册学生的姓名、身份证号、出生日期和性别只能通过信息更正申请修改",
)
PUPIL_GRADE_LOCKED = ErrorCode(
    "PUPIL_GRADE_LOCKED", 409, "已注册学生的年级变动须通过学籍异动（留级、跳级）办理"
)
PUPIL_DELETED = ErrorCode("PUPIL_DELETED", 409, "该学籍已删除")
PUPIL_NOT_PROBLEM = ErrorCode("PUPIL_NOT_PROBLEM", 409, "只能删除问题学籍")
PUPIL_REGISTERED = ErrorCode("PUPIL_REGISTERED", 409, "已注册过的学籍不能删除")
REASON_NOT_PROVABLE = ErrorCode("REASON_NOT_PROVABLE", 422, "该问题不能通过佐证材料解决")
REASON_NOT_OPEN = ErrorCode("REASON_NOT_OPEN", 422, "该学生没有这一问题")
NATIONAL_NUMBER_EXHAUSTED = ErrorCode(
    "NATIONAL_NUMBER_EXHAUSTED", 409, "该地区和出生日期下的学籍号顺序码已用尽，请联系运维人员"
)
J_NUMBER_NOT_ALLOWED = ErrorCode(
    "J_NUMBER_NOT_ALLOWED", 409, "J字头学籍号仅用于无有效身份证号且出生日期已知的学生"
)
# Classes
CLASS_NOT_FOUND = ErrorCode("CLASS_NOT_FOUND", 404, "班级不存在或不属于本校")
CLASS_EXISTS = ErrorCode("CLASS_EXISTS", 409, "该年级已有此班号的班级")
CLASS_GRADE_INVALID = ErrorCode("CLASS_GRADE_INVALID", 422, "本校所设学段没有该年级")
CLASS_TEACHER_INVALID = ErrorCode("CLASS_TEACHER_INVALID", 422, "班主任须为本校的班主任账号")
CLASS_GRADE_MISMATCH = ErrorCode("CLASS_GRADE_MISMATCH", 422, "学生年级与班级年级不一致")
# Registration
REGISTRATION_NOTHING_TO_SUBMIT = ErrorCode(
    "REGISTRATION_NOTHING_TO_SUBMIT", 422, "没有可上报注册的学生"
)
REGISTRATION_PUPILS_NOT_ELIGIBLE = ErrorCode(
    "REGISTRATION_PUPILS_NOT_ELIGIBLE", 422, "部分学生不能上报注册，本次上报未执行"
)
SUBMISSION_NOT_FOUND = ErrorCode(
    "SUBMISSION_NOT_FOUND", 404, "上报批次不存在或不在本单位管辖范围内"
)
SUBMISSION_DECIDED = ErrorCode("SUBMISSION_DECIDED", 409, "该上报批次已审核")
# Corrections
CORRECTION_ONLY_REGISTERED = ErrorCode(
    "CORRECTION_ONLY_REGISTERED", 409, "未注册的学生请直接修改信息，无需更正申请"
)
CORRECTION_NO_CHANGE = ErrorCode("CORRECTION_NO_CHANGE", 422, "更正内容与现有信息相同")
CORRECTION_PENDING = ErrorCode("CORRECTION_PENDING", 409, "该学生已有待审核的信息更正申请")
CORRECTION_INVALID = ErrorCode("CORRECTION_INVALID", 422, "更正后的信息未通过校验")
CORRECTION_NOT_FOUND = ErrorCode(
    "CORRECTION_NOT_FOUND", 404, "更正申请不存在或不在本单位管辖范围内"
)
CORRECTION_DECIDED = ErrorCode("CORRECTION_DECIDED", 409, "该更正申请已审核")
# Evidence documents
EVIDENCE_TOO_LARGE = ErrorCode("EVIDENCE_TOO_LARGE", 413, "佐证材料不能超过10 MB")
EVIDENCE_EMPTY = ErrorCode("EVIDENCE_EMPTY", 422, "佐证材料为空文件")
EVIDENCE_TYPE_UNSUPPORTED = ErrorCode(
    "EVIDENCE_TYPE_UNSUPPORTED", 415, "佐证材料只能是PDF、JPEG或PNG文件"
)
EVIDENCE_NOT_FOUND = ErrorCode(
    "EVIDENCE_NOT_FOUND", 404, "佐证材料不存在或不在本单位管辖范围内"
)
EVIDENCE_PUPIL_MISMATCH = ErrorCode("EVIDENCE_PUPIL_MISMATCH", 422, "佐证材料不属于该学生")
# Platform API
SCHOOL_NOT_FOUND = ErrorCode("SCHOOL_NOT_FOUND", 404, "学校不存在")
