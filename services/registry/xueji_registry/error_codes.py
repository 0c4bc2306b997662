"""Every refusal the registry answers with: stable code, HTTP status, Chinese message.

Only the registry's own codes; those it shares with other services (pupil state, evidence,
workflow outages, request-level refusals) are in `xueji_common.errors`. Row-level problems of
an import are not refusals; they are reasons (`domain/reason_codes.py`) in the import report.
"""

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
PUPIL_DUPLICATE_ID = ErrorCode(
    "PUPIL_DUPLICATE_ID", 409, "该身份证号已有在籍学籍，一人只能有一个学籍（一人一籍）"
)
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
EVIDENCE_EMPTY = ErrorCode("EVIDENCE_EMPTY", 422, "佐证材料为空文件")
EVIDENCE_TYPE_UNSUPPORTED = ErrorCode(
    "EVIDENCE_TYPE_UNSUPPORTED", 415, "佐证材料只能是PDF、JPEG或PNG文件"
)
EVIDENCE_PUPIL_MISMATCH = ErrorCode("EVIDENCE_PUPIL_MISMATCH", 422, "佐证材料不属于该学生")
# Import files (a refusal of the whole file)
IMPORT_FILE_TOO_LARGE = ErrorCode("IMPORT_FILE_TOO_LARGE", 413, "上传的文件超过大小上限")
IMPORT_FILE_EMPTY = ErrorCode("IMPORT_FILE_EMPTY", 422, "上传的文件是空的")
IMPORT_FILE_NOT_XLSX = ErrorCode(
    "IMPORT_FILE_NOT_XLSX", 415, "文件不是.xlsx格式的Excel工作簿，请使用导入模板另存为.xlsx后上传"
)
IMPORT_FILE_ENCRYPTED = ErrorCode(
    "IMPORT_FILE_ENCRYPTED",
    415,
    "文件设置了密码或是旧版.xls格式，请取消密码并另存为.xlsx后上传",
)
IMPORT_FILE_MALFORMED = ErrorCode("IMPORT_FILE_MALFORMED", 422, "文件已损坏，无法读取")
IMPORT_SHEET_MISSING = ErrorCode("IMPORT_SHEET_MISSING", 422, "工作簿中没有可导入的工作表")
IMPORT_TOO_MANY_ROWS = ErrorCode("IMPORT_TOO_MANY_ROWS", 413, "文件行数超过单次导入上限")
IMPORT_TOO_MANY_COLUMNS = ErrorCode("IMPORT_TOO_MANY_COLUMNS", 422, "模板列以外的单元格有内容")
IMPORT_HEADERS_INVALID = ErrorCode("IMPORT_HEADERS_INVALID", 422, "表头与导入模板不一致")
IMPORT_NO_ROWS = ErrorCode("IMPORT_NO_ROWS", 422, "文件中没有学生数据")
IMPORT_CLASS_REQUIRED = ErrorCode(
    "IMPORT_CLASS_REQUIRED", 422, "班主任只能导入本班学生，请选择本班后再导入"
)
IMPORT_BUSY = ErrorCode("IMPORT_BUSY", 409, "本校正在进行另一次导入，请稍后再试")
# Status changes, the 辍学 flag and province rules
STATUS_CHANGE_NOT_FOUND = ErrorCode(
    "STATUS_CHANGE_NOT_FOUND", 404, "学籍异动不存在或不在本单位管辖范围内"
)
STATUS_CHANGE_BATCH_NOT_FOUND = ErrorCode(
    "STATUS_CHANGE_BATCH_NOT_FOUND", 404, "批量毕业申请不存在或不在本单位管辖范围内"
)
STATUS_CHANGE_TYPE_INVALID = ErrorCode("STATUS_CHANGE_TYPE_INVALID", 422, "学籍异动类型不正确")
STATUS_CHANGE_EVIDENCE_REQUIRED = ErrorCode(
    "STATUS_CHANGE_EVIDENCE_REQUIRED", 422, "该类学籍异动须附佐证材料"
)
DROPOUT_IN_COMPULSORY_EDUCATION = ErrorCode(
    "DROPOUT_IN_COMPULSORY_EDUCATION",
    422,
    "义务教育阶段学生不能办理退学。学生不再到校的，学籍保留，"
    "请使用辍学标记（PUT /v1/pupils/{pupil_id}/left-school）",
)
STATUS_CHANGE_STATUS_NOT_ELIGIBLE = ErrorCode(
    "STATUS_CHANGE_STATUS_NOT_ELIGIBLE", 409, "学生当前的学籍状态不能办理该异动"
)
GRADE_CHANGE_OUT_OF_STAGE = ErrorCode(
    "GRADE_CHANGE_OUT_OF_STAGE", 422, "留级或跳级后的年级不在本学段内"
)
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
STATUS_CHANGE_BATCH_EMPTY = ErrorCode(
    "STATUS_CHANGE_BATCH_EMPTY", 422, "该年级没有可以办理毕业的学生"
)
PROVINCE_NOT_FOUND = ErrorCode("PROVINCE_NOT_FOUND", 404, "省份不存在或不在本单位管辖范围内")
# Reports and the platform API
REPORT_NOT_FOUND = ErrorCode("REPORT_NOT_FOUND", 404, "报表不存在或不在本单位管辖范围内")
COUNTY_NOT_FOUND = ErrorCode("COUNTY_NOT_FOUND", 404, "区县不存在或不在本单位管辖范围内")
SCHOOL_NOT_FOUND = ErrorCode("SCHOOL_NOT_FOUND", 404, "学校不存在或不在本单位管辖范围内")
