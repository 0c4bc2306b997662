"""Chinese names of the codes the APIs return, for display only (the APIs keep the codes)."""

from __future__ import annotations

ROLE_NAMES = {
    "school_registrar": "学校学籍管理员",
    "school_reviewer": "学校审核员",
    "class_teacher": "班主任",
    "county_officer": "县（区）教育局",
    "city_officer": "市教育局",
    "province_officer": "省教育厅",
    "national_operator": "全国学籍管理",
    "database_administrator": "数据库管理员",
    "ops": "运维",
    "platform_service": "平台服务",
    # The photo service's own sessions (navigation.PARENT, navigation.TEACHER).
    "photo_parent": "学生照片采集",
    "photo_teacher": "教师（照片采集）",
}

PUPIL_STATUS_NAMES = {
    "enrolled": "在读",
    "suspended": "休学",
    "absent": "辍学",
    "withdrawn": "退学",
    "deceased": "死亡",
    "graduated": "毕业",
    "completed": "结业",
    "transferred_out": "转出",
}

REGISTRATION_STATE_NAMES = {
    "draft": "有问题待处理",
    "validated": "校验通过待上报",
    "submitted": "已上报待审核",
    "registered": "已注册",
    "returned": "被退回",
}

SUBMISSION_STATE_NAMES = {"pending": "待审核", "approved": "审核通过", "returned": "被退回"}

STAGE_NAMES = {"primary": "小学", "junior": "初中", "senior": "高中", "special": "特殊教育"}

GENDER_NAMES = {"1": "男", "2": "女"}

# The grades a form offers, 1 (primary 1) to 12 (senior 3), as the registry numbers them.
GRADE_NAMES = {str(grade): f"{grade} 年级" for grade in range(1, 13)}

TRANSFER_STEP_NAMES = {
    "receiving_school": "转入学校审核",
    "receiving_bureau": "转入地教育局审核",
    "sending_school": "转出学校审核",
    "sending_bureau": "转出地教育局审核",
    "common_bureau": "共同上级教育局审核",
    "report_arrival": "学生报到",
    "record_move": "学籍调档",
    "paper_file_sent": "寄出纸质档案",
    "paper_file_received": "接收纸质档案",
    "withdrawal": "转入学校撤回申请",
}

TRANSFER_STATE_NAMES = {
    "claiming": "核验学籍中",
    "in_review": "审核中",
    "awaiting_arrival": "待学生报到",
    "moving": "学籍调转中",
    "awaiting_paper_file": "待寄出纸质档案",
    "awaiting_paper_receipt": "待接收纸质档案",
    "completed": "已办结",
    "refused": "未通过",
    "withdrawn": "已撤回",
    "failed": "办理失败",
}

TRANSFER_DECISION_NAMES = {
    "approve": "同意",
    "refuse": "不同意",
    "withdraw": "撤回",
    "reported": "已报到",
    "sent": "已寄出",
    "received": "已接收",
}

# What a report step records besides its decision (the paper file's shipping).
STEP_DETAIL_NAMES = {"method": "寄送方式", "tracking": "运单号"}

# GB/T 2260 province-level codes, for choosing the sending province of a transfer.
PROVINCE_NAMES = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省", "31": "上海市", "32": "江苏省",
    "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省", "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省",
    "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省",
    "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
}  # fmt: skip

PHOTO_COHORT_NAMES = {
    "grade_one_entrant": "一年级新生",
    "graduating": "毕业年级",
    "transferred_in": "外省转入",
    "missing_photo": "尚无照片",
}

PHOTO_OUTCOME_NAMES = {"accepted": "合格", "refused": "不合格"}

STATUS_CHANGE_STEP_NAMES = {"county_bureau": "县（区）教育局审核", "apply_change": "变更学籍"}

EXPORT_STATE_NAMES = {
    "submitted": "已提交",
    "in_review": "审批中",
    "approved": "已批准",
    "refused": "未批准",
    "generating": "文件生成中",
    "ready": "可下载",
    "expired": "已过期",
}

EXPORT_METHOD_NAMES = {"page": "页面导出", "backend": "后台导出"}

EXPORT_STEP_NAMES = {"approval": "教育行政部门审批", "execution": "数据库管理员执行后台导出"}

EXPORT_DECISION_NAMES = {"approve": "同意", "refuse": "不同意", "execute": "已执行"}

EXPORT_AUDIT_ACTION_NAMES = {
    "application.submitted": "提交导出申请",
    "settings.changed": "修改本省导出设置",
}

EXPORT_AUDIT_FINDING_NAMES = {"edited": "被修改", "deleted": "被删除", "reordered": "顺序被调换"}


def name_of(table: dict[str, str], code: str | None) -> str:
    """The Chinese name, or the code itself when a newer API returns one not listed yet."""
    if code is None:
        return ""
    return table.get(code, code)


def audit_outcome(outcome: str) -> str:
    """An audit record's outcome in Chinese: accepted, or refused with the code it got."""
    if outcome.startswith("refused:"):
        return f"被拒绝（{outcome.removeprefix('refused:')}）"
    return {"accepted": "已受理"}.get(outcome, outcome)
