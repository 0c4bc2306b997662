"""Every refusal the export API answers with: stable code, HTTP status, Chinese message."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

EXPORT_FIELD_NOT_IN_CATALOGUE = ErrorCode(
    "EXPORT_FIELD_NOT_IN_CATALOGUE", 422, "申请的字段不在可导出字段目录中"
)
EXPORT_FIELD_REPEATED = ErrorCode("EXPORT_FIELD_REPEATED", 422, "同一字段只能申请一次")
EXPORT_SENSITIVE_REASON_MISSING = ErrorCode(
    "EXPORT_SENSITIVE_REASON_MISSING", 422, "敏感字段须逐项说明申请理由"
)
EXPORT_SCOPE_OUTSIDE_UNIT = ErrorCode(
    "EXPORT_SCOPE_OUTSIDE_UNIT", 422, "导出范围只能是本单位管辖范围内的组织单位"
)
EXPORT_PERIOD_IN_PAST = ErrorCode("EXPORT_PERIOD_IN_PAST", 422, "使用期限不能早于今天")
EXPORT_PERIOD_REVERSED = ErrorCode(
    "EXPORT_PERIOD_REVERSED", 422, "使用期限的结束日期不能早于开始日期"
)
EXPORT_PERIOD_TOO_LONG = ErrorCode("EXPORT_PERIOD_TOO_LONG", 422, "使用期限超过本省规定的最长期限")
EXPORT_HANDLER_NOT_STAFF = ErrorCode(
    "EXPORT_HANDLER_NOT_STAFF", 422, "经办人须为申请单位在职的工作人员账号"
)
EXPORT_METHOD_NOT_ALLOWED = ErrorCode(
    "EXPORT_METHOD_NOT_ALLOWED", 422, "后台导出仅限省级、地市级教育行政部门申请"
)
EXPORT_PAGE_EXPORT_NOT_AUTHORISED = ErrorCode(
    "EXPORT_PAGE_EXPORT_NOT_AUTHORISED", 403, "本县（区）未获省级教育行政部门授权页面导出"
)
EXPORT_CONSENT_REQUIRED = ErrorCode(
    "EXPORT_CONSENT_REQUIRED", 422, "后台导出须上传省级教育行政部门负责人的书面同意文件"
)
EXPORT_DOCUMENT_NOT_FOUND = ErrorCode(
    "EXPORT_DOCUMENT_NOT_FOUND", 422, "所附文件不存在、类型不符或不属于申请单位"
)
EXPORT_DOCUMENT_MISSING = ErrorCode("EXPORT_DOCUMENT_MISSING", 422, "请选择要上传的文件")
EXPORT_DOCUMENT_TOO_LARGE = ErrorCode("EXPORT_DOCUMENT_TOO_LARGE", 413, "文件不能超过10 MB")
EXPORT_DOCUMENT_TYPE = ErrorCode("EXPORT_DOCUMENT_TYPE", 415, "文件须为PDF、JPEG或PNG格式")
EXPORT_SETTINGS_INVALID = ErrorCode("EXPORT_SETTINGS_INVALID", 422, "导出设置不正确")
EXPORT_TRANSITION_NOT_ALLOWED = ErrorCode(
    "EXPORT_TRANSITION_NOT_ALLOWED", 409, "导出申请当前状态下不能执行此操作"
)
EXPORT_DOWNLOAD_NOT_HANDLER = ErrorCode(
    "EXPORT_DOWNLOAD_NOT_HANDLER", 403, "只有本申请指定的经办人可以下载导出文件"
)
EXPORT_DOWNLOAD_NOT_REQUESTER = ErrorCode(
    "EXPORT_DOWNLOAD_NOT_REQUESTER", 403, "只有报表的申请人可以下载该报表"
)
EXPORT_DOWNLOAD_OUTSIDE_PERIOD = ErrorCode(
    "EXPORT_DOWNLOAD_OUTSIDE_PERIOD", 403, "不在使用期限内，不能下载导出文件"
)
EXPORT_FILE_NOT_READY = ErrorCode("EXPORT_FILE_NOT_READY", 409, "导出文件尚未生成")
EXPORT_FILE_DELETED = ErrorCode("EXPORT_FILE_DELETED", 410, "导出文件已按期删除，不能再下载")
EXPORT_RETENTION_TOO_SHORT = ErrorCode(
    "EXPORT_RETENTION_TOO_SHORT", 422, "审计记录保存期限不能少于6个月"
)
EXPORT_REPORT_UNAVAILABLE = ErrorCode(
    "EXPORT_REPORT_UNAVAILABLE", 404, "报表所属单位不存在或不在本账号的管辖范围内"
)
EXPORT_REPORT_NOT_GENERATED = ErrorCode(
    "EXPORT_REPORT_NOT_GENERATED", 404, "该县（区）所请求月份的月报尚未生成"
)
EXPORT_REPORT_UNIT_KIND = ErrorCode(
    "EXPORT_REPORT_UNIT_KIND", 422, "学籍总库报表须指定学校，未获学籍号月报须指定县（区）"
)
