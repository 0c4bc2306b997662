"""What registry staff type into the template's coded columns, mapped to the stored codes.

Schools write names (男, 汉族, 居民身份证, 一年级); codes are accepted too. The
code tables themselves stay in `domain.code_tables`; this is only the reading
of the words people use for them.
"""

from __future__ import annotations

from xueji_registry.domain.code_tables import (
    ETHNICITIES,
    GENDERS,
    ID_TYPES,
    STAGE_NAMES,
    Stage,
)

GENDER_WORDS: dict[str, str] = {
    **{code: code for code in GENDERS},
    **{name: code for code, name in GENDERS.items()},
    "男性": "1",
    "女性": "2",
}

ETHNICITY_WORDS: dict[str, str] = {
    **{code: code for code in ETHNICITIES},
    **{name: code for code, name in ETHNICITIES.items()},
}

ID_TYPE_WORDS: dict[str, str] = {
    **{code: code for code in ID_TYPES},
    **{kind.name: code for code, kind in ID_TYPES.items()},
    "身份证": "1",
}

STAGE_WORDS: dict[str, Stage] = {
    **{stage.value: stage for stage in Stage},
    **{name: stage for stage, name in STAGE_NAMES.items()},
    "普通高中": Stage.SENIOR,
    "特教": Stage.SPECIAL,
}

_CHINESE_DIGITS = "一二三四五六七八九"
GRADE_WORDS: dict[str, int] = {
    **{f"{digit}年级": number for number, digit in enumerate(_CHINESE_DIGITS, start=1)},
    **{f"{number}年级": number for number in range(1, 13)},
    **{str(number): number for number in range(1, 13)},
    "初一": 7, "初二": 8, "初三": 9,
    "高一": 10, "高二": 11, "高三": 12,
    "十年级": 10, "十一年级": 11, "十二年级": 12,
}

YES_WORDS = frozenset({"是", "Y", "YES", "1", "TRUE", "√"})
NO_WORDS = frozenset({"否", "N", "NO", "0", "FALSE", ""})

# GB/T 26341 disability categories, as the special-education reporting system codes them.
DISABILITY_CATEGORIES: dict[str, str] = {
    "1": "视力残疾",
    "2": "听力残疾",
    "3": "言语残疾",
    "4": "肢体残疾",
    "5": "智力残疾",
    "6": "精神残疾",
    "7": "多重残疾",
}
DISABILITY_WORDS: dict[str, str] = {
    **{code: code for code in DISABILITY_CATEGORIES},
    **{name: code for code, name in DISABILITY_CATEGORIES.items()},
}

# GB/T 2659 alpha-3 codes of the nationalities schools meet most; the code itself is accepted.
NATIONALITIES: dict[str, str] = {
    "CHN": "中国", "HKG": "中国香港", "MAC": "中国澳门", "TWN": "中国台湾",
    "USA": "美国", "CAN": "加拿大", "GBR": "英国", "FRA": "法国", "DEU": "德国",
    "ITA": "意大利", "ESP": "西班牙", "RUS": "俄罗斯", "JPN": "日本", "KOR": "韩国",
    "PRK": "朝鲜", "MNG": "蒙古", "VNM": "越南", "LAO": "老挝", "MMR": "缅甸",
    "THA": "泰国", "MYS": "马来西亚", "SGP": "新加坡", "IDN": "印度尼西亚",
    "PHL": "菲律宾", "IND": "印度", "PAK": "巴基斯坦", "KAZ": "哈萨克斯坦",
    "AUS": "澳大利亚", "NZL": "新西兰",
}
NATIONALITY_WORDS: dict[str, str] = {
    **{code: code for code in NATIONALITIES},
    **{name: code for code, name in NATIONALITIES.items()},
    "中华人民共和国": "CHN",
    "香港": "HKG",
    "澳门": "MAC",
    "台湾": "TWN",
}
DEFAULT_NATIONALITY = "CHN"
