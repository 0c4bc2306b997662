from tests.unit.workflows.workflow_samples import RECEIVING, SAME_COUNTY, transfer
from xueji_workflows.approval.activities import BUREAU, PAPER_FILE, SCHOOL
from xueji_workflows.transfer.route import (
    approval_route,
    arrival_step,
    paper_file_received_step,
    paper_file_sent_step,
    same_bureau,
    withdrawal_party,
)


def test_different_bureaus_review_in_four_steps() -> None:
    route = approval_route(transfer())

    assert [(s.name, s.party_unit, s.roles) for s in route] == [
        ("receiving_school", "2131000001", ("school_reviewer",)),
        ("receiving_bureau", "310101", ("county_officer",)),
        ("sending_school", "2132000007", ("school_reviewer",)),
        ("sending_bureau", "320102", ("county_officer",)),
    ]
    assert [(s.deadline.kind, s.deadline.working_days) for s in route] == [
        (SCHOOL, 5),
        (BUREAU, 10),
        (SCHOOL, 5),
        (BUREAU, 10),
    ]
    assert all(s.decisions == ("approve", "refuse") for s in route)
    assert all(s.docking_province is None for s in route)


def test_one_bureau_decides_once_after_both_schools() -> None:
    case = transfer(sending_school=SAME_COUNTY)

    assert same_bureau(case)
    assert [(s.name, s.party_unit) for s in approval_route(case)] == [
        ("receiving_school", "2131000001"),
        ("sending_school", "2131000002"),
        ("common_bureau", "310101"),
    ]


def test_configured_limits_apply() -> None:
    route = approval_route(transfer(school_working_days=3, bureau_working_days=15))

    assert [s.deadline.working_days for s in route] == [3, 15, 3, 15]
    assert {s.escalation_working_days for s in route} == {15}


def test_docking_province_owns_its_partys_steps() -> None:
    case = transfer(sending_province_docks=True)

    docking = {s.name: s.docking_province for s in approval_route(case)}
    assert docking == {
        "receiving_school": None,
        "receiving_bureau": None,
        "sending_school": "32",
        "sending_bureau": "32",
    }
    assert paper_file_sent_step(case).docking_province == "32"
    assert arrival_step(case).docking_province is None


def test_after_approval_steps_belong_to_the_registrars() -> None:
    case = transfer()

    arrival, sent, received = (
        arrival_step(case),
        paper_file_sent_step(case),
        paper_file_received_step(case),
    )
    assert (arrival.party_unit, arrival.roles, arrival.deadline) == (
        RECEIVING.code,
        ("school_registrar",),
        None,
    )
    assert (sent.party_unit, sent.deadline.kind, sent.decided_event) == (
        "2132000007",
        PAPER_FILE,
        "paper_file_sent",
    )
    assert sent.party_path == ("32", "3201", "320102", "2132000007")
    assert (received.party_unit, received.deadline) == (RECEIVING.code, None)


def test_receiving_school_registrar_or_reviewer_may_withdraw() -> None:
    party = withdrawal_party(transfer())

    assert (party.party_unit, party.roles) == (
        RECEIVING.code,
        ("school_registrar", "school_reviewer"),
    )
