from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import relaxed
from xueji_registry.domain.duplicates import (
    UnidentifiedPupil,
    find_suspected_duplicates,
    suspected_duplicate_key,
)

BIRTH = date(2018, 3, 4)


def test_key_is_readable_and_stable() -> None:
    assert suspected_duplicate_key("张三", "1", BIRTH) == "张三|1|2018-03-04"


def test_key_ignores_width_spacing_dots_and_case() -> None:
    key = suspected_duplicate_key("阿依古丽·买买提", "2", BIRTH)
    assert suspected_duplicate_key(" 阿依古丽・买买提 ", "2", BIRTH) == key
    assert suspected_duplicate_key("阿依古丽买买提", "2", BIRTH) == key
    assert suspected_duplicate_key("ＪＯＨＮ Smith", "1", BIRTH) == suspected_duplicate_key(
        "johnsmith", "1", BIRTH
    )


def test_key_keeps_rare_characters_distinct() -> None:
    assert suspected_duplicate_key("王𠀀", "1", BIRTH) != suspected_duplicate_key("王", "1", BIRTH)
    assert suspected_duplicate_key("赵\ufa10", "1", BIRTH) != suspected_duplicate_key(
        "赵\u585a", "1", BIRTH
    )


def test_key_separates_gender_and_birth_date() -> None:
    keys = {
        suspected_duplicate_key("张三", "1", BIRTH),
        suspected_duplicate_key("张三", "2", BIRTH),
        suspected_duplicate_key("张三", "1", date(2018, 3, 5)),
    }
    assert len(keys) == 3


def pupil(record: str, school: str, name: str = "张三", gender: str = "1") -> UnidentifiedPupil:
    return UnidentifiedPupil(record, school, name, gender, BIRTH)


def test_same_person_at_two_schools_is_suspected() -> None:
    pupils = [
        pupil("r1", "2131000001"),
        pupil("r2", "2132000002", name="张 三"),
        pupil("r3", "2131000001", gender="2"),
        pupil("r4", "2133000003", name="李四"),
    ]
    (group,) = find_suspected_duplicates(pupils)
    assert [p.record_id for p in group.pupils] == ["r1", "r2"]
    assert group.school_codes == {"2131000001", "2132000002"}


def test_same_school_only_is_not_listed() -> None:
    assert find_suspected_duplicates([pupil("r1", "S1"), pupil("r2", "S1")]) == []
    assert find_suspected_duplicates([]) == []


@relaxed
@given(st.lists(st.tuples(st.sampled_from(["S1", "S2", "S3"]), st.sampled_from(["张三", "李四"]))))
def test_every_group_spans_two_schools_and_shares_a_key(rows: list[tuple[str, str]]) -> None:
    pupils = [pupil(f"r{i}", school, name) for i, (school, name) in enumerate(rows)]
    groups = find_suspected_duplicates(pupils)
    for group in groups:
        assert len(group.school_codes) >= 2
        assert {suspected_duplicate_key(p.name, p.gender, p.birth_date) for p in group.pupils} == {
            group.key
        }
    listed = {p.record_id for g in groups for p in g.pupils}
    for name in ("张三", "李四"):
        schools = {school for school, n in rows if n == name}
        records = {f"r{i}" for i, (_s, n) in enumerate(rows) if n == name}
        assert (records <= listed) == (len(schools) >= 2 or not records)
