"""Errors a caller can act on: a stable English code, a Chinese message, the offending field.

Every code is defined once, with its HTTP status and its Chinese message. The codes more than
one service answers with (request-level refusals, the pupil-state refusals, shared evidence and
workflow outages) live here; each package defines only its own codes in one catalogue module
(`xueji_<service>/error_codes.py`, the workflows' `xueji_workflows/errors.py`).
`tests/unit/test_error_catalogue.py` finds every catalogue, keeps the codes unique and the
README's "Error codes" table in step with them.

Pure (dataclasses only): the workflow sandbox imports it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    code: str
    status: int
    message: str
    # The national registry system's number for the same refusal, where provinces expect it.
    national_code: int | None = None


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
        national = {} if error.national_code is None else {"national_error": error.national_code}
        self.extra = national | (extra or {})

    @property
    def message(self) -> str:
        return f"{self.error.message}：{self.detail}" if self.detail else self.error.message


# Requests
VALIDATION_FAILED = ErrorCode("VALIDATION_FAILED", 422, "请求数据不符合要求")
UNAUTHENTICATED = ErrorCode("UNAUTHENTICATED", 401, "未登录或登录已过期，请重新登录")
FORBIDDEN = ErrorCode("FORBIDDEN", 403, "当前账号无权执行此操作")
NOT_FOUND = ErrorCode("NOT_FOUND", 404, "数据不存在或不在本单位管辖范围内")
ROUTE_NOT_FOUND = ErrorCode("ROUTE_NOT_FOUND", 404, "请求的接口不存在")
METHOD_NOT_ALLOWED = ErrorCode("METHOD_NOT_ALLOWED", 405, "接口不支持该请求方法")
REQUEST_TOO_LARGE = ErrorCode("REQUEST_TOO_LARGE", 413, "请求内容过大")
# Any other refusal the HTTP layer raises; it answers with that refusal's own status.
HTTP_ERROR = ErrorCode("HTTP_ERROR", 400, "请求失败")
CONFLICT = ErrorCode("CONFLICT", 409, "数据已被他人修改，请刷新后重试")
INTERNAL_ERROR = ErrorCode("INTERNAL_ERROR", 500, "系统内部错误，请稍后重试或联系运维人员")
DEPENDENCY_UNAVAILABLE = ErrorCode("DEPENDENCY_UNAVAILABLE", 503, "依赖服务暂不可用，请稍后重试")
WORKFLOW_UNAVAILABLE = ErrorCode("WORKFLOW_UNAVAILABLE", 503, "流程服务暂不可用，请稍后重试")
# Pupils, as the registry finds them for a case (its own API and the platform API)
PUPIL_NOT_FOUND = ErrorCode("PUPIL_NOT_FOUND", 404, "学生不存在或不在本单位可查看的范围内")
PUPIL_NAME_MISMATCH = ErrorCode("PUPIL_NAME_MISMATCH", 422, "学生姓名与所填学籍号或身份证号不符")
PUPIL_NOT_ACTIVE = ErrorCode("PUPIL_NOT_ACTIVE", 409, "该学生当前不是在籍状态，不能办理此业务")
PUPIL_HAS_PROBLEMS = ErrorCode(
    "PUPIL_HAS_PROBLEMS", 422, "该学生为问题学籍，须先处理问题才能办理此业务"
)
PUPIL_HAS_OPEN_CASE = ErrorCode(
    "PUPIL_HAS_OPEN_CASE",
    409,
    "该学生有未办结的转学或学籍异动，办结前不能申请新的业务",
    national_code=2002,
)
GRADE_CHANGE_NOT_ALLOWED = ErrorCode(
    "GRADE_CHANGE_NOT_ALLOWED", 422, "按本省规定，不能办理该年级变动"
)
# Evidence documents (佐证材料) each service keeps for its cases
EVIDENCE_NOT_FOUND = ErrorCode(
    "EVIDENCE_NOT_FOUND", 404, "佐证材料不存在或不在本单位管辖范围内"
)
EVIDENCE_TOO_LARGE = ErrorCode("EVIDENCE_TOO_LARGE", 413, "佐证材料不能超过10 MB")
