"""The home page's order: overdue first, then the nearest deadline, undated last."""

from __future__ import annotations

from datetime import UTC, datetime

from xueji_console.waiting import Waiting, ordered, status_change, transfer_step


def item(subject: str, deadline: datetime | None, *, overdue: bool = False) -> Waiting:
    return Waiting("转学", subject, "转入学校审核", deadline, overdue, False, None)


def test_overdue_come_first_then_the_nearest_deadline_then_the_undated() -> None:
    soon = datetime(2026, 12, 4, tzinfo=UTC)
    later = datetime(2026, 12, 9, tzinfo=UTC)
    items = [
        item("undated", None),
        item("later", later),
        item("overdue-later", later, overdue=True),
        item("soon", soon),
        item("overdue-soon", soon, overdue=True),
    ]
    assert [w.subject for w in ordered(items)] == [
        "overdue-soon",
        "overdue-later",
        "soon",
        "later",
        "undated",
    ]


def test_api_items_keep_their_deadline_step_and_escalation() -> None:
    transfer = transfer_step(
        {
            "id": "TR-G310118201709078319-0a1b2c3d",
            "pupil_number": "G310118201709078319",
            "pupil_name": "龙远睿",
            "sending_school": {"code": "2131000101", "name": "金泽小学"},
            "receiving_school": {"code": "2131000201", "name": "建襄小学"},
            "current_step": "receiving_bureau",
            "current_deadline": "2026-12-17T15:59:59+00:00",
            "overdue": True,
            "escalated_to": "3101",
        }
    )
    assert transfer.step == "转入地教育局审核"
    assert transfer.deadline == datetime(2026, 12, 17, 15, 59, 59, tzinfo=UTC)
    assert transfer.overdue and transfer.escalated
    assert transfer.href == "/transfers/TR-G310118201709078319-0a1b2c3d"
    change = status_change(
        {
            "pupil_id": "8b4f",
            "pupil_name": "叶佳子",
            "national_number": "G3101182020",
            "change_type_name": "休学",
            "current_step": "county_bureau",
            "deadline": None,
            "overdue": False,
            "escalated_to": [],
        }
    )
    assert (change.kind, change.step, change.href) == (
        "学籍异动·休学",
        "县（区）教育局审核",
        "/pupils/8b4f",
    )
    assert not change.escalated
