"""The console's own refusals; everything else it shows is a service's problem or a shared code."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

CSRF_TOKEN_INVALID = ErrorCode(
    "CSRF_TOKEN_INVALID", 403, "表单已失效或来源不明，请返回上一页，刷新后重新提交"
)
PAGE_NOT_FOUND = ErrorCode("PAGE_NOT_FOUND", 404, "页面不存在")
QUERY_INVALID = ErrorCode("QUERY_INVALID", 422, "查询条件格式不正确")
CAPTCHA_MISSING = ErrorCode("CAPTCHA_MISSING", 422, "请输入图片中的验证码；看不到图片时请刷新页面")
