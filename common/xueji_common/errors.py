"""Errors a caller can act on: a stable English code, a Chinese message, the offending field.

Each service lists its own codes in one module (`xueji_<service>/error_codes.py`) built from
`ErrorCode`; the codes shared by every service live here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    code: str
    status: int
    message: str


class DomainError(Exception):
    """A refusal the caller caused; it changes nothing and becomes problem+json."""

    def __init__(
        self,
        error: ErrorCode,
        *,
        field: str | None = None,
        detail: str | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(f"{error.code}: {detail or error.message}")
        self.error = error
        self.field = field
        self.detail = detail
        self.extra = extra or {}

    @property
    def message(self) -> str:
        return f"{self.error.message}：{self.detail}" if self.detail else self.error.message


VALIDATION_FAILED = ErrorCode("VALIDATION_FAILED", 422, "请求数据不符合要求")
UNAUTHENTICATED = ErrorCode("UNAUTHENTICATED", 401, "未登录或登录已过期，请重新登录")
FORBIDDEN = ErrorCode("FORBIDDEN", 403, "当前账号无权执行此操作")
NOT_FOUND = ErrorCode("NOT_FOUND", 404, "数据不存在或不在本单位管辖范围内")
ROUTE_NOT_FOUND = ErrorCode("ROUTE_NOT_FOUND", 404, "请求的接口不存在")
METHOD_NOT_ALLOWED = ErrorCode("METHOD_NOT_ALLOWED", 405, "接口不支持该请求方法")
REQUEST_TOO_LARGE = ErrorCode("REQUEST_TOO_LARGE", 413, "请求内容过大")
CONFLICT = ErrorCode("CONFLICT", 409, "数据已被他人修改，请刷新后重试")
INTERNAL = ErrorCode("INTERNAL_ERROR", 500, "系统内部错误，请稍后重试或联系运维人员")
DEPENDENCY_UNAVAILABLE = ErrorCode("DEPENDENCY_UNAVAILABLE", 503, "依赖服务暂不可用，请稍后重试")
