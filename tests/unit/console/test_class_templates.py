"""The class pages render for the registrar: the list with the new class form (a refusal next
to the field, the form as typed) and one class with its pupils and the 分班 choices."""

from __future__ import annotations

from tests.unit.console.test_transfer_offers import person
from tests.unit.console.test_transfer_templates import render
from xueji_common.auth.principal import Role
from xueji_console.clients.calls import FieldProblem, ServiceProblem
from xueji_console.labels import GRADE_NAMES as GRADES
from xueji_console.pages.classes import CLASS_FIELDS

REGISTRAR = person(Role.SCHOOL_REGISTRAR, "2131000101")
CLASS = {"id": "c1", "school_code": "2131000101", "code": "2131000101202", "grade": 2,
         "name": "二年级(2)班", "teacher_account_id": None}  # fmt: skip
PUPIL = {"id": "p1", "name": "林一诺", "national_number": "G310118201803150014",
         "class_id": None, "class_name": None}  # fmt: skip


def test_the_class_list_shows_the_classes_and_a_labelled_new_class_form() -> None:
    page = render("classes/list.html", REGISTRAR, classes=[CLASS],
                  form=dict.fromkeys(CLASS_FIELDS, ""), problem=None, grades=GRADES)  # fmt: skip
    assert 'href="/classes/c1">二年级(2)班' in page
    for name in CLASS_FIELDS:
        assert f'<label for="{name}">' in page


def test_a_refused_class_number_is_shown_next_to_it_with_what_was_typed() -> None:
    too_big = FieldProblem("number", "VALIDATION_FAILED", "应不大于99")
    refused = ServiceProblem(422, "VALIDATION_FAILED", "取值不正确", "number", [too_big])
    form = {"grade": "2", "number": "120", "name": ""}
    page = render("classes/list.html", REGISTRAR, classes=[], form=form, problem=refused,
                  grades=GRADES)  # fmt: skip
    assert "本校尚未建立班级。" in page
    assert 'id="number-error">应不大于99' in page and 'value="120"' in page
    assert '<option value="2" selected>' in page


def test_the_class_page_lists_its_pupils_and_offers_the_grades_others() -> None:
    member = {**PUPIL, "id": "p2", "name": "陈思远", "class_id": "c1", "class_name": "二年级(2)班"}
    page = render("classes/detail.html", REGISTRAR, school_class=CLASS, members=[member],
                  candidates=[PUPIL], problem=None)  # fmt: skip
    assert "本班学生（1 名）" in page and "陈思远" in page
    assert (
        'name="pupil_ids" value="p1"' in page and '<label for="pupil-p1">林一诺（未分班）' in page
    )
