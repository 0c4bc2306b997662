"""Code tables of the registry, as data (the registry loads them into tables).

National standards keep their own codes (GB/T 2261.1 gender, GB/T 3304
ethnicity, the education ID-document type codes, the MOE school category
codes). Tables the platform defines itself (stage, pupil status, status change
type) use English slugs as codes so that API payloads and events read plainly;
province-specific encodings of them (e.g. the stage digit inside a Shanghai
local number) are data next to the format that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# GB/T 2261.1: 0 (unknown) and 9 (unstated) exist in the standard but a pupil
# record must say 1 or 2, so they are deliberately absent.
GENDERS: dict[str, str] = {"1": "男", "2": "女"}
MALE = "1"
FEMALE = "2"

# GB/T 3304: the 56 ethnic groups (01-56) plus 97 其他 (undetermined groups)
# and 98 外国血统中国籍人士 (naturalised citizens), which the standard also lists.
ETHNICITIES: dict[str, str] = {
    "01": "汉族", "02": "蒙古族", "03": "回族", "04": "藏族", "05": "维吾尔族",
    "06": "苗族", "07": "彝族", "08": "壮族", "09": "布依族", "10": "朝鲜族",
    "11": "满族", "12": "侗族", "13": "瑶族", "14": "白族", "15": "土家族",
    "16": "哈尼族", "17": "哈萨克族", "18": "傣族", "19": "黎族", "20": "傈僳族",
    "21": "佤族", "22": "畲族", "23": "高山族", "24": "拉祜族", "25": "水族",
    "26": "东乡族", "27": "纳西族", "28": "景颇族", "29": "柯尔克孜族", "30": "土族",
    "31": "达斡尔族", "32": "仫佬族", "33": "羌族", "34": "布朗族", "35": "撒拉族",
    "36": "毛南族", "37": "仡佬族", "38": "锡伯族", "39": "阿昌族", "40": "普米族",
    "41": "塔吉克族", "42": "怒族", "43": "乌孜别克族", "44": "俄罗斯族", "45": "鄂温克族",
    "46": "德昂族", "47": "保安族", "48": "裕固族", "49": "京族", "50": "塔塔尔族",
    "51": "独龙族", "52": "鄂伦春族", "53": "赫哲族", "54": "门巴族", "55": "珞巴族",
    "56": "基诺族", "97": "其他", "98": "外国血统中国籍人士",
}


class IdNumberShape(StrEnum):
    """How the number on an ID document is checked."""

    CITIZEN = "citizen"  # 公民身份号码, GB 11643, GB/T 2260 division
    RESIDENCE_PERMIT = "residence_permit"  # ID-shaped, division 810000/820000/830000
    FREE = "free"  # passport-like: letters, digits and hyphens only


@dataclass(frozen=True)
class IdType:
    code: str
    name: str
    shape: IdNumberShape


# Codes follow the education data standard's 身份证件类型 table; "C" for the
# Hong Kong/Macao/Taiwan residence permit (issued since 2018) is the platform's.
ID_TYPES: dict[str, IdType] = {
    t.code: t
    for t in (
        IdType("1", "居民身份证", IdNumberShape.CITIZEN),
        IdType("6", "香港特区护照/身份证明", IdNumberShape.FREE),
        IdType("7", "澳门特区护照/身份证明", IdNumberShape.FREE),
        IdType("8", "台湾居民来往大陆通行证", IdNumberShape.FREE),
        IdType("9", "境外永久居住证", IdNumberShape.FREE),
        IdType("A", "护照", IdNumberShape.FREE),
        IdType("B", "户口簿", IdNumberShape.CITIZEN),
        IdType("C", "港澳台居民居住证", IdNumberShape.RESIDENCE_PERMIT),
        IdType("Z", "其他", IdNumberShape.FREE),
    )
}
RESIDENT_ID_CARD = "1"


class Stage(StrEnum):
    """学段."""

    PRIMARY = "primary"
    JUNIOR = "junior"
    SENIOR = "senior"
    SPECIAL = "special"


def stage_from(value: str) -> Stage | None:
    """The stage for a code, or None when the code is unknown."""
    try:
        return Stage(value)
    except ValueError:
        return None


STAGE_NAMES: dict[Stage, str] = {
    Stage.PRIMARY: "小学",
    Stage.JUNIOR: "初中",
    Stage.SENIOR: "高中",
    Stage.SPECIAL: "特殊教育",
}


class PupilStatus(StrEnum):
    """学籍状态."""

    ENROLLED = "enrolled"
    SUSPENDED = "suspended"
    ABSENT = "absent"  # 辍学: compulsory education keeps the record, flagged
    WITHDRAWN = "withdrawn"  # 退学: senior secondary only
    DECEASED = "deceased"
    GRADUATED = "graduated"
    COMPLETED = "completed"  # 结业: left without a diploma
    TRANSFERRED_OUT = "transferred_out"


PUPIL_STATUS_NAMES: dict[PupilStatus, str] = {
    PupilStatus.ENROLLED: "在读",
    PupilStatus.SUSPENDED: "休学",
    PupilStatus.ABSENT: "辍学",
    PupilStatus.WITHDRAWN: "退学",
    PupilStatus.DECEASED: "死亡",
    PupilStatus.GRADUATED: "毕业",
    PupilStatus.COMPLETED: "结业",
    PupilStatus.TRANSFERRED_OUT: "转出",
}


class StatusChangeType(StrEnum):
    """学籍异动类型."""

    TRANSFER = "transfer"
    SUSPENSION = "suspension"
    RESUMPTION = "resumption"
    DROPOUT = "dropout"
    DEATH = "death"
    GRADUATION = "graduation"
    COMPLETION = "completion"
    REPEAT_GRADE = "repeat_grade"
    SKIP_GRADE = "skip_grade"


STATUS_CHANGE_TYPE_NAMES: dict[StatusChangeType, str] = {
    StatusChangeType.TRANSFER: "转学",
    StatusChangeType.SUSPENSION: "休学",
    StatusChangeType.RESUMPTION: "复学",
    StatusChangeType.DROPOUT: "退学",
    StatusChangeType.DEATH: "死亡",
    StatusChangeType.GRADUATION: "毕业",
    StatusChangeType.COMPLETION: "结业",
    StatusChangeType.REPEAT_GRADE: "留级",
    StatusChangeType.SKIP_GRADE: "跳级",
}

# SPEC §4: 退学 exists only in senior secondary; compulsory education flags 辍学.
DROPOUT_STAGES: frozenset[Stage] = frozenset({Stage.SENIOR})


@dataclass(frozen=True)
class SchoolCategory:
    code: str
    name: str
    in_registry: bool  # whether its pupils belong in this (primary/secondary) registry


# First two digits of the 10-digit 学校标识码 (MOE 学校(机构)代码管理办法).
# 九年一贯制 schools are coded 31 and 完全中学/十二年一贯制 schools 34; what a
# school teaches is its list of stages, not its category.
SCHOOL_CATEGORIES: dict[str, SchoolCategory] = {
    c.code: c
    for c in (
        SchoolCategory("11", "幼儿园", False),
        SchoolCategory("21", "普通小学", True),
        SchoolCategory("22", "成人小学", False),
        SchoolCategory("31", "普通初中", True),
        SchoolCategory("32", "职业初中", True),
        SchoolCategory("33", "成人初中", False),
        SchoolCategory("34", "普通高中", True),
        SchoolCategory("35", "成人高中", False),
        SchoolCategory("36", "中等职业学校", False),
        SchoolCategory("37", "工读学校", True),
        SchoolCategory("41", "普通高等学校", False),
        SchoolCategory("42", "成人高等学校", False),
        SchoolCategory("51", "特殊教育学校", True),
        SchoolCategory("91", "培养研究生的科研机构", False),
        SchoolCategory("92", "民办的其他高等教育机构", False),
        SchoolCategory("93", "中等职业培训机构", False),
    )
}
