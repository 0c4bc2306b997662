"""Reports: the monthly report run by its schedule, the school's full registry, and the
special-education reconciliation list, each scoped to who may read it."""

from __future__ import annotations

import asyncio
import io
from urllib.parse import quote

import pytest
from python_calamine import CalamineWorkbook
from temporalio.client import ScheduleActionExecutionStartWorkflow

from tests.integration.registry_status.conftest import Registry
from tests.integration.registry_status.flows import PAUSE, POLLS, outbox_events
from tests.integration.registry_status.world import DONGHU, NANCHANG, XIHU, World, new_pupil
from xueji_registry.reports.store import REPORTS_BUCKET
from xueji_workflows.monthly_report import SCHEDULE_ID, TASK_QUEUE, MonthlyReportOutcome
from xueji_workflows.monthly_report.workflows import MonthlyReportWorkflow

pytestmark = pytest.mark.integration


def sheets(data: bytes) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


async def triggered_run(registry: Registry) -> MonthlyReportOutcome:
    """Trigger the schedule and wait for the run it started."""
    schedule = registry.temporal.get_schedule_handle(SCHEDULE_ID)
    before = {a.action.workflow_id for a in (await schedule.describe()).info.recent_actions
              if isinstance(a.action, ScheduleActionExecutionStartWorkflow)}  # fmt: skip
    await schedule.trigger()
    for _ in range(POLLS):
        for action in (await schedule.describe()).info.recent_actions:
            started = action.action
            if isinstance(started, ScheduleActionExecutionStartWorkflow) and (
                started.workflow_id not in before
            ):
                handle = registry.temporal.get_workflow_handle_for(
                    MonthlyReportWorkflow.run,
                    started.workflow_id,
                    run_id=started.first_execution_run_id,
                )
                return await handle.result()
        await asyncio.sleep(PAUSE)
    raise AssertionError("the schedule never started the monthly report")


async def test_the_scheduled_monthly_report_lists_pupils_without_a_g_number(
    registry: Registry, world: World
) -> None:
    http = registry.http
    unnumbered = await new_pupil(http, world, "x", grade=3, id_type=None, id_number=None)
    numbered = await new_pupil(http, world, "x", grade=3)
    assert unnumbered["national_number"].startswith("L")
    described = await registry.temporal.get_schedule_handle(SCHEDULE_ID).describe()
    assert described.schedule.spec.time_zone_name == "Asia/Shanghai"
    assert described.schedule.action.task_queue == TASK_QUEUE  # type: ignore[union-attr]

    outcome = await triggered_run(registry)

    key = f"monthly/{outcome.month}/360102.xlsx"
    assert key in outcome.object_keys
    stored = registry.s3.get_object(REPORTS_BUCKET, key)
    try:
        book = sheets(stored.read())
    finally:
        stored.close()
        stored.release_conn()
    listed = [row[1] for row in book["未获正式学籍号学生"][1:]]
    assert unnumbered["national_number"] in listed
    assert numbered["national_number"] not in listed
    events = await outbox_events(registry.db, "360102")
    [message] = [m for k, m in events if k == "report.generated" and m.period == outcome.month]
    assert message.recipient.code == "3601"
    assert message.object_key == key
    assert message.pupil_count == len(listed)

    city = world.city(NANCHANG)
    reports = await http.get(
        "/v1/reports/monthly", params={"county": "360102", "month": outcome.month}, headers=city
    )
    [report] = reports.json()
    assert report["pupil_count"] == len(listed)
    download = await http.get(report["download_url"], headers=city)
    assert download.status_code == 200
    assert unnumbered["national_number"] in [
        r[1] for r in sheets(download.content)["未获正式学籍号学生"]
    ]
    other = world.county(XIHU)
    assert (await http.get("/v1/reports/monthly", params={"county": "360102"},
                           headers=other)).json() == []  # fmt: skip
    assert (await http.get(report["download_url"], headers=other)).status_code == 404


async def test_the_school_report_is_named_for_the_school_and_has_both_sheets(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "p", grade=4)
    flagged = await http.put(
        f"/v1/pupils/{pupil['id']}/left-school",
        json={"left_school": True, "reason": "长期未到校"},
        headers=world.registrar("p"),
    )
    assert flagged.status_code == 200, flagged.text

    code = world.code("p")
    response = await http.get(
        f"/v1/schools/{code}/registry-report.xlsx", headers=world.registrar("p")
    )

    assert response.status_code == 200, response.text
    name = f"{code}南昌市东湖区状态测试小学.xlsx"
    assert f"filename*=UTF-8''{quote(name)}" in response.headers["content-disposition"]
    book = sheets(response.content)
    assert list(book) == ["学籍总库", "信息更正表"]
    registry_sheet = book["学籍总库"]
    assert registry_sheet[0][:8] == [
        "全国学籍号", "学籍副号", "姓名", "性别", "年级", "班级", "毕业届别", "学段",
    ]  # fmt: skip
    [row] = [r for r in registry_sheet if r[0] == pupil["national_number"]]
    assert row[2:5] == ["刘小明", "男", "四年级"]
    assert row[6] == f"{pupil['graduation_year']}届"
    corrections = [r for r in book["信息更正表"] if r[0] == pupil["national_number"]]
    assert [r[2:6] for r in corrections] == [["学籍状态", "在读", "辍学", "辍学：长期未到校"]]
    elsewhere = await http.get(
        f"/v1/schools/{code}/registry-report.xlsx", headers=world.registrar("w")
    )
    assert elsewhere.status_code == 404


async def test_special_education_list_has_inclusive_and_special_school_pupils(
    registry: Registry, world: World
) -> None:
    http = registry.http
    inclusive = await new_pupil(
        http, world, "p", grade=2, inclusive_education=True, disability_category="4"
    )
    special = await new_pupil(http, world, "x", grade=5, disability_category="5")
    ordinary = await new_pupil(http, world, "p", grade=2)
    county = world.county(DONGHU)

    listed = await http.get("/v1/counties/360102/special-education", headers=county)

    assert listed.status_code == 200, listed.text
    by_number = {p["national_number"]: p for p in listed.json()["pupils"]}
    assert by_number[inclusive["national_number"]]["placement_name"] == "随班就读"
    assert by_number[inclusive["national_number"]]["disability_name"] == "肢体残疾"
    assert by_number[special["national_number"]]["placement"] == "special_school"
    assert by_number[special["national_number"]]["disability_name"] == "智力残疾"
    assert ordinary["national_number"] not in by_number
    workbook = await http.get("/v1/counties/360102/special-education.xlsx", headers=county)
    rows = sheets(workbook.content)["特殊教育学生核对名单"]
    [row] = [r for r in rows if r[1] == inclusive["national_number"]]
    assert row[10:] == ["随班就读", "4", "肢体残疾"]
    for outsider in (world.county(XIHU), world.registrar("p")):
        refused = await http.get("/v1/counties/360102/special-education", headers=outsider)
        assert refused.status_code == 404
