"""The bench's read model: pupils with 20 realistic fields in schools of one city, by COPY."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import asyncpg

from tests.integration.export_files.read_model_table import COLUMNS, copy_pupils, create_read_model

CITY = "/CN/32/3201/"
COUNTIES = ("320102", "320104", "320105", "320106")
PUPILS_PER_SCHOOL = 5_000
# The 20 exported fields, every one filled: the file's width drives the writer's cost.
FIELDS: tuple[str, ...] = (
    "school_code", "school_name", "stage", "grade", "class_name", "enrolment_year",
    "graduation_year", "status", "registration_state", "has_photo", "national_number",
    "name", "gender_code", "birth_date", "ethnicity_code", "nationality_code", "id_type",
    "id_number", "household_division_code", "address",
)  # fmt: skip
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "子涵欣怡梓轩浩宇雨萱一诺思彤俊熙晨阳嘉怡"


def _pupil(number: int) -> list[object]:
    school = number // PUPILS_PER_SCHOOL
    county = COUNTIES[school % len(COUNTIES)]
    school_code = f"3201{school:06d}"
    grade = 1 + number % 9
    born = date(2020 - grade, 1 + number % 12, 1 + number % 28)
    id_number = f"{county}{born:%Y%m%d}{number % 1000:03d}{number % 10}"
    values = dict.fromkeys(COLUMNS)
    values |= {
        "pupil_id": f"{number:08d}",
        "unit_path": f"{CITY}{county}/{school_code}/",
        "school_code": school_code,
        "school_name": f"南京市第{school + 1}学校",
        "stage": "PRIMARY" if grade <= 6 else "JUNIOR_SECONDARY",
        "grade": grade,
        "class_name": f"{grade}年级({1 + number % 8})班",
        "enrolment_year": 2026 - grade + (1 if grade <= 6 else 7),
        "graduation_year": 2026 + (6 - grade if grade <= 6 else 9 - grade),
        "status": "ENROLLED",
        "registration_state": "REGISTERED",
        "has_photo": number % 7 != 0,
        "national_number": f"G{id_number}",
        "name": _SURNAMES[number % 20] + _GIVEN[number % 16] + _GIVEN[(number // 16) % 16],
        "gender_code": "1" if number % 2 else "2",
        "birth_date": born,
        "ethnicity_code": "01",
        "nationality_code": "CHN",
        "id_type": "RESIDENT_ID_CARD",
        "id_number": id_number,
        "household_division_code": county,
        "address": f"江苏省南京市{county}区中山路{number % 997}号{number % 31}栋",
    }
    return [values[c] for c in COLUMNS]


def _pupils(count: int) -> Iterator[list[object]]:
    return (_pupil(n) for n in range(count))


async def fill(dsn: str, count: int) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        await create_read_model(connection)
        await copy_pupils(connection, _pupils(count))
    finally:
        await connection.close()
