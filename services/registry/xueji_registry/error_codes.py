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
