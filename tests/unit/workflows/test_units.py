import pytest

from tests.unit.workflows.workflow_samples import RECEIVING
from xueji_workflows.units import SchoolRef, county_path, province_of, supervisor, well_formed

SCHOOL_PATH = ["31", "3101", "310101", "2131000001"]


@pytest.mark.parametrize(
    ("path", "escalations"),
    [
        (SCHOOL_PATH, ["310101", "3101", "31", "31"]),
        (["31", "3101", "310101"], ["3101", "31", "31", "31"]),
        (["31", "3101"], ["31", "31", "31", "31"]),
        (["31"], ["31", "31", "31", "31"]),
        (["CN", *SCHOOL_PATH], ["310101", "3101", "31", "31"]),  # the nation stays out
    ],
)
def test_escalation_climbs_one_level_at_a_time_up_to_the_province(
    path: list[str], escalations: list[str]
) -> None:
    assert [supervisor(path, rank) for rank in range(4)] == escalations


def test_school_paths() -> None:
    assert well_formed(RECEIVING)
    assert county_path(RECEIVING) == ["31", "3101", "310101"]
    assert province_of(RECEIVING.unit_path) == "31"


def test_school_paths_from_the_nation() -> None:
    school = SchoolRef("2131000001", "x", ["CN", *SCHOOL_PATH])

    assert well_formed(school)
    assert county_path(school) == ["31", "3101", "310101"]
    assert province_of(school.unit_path) == "31"


@pytest.mark.parametrize(
    "path",
    [
        ["31", "3101", "310101"],  # does not end with the school
        ["2131000001"],  # no province or county
        ["3101", "310101", "2131000001"],  # starts below the province
    ],
)
def test_malformed_school_paths(path: list[str]) -> None:
    assert not well_formed(SchoolRef("2131000001", "x", path))
