"""The field catalogue (导出字段目录): every field an export may contain, as data.

Each field has a stable English key (the name in ``xueji.registry.v1.PupilRecord`` where one
exists, as ``xueji.export.v1.RequestedField.field`` expects), its Chinese label, its
sensitivity, its value type and the event source that fills the export read model. ``FIELDS``
is in the catalogue's order, which is also the column order of every generated file.

Sensitivity. The national rules (数据导出使用管理规则, 第十条) demand the minimum fields the
purpose needs (按需最少数据字段) and forbid any field unrelated to it; SPEC §7 names ID number,
guardian contact, address and health/disability as sensitive, each needing its own reason.
The Personal Information Protection Law (第二十八条) counts all personal information of
children under 14 as sensitive. Most pupils are under 14, so every export is already sensitive
processing: that is why every export needs an application and an approval at all. Within
that, ``sensitive=True`` marks the fields that must each be approved one by one with a stated
reason:

- the categories SPEC §7 and issue 12 name: ID number, guardian contacts, addresses, health,
  disability and special-education data;
- the direct identifiers of the child, under PIPL's under-14 rule: name, birth date, the
  national student number (a G-number embeds the ID number) and the provincial number —
  with a name or number every other field of the row becomes a fact about one known child;
- ethnicity, a "specific identity" (特定身份) in PIPL's sense.

Fields describing the enrolment rather than the child (school, class, grade, status, has a
photo, …) are ordinary: an approved application may carry them without a per-field reason.

``carried=False`` marks fields the catalogue needs but today's events do not carry; the export
read model leaves them empty until the contracts are extended compatibly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from types import MappingProxyType


class ValueType(StrEnum):
    """How a value is stored in the read model and written to a file."""

    TEXT = "text"
    # A stable code stored in the read model; files show its Chinese label. Enum codes are
    # the proto value names without their enum prefix (PUPIL_STATUS_ENROLLED -> "ENROLLED").
    CODE = "code"
    DATE = "date"
    INTEGER = "integer"
    BOOLEAN = "boolean"


class Source(StrEnum):
    """Which events fill a field of the export read model."""

    # The PupilRecord snapshot carried by every registry pupil.* event.
    REGISTRY_PUPIL = "registry.pupil"
    # transfer.completed (TransferParties, completed_at).
    TRANSFER = "transfer"
    # photo.accepted sets it, photo.reopened clears it.
    PHOTO = "photo"


@dataclass(frozen=True, slots=True)
class CatalogueField:
    key: str
    label: str
    sensitive: bool
    value_type: ValueType
    source: Source
    # Where in the event the value comes from, e.g. "pupil.guardians[0].phone".
    origin: str
    # False when today's events do not carry the field (contracts to be extended).
    carried: bool = True
    # For CODE fields: stored code -> Chinese label shown in files.
    code_labels: Mapping[str, str] = dataclass_field(default_factory=dict)


_GENDER = {"1": "男", "2": "女"}
_ID_TYPE = {
    "RESIDENT_ID_CARD": "居民身份证",
    "HK_MACAO_TAIWAN_RESIDENCE_PERMIT": "港澳台居民居住证",
    "HK_MACAO_TRAVEL_PERMIT": "港澳居民来往内地通行证",
    "TAIWAN_TRAVEL_PERMIT": "台湾居民来往大陆通行证",
    "PASSPORT": "护照",
    "FOREIGNER_PERMANENT_RESIDENCE": "外国人永久居留身份证",
    "NONE": "无有效身份证件",
}
_STAGE = {
    "PRIMARY": "小学",
    "JUNIOR_SECONDARY": "初中",
    "SENIOR_SECONDARY": "高中",
    "SPECIAL_EDUCATION": "特殊教育",
}
_STATUS = {
    "ENROLLED": "在校",
    "SUSPENDED": "休学",
    "DROPPED_OUT": "退学",
    "DECEASED": "死亡",
    "GRADUATED": "毕业",
    "COMPLETED": "结业",
    "DELETED": "已删除",
    "TRANSFERRED_OUT": "转出",
}
_REGISTRATION = {
    "UNREGISTERED": "未上报",
    "PENDING_REVIEW": "待审核",
    "RETURNED": "退回",
    "REGISTERED": "已注册",
}

_T, _C, _D, _I, _B = (
    ValueType.TEXT,
    ValueType.CODE,
    ValueType.DATE,
    ValueType.INTEGER,
    ValueType.BOOLEAN,
)
_R, _X, _P = Source.REGISTRY_PUPIL, Source.TRANSFER, Source.PHOTO


def _f(
    key: str,
    label: str,
    sensitive: bool,
    value_type: ValueType,
    source: Source,
    origin: str,
    *,
    carried: bool = True,
    codes: Mapping[str, str] | None = None,
) -> CatalogueField:
    return CatalogueField(
        key,
        label,
        sensitive,
        value_type,
        source,
        origin,
        carried,
        MappingProxyType(dict(codes or {})),
    )


FIELDS: tuple[CatalogueField, ...] = (
    # Enrolment: where the pupil is and how the record stands.
    _f("school_code", "学校标识码", False, _T, _R, "pupil.school.code"),
    _f("school_name", "学校名称", False, _T, _R, "pupil.school.name"),
    _f("stage", "学段", False, _C, _R, "pupil.stage", codes=_STAGE),
    _f("grade", "年级", False, _I, _R, "pupil.grade"),
    _f("class_name", "班级", False, _T, _R, "pupil.class_name"),
    _f("enrolment_year", "入学年份", False, _I, _R, "pupil.enrolment_year"),
    _f("graduation_year", "毕业届别", False, _I, _R, "pupil.graduation_year"),
    _f("status", "学籍状态", False, _C, _R, "pupil.status", codes=_STATUS),
    _f(
        "registration_state",
        "注册状态",
        False,
        _C,
        _R,
        "pupil.registration_state",
        codes=_REGISTRATION,
    ),
    _f("left_school", "是否辍学", False, _B, _R, "pupil.left_school"),
    _f("has_photo", "是否已采集照片", False, _B, _P, "photo.accepted / photo.reopened"),
    _f(
        "last_transfer_from",
        "最近转入前学校",
        False,
        _T,
        _X,
        "transfer.completed parties.sending_school.name",
    ),
    _f("last_transfer_on", "最近转学完成日期", False, _D, _X, "transfer.completed completed_at"),
    # The child: identifiers and personal data.
    _f("national_number", "全国学籍号", True, _T, _R, "pupil.national_number"),
    _f("local_number", "学籍副号", True, _T, _R, "pupil.local_number"),
    _f("name", "姓名", True, _T, _R, "pupil.name"),
    _f("gender_code", "性别", False, _C, _R, "pupil.gender_code", codes=_GENDER),
    _f("birth_date", "出生日期", True, _D, _R, "pupil.birth_date"),
    _f("ethnicity_code", "民族代码", True, _T, _R, "pupil.ethnicity_code"),
    _f("nationality_code", "国籍/地区代码", False, _T, _R, "pupil.nationality_code"),
    _f("id_type", "身份证件类型", False, _C, _R, "pupil.id_type", codes=_ID_TYPE),
    _f("id_number", "身份证件号码", True, _T, _R, "pupil.id_number"),
    # Addresses.
    _f(
        "household_division_code",
        "户籍所在地行政区划代码",
        False,
        _T,
        _R,
        "pupil.household_registration.division_code",
    ),
    _f(
        "household_nature_code",
        "户口性质代码",
        False,
        _T,
        _R,
        "pupil.household_registration.nature_code",
    ),
    _f(
        "household_address",
        "户籍地址",
        True,
        _T,
        _R,
        "pupil.household_registration.address",
    ),
    _f("address", "现住址", True, _T, _R, "pupil.address"),
    # Health, disability and special education.
    _f("health_status", "健康状况", True, _T, _R, "pupil.health_status", carried=False),
    _f("inclusive_education", "是否随班就读", True, _B, _R, "pupil.inclusive_education"),
    _f(
        "disability_category_code",
        "残疾类型代码",
        True,
        _T,
        _R,
        "pupil.disability_category_code",
    ),
    # The primary guardian (the first in PupilRecord.guardians).
    _f("guardian_name", "监护人姓名", True, _T, _R, "pupil.guardians[0].name"),
    _f("guardian_relation", "监护人关系", False, _T, _R, "pupil.guardians[0].relation"),
    _f("guardian_phone", "监护人联系电话", True, _T, _R, "pupil.guardians[0].phone"),
    _f(
        "guardian_id_number",
        "监护人身份证件号码",
        True,
        _T,
        _R,
        "pupil.guardians[0].id_number",
    ),
)

_BY_KEY: Mapping[str, CatalogueField] = MappingProxyType({f.key: f for f in FIELDS})
KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)
SENSITIVE_KEYS: frozenset[str] = frozenset(f.key for f in FIELDS if f.sensitive)
_POSITION: Mapping[str, int] = MappingProxyType({k: i for i, k in enumerate(KEYS)})


def field(key: str) -> CatalogueField | None:
    """The catalogue entry for ``key``, or None when the key is not exportable."""
    return _BY_KEY.get(key)


def in_catalogue_order(keys: Iterable[str]) -> tuple[str, ...]:
    """Catalogue keys among ``keys`` in the catalogue's order; unknown keys are dropped."""
    return tuple(sorted((k for k in set(keys) if k in _POSITION), key=_POSITION.__getitem__))
