"""Realistic demo people for `make up`: names (a few 生僻字 among them), guardians, addresses.

Pure and deterministic: the same random generator gives the same pupils on every start.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from xueji_registry.pupils.state import Guardian

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "皇甫")
BOY_CHARACTERS = "浩宇轩子涵博文俊杰睿泽昊然铭天晨阳明志强伟嘉豪思远一诺梓皓辰逸瑞航鹏飞"
GIRL_CHARACTERS = "欣怡梓涵诗雨思佳可馨语嫣雅琪梦瑶子萱若汐静婷悦彤依诺晓雪慧敏佳怡紫琳"
# Characters outside everyday use that registries must keep intact (some beyond the BMP).
RARE_CHARACTERS = ("𠮷", "𬀩", "𬭚", "堃", "喆", "赟", "珺", "淼", "犇", "昇")
# (name, gender) of Uyghur pupils, whose transliterated names carry the interpunct.
UYGHUR_NAMES = (
    ("阿依古丽·买买提", "2"),
    ("艾力·吐尔逊", "1"),
    ("古丽娜尔·艾山", "2"),
    ("买买提江·阿不都", "1"),
)
FATHER_NAMES = "建国军华明强伟勇涛斌磊鹏海峰刚"
MOTHER_NAMES = "丽娟芳敏静燕红霞秀英玲梅莉萍"
STREETS = ("人民路", "解放路", "建设路", "中山路", "和平路", "文化路", "新华路", "青年路")
# GB/T 26341 disability categories as the special-education reporting system codes them.
DISABILITY_CATEGORIES = ("1", "2", "3", "4", "5", "6", "7")


@dataclass(frozen=True)
class DemoPerson:
    name: str
    gender: str  # "1" male, "2" female
    ethnicity: str
    guardians: tuple[Guardian, ...]
    address: str


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


def _given_name(rng: random.Random, male: bool) -> str:
    pool = BOY_CHARACTERS if male else GIRL_CHARACTERS
    length = 1 if rng.random() < 0.25 else 2
    characters = [rng.choice(pool) for _ in range(length)]
    if rng.random() < 0.03:
        characters[-1] = rng.choice(RARE_CHARACTERS)
    return "".join(characters)


def demo_person(rng: random.Random, *, place: str) -> DemoPerson:
    """One pupil's personal data; `place` is the county's name for the address."""
    male = rng.random() < 0.52
    if rng.random() < 0.01:
        (name, gender), ethnicity = rng.choice(UYGHUR_NAMES), "05"
        male, surname = gender == "1", name.split("·")[-1][:1]
    else:
        surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
        name = surname + _given_name(rng, male)
        ethnicity = "01" if rng.random() < 0.95 else rng.choice(("02", "03", "08", "11"))
    father = Guardian(
        surname + "".join(rng.choice(FATHER_NAMES) for _ in range(2)), "父亲", _phone(rng)
    )
    mother = Guardian(
        rng.choice(SURNAMES) + "".join(rng.choice(MOTHER_NAMES) for _ in range(2)),
        "母亲",
        _phone(rng),
    )
    guardians = (father, mother) if rng.random() < 0.5 else (mother, father)
    address = f"{place}{rng.choice(STREETS)}{rng.randrange(1, 400)}号{rng.randrange(1, 30)}栋"
    return DemoPerson(name, "1" if male else "2", ethnicity, guardians, address)
