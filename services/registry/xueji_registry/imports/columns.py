"""The import template's columns as data: Chinese header, field, whether required, help text.

The template, the reader and the error report all take their columns from
here; nothing else spells a header.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    required: bool
    help: str
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("姓名", "name", True, "与户口簿一致，生僻字照录", "张三"),
    Column("性别", "gender", True, "男/女（或代码1/2）", "男"),
    Column("出生日期", "birth_date", True, "日期格式，如2019-03-04", "2019-03-04"),
    Column("民族", "ethnicity", False, "如汉族（或两位代码01）", "汉族"),
    Column("国籍", "nationality", False, "留空视为中国；可填三位字母代码，如CHN", "中国"),
    Column("身份证件类型", "id_type", False, "留空且填写证件号时视为居民身份证", "居民身份证"),
    Column("身份证件号", "id_number", False, "18位，末位X大小写均可；请设为文本格式", ""),
    Column("全国学籍号", "national_number", False, "已有学籍号的学生填写，新生留空", ""),
    Column("学籍副号", "local_number", False, "有学籍副号的省份填写", ""),
    Column("学段", "stage", False, "小学/初中/高中/特殊教育；留空按年级推定", "小学"),
    Column("年级", "grade", True, "如一年级、初一、高一，或1-12", "一年级"),
    Column("班级", "class_name", False, "如3或3班；留空则待分班", "3"),
    Column("入学年份", "enrolment_year", True, "进入当前学段的年份，如2026", "2026"),
    Column("户口所在地", "household_address", False, "户口簿登记地址", ""),
    Column("户口所在地区划代码", "household_division", False, "6位行政区划代码", ""),
    Column("现住址", "address", False, "", ""),
    Column("监护人姓名", "guardian_name", False, "", ""),
    Column("监护人关系", "guardian_relation", False, "如父亲、母亲、祖父", "父亲"),
    Column("监护人电话", "guardian_phone", False, "手机或固定电话", ""),
    Column("随班就读", "inclusive_education", False, "是/否，留空为否", "否"),
    Column("残疾类型", "disability_category", False, "随班就读学生必填，如视力残疾", ""),
)

# Columns the error report adds; a corrected report can be uploaded as it is.
ROW_NUMBER_HEADER = "原行号"
ERROR_HEADER = "错误原因"
REPORT_HEADERS: tuple[str, ...] = (ROW_NUMBER_HEADER, ERROR_HEADER)

DATA_SHEET = "学生信息"
GUIDE_SHEET = "说明"

BY_HEADER: dict[str, Column] = {column.header: column for column in COLUMNS}
BY_FIELD: dict[str, Column] = {column.field: column for column in COLUMNS}
HEADERS: tuple[str, ...] = tuple(column.header for column in COLUMNS)
