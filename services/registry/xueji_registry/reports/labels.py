"""Chinese labels the report workbooks print for codes and field names."""

from __future__ import annotations

from xueji_registry.domain.code_tables import (
    GENDERS,
    PUPIL_STATUS_NAMES,
    STAGE_NAMES,
    PupilStatus,
    stage_from,
)

# Field names as field_history stores them (the PupilRecord snapshot's names).
FIELD_LABELS: dict[str, str] = {
    "national_number": "全国学籍号",
    "local_number": "学籍副号",
    "name": "姓名",
    "gender_code": "性别",
    "birth_date": "出生日期",
    "ethnicity_code": "民族",
    "nationality_code": "国籍",
    "id_type": "身份证件类型",
    "id_number": "身份证件号",
    "household_registration.division_code": "户口所在地区划",
    "household_registration.address": "户口所在地",
    "household_registration.nature_code": "户口性质",
    "address": "现住址",
    "guardians": "监护人",
    "school": "学校",
    "class_name": "班级",
    "grade": "年级",
    "stage": "学段",
    "enrolment_year": "入学年份",
    "graduation_year": "毕业届别",
    "status": "学籍状态",
    "registration_state": "注册状态",
    "inclusive_education": "随班就读",
    "disability_category_code": "残疾类型",
    "under_discipline": "受处分",
    "deleted": "已删除",
}

NUMBER_FORMS: dict[str, str] = {
    "G": "正式学籍号",
    "L": "临时学籍号",
    "J": "无有效身份证件学籍号（J字头）",
}


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def gender_label(code: str | None) -> str:
    return GENDERS.get(code or "", "")


def stage_label(code: str) -> str:
    known = stage_from(code)
    return STAGE_NAMES[known] if known else code


def status_label(code: str) -> str:
    try:
        return PUPIL_STATUS_NAMES[PupilStatus(code)]
    except ValueError:
        return code


def grade_label(grade: int) -> str:
    words = ("一", "二", "三", "四", "五", "六", "七", "八", "九")
    if 10 <= grade <= 12:
        return f"高{words[grade - 10]}"
    return f"{words[grade - 1]}年级" if 1 <= grade <= 9 else str(grade)
