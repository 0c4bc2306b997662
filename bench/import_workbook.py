"""A generated import workbook: realistic pupils of one 九年一贯制 school in Nanjing.

Valid rows throughout, and every `bad_every`-th row broken in one of the ways
schools break them (wrong check character, under-age grade 1, a formula, a
duplicate ID number, an unknown gender), so that the benchmark pays for the
error path too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import rustpy_xlsxwriter

from xueji_registry.domain.divisions import is_known_division, retired_before
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.imports.columns import DATA_SHEET, HEADERS

SCHOOL_CODE = "3132000001"  # 31 九年一贯制/初中 category, province 32
COUNTY_CODE = "320102"
GRADES = tuple(range(1, 10))
CLASSES_PER_GRADE = 40
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"  # noqa: E501
GIVEN = "子涵欣怡梓萱一诺浩宇梓轩雨泽宇轩思远若曦佳琪俊杰明轩语桐嘉怡晨阳天佑沐宸芷若浩然诗涵瑾萱"
STREETS = ("中山路", "北京东路", "珠江路", "汉中路", "龙蟠路", "太平北路", "鼓楼街", "湖南路")
GRADE_NAMES = tuple(f"{digit}年级" for digit in "一二三四五六七八九")
BREAKAGES = ("check_character", "under_age", "formula", "duplicate_id", "gender")


def divisions() -> list[str]:
    codes = [f"32{city:02d}{county:02d}" for city in range(1, 14) for county in range(2, 15)]
    return [c for c in codes if is_known_division(c) and not retired_before(c, 2026)]


@dataclass(frozen=True)
class WorkbookPlan:
    rows: int
    school_year: int  # the current school year by its starting year
    bad_every: int = 1000
    seed: int = 20261123


def _birth(rng: random.Random, grade: int, school_year: int) -> date:
    # Born September to August, so that grade 1 pupils are 6 on 31 August.
    start = date(school_year - grade - 6, 9, 1)
    return start + timedelta(days=rng.randrange(365))


def pupil_rows(plan: WorkbookPlan) -> Iterator[dict[str, object]]:
    rng = random.Random(plan.seed)
    areas = divisions()
    used: set[str] = set()
    first_id = ""
    for index in range(plan.rows):
        grade = GRADES[index % len(GRADES)]
        birth = _birth(rng, grade, plan.school_year)
        while True:
            id_number = make_id_number(rng.choice(areas), birth, rng.randrange(1, 1000))
            if id_number not in used:
                used.add(id_number)
                break
        first_id = first_id or id_number
        gender = "男" if int(id_number[16]) % 2 else "女"
        surname = rng.choice(SURNAMES)
        stage_start = plan.school_year - (grade - 1 if grade <= 6 else grade - 7)
        street = rng.choice(STREETS)
        row: dict[str, object] = {
            "姓名": surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))),
            "性别": gender,
            "出生日期": birth,
            "民族": "汉族" if rng.random() < 0.92 else rng.choice(("回族", "满族", "蒙古族")),
            "国籍": "中国",
            "身份证件类型": "居民身份证",
            "身份证件号": id_number,
            "全国学籍号": "",
            "学籍副号": f"JS{index:010d}",
            "学段": "",
            "年级": GRADE_NAMES[grade - 1],
            "班级": str(1 + (index // len(GRADES)) % CLASSES_PER_GRADE),
            "入学年份": stage_start,
            "户口所在地": f"江苏省南京市玄武区{street}{rng.randrange(1, 300)}号",
            "户口所在地区划代码": COUNTY_CODE,
            "现住址": f"南京市玄武区{street}{rng.randrange(1, 300)}号{rng.randrange(1, 30)}室",
            "监护人姓名": surname + rng.choice(GIVEN) + rng.choice(GIVEN),
            "监护人关系": rng.choice(("父亲", "母亲", "祖父", "祖母")),
            "监护人电话": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
            "随班就读": "否",
            "残疾类型": "",
        }
        if plan.bad_every and index % plan.bad_every == plan.bad_every - 1:
            _break(row, BREAKAGES[(index // plan.bad_every) % len(BREAKAGES)], first_id)
        yield row


def _break(row: dict[str, object], how: str, first_id: str) -> None:
    if how == "check_character":
        number = str(row["身份证件号"])
        row["身份证件号"] = number[:17] + ("0" if number[17] != "0" else "1")
    elif how == "under_age":
        row["年级"], row["入学年份"] = "一年级", row["出生日期"].year + 5  # type: ignore[union-attr]
    elif how == "formula":
        row["现住址"] = '=HYPERLINK("http://example.invalid","点击")'
    elif how == "duplicate_id":
        row["身份证件号"] = first_id
    else:
        row["性别"] = "未知"


def write_workbook(path: Path, plan: WorkbookPlan) -> Path:
    """Streams the rows (constant memory, inline strings, as the platform's own writer does)."""
    rows = ({header: row[header] for header in HEADERS} for row in pupil_rows(plan))
    rustpy_xlsxwriter.write_worksheet(rows, str(path), sheet_name=DATA_SHEET)
    return path
