"""Deadlines, overdue steps and escalation, driven by skipping test-server time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from temporalio.client import WorkflowHandle
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.transfer_cases import (
    JIANGSU_SCHOOL,
    ONE_HOUR,
    SHANGHAI_SCHOOL,
    active,
    approve_until,
    county_officer,
    decide,
    report_arrival,
    sleep_until,
    start_transfer,
    step,
    transfer_input,
    until,
    until_step,
)
from tests.workflows.workflow_fakes import Fakes
from xueji_common.calendar import SHANGHAI, YearSchedule, local_date, month_deadline
from xueji_common.calendar.state_council import schedule_from_chinese_calendar
from xueji_workflows import search_attributes as sa
from xueji_workflows.transfer.workflows import TransferWorkflow

pytestmark = pytest.mark.integration

END_OF_GRACE = timedelta(seconds=1)


async def overdue_flag(handle: WorkflowHandle) -> bool | None:
    return (await handle.describe()).typed_search_attributes.get(sa.OVERDUE)


async def test_bureau_acting_on_its_tenth_working_day_is_on_time(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    timeline = await approve_until(handle, transfer, "receiving_bureau")
    bureau = active(timeline)
    expected = fakes.calendar.working_calendar().deadline(bureau.opened_at, 10)
    assert bureau.deadline == expected.due_at

    await sleep_until(workflow_env, bureau.deadline - ONE_HOUR)
    await decide(handle, county_officer(SHANGHAI_SCHOOL))
    timeline = await until_step(handle, "sending_school")

    decided = step(timeline, "receiving_bureau")
    assert decided.decision == "approve"
    assert decided.overdue is False
    assert decided.escalated_to == []
    assert "transfer.step_overdue" not in fakes.events.types(transfer.transfer_id)


async def test_bureau_missing_its_deadline_is_escalated_and_still_waits(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    first = active(await approve_until(handle, transfer, "receiving_bureau"))
    calendar = fakes.calendar.working_calendar()

    # Day 11: the day after the tenth working day.
    await sleep_until(workflow_env, first.deadline + timedelta(hours=12))
    bureau = active(await handle.query(TransferWorkflow.timeline))

    assert bureau.step == "receiving_bureau"
    assert bureau.decision is None
    assert bureau.overdue is True
    assert bureau.escalated_to == ["3101"]
    # The new deadline counts ten working days from the day the step went overdue.
    assert bureau.deadline == calendar.deadline(first.deadline + END_OF_GRACE, 10).due_at
    assert await overdue_flag(handle) is True
    escalation = next(e for e in fakes.events.transfer_events if e.type == "transfer.escalated")
    assert (escalation.step, escalation.escalated_to) == ("receiving_bureau", "3101")
    assert escalation.deadline == bureau.deadline

    # Missed again: the province is told next, and stays the last resort.
    await sleep_until(workflow_env, bureau.deadline + ONE_HOUR)
    again = active(await handle.query(TransferWorkflow.timeline))
    assert again.escalated_to == ["3101", "31"]
    await sleep_until(workflow_env, again.deadline + ONE_HOUR)
    assert active(await handle.query(TransferWorkflow.timeline)).escalated_to == [
        "3101",
        "31",
        "31",
    ]

    # Escalation never decides: the county still does, late.
    await decide(handle, county_officer(SHANGHAI_SCHOOL))
    timeline = await until_step(handle, "sending_school")
    assert step(timeline, "receiving_bureau").decision == "approve"
    assert step(timeline, "receiving_bureau").overdue is True
    assert await overdue_flag(handle) is False


async def test_school_step_escalates_to_its_own_bureau_after_five_working_days(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    school = active(await until_step(handle, "receiving_school"))
    assert school.deadline == fakes.calendar.working_calendar().deadline(school.opened_at, 5).due_at

    await sleep_until(workflow_env, school.deadline + ONE_HOUR)

    late = active(await handle.query(TransferWorkflow.timeline))
    assert (late.step, late.overdue, late.escalated_to) == ("receiving_school", True, ["310101"])


def transplanted_golden_week(day0: date) -> dict[int, YearSchedule]:
    """The real 2026 National Day schedule (09-20 to 10-10) moved so 2026-09-28 lands on
    `day0`, a Monday: same weekdays, same holidays and make-up days."""
    shift = day0 - date(2026, 9, 28)
    real = schedule_from_chinese_calendar(2026)
    window = (date(2026, 9, 20), date(2026, 10, 10))

    def moved(days: frozenset[date]) -> list[date]:
        return [d + shift for d in days if window[0] <= d <= window[1]]

    holidays, make_up = moved(real.holidays), moved(real.make_up_days)
    years = {d.year for d in (*holidays, *make_up, day0, day0 + timedelta(days=30))}
    return {
        y: YearSchedule(
            y,
            frozenset(d for d in holidays if d.year == y),
            frozenset(d for d in make_up if d.year == y),
        )
        for y in years
    }


async def test_golden_week_with_make_up_saturday_pushes_the_bureau_deadline(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    # SPEC §5: a step active on 2026-09-28 is due 2026-10-16 23:59:59 +08:00. The test
    # server's clock cannot go back, so the same schedule is replayed on the next Monday.
    today = local_date(await workflow_env.get_current_time())
    day0 = today + timedelta(days=7 - today.weekday())
    for schedule in transplanted_golden_week(day0).values():
        fakes.calendar.publish(schedule)
    await sleep_until(workflow_env, datetime.combine(day0, time(9, 0), tzinfo=SHANGHAI))

    transfer = transfer_input(receiving=SHANGHAI_SCHOOL, sending=JIANGSU_SCHOOL)
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    bureau = active(await approve_until(handle, transfer, "receiving_bureau"))

    assert local_date(bureau.opened_at) == day0
    expected = datetime.combine(day0 + timedelta(days=18), time(23, 59, 59), tzinfo=SHANGHAI)
    assert bureau.deadline == expected
    assert bureau.provisional is False


async def test_unpublished_year_is_provisional_until_the_calendar_is_published(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    now = await workflow_env.get_current_time()
    for year in (local_date(now).year, local_date(now).year + 1):
        fakes.calendar.withdraw(year)
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    school = active(await until_step(handle, "receiving_school"))
    assert school.provisional is True
    due = local_date(school.deadline)

    # The published schedule makes the provisional due date a holiday.
    for year in {local_date(school.opened_at).year, due.year}:
        holidays = frozenset({due}) if year == due.year else frozenset()
        fakes.calendar.publish(YearSchedule(year, holidays))
    await handle.signal(TransferWorkflow.calendar_published, due.year)

    timeline = await until(handle, lambda t: not active(t).provisional, "recompute")
    school = active(timeline)
    assert school.deadline == fakes.calendar.working_calendar().deadline(school.opened_at, 5).due_at
    assert local_date(school.deadline) > due
    recomputed = [
        e for e in fakes.events.transfer_events if e.type == "transfer.deadline_recomputed"
    ]
    assert [(e.step, e.deadline, e.provisional) for e in recomputed] == [
        ("receiving_school", school.deadline, False)
    ]


async def test_late_paper_file_escalates_to_the_sending_schools_bureau(
    workflow_env: WorkflowEnvironment,
    task_queue: str,
    worker: Worker,
    fakes: Fakes,
    started: list[WorkflowHandle],
) -> None:
    transfer = transfer_input()
    handle = await start_transfer(workflow_env.client, task_queue, transfer, started)
    await approve_until(handle, transfer)
    await report_arrival(handle, transfer)
    paper = active(await until_step(handle, "paper_file_sent"))
    assert paper.deadline == month_deadline(paper.opened_at).due_at

    await sleep_until(workflow_env, paper.deadline + ONE_HOUR)

    late = active(await handle.query(TransferWorkflow.timeline))
    assert (late.step, late.overdue, late.escalated_to) == ("paper_file_sent", True, ["320102"])
    calendar = fakes.calendar.working_calendar()
    assert late.deadline == calendar.deadline(paper.deadline + END_OF_GRACE, 10).due_at
