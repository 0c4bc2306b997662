"""One-time messages carried across a redirect as a code in a cookie.

Only codes of this table travel, never text, so no one can make a page say something else.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from xueji_console.session import clear_cookie, set_cookie

FLASH_COOKIE = "xueji_flash"

MESSAGES = {
    "signed_in": ("success", "登录成功。"),
    "signed_out": ("info", "您已安全退出。"),
    "session_expired": ("warning", "登录已过期，请重新登录。"),
    "sign_in_required": ("info", "请先登录。"),
    "teacher_registered": ("success", "注册成功，请用刚才设置的用户名和密码登录。"),
    "photo_window_set": ("success", "采集时间已保存。"),
    "photo_code_revoked": ("success", "注册码已作废，不能再用它注册。"),
    "photo_reopened": ("success", "照片已重新开放，可再上传一次。"),
    "export_applied": ("success", "导出申请已提交，等待审批。"),
    "export_approved": ("success", "已同意，导出文件随后生成。"),
    "export_refused": ("success", "已不同意，导出申请已办结。"),
    "export_executed": ("success", "已执行后台导出，文件随后生成。"),
    "transfer_filed": ("success", "转学申请已提交，等待审核。"),
    "pupil_entered": ("success", "学生已录入。"),
    "class_created": ("success", "班级已建立。"),
    "pupils_assigned": ("success", "已分入本班。"),
    "transfer_approved": ("success", "已同意，转学申请转入下一环节。"),
    "transfer_refused": ("success", "已不同意，转学申请已办结。"),
    "transfer_withdrawn": ("success", "转学申请已撤回。"),
    "transfer_reported": ("success", "已办理，转学申请转入下一环节。"),
    "transfer_completed": ("success", "已确认收到纸质档案，转学办结。"),
    "import_done": ("success", "导入完成，所有行均已通过校验。"),
    "import_has_errors": ("warning", "导入完成，部分行有错误：请看下方逐行报告，修改后重新导入。"),
    "registration_submitted": ("success", "已上报县（区）教育局，等待审核。"),
    "registration_approved": ("success", "已审核通过，学生学籍已注册。"),
    "registration_returned": ("success", "已退回学校，并附退回原因。"),
}


def flash(response: Response, code: str) -> None:
    if code not in MESSAGES:
        raise ValueError(f"unknown flash message {code}")
    set_cookie(response, FLASH_COOKIE, code)


def waiting(request: Request) -> list[tuple[str, str]]:
    """The message waiting for this page, as (level, text)."""
    code = request.cookies.get(FLASH_COOKIE)
    return [MESSAGES[code]] if code in MESSAGES else []


def shown(request: Request, response: Response) -> None:
    """The page showing the message clears it, so it appears once."""
    if FLASH_COOKIE in request.cookies:
        clear_cookie(response, FLASH_COOKIE)
